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

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel
from rapidfuzz import fuzz

from checker import rx
from checker.extract import claim_id
from checker.ingest import Document
from checker.models.claims import Claim
from checker.textutil import fold

M = TypeVar("M", bound=BaseModel)

# A claim whose wording an editor changed is found again where a part of the document
# matches it this closely (0-100): the same sentence with a word corrected.
NEAR_TEXT = 90.0
_SUFFIX_RE = rx.compile(r"-\d+$")


def relocate(claims: Sequence[Claim], doc: Document) -> tuple[list[Claim], list[str]]:
    """The claims moved to where their text now stands, and the ids of those whose text
    the document no longer holds."""
    folded = fold(doc.text)
    placed: list[Claim] = []
    gone: list[str] = []
    delta = 0  # how far the last claim moved: the next one likely moved as far
    ordered = sorted(claims, key=lambda c: c.span[0])
    starts = [_sentence_start(c, doc.id) for c in ordered]
    anchors = _anchors(ordered, starts, folded)
    anchored = list(anchors)  # claim places, in claim order
    # A repeated sentence gives each of its claims its own copy; an anchor's is its own.
    taken: set[int] = set(anchors.values())
    for k, claim in enumerate(ordered):
        text = fold(claim.text)
        low, high = _between(k, anchors, anchored, len(folded))
        start = anchors.get(k, -1)
        if start < 0 and text:
            start = nearest(folded, text, claim.span[0] + delta, taken, starts[k], low, high)
        if start >= 0:
            taken.add(start)
            delta = start - claim.span[0]
            if delta == 0 and claim.span[1] - claim.span[0] == len(text):
                placed.append(claim)
            else:
                placed.append(_moved(claim, delta, start, len(text), doc, folded))
            continue
        rewrapped = nearest_spaced(folded, text, claim.span[0] + delta, taken, starts[k],
                                   low, high) if text else None
        if rewrapped is not None:
            # The same words with other spaces between them: a paragraph wrapped anew, a
            # double space (a CI probe: the claim and its suppression were left out).
            start, end = rewrapped
            taken.add(start)
            delta = start - claim.span[0]
            placed.append(_moved(claim, delta, start, end - start, doc, folded))
            continue
        if drafted(claim.id, doc.id, claim.text):
            gone.append(claim.id)  # the drafted sentence itself changed or went
            continue
        # An editor's wording (or a --fix spelling) is not in the document word for word:
        # the part of the document that matches it closely is its sentence, if it still
        # holds the claim's figures.
        found = fuzz.partial_ratio_alignment(text, folded, score_cutoff=NEAR_TEXT) \
            if text and len(text) <= len(folded) else None
        if found is not None:
            start, end = _refined(text, folded, found.dest_start, found.dest_end)
            if start not in taken and low < start < high and _figures_in(claim, folded[start:end]):
                taken.add(start)
                delta = start - claim.span[0]
                placed.append(_moved(claim, delta, start, end - start, doc, folded))
                continue
        gone.append(claim.id)
    placed.sort(key=lambda c: c.span[0])
    return placed, gone


def drafted(cid: str, doc_id: str, text: str) -> bool:
    """Whether a claim's id is the one extraction gives its text (a repeated sentence's
    second claim is `<id>-2`): the text is as drafted, not an editor's."""
    return _SUFFIX_RE.sub("", cid) == claim_id(doc_id, text)


def _figures_in(claim: Claim, region: str) -> bool:
    """Every figure the claim states is written in the region: a reworded claim matched to
    a sentence whose figure changed ("16 partners" now "15") is not that sentence."""
    return all(fold(q.text) in region for q in claim.quantities)


def nearest(folded: str, text: str, near: int, taken: set[int] | frozenset[int] = frozenset(),
            whole: bool = False, low: int = -1, high: int | None = None) -> int:
    """The occurrence of text closest to `near` not in `taken` (the earlier on a tie), -1.

    With `whole`, only an occurrence that starts a sentence; only one after `low` and
    before `high`."""
    best = -1
    top = len(folded) + 1 if high is None else high
    at = folded.find(text, max(0, low + 1))
    while 0 <= at < top:
        if at not in taken and (not whole or starts_sentence(folded, at)) and (
                best < 0 or abs(at - near) < abs(best - near)):
            best = at
        if at > near and best >= 0:
            break  # later ones are further away
        at = folded.find(text, at + 1)
    return best


