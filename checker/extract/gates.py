"""Substring gates read in one pass: which groups of cue substrings occur in a sentence.

A detector runs a regex only when one of its cue substrings occurs (a necessary condition).
Testing each group with `in` cost a Python loop per group and per sentence; one
Aho-Corasick scan finds every occurrence of every cue at once (overlapping ones included),
so the answer is exactly the `any(n in text for n in group)` of each group.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import ahocorasick

from checker import rx
from checker.textutil import single_spaced

# Cues of several words ("next year", " than", "in a row") are written with single spaces,
# and the patterns they gate take any run of whitespace there ("next\\s+year"): a text read
# for its cues has each run made one space, so a cue is found wherever its pattern can match.
_SPACES_RE: Final = rx.compile(r"\s+")


def gate_text(text: str) -> str:
    """text as the gates read it: each run of whitespace one space."""
    # Most clauses' only whitespace is single spaces: a scan of character codes, where a
    # regex substitution cost 1 us a clause.
    return text if single_spaced(text) else _SPACES_RE.sub(" ", text)


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
        self._automaton = ahocorasick.Automaton()
        for needle, mask in bits.items():
            self._automaton.add_word(needle, mask)
        self._automaton.make_automaton()

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
    """Several Gates read in one scan: `masks(text)` is (g.mask(text) for g in parts).

    Dates, quantities and attribution each scanned the same lower-case clause for their
    cues; one automaton holding every group (each part's bits shifted past the previous
    parts') finds the same occurrences, so each part's bits are exactly its own mask."""

    __slots__ = ("_fields", "_joint")

    def __init__(self, *parts: Gates) -> None:
        self._joint = Gates([group for part in parts for group in part.groups])
        fields = []
        offset = 0
        for part in parts:
            fields.append((offset, (1 << len(part.groups)) - 1))
            offset += len(part.groups)
        self._fields = tuple(fields)

    def masks(self, text: str) -> tuple[int, ...]:
        """Each part's mask of text."""
        found = self._joint.mask(text)
        return tuple([found >> offset & full for offset, full in self._fields])
