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


# What may stand between a rate named and its figure: "held its deposit rate at 2%", "cut
# interest rates by a quarter point to 4%"; not a clause of its own ("..., as inflation
# rose to 3.8%", "interest rates. Wages grew by 5%").
_BETWEEN_RE = rx.compile(r"[^,;:.()]{0,48}", re.IGNORECASE)
_OTHER_CLAUSE_RE = rx.compile(r"\b(?:as|while|after|when|and|but|with|since|because)\b",
                              re.IGNORECASE)
# A figure naming the rate after it: "a 4% interest rate".
_RATE_AFTER_RE = rx.compile(
    r"\s+(?:\w+\s+)?(?:interest|deposit|bank|base|policy|benchmark|refinancing|repo|cash|"
    r"lending|discount|key)\s+rates?\b", re.IGNORECASE)


def policy_rate_figure(text: str, start: int, end: int) -> bool:
    """Whether the figure at text[start:end] is the rate a central bank sets: told right
    after the rate is named, or naming it ("Mortgage rates fell to 4.5% after the Bank cut
    the base rate" gives a mortgage rate, rounded as news rounds it)."""
    if _RATE_AFTER_RE.match(text, end):
        return True
    for m in _POLICY_RATE_RE.finditer(text, 0, start):
        if m.end() <= start and _BETWEEN_RE.fullmatch(text, m.end(), start) \
                and not _OTHER_CLAUSE_RE.search(text, m.end(), start):
            return True
    return False