def nearest_spaced(folded: str, text: str, near: int,
                   taken: set[int] | frozenset[int] = frozenset(),
                   whole: bool = False, low: int = -1, high: int | None = None
                   ) -> tuple[int, int] | None:
    """The span of the occurrence of text's words, with any whitespace between them,
    closest to `near` and not in `taken` (with `whole`, starting a sentence; only after
    `low` and before `high`); None when there is none."""
    words = text.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    best: tuple[int, int] | None = None
    top = len(folded) + 1 if high is None else high
    for m in pattern.finditer(folded, max(0, low + 1), max(0, top)):
        if m.start() not in taken and (not whole or starts_sentence(folded, m.start())) and (
                best is None or abs(m.start() - near) < abs(best[0] - near)):
            best = m.span()
    return best


# What may stand right before a sentence (spaces aside): a line break, a sentence's end, a
# quote or bracket, a bullet or a heading mark. The text is folded: quotes and dashes are
# ASCII.
_OPENERS = frozenset("\n.!?:;\"'()[]-*|>#\u2022")


def starts_sentence(folded: str, at: int) -> bool:
    """Whether a sentence may start at `at`: "China is a member ..." inside "It is false
    that China is a member ..." does not (a location probe: a stale claim and its
    suppression moved onto the denial)."""
    i = at - 1
    while i >= 0 and folded[i] in " \t":
        i -= 1
    return i < 0 or folded[i] in _OPENERS


def _sentence_start(claim: Claim, doc_id: str) -> bool:
    """Whether the claim is drafted text that starts its sentence (an editor's wording, or
    the second part of a split sentence, may start anywhere)."""
    starts = claim.quote is None or claim.quote[0] == claim.span[0]
    return starts and drafted(claim.id, doc_id, claim.text)


def _anchors(ordered: Sequence[Claim], whole: Sequence[bool], folded: str) -> dict[int, int]:
    """The claims (by place in `ordered`) whose text is no other claim's and stands once in
    the document, with where; {} when they stand in another order than the claims did (a
    paragraph moved), where they bound nothing."""
    texts = [fold(c.text) for c in ordered]
    counts = Counter(texts)
    out: dict[int, int] = {}
    for k, t in enumerate(texts):
        if not t or counts[t] > 1:
            continue
        at = nearest(folded, t, ordered[k].span[0], frozenset(), whole[k])
        if at >= 0 and nearest(folded, t, len(folded), frozenset({at}), whole[k]) < 0:
            out[k] = at
    places = list(out.values())
    return out if places == sorted(places) else {}


def _between(k: int, anchors: dict[int, int], anchored: list[int],
             size: int) -> tuple[int, int]:
    """Where claim k may now stand: after the last anchor before it and before the first
    after it, as the claims stood (of two copies of a sentence, the one that follows the
    paragraph it followed). `anchored`: the anchors' claim places, in order."""
    i = bisect_left(anchored, k)
    low = anchors[anchored[i - 1]] if i > 0 else -1
    high = anchors[anchored[i]] if i < len(anchored) else size + 1
    return low, high


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


def _moved(claim: Claim, delta: int, start: int, length: int, doc: Document,
           folded: str) -> Claim:
    """The claim at its new place: span, line and sentence moved by delta, and each slot
    found again by its own text near where delta puts it."""
    end = start + length
    size = len(doc.text)
    quote = claim.quote
    if quote is not None:
        moved = (quote[0] + delta, quote[1] + delta)
        # A sentence cut short by the document's end, or not around the claim any more,
        # changed: the claim is its own context.
        quote = moved if 0 <= moved[0] <= start <= end <= moved[1] <= size else None
    return claim.model_copy(update={
        "span": (start, end), "line": doc.lines.line_of(start), "quote": quote,
        "entities": [slot_moved(s, delta, folded) for s in claim.entities],
        "quantities": [slot_moved(s, delta, folded) for s in claim.quantities],
        "dates": [slot_moved(s, delta, folded) for s in claim.dates],
        "attribution": slot_moved(claim.attribution, delta, folded)
        if claim.attribution else None,
    })


def slot_moved(slot: M, delta: int, folded: str) -> M:
    """A slot at the occurrence of its text nearest to its old place moved by delta (an
    editor who trimmed a claim's text moved the claim, not its slots, by the trim)."""
    a, b = slot.span  # type: ignore[attr-defined]
    text = fold(slot.text)  # type: ignore[attr-defined]
    at = nearest(folded, text, a + delta) if text else -1
    if at < 0 and text:
        spaced = nearest_spaced(folded, text, a + delta)
        if spaced is not None:
            return slot.model_copy(update={"span": spaced})
    if at < 0:
        at = min(len(folded), max(0, a + delta))
        return slot.model_copy(update={"span": (at, min(len(folded), at + b - a))})
    return slot.model_copy(update={"span": (at, at + len(text))})
