"""Every command and exit code, through click's CliRunner. Bad input: exit 2, a located
message, never a traceback."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from checker.cli import main

DOC = "Beijing is one of the partner nations of the International Space Station, it said.\n"


def run(args: list[str]) -> Result:
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    # A crash would surface as a non-SystemExit exception: never acceptable.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def test_help_documents_every_command() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    for command in ("extract", "validate", "check", "rules"):
        assert command in result.output
    assert "Exit codes" in result.output


def test_check_on_seeds_fails_on_errors_and_writes_reports(project: Path) -> None:
    result = run(["check"])
    assert result.exit_code == 1
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["documents"] == 5
    assert (project / "reports" / "report.md").read_text(encoding="utf-8").startswith("# claim")
    # The summary's conflicts hold the self-contradictions, and say how many they are (a
    # review: "1 conflict" in JSON where the Markdown said "0 conflicts, 1 self-contradiction")
    summary = report["summary"]
    assert summary["self_contradictions"] == summary["by_kind"]["self-contradiction"] == 1
    assert summary["conflicts"] == summary["self_contradictions"] + summary["by_kind"].get(
        "conflict", 0)


def test_fail_on_never_exits_zero(project: Path) -> None:
    assert run(["check", "--fail-on", "never"]).exit_code == 0


def test_ignore_by_rule_id_and_tag(project: Path) -> None:
    result = run(["check", "--ignore", "china-not-iss-member", "--format", "json"])
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert not any(f["rule_id"] == "china-not-iss-member" for f in report["findings"])
    assert result.exit_code == 1  # the self-contradiction is still an error
    run(["check", "--select", "spelling", "--format", "json"])
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    rules = {f["rule_id"] for f in report["findings"] if f["rule_id"]}
    assert rules == {"change-spelling"}


def _json_report(project: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(
        (project / "reports" / "report.json").read_text(encoding="utf-8"))
    return report


def test_select_and_ignore_name_finding_kinds(project: Path) -> None:
    run(["check", "--select", "spelling", "--format", "json"])  # rules only: kinds stay
    assert {"term", "corroboration", "self-contradiction"} <= \
        {f["kind"] for f in _json_report(project)["findings"]}
    run(["check", "--select", "spelling", "--select", "corroboration", "--format", "json"])
    assert {f["kind"] for f in _json_report(project)["findings"]} == {"term", "corroboration"}
    result = run(["check", "--ignore", "corroboration", "--ignore",
                  "claimcheck/self-contradiction", "--format", "json"])
    assert result.exit_code == 1  # the rule violation is still an error
    kinds = {f["kind"] for f in _json_report(project)["findings"]}
    assert kinds and not kinds & {"corroboration", "self-contradiction"}
    assert run(["check", "--select", "corroboration", "--format", "json"]).exit_code == 0
    assert {f["kind"] for f in _json_report(project)["findings"]} == {"corroboration"}


def test_ignoring_a_rule_keeps_its_suppressions_valid(project: Path) -> None:
    claims = next((project / "claims").glob("002_*.yaml"))
    text = claims.read_text(encoding="utf-8")
    assert "\nsuppress:" not in text
    suppression = "suppress:\n  - {rule: change-spelling, reason: house style}\nclaims:\n"
    claims.write_text(text.replace("claims:\n", suppression, 1), encoding="utf-8")
    assert run(["check", "--fail-on", "never"]).exit_code == 0
    result = run(["check", "--ignore", "spelling", "--fail-on", "never"])
    assert result.exit_code == 0, result.output


def test_unknown_select_is_usage_error(project: Path) -> None:
    result = run(["check", "--select", "no-such-rule"])
    assert result.exit_code == 2
    assert "no rule, tag or finding kind named 'no-such-rule'" in result.output


def test_unknown_format_is_usage_error(project: Path) -> None:
    result = run(["check", "--format", "json,pdf"])
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.output


def test_schema_error_in_claim_file_is_located(project: Path) -> None:
    path = project / "claims" / "002_52ff3da96645762c.yaml"
    text = path.read_text(encoding="utf-8").replace("    line: 23\n", "    line: twenty\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    line: twenty") + 1
    result = run(["check"])
    assert result.exit_code == 2
    assert f"claims/002_52ff3da96645762c.yaml:{line}:" in result.output
    assert "claims[" in result.output and "].line" in result.output


def test_broken_yaml_is_located(project: Path) -> None:
    path = project / "claims" / "004_87cc10933e1614c0.yaml"
    path.write_text("schema_version: '1'\ndocument: [unclosed\nclaims: []\n", encoding="utf-8")
    result = run(["validate"])
    assert result.exit_code == 2
    assert "claims/004_87cc10933e1614c0.yaml:3:" in result.output
    assert "YAML syntax" in result.output


def test_rule_with_unknown_kind_is_located(project: Path) -> None:
    (project / "rules" / "bad.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: odd\n    kind: magic\n', encoding="utf-8")
    result = run(["check"])
    assert result.exit_code == 2
    assert "rules/bad.yaml:4:5: rules[0].kind: unknown kind 'magic'" in result.output


def test_missing_seeds_directory(project: Path) -> None:
    result = run(["check", "--seeds", "nowhere"])
    assert result.exit_code == 2
    assert "nowhere: documents directory not found" in result.output


def test_missing_seed_for_claim_file(project: Path) -> None:
    (project / "seeds" / "004_87cc10933e1614c0.txt").unlink()
    result = run(["check"])
    assert result.exit_code == 2
    assert "claims/004_87cc10933e1614c0.yaml:7:3: document.id: claim file for unknown document" \
        in result.output


def test_stale_claim_file_is_reported(project: Path) -> None:
    seed = project / "seeds" / "004_87cc10933e1614c0.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    result = run(["check", "--fail-on", "warning"])
    assert result.exit_code == 1
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert any(f["kind"] == "stale-claims" for f in report["findings"])


def test_a_baseline_is_written_with_checks_selection(project: Path) -> None:
    # a review: `baseline write` took none of check's selection options
    assert run(["baseline", "write", "all.json"]).exit_code == 0
    result = run(["baseline", "write", "some.json", "--ignore", "corroboration",
                  "--threshold", "0.5"])
    assert result.exit_code == 0, result.output
    every = json.loads((project / "all.json").read_text("utf-8"))
    some = json.loads((project / "some.json").read_text("utf-8"))
    assert 0 < len(some["findings"]) < len(every["findings"])
    missing = run(["baseline", "write", "x.json", "--decisions", "nope.yaml"])
    assert missing.exit_code == 2 and "nope.yaml: no such file" in missing.output


def test_a_rewrapped_document_fails_no_warning_gate(project: Path) -> None:
    # a review: README's `fail-on = "warning"` with a baseline failed on a rewrapped
    # paragraph, its claims all found again
    assert run(["baseline", "write", "base.json"]).exit_code == 0
    seed = project / "seeds" / "004_87cc10933e1614c0.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("collaboration in space sciences,",
                                 "collaboration in\nspace sciences,"), encoding="utf-8")
    result = run(["check", "--baseline", "base.json", "--fail-on", "warning"])
    assert result.exit_code == 0, result.output
    stale = _stale(project)
    assert stale["severity"] == "info" and "were all found again" in stale["message"]
    # a claim's sentence gone: the file is behind in what it says, a warning
    seed.write_text(text.replace("Pakistan and China have agreed to strengthen collaboration "
                                 "in space sciences, with a focus on astronaut training and "
                                 "the development of a Pakistan Space Center as part of their "
                                 "five-year strategic plan. ", ""), encoding="utf-8")
    result = run(["check", "--baseline", "base.json", "--fail-on", "warning"])
    assert result.exit_code == 1
    assert _stale(project)["severity"] == "warning"


def _stale(project: Path) -> dict[str, Any]:
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    return next(f for f in report["findings"] if f["kind"] == "stale-claims")


def test_missing_claim_file_is_extracted_on_the_fly(project: Path) -> None:
    (project / "claims" / "001_453f63a362655c46.yaml").unlink()
    result = run(["check", "--fail-on", "never"])
    assert result.exit_code == 0
    assert "claims extracted on the fly" in result.output


def test_validate_repository_files(project: Path) -> None:
    result = run(["validate"])
    assert result.exit_code == 0
    assert "0 errors" in result.output


def test_validate_missing_path(project: Path) -> None:
    assert run(["validate", "nope.yaml"]).exit_code == 2


def test_extract_writes_and_merges(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   repo: Path) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(repo / "rules", tmp_path / "rules")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d.txt").write_text(DOC, encoding="utf-8")
    assert run(["extract", "docs", "--out", "claims"]).exit_code == 0
    path = tmp_path / "claims" / "d.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    edited = text.replace("    line: 1\n",
                          "    line: 1\n    note: checked by the desk  # kept\n", 1)
    path.write_text(edited, encoding="utf-8")
    result = run(["extract", "docs", "--out", "claims"])
    assert result.exit_code == 0 and "1 kept" in result.output
    merged = path.read_text(encoding="utf-8")
    assert "note: checked by the desk  # kept" in merged


def test_extract_refuses_to_clobber_foreign_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "d.yaml").write_text("shopping: [milk]\n", encoding="utf-8")
    result = run(["extract", "d.txt", "--out", "out"])
    assert result.exit_code == 2 and "--force" in result.output
    assert (tmp_path / "out" / "d.yaml").read_text(encoding="utf-8") == "shopping: [milk]\n"
    assert run(["extract", "d.txt", "--out", "out", "--force"]).exit_code == 0
    assert "claims:" in (tmp_path / "out" / "d.yaml").read_text(encoding="utf-8")


def test_rules_list_and_test(project: Path) -> None:
    listed = run(["rules", "list"])
    assert listed.exit_code == 0 and "china-not-iss-member" in listed.output
    tested = run(["rules", "test"])
    assert tested.exit_code == 0 and "0 failures" in tested.output


def test_rules_test_fails_on_miss_and_on_missing_examples(project: Path) -> None:
    (project / "rules" / "weak.yaml").write_text(
        'schema_version: "1"\nrules:\n'
        '  - id: colour\n    kind: term\n    canonical: colour\n    variants: [color]\n'
        '    examples: {trigger: ["a colour"]}\n'
        '  - id: bare\n    kind: term\n    canonical: grey\n    variants: [gray]\n',
        encoding="utf-8")
    result = run(["rules", "test"])
    assert result.exit_code == 1
    assert "colour: example 'a colour' did not trigger" in result.output
    assert "bare: has no examples" in result.output


def test_suppression_with_unknown_rule_is_error(project: Path) -> None:
    path = project / "claims" / "002_52ff3da96645762c.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "claims:\n", "suppress:\n  - {rule: no-such-rule, reason: testing}\nclaims:\n", 1)
    path.write_text(text, encoding="utf-8")
    result = run(["check"])
    assert result.exit_code == 2
    assert "suppression names unknown rule 'no-such-rule'" in result.output


def test_suppressed_finding_is_kept_and_not_counted(project: Path) -> None:
    path = project / "claims" / "002_52ff3da96645762c.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "claims:\n", "suppress:\n  - {rule: china-not-iss-member, reason: 'known, corrected on "
        "the page'}\n  - {rule: self-contradiction, reason: correction note}\nclaims:\n", 1)
    path.write_text(text, encoding="utf-8")
    result = run(["check", "--format", "json"])
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    violation = next(f for f in report["findings"] if f["kind"] == "rule-violation")
    assert violation["suppressed"] == {"by": "document", "reason": "known, corrected on the page",
                                       "author": None}
    assert report["summary"]["suppressed"] >= 2
    assert result.exit_code == 0


def test_python_dash_m(repo: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True,
                         text=True, check=True)
    assert "claimcheck" in out.stdout




def test_baseline_reports_only_new_findings(project: Path) -> None:
    assert run(["baseline", "write", "baseline.json"]).exit_code == 0
    result = run(["check", "--baseline", "baseline.json", "--format", "text"])
    assert result.exit_code == 0, result.output
    # Moving every line down keeps the old findings old.
    seed = project / "seeds" / "002_52ff3da96645762c.txt"
    seed.write_text("\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    run(["extract", "seeds/002_52ff3da96645762c.txt", "--out", "claims"])
    result = run(["check", "--baseline", "baseline.json", "--format", "text"])
    assert result.exit_code == 0, result.output
    # A new error is new.
    (project / "seeds" / "new.txt").write_text(
        "Beijing is one of the partner nations of the International Space Station.\n",
        encoding="utf-8")
    result = run(["check", "--baseline", "baseline.json", "--format", "json"])
    assert result.exit_code == 1
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    active = [f for f in report["findings"] if f["suppressed"] is None]
    assert {c["document"] for f in active for c in f["claims"]} >= {"new"}
    assert all(f["suppressed"]["by"] == "baseline" for f in report["findings"]
               if f["suppressed"] and "new" not in {c["document"] for c in f["claims"]})


def test_missing_baseline_is_bad_input(project: Path) -> None:
    result = run(["check", "--baseline", "missing.json"])
    assert result.exit_code == 2 and "baseline file not found" in result.output


FIX_CASE = Path(__file__).parent / "fix"


def test_fix_rewrites_claim_files_keeping_comments(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FIX_CASE, tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    before = Path("claims/a.yaml").read_text(encoding="utf-8")
    diff = run(["check", "--diff", "--fail-on", "never", "--format", "json"])
    assert "-    text: The Chiang’e 6 probe" in diff.output
    assert "+    text: The Chang’e 6 probe" in diff.output
    assert Path("claims/a.yaml").read_text(encoding="utf-8") == before  # --diff writes nothing
    # The fixing run reports and fails on what is left, not on what it fixed (a review: it
    # exited 1 with --fail-on warning on the misspellings it had just rewritten).
    assert run(["check", "--fix", "--fail-on", "warning", "--format", "json"]).exit_code == 0
    fixed = json.loads(Path("reports/report.json").read_text(encoding="utf-8"))
    assert not [f for f in fixed["findings"] if f["kind"] == "term"]
    golden = (FIX_CASE / "a.fixed.yaml").read_text(encoding="utf-8")
    assert Path("claims/a.yaml").read_text(encoding="utf-8") == golden
    again = run(["check", "--fail-on", "warning", "--format", "json"])
    assert again.exit_code == 0  # the spelling findings are gone


def test_fixes_say_when_a_document_has_no_claim_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A first-time-user probe: with no claim files `--fix` and `--diff` said nothing."""
    shutil.copytree(FIX_CASE, tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    shutil.rmtree("claims")
    for flag in ("--diff", "--fix"):
        result = run(["check", flag, "--fail-on", "never", "--format", "json"])
        assert "spelling fixes apply to claim files; 1 document(s) without one" \
            in result.output
    assert not Path("claims").exists()  # nothing written


def test_config_file_sets_defaults(project: Path) -> None:
    (project / "claimcheck.toml").write_text('fail-on = "never"\nignore = ["iss"]\n',
                                             encoding="utf-8")
    result = run(["check", "--format", "json"])
    assert result.exit_code == 0
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert not any(f["rule_id"] == "china-not-iss-member" for f in report["findings"])
    assert run(["check", "--fail-on", "error"]).exit_code == 1  # the command line wins


def test_bad_config_is_located(project: Path) -> None:
    (project / "claimcheck.toml").write_text('seeds = "seeds"\nfail-on = "sometimes"\n',
                                             encoding="utf-8")
    result = run(["check"])
    assert result.exit_code == 2 and "claimcheck.toml:2: fail-on:" in result.output


def test_pyproject_tool_section(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.claimcheck]\nformat = "sarif"\n',
                                            encoding="utf-8")
    run(["check", "--fail-on", "never"])
    assert (project / "reports" / "report.sarif").exists()
    assert not (project / "reports" / "report.md").exists()


