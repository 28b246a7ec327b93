"""Fixtures: the hand-built sample report and its document texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.models.report import Report

from .sample import TEXTS, build_report


@pytest.fixture()
def report() -> Report:
    """The hand-built report."""
    return build_report()


@pytest.fixture()
def texts() -> dict[str, str]:
    """Document id -> text, for the HTML report with sources."""
    return dict(TEXTS)


@pytest.fixture()
def disputed_report(tmp_path: Path) -> Report:
    """Four pages on one figure, three right and one (d) wrong: three conflicts of one
    statement (a desk probe read them as three problems)."""
    from checker.pipeline import CheckOptions, run_check

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    right = "Vaccination coverage among adults in Kitwe is 45%, the WHO said."
    for name in ("a", "b", "c"):
        (seeds / f"{name}.txt").write_text(right + "\n", encoding="utf-8")
    (seeds / "d.txt").write_text(right.replace("45%", "54%") + "\n", encoding="utf-8")
    rules = Path(__file__).resolve().parents[2] / "rules"
    return run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                  rules=rules)).report
