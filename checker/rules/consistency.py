"""Consistency rules: several accepted forms, of which a document (or the corpus) must use
only one. The first form in the rule is preferred when usage is tied."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from checker.models.rules import ConsistencyRule
from checker.rules.text import lower_in_place, match_key
from checker.textutil import fold


@dataclass(frozen=True)
class Occurrence:
    """One use of a form in a document."""

    doc: str
    start: int
    end: int
    form: str


@dataclass(frozen=True)
class ConsistencyHit:
    """A rule broken in a scope: the dominant form, and the occurrences of the others."""

    rule: ConsistencyRule
    scope: str  # document id, or "corpus"
    dominant: str
    counts: tuple[tuple[str, int], ...]
    minority: tuple[Occurrence, ...]


@lru_cache(maxsize=256)
def _automaton(forms: tuple[str, ...], case_sensitive: bool) -> ahocorasick.Automaton:
    """The forms of a rule compiled once (not once per document)."""
    automaton = ahocorasick.Automaton()
    for form in forms:
        key = match_key(form, case_sensitive)
        automaton.add_word(key, (form, len(key)))
    automaton.make_automaton()
    return automaton


def find_forms(rule: ConsistencyRule, doc: str, text: str,
               regions: Sequence[tuple[int, int]]) -> list[Occurrence]:
    """Occurrences of the rule's forms in the given regions of a text (word-bounded)."""
    automaton = _automaton(tuple(rule.forms), rule.case_sensitive)
    out: list[Occurrence] = []
    for start, end in regions:
        chunk = fold(text[start:end])
        hay = chunk if rule.case_sensitive else lower_in_place(chunk)
        for last, (form, length) in automaton.iter(hay):
            a, b = last - length + 1, last + 1
            before = chunk[a - 1] if a > 0 else " "
            after = chunk[b] if b < len(chunk) else " "
            if not before.isalnum() and not after.isalnum():
                out.append(Occurrence(doc, start + a, start + b, form))
    out.sort(key=lambda o: (o.doc, o.start, -(o.end - o.start)))
    kept: list[Occurrence] = []
    for o in out:
        if kept and kept[-1].doc == o.doc and o.start < kept[-1].end:
            continue
        kept.append(o)
    return kept


def check(rule: ConsistencyRule, occurrences: Mapping[str, list[Occurrence]]) -> list[
        ConsistencyHit]:
    """Hits of one rule over the occurrences found per document."""
    if rule.scope == "corpus":
        scopes = {"corpus": [o for doc in sorted(occurrences) for o in occurrences[doc]]}
    else:
        scopes = {doc: occurrences[doc] for doc in sorted(occurrences)}
    hits: list[ConsistencyHit] = []
    for scope, found in scopes.items():
        counts = {form: sum(1 for o in found if o.form == form) for form in rule.forms}
        used = [f for f in rule.forms if counts[f]]
        if len(used) < 2:
            continue
        dominant = max(used, key=lambda f: (counts[f], -rule.forms.index(f)))
        minority = tuple(o for o in found if o.form != dominant)
        hits.append(ConsistencyHit(rule, scope, dominant,
                                   tuple((f, counts[f]) for f in used), minority))
    return hits
