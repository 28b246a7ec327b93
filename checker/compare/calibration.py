"""Confidence calibration: a verdict's raw evidence score mapped to the share of such
verdicts that were right on labelled pairs (Platt scaling, one curve per label).

The curves ship in `checker/data/calibration.json`; they are fitted on the FEVER-Symmetric
dev set by `claimcheck eval calibrate benchmarks/data/fever_symmetric_dev.jsonl` and a test
checks that the shipped file is what that fit gives. The slope is kept positive,
so calibration never reorders findings of one label: it says how far to trust them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

MIN_SLOPE = 0.1  # keeps the map increasing: a stronger raw score never ranks lower
PRIOR = 1.0  # L2 pull of the slope towards 1 and the offset towards 0 (small samples)
LABELS = ("conflict", "corroboration")


@dataclass(frozen=True)
class Platt:
    """p = sigmoid(slope * logit(raw) + offset)."""

    slope: float = 1.0
    offset: float = 0.0

    def __call__(self, raw: float) -> float:
        """The calibrated probability of a raw score in [0, 1]."""
        return _sigmoid(self.slope * _logit(raw) + self.offset)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)  # no overflow for very negative z
    return e / (1.0 + e)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _loss(a: float, b: float, xs: Sequence[float], ys: Sequence[float]) -> float:
    """Penalised negative log-likelihood."""
    total = 0.5 * PRIOR * ((a - 1.0) ** 2 + b * b)
    for x, y in zip(xs, ys, strict=True):
        z = a * x + b
        # log(1 + e^z) - y z, computed without overflow.
        total += (z if z > 0 else 0.0) + math.log1p(math.exp(-abs(z))) - y * z
    return total


def fit(samples: Sequence[tuple[float, bool]], iterations: int = 100) -> Platt:
    """Regularised logistic fit of correctness on logit(raw): damped Newton steps."""
    xs = [_logit(raw) for raw, _ in samples]
    ys = [1.0 if ok else 0.0 for _, ok in samples]
    a, b = _newton(1.0, 0.0, xs, ys, iterations, free_slope=True)
    if a < MIN_SLOPE:
        a, b = _newton(MIN_SLOPE, b, xs, ys, 100, free_slope=False)
    return Platt(round(a, 3), round(b, 3))


def _newton(a: float, b: float, xs: Sequence[float], ys: Sequence[float], iterations: int,
            free_slope: bool) -> tuple[float, float]:
    """Damped Newton steps on the penalised loss: on slope and offset, or on the offset
    alone (the slope held at its floor)."""
    loss = _loss(a, b, xs, ys)
    for _ in range(iterations):
        ga, gb = PRIOR * (a - 1.0), PRIOR * b
        haa, hab, hbb = PRIOR, 0.0, PRIOR
        for x, y in zip(xs, ys, strict=True):
            p = _sigmoid(a * x + b)
            w = p * (1 - p)
            ga += (p - y) * x
            gb += p - y
            haa += w * x * x
            hab += w * x
            hbb += w
        if free_slope:
            det = haa * hbb - hab * hab
            da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        else:
            da, db = 0.0, gb / hbb
        step = 1.0
        while step > 1e-6 and _loss(a - step * da, b - step * db, xs, ys) > loss:
            step /= 2  # a full Newton step can overshoot on flat data
        a, b = a - step * da, b - step * db
        new_loss = _loss(a, b, xs, ys)
        if loss - new_loss < 1e-10:
            break
        loss = new_loss
    return a, b


@cache
def shipped() -> dict[str, Platt]:
    """The curves in checker/data/calibration.json."""
    text = resources.files("checker.data").joinpath("calibration.json").read_text("utf-8")
    data = json.loads(text)
    return {label: Platt(**data[label]) for label in LABELS}


def calibrate(label: str, raw: float) -> float:
    """Calibrated confidence of a verdict (unrelated verdicts are left as they are)."""
    curve = shipped().get(label)
    return curve(raw) if curve else raw


def expected_calibration_error(samples: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by size."""
    if not samples:
        return 0.0
    groups: dict[int, list[tuple[float, bool]]] = {}
    for conf, ok in samples:
        groups.setdefault(min(int(conf * bins), bins - 1), []).append((conf, ok))
    total = 0.0
    for group in groups.values():
        accuracy = sum(ok for _, ok in group) / len(group)
        confidence = sum(c for c, _ in group) / len(group)
        total += len(group) * abs(accuracy - confidence)
    return total / len(samples)


def fit_all(samples: dict[str, list[tuple[float, bool]]]) -> dict[str, Platt]:
    """One curve per label from (raw confidence, right) samples."""
    return {label: fit(samples.get(label, [])) for label in LABELS}


def render(curves: dict[str, Platt]) -> str:
    """The calibration file's text."""
    data = {label: {"slope": c.slope, "offset": c.offset} for label, c in curves.items()}
    return json.dumps(data, indent=2, sort_keys=True) + "\n"

