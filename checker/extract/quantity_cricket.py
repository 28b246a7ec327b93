"""A cricket report's figures: a bowler's "4-38" (wickets taken for runs conceded) and a
side's "287-6" (runs for wickets lost). Read as a range or as nothing they could not
disagree: desk probe O's "took 4-38" / "took 4-41" were two overlapping ranges, and "287-6"
was no figure at all."""

from __future__ import annotations

from checker import rx
from checker.extract.quantity_type import Quantity

# Words without which a sentence tells no cricket: "10-12 days" stays a range.
_CRICKET_CUES = (" over", "wicket", "innings", "bowl", "batting", " bat ", " runs", "all out")
# Two numbers joined by a hyphen (or a slash, "287/6"), not a part of a longer figure, a
# date, a decimal, nor a range of what follows ("3-4%", "10-12 overs", "6-8 weeks").
_FIGURES_RE = rx.compile(
    r"(?<![\w.,/-])(?P<a>\d{1,3})[-/](?P<b>\d{1,3})(?![\w/]|[.,-]\d|\s?(?:%|per\s?cent)|"
    r"\s+(?:overs?|runs|balls|deliveries|wickets|minutes|hours|days|weeks|months|years)\b)")
_MAX_WICKETS = 10


def may_hold(lower: str) -> bool:
    """Whether a sentence's lower-case text tells of cricket at all."""
    return any(cue in lower for cue in _CRICKET_CUES)


# Words only a cricket report uses often: a page with a few of them is one.
_PAGE_CUES = ("wicket", " overs", "innings", " odi", "test match", "t20")
_PAGE_CUES_WANTED = 3


def page_of_cricket(lower: str) -> bool:
    """Whether a page's lower-case text tells of cricket (its cue words three times)."""
    return sum(lower.count(cue) for cue in _PAGE_CUES) >= _PAGE_CUES_WANTED


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
        for group, noun in zip(("a", "b"), nouns, strict=True):
            s, e = m.span(group)
            value = float(m.group(group))
            out.append(Quantity(text[s:e], s, e, "count", value, value, value, None, noun,
                                False, "exact"))
    return out
