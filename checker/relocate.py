"""Claims of a stale claim file found again in the changed document.

A pull request that edits a document without refreshing its claim file leaves every span
pointing at the old text: findings would quote the wrong words at the wrong lines, and
review decisions (keyed by the text at a span) would reopen. Each claim is looked up by its
own text instead: where the text still stands, the claim moves there with its sentence and
slots; where it is gone, the claim is left out of this run (the stale-claims finding names
how many) rather than compared with words it does not say. A claim whose wording an editor
changed (its id is no longer the one its text gives) is found where the document matches
it closely.

    claims, gone = relocate(loaded.model.claims, doc)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel
from rapidfuzz import fuzz

from checker.extract import claim_id
from checker.ingest import Document
from checker.models.claims import Claim
from checker.textutil import fold

M = TypeVar("M", bound=BaseModel)

# A claim whose wording an editor changed is found again where a part of the document
# matches it this closely (0-100): the same sentence with a word corrected.
NEAR_TEXT = 90.0


def relocate(claims: Sequence[Claim], doc: Document) -> tuple[list[Claim], list[str]]:
    """The claims moved to where their text now stands, and the ids of those whose text
    the document no longer holds."""
    folded = fold(doc.text)
    placed: list[Claim] = []
    gone: list[str] = []
    for claim in claims:
        text = fold(claim.text)
        start = _nearest(folded, text, claim.span[0]) if text else -1
        if start >= 0:
            if start == claim.span[0] and claim.span[1] - claim.span[0] == len(text):
                placed.append(claim)
            else:
                placed.append(_moved(claim, start - claim.span[0], start, len(text), doc))
            continue
        if claim.id == claim_id(doc.id, claim.text):
            gone.append(claim.id)  # the drafted sentence itself changed or went
            continue
        # An editor's wording (or a --fix spelling) is not in the document word for word:
        # the part of the document that matches it closely is its sentence.
        found = fuzz.partial_ratio_alignment(text, folded, score_cutoff=NEAR_TEXT) \
            if text and len(text) <= len(folded) else None
        if found is not None:
            start, end = _refined(text, folded, found.dest_start, found.dest_end)
            placed.append(_moved(claim, start - claim.span[0], start, end - start, doc))
        else:
            gone.append(claim.id)
    return placed, gone


def _nearest(folded: str, text: str, near: int) -> int:
    """The occurrence of text closest to where it was (the earlier on a tie), or -1."""
    best = -1
    at = folded.find(text)
    while at >= 0:
        if best < 0 or abs(at - near) < abs(best - near):
            best = at
        if at > near:
            break  # later ones are further away
        at = folded.find(text, at + 1)
    return best


def _refined(text: str, folded: str, start: int, end: int, slack: int = 8) -> tuple[int, int]:
    """The best-matching span near an alignment: the alignment is as long as the text, so
    an editor's added or removed words leave it a few characters off at either end."""
    best = (fuzz.ratio(text, folded[start:end]), 0, start, end)
    for s in range(max(0, start - slack), start + slack + 1):
        for e in range(max(s + 1, end - slack), min(len(folded), end + slack) + 1):
            score = (fuzz.ratio(text, folded[s:e]), -abs(s - start), s, e)
            if score > best:
                best = score
    return best[2], best[3]


def _moved(claim: Claim, delta: int, start: int, length: int, doc: Document) -> Claim:
    """The claim at its new place: span, line, sentence and every slot moved by delta."""
    end = start + length
    size = len(doc.text)
    quote = claim.quote
    if quote is not None:
        quote = (max(0, quote[0] + delta), min(size, quote[1] + delta))
    return claim.model_copy(update={
        "span": (start, end), "line": doc.lines.line_of(start), "quote": quote,
        "entities": [_shifted(s, delta, size) for s in claim.entities],
        "quantities": [_shifted(s, delta, size) for s in claim.quantities],
        "dates": [_shifted(s, delta, size) for s in claim.dates],
        "attribution": _shifted(claim.attribution, delta, size) if claim.attribution else None,
    })


def _shifted(slot: M, delta: int, size: int) -> M:
    a, b = slot.span  # type: ignore[attr-defined]
    span = (min(size, max(0, a + delta)), min(size, max(0, b + delta)))
    return slot.model_copy(update={"span": span})
