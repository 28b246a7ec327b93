"""Desk probe X's four stories, each told by two outlets (tests/compare/data/probeX),
checked through `claimcheck check`."""

from __future__ import annotations

from pathlib import Path

from tests.compare.pairs import case_findings

CASES = Path(__file__).resolve().parent / "data" / "probeX"


def _errors(tmp_path: Path, case: str) -> set[tuple[str, str | None, str]]:
    """(kind, reason, "doc:line doc:line") of the case's error-level findings."""
    return {(f.kind, f.reason, " ".join(
        sorted(f"{(c.path or '').rsplit('/', 1)[-1].split('_')[0]}:{c.line}" for c in f.claims)))
        for f in case_findings(tmp_path, CASES / f"{case}.txt") if f.severity == "error"}


def test_a_denial_of_another_verb_is_no_conflict(tmp_path: Path) -> None:
    # "Kiptoo did not break the course record" / "The course record of 2:04:06 was set in
    # 2021", lent Kiptoo as its page's topic: "break" / "set" (was a polarity conflict, and
    # a self-contradiction with the page's own "The course record, set in 2021, is 2:04:06")
    found = _errors(tmp_path, "marathon")
    assert ("conflict", "polarity", "x3:21 x3b:14") not in found
    assert ("self-contradiction", "polarity", "x3:14 x3:21") not in found
