"""The README's Python examples run as written (a first-time-user probe: the API example
called a method removed a session before)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_PYTHON_RE = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _examples() -> list[str]:
    return _PYTHON_RE.findall((REPO / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_python_examples() -> None:
    assert _examples()


@pytest.mark.parametrize("code", _examples())
def test_a_python_example_runs(code: str, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)  # the examples read the repository's seeds, claims and rules
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})  # noqa: S102
    assert capsys.readouterr().out.strip()  # each example prints what it shows


def test_the_readme_rules_pass_their_own_tests_in_a_new_project(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules example, alone in a new project, passes `rules test` (it named an entity
    only this repository defines, and two of its rules had no examples)."""
    from click.testing import CliRunner

    from checker.cli import main

    blocks = re.findall(r"```yaml\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"),
                        re.DOTALL)
    rules = next(b for b in blocks if b.startswith('schema_version: "1"\nrules:'))
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "rules.yaml").write_text(rules, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["rules", "test"])
    assert result.exit_code == 0, result.output
    assert ", 0 failures" in result.output
