"""The day of a market's move that names no day of its own: the day its page was published.

"Brent crude rose 0.9% to $71.20 a barrel" on a page of 11 March and "Brent crude was down
1.1% at $81.40 a barrel" on one of 7 May are two days' prices, not one fact told two ways
(desk probe Q: four error-level conflicts between market reports months apart). A price or
a move is a fact of a day; a claim of one that gives no date is told on its page's day
(`NormClaim.told`), and two such days apart make its figures two readings
(`compare.verdict`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from checker import rx
from checker.models.common import partial_date_bounds
from checker.normclaim import NDate, NormClaim

# What says a figure is a market's price or move: a price's unit ("$71.20 a barrel", "an
# ounce", "per bushel", "a share"), an instrument traded ("Brent crude", "wheat futures",
# "the FTSE 100", "shares in Halcyon", "the pound fell"), or a day's trading ("settled at",
# "closed down", "in early trading"). Not the words alone: "the share of voters fell 3
# points", "cod stocks fell 14%", "the consumer price index rose 3.2%" and "gold output
# rose 12%" are no market's (a review: four conflicts lost).
_MARKET_RE = rx.compile(
    r"(?i:\b(?:a|an|per)\s+(?:barrel|ounce|troy\s+ounce|tonne|ton|bushel|share|pound|gallon|"
    r"megawatt-hour|mmbtu)\b|"
    r"\b(?:futures|crude|brent|wti|sensex|nifty|ftse|dow\s+jones|nasdaq|nikkei|s&p|"
    r"hang\s+seng|dax|cac\s+40|kospi|stoxx|bitcoin|ether|sterling|stock\s+(?:market|index|"
    r"exchange)|(?:treasury|bond|gilt)\s+yields?)\b|"
    r"\b(?:the\s+)?(?:pound|dollar|euro|yen|yuan|rupee|franc|rouble|ruble)\s+(?:rose|fell|"
    r"gained|lost|slipped|climbed|firmed|eased|weakened|strengthened|was|traded)\b|"
    r"\b(?:settled|closed|opened|ended)\s+(?:up|down|at|higher|lower|flat)\b|"
    r"\bin\s+(?:early|late|afternoon|morning|midday|overnight|after-hours|pre-market|"
    r"premarket|extended)\s+(?:trade|trading|deals)\b)|"
    # Shares of a company named (a capital), its or their shares, or "Shares" opening
    r"\b[Ss]hares\s+(?:in|of)\s+[A-Z]|"
    r"(?:^|\b(?:its|their|[A-Z][\w&.-]*(?:['\u2019]s)?)\s+)[Ss]hares\s+(?:rose|fell|gained|"
    r"lost|climbed|slipped|dropped|jumped|surged|tumbled|slumped|plunged|rallied|were|closed|"
    r"ended)\b|"
    # ... or a fact box's row of them: "Brenmoor shares: up 9 percent in New York"
    r"(?:^|\b(?:its|their|[A-Z][\w&.-]*(?:['\u2019]s)?)\s+)[Ss]hares:?\s+(?:up|down)\b")
_MONEY_OR_MOVE = frozenset({"money", "percent", "points"})
# What says a figure is of one day's decision or one trip, as a market's move is of one
# day's trading: a vote's tally ("voted 7-2"), a rate or a policy set or left ("cut Bank
# Rate ... to 3.75 per cent", "left the pace of its bond sales unchanged at £70bn"), the
# people a vessel or a vehicle was carrying ("was carrying 214 passengers", "had 214
# passengers and 31 crew members aboard"). Desk probe Q5: pages of one bank's three
# decisions, of two ships of one name months apart, made six error-level conflicts.
_DAYS_EVENT_RE = rx.compile(
    r"\bvoted\b|\b(?:was|were)\s+carrying\b|"
    r"\bhad\s+[\d,]+\s+(?:[\w-]+\s+){1,5}?(?:aboard|on\s+board)\b|"
    r"\b(?:left|kept)\b[^.;:]{0,60}?\bunchanged\b|"
    r"\b(?:cut|raised|lowered|hiked|held|kept|left)\s+(?:(?:its|the|their|[\w-]+)\s+){0,4}?"
    r"(?:interest\s+)?[Rr]ates?\b|\b[Rr]ates?\s+(?:was\s+|were\s+)?(?:cut|raised|lowered|hiked|held)\b")


def market_move(c: NormClaim) -> bool:
    """Whether a claim gives a price or a move of something traded ("Brent crude rose 0.9%
    to $71.20 a barrel", "Shares in Halcyon fell 3%", "Its shares fell 3.8% in New York")."""
    return any(q.kind in _MONEY_OR_MOVE for q in c.quantities) \
        and _MARKET_RE.search(c.text) is not None


def of_its_day(c: NormClaim) -> bool:
    """Whether a claim's figures are of one day's trading, decision or trip: a market's
    move, a vote, a rate set, the people a ship was carrying."""
    return market_move(c) or (bool(c.quantities) and _DAYS_EVENT_RE.search(c.text) is not None)


def page_day(published: str | None) -> NDate | None:
    """The day (or month, or year) a page was published, as a told date."""
    if not published:
        return None
    try:
        first, last, granularity = partial_date_bounds(published)
    except ValueError:
        return None
    return NDate(first, last, granularity, published)


def dated_moves(claims: Sequence[NormClaim], published: str | None) -> list[NormClaim]:
    """The claims, each market move or other fact of a day (`of_its_day`) that gives no date
    of its own told on the page's day."""
    day = page_day(published)
    if day is None:
        return list(claims)
    out = []
    for c in claims:
        if not c.dates and not c.told and c.quantities:
            if market_move(c):
                c = replace(c, told=(day,))
            elif _DAYS_EVENT_RE.search(c.text) is not None:
                c = replace(c, told=(_days_before(day),))
        out.append(c)
    return out


# A decision or a trip a page tells without a date was on its day or in the days before
# ("voted 6-3" on the Friday after Thursday's vote): a few days, as `dateslots.told_apart`
# counts days apart.
_DAYS_BEFORE = 3


def _days_before(day: NDate) -> NDate:
    """The days up to a page's day, as a told date of a week's granularity."""
    if day.granularity != "day" or day.first is None:
        return day
    return NDate(day.first - timedelta(days=_DAYS_BEFORE), day.last, "week", day.text)
