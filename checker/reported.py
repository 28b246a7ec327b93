"""A claim another makes, quoted after "claiming that": "A post claiming that "Britain has
the highest inflation in Europe" at "6.1% and rising" was shared more than 14,000 times".

The quote is the post's claim, not the page's: its names, figures and words say nothing the
page asserts (a fact check's sentence corroborated the blog it refutes, and contradicted the
fact check's own verdict; desk probe O). What the page says is the rest: a post was shared
more than 14,000 times. `normalize.normalise` leaves the quote out of what it compares.
"""

from __future__ import annotations

import re

from checker import rx
from checker.models.claims import Claim

# "claiming that", "claimed that", "claims that", "the claim that", then a quote; the quote
# runs to the last closing mark of the sentence ('"..." at "6.1% and rising"').
_REPORTED_RE = rx.compile(r"\bclaim(?:s|ed|ing)?\s+that\s+(?=[\"\u201c])", re.IGNORECASE)
_CLOSING = ("\"", "\u201d")


def reported_quote(text: str) -> tuple[int, int] | None:
    """Where the quoted claim of another runs in text (from its opening mark to its last
    closing one), or None."""
    if text.find("laim") < 0:
        return None  # most claims: no claim reported
    found = _REPORTED_RE.search(text)
    if found is None:
        return None
    start = found.end()
    end = max(text.rfind(mark) for mark in _CLOSING)
    return (start, end + 1) if end > start else None


def without_slots(claim: Claim, span: tuple[int, int]) -> Claim:
    """The claim without the names, figures and dates inside span (document offsets)."""
    def outside(slot: tuple[int, int]) -> bool:
        return not (span[0] <= slot[0] and slot[1] <= span[1])

    return claim.model_copy(update={
        "entities": [e for e in claim.entities if outside(e.span)],
        "quantities": [q for q in claim.quantities if outside(q.span)],
        "dates": [d for d in claim.dates if outside(d.span)]})
