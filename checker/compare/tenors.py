"""Two instruments of two terms: "the 10-year Treasury note" and "the two-year Treasury
note", "a two-year fixed mortgage rate" and "a five-year fixed rate" are two things, whose
yields and rates are two facts however alike the sentences (desk probe U: an error-level
conflict, 4.62% / 4.71%). A term that is what a claim tells ("signed a two-year contract" /
"a three-year contract") is no instrument's name, and stays a figure to compare."""

from __future__ import annotations

import re

from checker import rx
from checker.extract.quantity_words import WORD_NUMBERS
from checker.normclaim import NormClaim

# A term right before (up to two words before) an instrument: "10-year Treasury note",
# "two-year fixed mortgage rate", "five-year fixed rate", "30-year mortgage".
_TENOR_RE = rx.compile(
    r"\b(\d{1,2}|[a-z]+)[- ](year|month|week)[- ](?:[a-z-]+\s+){0,2}?"
    r"(?:fixed|variable|tracker|mortgages?|bonds?|notes?|bills?|yields?|gilts?|treasur(?:y|ies)|"
    r"bunds?|loans?|rates?|swaps?|deposits?|savings)\b", re.IGNORECASE)


def tenors(text: str) -> frozenset[tuple[int, str]]:
    """The terms (count, unit) of the instruments a claim names (most claims: none)."""
    if "-year" not in text and "-month" not in text and " year " not in text:
        return frozenset()
    found = set()
    for m in _TENOR_RE.finditer(text):
        n = m.group(1).lower()
        count = int(n) if n.isdigit() else WORD_NUMBERS.get(n)
        if isinstance(count, int):
            found.add((count, m.group(2).lower()))
    return frozenset(found)


def tenors_apart(a: NormClaim, b: NormClaim) -> bool:
    """Each claim names an instrument of a term the other does not name."""
    ta = tenors(a.text)
    tb = tenors(b.text) if ta else frozenset()
    return bool(ta) and bool(tb) and ta.isdisjoint(tb)
