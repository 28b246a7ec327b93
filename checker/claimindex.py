"""The claim each normalised claim stands for, its document's claims built when first asked.

Findings cite claims (a file, a line, a span), the comparison reads normalised ones. A
re-run after one edit at 10,000 generated documents cites the claims of 4,217 documents,
and building every drafted document's claims from the cache took 1.5-2.1 s of it. So the
index names each key's document and claim id, and builds a document's claims on the first
lookup of one of them; `build_while` builds the rest ahead while the process would
otherwise wait, and `build_first` the documents the last run's conflicts cited before
them (`cited`): a re-run's conflicts come while the comparison still groups, and findings
made of them sooner are made only as soon as their claims are built.

    index = ClaimIndex(corpus.docs, per_doc)
    dc, claim = index[n.key]  # the document's claims built now, once
    dc = index.document(n.key)  # nothing built
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from checker.corpus import DocClaims
from checker.models.claims import Claim
from checker.models.report import CONFLICT_KINDS, Finding
from checker.normclaim import NormClaim


def cited(findings: Iterable[Finding]) -> list[str]:
    """The documents the conflicts and self-contradictions cite, sorted: their findings
    are made anew every re-run, so their claims are the ones a re-run is sure to need
    (`ClaimIndex.build_first`)."""
    return sorted({c.document for f in findings if f.kind in CONFLICT_KINDS
                   for c in f.claims})


class ClaimIndex(Mapping[str, tuple[DocClaims, Claim]]):
    """NormClaim.key -> (document, claim): the first document and claim of each key."""

    def __init__(self, docs: Sequence[DocClaims],
                 per_doc: Sequence[Sequence[NormClaim]]) -> None:
        self._docs = docs
        where: dict[str, tuple[int, str]] = {}
        for at, claims in enumerate(per_doc):
            for n in claims:
                if n.key not in where:
                    where[n.key] = (at, n.claim_id)
        self._where = where
        self._first: list[dict[str, Claim] | None] = [None] * len(docs)
        self._next = 0  # where `build_while` goes on from

    def document(self, key: str) -> DocClaims:
        """The document of a key, its claims left unbuilt."""
        return self._docs[self._where[key][0]]

    def __getitem__(self, key: str) -> tuple[DocClaims, Claim]:
        at, claim_id = self._where[key]
        return self._docs[at], self._claims_of(at)[claim_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def build_first(self, documents: Iterable[str], going: Callable[[], bool]) -> None:
        """Build the claims of these documents (by id; unknown ones skipped) for as long as
        `going()` holds, before `build_while` goes on in corpus order."""
        at = {dc.doc.id: k for k, dc in enumerate(self._docs)}
        for doc_id in documents:
            if not going():
                return
            k = at.get(doc_id)
            if k is not None:
                self._claims_of(k)

    def build_while(self, going: Callable[[], bool]) -> None:
        """Build documents' claims in corpus order for as long as `going()` holds."""
        while self._next < len(self._docs) and going():
            self._claims_of(self._next)
            self._next += 1

    def _claims_of(self, at: int) -> dict[str, Claim]:
        """A document's claims by id, the first of an id in text order (built now, once)."""
        first = self._first[at]
        if first is None:
            first = {}
            for claim in sorted(self._docs[at].claims, key=lambda c: c.span[0]):
                first.setdefault(claim.id, claim)
            self._first[at] = first
        return first
