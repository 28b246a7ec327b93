"""Extraction of many documents read stage by stage: each reader over every candidate of a
batch of documents in turn, rather than every reader over one candidate in turn.

The claims are those `extract_document` finds, document by document: a candidate's claim is
read by the same code (`_Context.claim_steps`), which pauses between its readers' stages;
the readers are pure functions of the candidate and its document (their memos only remember
what they computed), so the order they run in changes no result. Why: run one after another
on a candidate, the readers (stance, dates, quantities, features, names and triple, the
claim's slots) evict each other's code and data from the processor's caches; replayed each
over all the candidates of 100 documents, the same calls took ~25% less time
(tools/order.py of speed round 50). Within one document (~7 candidates) there is no gain.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Final

from checker.extract.document import DEFAULT_THRESHOLD, candidate_spans, claim_file_with, context_of
from checker.ingest import Document
from checker.lexicon import Lexicon
from checker.models.claims import Claim, ClaimFile

# Documents read together: enough candidates (~700) for a reader's run to keep it in the
# caches; the paused candidates are few enough to hold (a frame each).
BATCH_DOCUMENTS: Final = 100

_Steps = Generator[None, None, None]
# What next() gives for a candidate's steps read to the end (they yield None between stages).
_DONE: Final = object()
# next, held as a C static: mypyc looked the builtin up by name on each call (~270
# instructions; one call for each stage of each candidate).
_NEXT: Final = next


def extract_batch(docs: Sequence[Document], lexicon: Lexicon,
                  threshold: float = DEFAULT_THRESHOLD,
                  size: int = BATCH_DOCUMENTS) -> list[ClaimFile]:
    """`extract_document` of each document, in order, read `size` documents at a time."""
    out: list[ClaimFile] = []
    for lo in range(0, len(docs), size):
        out.extend(_batch(docs[lo:lo + size], lexicon, threshold))
    return out


def _batch(docs: Sequence[Document], lexicon: Lexicon, threshold: float) -> list[ClaimFile]:
    """The claim files of a few documents, their candidates read a stage at a time."""
    contexts = [context_of(doc, lexicon) for doc in docs]
    steps: list[_Steps] = []
    owners: list[int] = []  # the document of each candidate
    claims: list[Claim | None] = []  # each candidate's claim, once read (None: none)
    for k, ctx in enumerate(contexts):
        for us, ue, s, e in candidate_spans(ctx.doc, ctx.folded, ctx.turns, ctx.text):
            steps.append(ctx.claim_steps(us, ue, (s, e), claims, len(claims), threshold))
            claims.append(None)
            owners.append(k)
    live = list(range(len(steps)))
    while live:  # a round: every candidate still read goes on to its next stage
        # (Read to the end, a candidate's steps stop, its claim in claims.)
        live = [i for i in live if _NEXT(steps[i], _DONE) is not _DONE]
    found: list[list[Claim]] = [[] for _ in docs]
    for k, claim in zip(owners, claims, strict=True):
        if claim is not None:
            found[k].append(claim)
    return [claim_file_with(ctx, mine, threshold)
            for ctx, mine in zip(contexts, found, strict=True)]
