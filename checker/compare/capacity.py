"""A capacity and a count: "The Corvan C-300 can carry up to 236 passengers." / "The Corvan
C-300 was carrying 214 passengers and seven crew." are two facts, the most a thing can take
and what it took (desk probe Q8: the 214 lay inside "up to 236", and the trap corroborated;
a count above the capacity would have conflicted)."""

from __future__ import annotations

import re
from functools import lru_cache

from checker import rx
from checker.normclaim import NormClaim

_CAPACITY_RE = rx.compile(
    r"\b(?:can|could|cannot|is\s+able\s+to|are\s+able\s+to|designed\s+to|built\s+to)\s+"
    r"(?:carry|hold|seat|accommodate|take|house|fit|transport|handle)\b|"
    r"\b(?:capacity|room)\s+(?:of|for)\b|\bseats\s+up\s+to\b", re.IGNORECASE)


def _capacity(c: NormClaim) -> bool:
    """Whether the claim tells what a thing can take, not what it took."""
    return _capacity_text(c.text)


@lru_cache(maxsize=1 << 16)  # asked of a claim once a pair with figures: read once a text
def _capacity_text(text: str) -> bool:
    return _CAPACITY_RE.search(text) is not None


def capacity_against_count(a: NormClaim, b: NormClaim) -> bool:
    """Whether one claim's figures are a capacity and the other's are not."""
    return _capacity(a) != _capacity(b)
