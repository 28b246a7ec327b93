"""A rating on a scale: "rated 4 on a scale of 5", "3 on a five-point scale", "level 4 of
5", "a 7 out of 10": one figure, the rating, whose scale is what it counts (desk probe Q4:
"The avalanche risk that day was rated 4 on a scale of 5." / "... rated 3 ..." were counts
of nothing, 4 and 5 against 3 and 5, never compared)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from checker import rx
from checker.extract.quantity_words import word_value

_NUMBER: Final = r"\d{1,3}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten"
SCALE_RE: Final = rx.compile(
    rf"\b(?:(?P<pre>level|category|grade|stage)\s+)?(?P<n>{_NUMBER})\s+"
    rf"(?:on\s+(?:a|the|its)\s+scale\s+of\s+(?:(?:1|one|0|zero)\s+to\s+)?(?P<of>{_NUMBER})|"
    rf"on\s+(?:a|the|its)\s+(?P<points>{_NUMBER})[- ](?:point|level|step)\s+scale|"
    rf"(?P<out>out\s+)?of\s+(?P<top>{_NUMBER})(?=\s*(?:[,;:.!?)]|$|on\b|in\b|for\b|at\b)))"
    rf"(?!\s*(?:per\s*cent|percent|%))", re.IGNORECASE)


def _number(word: str) -> float:
    return float(word) if word[0].isdigit() else word_value(word)


def ratings(folded: str, start: int, stop: int) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, rating, "scale of <top>") of each rating on a scale in
    folded[start:stop]; a rating above its scale's top is none, and "N of M" closing a
    clause is one only after level, category, grade or stage ("won 3 of 5" is a tally)."""
    for m in SCALE_RE.finditer(folded, start, stop):
        if m.group("top") and not (m.group("pre") or m.group("out")):
            continue
        top = _number(m.group("of") or m.group("points") or m.group("top"))
        rating = _number(m.group("n"))
        if 0 <= rating <= top:
            yield m.start("n"), m.end(), rating, f"scale of {top:g}"


# The words before "N of M" that make it a rating, as whole words.
_RATED_RE: Final = rx.compile(r"\b(?:level|category|grade|stage|out)\b")


# A substring may_hold finds in every sentence it passes (quantities.GATES reads them with
# the sentence's other cues: may_hold is asked only where one is).
CUES: Final = ("scale", "level", "categ", "grade", "stage", "out")


def may_hold(low_text: str) -> bool:
    """A cheap first test: a scale's or a rating's words."""
    # The words as substrings first (most clauses with " of " have none), then as whole
    # words, by a pattern compiled once (re.search looked it up in re's cache each call):
    # may_hold 10.3 -> 2.5 M instructions, 300 docs.
    return "scale" in low_text or " of " in low_text and (
        "level" in low_text or "categ" in low_text or "grade" in low_text
        or "stage" in low_text or "out" in low_text) and _RATED_RE.search(low_text) is not None
