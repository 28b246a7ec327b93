"""Desk probe Q4's four stories, each told by two outlets (tests/compare/data/probeQ4),
checked through `claimcheck check`: the error-level findings are planted conflicts, and
none of the traps or other pairs of the pages (/tmp/probeQ4/plants.md lists them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.pairs import case_errors

CASES = Path(__file__).resolve().parent / "data" / "probeQ4"


def _errors(tmp_path: Path, case: str) -> set[tuple[str, str | None, str]]:
    """(kind, reason, "doc:line doc:line") of the case's error-level findings."""
    return case_errors(tmp_path, CASES / f"{case}.txt")


@pytest.mark.parametrize(("case", "errors"), [
    # the ranking "second-largest" / "third-largest": the US page's "Skylark 38 million
    # pounds" made a name "Skylark 38", and "Skylark" no longer stood for Skylark Airways.
    # Not the passengers (48.2 / 46.8 million: related through the page's name only, one
    # word in common), the dividend (one side not extracted) nor "rejected" / "accepted"
    # (found among the eight pages; among these two the airline is in most claims and so
    # anchors nothing)
    ("airline", {("conflict", "date", "h1:24 h1b:24"), ("conflict", "number", "h1:17 h1b:17"),
                 ("conflict", "number", "h1:18 h1b:18"), ("conflict", "number", "h1:27 h1b:27")}),
    # the risk level "4 on a scale of 5" / "3 ..." (two counts of nothing each), and no more
    # "So far this season, 14 people have died" / "21 ... last winter" (the ski season was
    # no date). Not the transceivers' polarity nor the guide's name (not extracted)
    ("avalanche", {("conflict", "date", "h2:24 h2b:24"), ("conflict", "number", "h2:13 h2b:13"),
                   ("conflict", "number", "h2:15 h2b:15"), ("conflict", "number", "h2:16 h2b:16"),
                   ("conflict", "number", "h2:27 h2b:27")}),
    # "lifts Wales to second" / "to first" (no places: a corroboration), and no more "Wales
    # play Norway" against "have not yet qualified for the play-offs" (a polarity error).
    # Not the scorer (two names: two facts)
    ("qualifier", {("conflict", "number", "h3:13 h3b:13"), ("conflict", "number", "h3:17 h3b:17"),
                   ("conflict", "number", "h3:18 h3b:18"), ("conflict", "number", "h3:20 h3b:20"),
                   ("conflict", "number", "h3:26 h3b:26"),
                   ("conflict", "polarity", "h3:22 h3b:22")}),
    # no more 1.52C / 2.74F above pre-industrial levels (an error: the F figure read as a
    # thermometer's). "second-warmest" / "third-warmest" is found among the eight pages, not
    # among these two (nothing names a thing of its own in it)
    ("climate", {("conflict", "date", "h4:24 h4b:24"), ("conflict", "number", "h4:14 h4b:14"),
                 ("conflict", "number", "h4:16 h4b:16"), ("conflict", "number", "h4:21 h4b:21"),
                 ("conflict", "number", "h4:27 h4b:27"), ("conflict", "polarity", "h4:19 h4b:19")}),
])
def test_probe_q4_errors(tmp_path: Path, case: str, errors: set[tuple[str, str, str]]) -> None:
    assert _errors(tmp_path, case) == errors
