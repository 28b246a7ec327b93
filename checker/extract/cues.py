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

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=4096)
def tokens(text: str) -> frozenset[str]:
    """Lower-case word tokens of a sentence ("weren't" stays one token)."""
    return frozenset(_TOKEN_RE.findall(text.lower()))


class Cue:
    """Single words matched as tokens; phrases by a regex gated on their words."""

    def __init__(self, words: str, phrases: Iterable[str] = (), flags: int = re.IGNORECASE):
        self.words = frozenset(words.split())
        phrase_list = list(phrases)
        self._regex = (re.compile(r"\b(?:" + "|".join(phrase_list) + r")\b", flags)
                       if phrase_list else None)
        # A phrase can only match when its first word is present.
        self._gate = frozenset(
            re.match(r"[a-z0-9]+", p.lower()).group()  # type: ignore[union-attr]
            for p in phrase_list
        )

    def found(self, text: str, toks: frozenset[str] | None = None) -> bool:
        """Whether any word or phrase of the cue occurs in text."""
        toks = tokens(text) if toks is None else toks
        if not self.words.isdisjoint(toks):
            return True
        if self._regex is None or self._gate.isdisjoint(toks):
            return False
        return self._regex.search(text) is not None


def any_in(text: str, needles: Iterable[str]) -> bool:
    """Whether any of the substrings occurs in text (a cheap necessary condition)."""
    for n in needles:  # noqa: SIM110 -- any() over a generator costs twice as much here
        if n in text:
            return True
    return False
