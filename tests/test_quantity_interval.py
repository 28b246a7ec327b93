"""A quantity's value must lie in its own [low, high]: comparison reads the interval, so an
edited value alone would be ignored (a first-time-user probe)."""

from __future__ import annotations

from checker.models.claims import ClaimFile, interval_problem
from checker.schemacheck import validate_model
from checker.schemas import load
from checker.yamlio import parse_yaml

FILE = """schema_version: "1"
document: {{id: b, path: b.txt, sha256: "{sha}"}}
claims:
  - id: c1
    text: approved a $65 million bridge
    span: [0, 30]
    line: 1
    quantities:
      - text: $65 million
        span: [12, 23]
        kind: money
        value: {value}
        low: 64500000.0
        high: 65500000.0
        unit: USD
"""


def _errors(value: str) -> list[str]:
    root = parse_yaml(FILE.format(sha="0" * 64, value=value), "claims/b.yaml")
    _, errors = validate_model(root, ClaimFile, load("claims"), "claims/b.yaml")
    return [str(e) for e in errors]


def test_a_value_outside_its_interval_is_an_error_at_the_value() -> None:
    (error,) = _errors("45000000.0")
    assert error.startswith("claims/b.yaml:12:9: claims[0].quantities[0].value: 45000000 is "
                            "outside [low, high] = [64500000, 65500000]")
    assert "change low and high too" in error


def test_a_value_inside_or_at_its_bounds_is_valid() -> None:
    assert _errors("65000000.0") == []
    assert _errors("65500000.0") == []


def test_open_bounds_and_rounding() -> None:
    assert interval_problem(5.0, 5.0, None) is None  # "more than 5"
    assert interval_problem(5.0, None, 5.0) is None  # "up to 5"
    assert interval_problem(0.3, 0.1 + 0.2, 0.4) is None  # float rounding is no error
    assert interval_problem(None, 1.0, 2.0) is None  # a vague amount has no value
    assert interval_problem(6.0, None, 5.0) is not None
