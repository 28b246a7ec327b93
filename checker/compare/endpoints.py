"""A composite outcome is no outcome of its parts: "a 21 percent lower risk of
hospitalization or death from heart failure" counts admissions and deaths together;
"Deaths from heart failure fell by 14 per cent" counts deaths alone. Their figures are two
measures (desk probe Q6: an error-level conflict on the probe's 8 pages and among 165)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from checker import rx
from checker.nlp import word_stem
from checker.normclaim import NormClaim

# Two outcomes joined by "or": "hospitalization or death", "stroke or heart attack",
# "admission or death" (the first word of each side).
_EITHER_RE = rx.compile(r"\b([a-z]{4,})[ \t]+or[ \t]+([a-z]{4,})\b")
_NOT_OUTCOMES = frozenset("""more less either whether rather other sooner later earlier
    higher lower greater fewer larger smaller longer shorter""".split())


@lru_cache(maxsize=1 << 14)
def _composites(text: str) -> tuple[tuple[str, str], ...]:
    """The stems of each "X or Y" of a claim (read once a claim)."""
    return tuple((word_stem(x), word_stem(y)) for x, y in _EITHER_RE.findall(text)
                 if x not in _NOT_OUTCOMES and y not in _NOT_OUTCOMES)


def composite_against_part(a: NormClaim, b: NormClaim,
                           pairs: Sequence[tuple[str, str]]) -> bool:
    """Figures that disagree, one claim's of "X or Y", the other's naming one of the two
    and not the other."""
    if not pairs:
        return False
    for one, other in ((a, b), (b, a)):
        for x, y in _composites(one.text):
            if (x in other.tokens) != (y in other.tokens) and not _composites(other.text):
                return True
    return False
