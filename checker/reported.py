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

# "claiming that" and a quote: a claim of the thing named before it ("a post claiming that
# ..."). Not "X claimed that "..."": what a minister claimed is theirs to compare, as what
# they said is (a review: a reported figure's conflict lost). The quote runs to its closing
# mark, and on through quotes joined to it ('"..." at "6.1% and rising"'), not to the
# sentence's last mark: 'claiming that "crime is falling", but police figures showed crime
# rose 12%' keeps the page's 12% (a review).
_QUOTE = r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]"
_REPORTED_RE = rx.compile(
    rf"\bclaiming\s+that\s+(?P<quote>{_QUOTE}(?:\s+(?:at|and|or|of|to)\s+{_QUOTE})*)",
    re.IGNORECASE)


def reported_quote(text: str) -> tuple[int, int] | None:
    """Where the quoted claim of another runs in text (from its opening mark to its closing
    one, or the last of the quotes joined to it), or None."""
    if text.find("laiming") < 0:
        return None  # most claims: no claim reported
    found = _REPORTED_RE.search(text)
    return found.span("quote") if found is not None else None


def without_slots(claim: Claim, span: tuple[int, int]) -> Claim:
    """The claim without the names, figures and dates inside span (document offsets)."""
    def outside(slot: tuple[int, int]) -> bool:
        return not (span[0] <= slot[0] and slot[1] <= span[1])

    return claim.model_copy(update={
        "entities": [e for e in claim.entities if outside(e.span)],
        "quantities": [q for q in claim.quantities if outside(q.span)],
        "dates": [d for d in claim.dates if outside(d.span)]})
