"""`report.sarif`: SARIF 2.1.0 for code-scanning tools (GitHub, IDE viewers).

Each finding is a result. Its primary location is the claim file line when the statement has
a claim file (what CI checks and a pull request changes), else the statement in the
document; the statements themselves are related locations, linked from the message.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from checker import rx
from checker.models.report import ClaimRef, ErrorOut, Finding, Report
from checker.reporting.common import (
    ROLE_LABELS,
    SEVERITY_RANK,
    error_key,
    flagged_range,
    is_web_url,
    rule_key,
    severity,
)
from checker.reporting.jsontext import dumps, dumps_bytes
from checker.reporting.outcome import input_exit_code

SCHEMA_URI = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
              "sarif-schema-2.1.0.json")
# The project has no home page yet; set this when it does (SARIF's informationUri).
INFORMATION_URI: str | None = None
FINGERPRINT = "claimcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
KIND_HELP = {
    "conflict": "Two documents make incompatible statements about the same thing.",
    "self-contradiction": "A document contradicts itself.",
    "corroboration": "Independent documents agree on a statement.",
    "arithmetic": "Figures stated in a document do not add up.",
    "rule-violation": "A statement contradicts a declared fact rule.",
    "rule-support": "A statement agrees with a declared fact rule.",
    "term": "A term or name is spelt in a way a term rule forbids.",
    "consistency": "A name is written in more than one form.",
    "stale-claims": "A claim file is out of date with its document.",
}
RULE_LABELS = {"rule-violation": "Fact rule", "rule-support": "Fact rule", "term": "Term rule",
               "consistency": "Consistency rule"}
# Suppressions written next to the claim or in the document are "in source"; decisions,
# baselines and configuration live elsewhere.
IN_SOURCE = ("claim", "document")
_SARIF_SPECIAL = rx.compile(r"([\\\[\]])")


def _text(value: str) -> str:
    """Message text with SARIF's link syntax characters escaped (messages embed links)."""
    return _SARIF_SPECIAL.sub(r"\\\1", value)


# Longest statement text a location carries (characters); sentences of news run to a few
# hundred, and a run-on page without full stops must not multiply the file's size.
MAX_TEXT = 2000


def _uri(path: str) -> str:
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def _name(key: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^A-Za-z0-9]+", key) if p)


def _doc_location(ref: ClaimRef, finding: Finding, lid: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": ref.line, "startColumn": ref.column,
        "endLine": ref.end_line, "endColumn": ref.end_column,
        "charOffset": ref.span[0], "charLength": max(0, ref.span[1] - ref.span[0]),
    }
    part = flagged_range(ref, finding)
    if part is not None and part[1] - part[0] <= MAX_TEXT:
        # A snippet is the region's exact text or nothing: a 2 MB sentence was 16 MB of SARIF.
        region["snippet"] = {"text": ref.text[part[0]:part[1]]}
    loc: dict[str, Any] = {}
    if lid is not None:
        loc["id"] = lid
    loc["physicalLocation"] = {"artifactLocation": {"uri": _uri(ref.path)}, "region": region}
    label = ROLE_LABELS.get(ref.role, ref.role)
    claim = f" (claim {ref.claim_id})" if ref.claim_id else ""
    text = ref.text if len(ref.text) <= MAX_TEXT else ref.text[:MAX_TEXT] + "…"
    loc["message"] = {"text": f"{label}{claim}: {text}"}
    return loc


def _claim_location(ref: ClaimRef) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(ref.claim_file or "")}}
    if ref.claim_file_line:
        physical["region"] = {"startLine": ref.claim_file_line}
    return {"physicalLocation": physical,
            "message": {"text": f"claim {ref.claim_id} in {ref.path}:{ref.line}"}}


def _rules(report: Report) -> list[dict[str, Any]]:
    """One descriptor per rule id and per finding kind without a rule, sorted by id."""
    seen: dict[str, list[Finding]] = {}
    for f in report.findings:
        seen.setdefault(rule_key(f), []).append(f)
    out: dict[str, dict[str, Any]] = {}
    for key, group in seen.items():
        first = group[0]
        kinds = sorted({f.kind for f in group})
        level = LEVELS[max((severity(f) for f in group), key=lambda s: SEVERITY_RANK[s])]
        explanation = next((str(f.details["explanation"]) for f in group
                            if isinstance(f.details.get("explanation"), str)), None)
        reference = next((f.reference for f in group if f.reference), None)
        if first.rule_id:
            short = f"{RULE_LABELS.get(first.kind, 'Rule')} {first.rule_id}"
        else:
            short = KIND_HELP.get(first.kind, first.kind)
        full = explanation or short
        help_text = full + (f"\nReference: {reference}" if reference else "")
        rule: dict[str, Any] = {
            "id": key, "name": _name(key),
            "shortDescription": {"text": short}, "fullDescription": {"text": full},
            "help": {"text": help_text},
            "defaultConfiguration": {"level": level},
            "properties": {"tags": ["claimcheck", *kinds]},
        }
        if reference and is_web_url(reference):
            rule["helpUri"] = reference
        out[key] = rule
    for e in report.errors:
        key = error_key(e)
        out.setdefault(key, {
            "id": key, "name": _name(key),
            "shortDescription": {"text": f"Input error ({e.code})"},
            "fullDescription": {"text": "A claim, rule or document file could not be used."},
            "defaultConfiguration": {"level": "error"},
            "properties": {"tags": ["claimcheck", "input"]},
        })
    return [out[k] for k in sorted(out)]


