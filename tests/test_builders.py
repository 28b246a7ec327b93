"""Conflict messages say what disagrees, for every reason comparison gives."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from checker.builders import _conflict_message


@pytest.mark.parametrize(("reason", "details", "expected"), [
    ("roles", {"roles": ["argentina beat france", "france beat argentina"]},
     "Opposite roles in the same event: a says argentina beat france, b says france beat "
     "argentina"),
    ("value", {"descriptions": "an actress / a singer"},
     "a and b give different answers to one question (an actress / a singer)"),
    ("polarity", {}, "a and b state opposite things (positive vs negative)"),
])
def test_conflict_message(reason: str, details: dict[str, Any], expected: str) -> None:
    a = SimpleNamespace(doc="a", polarity="positive")
    b = SimpleNamespace(doc="b", polarity="negative")
    assert _conflict_message(reason, a, b, details) == expected  # type: ignore[arg-type]
