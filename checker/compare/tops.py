"""Counts within two cut-offs of a ranking: "Britain has 11 universities in the top 100" /
"The UK now has 46 universities in the top 500" are two counts, of two sets (desk probe Q8:
two error-level conflicts between two league tables' pages). Each claim names its cut-offs
("the top 100", "the top-10"); none in common, the figures are of two facts."""

from __future__ import annotations

import re

from checker import rx
from checker.normclaim import NormClaim

_TOP_RE = rx.compile(r"\btop[\s-]+(\d{1,3}(?:,\d{3})*|ten|twenty|fifty|hundred)\b", re.IGNORECASE)


def _tops(c: NormClaim) -> frozenset[str]:
    """The cut-offs a claim counts within ("100" of "the top 100")."""
    if "top" not in c.text.lower():
        return frozenset()  # most claims
    return frozenset(m.group(1).lower().replace(",", "") for m in _TOP_RE.finditer(c.text))


def tops_apart(a: NormClaim, b: NormClaim) -> bool:
    """Whether each claim counts within a ranking's cut-off and none is the other's."""
    ta = _tops(a)
    if not ta:
        return False
    tb = _tops(b)
    return bool(tb) and ta.isdisjoint(tb)
