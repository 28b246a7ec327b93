"""The report object of a check: documents, findings, entities, errors and a summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from checker import __version__
from checker.corpus import Corpus, DocClaims
from checker.errors import ClaimcheckError, located_order
from checker.lexicon import UNKNOWN_PREFIX, Lexicon
from checker.memofile import MemoFile, remembered
from checker.models.report import (
    CONFLICT_KINDS,
    DocumentOut,
    EntityMention,
    EntityOut,
    ErrorOut,
    Finding,
    Report,
    Summary,
    ToolInfo,
)
from checker.models.trusted import check_plain, full_fields, trusted
from checker.reporting.common import severity
from checker.rules import RuleSet


class CorpusParts(NamedTuple):
    """What the report says of the corpus itself, whatever its findings: each document's
    claim count (in corpus order) and the entity index; and, when made ahead of the report
    (`with_documents`), each document's entry."""

    claims: list[int]
    entities: list[EntityOut]
    documents: list[DocumentOut] | None = None

    def with_documents(self, corpus: Corpus) -> CorpusParts:
        """These parts with the documents' entries made now (a run with `--jobs` makes them
        while it waits for its comparison, not after)."""
        return self._replace(documents=_documents(corpus, self.claims))


# A document's share of the corpus parts: its claim count, and each (entity id, text) its
# claims mention, with how many times, in the order first mentioned.
DocumentPart = tuple[int, list[tuple[str | None, str, int]]]


def corpus_parts(corpus: Corpus, ruleset: RuleSet, memo: MemoFile | None = None,
                 drafts: Mapping[str, str] | None = None) -> CorpusParts:
    """The report's parts that read every claim (kept with the findings of a cached run,
    `checker.findmemo`, so that a re-run builds no claim). With a memo, a document drafted
    through the cache has its part looked up by its extraction key (`drafts`: document id
    -> key; its claims are a function of it), and its claims are not built for it."""
    docs = corpus.docs
    if memo is None:  # every claim at hand: read directly (200,000 claims, 0.3 s less)
        return CorpusParts([len(dc.claims) for dc in docs],
                           _entity_index(docs, [None] * len(docs), ruleset.lexicon))
    found = drafts or {}
    keys = [dc.drafted_under(found) for dc in docs]
    parts = remembered(memo, keys, _decoded_part,
                       lambda todo: [_stored_part(document_part(docs[i])) for i in todo])
    return CorpusParts([claims for claims, _ in parts],
                       _entity_index(docs, parts, ruleset.lexicon))


def document_part(dc: DocClaims) -> DocumentPart:
    """A document's claim count and the names its claims mention (`DocumentPart`)."""
    seen: dict[tuple[str | None, str], int] = {}
    for claim in dc.claims:
        for e in claim.entities:
            key = (e.id, e.text)
            seen[key] = seen.get(key, 0) + 1
    return len(dc.claims), [(eid, text, n) for (eid, text), n in seen.items()]


def _stored_part(part: DocumentPart) -> list[Any]:
    return [part[0], [list(entry) for entry in part[1]]]


def _decoded_part(_: int, value: Any) -> DocumentPart | None:
    """A stored part, or None when it is not one (a damaged memo)."""
    try:
        claims, entries = value
        out = [(eid, text, n) for eid, text, n in entries]
    except (TypeError, ValueError):
        return None
    good = isinstance(claims, int) and all(
        (eid is None or isinstance(eid, str)) and isinstance(text, str) and isinstance(n, int)
        for eid, text, n in out)
    return (claims, out) if good else None