def test_a_tool_section_shadowed_by_claimcheck_toml_is_warned_of(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.claimcheck]\nformat = "sarif"\n',
                                            encoding="utf-8")
    (project / "claimcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    result = run(["check"])
    assert result.exit_code == 0
    assert ("warning: claimcheck.toml is read and [tool.claimcheck] in pyproject.toml is "
            "ignored") in result.output
    assert not (project / "reports" / "report.sarif").exists()
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert "warning: claimcheck.toml" not in run(["check"]).output


def test_refuses_to_overwrite_foreign_report(project: Path) -> None:
    (project / "reports").mkdir()
    (project / "reports" / "report.md").write_text("my own notes\n", encoding="utf-8")
    result = run(["check", "--fail-on", "never"])
    assert result.exit_code == 2 and "not written by claimcheck" in result.output
    assert (project / "reports" / "report.md").read_text(encoding="utf-8") == "my own notes\n"
    assert run(["check", "--fail-on", "never", "--force"]).exit_code == 0
    assert "claimcheck report" in (project / "reports" / "report.md").read_text(encoding="utf-8")
    # Its own reports it replaces freely.
    assert run(["check", "--fail-on", "never"]).exit_code == 0


@pytest.mark.parametrize("name", ["report.md", "report.json", "report.sarif", "report.html"])
def test_a_file_that_only_mentions_claimcheck_is_not_ours(project: Path, name: str) -> None:
    (project / "reports").mkdir()
    notes = "# my notes on claimcheck\n{\"tool\": \"claimcheck\"}\n"
    (project / "reports" / name).write_text(notes, encoding="utf-8")
    result = run(["check", "--fail-on", "never", "--format", "json,md,html,sarif"])
    assert result.exit_code == 2 and "not written by claimcheck" in result.output
    assert (project / "reports" / name).read_text(encoding="utf-8") == notes


def test_baseline_write_never_replaces_a_claim_file_or_a_config(project: Path) -> None:
    claim_file = next((project / "claims").glob("*.yaml"))
    before = claim_file.read_text(encoding="utf-8")
    assert "claimcheck" in before  # its header names the tool that drafted it
    (project / "pyproject.toml").write_text("[tool.claimcheck]\nfail-on = 'error'\n",
                                            encoding="utf-8")
    for target in (claim_file, project / "pyproject.toml"):
        kept = target.read_text(encoding="utf-8")
        result = run(["baseline", "write", str(target)])
        assert result.exit_code == 2 and "--force" in result.output
        assert target.read_text(encoding="utf-8") == kept
    assert claim_file.read_text(encoding="utf-8") == before
    # Its own baseline it replaces freely.
    assert run(["baseline", "write", "baseline.json"]).exit_code == 0
    assert run(["baseline", "write", "baseline.json"]).exit_code == 0


def _report(project: Path, out: str) -> str:
    return (project / out / "report.json").read_text(encoding="utf-8")


def test_jobs_and_cache_give_the_identical_report(project: Path) -> None:
    # One document without a claim file, so extraction (cached, parallel) runs too.
    (project / "claims" / "001_453f63a362655c46.yaml").unlink()
    args = ["check", "--format", "json", "--fail-on", "never"]
    assert run([*args, "--out", "plain", "--no-cache"]).exit_code == 0
    assert not (project / ".claimcheck-cache").exists()
    assert run([*args, "--out", "cold", "-j", "2"]).exit_code == 0
    entries = sorted(p for p in (project / ".claimcheck-cache").rglob("*") if p.is_file())
    assert entries  # extracted and normalised claims were cached
    assert run([*args, "--out", "warm", "--jobs", "2"]).exit_code == 0
    assert sorted(p for p in (project / ".claimcheck-cache").rglob("*") if p.is_file()) \
        == entries  # the warm run found everything: nothing new written
    assert _report(project, "plain") == _report(project, "cold") == _report(project, "warm")


def test_damaged_cache_is_a_miss_not_an_error(project: Path) -> None:
    args = ["check", "--format", "json", "--fail-on", "never"]
    assert run([*args, "--out", "a"]).exit_code == 0
    for entry in (project / ".claimcheck-cache").rglob("*"):
        if entry.is_file():
            entry.write_text("{not json", encoding="utf-8")
    assert run([*args, "--out", "b"]).exit_code == 0
    assert _report(project, "a") == _report(project, "b")


def test_check_honours_review_decisions(project: Path) -> None:
    from checker.decisions import make_decision, save_decisions
    from checker.models.report import Report

    run(["check", "--format", "json", "--fail-on", "never", "--no-cache"])
    report = Report.model_validate_json(_report(project, "reports"))
    active = [f for f in report.findings if f.suppressed is None]
    target = active[0]
    gone = make_decision(target, "confirmed", None, "Desk B")
    save_decisions(project / "reviews" / "decisions.yaml", {
        target.id: make_decision(target, "false-alarm", "checked with the agency", "Desk A"),
        "0" * 16: gone})
    assert run(["check", "--format", "json", "--fail-on", "never"]).exit_code == 0
    after = json.loads(_report(project, "reports"))
    by_id = {f["id"]: f for f in after["findings"]}
    assert by_id[target.id]["suppressed"] == {
        "by": "decision", "reason": "checked with the agency", "author": "Desk A"}
    assert any(n.startswith(f"decision resolved: {'0' * 16}") for n in after["notes"])
    assert after["summary"]["suppressed"] == report.summary.suppressed + 1
    # Another decisions file, or an empty one, is a choice on the command line.
    (project / "none.yaml").write_text('schema_version: "1"\ndecisions: {}\n', encoding="utf-8")
    run(["check", "--format", "json", "--fail-on", "never", "--decisions", "none.yaml"])
    assert json.loads(_report(project, "reports"))["findings"] == json.loads(
        report.model_dump_json())["findings"]


def test_a_decision_on_a_finding_left_out_is_not_resolved(project: Path) -> None:
    """--ignore leaves a decided corroboration out of the report; it still occurs, so its
    decision is not "resolved" (a CI/review probe)."""
    from checker.decisions import make_decision, save_decisions
    from checker.models.report import Report

    run(["check", "--format", "json", "--fail-on", "never", "--no-cache"])
    report = Report.model_validate_json(_report(project, "reports"))
    target = next(f for f in report.findings if f.kind == "corroboration")
    save_decisions(project / "reviews" / "decisions.yaml",
                   {target.id: make_decision(target, "confirmed", None, "Desk A")})
    run(["check", "--format", "json", "--fail-on", "never", "--ignore", "corroboration"])
    after = json.loads(_report(project, "reports"))
    assert all(f["kind"] != "corroboration" for f in after["findings"])
    assert not any("resolved" in n for n in after["notes"]), after["notes"]


def test_broken_decisions_file_is_located_bad_input(project: Path) -> None:
    (project / "reviews").mkdir()
    (project / "reviews" / "decisions.yaml").write_text(
        "schema_version: '1'\ndecisions:\n  abc: [1, 2\n", encoding="utf-8")
    result = run(["check", "--format", "json"])
    assert result.exit_code == 2
    assert "reviews/decisions.yaml:" in result.output


def test_review_and_export_are_commands() -> None:
    for command in ("review", "export"):
        assert run([command, "--help"]).exit_code == 0


def test_refused_report_write_is_located_bad_input(project: Path, tmp_path_factory:
                                                   pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (project / "reports").symlink_to(outside, target_is_directory=True)
    result = run(["check", "--no-cache", "--fail-on", "never"])
    assert result.exit_code == 2
    assert "reports/report.json: is a symlink to a directory outside the repository" \
        in result.output
    assert list(outside.iterdir()) == []


def test_a_report_refused_leaves_the_others_unwritten(project: Path, tmp_path_factory:
                                                      pytest.TempPathFactory) -> None:
    """One report's path leading out of the repository is refused before any report is
    written (a review: report.json was written, then report.md refused)."""
    outside = tmp_path_factory.mktemp("outside")
    (project / "reports").mkdir()
    (project / "reports" / "report.md").symlink_to(outside / "report.md")
    result = run(["check", "--no-cache", "--fail-on", "never", "--format", "json,md"])
    assert result.exit_code == 2
    assert "reports/report.md: is a symlink to a file outside the repository" in result.output
    assert sorted(p.name for p in (project / "reports").iterdir()) == ["report.md"]
    assert list(outside.iterdir()) == []


def test_a_report_that_cannot_be_written_leaves_the_others_as_they_were(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reports are written beside, then put in place together: report.md failing to be
    written (a disk full) leaves report.json as the last run wrote it, and no temporary
    file."""
    from checker import atomic

    assert run(["check", "--no-cache", "--fail-on", "never"]).exit_code == 0
    reports = project / "reports"
    before = {p.name: p.read_bytes() for p in reports.iterdir()}
    doc = sorted((project / "seeds").glob("*.txt"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + DOC, encoding="utf-8")
    real = atomic._stage

    def full(path: Path, data: Any, durable: bool) -> atomic.Staged:
        if path.name == "report.md":
            raise atomic._named(OSError(errno.ENOSPC, "No space left on device"), path)
        return real(path, data, durable)

    monkeypatch.setattr(atomic, "_stage", full)
    result = run(["check", "--no-cache", "--fail-on", "never"])
    assert result.exit_code == 2
    assert "reports/report.md: No space left on device" in result.output
    assert {p.name: p.read_bytes() for p in reports.iterdir()} == before
    monkeypatch.setattr(atomic, "_stage", real)
    assert run(["check", "--no-cache", "--fail-on", "never"]).exit_code == 0
    assert (reports / "report.json").read_bytes() != before["report.json"]  # the doc changed


PAIRS = [
    {"claim": "China is a member of the International Space Station.",
     "evidence": "China is not a member of the International Space Station.",
     "gold_label": "REFUTES"},
    {"claim": "Neil Diamond is not a musician.",
     "evidence": "Neil Leslie Diamond is an American singer-songwriter, musician and actor.",
     "gold_label": "REFUTES"},
    {"claim": "The sky is green.", "evidence": "Paris hosted the 1924 Olympics.",
     "gold_label": "NOT ENOUGH INFO"},
]


def test_eval_pairs_and_calibrate(project: Path) -> None:
    (project / "pairs.jsonl").write_text("".join(json.dumps(p) + "\n" for p in PAIRS),
                                         encoding="utf-8")
    result = run(["eval", "pairs", "pairs.jsonl", "--json", "figures.json"])
    assert result.exit_code == 0, result.output
    figures = json.loads((project / "figures.json").read_text(encoding="utf-8"))
    assert figures["conflict"]["support"] == 2 and figures["pairs"] == 3
    assert figures["conflict"]["precision"] == 1.0 and figures["conflict"]["predicted"] >= 1
    assert set(figures["calibration_error"]) == {"conflict", "corroboration"}
    assert "calibration error (ECE)" in result.output
    calibrate = run(["eval", "calibrate", "pairs.jsonl"])
    assert calibrate.exit_code == 0
    assert set(json.loads(calibrate.output)) == {"conflict", "corroboration"}


def test_eval_on_a_bad_pairs_file_is_located(project: Path) -> None:
    (project / "pairs.jsonl").write_text(json.dumps(PAIRS[0]) + "\n{not json\n",
                                         encoding="utf-8")
    for command in ("pairs", "calibrate"):
        result = run(["eval", command, "pairs.jsonl"])
        assert result.exit_code == 2 and "pairs.jsonl:2" in result.output


def test_extract_with_jobs_writes_the_same_claim_files(project: Path) -> None:
    for jobs, out in (("1", "one"), ("2", "two")):
        result = run(["extract", "seeds", "--out", out, "--jobs", jobs])
        assert result.exit_code == 0, result.output
    one, two = sorted((project / "one").glob("*.yaml")), sorted((project / "two").glob("*.yaml"))
    assert [p.name for p in one] == [p.name for p in two] and len(one) == 5
    for a, b in zip(one, two, strict=True):
        assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")


def test_extract_over_a_corpus_ends_with_its_whole(project: Path) -> None:
    # One line per file on standard output, the whole on standard error (a desk extracting
    # 1,000 pages read 1,000 lines and no total).
    first = run(["extract", "seeds", "--out", "drafts"])
    files = sorted((project / "drafts").glob("*.yaml"))
    claims = sum(f.read_text(encoding="utf-8").count("\n  - id: ") for f in files)
    assert first.exit_code == 0 and len(first.stdout.splitlines()) == 5, first.output
    assert first.stderr.splitlines()[-1] == (
        f"5 documents: 5 claim files written, 0 merged, {claims} claims")
    again = run(["extract", "seeds", "--out", "drafts"])
    assert again.stderr.splitlines()[-1] == (
        f"5 documents: 0 claim files written, 5 merged, {claims} claims")
    single = run(["extract", "seeds/001_453f63a362655c46.txt", "--out", "drafts"])
    assert single.exit_code == 0 and "documents:" not in single.output


def test_every_command_reads_the_configured_paths(project: Path) -> None:
    data = project / "data"
    data.mkdir()
    for name in ("seeds", "claims", "rules"):
        (project / name).rename(data / name)
    (project / "claimcheck.toml").write_text(
        'seeds = "data/seeds"\nclaims = "data/claims"\nrules = "data/rules"\n', "utf-8")
    result = run(["validate"])
    assert result.exit_code == 0 and "13 files checked, 0 errors" in result.output, result.output
    result = run(["rules", "test"])
    assert result.exit_code == 0, result.output
    builtin_only = CliRunner().invoke(main, ["rules", "test", "--rules", str(project / "x")])
    assert builtin_only.exit_code == 2 and "rules directory not found" in builtin_only.output
    listed = run(["rules", "list"]).output
    assert "china-not-iss-member" in listed and "data/rules/" in listed
    result = run(["baseline", "write", "baseline.json"])
    assert result.exit_code == 0, result.output
    assert run(["check", "--baseline", "baseline.json", "--fail-on", "warning"]).exit_code == 0


def test_validate_with_nothing_to_validate_fails(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(["validate"])
    assert result.exit_code == 2 and "nothing to validate" in result.output


def test_fix_and_rewording_in_claim_files_keep_baselined_findings_old(project: Path) -> None:
    claims = next((project / "claims").glob("002_*.yaml"))
    text = claims.read_text(encoding="utf-8")
    ending = "for military and civilian purposes."
    assert text.count(ending) == 1
    # An editor's wording with a misspelling that --fix will correct.
    claims.write_text(text.replace(ending, ending[:-1] + ", as Chiang’e showed."),
                      encoding="utf-8")
    assert run(["baseline", "write", "baseline.json"]).exit_code == 0
    run(["check", "--format", "json", "--fail-on", "never"])
    kinds = {f["kind"] for f in _json_report(project)["findings"]
             if any(c["claim_id"] == "c04c3f719b1" for c in f["claims"])}
    assert {"rule-violation", "self-contradiction", "term"} <= kinds
    assert run(["check", "--fix", "--fail-on", "never"]).exit_code == 0
    assert "as Chang’e showed" in claims.read_text(encoding="utf-8")
    result = run(["check", "--baseline", "baseline.json", "--format", "text"])
    assert result.exit_code == 0, result.output
    # An editor's rewording that keeps the statement keeps its findings' ids too.
    reworded = claims.read_text(encoding="utf-8").replace("a wide network", "a broad network")
    assert "a broad network" in reworded
    claims.write_text(reworded, encoding="utf-8")
    result = run(["check", "--baseline", "baseline.json", "--format", "text"])
    assert result.exit_code == 0, result.output


def test_claim_files_check_would_not_read_are_errors(project: Path) -> None:
    claims = project / "claims"
    first = sorted(claims.glob("*.yaml"))[0]
    first.rename(claims / f"{first.stem}.yml")
    (claims / "sub").mkdir()
    shutil.copy(sorted(claims.glob("*.yaml"))[0], claims / "sub" / "x.yaml")
    (claims / ".git").mkdir()
    (claims / ".git" / "y.yaml").write_text("x: 1\n", encoding="utf-8")
    result = run(["check", "--fail-on", "never"])
    assert result.exit_code == 2
    assert f"claims/{first.stem}.yml: is not read: claim files are named" in result.output
    assert "claims/sub/x.yaml: is not read: claim files sit directly in claims/" in result.output
    assert ".git" not in result.output


def test_a_claims_path_that_is_a_file_is_an_error(project: Path) -> None:
    shutil.rmtree(project / "claims")
    (project / "claims").write_text("not a directory\n", encoding="utf-8")
    result = run(["check", "--fail-on", "never"])
    assert result.exit_code == 2 and "claims: is not a directory" in result.output


def test_validate_finds_what_loading_the_rules_finds(project: Path) -> None:
    facts = project / "rules" / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "    subject: china\n", "    subject: atlantis\n", 1), encoding="utf-8")
    terms = project / "rules" / "terms.yaml"
    terms.write_text(terms.read_text(encoding="utf-8").replace(
        r"patterns: ['\b(?P<term>Change)[- ]?[1-9]\b']", "patterns: ['(?<=x)Bar(']", 1),
        encoding="utf-8")
    result = run(["validate"])
    assert result.exit_code == 2, result.output
    assert "atlantis" in result.output and "rules/terms.yaml" in result.output
    assert run(["check", "--fail-on", "never"]).exit_code == 2  # as check says too


def test_rough_edges_of_ci_input_give_located_plain_messages(project: Path) -> None:
    claims = project / "claims"
    first = sorted(claims.glob("*.yaml"))[0]
    (claims / "empty.yaml").write_text("", encoding="utf-8")
    result = run(["validate", "claims/empty.yaml"])
    assert result.exit_code == 2
    assert "claims/empty.yaml:1:1: the file is empty; a claim file is a mapping" in result.output
    (claims / "empty.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert "the file is a list" in run(["validate", "claims/empty.yaml"]).output
    (claims / "empty.yaml").unlink()
    # A claim file whose document was renamed: located at its document.id line.
    shutil.copy(first, claims / "ghost.yaml")
    id_line = next(i for i, line in enumerate(first.read_text("utf-8").splitlines(), 1)
                   if line.strip().startswith("id:"))
    result = run(["check", "--fail-on", "never"])
    assert f"claims/ghost.yaml:{id_line}:" in result.output, result.output
    (claims / "ghost.yaml").unlink()
    (claims / "dangling.yaml").symlink_to(project / "nowhere.yaml")
    assert "claims/dangling.yaml: is a broken symlink" in run(["check"]).output
    (claims / "dangling.yaml").unlink()
    # A line that does not match its span.
    text = first.read_text("utf-8")
    start = text.index("\n    line: ") + len("\n    line: ")
    end = text.index("\n", start)
    first.write_text(text[:start] + "999" + text[end:], encoding="utf-8")
    result = run(["check", "--fail-on", "never"])
    assert result.exit_code == 2 and ": line 999, but its span starts on line" in result.output
    first.write_text(text, encoding="utf-8")
    (project / "afile").write_text("x", encoding="utf-8")
    result = run(["check", "--out", "afile"])
    assert result.exit_code == 2 and "afile: is a file, not a directory" in result.output


def test_validate_checks_a_decisions_file_as_one(project: Path) -> None:
    (project / "reviews").mkdir()
    (project / "reviews" / "decisions.yaml").write_text(
        'schema_version: "1"\ndecisions:\n  abc:\n    decision: maybe\n', encoding="utf-8")
    result = run(["validate", "reviews/decisions.yaml"])
    assert result.exit_code == 2 and "reviews/decisions.yaml:4" in result.output, result.output
    assert "document" not in result.output  # not read as a claim file


def test_no_output_line_can_be_forged_by_a_file_name(project: Path) -> None:
    evil = "a\n::error file=forged.py,line=1::Forged annotation\nb.txt"
    (project / "seeds" / evil).write_text(DOC, encoding="utf-8")
    for args in (["check", "--fail-on", "never"], ["extract", "seeds", "--out", "drafts"]):
        result = run(args)
        lines = result.output.splitlines()
        assert any("Forged annotation" in line for line in lines), result.output
        assert not any(line.startswith("::") for line in lines), result.output


def test_no_output_line_can_be_forged_by_the_reports_directory(project: Path) -> None:
    """The summary names --out as the notes name files: a newline or a tab is shown
    escaped, not printed."""
    result = run(["check", "--fail-on", "never", "--out",
                  "out\n::error file=forged.py,line=1::Forged\tannotation"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("reports in out\\n::error" in line and "Forged\\tannotation" in line
               for line in lines), result.output
    assert not any(line.startswith("::") for line in lines), result.output


def test_validate_fails_on_what_check_fails_on(project: Path) -> None:
    claims = project / "claims"
    first = sorted(claims.glob("*.yaml"))[0]
    shutil.copy(first, claims / "extra.yml")  # not read: wrong suffix
    (claims / "sub").mkdir()
    shutil.copy(first, claims / "sub" / first.name)  # not read: nested
    orphan = first.read_text(encoding="utf-8").replace(f"id: {first.stem}", "id: 005_orphan")
    (claims / "005_orphan.yaml").write_text(orphan, encoding="utf-8")
    check = run(["check", "--fail-on", "never", "--format", "text"])
    assert check.exit_code == 2
    for args in (["validate"], ["validate", "claims/extra.yml", "claims/sub",
                                "claims/005_orphan.yaml"]):
        result = run(args)
        assert result.exit_code == 2, result.output
        for where in ("claims/extra.yml", "claims/sub/", "claims/005_orphan.yaml"):
            assert where in result.output and where in check.output
    # A file named alone is judged alone: a valid claim file passes.
    assert run(["validate", str(first.relative_to(project))]).exit_code == 0


def test_validate_with_empty_claim_and_rule_directories_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "rules").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run(["validate"])
    assert result.exit_code == 2 and "nothing to validate" in result.output


def test_extract_says_when_it_has_no_rules(tmp_path: Path, repo: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(repo / "seeds", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    # No rules/ here: the claims are drafted, but without aliases, and it says so.
    result = run(["extract", "corpus", "--out", "claims"])
    assert result.exit_code == 0 and "rules/ not found" in result.output
    # A --rules directory named and missing is an error, as for check.
    result = run(["extract", "corpus", "--out", "claims2", "--rules", "nope"])
    assert result.exit_code == 2 and "nope: rules directory not found" in result.output
    assert not (tmp_path / "claims2").exists()


def test_extract_reads_the_configuration(tmp_path: Path, repo: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # a review: extract drafted without the configured rules (no `iss` ids) and asked for
    # an --out the configuration set
    shutil.copytree(repo / "seeds", tmp_path / "seeds")
    shutil.copytree(repo / "rules", tmp_path / "myrules")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claimcheck.toml").write_text('rules = "myrules"\nclaims = "cl"\n', "utf-8")
    result = run(["extract", "seeds/002_52ff3da96645762c.txt"])
    assert result.exit_code == 0 and "not found" not in result.output, result.output
    assert "id: iss" in (tmp_path / "cl" / "002_52ff3da96645762c.yaml").read_text("utf-8")
    # a configured rules directory that is missing is named, and an error
    (tmp_path / "claimcheck.toml").write_text('rules = "gone"\nclaims = "cl"\n', "utf-8")
    result = run(["extract", "seeds/002_52ff3da96645762c.txt"])
    assert result.exit_code == 2 and "gone: rules directory not found" in result.output


def test_validate_reads_a_corpus_where_check_does(tmp_path: Path, repo: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # a review: README use 2's corpus/ could not be validated ("seeds: documents directory
    # not found"), and a sidecar named on the command line was read as a claim file
    shutil.copytree(repo / "seeds", tmp_path / "corpus")
    for name in ("claims", "rules"):
        shutil.copytree(repo / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    sidecar = tmp_path / "corpus" / "000_157f4fd9ca80a9df.meta.yaml"
    sidecar.write_text('title: "Chang\'e 6"\npublished: "2025-01-01"\n', "utf-8")
    result = run(["validate", "--seeds", "corpus"])
    assert result.exit_code == 0 and ", 0 errors" in result.output, result.output
    result = run(["validate", "corpus/000_157f4fd9ca80a9df.meta.yaml"])
    assert result.exit_code == 0 and "1 file checked, 0 errors" in result.output, result.output
    sidecar.write_text('title: "Chang\'e 6"\nbogus: 1\n', "utf-8")
    result = run(["validate", "corpus/000_157f4fd9ca80a9df.meta.yaml"])
    assert result.exit_code == 2
    assert "000_157f4fd9ca80a9df.meta.yaml:2:1: bogus: Additional properties" in result.output
    result = run(["validate", "--seeds", "corpus"])  # the corpus's sidecars, as check reads
    assert result.exit_code == 2 and "meta.yaml:2:1: bogus" in result.output


def test_validate_checks_a_corpus_of_documents_alone(tmp_path: Path, repo: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # A corpus `check` runs on (documents and sidecars, no claims/ or rules/) said "nothing
    # to validate" and checked none of its sidecars.
    shutil.copytree(repo / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    result = run(["validate"])
    assert result.exit_code == 0 and "5 files checked, 0 errors" in result.output, result.output
    sidecar = tmp_path / "seeds" / "000_157f4fd9ca80a9df.meta.yaml"
    sidecar.write_text('title: "Chang\'e 6"\npublished: "2025-13-01"\n', "utf-8")
    result = run(["validate"])
    assert result.exit_code == 2, result.output
    assert "000_157f4fd9ca80a9df.meta.yaml:2:1: published:" in result.output
    assert "5 files checked, 1 error" in result.output
    # A sidecar beside no document is read by no run: said, and not counted as checked.
    sidecar.write_text('title: "Chang\'e 6"\n', "utf-8")
    (tmp_path / "seeds" / "renamed.meta.yaml").write_text("bogus: 1\n", "utf-8")
    result = run(["validate"])
    assert result.exit_code == 0 and "5 files checked, 0 errors" in result.output
    assert ("note: seeds/renamed.meta.yaml: not read: metadata of no document (no "
            "renamed.txt or renamed.md beside it)") in result.output


def test_check_without_rules_of_its_own(tmp_path: Path, repo: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # README, use 2, on a new desk's corpus: no rules/ yet is no bad input (a review: exit 2)
    shutil.copytree(repo / "seeds", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    assert run(["extract", "corpus", "--out", "claims"]).exit_code == 0
    result = run(["check", "--seeds", "corpus", "--claims", "claims", "--out", "reports",
                  "--format", "json", "--fail-on", "never", "--no-cache"])
    assert result.exit_code == 0, result.output
    notes = json.loads((tmp_path / "reports" / "report.json").read_text("utf-8"))["notes"]
    assert any("rules/ not found: the built-in rules alone apply" in n for n in notes)
    # ... named and missing, it is an error, and says what to do
    result = run(["check", "--seeds", "corpus", "--claims", "claims", "--rules", "nope",
                  "--out", "reports", "--format", "json", "--no-cache"])
    assert result.exit_code == 2
    assert "nope: rules directory not found (create it, or leave out --rules" in result.output


@pytest.mark.parametrize("command", [["check"], ["extract", "seeds", "--out", "out"]])
def test_threshold_outside_zero_to_one_is_a_usage_error(project: Path,
                                                        command: list[str]) -> None:
    result = run([*command, "--threshold", "2"])
    assert result.exit_code == 2 and "--threshold" in result.output


@pytest.mark.parametrize(("select", "kinds"), [
    (["--select", "rule-violation"], {"rule-violation"}),
    (["--select", "term"], {"term"}),
    (["--select", "rule-violation,spelling"], {"rule-violation", "term"}),
    (["--select", "consistency,conflict"], {"consistency"}),
    (["--ignore", "rule-support"], {"corroboration", "self-contradiction", "rule-violation",
                                    "term", "consistency"}),
])
def test_select_and_ignore_take_the_finding_kinds_rules_make(
        project: Path, select: list[str], kinds: set[str]) -> None:
    result = run(["check", *select, "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert {f["kind"] for f in report["findings"]} == kinds


def test_a_baseline_of_another_format_version_is_refused(project: Path) -> None:
    assert run(["baseline", "write", "baseline.json"]).exit_code == 0
    path = project / "baseline.json"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '"schema_version": "1"', '"schema_version": "9"'), encoding="utf-8")
    result = run(["check", "--baseline", "baseline.json"])
    assert result.exit_code == 2 and "baseline schema_version '9'" in result.output


def test_a_usage_error_annotation_names_no_file(project: Path) -> None:
    result = run(["check", "--format", "github", "--select", "bogus"])
    assert result.exit_code == 2
    usage = [line for line in result.output.splitlines() if "bogus" in line]
    assert usage and all(line.startswith("::error title=claimcheck input/usage::--select")
                         for line in usage if line.startswith("::"))


def test_crlf_claim_files_stay_crlf_when_fixed_or_merged(project: Path) -> None:
    target = project / "claims" / "000_157f4fd9ca80a9df.yaml"
    target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))
    lines = target.read_bytes().count(b"\n")
    assert run(["check", "--fix", "--fail-on", "never"]).exit_code == 0
    fixed = target.read_bytes()
    assert b"Chiang'e" not in fixed  # the fix was made
    assert fixed.count(b"\r\n") == fixed.count(b"\n") == lines
    assert run(["extract", "seeds/000_157f4fd9ca80a9df.txt", "--out", "claims"]).exit_code == 0
    merged = target.read_bytes()
    assert merged.count(b"\r\n") == merged.count(b"\n") > 0


def test_validate_writes_nothing_and_reads_the_configured_decisions(project: Path) -> None:
    shutil.rmtree(project / "claims")
    (project / "claims").mkdir()  # documents without claim files: nothing to draft here
    (project / "editorial").mkdir()
    (project / "editorial" / "decisions.yaml").write_text("decisions: {abc: 5}\n",
                                                          encoding="utf-8")
    (project / "claimcheck.toml").write_text('decisions = "editorial/decisions.yaml"\n',
                                             encoding="utf-8")
    result = run(["validate"])
    assert result.exit_code == 2 and "editorial/decisions.yaml" in result.output
    assert not (project / ".claimcheck-cache").exists()
    # A path that is not there is reported, and nothing else is checked in its place.
    result = run(["validate", "typo.yaml"])
    assert result.exit_code == 2 and "typo.yaml: no such file" in result.output
    assert "0 files checked" in result.output


@pytest.mark.parametrize(("args", "says"), [
    (["--format", ""], "no format named; choose from json, md"),
    (["--claims", "claimz"], "claimz: no such directory"),
])
def test_options_that_name_nothing_are_usage_errors(project: Path, args: list[str],
                                                    says: str) -> None:
    """`--format ""` used the default formats and a mistyped `--claims` drafted every
    document on the fly, both in silence (a CI/review probe)."""
    result = run(["check", *args])
    assert result.exit_code == 2 and says in result.output
    assert not (project / "reports").exists()


def test_extract_keeps_a_claim_files_bom_and_line_endings(project: Path) -> None:
    """An editor's file saved with a BOM (and CRLF) keeps both when extract merges into it
    (a CI/review probe: the BOM was dropped; `--fix` kept it)."""
    target = next((project / "claims").glob("000_*.yaml"))
    body = target.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    target.write_bytes(b"\xef\xbb\xbf" + body)
    doc = project / "seeds" / f"{target.stem}.txt"
    assert run(["extract", str(doc.relative_to(project)), "--out", "claims"]).exit_code == 0
    after = target.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and not after.startswith(b"\xef\xbb\xbf" * 2)
    assert b"\r\n" in after and b"\n" not in after.replace(b"\r\n", b"")


def test_extract_warns_when_a_file_without_drafted_ids_gets_claims_back(project: Path) -> None:
    """A claim file from before `drafted:` cannot tell a deleted claim from a new one: the
    claim comes back, and extract says why (a CI/review probe)."""
    import io

    from checker.yamlio import _yaml, read_yaml

    target = next((project / "claims").glob("002_*.yaml"))
    data = read_yaml(target, target.name)
    del data["drafted"]
    del data["claims"][0]
    out = io.StringIO()
    _yaml().dump(data, out)
    target.write_text(out.getvalue(), "utf-8")
    doc = project / "seeds" / f"{target.stem}.txt"
    result = run(["extract", str(doc.relative_to(project)), "--out", "claims"])
    assert result.exit_code == 0 and "1 added" in result.output
    assert "had no drafted: list" in result.stderr
    again = run(["extract", str(doc.relative_to(project)), "--out", "claims"])
    assert "had no drafted: list" not in again.stderr


def test_a_sentence_repeated_in_a_document_gives_a_finding_on_each_copy(project: Path) -> None:
    """Both copies of a false sentence are reported, so a baseline made before the copy was
    added does not hide it (a CI/review probe: the second copy shared the first's
    fingerprint and was dropped as its duplicate)."""
    doc = next((project / "seeds").glob("002_*.txt"))
    text = doc.read_text("utf-8")
    sentence = next(line for line in text.splitlines()
                    if line.startswith("China is a member of the International Space"))
    assert run(["baseline", "write", "bl.json"]).exit_code == 0
    doc.write_text(text.rstrip("\n") + "\n\n" + sentence + "\n", "utf-8")
    assert "1 added" in run(["extract", str(doc.relative_to(project)), "--out", "claims"]).output
    result = run(["check", "--format", "json", "--baseline", "bl.json"])
    report = json.loads((project / "reports" / "report.json").read_text("utf-8"))
    flagged = [f for f in report["findings"] if f["rule_id"] == "china-not-iss-member"
               and f["kind"] == "rule-violation"]
    last_line = len(doc.read_text("utf-8").splitlines())
    assert sorted((f["claims"][0]["line"], f["suppressed"] is None) for f in flagged) == [
        (23, False), (last_line, True)], flagged
    assert result.exit_code == 1


def test_validate_and_check_list_the_same_errors_in_the_same_order(project: Path) -> None:
    # Errors in three files, met by the two commands in different orders.
    (project / "rules" / "bad.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: odd\n    kind: magic\n', encoding="utf-8")
    for name in ("004_87cc10933e1614c0.yaml", "002_52ff3da96645762c.yaml"):
        path = project / "claims" / name
        path.write_text(path.read_text(encoding="utf-8").replace("    line: ", "    line: x", 1),
                        encoding="utf-8")

    def errors(command: str) -> list[str]:
        result = run([command])
        assert result.exit_code == 2
        return [line for line in result.output.splitlines()
                if line.startswith(("claims/", "rules/"))]

    listed = errors("validate")
    assert len({line.split(":")[0] for line in listed}) == 3
    assert listed == sorted(listed, key=lambda line: line.split(":")[0])
    assert errors("check") == listed


def test_a_decisions_file_named_but_missing_is_a_usage_error(project: Path) -> None:
    result = run(["check", "--decisions", "reviews/nope.yaml"])
    assert result.exit_code == 2 and "reviews/nope.yaml: no such file" in result.output


def test_an_unknown_entity_id_in_a_claim_file_is_located_bad_input(project: Path) -> None:
    """A CI probe: `id: iss` edited to `id: isss` silenced the fact rule on the ISS, and
    validate and check passed."""
    path = next((project / "claims").glob("002_*.yaml"))
    text = path.read_text(encoding="utf-8")
    assert "        id: iss\n" in text
    edited = text.replace("        id: iss\n", "        id: isss\n", 1)
    path.write_text(edited, encoding="utf-8")
    line = edited.splitlines().index("        id: isss") + 1
    for command in ("validate", "check"):
        result = run([command])
        assert result.exit_code == 2, result.output
        assert f"{path.relative_to(project).as_posix()}:{line}:" in result.output
        assert "unknown entity id 'isss'" in result.output


ISS = "China is a member of the International Space Station"


def _iss_findings(project: Path) -> list[dict[str, Any]]:
    report = json.loads(_report(project, "reports"))
    return [f for f in report["findings"] if f["rule_id"] == "china-not-iss-member"
            and f["kind"] == "rule-violation"]


def _decide(project: Path, finding: dict[str, Any], value: str, note: str) -> None:
    from checker.decisions import make_decision, save_decisions
    from checker.models.report import Finding

    model = Finding.model_validate(finding)
    save_decisions(project / "reviews" / "decisions.yaml",
                   {model.id: make_decision(model, value, note, "Desk A")})  # type: ignore[arg-type]


def rename_document(project: Path, old: str, new: str) -> None:
    """`git mv` of a seed, its metadata and its claim file, the claim file's document
    block fixed as the input error asks."""
    seeds, claims = project / "seeds", project / "claims"
    (seeds / f"{old}.txt").rename(seeds / f"{new}.txt")
    (seeds / f"{old}.meta.yaml").rename(seeds / f"{new}.meta.yaml")
    text = (claims / f"{old}.yaml").read_text(encoding="utf-8")
    (claims / f"{old}.yaml").unlink()
    (claims / f"{new}.yaml").write_text(
        text.replace(f"\n  id: {old}\n", f"\n  id: {new}\n", 1).replace(
            f"\n  path: seeds/{old}.txt\n", f"\n  path: seeds/{new}.txt\n", 1),
        encoding="utf-8")


def _paste_copy_at(doc: Path, line: int) -> None:
    lines = doc.read_text("utf-8").split("\n")
    sentence = next(t for t in lines if t.startswith(ISS))
    lines[line - 1:line - 1] = [sentence, ""]
    doc.write_text("\n".join(lines), "utf-8")


def test_a_copy_pasted_above_is_checked_before_the_claims_are_refreshed(project: Path) -> None:
    """An editor probe: with both findings decided, a pasted copy of the false sentence
    passed `check --fail-on error` (its drafted claim took the file's claim's id)."""
    doc = next((project / "seeds").glob("002_*.txt"))
    run(["check", "--format", "json", "--fail-on", "never"])
    for f in _iss_findings(project):
        _decide(project, f, "false-alarm", "the page prints its own correction")
    assert run(["check", "--format", "json", "--fail-on", "error"]).exit_code in (0, 1)
    before = {f["id"] for f in _iss_findings(project)}
    _paste_copy_at(doc, 12)
    result = run(["check", "--format", "json", "--fail-on", "error"])
    flagged = {f["claims"][0]["line"]: f for f in _iss_findings(project)}
    assert 12 in flagged and flagged[12]["suppressed"] is None, flagged
    assert result.exit_code == 1
    assert before  # the decided finding stays decided on its own copy
    assert flagged[25]["details"]["decision"]["status"] in ("decided", "reopened")


def test_a_decision_stays_on_its_copy_when_another_is_pasted_above(project: Path) -> None:
    """An editor probe: a false alarm on the quoted copy moved to an asserted copy pasted
    above it (findings were told apart by their copies' order)."""
    doc = next((project / "seeds").glob("002_*.txt"))
    run(["check", "--format", "json", "--fail-on", "never"])
    [single] = _iss_findings(project)
    _decide(project, single, "false-alarm", "quoted as an example of the error")
    _paste_copy_at(doc, 12)
    doc_rel = str(doc.relative_to(project))
    assert run(["extract", doc_rel, "--out", "claims"]).exit_code == 0
    run(["check", "--format", "json", "--fail-on", "never"])
    flagged = {f["claims"][0]["line"]: f for f in _iss_findings(project)}
    assert sorted(flagged) == [12, 25]
    # Neither copy is silently suppressed by the decision made on the one sentence: both
    # are shown to the editor again, each to be decided.
    for f in flagged.values():
        assert f["suppressed"] is None
        assert f["details"]["decision"]["status"] == "reopened"
        assert "written more than once" in f["details"]["decision"]["why"]


def test_deleting_one_of_two_decided_copies_never_applies_the_others_decision(
        project: Path) -> None:
    """An editor probe: after deleting the copy marked false alarm, its decision
    suppressed the copy marked confirmed."""
    doc = next((project / "seeds").glob("002_*.txt"))
    doc_rel = str(doc.relative_to(project))
    _paste_copy_at(doc, 12)
    assert run(["extract", doc_rel, "--out", "claims"]).exit_code == 0
    run(["check", "--format", "json", "--fail-on", "never"])
    flagged = {f["claims"][0]["line"]: f for f in _iss_findings(project)}
    _decide(project, flagged[12], "false-alarm", "line-12 copy is quoted")
    _decide(project, flagged[25], "confirmed", "line-25 copy is asserted")
    lines = doc.read_text("utf-8").split("\n")
    del lines[11:13]
    doc.write_text("\n".join(lines), "utf-8")
    assert run(["extract", doc_rel, "--out", "claims"]).exit_code == 0
    result = run(["check", "--format", "json", "--fail-on", "error"])
    [left] = _iss_findings(project)
    assert left["claims"][0]["line"] == 23 and left["suppressed"] is None
    assert left["details"]["decision"]["decision"] == "confirmed"
    assert result.exit_code == 1


def test_a_decision_is_not_carried_to_another_sentence_breaking_the_same_rule(
        project: Path) -> None:
    """An editor probe: a false alarm's note was carried to a new sentence elsewhere in the
    page that breaks the same rule (successors matched kind, document and message only)."""
    doc = next((project / "seeds").glob("002_*.txt"))
    doc_rel = str(doc.relative_to(project))
    run(["check", "--format", "json", "--fail-on", "never"])
    [single] = _iss_findings(project)
    _decide(project, single, "false-alarm", "quoted as an example, not asserted")
    text = doc.read_text("utf-8")
    sentence = next(t for t in text.split("\n") if t.startswith(ISS))
    lines = text.replace(sentence, "Its satellite network serves military and civilian "
                                   "purposes.").split("\n")
    lines[10] += (" Officials noted that Beijing is one of the partner nations of the "
                  "International Space Station.")
    doc.write_text("\n".join(lines), "utf-8")
    assert run(["extract", doc_rel, "--out", "claims"]).exit_code == 0
    run(["check", "--format", "json", "--fail-on", "never"])
    news = _iss_findings(project)
    assert news and all("decision" not in f["details"] for f in news), news


def test_re_extracting_moves_a_slot_at_offset_zero(tmp_path: Path, repo: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A CI probe: a slot starting at offset 0 (read back as ruamel's ScalarInt) was never
    moved when a line was added above it, and the file failed validation."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(repo / "rules", tmp_path / "rules")
    (tmp_path / "seeds").mkdir()
    doc = tmp_path / "seeds" / "a.txt"
    sentence = "Pakistan and China signed a new space agreement in Islamabad on Monday.\n"
    doc.write_text(sentence, "utf-8")
    assert run(["extract", "seeds", "--out", "claims"]).exit_code == 0
    doc.write_text("Updated on May 3.\n\n" + sentence, "utf-8")
    assert run(["extract", "seeds", "--out", "claims"]).exit_code == 0
    result = run(["validate"])
    assert result.exit_code == 0, result.output
    assert "span: [19, 27]" in (tmp_path / "claims" / "a.yaml").read_text("utf-8")


def test_a_claim_the_editor_deleted_is_not_drafted_again_on_the_fly(
        tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A CI probe: an edit elsewhere in the document made the file stale, and the stale
    path drafted the sentence the editor had deleted from it (`drafted:` was ignored)."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(repo / "rules", tmp_path / "rules")
    (tmp_path / "seeds").mkdir()
    doc = tmp_path / "seeds" / "a.txt"
    doc.write_text("Pakistan and China signed a new space agreement in Islamabad on Monday.\n\n"
                   "China is a member of the International Space Station, the draft says.\n",
                   "utf-8")
    assert run(["extract", "seeds", "--out", "claims"]).exit_code == 0
    path = tmp_path / "claims" / "a.yaml"
    text = path.read_text("utf-8")
    second = text.index("  - id: ", text.index("  - id: ") + 1)
    path.write_text(text[:second] + text[text.index("drafted:"):], "utf-8")
    assert run(["check", "--fail-on", "error"]).exit_code == 0
    doc.write_text(doc.read_text("utf-8").replace("on Monday", "on Tuesday"), "utf-8")
    result = run(["check", "--fail-on", "error", "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "china-not-iss-member" not in result.output


def test_a_new_page_breaking_a_corpus_consistency_rule_is_not_hidden_by_the_baseline(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A CI probe: a corpus-wide consistency finding was one finding for every page, so a
    baseline made before a new page wrote the other form hid it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "style.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: cpec-form\n    kind: consistency\n'
        "    severity: error\n    scope: corpus\n    forms: [China-Pakistan Economic Corridor,"
        " China Pakistan Economic Corridor]\n", "utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Trade under the China-Pakistan Economic Corridor grew 12 "
                                 "percent in 2024.\n\nThe China-Pakistan Economic Corridor "
                                 "employs 50,000 people, the ministry said.\n", "utf-8")
    (seeds / "b.txt").write_text("Investment in the China Pakistan Economic Corridor reached "
                                 "$25 billion in 2023.\n", "utf-8")
    assert run(["baseline", "write", "bl.json"]).exit_code == 0
    assert run(["check", "--baseline", "bl.json", "--fail-on", "error"]).exit_code == 0
    (seeds / "c.txt").write_text("Officials said the China Pakistan Economic Corridor would "
                                 "add a rail link in 2026.\n", "utf-8")
    result = run(["check", "--baseline", "bl.json", "--fail-on", "error", "--format",
                  "github"])
    assert result.exit_code == 1
    assert "file=seeds/c.txt" in result.output and "file=seeds/b.txt" not in result.output


def test_agreements_never_fail_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A CI probe: `--fail-on info` failed on "Agrees with ..." and on corroborations."""
    monkeypatch.chdir(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "rules").mkdir()
    text = "Norvex Dynamics opened a plant in Lahore in March 2024, the company said.\n"
    (seeds / "a.txt").write_text(text, "utf-8")
    (seeds / "b.txt").write_text(text.replace("the company said", "officials said"), "utf-8")
    result = run(["check", "--fail-on", "info", "--format", "json"])
    report = json.loads((tmp_path / "reports" / "report.json").read_text("utf-8"))
    assert [f["kind"] for f in report["findings"]] == ["corroboration"]
    assert result.exit_code == 0


def test_a_decision_follows_its_statement_into_a_renamed_document(project: Path) -> None:
    """An editor probe: renaming a document dropped its decisions as "its finding no longer
    occurs" while the same statement stood, undecided, under the new name."""
    run(["check", "--format", "json", "--fail-on", "never"])
    [single] = _iss_findings(project)
    _decide(project, single, "false-alarm", "quoted, not asserted")
    old, new = "002_52ff3da96645762c", "002_propakistani-cpec"
    rename_document(project, old, new)
    run(["check", "--format", "json", "--fail-on", "never"])
    [moved] = _iss_findings(project)
    decision = moved["details"]["decision"]
    assert decision["status"] == "reopened" and decision["note"] == "quoted, not asserted"
    assert f"its document ({old}) is gone" in decision["why"]
    report = json.loads(_report(project, "reports"))
    assert not any(n.startswith(f"decision resolved: {single['id']}") for n in report["notes"])


def test_a_decision_on_a_self_contradiction_follows_a_renamed_document(project: Path) -> None:
    # Its message names the document ("002_... contradicts itself"), so the renamed
    # document's finding had another message and the decision was dropped as resolved.
    run(["check", "--format", "json", "--fail-on", "never"])
    report = json.loads(_report(project, "reports"))
    [single] = [f for f in report["findings"] if f["kind"] == "self-contradiction"]
    _decide(project, single, "confirmed", "the correction stands")
    old, new = "002_52ff3da96645762c", "002_propakistani-cpec"
    rename_document(project, old, new)
    run(["check", "--format", "json", "--fail-on", "never"])
    report = json.loads(_report(project, "reports"))
    [moved] = [f for f in report["findings"] if f["kind"] == "self-contradiction"]
    assert moved["details"]["decision"]["note"] == "the correction stands"
    assert not any(n.startswith(f"decision resolved: {single['id']}") for n in report["notes"])


def test_fix_rewrites_a_text_written_as_a_block_scalar(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A CI probe: `--fix` said it fixed a claim whose text was a folded block (`>-`) and
    left the text as it was, so the warning came back on the next run."""
    shutil.copytree(FIX_CASE, tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    path = Path("claims/a.yaml")
    text = path.read_text(encoding="utf-8")
    line = next(t for t in text.splitlines() if t.startswith("    text: The Chiang’e 6 probe"))
    value = line[len("    text: "):]
    words = value.split(" ")
    folded = "    text: >-\n      " + " ".join(words[:3]) + "\n      " + " ".join(words[3:])
    path.write_text(text.replace(line, folded), encoding="utf-8")
    assert run(["check", "--fix", "--fail-on", "never", "--format", "json"]).exit_code == 0
    fixed = path.read_text(encoding="utf-8")
    assert "      The Chang’e 6" in fixed and "Chiang’e 6 probe" not in fixed
    assert run(["check", "--fail-on", "warning", "--format", "json"]).exit_code == 0


def test_a_decision_on_a_rule_left_out_is_not_resolved(project: Path) -> None:
    """A CI probe: `--ignore <rule>` noted the rule's decisions as "resolved: its finding no
    longer occurs" (the rule did not run)."""
    run(["check", "--format", "json", "--fail-on", "never"])
    [single] = _iss_findings(project)
    _decide(project, single, "confirmed", "asserted, and wrong")
    run(["check", "--format", "json", "--fail-on", "never", "--ignore", "china-not-iss-member"])
    report = json.loads(_report(project, "reports"))
    assert not any(n.startswith(f"decision resolved: {single['id']}") for n in report["notes"])
    # Run again, and a decision whose statement is gone is resolved as before.
    doc = next((project / "seeds").glob("002_*.txt"))
    doc.write_text(doc.read_text("utf-8").replace(ISS, "China works with the station"), "utf-8")
    run(["extract", str(doc.relative_to(project)), "--out", "claims"])
    run(["check", "--format", "json", "--fail-on", "never"])
    report = json.loads(_report(project, "reports"))
    assert any(n.startswith(f"decision resolved: {single['id']}") for n in report["notes"])


def test_a_text_file_not_read_is_noted(project: Path) -> None:
    # A CI probe: "x.markdown" in seeds/ was skipped without a word.
    (project / "seeds" / "x.markdown").write_text("China is a member of the ISS.\n",
                                                  encoding="utf-8")
    result = run(["check", "--fail-on", "never", "--format", "text"])
    assert "seeds/x.markdown: not read: documents are .txt or .md files" in result.output


def test_a_rule_rejected_as_bad_input_makes_no_findings(project: Path) -> None:
    # A CI probe: the variant equal to the canonical form was an error (exit 2), and the
    # rule still ran, flagging the right spelling in every format.
    (project / "rules" / "self.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: self-variant\n    kind: term\n'
        '    canonical: "Tiangong"\n    variants: ["Tiangong", "tiangong"]\n', encoding="utf-8")
    result = run(["check", "--format", "text,json,sarif"])
    assert result.exit_code == 2
    assert "rules/self.yaml:6:16: rules[0].variants[0]: variant 'Tiangong' is the canonical" \
        in result.output
    assert " warning self-variant " not in result.output
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert not [f for f in report["findings"] if f.get("rule_id") == "self-variant"]
    sarif = (project / "reports" / "report.sarif").read_text(encoding="utf-8")
    assert '"ruleId": "self-variant"' not in sarif


def test_invalid_patterns_are_shown_as_written_at_their_items_in_file_order(
        project: Path) -> None:
    # A CI probe: `(\w)\1` was shown as '(?P<term>(\\w)\\1)', every error at the
    # `patterns:` key, and the errors listed in reverse order.
    (project / "rules" / "pat.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: pat\n    kind: term\n    canonical: Tiangong\n'
        "    patterns:\n      - '(?P<term>(\\w)\\1)'\n      - '(?=x)Bar'\n", encoding="utf-8")
    result = run(["validate"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if "rules/pat.yaml" in line]
    assert [line.split(" (RE2")[0].split(": invalid pattern ")[0] for line in lines] == [
        "rules/pat.yaml:7:9: rules[0].patterns[0]", "rules/pat.yaml:8:9: rules[0].patterns[1]"]
    assert "invalid pattern '(?P<term>(\\w)\\1)': " in lines[0]
    assert "invalid pattern '(?=x)Bar': " in lines[1]


def test_sarif_of_a_run_with_input_errors_records_its_failure_and_exit_code(
        project: Path) -> None:
    (project / "rules" / "bad.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: bad\n    kind: magic\n', encoding="utf-8")
    result = run(["check", "--fail-on", "never", "--format", "sarif"])
    log = json.loads((project / "reports" / "report.sarif").read_text(encoding="utf-8"))
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == result.exit_code == 2
    (project / "rules" / "bad.yaml").unlink()
    result = run(["check", "--format", "sarif"])
    log = json.loads((project / "reports" / "report.sarif").read_text(encoding="utf-8"))
    assert result.exit_code == 1  # findings: the run itself succeeded
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def _located_findings(project: Path) -> tuple[int, list[Any], list[Any]]:
    result = run(["check", "--fail-on", "never", "--format", "json"])
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    where = sorted((f["kind"], f["rule_id"] or "",
                    [(c["claim_id"], c["line"], c["column"], c["claim_file_line"])
                     for c in f["claims"]]) for f in report["findings"])
    return result.exit_code, where, report["errors"]


def test_a_bom_or_crlf_line_endings_alone_do_not_make_a_claim_file_stale(
        project: Path) -> None:
    # A CI probe: a Windows checkout (core.autocrlf) made every claim file stale, and
    # `--fail-on warning` failed on the same text.
    before = _located_findings(project)
    seeds = sorted((project / "seeds").glob("*.txt"))
    crlf, bom = seeds[2], seeds[1]
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    bom.write_bytes(b"\xef\xbb\xbf" + bom.read_bytes())
    after = _located_findings(project)
    assert after == before and before[0] == 0 and before[2] == []
    assert not any(kind == "stale-claims" for kind, _, _ in after[1])
    # A change of the words is still one.
    crlf.write_bytes(crlf.read_bytes().replace(b"China", b"Chine", 1))
    assert any(kind == "stale-claims" for kind, _, _ in _located_findings(project)[1])


def test_notes_of_one_shape_are_one_line_on_stderr(project: Path) -> None:
    # A desk's corpus without claim files printed one note per page before the summary.
    for path in sorted((project / "claims").glob("*.yaml")):
        path.unlink()
    result = run(["check", "--fail-on", "never"])
    notes = [line for line in result.output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1, notes
    assert notes[0].startswith("note: 5 notes like: seeds/")
    assert "claims extracted on the fly (also seeds/" in notes[0]
    assert notes[0].endswith(" and 1 more)")
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert len([n for n in report["notes"] if "extracted on the fly" in n]) == 5


def test_two_notes_of_one_shape_stay_two_lines(project: Path) -> None:
    for name in ("001_453f63a362655c46.yaml", "004_87cc10933e1614c0.yaml"):
        (project / "claims" / name).unlink()
    result = run(["check", "--fail-on", "never"])
    notes = [line for line in result.output.splitlines() if line.startswith("note:")]
    assert [n.split(":")[1].strip() for n in notes] == [
        "seeds/001_453f63a362655c46.txt", "seeds/004_87cc10933e1614c0.txt"]


def test_the_committed_claim_files_are_what_extract_drafts(project: Path) -> None:
    # a review: `claimcheck extract` over the unchanged seeds rewrote the committed claim
    # files (a claim the extractor no longer drafts, one it now does): refresh them with
    # `claimcheck extract seeds --out claims` when extraction changes
    before = {p.name: p.read_bytes() for p in (project / "claims").iterdir()}
    result = run(["extract", "seeds", "--out", "claims"])
    assert result.exit_code == 0, result.output
    after = {p.name: p.read_bytes() for p in (project / "claims").iterdir()}
    assert after == before, result.output
