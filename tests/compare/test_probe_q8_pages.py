"""Desk probe Q8's four stories, each told by a UK and a US outlet (tests/compare/data/probeQ8:
a retailer's data breach as two Markdown scrapes, one with front matter and one with a
sidecar; a university league table; a wildfire, the UK page a .txt with a scraper's undecoded
HTML character references; a jet's emergency landing), checked through `claimcheck check`
two pages at a time: the error-level findings are planted conflicts, and none of the
restatements or traps (the probe's plants.md keys every plant by its lines: line n of one
page pairs with line n of the other; the Markdown pages' body rows are lines 15, 17, ...)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.models.report import Finding
from checker.pipeline import CheckOptions, run_check
from tests.compare.pairs import REPO, finding_lines

PAGES = Path(__file__).resolve().parent / "data" / "probeQ8"


def _findings(tmp_path: Path, story: str) -> list[Finding]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for page in PAGES.glob(f"{story}*"):
        if page.name.split("_")[0] in (story, f"{story}b"):
            shutil.copy(page, seeds / page.name)
    return run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                  rules=REPO / "rules")).report.findings


def _n(lines: str) -> tuple[str, str, str]:
    return ("conflict", "number", lines)


def _d(lines: str) -> tuple[str, str, str]:
    return ("conflict", "date", lines)


@pytest.mark.parametrize(("story", "errors"), [
    # the day the breach was found, the fine, the year of the last such fall, the dates of
    # birth (no: "About 65,000" / "About 56,000"), £40m / $40 million; not the card numbers
    # (the US "were accessed" not extracted); Colborne / Colbourne is a warning
    ("qy1", {_d("qy1:17 qy1b:17"), _n("qy1:25 qy1b:25"), _d("qy1:29 qy1b:29"),
             _n("qy1:43 qy1b:43")}),
    # Castlemere's score, rose / fell to 11th, the indicators, Britain's top 100, the first
    # edition; not Ashworth's third / fifth, nor Varnholt's 48th / 84th (not extracted)
    ("qy2", {_n("qy2:13 qy2b:13"), ("conflict", "antonym", "qy2:17 qy2b:17"),
             _n("qy2:19 qy2b:19"), _n("qy2:21 qy2b:21"), _d("qy2:25 qy2b:25")}),
    # km / miles, the emergency's day, the soldiers; not the homes ("At least"), the
    # containment, the lightning's day ("Marrabool &amp; Tullora" one name on the UK page,
    # so "Marrabool" is another place on each page), the deaths (not extracted)
    ("qy3", {_n("qy3:21 qy3b:21"), _d("qy3:23 qy3b:23"), _n("qy3:26 qy3b:26")}),
    # the flight number (AS2271 / AS2217: was a corroboration), the minutes, metres / feet,
    # the inspection's day, the captain's years; not the fan blades (not extracted), the
    # mayday (no name)
    ("qy4", {_n("qy4:13 qy4b:13"), _n("qy4:15 qy4b:15"), _n("qy4:21 qy4b:21"), _d("qy4:23 qy4b:23"),
             _n("qy4:25 qy4b:25")}),
])
def test_probe_q8_errors(tmp_path: Path, story: str, errors: set[tuple[str, str, str]]) -> None:
    found = {(f.kind, f.reason, finding_lines(f)) for f in _findings(tmp_path, story)
             if f.severity == "error"}
    assert found == errors
