"""Turn what each stage found (pairs, rule hits, arithmetic issues) into report findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from checker import rx
from checker.compare import Corroboration, PairResult
from checker.compare.arithmetic import ArithmeticIssue
from checker.compare.independence import copy_form
from checker.corpus import DocClaims
from checker.findings import (
    apply_suppressions,
    claim_part,
    claim_ref,
    compared_finding,
    conflict_severity,
    fingerprint,
    norm_text,
    span_ref,
    statement_ids,
    statement_part,
    with_copy_of,
)
from checker.lexicon import Lexicon
from checker.models.claims import Claim
from checker.models.common import Severity
from checker.models.report import Finding, Fix
from checker.normclaim import NormClaim
from checker.rules.consistency import ConsistencyHit, Occurrence
from checker.rules.facts import FactHit
from checker.rules.terms import TermHit

ClaimIndex = Mapping[str, tuple[DocClaims, Claim]]  # NormClaim.key -> (document, claim)


def _q(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def pair_finding(r: PairResult, index: ClaimIndex) -> Finding:
    """A conflict between two documents, or a document contradicting itself."""
    (da, ca), (db, cb) = index[r.a.key], index[r.b.key]
    same_doc = r.a.doc == r.b.doc
    kind = "self-contradiction" if same_doc else "conflict"
    reason = r.verdict.reason or "conflict"
    refs = [claim_ref(da, ca), claim_ref(db, cb, "evidence")]
    if same_doc and r.a.correction and not r.b.correction:
        refs = [claim_ref(db, cb), claim_ref(da, ca, "correction")]
    elif same_doc and r.b.correction:
        refs = [claim_ref(da, ca), claim_ref(db, cb, "correction")]
    if same_doc:
        # The statement's line first, its correction note's second, whichever comes first in
        # the page (a CI probe: a note at line 1 was named as line 3's): as the refs are.
        note = " (its correction note)" if r.b.correction or r.a.correction else ""
        message = (f"{r.a.doc} contradicts itself: line {refs[0].line} and "
                   f"line {refs[1].line}{note} state opposite things")
    else:
        message = _conflict_message(reason, r.a, r.b, r.verdict.details)
    conf = r.verdict.confidence
    severity = Severity.error if same_doc else conflict_severity(conf)
    if r.copies:
        # Copies in other documents of the same origin say the same: listed as statements
        # of this conflict, not reported again.
        copies = [(index[k], side) for k, side in r.copies]
        refs += [claim_ref(dc, c, "evidence" if side else "claim") for (dc, c), side in copies]
        message += f"; also printed by {_names(dc.doc.id for (dc, _), _ in copies)} " \
            "(same origin)"
    fid, copy_of = statement_ids(kind, None, [(da, ca), (db, cb)])
    finding = compared_finding(fid, kind, severity, message, conf, reason, refs,
                               with_copy_of(r.verdict.details, copy_of))
    return apply_suppressions(finding, [(da, ca), (db, cb)])


def _names(doc_ids: Iterable[str]) -> str:
    names = sorted(set(doc_ids))
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _conflict_message(reason: str, a: NormClaim, b: NormClaim,
                      details: Mapping[str, object]) -> str:
    if reason == "number":
        pairs = details.get("quantities") or [["?", "?"]]
        qa, qb = pairs[0]  # type: ignore[index]
        return f"Conflicting figures for the same fact: {a.doc} says {qa}, {b.doc} says {qb}"
    if reason == "date":
        pairs = details.get("dates") or [["?", "?"]]
        qa, qb = pairs[0]  # type: ignore[index]
        return f"Conflicting dates for the same event: {a.doc} says {qa}, {b.doc} says {qb}"
    if reason == "antonym":
        return f"{a.doc} and {b.doc} report opposite directions for the same figure"
    if reason == "roles":
        readings = details.get("roles")
        ra, rb = readings if isinstance(readings, list) and len(readings) == 2 else ("?", "?")
        return f"Opposite roles in the same event: {a.doc} says {ra}, {b.doc} says {rb}"
    if reason == "spelling":
        names = details.get("names")
        na, nb = names if isinstance(names, (list, tuple)) and len(names) == 2 else ("?", "?")
        return f"One name spelt two ways in the same statement: {a.doc} says {na}, " \
            f"{b.doc} says {nb}"
    if reason == "value":
        return f"{a.doc} and {b.doc} give different answers to one question " \
            f"({details.get('descriptions')})"
    return f"{a.doc} and {b.doc} state opposite things ({a.polarity} vs {b.polarity})"


def corroboration_finding(c: Corroboration, index: ClaimIndex,
                          origins: Mapping[str, str] | None = None) -> Finding:
    """Claims in several documents agreeing, with their independent origins (`origins`:
    each document's, as comparison found them, to say which pages share one)."""
    involved = [index[n.key] for n in c.claims]
    refs = [claim_ref(dc, claim, "claim" if i == 0 else "evidence")
            for i, (dc, claim) in enumerate(involved)]
    copies = "" if c.origins == c.documents else \
        f"; copies count once ({c.documents - c.origins} not independent{_copied(c, origins)})"
    message = (f"Corroborated by {c.documents} documents from {c.origins} independent "
               f"origin{'s' if c.origins != 1 else ''}{copies}: “{_q(c.claims[0].text, 70)}”")
    fid, copy_of = statement_ids("corroboration", None, involved)
    finding = compared_finding(fid, "corroboration", Severity.info, message, c.confidence,
                               "agree", refs, with_copy_of(c.details, copy_of),
                               (c.documents, c.origins))
    return apply_suppressions(finding, involved)


def _copied(c: Corroboration, origins: Mapping[str, str] | None = None) -> str:
    """Which documents word the statement as another does, the reason most copies count
    once (a review: "1 not independent" named neither page); else which share an origin
    (declared in their metadata, or found by the statements they copy)."""
    worded = _sharing(c, lambda n: copy_form(n.text))
    said = _same_words(worded) + _same_origin(c, origins or {}, worded)
    if not said:
        return ": a shared origin or a near-identical wording"
    return ": " + "; ".join(said[:2]) + ("; ..." if len(said) > 2 else "")


def _same_words(worded: list[list[str]]) -> list[str]:
    """'b words it as a does', for each wording several documents print (`worded`)."""
    return [f"{', '.join(docs[1:])} word{'s' if len(docs) == 2 else ''} it as {docs[0]} does"
            for docs in worded]


def _same_origin(c: Corroboration, origins: Mapping[str, str],
                 worded: list[list[str]]) -> list[str]:
    """'b shares an origin with a', for each origin several of the documents have, unless
    they all word it alike too (said already, `worded`)."""
    return [f"{', '.join(docs[1:])} share{'s' if len(docs) == 2 else ''} an origin with "
            f"{docs[0]}" for docs in _sharing(c, lambda n: origins.get(n.doc, n.doc))
            if not any(set(docs) <= set(w) for w in worded)]


def _sharing(c: Corroboration, key: Callable[[NormClaim], str]) -> list[list[str]]:
    """The documents of the claims grouped by `key`, for each key several hold, sorted."""
    holders: dict[str, list[str]] = {}
    for n in c.claims:
        docs = holders.setdefault(key(n), [])
        if n.doc not in docs:
            docs.append(n.doc)
    return sorted(sorted(docs) for docs in holders.values() if len(docs) > 1)


def fact_finding(hit: FactHit, index: ClaimIndex, lexicon: Lexicon,
                 reference_line: str | None) -> Finding:
    """A fact rule violated or supported by a claim."""
    dc, claim = index[hit.claim.key]
    rule = hit.rule
    values = {
        "subject": lexicon.display_name(rule.subject),
        "object": lexicon.display_name(rule.object) if rule.object else "",
        "predicate": rule.predicate, "date": rule.date or "", "found": _q(hit.found),
        "rule": rule.id,
    }
    if hit.outcome == "violation":
        kind, severity = "rule-violation", rule.severity
        message = _format(rule.message, values) or \
            f"Contradicts {rule.id}: {values['subject']} {rule.predicate} {values['object']}"
        if hit.reason == "date":
            message += f" (the fact is dated {rule.date})"
    else:
        kind, severity = "rule-support", Severity.info
        message = f"Agrees with {rule.id}: " + (
            _format(rule.explanation, values) or _format(rule.message, values) or rule.id)
    fid, copy_of = statement_ids(kind, rule.id, [(dc, claim)])
    finding = Finding(
        id=fid, kind=kind, severity=severity, rule_id=rule.id, message=_q(message, 300),
        confidence=hit.confidence, reason=hit.reason, claims=[claim_ref(dc, claim)],
        reference=rule.reference, details=with_copy_of(
            {"explanation": rule.explanation} if rule.explanation else {}, copy_of),
    )
    return apply_suppressions(finding, [(dc, claim)])


_PLACEHOLDER_RE = rx.compile(r"\{\{|\}\}|\{(\w+)\}")


def _format(template: str | None, values: Mapping[str, str]) -> str:
    """`str.format` for plain `{name}` placeholders only: anything else ("{x.attr}",
    "{x[0]}", an unknown name) stays as written, never an error (rules are checked when
    loaded; a message must not fail a run)."""
    if not template:
        return ""

    def put(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return m.group(0)[0]  # "{{" -> "{", "}}" -> "}"
        return values.get(m.group(1), m.group(0))

    return _PLACEHOLDER_RE.sub(put, template)


def term_finding(hit: TermHit, dc: DocClaims, claim: Claim | None, occurrence: int) -> Finding:
    """A misspelling with its fix."""
    rule = hit.rule
    values = {"canonical": hit.replacement, "found": hit.found, "rule": rule.id}
    message = _format(rule.message, values) or f"Write “{hit.replacement}”, not “{hit.found}”"
    context = statement_part(dc, claim) if claim else \
        claim_part(dc.doc.id, dc.doc.text[hit.start:hit.end])
    finding = Finding(
        id=fingerprint("term", rule.id, [context, norm_text(hit.found),
                                         str(occurrence)]),
        kind="term", severity=rule.severity, rule_id=rule.id, message=message,
        confidence=hit.confidence, reason="spelling",
        claims=[span_ref(dc, hit.start, hit.end, claim)], reference=rule.reference,
        fix=Fix(replacement=hit.replacement, span=(hit.start, hit.end), document=dc.doc.id),
        details={"found": hit.found, "canonical": rule.canonical},
    )
    return apply_suppressions(finding, [(dc, claim)])


def consistency_hit_findings(hit: ConsistencyHit, docs: Mapping[str, DocClaims]
                             ) -> list[Finding]:
    """Several accepted forms used where one is required: one finding per document that
    writes another form than the preferred one (a corpus-wide rule broken by a new page
    is a new finding, which a baseline does not hide: a CI probe)."""
    rule = hit.rule
    forms = ", ".join(f"“{f}” ({n}×)" for f, n in hit.counts)
    message = _format(rule.message, {"forms": forms, "dominant": hit.dominant, "rule": rule.id}) \
        or f"Use one form consistently: {forms}"
    by_doc: dict[str, list[Occurrence]] = {}
    for occ in hit.minority:
        by_doc.setdefault(occ.doc, []).append(occ)
    out = []
    for doc_id, found in by_doc.items():
        dc = docs[doc_id]
        refs = []
        involved = []
        for occ in found[:20]:
            claim = dc.claim_at(occ.start)
            refs.append(span_ref(dc, occ.start, occ.end, claim))
            involved.append((dc, claim))
        # A document-scoped rule's scope is its document already; a corpus-wide one's
        # finding is the document's own.
        where = [hit.scope] if hit.scope == doc_id else [hit.scope, doc_id]
        finding = Finding(
            id=fingerprint("consistency", rule.id, [*where, *(f for f, _ in hit.counts)]),
            kind="consistency", severity=rule.severity, rule_id=rule.id, message=message,
            confidence=1.0, reason=rule.scope, claims=refs, reference=rule.reference,
            details={"forms": dict(hit.counts), "preferred": hit.dominant, "scope": hit.scope},
        )
        out.append(apply_suppressions(finding, involved))
    return out


def arithmetic_finding(issue: ArithmeticIssue, dc: DocClaims,
                       claims: Mapping[str, Claim]) -> Finding:
    """A stated figure that the document's own figures do not give."""
    claim = claims[issue.claim_id]
    refs = [claim_ref(dc, claim)] + [claim_ref(dc, claims[o], "evidence")
                                     for o in issue.other_ids if o in claims]
    fid, copy_of = statement_ids("arithmetic", None, [(dc, claim)],
                                 [issue.kind, norm_text(issue.stated)])
    finding = Finding(
        id=fid, kind="arithmetic", severity=Severity.warning, message=issue.message,
        confidence=0.9, reason=issue.kind, claims=refs,
        details=with_copy_of({"stated": issue.stated, "computed": issue.computed,
                              "from": issue.expected}, copy_of),
    )
    return apply_suppressions(finding, [(dc, claim)])


def stale_finding(dc: DocClaims) -> Finding:
    """A claim file extracted from an older version of its document."""
    first = dc.claims[0] if dc.claims else None
    refs = [claim_ref(dc, first)] if first else []
    one = len(dc.gone) == 1
    gone = (f"; {len(dc.gone)} of its claims {'is' if one else 'are'} no longer in the text "
            f"and {'was' if one else 'were'} left out"
            f" ({', '.join(dc.gone[:5])}{', ...' if len(dc.gone) > 5 else ''})"
            if dc.gone else "")
    # Every claim found again and nothing new to check (text moved or rewrapped): the file
    # is behind only in its offsets, no warning that fails CI (a review: the README's
    # `fail-on = "warning"` with a baseline failed on a rewrapped paragraph).
    moved_only = not dc.gone and not dc.drafted
    found = "; its claims were all found again" if moved_only else ""
    message = (f"{dc.claim_file} was extracted from an older version of {dc.doc.path}"
               f"{gone}{found}; refresh it with `claimcheck extract {dc.doc.path} --out "
               f"{(dc.claim_file or 'claims/x').rsplit('/', 1)[0]}` (your edits are kept)")
    return Finding(
        # The claim file's name, not the path shown: a run from another directory (or with
        # the claims outside the root) still matches its baseline (a CI probe).
        id=fingerprint("stale-claims", None,
                       [dc.doc.id, (dc.claim_file or "").rsplit("/", 1)[-1]]),
        kind="stale-claims", severity=Severity.info if moved_only else Severity.warning,
        message=message, confidence=1.0,
        reason="hash", claims=refs,
    )
