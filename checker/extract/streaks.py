"""A streak told by an ordinal: "for the fifth year in a row", "a fourth consecutive
quarter", "the 12th straight game". Its ordinal is how long the run is, a figure of the run
("fifth year in a row" / "fourth year running" answer one question: desk probe S, where the
two pages' agreeing percentages beside them were a corroboration). And a place in a
sequence: "the fourth minister to leave the government this year" (`sequence_places`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from checker import rx
from checker.extract.cues import any_in
from checker.extract.quantity_context import ORDINAL_WORDS
from checker.textutil import ignorecase_key

_ORDINALS: Final = {w: n for n, w in enumerate((*ORDINAL_WORDS, "eleventh", "twelfth"), start=1)}
_UNITS: Final = r"(?P<unit>year|month|quarter|week|day|season|game|match|race|term|time|election)"
_STREAK_RE: Final = rx.compile(
    r"\b(?P<n>" + "|".join(_ORDINALS) + r"|(?P<digits>\d{1,3})(?:st|nd|rd|th))\s+"
    r"(?:(?P<adj>consecutive|straight|successive)\s+" + _UNITS + r"s?\b|"
    + _UNITS.replace("unit", "unit2") + r"\s+(?:in\s+a\s+row|running)\b)", re.IGNORECASE)
# The words a streak is told with: a sentence holding none is not scanned.
STREAK_CUES: Final = ("consecutive", "straight", "successive", "in a row", "running")


def streaks(folded: str, lower: str, start: int, stop: int, cued: bool | None = None
            ) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, length, what runs: "year in a row") of each streak in
    folded[start:stop] (`lower` is that span in lower case; `cued` whether it holds one of
    STREAK_CUES, when the caller read it)."""
    if not (any_in(lower, STREAK_CUES) if cued is None else cued):
        return
    for m in _STREAK_RE.finditer(folded, start, stop):
        n = float(m["digits"]) if m["digits"] else float(_ORDINALS[ignorecase_key(m["n"])])
        unit = (m["unit"] or m["unit2"]).lower()
        yield m.start(), m.end(), n, f"{unit} in a row"


# "the fourth minister to leave", "the third Super League coach to lose his job": the place
# of one in a sequence of those who did a thing (desk probes S and T: "fourth" / "third
# minister to resign", "third" / "second coach to lose his job" were corroborations).
# Not "the first country to sign": a first is a record told in words, no count of a run.
_SEQUENCE_RE: Final = rx.compile(
    r"\bthe\s+(?P<n>" + "|".join(w for w in _ORDINALS if w != "first")
    + r"|(?P<digits>\d{1,3})(?:st|nd|rd|th))\s+"
    r"(?:(?!(?:in|of|for|since|at|on|one)\b)[A-Za-z'-]+\s+){0,3}?"
    r"(?P<noun>(?!(?:one|time|year|years|day|days)\b)[a-z]+)\s+to\s+"
    r"(?!be\s+(?:held|played)\b)[a-z]+",
    re.IGNORECASE)


def sequence_places(folded: str, lower: str, start: int, stop: int
                    ) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, place, "<noun> to") of each place in a sequence in folded[start:stop]."""
    if " to " not in lower:
        return
    for m in _SEQUENCE_RE.finditer(folded, start, stop):
        n = float(m["digits"]) if m["digits"] else float(_ORDINALS[ignorecase_key(m["n"])])
        if n > 1:  # "the 1st", as "the first"
            yield m.start("n"), m.end("n"), n, f"{m['noun'].lower()} to"
