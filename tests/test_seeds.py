"""The embedded corpus: what an editor must find in the five seed documents."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker.models.report import Finding, Report
from checker.pipeline import CheckOptions, CheckResult, run_check
from checker.reporting import json_report, markdown
from checker.schemas import load

D0, D1, D2, D3 = ("000_157f4fd9ca80a9df", "001_453f63a362655c46", "002_52ff3da96645762c",
                  "003_69130b2234f769d4")


@pytest.fixture(scope="module")
def result(repo: Path) -> CheckResult:
    return run_check(CheckOptions(root=repo, seeds=repo / "seeds", claims=repo / "claims",
                                  rules=repo / "rules"))


def _find(report: Report, kind: str, **kw: str) -> list[Finding]:
    out = [f for f in report.findings if f.kind == kind and f.suppressed is None]
    if "rule_id" in kw:
        out = [f for f in out if f.rule_id == kw["rule_id"]]
    if "text" in kw:
        out = [f for f in out if any(kw["text"] in c.text for c in f.claims)]
    return out


def test_no_input_errors_and_claim_files_fresh(result: CheckResult) -> None:
    assert [str(e) for e in result.errors] == []
    assert all(not d.stale and not d.extracted_on_the_fly for d in result.report.documents)
    assert not _find(result.report, "stale-claims")


def test_report_validates_against_shipped_schema(result: CheckResult) -> None:
    data = json.loads(json_report.render(result.report))
    jsonschema.Draft202012Validator(load("report")).validate(data)
    assert data["schema_version"] == "1"
    assert data["tool"]["name"] == "claimcheck"


def test_iss_claim_violates_fact_rule(result: CheckResult) -> None:
    hits = _find(result.report, "rule-violation", rule_id="china-not-iss-member")
    assert len(hits) == 1
    ref = hits[0].claims[0]
    assert (ref.document, ref.line) == (D2, 23)
    assert ref.text.startswith("China is a member of the International Space Station")
    assert hits[0].severity.value == "error" and hits[0].reference


def test_document_002_contradicts_itself(result: CheckResult) -> None:
    hits = _find(result.report, "self-contradiction")
    assert len(hits) == 1
    lines = sorted(c.line for c in hits[0].claims)
    assert lines == [23, 29] and {c.document for c in hits[0].claims} == {D2}
    assert any(c.role == "correction" for c in hits[0].claims)


def test_chiange_misspelling_flagged_with_fix(result: CheckResult) -> None:
    hits = _find(result.report, "term", rule_id="change-spelling")
    assert [h.details["found"] for h in hits] == ["Chiang’e"]
    ref = hits[0].claims[0]
    assert (ref.document, ref.line) == (D0, 2)
    assert hits[0].fix is not None and hits[0].fix.replacement == "Chang’e"


@pytest.mark.parametrize("text", ["ICUBE-Q", "Chang’e 8", "astronaut"])
def test_000_and_001_corroborate(result: CheckResult, text: str) -> None:
    hits = _find(result.report, "corroboration", text=text)
    assert any({c.document for c in h.claims} == {D0, D1} for h in hits), text
    assert all(h.origins == 2 for h in hits)


def test_suparco_spellings_are_one_entity(result: CheckResult) -> None:
    suparco = next(e for e in result.report.entities if e.id == "suparco")
    forms = {f.text for f in suparco.forms}
    assert any("Space & Upper" in f for f in forms)
    assert any("Space and Upper" in f for f in forms)
    assert len(suparco.documents) >= 3


def test_no_navigation_claims_in_003(result: CheckResult) -> None:
    dc = next(d for d in result.corpus.docs if d.doc.id == D3)
    texts = [c.text for c in dc.claims]
    for junk in ("Share", "Tweet", "Read More", "Subscribe", "Previous Article", "CW Pakistan",
                 "Trending Posts", "Input your search", "Legacy Editorial"):
        assert not any(t.strip() == junk or t.startswith(junk + "\n") for t in texts), junk
    lines = {c.line for c in dc.claims}
    assert lines <= {65, 67, 69, 71, 73, 75, 166}, sorted(lines)


def test_seed_figures_are_not_flagged(result: CheckResult) -> None:
    assert _find(result.report, "arithmetic") == []
    assert _find(result.report, "conflict") == []


def test_reports_are_byte_stable(repo: Path, result: CheckResult) -> None:
    again = run_check(CheckOptions(root=repo, seeds=repo / "seeds", claims=repo / "claims",
                                   rules=repo / "rules"))
    assert json_report.render(again.report) == json_report.render(result.report)
    assert markdown.render(again.report) == markdown.render(result.report)


def test_the_shipped_claim_files_remember_what_was_drafted(repo: Path) -> None:
    """Each shipped claim file lists the ids extraction drafted, so a claim an editor deletes
    stays deleted when `extract` runs again (a CI/review probe: without the list, a deleted
    claim came back as "1 added")."""
    from checker.claimfiles import load_claim_file

    for path in sorted((repo / "claims").glob("*.yaml")):
        loaded, errors = load_claim_file(path, path.name)
        assert not errors and loaded is not None
        assert {c.id for c in loaded.model.claims} <= set(loaded.model.drafted), path.name
