"""The desk corpus (tests/acceptance/desk/README.md): the error-level conflicts of 181 pages,
compared with the list kept beside them, so a change that raises a false error, or loses a
planted conflict, anywhere among them shows here."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker.pipeline import CheckOptions, run_check

REPO = Path(__file__).resolve().parents[2]
DESK = Path(__file__).resolve().parent / "desk"
# The pages, from where the project keeps each (the unseen pages and the seeds once only).
SOURCES = (DESK / "pages", REPO / "tests" / "extract" / "data" / "probes", REPO / "seeds")


def _errors(tmp_path: Path) -> list[str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for source in SOURCES:
        for page in source.iterdir():
            if page.suffix in (".txt", ".md", ".yaml"):
                shutil.copyfile(page, seeds / page.name)
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=REPO / "rules")).report
    return sorted(" ".join(sorted(f"{c.document}:{c.line}" for c in f.claims)) + f" {f.reason}"
                  for f in report.findings if f.kind == "conflict" and f.severity == "error")


def test_the_desk_corpus_errors(tmp_path: Path) -> None:
    # each line is followed by a note after "#": which probe's planted conflict it is, or
    # that it is false
    expected = [line.split("#")[0].strip()
                for line in (DESK / "errors.txt").read_text("utf-8").splitlines()]
    assert _errors(tmp_path) == expected