def build_report(corpus: Corpus, ruleset: RuleSet, findings: list[Finding],
                 errors: Sequence[ClaimcheckError], parts: CorpusParts | None = None
                 ) -> Report:
    """The report object: documents, findings, entities, errors, summary; `parts` are the
    corpus's (`corpus_parts`) when the caller has them."""
    parts = parts or corpus_parts(corpus, ruleset)
    documents = parts.documents if parts.documents is not None \
        else _documents(corpus, parts.claims)
    active = [f for f in findings if f.suppressed is None]
    by_kind: Counter[str] = Counter(f.kind for f in active)
    by_doc = Counter(d for f in active for d in {c.document for c in f.claims})
    summary = Summary(
        documents=len(documents), claims=sum(d.claims for d in documents),
        conflicts=sum(by_kind[k] for k in CONFLICT_KINDS),
        self_contradictions=by_kind["self-contradiction"],
        corroborations=by_kind["corroboration"], rule_violations=by_kind["rule-violation"],
        findings=len(active), suppressed=len(findings) - len(active), errors=len(errors),
        by_kind=dict(sorted(by_kind.items())),
        by_severity=dict(sorted(Counter(map(severity, active)).items())),
        by_document=dict(sorted(by_doc.items())),
    )
    error_out = [ErrorOut.model_validate(e.as_dict()) for e in sorted(errors, key=located_order)]
    return Report(
        tool=ToolInfo(version=__version__), documents=documents, findings=findings,
        entities=parts.entities, errors=error_out,
        notes=sorted(set(corpus.notes)), summary=summary,
    )


check_plain(DocumentOut)
_DOCUMENT_FIELDS = full_fields(DocumentOut)


def _documents(corpus: Corpus, claims: list[int]) -> list[DocumentOut]:
    return [_document(dc, n) for dc, n in zip(corpus.docs, claims, strict=True)]


def _document(dc: DocClaims, claims: int) -> DocumentOut:
    """A document's entry, trusted, not validated: every value is ours, read from models
    already validated (10,000 entries at 10,000 documents, a pattern and a date check each;
    tests/reporting/test_build.py checks them against validation)."""
    doc, meta = dc.doc, dc.doc.meta
    return trusted(DocumentOut, _DOCUMENT_FIELDS, {
        "id": doc.id, "path": doc.path, "title": meta.title, "publisher": meta.publisher,
        "url": meta.url, "published": meta.published, "claims": claims,
        "claim_file": dc.claim_file, "stale": dc.stale, "extracted_on_the_fly": dc.on_the_fly,
    })


def _unresolved(name: str) -> str | None:
    return None


def entity_index(corpus: Corpus, ruleset: RuleSet) -> list[EntityOut]:
    """Known entities mentioned by two or more documents, with every spelling used."""
    return _entity_index(corpus.docs, [None] * len(corpus.docs), ruleset.lexicon)


def _entity_index(documents: Sequence[DocClaims], parts: Sequence[DocumentPart | None],
                  lexicon: Lexicon) -> list[EntityOut]:
    """`entity_index` from each document's part, or its claims where it has none."""
    # Each mention as (id, text) -> the documents it is in, one entry a mention; resolved
    # below once per (id, text): a corpus repeats a few thousand names 100,000 times.
    mentions: dict[tuple[str | None, str], list[str]] = {}
    # Claims extracted this run already carry what `resolve` gives their names (None for a
    # name no rule knows): only a claim file's names are resolved again. An (id, text) is
    # resolved as its first document says (the same either way, so the first's is kept).
    resolvers: dict[tuple[str | None, str], Callable[[str], str | None]] = {}
    for dc, part in zip(documents, parts, strict=True):
        resolve = _unresolved if dc.on_the_fly else lexicon.resolve
        doc_id = dc.doc.id
        if part is None:
            for claim in dc.claims:
                for e in claim.entities:
                    key = (e.id, e.text)
                    found = mentions.get(key)
                    if found is None:
                        found = mentions[key] = []
                        resolvers[key] = resolve
                    found.append(doc_id)
            continue
        for eid, text, n in part[1]:
            key = (eid, text)
            found = mentions.get(key)
            if found is None:
                found = mentions[key] = []
                resolvers[key] = resolve
            found.extend([doc_id] * n)
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    counts: Counter[tuple[str, str]] = Counter()
    for (eid, text), docs in mentions.items():
        known = eid or resolvers[(eid, text)](text)
        if not known or known.startswith(UNKNOWN_PREFIX):
            continue
        surface = " ".join(text.split())
        forms[known][surface].update(docs)
        counts[(known, surface)] += len(docs)
    out = []
    for eid in sorted(forms):
        docs = sorted({d for ds in forms[eid].values() for d in ds})
        if len(docs) < 2:
            continue
        out.append(EntityOut(
            id=eid, name=lexicon.display_name(eid), documents=docs,
            forms=[EntityMention(text=t, documents=sorted(ds), count=counts[(eid, t)])
                   for t, ds in sorted(forms[eid].items())],
        ))
    return out
