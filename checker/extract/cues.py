"""Word cues: vocabularies matched through a set of tokens, so a sentence is read once.

A big alternation regex costs its length at every position of every sentence; a set lookup
per token costs nothing. Phrases ("in my view") keep a regex, run only when one of their
words is among the tokens: the answer is the same as the plain regex, at a fraction of the
cost (extraction must keep up with a megabyte per second).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from checker import rx
from checker.extract.gates import Gates
from checker.nlp import ascii_lower_words

_TOKEN_RE: Final = rx.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Without an apostrophe (most sentences) the tokens are the runs of letters and digits: a
# pattern of one class, with no suffix to try after each run, finds them a fifth faster.
_RUN_RE: Final = rx.compile(r"[a-z0-9][a-z0-9]*+")


@lru_cache(maxsize=4096)
def tokens(text: str) -> frozenset[str]:
    """Lower-case word tokens of a sentence ("weren't" stays one token)."""
    # (No character lower-cases to an apostrophe; an ASCII text's lower case is ASCII, and
    # where another's is, "\u212a" for "k", its runs of [a-z0-9] are the regex's.)
    if "'" in text:
        return frozenset(_TOKEN_RE.findall(text.lower()))
    if text.isascii():
        # Its runs of [a-z0-9] by a byte translation (capitals to lower case in the same
        # table, no str.lower()) and a split in C, half the cost of the regex's match by match
        # (-1.2% of extraction's instructions; tests/extract/test_speed52_clean.py).
        return frozenset(ascii_lower_words(text))
    return frozenset(_RUN_RE.findall(text.lower()))


class Cue:
    """Single words matched as tokens; phrases by a regex gated on their words."""

    def __init__(self, words: str, phrases: Iterable[str] = (), flags: int = re.IGNORECASE):
        self.words = frozenset(words.split())
        phrase_list = list(phrases)
        self._regex = (rx.compile(r"\b(?:" + "|".join(phrase_list) + r")\b", flags)
                       if phrase_list else None)
        # A phrase can only match when its first word is present.
        self._gate = frozenset(
            re.match(r"[a-z0-9]+", p.lower()).group()  # type: ignore[union-attr]
            for p in phrase_list
        )
        # First words are often "a", "in", "it": in ASCII text a phrase also needs its
        # longest literal word ("view" of "in my view") as a substring of the lower case text.
        needles = [_longest_word(p) for p in phrase_list]
        self._needles = Gates([() if None in needles else tuple(filter(None, needles))])

    @property
    def needles(self) -> tuple[str, ...]:
        """The substrings one of which the lower case of an ASCII text holds wherever a
        phrase matches (none: every text may hold one)."""
        return self._needles.groups[0]

    def found(self, text: str, toks: frozenset[str] | None = None,
              needled: bool | None = None) -> bool:
        """Whether any word or phrase of the cue occurs in text; `needled` whether the lower
        case of text holds one of `needles`, when the caller read it (an ASCII text's)."""
        toks = tokens(text) if toks is None else toks
        if not self.words.isdisjoint(toks):
            return True
        if self._regex is None or self._gate.isdisjoint(toks):
            return False
        if text.isascii() and not (self._needles.mask(text.lower()) if needled is None
                                   else needled):
            return False
        return self._regex.search(text) is not None


_LITERAL_WORD_RE: Final = rx.compile(r"[a-z0-9'-]+")


def _longest_word(phrase: str) -> str | None:
    """The longest word every match of a phrase holds: one of its words before any group,
    when they are literal words between \\s+ ("view" of "in\\s+my\\s+view"); else None."""
    head = phrase.lower().split("(")[0].replace(r"\s+", " ").strip()
    words = _LITERAL_WORD_RE.findall(head)
    return max(words, key=len) if words and " ".join(words) == head else None


def any_in(text: str, needles: Iterable[str]) -> bool:
    """Whether any of the substrings occurs in text (a cheap necessary condition)."""
    for n in needles:  # noqa: SIM110 -- any() over a generator costs twice as much here
        if n in text:
            return True
    return False


_ESCAPE_RE: Final = rx.compile(r"\\.")
_GROUP_NAME_RE: Final = rx.compile(r"\(\?P(?:<\w+>|=\w+\))")


def lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The IGNORECASE pattern without the flag, to search the lower-case text of ASCII text;
    None for a pattern that is no such twin's (case-sensitive, or upper case in it).

    In ASCII text IGNORECASE is lower-casing (the few other characters it folds, "\u017f"
    for "s", are not ASCII): a pattern written in lower case finds the same, at the same
    spans, in text.lower() without the flag, and there the engine skips a branch on its
    first letter instead of entering each (2-3x faster). An upper-case letter in it
    ("[A-Z]") or a case-sensitive part ("(?-i:may)") would find less."""
    if not pattern.flags & re.IGNORECASE:
        return None
    # \\Z, \\W are classes and (?P<name> a group, not letters.
    bare = _GROUP_NAME_RE.sub("", _ESCAPE_RE.sub("", pattern.pattern))
    if "(?-i" in bare or any("A" <= c <= "Z" for c in bare):
        return None
    return rx.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def must_lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """lower_twin(pattern), refusing (at import) a pattern that has none."""
    twin = lower_twin(pattern)
    if twin is None:
        raise ValueError(f"no lower-case twin: {pattern.pattern[:60]!r}")
    return twin
