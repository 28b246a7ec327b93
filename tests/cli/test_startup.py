"""A command imports the machinery it runs and no other: `claimcheck --version` loaded the
extractor, the comparison and every model (1.0 s with sources compiled, 0.5 s from
bytecode), and `validate` loaded the extractor it never calls. Each case runs a command
in a fresh interpreter and lists the modules it ended with; no case measures a time
(`make bench` does, `startup`)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from checker import claimfiles, cli, validate_cli
from checker.cli import main
from checker.yamlio import read_yaml

# The costly parts a command may leave unloaded: the extractor (its patterns take a third
# of a second to compile), the comparison, drafting and its workers, the report's models,
# the terminal's renderer.
EXTRACTOR = "checker.extract.document"
COMPARISON = "checker.compare.pairs"
DRAFTING = "checker.parallel"
REPORT = "checker.models.report"
TERMINAL = "rich.console"

_RUN = """
import json, sys
from checker.cli import main
try:
    main(sys.argv[1:], prog_name="claimcheck")
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def _modules(args: list[str], cwd: Path) -> set[str]:
    """The modules a fresh interpreter has loaded after running `claimcheck ARGS`."""
    done = subprocess.run([sys.executable, "-c", _RUN, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, check=False)
    line = [x for x in done.stderr.splitlines() if x.startswith("MODULES ")]
    assert line, done.stderr
    return set(json.loads(line[-1].removeprefix("MODULES ")))


def test_importing_the_command_line_loads_no_machinery(project: Path) -> None:
    loaded = _modules(["--version"], project)
    assert "click" in loaded  # the probe sees what was imported
    assert not loaded & {EXTRACTOR, COMPARISON, DRAFTING, REPORT, TERMINAL,
                         "checker.pipeline", "pydantic"}


def test_help_lists_every_command_without_importing_those_in_modules_of_their_own(
        project: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "checker", "--help"], cwd=project,
                          capture_output=True, text=True, timeout=120, check=True)
    listed = {line.split()[0] for line in done.stdout.split("Commands:")[1].splitlines()
              if line.strip()}
    assert listed == {"baseline", "check", "eval", "export", "extract", "review", "rules",
                      "validate"}
    loaded = _modules(["--help"], project)
    assert not loaded & {"checker.review.cli", "checker.eval_cli", "checker.rules.cli",
                         "checker.validate_cli", "checker.export.cli", EXTRACTOR,
                         COMPARISON, REPORT}


@pytest.mark.parametrize("limit", [20, 45, 80, 200])
def test_the_help_listed_for_an_unimported_command_is_its_own(limit: int) -> None:
    for name, where in cli._LAZY_COMMANDS.items():
        module, _, attribute = where.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        stand_in = click.Command(name, help=cli._LAZY_HELP[name])
        assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit), name


def test_validate_loads_neither_the_extractor_nor_the_comparison(project: Path) -> None:
    loaded = _modules(["validate"], project)
    assert "checker.claimfiles" in loaded
    assert not loaded & {EXTRACTOR, COMPARISON, DRAFTING}


@pytest.mark.parametrize("cache", [["--no-cache"], []])
def test_check_of_curated_claim_files_never_loads_the_extractor(
        project: Path, cache: list[str]) -> None:
    args = ["check", "--fail-on", "never", *cache]
    loaded = _modules(args, project)
    assert (project / "reports" / "report.json").is_file()
    assert COMPARISON in loaded  # the first run compares
    assert EXTRACTOR not in loaded
    if cache:
        return
    # The second run is served whole from the cache: it compares nothing.
    again = _modules(args, project)
    assert not again & {EXTRACTOR, COMPARISON, DRAFTING}


def test_a_document_without_claim_file_loads_the_extractor(project: Path) -> None:
    (project / "seeds" / "extra.txt").write_text("Beijing is the capital of China.\n")
    loaded = _modules(["check", "--fail-on", "never", "--no-cache"], project)
    assert EXTRACTOR in loaded
    report = json.loads((project / "reports" / "report.json").read_text())
    assert "extra" in {d["id"] for d in report["documents"]}


def test_a_re_run_with_every_draft_cached_never_loads_the_extractor(project: Path) -> None:
    """A document without claim file is drafted once; a later run whose findings are not
    served whole (a claim file changed) takes the draft from the cache and did load the
    extractor, a third of a second of patterns, for nothing to extract."""
    (project / "seeds" / "extra.txt").write_text("Beijing is the capital of China.\n")
    args = ["check", "--fail-on", "never"]
    assert EXTRACTOR in _modules(args, project)
    claim_file = sorted((project / "claims").glob("*.yaml"))[0]
    claim_file.write_text(claim_file.read_text() + "# an editor's comment\n")
    again = _modules(args, project)
    assert COMPARISON in again  # not served whole: it compared again
    assert EXTRACTOR not in again
    report = json.loads((project / "reports" / "report.json").read_text())
    assert "extra" in {d["id"] for d in report["documents"]}


def test_validate_reads_valid_files_without_the_round_trip_parser(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each valid claim and rule file is read by the C parser (the round-trip parser, in
    Python, took about 0.1 s a claim file); a broken one is still located."""
    read: list[str] = []

    def spied(path: Path, display: str | None = None) -> Any:
        read.append(str(display))
        return read_yaml(path, display)

    monkeypatch.setattr(validate_cli, "read_yaml", spied)
    monkeypatch.setattr(claimfiles, "read_yaml", spied)
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 0 and "13 files checked, 0 errors" in result.output
    assert read == []
    broken = sorted((project / "claims").glob("*.yaml"))[0]
    broken.write_text(broken.read_text(encoding="utf-8").replace("claims:", "claims: [", 1),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 2
    assert f"claims/{broken.name}:" in result.output and read  # the careful path located it
