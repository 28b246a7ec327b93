"""The report object of a check: documents, findings, entities, errors and a summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from checker import __version__
from checker.corpus import Corpus
from checker.errors import ClaimcheckError
from checker.lexicon import UNKNOWN_PREFIX
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
from checker.rules import RuleSet


def build_report(corpus: Corpus, ruleset: RuleSet, findings: list[Finding],
                 errors: Sequence[ClaimcheckError]) -> Report:
    """The report object: documents, findings, entities, errors, summary."""
    documents = [
        DocumentOut(
            id=dc.doc.id, path=dc.doc.path, title=dc.doc.meta.title,
            publisher=dc.doc.meta.publisher, url=dc.doc.meta.url,
            published=dc.doc.meta.published, claims=len(dc.claims), claim_file=dc.claim_file,
            stale=dc.stale, extracted_on_the_fly=dc.on_the_fly,
        )
        for dc in corpus.docs
    ]
    active = [f for f in findings if f.suppressed is None]
    by_kind: Counter[str] = Counter(str(f.kind) for f in active)
    by_doc: Counter[str] = Counter()
    for f in active:
        for d in sorted({c.document for c in f.claims}):
            by_doc[d] += 1
    summary = Summary(
        documents=len(documents), claims=sum(d.claims for d in documents),
        conflicts=sum(by_kind[k] for k in CONFLICT_KINDS),
        corroborations=by_kind["corroboration"], rule_violations=by_kind["rule-violation"],
        findings=len(active), suppressed=len(findings) - len(active), errors=len(errors),
        by_kind=dict(sorted(by_kind.items())),
        by_severity=dict(sorted(Counter(str(f.severity.value) for f in active).items())),
        by_document=dict(sorted(by_doc.items())),
    )
    error_out = sorted(
        (ErrorOut.model_validate(e.as_dict()) for e in errors),
        key=lambda e: (e.path or "", e.line or 0, e.message),
    )
    return Report(
        tool=ToolInfo(version=__version__), documents=documents, findings=findings,
        entities=entity_index(corpus, ruleset), errors=error_out,
        notes=sorted(set(corpus.notes)), summary=summary,
    )


def _unresolved(name: str) -> str | None:
    return None


def entity_index(corpus: Corpus, ruleset: RuleSet) -> list[EntityOut]:
    """Known entities mentioned by two or more documents, with every spelling used."""
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    counts: Counter[tuple[str, str]] = Counter()
    lexicon = ruleset.lexicon
    # Each (id, text) resolved once: a corpus repeats a few thousand names 100,000 times.
    read: dict[tuple[str | None, str], tuple[str | None, str]] = {}
    for dc in corpus.docs:
        # Claims extracted this run already carry what `resolve` gives their names (None
        # for a name no rule knows): only a claim file's names are resolved again.
        resolve = _unresolved if dc.on_the_fly else lexicon.resolve
        for claim in dc.claims:
            for e in claim.entities:
                found = read.get((e.id, e.text))
                if found is None:
                    eid = e.id or resolve(e.text)
                    known = eid if eid and not eid.startswith(UNKNOWN_PREFIX) else None
                    found = read[(e.id, e.text)] = (known, " ".join(e.text.split()))
                eid, surface = found
                if eid is None:
                    continue
                forms[eid][surface].add(dc.doc.id)
                counts[(eid, surface)] += 1
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
