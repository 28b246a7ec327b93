"""schema.org ClaimReview JSON-LD for the findings editors confirmed.

One ClaimReview per confirmed finding that still occurs with the statements it was decided
on (a re-opened decision is not exported, and the export says so for each: statements
changed, or the sentence reworded so the decision follows a new finding; so is a confirmed
decision whose finding no longer occurs). The reviewed claim is the finding's first
statement; a conflict also rates its other statement (identifier `<fingerprint>.2`), since
both sources are disputed and the editor has not said which is wrong. The rating scale,
1 (worst) to 5 (best), says how well the claim holds up:

    1  False         the claim breaks a fact rule (rule-violation)
    2  Inaccurate    its figures do not add up (arithmetic)
    3  Disputed      another source, or the document itself, says otherwise
                     (conflict, self-contradiction)
    4  Corroborated  independent sources agree (corroboration)
    5  True          a fact rule supports it (rule-support)

Findings about spelling, naming consistency or stale claim files rate no claim and are not
exported. A statement several confirmed findings are about gets one ClaimReview, rated by
the worst of them (a claim that breaks a fact rule and that its own page corrects is False,
not also Disputed). The review body is public: the rule's explanation or the evidence that
says otherwise, never the editor's note (notes are the desk's own). Output is
deterministic: report order, sorted keys, no clock read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from checker import rx
from checker.decisions import Decision, carried_why, review_state, successors_of
from checker.models.report import ClaimRef, DocumentOut, Finding, Report
from checker.reporting.common import is_web_url

CONTEXT = "https://schema.org"
BEST, WORST = 5, 1
RATINGS: dict[str, tuple[int, str]] = {
    "rule-violation": (1, "False"),
    "arithmetic": (2, "Inaccurate"),
    "conflict": (3, "Disputed"),
    "self-contradiction": (3, "Disputed"),
    "corroboration": (4, "Corroborated"),
    "rule-support": (5, "True"),
}


def _organization(name: str | None) -> dict[str, Any] | None:
    return {"@type": "Organization", "name": name} if name else None


def _appearance(doc: DocumentOut | None, path: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if doc is not None and is_web_url(doc.url):
        work["url"] = doc.url
    # Without a web address the document path is what identifies where the claim appeared.
    work["identifier"] = path
    if doc is not None and doc.title:
        work["headline"] = doc.title
    if doc is not None and doc.published:
        work["datePublished"] = doc.published
    publisher = _organization(doc.publisher if doc else None)
    if publisher:
        work["publisher"] = publisher
    return work


def _item(finding: Finding, docs: Mapping[str, DocumentOut]) -> dict[str, Any]:
    ref = finding.claims[0]
    doc = docs.get(ref.document)
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(doc, ref.path)}
    if doc is not None and doc.published:
        item["datePublished"] = doc.published
    author = _organization(doc.publisher if doc else None)
    if author:
        item["author"] = author
    return item


def claim_review(finding: Finding, decision: Decision, docs: Mapping[str, DocumentOut],
                 author: dict[str, Any], url_base: str | None = None) -> dict[str, Any]:
    """One ClaimReview object (with its own @context, so it can be embedded alone)."""
    value, name = RATINGS[finding.kind]
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": finding.id,
        "claimReviewed": " ".join(finding.claims[0].text.split()),
        "itemReviewed": _item(finding, docs),
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": BEST,
                         "worstRating": WORST, "alternateName": name},
        "author": author,
        "datePublished": decision.decided_at,
        "reviewBody": review_body(finding, docs),
    }
    if url_base:
        review["url"] = f"{url_base.rstrip('/')}/{finding.id}"
    return review


def review_body(finding: Finding, docs: Mapping[str, DocumentOut]) -> str:
    """Why the claim is rated so, for readers: no document ids, lines or private notes."""
    explanation = finding.details.get("explanation")
    if finding.kind in ("rule-violation", "rule-support"):
        return explanation if isinstance(explanation, str) and explanation else finding.message
    other = next((c for c in finding.claims[1:] if c.role in ("evidence", "correction")), None)
    if finding.kind in ("conflict", "self-contradiction") and other is not None:
        quoted = " ".join(other.text.split())
        if finding.kind == "self-contradiction":
            return f"The same page says otherwise: “{quoted}”"
        doc = docs.get(other.document)
        source = (doc.title or doc.publisher) if doc is not None else None
        return f"Another source says otherwise{f' ({source})' if source else ''}: “{quoted}”"
    if finding.kind == "corroboration" and finding.documents:
        origins = finding.origins or finding.documents
        return (f"{finding.documents} documents from {origins} independent "
                f"origin{'s' if origins != 1 else ''} say the same.")
    return finding.message


def review_author(organization: str | None, decision: Decision) -> dict[str, Any] | None:
    """The reviewing organisation when named, else the editor who decided."""
    if organization:
        return {"@type": "Organization", "name": organization}
    return {"@type": "Person", "name": decision.author} if decision.author else None


def claim_reviews(report: Report, decisions: Mapping[str, Decision],
                  organization: str | None = None, url_base: str | None = None
                  ) -> tuple[list[dict[str, Any]], list[str]]:
    """ClaimReviews of the confirmed findings, and why any confirmed one was left out."""
    docs = {d.id: d for d in report.documents}
    out: list[dict[str, Any]] = []
    skipped: list[str] = []
    chosen = _worst_per_statement(report.findings, decisions)
    carried = successors_of(report.findings, decisions)
    for finding in report.findings:
        if finding.id in chosen and chosen[finding.id] != finding.id:
            skipped.append(f"{finding.id}: the same statement as {chosen[finding.id]}, "
                           "which rates it worse (one ClaimReview a statement)")
            continue
        decision = decisions.get(finding.id)
        if decision is None and finding.id in carried:
            # The statement was reworded since the decision: `check` re-opens the decision
            # on this finding, and so is it left out here, said so.
            old = decisions[carried[finding.id]]
            if old.decision == "confirmed":
                skipped.append(f"{finding.id}: re-opened ({carried_why(old, carried[finding.id])}"
                               "); decide it again to export it")
            continue
        why_not = _left_out(finding, decision)
        if why_not:
            skipped.append(f"{finding.id}: {why_not}")
        elif why_not is None and decision is not None:
            author = review_author(organization, decision)
            if author is None:
                skipped.append(f"{finding.id}: no author (name an --organization or an editor)")
                continue
            out.append(claim_review(finding, decision, docs, author, url_base))
    out += _other_sides(report.findings, decisions, chosen, docs, organization, url_base)
    present = {f.id for f in report.findings} | set(carried.values())
    for fp, decision in sorted(decisions.items()):
        if fp not in present and decision.decision == "confirmed":
            skipped.append(f"{fp}: its finding no longer occurs (resolved)")
    return out, skipped


def _other_sides(findings: Sequence[Finding], decisions: Mapping[str, Decision],
                 chosen: Mapping[str, str], docs: Mapping[str, DocumentOut],
                 organization: str | None, url_base: str | None) -> list[dict[str, Any]]:
    """ClaimReviews of the other statement of each exported conflict: two sources that
    disagree are both disputed, and an editor confirming the conflict has not said which
    is wrong (a first-time-user probe: only the statement listed first was rated). A
    statement with an exported finding of its own is rated by that one."""
    reviewed = {_statement(f.claims[0]) for f in findings if f.id in chosen}
    out: list[dict[str, Any]] = []
    for f in findings:
        if f.kind != "conflict" or chosen.get(f.id) != f.id:
            continue
        other = next((c for c in f.claims[1:] if c.role == "evidence"), None)
        author = review_author(organization, decisions[f.id])
        if other is None or author is None or _statement(other) in reviewed:
            continue
        reviewed.add(_statement(other))
        first = f.claims[0]
        rest = [c for c in f.claims[1:] if c is not other]
        mirrored = f.model_copy(update={"id": f"{f.id}.2", "claims": [
            other.model_copy(update={"role": first.role}),
            first.model_copy(update={"role": "evidence"}), *rest]})
        out.append(claim_review(mirrored, decisions[f.id], docs, author, url_base))
    return out


def _statement(ref: ClaimRef) -> tuple[str, str]:
    """A statement: its document and its words, however spaced."""
    return ref.document, " ".join(ref.text.split())


def _left_out(finding: Finding, decision: Decision | None) -> str | None:
    """Why a finding gets no ClaimReview: "" when it is not confirmed (nothing to say),
    the reason when it is; None when it is exportable."""
    if decision is None or decision.decision != "confirmed":
        return ""
    state, why = review_state(finding, decision)
    if state != "decided":
        return f"re-opened ({why})"
    if finding.kind not in RATINGS or not finding.claims:
        return f"a {finding.kind} finding rates no claim"
    return None


def _worst_per_statement(findings: Sequence[Finding], decisions: Mapping[str, Decision]
                         ) -> dict[str, str]:
    """For each exportable finding (`_left_out`), the finding that speaks for its statement:
    the worst rating of the statement's exportable findings (the first in report order on
    a tie)."""
    best: dict[tuple[str, str], Finding] = {}
    members: dict[tuple[str, str], list[str]] = {}
    for f in findings:
        if _left_out(f, decisions.get(f.id)) is not None:
            continue
        key = _statement(f.claims[0])
        members.setdefault(key, []).append(f.id)
        if key not in best or RATINGS[f.kind][0] < RATINGS[best[key].kind][0]:
            best[key] = f
    return {fid: best[key].id for key, ids in members.items() for fid in ids}


# How an export begins (`render`: a list of ClaimReviews, keys sorted): only such a file is
# replaced without --force.
SIGNATURE = rx.compile(rb'\A\[\s*(?:\]|\{\s*"@context":\s*"https://schema\.org")')


# JSON-LD is published inside <script type="application/ld+json">: a "</script>" in a
# scraped title or a document's text would end the block there and run what follows (an
# editor probe). Escaped, the JSON reads the same.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def render(reviews: Sequence[Mapping[str, Any]]) -> str:
    """The JSON-LD file: an array of ClaimReview objects, keys sorted, safe to paste into a
    script element as it is."""
    text = json.dumps(list(reviews), indent=2, sort_keys=True, ensure_ascii=False)
    return text.translate(_SCRIPT_SAFE) + "\n"


def _require(obj: Any, key: str, kind: type | tuple[type, ...], where: str,
             problems: list[str]) -> Any:
    value = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(value, kind) or isinstance(value, bool):
        problems.append(f"{where}.{key}: missing or not {getattr(kind, '__name__', kind)}")
        return None
    return value


def structural_problems(review: Any, where: str = "review") -> list[str]:
    """What a ClaimReview lacks (keys and types schema.org and search engines expect)."""
    problems: list[str] = []
    if not isinstance(review, dict):
        return [f"{where}: not an object"]
    if review.get("@context") != CONTEXT:
        problems.append(f"{where}.@context: not {CONTEXT}")
    if review.get("@type") != "ClaimReview":
        problems.append(f"{where}.@type: not ClaimReview")
    for key in ("claimReviewed", "datePublished"):
        _require(review, key, str, where, problems)
    item = _require(review, "itemReviewed", dict, where, problems)
    if item is not None:
        if item.get("@type") != "Claim":
            problems.append(f"{where}.itemReviewed.@type: not Claim")
        work = _require(item, "appearance", dict, f"{where}.itemReviewed", problems)
        if work is not None and not (work.get("url") or work.get("identifier")):
            problems.append(f"{where}.itemReviewed.appearance: neither url nor identifier")
    rating = _require(review, "reviewRating", dict, where, problems)
    if rating is not None:
        if rating.get("@type") != "Rating":
            problems.append(f"{where}.reviewRating.@type: not Rating")
        numbers = [_require(rating, k, int, f"{where}.reviewRating", problems)
                   for k in ("ratingValue", "worstRating", "bestRating")]
        _require(rating, "alternateName", str, f"{where}.reviewRating", problems)
        if all(n is not None for n in numbers) and not numbers[1] <= numbers[0] <= numbers[2]:
            problems.append(f"{where}.reviewRating.ratingValue: outside worst..best")
    author = _require(review, "author", dict, where, problems)
    if author is not None and not (author.get("@type") in ("Organization", "Person")
                                   and isinstance(author.get("name"), str)):
        problems.append(f"{where}.author: not a named Organization or Person")
    if "url" in review and not is_web_url(review["url"]):
        problems.append(f"{where}.url: not an http(s) URL")
    return problems
