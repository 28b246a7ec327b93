"""Claim units: a long sentence carrying several facts is split into clauses, each one
checkable on its own; each keeps the sentence it came from as its quote."""

from __future__ import annotations

import re

from checker.textutil import fold

_SPLIT_RE = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+")
_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|made|rose|fell|"
    r"grew|said|says|\w{3,}ed|\w{3,}s)\b",
    re.IGNORECASE,
)
_NO_SPLIT_RE = re.compile(r"\brespectively\b|\bbetween\b[^,;]*\band\b", re.IGNORECASE)
MIN_WORDS = 5


def claim_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the independent clauses of the sentence text[start:end]."""
    folded = fold(text[start:end])
    if _NO_SPLIT_RE.search(folded) or '"' in folded:
        return [(start, end)]
    cuts: list[tuple[int, int]] = []
    for m in _SPLIT_RE.finditer(folded):
        left = folded[cuts[-1][1] if cuts else 0:m.start()]
        right = folded[m.end():]
        if _clause(left) and _clause(_first_clause(right)):
            cuts.append((m.start(), m.end()))
    if not cuts:
        return [(start, end)]
    spans, begin = [], 0
    for a, b in cuts:
        spans.append((begin, a))
        begin = b
    spans.append((begin, len(folded)))
    return [(start + a, start + b) for a, b in spans]


def _first_clause(text: str) -> str:
    m = _SPLIT_RE.search(text)
    return text[:m.start()] if m else text


def _clause(text: str) -> bool:
    """Enough words and a finite verb after a subject."""
    words = text.split()
    return len(words) >= MIN_WORDS and bool(_VERB_RE.search(" ".join(words[1:8])))
