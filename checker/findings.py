"""Findings: stable fingerprints, claim references, suppressions and the sort order.

A fingerprint hashes what a finding is about (kind, rule, the documents and normalised
texts of its statements), never line numbers, so moving text does not change it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from checker.corpus import Corpus, DocClaims
from checker.errors import ClaimcheckError, ConsistencyError, Location
from checker.lexicon import UNKNOWN_PREFIX
from checker.models.claims import Claim
from checker.models.common import Severity, Suppression
from checker.models.report import COPY_OF, ClaimRef, Finding, Suppressed
from checker.models.trusted import check_plain, full_fields, trusted
from checker.rules import RuleSet
from checker.textutil import fold
from checker.yamlio import locate

check_plain(ClaimRef)
check_plain(Finding)

KIND_ORDER = {
    "conflict": 0, "self-contradiction": 1, "rule-violation": 2, "arithmetic": 3, "term": 4,
    "consistency": 5, "stale-claims": 6, "corroboration": 7, "rule-support": 8,
}
FINDING_KINDS = frozenset(KIND_ORDER)


def norm_text(text: str) -> str:
    """Text as the fingerprint sees it: folded, lower-case, single spaces."""
    return " ".join(fold(text).lower().split()).strip(" .\"'")


def fingerprint(kind: str, rule_id: str | None, parts: Iterable[str]) -> str:
    """Stable id of a finding: same subject, same id, across runs and line moves."""
    payload = "\x1f".join([kind, rule_id or "", *sorted(parts)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def claim_part(doc_id: str, text: str) -> str:
    """The fingerprint part of a statement."""
    return f"{doc_id}\x1e{norm_text(text)}"


def statement_part(dc: DocClaims, claim: Claim) -> str:
    """The fingerprint part of a claim: the document's words at its span, so that an
    editor's wording or a `--fix` in the claim file leaves the finding (and its baseline
    entry and decision) the same; the claim's text when its span is not in the document.
    A copy of a sentence the document repeats is told apart by the words before it, so a
    finding on each copy is reported (one was dropped as the other's duplicate), and
    stays on its copy when another copy is pasted above it or deleted (an editor probe:
    a decision on "copy 0" moved to the copy pasted above it)."""
    key = (claim.id, claim.span)
    known = dc.parts.get(key)
    if known is None:
        repeat = dc.repeat(claim)
        part = claim_part(dc.doc.id, dc.words(claim))
        known = dc.parts[key] = f"{part}\x1e{repeat}" if repeat else part
    return known


def statement_ids(kind: str, rule_id: str | None,
                  statements: Sequence[tuple[DocClaims, Claim]],
                  extra: Sequence[str] = ()) -> tuple[str, str | None]:
    """A finding's fingerprint from its statements (and `extra` parts), and, when one of
    them is a copy of a repeated sentence, its fingerprint as if each stood once."""
    fid = fingerprint(kind, rule_id, [*(statement_part(dc, c) for dc, c in statements), *extra])
    if not any(dc.repeat(c) for dc, c in statements):
        return fid, None
    base = [claim_part(dc.doc.id, dc.words(c)) for dc, c in statements]
    return fid, fingerprint(kind, rule_id, [*base, *extra])


def with_copy_of(details: Mapping[str, object], copy_of: str | None) -> dict[str, object]:
    """The details, with `COPY_OF` when the finding is on a copy."""
    return {**details, COPY_OF: copy_of} if copy_of else dict(details)


_CLAIM_REF_FIELDS = full_fields(ClaimRef)


def claim_ref(dc: DocClaims, claim: Claim, role: str = "claim") -> ClaimRef:
    """Locate a claim in its document and claim file."""
    doc = dc.doc
    text, lines = doc.text, doc.lines
    start, end = claim.quote or claim.span
    start, end = min(start, len(text)), min(end, len(text))
    first, last = claim.span
    line = lines.line_of(first)
    line_start, line_end = lines.line_span(line)
    # `lines.position` of both ends, in one look-up where the claim ends on its first line
    # (most do): no later line starts before the end of this one.
    end_line, end_col = (line, last - line_start + 1) if last <= line_end else \
        lines.position(last)
    # Trusted, not validated: every value is ours and of its declared type (40,000 claim
    # references at 10,000 documents; tests/test_findings.py checks them against validation).
    return trusted(ClaimRef, _CLAIM_REF_FIELDS, {
        "claim_id": claim.id, "document": doc.id, "path": doc.path, "line": line,
        "column": first - line_start + 1, "end_line": end_line, "end_column": end_col,
        "span": (first, last), "text": text[start:end],
        "claim_file": dc.file_of(claim.id), "claim_file_line": dc.claim_line(claim.id),
        "role": role,
    })


# The fields a validated Finding(...) of pair_finding or corroboration_finding holds as set:
# those they name (corroborations also name their documents and origins).
_COMPARED_SET = frozenset({"id", "kind", "severity", "message", "confidence", "reason",
                           "claims", "details"})
_COUNTED_SET = _COMPARED_SET | {"documents", "origins"}


def compared_finding(fid: str, kind: str, severity: Severity, message: str, confidence: float,
                     reason: str, claims: list[ClaimRef], details: Mapping[str, object],
                     counts: tuple[int, int] | None = None) -> Finding:
    """`Finding(id=fid, kind=kind, severity=severity, message=message, ..., details=details)`
    with `documents, origins = counts` when given, as validation builds it (a float
    confidence, a copy of the details) but trusted: every value is ours and of its declared
    type (15,000 findings at 10,000 documents; tests/test_findings.py checks them against
    validation). The confidence is still checked, as validation would."""
    if not 0 <= confidence <= 1:
        raise ValueError(f"confidence {confidence} of finding {fid} is not in [0, 1]")
    documents, origins = counts if counts is not None else (None, None)
    return trusted(Finding, set(_COUNTED_SET if counts is not None else _COMPARED_SET), {
        "id": fid, "kind": kind, "severity": severity, "rule_id": None, "message": message,
        "confidence": float(confidence), "reason": reason, "claims": claims,
        "reference": None, "details": dict(details), "documents": documents,
        "origins": origins, "fix": None, "suppressed": None,
    })


def span_ref(dc: DocClaims, start: int, end: int, claim: Claim | None,
             role: str = "match") -> ClaimRef:
    """Locate a span (a misspelt word) with the claim that contains it, if any."""
    doc = dc.doc
    line, col = doc.lines.position(start)
    end_line, end_col = doc.lines.position(end)
    if claim is not None:
        s, e = claim.quote or claim.span
        text = _around(doc.text, s, e, start, end)
    else:
        ls, le = doc.lines.line_span(line)
        text = doc.text[ls:le].strip()
    return ClaimRef(
        claim_id=claim.id if claim else None, document=doc.id, path=doc.path, line=line,
        column=col, end_line=end_line, end_column=end_col, span=(start, end), text=text,
        claim_file=dc.file_of(claim.id) if claim else None,
        claim_file_line=dc.claim_line(claim.id) if claim else None, role=role,
    )


# A span's sentence longer than this is shown cut around the span: a page with no full
# stops makes one sentence of it all, and each misspelling in it carried the whole (a CI
# probe: 400 KB of text took 8.5 GB).
MAX_SPAN_CONTEXT = 600
_SIDE = MAX_SPAN_CONTEXT // 2


def _around(text: str, s: int, e: int, start: int, end: int) -> str:
    """text[s:e], or when longer than MAX_SPAN_CONTEXT the part around [start, end] cut at
    spaces, with an ellipsis where it is cut."""
    if e - s <= MAX_SPAN_CONTEXT:
        return text[s:e]
    ws = max(s, start - _SIDE)
    we = min(e, end + _SIDE)
    if ws > s:
        space = text.find(" ", ws, start)
        ws = space + 1 if space >= 0 else ws
    if we < e:
        space = text.rfind(" ", end, we)
        we = space if space >= 0 else we
    return ("\u2026" if ws > s else "") + text[ws:we] + ("\u2026" if we < e else "")


def _matches(suppression: Suppression, finding: Finding) -> bool:
    return suppression.rule in ("*", finding.rule_id, finding.kind)


def apply_suppressions(finding: Finding, involved: Sequence[tuple[DocClaims, Claim | None]]
                       ) -> Finding:
    """Mark a finding suppressed by its claims' or documents' suppressions (kept, not dropped)."""
    for dc, claim in involved:
        if claim is not None:
            for sup in claim.suppress:
                if _matches(sup, finding):
                    return finding.model_copy(update={"suppressed": Suppressed(
                        by="claim", reason=sup.reason)})
        for sup in dc.suppressions:
            if _matches(sup, finding):
                return finding.model_copy(update={"suppressed": Suppressed(
                    by="document", reason=sup.reason)})
    return finding


# -Severity.rank by severity, found by member or value alike (a member compares as its value
# and hashes as its name, which is its value): what sort_key asks of every finding, without
# making an enum and a dict per call.
_SEVERITY_ORDER = {s.value: -s.rank for s in Severity}


def sort_key(f: Finding) -> tuple[object, ...]:
    """Severity, then kind (conflicts first), then confidence, then place, then id."""
    first = f.claims[0] if f.claims else None
    return (
        _SEVERITY_ORDER[f.severity], KIND_ORDER.get(f.kind, 99), -f.confidence,
        first.document if first else "", first.line if first else 0, f.id,
    )


def conflict_severity(confidence: float) -> Severity:
    """Confident conflicts are errors; the rest need an editor's look."""
    return Severity.error if confidence >= 0.7 else Severity.warning


def suppression_errors(corpus: Corpus, ruleset: RuleSet) -> list[ClaimcheckError]:
    """A suppression naming an unknown rule is an error: it would silence nothing."""
    # Every rule loaded, enabled or not: --ignore must not make a suppression an error.
    known = set(ruleset.sources) | FINDING_KINDS | {"*"}
    errors: list[ClaimcheckError] = []
    for dc in corpus.docs:
        if not dc.loaded:
            continue
        loaded = dc.loaded  # its `root` is parsed on first use: only for an error
        for i, sup in enumerate(loaded.model.suppress):
            if sup.rule not in known:
                line, col = locate(loaded.root, ["suppress", i, "rule"])
                errors.append(ConsistencyError(f"suppression names unknown rule {sup.rule!r}",
                                               Location(dc.claim_file or "", line, col,
                                                        f"suppress[{i}].rule")))
        for ci, claim in enumerate(loaded.model.claims):
            for si, sup in enumerate(claim.suppress):
                if sup.rule not in known:
                    line, col = locate(loaded.root, ["claims", ci, "suppress", si, "rule"])
                    errors.append(ConsistencyError(
                        f"claim {claim.id}: suppression names unknown rule {sup.rule!r}",
                        Location(dc.claim_file or "", line, col,
                                 f"claims[{ci}].suppress[{si}].rule")))
    return errors


def entity_id_errors(corpus: Corpus, ruleset: RuleSet) -> list[ClaimcheckError]:
    """An entity slot naming an id no entity rule gives (nor an unknown name's `name:` id)
    is an error: its claim would be compared, and fact rules applied, as no entity at all
    (a CI probe: `id: isss` silenced the rule on the ISS)."""
    known = ruleset.lexicon.entities
    errors: list[ClaimcheckError] = []
    for dc in corpus.docs:
        if not dc.loaded:
            continue
        loaded = dc.loaded
        for ci, claim in enumerate(loaded.model.claims):
            for si, slot in enumerate(claim.entities):
                if slot.id is None or slot.id in known or slot.id.startswith(UNKNOWN_PREFIX):
                    continue
                line, col = locate(loaded.root, ["claims", ci, "entities", si, "id"])
                errors.append(ConsistencyError(
                    f"claim {claim.id}: entity {slot.text!r} names "
                    + _unknown_entity(ruleset, slot.id, slot.text),
                    Location(dc.claim_file or "", line, col, f"claims[{ci}].entities[{si}].id")))
    return errors


def _unknown_entity(ruleset: RuleSet, entity_id: str, text: str) -> str:
    """Why a claim's entity id is unknown, and what to do: an id of a disabled rule says
    so and where (a first-time-user probe read "no entity rule has it" after disabling
    one), and whether re-running extract redrafts it."""
    if entity_id not in ruleset.disabled_entities:
        return (f"unknown entity id {entity_id!r} (no entity rule has it; leave it empty for "
                "a name no rule knows)")
    fix = "re-run `claimcheck extract` to redraft it, or remove this id" \
        if ruleset.drafted_by_disabled(entity_id, text) else \
        "remove this id (leave it empty for a name no rule knows), or enable the rule"
    return (f"entity id {entity_id!r}, whose entity rule is disabled "
            f"({ruleset.why_unknown(entity_id, 'entity')}): {fix}")
