"""Claims built straight from the generator's sentences (no extraction): in-memory models
for the comparison-scale benchmark, or claim files on disk.

Each sentence becomes one `Claim` whose slots are the template's slots with their exact
spans, so comparison sees what a perfect extractor would have produced.
"""

from __future__ import annotations

from pathlib import Path

from bench.generate import Corpus as GenCorpus
from bench.generate import GenDoc
from bench.templates import Sentence, Slot
from checker import __version__
from checker.atomic import atomic_write
from checker.claimfiles import render_claim_file
from checker.corpus import Corpus, DocClaims
from checker.extract import claim_id
from checker.ingest import Document, document_from_text
from checker.models.claims import (
    Claim,
    ClaimFile,
    DateSlot,
    DocumentRef,
    EntitySlot,
    ExtractorInfo,
    QuantitySlot,
    share_fields_sets,
)
from checker.models.document import DocumentMeta

_QUANTITY_KINDS = {"money": "money", "count": "count", "percent": "percent"}


def document(doc: GenDoc) -> Document:
    """The checker's Document for a generated one (path as under a corpus root)."""
    meta = DocumentMeta(title=doc.title, publisher=doc.publisher,
                        published=doc.published.isoformat(), origin=doc.origin)
    return document_from_text(doc.id, doc.text, meta, path=f"seeds/{doc.id}.txt")


def _quantity(slot: Slot, a: int, b: int) -> QuantitySlot:
    return QuantitySlot(text=slot.text, span=(a, b), kind=_QUANTITY_KINDS[slot.kind],
                        value=slot.value, low=slot.low, high=slot.high, unit=slot.unit,
                        noun=slot.noun)


def _date(slot: Slot, a: int, b: int) -> DateSlot:
    assert slot.first is not None and slot.last is not None
    return DateSlot(text=slot.text, span=(a, b), start=slot.first.isoformat(),
                    end=slot.last.isoformat(),
                    granularity="year" if slot.kind == "year" else "month")


def claim(doc: Document, start: int, sentence: Sentence) -> Claim:
    """One claim from a sentence starting at `start` in the document."""
    placed = [(slot, start + a, start + b) for slot, a, b in sentence.slots]
    features = sorted({"name" if s.kind == "entity" else
                       "date" if s.kind in ("year", "month") else
                       "number" for s, _, _ in placed if s.kind != "text"})
    return Claim(
        id=claim_id(doc.id, sentence.text), text=sentence.text,
        span=(start, start + len(sentence.text)), line=doc.lines.line_of(start),
        score=0.8, features=features,
        entities=[EntitySlot(text=s.text, id=s.entity_id, span=(a, b))
                  for s, a, b in placed if s.kind == "entity"],
        quantities=[_quantity(s, a, b) for s, a, b in placed if s.kind in _QUANTITY_KINDS],
        dates=[_date(s, a, b) for s, a, b in placed if s.kind in ("year", "month")],
        polarity="negative" if sentence.negative else "positive",
        modality="planned" if sentence.planned else "asserted",
    )


def doc_claims(gen: GenDoc) -> tuple[Document, list[Claim]]:
    """A generated document and its claims, ids made unique as the extractor does."""
    doc = document(gen)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for start, _, sentence in gen.spans:
        c = claim(doc, start, sentence)
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        if n:
            c = c.model_copy(update={"id": f"{c.id}-{n + 1}"})
        claims.append(c)
    return doc, claims


def checker_corpus(corpus: GenCorpus) -> Corpus:
    """The checker's in-memory Corpus, as if every document had a claim file."""
    out = Corpus()
    for gen in corpus.docs:
        doc, claims = doc_claims(gen)
        out.docs.append(DocClaims(doc, claims))
    return out


def write_jsonl(corpus: GenCorpus, path: Path) -> int:
    """One line per document: its text, metadata and claim file (JSON); returns the claims."""
    import json

    total = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for gen in corpus.docs:
            doc, claims = doc_claims(gen)
            total += len(claims)
            line = {"text": doc.text, "meta": doc.meta.model_dump(mode="json"),
                    "claims": claim_file(doc, claims).model_dump(mode="json")}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return total


def read_jsonl(path: Path) -> Corpus:
    """The checker's in-memory Corpus from `write_jsonl`'s file."""
    import json

    out = Corpus()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            model = ClaimFile.model_validate(data["claims"])
            share_fields_sets(model.claims)  # as the cache does with claims it reads back
            meta = DocumentMeta.model_validate(data["meta"])
            doc = document_from_text(model.document.id, data["text"], meta,
                                     path=model.document.path)
            out.docs.append(DocClaims(doc, list(model.claims)))
    return out


def claim_file(doc: Document, claims: list[Claim]) -> ClaimFile:
    """The claim file model of a document."""
    ref = DocumentRef(id=doc.id, path=doc.path, sha256=doc.sha256,
                      published=doc.meta.published, title=doc.meta.title)
    return ClaimFile(document=ref, extractor=ExtractorInfo(version=__version__, threshold=0.5),
                     claims=claims)


def write_claim_files(corpus: GenCorpus, claims_dir: Path) -> int:
    """Write claims/<id>.yaml for every document; returns the number of claims."""
    total = 0
    for gen in corpus.docs:
        doc, claims = doc_claims(gen)
        atomic_write(claims_dir / f"{doc.id}.yaml",
                     render_claim_file(claim_file(doc, claims), claims_dir))
        total += len(claims)
    return total
