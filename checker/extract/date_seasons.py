"""Builders for seasons ("summer 2024", "last winter", "next spring", "in the autumn"):
periods of the northern hemisphere's meteorological seasons, as most news copy means them;
and sports seasons ("last season"), which run over a year end as fiscal years do."""

from __future__ import annotations

import re
from datetime import date

from checker.extract.date_types import (
    Anchor,
    DateExpr,
    expr,
    month_days,
    rel_offset,
    rule,
    unresolved_at,
    year_days,
)

# The month a season starts in; each lasts three months (winter runs into the next year).
_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Words that may start a sentence before a season ("In spring 2026"); another capitalised
# word before one names something else ("the Arab Spring of 2011", "Prague Spring").
_LEADS = frozenset({"in", "by", "since", "during", "over", "until", "last", "this", "next",
                    "the", "throughout", "early", "late", "from", "of", "and", "or"})


def season_days(season: str, year: int) -> tuple[date, date]:
    """First and last day of the season that starts in `year`."""
    month = _FIRST_MONTH[season.lower()]
    end_year, end_month = (year + 1, 2) if month == 12 else (year, month + 2)
    return date(year, month, 1), month_days(end_year, end_month)[1]


def _named(m: re.Match[str]) -> bool:
    """Whether a capitalised word other than a lead word comes right before the season."""
    before = m.string[max(0, m.start() - 30):m.start("season")].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].lower() not in _LEADS


@rule("season_year")
def _season_year(m: re.Match[str], raw: str, anchor: Anchor | None,
                 future: bool) -> DateExpr | None:
    if _named(m):
        return None
    year = int(m["year"])
    season = m["season"].lower()
    if season == "winter":
        # "winter 2024" is written of either winter it touches: from January of that year to
        # the end of the winter that starts in its December.
        return expr(m, raw, date(year, 1, 1), season_days(season, year)[1], "period")
    return expr(m, raw, *season_days(season, year), "period")


@rule("season_rel")
def _season_rel(m: re.Match[str], raw: str, anchor: Anchor | None,
                future: bool) -> DateExpr | None:
    if _named(m):
        return None
    if anchor is None:
        return unresolved_at(m, raw, "period")
    season = m["season"].lower()
    rel = m["rel"].lower().split()[0]
    spans = [season_days(season, y) for y in range(anchor.year - 2, anchor.year + 2)]
    if rel == "last":  # the latest one over by publication
        first, last = max(s for s in spans if s[1] < anchor.first)
    elif rel == "next":  # the first one to start after it
        first, last = min(s for s in spans if s[0] > anchor.last)
    elif rel == "this" or future:  # the one under way, or the next to come
        first, last = min(s for s in spans if s[1] >= anchor.first)
    else:  # "in the spring": the latest one begun by publication
        first, last = max(s for s in spans if s[0] <= anchor.last)
    return expr(m, raw, first, last, "period", relative=True)


@rule("sport_season")
def _sport_season(m: re.Match[str], raw: str, anchor: Anchor | None,
                  future: bool) -> DateExpr | None:
    if anchor is None:
        return unresolved_at(m, raw, "fiscal-year")
    # The season under way, or from July the one about to start ("this season" in July is
    # the coming one, "last season" the one just ended).
    current = anchor.year if anchor.month >= 7 else anchor.year - 1
    year = current + rel_offset(m["rel"])
    return expr(m, raw, *year_days(year, year + 1), "fiscal-year", relative=True)
