"""Extraction: a document in, its check-worthy claims with slots out. Pure: no file I/O.

    from checker.extract import extract_text
    claim_file = extract_text("China is a member of ...", doc_id="d1", lexicon=lexicon)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from checker import __version__
from checker.extract.clean import classify_lines
from checker.extract.dates import Anchor, DateExpr, find_dates
from checker.extract.quantities import find_quantities
from checker.extract.segment import split_sentences
from checker.extract.stance import attribution, is_correction, is_future, modality, polarity
from checker.extract.triples import read_triple
from checker.extract.units import claim_units
from checker.extract.worthiness import features, score
from checker.ingest import Document, document_from_text
from checker.lexicon import Lexicon, mid_sentence_names
from checker.models.claims import (
    Attribution,
    Claim,
    ClaimFile,
    DateSlot,
    DocumentRef,
    EntitySlot,
    ExtractorInfo,
    QuantitySlot,
    Triple,
)
from checker.models.common import partial_date_bounds
from checker.models.document import DocumentMeta
from checker.textutil import fold

DEFAULT_THRESHOLD = 0.5
_BULLET_PREFIX_RE = re.compile(r"^[\s\u2022\u25cf\u25aa\u2023\u2043*>-]*\s*")


def anchor_of(meta: DocumentMeta) -> Anchor | None:
    """The publication date as an interval, if the metadata has one."""
    if not meta.published:
        return None
    first, last, granularity = partial_date_bounds(meta.published)
    return Anchor(first, last, granularity)


def claim_id(doc_id: str, text: str) -> str:
    """Deterministic id from the document and the claim's normalised text."""
    key = " ".join(fold(text).lower().split()).strip(" .\"'")
    return "c" + hashlib.sha1(f"{doc_id}\n{key}".encode()).hexdigest()[:10]


def candidate_spans(doc: Document) -> Iterator[tuple[int, int, int, int]]:
    """(unit start, unit end, sentence start, sentence end) of every content sentence."""
    for block in classify_lines(doc.text, doc.body_start):
        if block.kind != "content":
            continue
        lead = _BULLET_PREFIX_RE.match(doc.text, block.start, block.end)
        begin = lead.end() if lead else block.start
        for s, e in split_sentences(doc.text, begin, block.end):
            for us, ue in claim_units(doc.text, s, e):
                yield us, ue, s, e


def extract_document(
    doc: Document, lexicon: Lexicon, threshold: float = DEFAULT_THRESHOLD
) -> ClaimFile:
    """All claims of a document scoring at least threshold, in text order."""
    anchor = anchor_of(doc.meta)
    vocab = mid_sentence_names(doc.text)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for us, ue, s, e in candidate_spans(doc):
        claim = build_claim(doc, us, ue, (s, e), lexicon, anchor, vocab)
        if claim is None or claim.score < threshold:
            continue
        count = seen.get(claim.id, 0)
        seen[claim.id] = count + 1
        if count:
            claim = claim.model_copy(update={"id": f"{claim.id}-{count + 1}"})
        claims.append(claim)
    return ClaimFile(
        document=DocumentRef(
            id=doc.id, path=doc.path, sha256=doc.sha256, published=doc.meta.published,
            title=doc.meta.title,
        ),
        extractor=ExtractorInfo(version=__version__, threshold=threshold),
        claims=claims,
    )


def extract_text(
    text: str, doc_id: str, lexicon: Lexicon, meta: DocumentMeta | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> ClaimFile:
    """Extract claims from text in memory (no file system)."""
    return extract_document(document_from_text(doc_id, text, meta), lexicon, threshold)


def build_claim(
    doc: Document, start: int, end: int, sentence: tuple[int, int], lexicon: Lexicon,
    anchor: Anchor | None, vocab: frozenset[str],
) -> Claim | None:
    """One candidate claim with all its slots, or None for a non-sentence."""
    text = doc.text
    raw = text[start:end]
    if len(raw.split()) < 3 or not re.search(r"[A-Za-z]{2}", raw):
        return None
    sentence_text = text[sentence[0]:sentence[1]]
    future = is_future(sentence_text)
    dates = find_dates(text, start, end, anchor=anchor, future=future)
    quantities = find_quantities(text, start, end, skip=[(d.start, d.end) for d in dates])
    entities = lexicon.find_entities(text, start, end, vocab)
    attrib = attribution(text, sentence[0], sentence[1])
    correction = is_correction(sentence_text)
    found = features(
        raw,
        has_number=any(q.kind != "rank" for q in quantities),
        has_date=any(d.resolved or d.first for d in dates),
        known_entities=sum(1 for m in entities if m.id),
        names=len(entities),
        attributed=attrib is not None,
        future=future,
        correction=correction,
    )
    triple = read_triple(text, start, end, entities, lexicon)
    return Claim(
        id=claim_id(doc.id, raw),
        text=raw,
        span=(start, end),
        line=doc.lines.line_of(start),
        quote=sentence if sentence != (start, end) else None,
        score=score(found),
        features=found,
        entities=[EntitySlot(text=m.text, id=m.id, span=(m.start, m.end)) for m in entities],
        quantities=[
            QuantitySlot(
                text=q.text, span=(q.start, q.end), kind=q.kind,  # type: ignore[arg-type]
                value=q.value, low=q.low, high=q.high, unit=q.unit, noun=q.noun,
                approximate=q.approximate, bound=q.bound,  # type: ignore[arg-type]
            )
            for q in quantities
        ],
        dates=[_date_slot(d) for d in dates],
        polarity=polarity(raw),  # type: ignore[arg-type]
        modality=modality(sentence_text, attrib is not None),  # type: ignore[arg-type]
        attribution=(
            Attribution(text=attrib.text, source=attrib.source, span=(attrib.start, attrib.end))
            if attrib else None
        ),
        triple=Triple(subject=triple[0], predicate=triple[1], object=triple[2])
        if triple else None,
        correction=correction,
    )


def _date_slot(d: DateExpr) -> DateSlot:
    return DateSlot(
        text=d.text, span=(d.start, d.end),
        start=d.first.isoformat() if d.first else None,
        end=d.last.isoformat() if d.last else None,
        granularity=d.granularity,  # type: ignore[arg-type]
        relative=d.relative, resolved=d.resolved, open=d.open,  # type: ignore[arg-type]
    )
