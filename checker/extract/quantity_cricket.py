"""A cricket report's figures: a bowler's "4-38" (wickets taken for runs conceded) and a
side's "287-6" (runs for wickets lost). Read as a range or as nothing they could not
disagree: desk probe O's "took 4-38" / "took 4-41" were two overlapping ranges, and "287-6"
was no figure at all.

Only on a page that tells of cricket (its words say so three times), and never where the
pair is a sum's range ("$2-15 billion"), a span of time ("a 10-12 week wait"), an age, a
vote or another game's score ("31-7 win"): an adversarial review found all of them read as
wickets and runs when any sentence's "over" or "runs" was taken for cricket."""

from __future__ import annotations

import re
from itertools import islice
from typing import Final

from checker import rx
from checker.extract.quantity_type import Quantity, quantity

# Words only a cricket report uses often: a page with three of them is one.
_PAGE_CUES_RE: Final = rx.compile(r"\b(?:wickets?|overs|innings|odis?|test\s+match|t20s?|"
                                  r"not\s+out|all\s+out)\b", re.IGNORECASE)
_PAGE_CUES_WANTED: Final = 3
# Two numbers joined by a hyphen (or a slash, "287/6"), not a part of a longer figure, a
# date or a decimal, nor a range of what follows ("3-4%", "10-12 overs", "6-8 weeks", "$2-15
# billion").
_FIGURES_RE: Final = rx.compile(
    r"(?<![\w.,/-])(?P<a>\d{1,3})[-/](?P<b>\d{1,3})(?![\w/]|[.,-]\d|\s?(?:%|per\s*cent)|"
    r"\s*(?:overs?|runs?|balls?|deliveries|wickets?|minutes?|hours?|days?|weeks?|months?|"
    r"years?|seasons?|games?|matches|points?|goals?|seats?|votes?|people|percent|"
    r"billion|million|thousand|crore|lakh|bn|mn|m|k|[a-z]+-|win|victory|defeat|loss|draw|"
    r"lead|thrashing|triumph)\b)(?<!24/7)", re.IGNORECASE)
# What may come before a sum, an age, a vote or another game's score: no cricket figures.
_NOT_AFTER_RE: Final = rx.compile(
    r"(?:[$\u00a3\u20ac\u00a5\u20b9]|\brs\.?|\baged|\bages|\bvoted?|\bvotes|\bsplit|\bwon|\bwin|"
    r"\bbeat|\blost|\bdefeat(?:ed)?|\bdrew|\bfrom|\bbetween|\bscore[ds]?)\s*\Z", re.IGNORECASE)
_MAX_WICKETS: Final = 10


def page_of_cricket(text: str) -> bool:
    """Whether a page tells of cricket: its cue words three times."""
    return sum(1 for _ in islice(_PAGE_CUES_RE.finditer(text), _PAGE_CUES_WANTED)) \
        >= _PAGE_CUES_WANTED


def cricket_figures(text: str, folded: str, start: int, stop: int) -> list[Quantity]:
    """Each bowler's or side's figures in folded[start:stop] as two exact counts."""
    out: list[Quantity] = []
    for m in _FIGURES_RE.finditer(folded, start, stop):
        a, b = int(m.group("a")), int(m.group("b"))
        if a <= _MAX_WICKETS < b:  # "took 4-38"
            nouns = ("wickets", "runs conceded")
        elif b <= _MAX_WICKETS < a:  # "287-6", "58-3"
            nouns = ("runs", "wickets")
        else:
            continue  # "2-1", "120-140": a series' score or a range
        if _NOT_AFTER_RE.search(folded, max(start, m.start() - 12), m.start()) \
                or folded[m.end():m.end() + 1] == "-":
            continue
        for group, noun in zip(("a", "b"), nouns, strict=True):
            s, e = m.span(group)
            value = float(m.group(group))
            out.append(quantity(text[s:e], s, e, "count", value, value, value, None, noun,
                                False, "exact"))
    return out
