"""A level and a change of it: "A newly qualified nurse is paid £29,970 a year" and "a 3.6
per cent rise would be worth around £1,300 a year" are sums of one kind and noun, and no
answers to one question (desk probe U: an error-level conflict). What a change is worth,
told as such, is the change's size; two changes' worths still conflict."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker import rx
from checker.normclaim import NormClaim

# A change, then up to eight words, then "worth" (and a hedge) right before the figure:
# "a 3.6 per cent rise would be worth around", "the increase, worth", "a pay offer worth".
_WORTH_OF_CHANGE_RE = rx.compile(
    r"\b(?:rise|rises|increase|increases|raise|raises|cut|cuts|hike|uplift|award|offer|"
    r"boost|bonus)\b(?:[ \t,]+[\w'\u2019-]+){0,8}?[ \t,]+worth[ \t]+(?:about[ \t]+|around"
    r"[ \t]+|roughly[ \t]+|some[ \t]+|up[ \t]+to[ \t]+|an[ \t]+(?:extra|additional)[ \t]+)?\Z",
    re.IGNORECASE)


def _changes(c: NormClaim) -> set[str]:
    """The texts of the claim's sums told as what a change is worth (most claims: none)."""
    if "worth" not in c.text:
        return set()
    out = set()
    for q in c.quantities:
        at = c.text.find(q.text)
        if q.kind == "money" and at > 0 and _WORTH_OF_CHANGE_RE.search(
                c.text, max(0, at - 100), at):
            out.add(q.text)
    return out


def level_and_change(a: NormClaim, b: NormClaim, pairs: Sequence[tuple[str, str]]) -> bool:
    """A disagreeing pair of sums of which one is what a change is worth and the other not."""
    ca, cb = _changes(a), _changes(b)
    return bool(ca or cb) and any((x in ca) != (y in cb) for x, y in pairs)
