"""Counts named before the figure: "a majority of 4,132", "Her majority at the last general
election was 4,312" (desk probe S: counts of nothing, never compared), "a crowd of 98,000",
"The attendance was 45,000"."""

from __future__ import annotations

import re
from typing import Final

from checker import rx
from checker.extract.quantity_type import Quantity

# A closed list, each a count of one thing. (Not a toll: what befell the people it counts
# is what compares it, `compare.measures` fates.)
NAMED_COUNT_WORDS: Final = ("majority", "crowd", "attendance", "electorate", "workforce",
                            "headcount", "audience", "membership")
_NAMED_BEFORE_RE: Final = rx.compile(
    r"\b(?P<noun>" + "|".join(NAMED_COUNT_WORDS) + r")(?:\s+of|(?:\s+[^\s.,;:!?]+){0,6}?\s+"
    r"(?:was|is|were|stood\s+at|stands\s+at|reached|rose\s+to|fell\s+to|climbed\s+to|"
    r"dropped\s+to|of\s+just|of\s+about|of\s+around|of\s+some|of\s+nearly))\s+\Z",
    re.IGNORECASE)


def named_count(folded: str, q: Quantity, floor: int) -> Quantity:
    """A count of no noun given the count's name written before it (`NAMED_COUNT_WORDS`)."""
    if q.kind != "count" or q.noun is not None:
        return q
    m = _NAMED_BEFORE_RE.search(folded, max(floor, q.start - 80), q.start)
    return q if m is None else q._replace(noun=m["noun"].lower())
