"""One name spelt two ways in one sentence told twice: "The stolen works hung in the Lindley
Gallery" / "... in the Lindsey Gallery", "Deputy Governor Marcus Feld presented the
forecasts" / "Markus Feld". The two claims name nothing in common, so they were never
compared (desk probes Q5 and Q6: three planted conflicts of spelling lost). A name of the
lexicon has one spelling; two guessed names a letter or two apart, in claims alike in
everything else, are one name misspelt on one side."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from checker.lexicon import UNKNOWN_PREFIX
from checker.normclaim import NormClaim

_MAX_EDITS = 2
_MIN_LENGTH = 5  # "Sara" / "Sarah" are no evidence: first names run short
# The confidence of such a conflict: a warning (`findings.conflict_severity`), for an
# editor's look. One of the two spellings is wrong, or both are a name's transliterations
# ("Zelensky" / "Zelenskyy", "Mohammed" / "Mohamed"), which is no error of either page.
SPELT_APART = 0.65


def may_be_spelt_apart(a: NormClaim, b: NormClaim) -> bool:
    """The cheap half of `spelt_apart`, asked of every candidate pair naming nothing in
    common: one name each, one frame."""
    return len(a.entities) == 1 and len(b.entities) == 1 and a.frame == b.frame


def spelt_apart(a: NormClaim, b: NormClaim) -> tuple[str, str] | None:
    """(a's name, b's name) when the two claims differ in one guessed name each, spelt
    alike (one word of it differing by at most two letters, its first letter kept), and
    say the same thing otherwise: one frame, one polarity, the same figures and dates."""
    only_a, only_b = a.entities - b.entities, b.entities - a.entities
    if len(only_a) != 1 or len(only_b) != 1:
        return None
    (x,), (y,) = only_a, only_b
    if not (x.startswith(UNKNOWN_PREFIX) and y.startswith(UNKNOWN_PREFIX)):
        return None
    wx, wy = x[len(UNKNOWN_PREFIX):].split("-"), y[len(UNKNOWN_PREFIX):].split("-")
    if len(wx) != len(wy):
        return None
    differ = [(p, q) for p, q in zip(wx, wy, strict=True) if p != q]
    if len(differ) != 1:
        return None
    p, q = differ[0]
    if min(len(p), len(q)) < _MIN_LENGTH or p[0] != q[0] \
            or Levenshtein.distance(p, q) > _MAX_EDITS:
        return None
    if set(a.frame) != set(b.frame) or a.polarity != b.polarity \
            or a.modality != b.modality:
        return None
    if sorted(q_.value or 0.0 for q_ in a.quantities) != \
            sorted(q_.value or 0.0 for q_ in b.quantities):
        return None
    if sorted((d.first, d.last) for d in a.dates if d.first and d.last) != \
            sorted((d.first, d.last) for d in b.dates if d.first and d.last):
        return None
    return x, y
