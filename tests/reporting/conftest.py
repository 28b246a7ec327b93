"""Fixtures: the hand-built sample report and its document texts."""

from __future__ import annotations

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
