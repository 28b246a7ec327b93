"""Disabling an entity rule: claim files drafted earlier name its id. Validate says the rule
is disabled and where; re-running extract redrafts the ids it drafted, not an editor's (a
first-time-user probe: four errors after `enabled: false`, and extract kept them all)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import main

RULE = """schema_version: "1"
rules:
  - id: orin-county
    kind: entity{enabled}
    name: Orin County
    aliases: [Orin]
    examples:
      trigger: [Orin County raised taxes.]
      pass: [Lake County raised taxes.]
"""


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def _rule(enabled: bool) -> None:
    Path("rules/e.yaml").write_text(RULE.format(enabled="" if enabled else
                                                "\n    enabled: false"), encoding="utf-8")


@pytest.fixture()
def drafted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose claim file was drafted while the entity rule was enabled."""
    monkeypatch.chdir(tmp_path)
    for name in ("seeds", "rules"):
        (tmp_path / name).mkdir()
    (tmp_path / "seeds/a.txt").write_text(
        "The Lakeport City Council approved a $45 million bridge over the Orin River on "
        "Tuesday.\nLakeport is part of Orin County.\n", encoding="utf-8")
    _rule(enabled=True)
    assert _run("extract", "seeds", "--out", "claims").exit_code == 0
    claims = tmp_path / "claims/a.yaml"
    assert "id: orin-county" in claims.read_text(encoding="utf-8")
    assert "object: orin-county" in claims.read_text(encoding="utf-8")
    _rule(enabled=False)
    return claims


def test_validate_says_the_entity_rule_is_disabled_and_where(drafted: Path) -> None:
    result = _run("validate")
    assert result.exit_code == 2
    assert ("entity 'Orin County' names entity id 'orin-county', whose entity rule is disabled"
            " (it is written `enabled: false` at rules/e.yaml:3): re-run `claimcheck extract`"
            in result.output), result.output


def test_extract_redrafts_drafted_ids_and_keeps_an_editors(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    # An editor's own choice: an id that is not the rule's name for the slot's text.
    edited = text.replace("      - text: Lakeport City Council\n",
                          "      - text: Lakeport City Council\n        id: orin-county\n", 1)
    assert edited != text
    drafted.write_text(edited, encoding="utf-8")
    result = _run("extract", "seeds", "--out", "claims")
    assert result.exit_code == 0 and "2 with a disabled entity's id redrafted" in result.output
    after = drafted.read_text(encoding="utf-8")
    assert after.count("id: orin-county") == 1
    assert "object: orin-county" not in after
    result = _run("validate")
    assert result.exit_code == 2
    assert "entity 'Lakeport City Council' names entity id 'orin-county'" in result.output
    assert "remove this id" in result.output and "Orin County'" not in result.output
