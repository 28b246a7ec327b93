"""The CI recipes shipped for other repositories parse and call real commands."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from checker.cli import main


def test_pre_commit_hooks_call_existing_commands(repo: Path) -> None:
    hooks = YAML(typ="safe").load((repo / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"claimcheck-validate", "claimcheck-check"}
    for hook in hooks:
        args = hook["entry"].split()[1:] + ["--help"]
        assert CliRunner().invoke(main, args).exit_code == 0, hook["entry"]


def test_github_workflow_uploads_sarif(repo: Path) -> None:
    flow = YAML(typ="safe").load((repo / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["claimcheck"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    runs = " ".join(s.get("run", "") for s in steps)
    assert "--format github,sarif" in runs and "--baseline" in runs


def test_github_workflow_uploads_only_this_runs_report(repo: Path) -> None:
    """A CI probe: a failed `validate` still uploaded reports/report.sarif, which that run
    never wrote."""
    flow = YAML(typ="safe").load((repo / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["claimcheck"]["steps"]
    check = next(s for s in steps if "claimcheck check" in s.get("run", ""))
    assert check["id"] == "check" and "rm -rf reports" in check["run"]
    uploaders = ("github/codeql-action/upload-sarif", "actions/upload-artifact")
    uploads = [s for s in steps if s.get("uses", "").startswith(uploaders)]
    assert uploads and all("steps.check.outcome != 'skipped'" in s["if"] for s in uploads)
