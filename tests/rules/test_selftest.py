"""Rule self-tests run the examples as `check` would: fact examples at its threshold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.rules import load_rules
from checker.rules.selftest import run_selftests

EXTRA = '''schema_version: "1"
rules:
  - id: china-not-iss-member-2
    kind: fact
    subject: china
    predicate: member-of
    object: iss
    holds: false
    examples:
      trigger: ["China joined the ISS.", "China is a member of the International Space Station."]
      pass: ["China never joined the ISS."]
'''


@pytest.fixture
def rules(tmp_path: Path, repo: Path) -> Path:
    shutil.copytree(repo / "rules", tmp_path / "rules")
    (tmp_path / "rules" / "more.yaml").write_text(EXTRA, encoding="utf-8")
    return tmp_path / "rules"


def test_a_fact_example_check_would_not_draft_fails_with_its_score(rules: Path) -> None:
    ruleset, errors = load_rules([rules])
    assert not errors
    _, failures = run_selftests(ruleset)  # check's default threshold, 0.5
    assert [(f.rule_id, f.example) for f in failures] == [
        ("china-not-iss-member-2", "China joined the ISS.")]
    assert failures[0].problem.startswith(
        "did not trigger at the check-worthiness threshold 0.5: the claim scores 0.")
    _, failures = run_selftests(ruleset, threshold=0.2)
    assert failures == []


def test_rules_test_uses_the_configured_threshold(rules: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(rules.parent)
    result = CliRunner().invoke(main, ["rules", "test"])
    assert result.exit_code == 1 and "'China joined the ISS.' did not trigger at the " \
        "check-worthiness threshold 0.5" in result.output, result.output
    (rules.parent / "claimcheck.toml").write_text("threshold = 0.2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "test"])
    assert result.exit_code == 0 and "0 failures" in result.output, result.output
