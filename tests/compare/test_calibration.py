"""Confidence calibration: the fit, its monotonicity, and the shipped curves."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checker.compare.calibration import (
    MIN_SLOPE,
    Platt,
    expected_calibration_error,
    fit,
    fit_all,
    render,
    shipped,
)
from checker.evaluate import raw_samples, read_pairs
from checker.rules import RuleSet

DEV = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "fever_symmetric_dev.jsonl"


def test_fit_recovers_a_known_curve() -> None:
    truth = Platt(2.0, -0.5)
    rng = random.Random(3)
    raws = [rng.uniform(0.02, 0.98) for _ in range(4000)]
    curve = fit([(r, rng.random() < truth(r)) for r in raws])
    assert abs(curve.slope - 2.0) < 0.3 and abs(curve.offset + 0.5) < 0.2


def test_fit_of_overconfident_scores_lowers_them() -> None:
    # Right half the time whatever the raw score says: calibrated near 0.5.
    rng = random.Random(5)
    curve = fit([(rng.uniform(0.8, 0.99), rng.random() < 0.5) for _ in range(2000)])
    assert abs(curve(0.9) - 0.5) < 0.08
    assert expected_calibration_error([(curve(0.9), True), (curve(0.9), False)]) < 0.1


@given(st.floats(0, 1), st.floats(0, 1), st.floats(-5, 5), st.floats(MIN_SLOPE, 5))
def test_calibration_keeps_the_order(x: float, y: float, offset: float, slope: float) -> None:
    curve = Platt(slope, offset)
    low, high = sorted((x, y))
    assert 0.0 <= curve(low) <= curve(high) <= 1.0


def test_slope_never_below_the_floor() -> None:
    # Right when the raw score is low, wrong when high: the fit may not turn the order round.
    samples = [(0.1, True)] * 50 + [(0.9, False)] * 50
    assert fit(samples).slope == MIN_SLOPE


def test_expected_calibration_error() -> None:
    assert expected_calibration_error([]) == 0.0
    assert expected_calibration_error([(0.9, True)] * 9 + [(0.9, False)]) < 1e-9
    assert abs(expected_calibration_error([(0.9, False)] * 10) - 0.9) < 1e-9


def test_shipped_curves_are_the_fit_on_the_dev_set(ruleset: RuleSet) -> None:
    # Changing the comparison changes the raw scores: refit with `claimcheck eval calibrate`.
    fitted = fit_all(raw_samples(read_pairs(DEV), ruleset.lexicon))
    assert fitted == shipped(), render(fitted)
