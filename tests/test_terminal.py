"""The terminal's summary lines."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.terminal import ColourConsole, PlainConsole, console, summary
from tests.reporting.sample import build_report


def test_the_summary_counts_what_report_md_counts() -> None:
    """A self-contradiction is no "1 conflicts" (an editor probe saw it in the reports;
    the terminal said it too), and one of a thing is singular."""
    report = build_report()
    kinds = [f.kind for f in report.findings if f.suppressed is None]
    line = summary(report, "reports/").plain
    assert f"({kinds.count('conflict')} conflict" in line
    if "self-contradiction" in kinds:
        assert "self-contradiction" in line
    assert "1 conflicts" not in line and "1 rule violations" not in line
    assert "1 documents" not in line and "1 claims" not in line
    assert "1 input errors" not in line


def _rich_plain(text: object) -> str:
    """What rich's console prints for the text where standard error is no terminal."""
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, force_terminal=False, highlight=False, soft_wrap=True).print(text)
    return out.getvalue()


def test_the_plain_console_prints_what_rich_prints_off_a_terminal(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Off a terminal the summary is written without rich: the same characters, longer
    lines than any width unbroken, coloured runs plain."""
    report = build_report()
    long_place = "reports/" + "deep/" * 30
    styled = summary(report, long_place)
    assert len(styled.plain.splitlines()[-1]) > 120
    for env in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(env, raising=False)
    out = console()
    assert isinstance(out, PlainConsole) and not out.is_terminal
    out.print(styled)
    assert capsys.readouterr().err == _rich_plain(styled.rich())


@pytest.mark.parametrize(("env", "value", "colour"), [
    ("FORCE_COLOR", "1", True), ("FORCE_COLOR", "", False), ("TTY_COMPATIBLE", "1", True),
    ("TTY_COMPATIBLE", "0", False)])
def test_the_console_is_rich_where_rich_would_colour(
        monkeypatch: pytest.MonkeyPatch, env: str, value: str, colour: bool) -> None:
    """FORCE_COLOR and TTY_COMPATIBLE decide as rich decides (its `is_terminal`)."""
    for name in ("TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(env, value)
    out = console()
    assert isinstance(out, ColourConsole) is colour
    assert out.is_terminal is colour


def test_a_coloured_summary_keeps_its_styles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    text = summary(build_report(), "reports/").rich()
    assert "bold red" in {str(span.style) for span in text.spans}
    assert text.plain == summary(build_report(), "reports/").plain


def test_a_check_off_a_terminal_imports_neither_rich_nor_the_decisions(repo: Path,
                                                                      tmp_path: Path) -> None:
    """A CI run (standard error a pipe, no decisions file) needs neither: 17 ms and 9 ms
    of every run's start."""
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['claimcheck', 'check', '--fail-on', 'never', '--no-cache',"
        f" '--seeds', {str(repo / 'seeds')!r}, '--claims', {str(repo / 'claims')!r},"
        f" '--rules', {str(repo / 'rules')!r}, '--out', {str(tmp_path / 'out')!r}]\n"
        "import checker.cli\n"
        "try:\n"
        "    checker.cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'"
        " or m == 'checker.decisions'))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
    assert "documents" in done.stderr  # the summary was printed
