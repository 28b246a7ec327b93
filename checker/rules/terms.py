"""Term rules: wrong spellings found in one pass over the text for all rules.

Literal variants go into an Aho-Corasick automaton (one scan whatever the number of
rules); patterns run on RE2, which has no backtracking, so a rule cannot hang a run;
fuzzy variants compare capitalised words with the canonical form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick
import re2
from rapidfuzz import fuzz

from checker.errors import ClaimcheckError, Location, RuleError
from checker.models.rules import TermRule
from checker.rules.text import fold_pattern, lower_in_place, match_key
from checker.textutil import fold

# RE2 would also log its parse errors to stderr; the located RuleError says it once.
_QUIET = re2.Options()
_QUIET.log_errors = False
MAX_PATTERN_LENGTH = 1000


@dataclass(frozen=True, slots=True)
class TermHit:
    """A wrong spelling: where, what was found, and the fix."""

    rule: TermRule
    start: int
    end: int
    found: str
    replacement: str
    confidence: float


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _fix_case(found: str, canonical: str) -> str:
    """Keep the document's apostrophe style: "Chiang’e" -> "Chang’e"."""
    if "\u2019" in found and "'" in canonical:
        return canonical.replace("'", "\u2019")
    return canonical


class TermMatcher:
    """All term rules compiled once."""

    def __init__(self, rules: Sequence[TermRule],
                 sources: dict[str, Location] | None = None) -> None:
        self.rules = list(rules)
        self.errors: list[ClaimcheckError] = []
        self._ci = ahocorasick.Automaton()
        self._cs = ahocorasick.Automaton()
        # With the group a match reports: `(?P<term>...)` when the pattern marks the
        # misspelling inside its context, else the whole match (looked up once: the
        # binding computes `groupindex` anew on each access).
        self._patterns: list[tuple[TermRule, re2._Regexp, int]] = []
        # (rule, canonical form, and the words never flagged), folded as the text is.
        self._fuzzy = [(r, fold(r.canonical), frozenset(fold(w) for w in r.ignore))
                       for r in self.rules if r.fuzzy]
        sources = sources or {}
        for rule in self.rules:
            for variant in rule.variants:
                key = match_key(variant, rule.case_sensitive)
                target = self._cs if rule.case_sensitive else self._ci
                existing = target.get(key, [])
                target.add_word(key, [*existing, (rule, len(key))])
            for pattern in rule.patterns:
                compiled = self._compile(rule, pattern, sources.get(rule.id))
                if compiled is not None:
                    self._patterns.append((rule, compiled,
                                           compiled.groupindex.get("term", 0)))
        for automaton in (self._ci, self._cs):
            if len(automaton):
                automaton.make_automaton()

    def _compile(self, rule: TermRule, pattern: str,
                 where: Location | None) -> re2._Regexp | None:
        compiled, problem = compile_pattern(rule, pattern)
        if problem is not None:
            self.errors.append(RuleError(problem, where))
        return compiled

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TermHit]:
        """Every variant in text[start:end], earliest first, overlaps resolved by length."""
        stop = len(text) if end is None else end
        folded = fold(text[start:stop])
        hits: list[TermHit] = []
        for automaton, haystack in ((self._ci, lower_in_place(folded)), (self._cs, folded)):
            if not len(automaton):
                continue
            for last, entries in automaton.iter(haystack):
                for rule, length in entries:
                    a, b = last - length + 1, last + 1
                    if self._bounded(folded, a, b):
                        hits.append(self._hit(rule, text, start + a, start + b, 1.0))
        for rule, regex, group in self._patterns:
            for m in regex.finditer(folded):
                a, b = m.start(group), m.end(group)
                if b > a:
                    hits.append(self._hit(rule, text, start + a, start + b, 1.0))
        hits.extend(self._fuzzy_hits(text, start, folded))
        return _dedupe(hits)

    @staticmethod
    def _bounded(folded: str, a: int, b: int) -> bool:
        before = folded[a - 1] if a > 0 else " "
        after = folded[b] if b < len(folded) else " "
        return not _is_word_char(before) and not _is_word_char(after)

    @staticmethod
    def _hit(rule: TermRule, text: str, a: int, b: int, confidence: float) -> TermHit:
        found = text[a:b]
        return TermHit(rule, a, b, found, _fix_case(found, rule.canonical), confidence)

    def _fuzzy_hits(self, text: str, start: int, folded: str) -> list[TermHit]:
        out: list[TermHit] = []
        if not self._fuzzy:
            return out
        for m in re2.finditer(r"[A-Z][\w']+", folded):
            for rule, canon, ignore in self._fuzzy:
                word = _without_possessive(m.group(), canon)
                if word == canon or word.lower() == canon.lower() or word in ignore:
                    continue
                score = fuzz.ratio(word, canon) / 100
                if rule.fuzzy is not None and score >= rule.fuzzy:
                    a = start + m.start()
                    out.append(self._hit(rule, text, a, a + len(word), round(score, 3)))
        return out


def compile_pattern(rule: TermRule, pattern: str) -> tuple[re2._Regexp | None, str | None]:
    """A term pattern compiled for the folded text, or why it cannot be."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return None, f"pattern longer than {MAX_PATTERN_LENGTH} characters"
    folded, problem = fold_pattern(pattern)
    if problem:
        return None, f"pattern {as_written(pattern)}: {problem}"
    try:
        prefix = "" if rule.case_sensitive else "(?i)"
        return re2.compile(prefix + folded, _QUIET), None
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        return None, (f"invalid pattern {as_written(pattern)}: {reason} (RE2 syntax: no "
                      "backreferences or lookaround)")


def as_written(pattern: str) -> str:
    """A pattern quoted as the rule file has it: repr() would double every backslash of a
    regular expression; only characters that do not print are escaped."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in pattern)
    return f"'{shown}'"


def _without_possessive(word: str, canon: str) -> str:
    """A folded word without its closing quote or possessive: "Tiangong's" and the
    "Tiangong'" of 'Tiangong' are the word "Tiangong", which is spelt right (unless the
    canonical form itself ends so: "McDonald's")."""
    if not canon.endswith("'"):
        word = word.rstrip("'")
    if len(word) > 2 and word[-2:] in ("'s", "'S") and canon[-2:].lower() != "'s":
        word = word[:-2]
    return word


def _dedupe(hits: list[TermHit]) -> list[TermHit]:
    """One hit per place: the longest match wins, ties by rule id."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.rule.id))
    out: list[TermHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out
