"""The day of a market's move that names no day of its own: the day its page was published.

"Brent crude rose 0.9% to $71.20 a barrel" on a page of 11 March and "Brent crude was down
1.1% at $81.40 a barrel" on one of 7 May are two days' prices, not one fact told two ways
(desk probe Q: four error-level conflicts between market reports months apart). A price or
a move is a fact of a day; a claim of one that gives no date is told on its page's day
(`NormClaim.told`), and two such days apart make its figures two readings
(`compare.verdict`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from checker import rx
from checker.models.common import partial_date_bounds
from checker.normclaim import NDate, NormClaim

# What is traded ...
_TRADED_RE = rx.compile(
    r"\b(?:shares?|stocks?|equit(?:y|ies)|index|indices|futures|crude|brent|wti|oil|gold|"
    r"silver|copper|platinum|wheat|corn|maize|soybeans?|soy|coffee|cocoa|sugar|bitcoin|ether|"
    r"sterling|pound|dollar|euro|yen|yuan|rupee|franc|bonds?|yields?|treasur(?:y|ies)|gilts?|"
    r"ftse|dow|nasdaq|s&p|nikkei|hang\s+seng|dax|cac|sensex|nifty|kospi)\b", re.IGNORECASE)
# ... and how a day's trading moved it or left it.
_MOVED_RE = rx.compile(
    r"\b(?:rose|fell|gained|lost|climbed|slipped|dropped|dipped|jumped|surged|soared|tumbled|"
    r"slumped|plunged|rallied|eased|firmed|settled|closed|opened|traded|trading|(?:was|were)\s+"
    r"(?:up|down|higher|lower|flat)|edged\s+(?:up|down|higher|lower)|"
    r"(?:up|down)\s+\d)", re.IGNORECASE)
_MONEY_OR_MOVE = frozenset({"money", "percent"})


def market_move(c: NormClaim) -> bool:
    """Whether a claim gives a price or a move of something traded ("Brent crude rose 0.9%
    to $71.20 a barrel", "Shares in Halcyon fell 3%")."""
    return any(q.kind in _MONEY_OR_MOVE for q in c.quantities) \
        and _TRADED_RE.search(c.text) is not None and _MOVED_RE.search(c.text) is not None


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
    """The claims, each market move that gives no date of its own told on the page's day."""
    day = page_day(published)
    if day is None:
        return list(claims)
    return [replace(c, told=(day,)) if not c.dates and not c.told and c.quantities
            and market_move(c) else c for c in claims]
