"""SARIF: valid against the official 2.1.0 schema, with rules, locations and suppressions."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import pytest
from jsonschema import validators
from jsonschema.protocols import Validator

from checker.models.report import Report, Suppressed
from checker.pipeline import CheckOptions, run_check
from checker.reporting import sarif

from .sample import REPO, SARIF_SCHEMA


@lru_cache(maxsize=1)
def _validator() -> Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = validators.validator_for(schema)  # the schema says draft-04: use that validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(log)]


def _log(report: Report) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(sarif.render(report))
    return log


def test_sample_validates(report: Report) -> None:
    assert _errors(_log(report)) == []


def test_seeds_validate() -> None:
    result = run_check(CheckOptions(root=REPO, seeds=REPO / "seeds", claims=REPO / "claims",
                                    rules=REPO / "rules"))
    log = _log(result.report)
    assert _errors(log) == []
    results = log["runs"][0]["results"]
    iss = [r for r in results if r["ruleId"] == "china-not-iss-member" and r["level"] == "error"]
    assert len(iss) == 1
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in iss[0]["locations"]]
    assert uris[0].startswith("claims/002_") and uris[1].startswith("seeds/002_")


def test_rules_table(report: Report) -> None:
    run = _log(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids)
    assert {"moon-not-cheese", "change-spelling", "claimcheck/conflict",
            "claimcheck/corroboration", "claimcheck/input/schema"} == set(ids)
    by_id = {r["id"]: r for r in rules}
    assert by_id["moon-not-cheese"]["helpUri"] == "https://example.org/moon?a=1&b=<2>"
    assert "helpUri" not in by_id["change-spelling"]  # javascript: is no help page
    assert by_id["moon-not-cheese"]["fullDescription"]["text"].startswith("Apollo samples")
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_levels_and_fingerprints(report: Report) -> None:
    results = _log(report)["runs"][0]["results"][1:]  # the first is the input error
    assert [r["level"] for r in results] == ["error", "error", "warning", "note", "error"]
    assert [r["partialFingerprints"]["claimcheck/v1"] for r in results] == [
        f.id for f in report.findings]
    assert all(r["properties"]["kind"] == f.kind and r["properties"]["confidence"]
               == f.confidence for r, f in zip(results, report.findings, strict=True))


def test_locations(report: Report) -> None:
    results = _log(report)["runs"][0]["results"]
    conflict = results[1]
    claim_loc, doc_loc = conflict["locations"]
    assert claim_loc["physicalLocation"] == {"artifactLocation": {"uri": "claims/doc-a.yaml"},
                                             "region": {"startLine": 12}}
    region = doc_loc["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"],
            region["endColumn"]) == (2, 1, 2, 59)
    assert region["snippet"]["text"].startswith("The probe launched in 2024")
    assert [loc["id"] for loc in conflict["relatedLocations"]] == [1, 2]
    assert "(2))" in conflict["message"]["text"]  # related locations are linked
    evidence = conflict["relatedLocations"][1]["physicalLocation"]
    assert evidence["artifactLocation"]["uri"] == "seeds/odd%2C%20name%3A2.md"
    term = results[3]
    assert len(term["locations"]) == 1  # no claim file: the document is the location
    assert term["locations"][0]["physicalLocation"]["region"]["snippet"] == {"text": "Chiang'e"}
    assert term["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "Chang’e"}


def test_input_error_result(report: Report) -> None:
    error = _log(report)["runs"][0]["results"][0]
    assert error["ruleId"] == "claimcheck/input/schema" and error["level"] == "error"
    assert error["locations"][0]["physicalLocation"]["region"] == {"startLine": 7,
                                                                   "startColumn": 3}
    assert "claims\\[0\\].text" in error["message"]["text"]  # SARIF link syntax escaped


def test_input_errors_are_notifications_of_a_run_that_did_not_succeed(report: Report) -> None:
    # SARIF appendix I: an error notification says the results may be incomplete (a claim
    # file that does not load is not compared), where a result alone does not. A CI probe:
    # a run the CLI ended with exit 2 was `executionSuccessful: true`, with no exit code.
    log = _log(report)
    assert _errors(log) == []
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["descriptor"] == {"id": "claimcheck/input/schema"}
    assert note["locations"] == log["runs"][0]["results"][0]["locations"]
    clean = _log(report.model_copy(update={"errors": []}))
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True}]


@pytest.mark.parametrize(("by", "kind"), [("claim", "inSource"), ("document", "inSource"),
                                          ("config", "external"), ("decision", "external"),
                                          ("baseline", "external")])
def test_suppressions(report: Report, by: str, kind: str) -> None:
    last = report.findings[-1]
    report.findings[-1] = last.model_copy(
        update={"suppressed": Suppressed(by=by, reason="known", author=None)})  # type: ignore[arg-type]
    log = _log(report)
    assert _errors(log) == []
    results = log["runs"][0]["results"]
    assert results[-1]["suppressions"] == [{"kind": kind, "status": "accepted",
                                            "justification": "known",
                                            "properties": {"by": by}}]
    assert all("suppressions" not in r for r in results[:-1])


def test_run_shape(report: Report) -> None:
    log = _log(report)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "claimcheck"
    assert run["tool"]["driver"]["version"] == "9.9.9"


def test_empty_report_validates(report: Report) -> None:
    empty = report.model_copy(update={"findings": [], "errors": []})
    log = _log(empty)
    assert _errors(log) == []
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_a_huge_statement_is_not_copied_whole(report: Report) -> None:
    huge = "Z" * 50_000
    first = report.findings[1]
    refs = [c.model_copy(update={"text": huge, "span": (0, len(huge))}) for c in first.claims]
    bad = report.model_copy(update={"findings": [first.model_copy(update={"claims": refs})]})
    log = _log(bad)
    assert _errors(log) == []
    text = json.dumps(log, ensure_ascii=False)
    assert len(text) < 20_000 and "Z" * 2001 not in text and "Z…" in text
