"""Substring gates read in one pass: which groups of cue substrings occur in a sentence.

A detector runs a regex only when one of its cue substrings occurs (a necessary condition).
Testing each group with `in` cost a Python loop per group and per sentence; one
Aho-Corasick scan finds every occurrence of every cue at once (overlapping ones included),
so the answer is exactly the `any(n in text for n in group)` of each group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import ahocorasick

from checker import rx
from checker.charscan import single_spaced

# Cues of several words ("next year", " than", "in a row") are written with single spaces,
# and the patterns they gate take any run of whitespace there ("next\\s+year"): a text read
# for its cues has each run made one space, so a cue is found wherever its pattern can match.
_SPACES_RE: Final = rx.compile(r"\s+")


def gate_text(text: str) -> str:
    """text as the gates read it: each run of whitespace one space."""
    # Most clauses' only whitespace is single spaces: a scan of character codes, where a
    # regex substitution cost 1 us a clause.
    return text if single_spaced(text) else _SPACES_RE.sub(" ", text)


# The order an automaton's needles are added in: a trie node's children are tried one by
# one in the order they were added (pyahocorasick), so needles sorted by their characters'
# rank in English text put the children most clause characters take first (-14% of the
# scan's instructions). The order changes no answer, only the speed.
_COMMON: Final = " etaoinsrhldcumfpgwybvkxjqz,.0123456789-'\"%$:;()/&"
_RANK: Final = {char: rank for rank, char in enumerate(_COMMON)}


def _by_frequency(needle: str) -> list[int]:
    """A needle's sort key: its characters' ranks (others after, by code)."""
    return [_RANK.get(char, len(_COMMON) + ord(char)) for char in needle]


def _automaton(values: Mapping[str, object]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of the needles, each with its value."""
    automaton = ahocorasick.Automaton()
    for needle in sorted(values, key=_by_frequency):
        automaton.add_word(needle, values[needle])
    automaton.make_automaton()
    return automaton


class Gates:
    """Groups of substrings; `mask(text)` has bit i set when group i has one in text.

    An empty group always passes (a pattern without cue words is always tried)."""

    __slots__ = ("_always", "_automaton", "groups")

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.groups = tuple(tuple(group) for group in groups)
        bits: dict[str, int] = {}
        self._always = 0
        for i, group in enumerate(groups):
            if not group:
                self._always |= 1 << i
            for needle in group:
                bits[needle] = bits.get(needle, 0) | 1 << i
        self._automaton = _automaton(bits)

    @property
    def always(self) -> int:
        """The bits of the empty groups (they pass every text)."""
        return self._always

    def mask(self, text: str) -> int:
        """The bits of the groups with a substring in text (its whitespace runs read as
        single spaces)."""
        found: int = self._always
        # Each hit typed (end, bits): compiled, a tuple's item read directly, not unpacked
        # through a generic iterator (three calls a hit), and the or of two ints in C.
        hit: tuple[int, int]
        for hit in self._automaton.iter(gate_text(text)):
            found |= hit[1]
        return found


class JointGates:
    """Four Gates read in one scan: `masks(text)` is (g.mask(text) for g in parts).

    Dates, quantities, attribution and the cue words each scanned the same lower-case
    clause for their cues; one automaton holding every needle, each with its four parts'
    bits, finds the same occurrences, so each part's mask is exactly its own."""

    __slots__ = ("_always", "_automaton")

    def __init__(self, first: Gates, second: Gates, third: Gates, fourth: Gates) -> None:
        parts = (first, second, third, fourth)
        values: dict[str, list[int]] = {}
        for p, part in enumerate(parts):
            for i, group in enumerate(part.groups):
                for needle in group:
                    values.setdefault(needle, [0, 0, 0, 0])[p] |= 1 << i
        # Each part's mask apart: four ints of at most a part's bits, where one mask of all
        # four parts' bits (76) was an int of many digits, or'ed and shifted slowly.
        self._always = tuple(part.always for part in parts)
        self._automaton = _automaton({needle: tuple(v) for needle, v in values.items()})

    def masks(self, text: str) -> tuple[int, int, int, int]:
        """Each part's mask of text."""
        a, b, c, d = self._always
        hit: tuple[int, tuple[int, int, int, int]]
        for hit in self._automaton.iter(gate_text(text)):
            bits = hit[1]
            a |= bits[0]
            b |= bits[1]
            c |= bits[2]
            d |= bits[3]
        return a, b, c, d
