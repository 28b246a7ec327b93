"""A central bank's rate is set to the hundredth: "held its deposit rate at 2%" is 2.00%,
not 1.5-2.5% as a rounded share would be (desk probe U: "held ... at 2%" / "raised ... to
2.25%" corroborated). Other shares keep their rounding ("unemployment of 4%" may be 4.3%)."""

from __future__ import annotations

import re

from checker import rx

# A policy rate named: "deposit rate", "Bank Rate", "interest rates", "the federal funds
# rate", or rates a bank sets ("cut rates", "held rates"); not a mortgage's or a jobless
# rate, averages that news rounds.
_POLICY_RATE_RE = rx.compile(
    r"\b(?:interest|deposit|bank|base|policy|benchmark|refinancing|repo|cash|lending|"
    r"discount|federal\s+funds|key)\s+rates?\b|"
    r"\b(?:cut|cuts|cutting|raised?|raises|raising|lowered|lowers|lowering|hiked?|hikes|"
    r"hiking|held|holds|holding|kept|keeps|left|leaves|set|sets)\s+(?:its\s+|their\s+)?"
    r"(?:key\s+)?rates?\b", re.IGNORECASE)


def policy_rate(text: str) -> bool:
    """Whether the claim tells of a rate a central bank sets."""
    return "rate" in text.lower() and _POLICY_RATE_RE.search(text) is not None
