"""Builders for seasons ("summer 2024", "last winter", "next spring", "in the autumn"):
periods of the northern hemisphere's meteorological seasons, as most news copy means them;
and sports seasons ("last season"), which run over a year end as fiscal years do."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from checker import rx
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
_FIRST_MONTH: Final = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# ... and on a page of the southern hemisphere (`southern_page`), where summer does.
_FIRST_MONTH_SOUTH: Final = {"spring": 9, "summer": 12, "autumn": 3, "fall": 3, "winter": 6}
# Words that may start a sentence before a season ("In spring 2026"); another capitalised
# word before one names something else ("the Arab Spring of 2011", "Prague Spring").
_LEADS: Final = frozenset({"in", "by", "since", "during", "over", "until", "last", "this", "next",
                           "the", "throughout", "early", "late", "from", "of", "and", "or"})


def season_days(season: str, year: int, south: bool = False) -> tuple[date, date]:
    """First and last day of the season that starts in `year` (of the southern hemisphere
    when `south`)."""
    month = _first_month(season, south)
    end_year, end_month = (year + 1, 2) if month == 12 else (year, month + 2)
    return date(year, month, 1), month_days(end_year, end_month)[1]


def _first_month(season: str, south: bool) -> int:
    return (_FIRST_MONTH_SOUTH if south else _FIRST_MONTH)[season.lower()]


# Places of the southern hemisphere, and the northern ones news copy names most: a page
# naming more of the first has the south's seasons (an Australian page's "last summer" was
# June to August).
_SOUTH_RE: Final = rx.compile(
    r"\b(?:australia\w*|new\s+zealand\w*|sydney|melbourne|brisbane|perth|adelaide|canberra|"
    r"auckland|christchurch|tasmania\w*|queensland\w*|south\s+africa\w*|johannesburg|"
    r"cape\s+town|durban|pretoria|argentin\w*|buenos\s+aires|chile(?:an)?s?|santiago|"
    r"uruguay\w*|montevideo|paraguay\w*|s[a\u00e3]o\s+paulo|rio\s+de\s+janeiro|brazil\w*|"
    r"peru(?:vian)?s?|lima|bolivia\w*|namibia\w*|botswana|zimbabwe\w*|zambia\w*|mozambique|"
    r"madagascar|mauritius|fiji\w*)\b", re.IGNORECASE)
# (In capitals: "US" is the country, "us" no place.)
_NORTH_RE: Final = rx.compile(
    r"U\.S\.|\b(?:United\s+States|US|Americans?|Britain|British|England|English|London|"
    r"Europe\w*|China|Chinese|Japan\w*|India|Indians?|Canad\w*|Russia\w*|German\w*|"
    r"France|French|Washington|New\s+York|Scotland|Scottish|Ireland|Irish)\b")


# Read of the page a season's match ran over (`m.string`) when a season is read, not of
# every page (a pass over each page cost 1.5% of extraction), and once a page: the seasons
# of one page are read in turn.
@lru_cache(maxsize=1)
def southern_page(text: str) -> bool:
    """Whether a page is of the southern hemisphere: it names its places twice at least,
    and more often than the northern places news copy names most."""
    south = len(_SOUTH_RE.findall(text))
    return south >= 2 and south > len(_NORTH_RE.findall(text))


# "fall" is a season only after one of these ("in the fall of 2024", "last fall"): "the
# Nikkei's steepest fall of 2024", "a fall of 2000 points" and "injured in the fall" are
# falls (a review: each read as an autumn).
_FALL_LEADS: Final = frozenset({"in", "during", "by", "since", "until", "through", "throughout",
                                "last", "this", "next", "early", "late", "from", "for", "to",
                                "past"})
_CAPITAL_AFTER_RE: Final = rx.compile(r"\s+[A-Z]")


def _named(m: re.Match[str]) -> bool:
    """Whether the season is part of a name or no season: a capitalised word other than a
    lead word right before it ("the Arab Spring"), a capitalised one right after it ("the
    Autumn Statement", "the Summer Olympics"), or a fall that is not autumn."""
    before = m.string[max(0, m.start() - 30):m.start("season")].split()
    if before and before[-1][:1].isupper() and before[-1].lower() not in _LEADS:
        return True
    season = m["season"]
    if season[:1].isupper() and _CAPITAL_AFTER_RE.match(m.string, m.end("season")):
        return True
    if season.lower() == "fall":
        lead = [w.lower() for w in before[-2:]]
        return not (lead and (lead[-1] in _FALL_LEADS or lead[-1] == "the" and len(lead) > 1
                              and lead[0] in _FALL_LEADS - {"last", "this", "next"}))
    return False


@rule("season_year")
def _season_year(m: re.Match[str], raw: str, anchor: Anchor | None,
                 future: bool) -> DateExpr | None:
    if _named(m):
        return None
    year = int(m["year"])
    season = m["season"].lower()
    south = southern_page(m.string)
    if _first_month(season, south) == 12:
        # "winter 2024" is written of either winter it touches: from January of that year to
        # the end of the winter that starts in its December (a southern summer likewise).
        return expr(m, raw, date(year, 1, 1), season_days(season, year, south)[1], "period")
    return expr(m, raw, *season_days(season, year, south), "period")


@rule("season_rel")
def _season_rel(m: re.Match[str], raw: str, anchor: Anchor | None,
                future: bool) -> DateExpr | None:
    if _named(m):
        return None
    if anchor is None:
        return unresolved_at(m, raw, "period")
    season = m["season"].lower()
    rel = m["rel"].lower().split()[0]
    if season == "fall" and rel not in ("last", "this", "next"):
        return None  # "during the fall", "in the fall": most often a fall
    south = southern_page(m.string)
    spans = [season_days(season, y, south) for y in range(anchor.year - 2, anchor.year + 2)]
    if rel == "last":  # the latest one over by publication
        first, last = max(s for s in spans if s[1] < anchor.first)
    elif rel == "next":  # the first one to start after it
        first, last = min(s for s in spans if s[0] > anchor.last)
    elif rel == "this":
        first, last = _this_season(spans, anchor, future)
    elif future:  # the one under way, or the next to come
        first, last = min(s for s in spans if s[1] >= anchor.first)
    else:  # "in the spring": the latest one begun by publication
        first, last = max(s for s in spans if s[0] <= anchor.last)
    return expr(m, raw, first, last, "period", relative=True)


def _this_season(spans: list[tuple[date, date]], anchor: Anchor,
                 future: bool) -> tuple[date, date]:
    """"this <season>" among `spans`: of a plan, the one under way (or over within a month:
    "will open later this summer", in September) or the next ("the law takes effect this
    spring", in December); else the one about to begin within a month ("this winter", in
    November), or the latest begun ("this winter was the mildest on record", in March or
    May; "this spring, sales rose", in November)."""
    if future:
        return min(s for s in spans if s[1] + _A_MONTH >= anchor.first)
    soon = [s for s in spans if anchor.last < s[0] <= anchor.last + _A_MONTH]
    return soon[0] if soon else max(s for s in spans if s[0] <= anchor.last)


_A_MONTH: Final = timedelta(days=31)


# A sports season, not a show's or the flu's: a word of sport nearby ("The Crown's last
# season" was dated as a fiscal year, a date conflict with "its final season, in 2023": a
# review); "last season's champions" and "his last season at Barcelona" are one.
_SPORT_RE: Final = rx.compile(
    r"\b(?:goals?|scored|matche?s?|games?|league|points|wins?|won|title|championship|cup|club|"
    r"team|finished|play(?:s|ed|ing)?|appearances|tries|runs|wickets|medals?|races?|fixtures?|"
    r"relegat\w*|promot\w*|seasons?\s+ticket|"
    # ... or of winter sports: "So far this season, 14 people have died in avalanches" is
    # the ski season's toll, not last winter's (desk probe Q4: an error-level conflict)
    r"ski(?:s|ing|ers?)?|snowboard\w*|slopes|off-piste|avalanches?)\b", re.IGNORECASE)


def _sports_season(m: re.Match[str]) -> bool:
    """Whether "last/this/next season" is a sports season (above)."""
    text = m.string
    return _SPORT_RE.search(text, max(0, m.start() - 150), m.end() + 150) is not None


@rule("sport_season")
def _sport_season(m: re.Match[str], raw: str, anchor: Anchor | None,
                  future: bool) -> DateExpr | None:
    if not _sports_season(m):
        return None
    if anchor is None:
        return unresolved_at(m, raw, "fiscal-year")
    # The season under way, or from July the one about to start ("this season" in July is
    # the coming one, "last season" the one just ended).
    current = anchor.year if anchor.month >= 7 else anchor.year - 1
    year = current + rel_offset(m["rel"])
    return expr(m, raw, *year_days(year, year + 1), "fiscal-year", relative=True)