def _suppression(finding: Finding) -> list[dict[str, Any]]:
    s = finding.suppressed
    if s is None:
        return []
    props: dict[str, Any] = {"by": s.by}
    if s.author:
        props["author"] = s.author
    return [{"kind": "inSource" if s.by in IN_SOURCE else "external", "status": "accepted",
             "justification": s.reason, "properties": props}]


def _fix(finding: Finding, paths: dict[str, str]) -> list[dict[str, Any]]:
    fix = finding.fix
    if fix is None:
        return []
    path = paths.get(fix.document) or next(
        (c.path for c in finding.claims if c.document == fix.document), fix.document)
    start, end = fix.span
    return [{
        "description": {"text": f"Replace with “{fix.replacement}”"},
        "artifactChanges": [{
            "artifactLocation": {"uri": _uri(path)},
            "replacements": [{"deletedRegion": {"charOffset": start, "charLength": end - start},
                              "insertedContent": {"text": fix.replacement}}],
        }],
    }]


def _result(finding: Finding, index: dict[str, int], paths: dict[str, str]) -> dict[str, Any]:
    key = rule_key(finding)
    related = [_doc_location(ref, finding, i + 1) for i, ref in enumerate(finding.claims)]
    links = "; ".join(
        f"{ROLE_LABELS.get(ref.role, ref.role)} [{_text(f'{ref.path}:{ref.line}')}]({i + 1})"
        for i, ref in enumerate(finding.claims))
    message = _text(finding.message) + (f" ({links})" if links else "")
    locations: list[dict[str, Any]] = []
    if finding.claims:
        first = finding.claims[0]
        if first.claim_file:
            locations.append(_claim_location(first))
        locations.append(_doc_location(first, finding))
    props: dict[str, Any] = {"kind": finding.kind, "confidence": finding.confidence}
    if finding.reason:
        props["reason"] = finding.reason
    claim_ids = [c.claim_id for c in finding.claims if c.claim_id]
    if claim_ids:
        props["claims"] = claim_ids
    for name in ("documents", "origins", "reference"):
        if getattr(finding, name) is not None:
            props[name] = getattr(finding, name)
    result: dict[str, Any] = {
        "ruleId": key, "ruleIndex": index[key], "level": LEVELS[severity(finding)],
        "message": {"text": message}, "locations": locations,
    }
    if related:
        result["relatedLocations"] = related
    result["partialFingerprints"] = {FINGERPRINT: finding.id}
    if finding.fix:
        result["fixes"] = _fix(finding, paths)
    if finding.suppressed:
        result["suppressions"] = _suppression(finding)
    result["properties"] = props
    return result


def _error_text(error: ErrorOut) -> dict[str, str]:
    return {"text": _text(error.message + (f" (field {error.field})" if error.field else ""))}


def _error_locations(error: ErrorOut) -> list[dict[str, Any]]:
    if not error.path:
        return []
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(error.path)}}
    if error.line:
        region: dict[str, Any] = {"startLine": error.line}
        if error.column:
            region["startColumn"] = error.column
        physical["region"] = region
    return [{"physicalLocation": physical}]


def _error_result(error: ErrorOut, index: dict[str, int]) -> dict[str, Any]:
    key = error_key(error)
    result: dict[str, Any] = {"ruleId": key, "ruleIndex": index[key], "level": "error",
                              "message": _error_text(error)}
    locations = _error_locations(error)
    if locations:
        result["locations"] = locations
    # Errors have no finding id: fingerprint what they are about, never the line.
    payload = "\x1f".join([error.code, error.path or "", error.field or "", error.message])
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]
    result["partialFingerprints"] = {FINGERPRINT: digest}
    return result


def _invocation(report: Report) -> dict[str, Any]:
    """The run: each input error is an error notification, which tells a consumer the
    results may be incomplete (SARIF appendix I: a claim file that does not load is not
    compared), and a run with any is not successful, with the exit code the CLI uses."""
    code = input_exit_code(report)
    # Findings alone leave the run successful (SARIF 3.20.14); their exit code depends on
    # --fail-on, which the report does not carry, so only bad input's is recorded.
    invocation: dict[str, Any] = {"executionSuccessful": code is None}
    if code is not None:
        invocation["exitCode"] = code
    notifications = []
    for e in report.errors:
        note: dict[str, Any] = {"level": "error", "message": _error_text(e)}
        locations = _error_locations(e)
        if locations:
            note["locations"] = locations
        note["descriptor"] = {"id": error_key(e)}
        notifications.append(note)
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def build(report: Report) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    rules = _rules(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    paths = {d.id: d.path for d in report.documents}
    driver: dict[str, Any] = {"name": report.tool.name, "version": report.tool.version,
                              "semanticVersion": report.tool.version}
    if INFORMATION_URI:
        driver["informationUri"] = INFORMATION_URI
    driver["rules"] = rules
    results = [_error_result(e, index) for e in report.errors]
    results += [_result(f, index, paths) for f in report.findings]
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [_invocation(report)],
        # Columns and offsets are counted in Python characters, i.e. code points.
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    """SARIF 2.1.0 JSON: stable key order, two-space indent, UTF-8 kept, trailing newline."""
    return dumps(build(report), _floats(report)) + "\n"


def render_bytes(report: Report) -> bytes:
    """`render`, UTF-8 encoded (what is written: no str made between)."""
    return dumps_bytes(build(report), _floats(report)) + b"\n"


def _floats(report: Report) -> Iterator[float]:
    # A finding's confidence is the only float of the log (tests/reporting/test_jsontext.py).
    return (f.confidence for f in report.findings)
