"""One name spelt two ways in one sentence told twice: "The stolen works hung in the Lindley
Gallery" / "... in the Lindsey Gallery", "Deputy Governor Marcus Feld presented the
forecasts" / "Markus Feld". The two claims name nothing in common, so they were never
compared (desk probes Q5 and Q6: three planted conflicts of spelling lost). A name of the
lexicon has one spelling; two guessed names a letter or two apart, in claims alike in
everything else, are one name misspelt on one side."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from checker import rx
from checker.lexicon import UNKNOWN_PREFIX
from checker.normclaim import NormClaim

_MAX_EDITS = 2
_MIN_LENGTH = 5  # "Sara" / "Sarah" are no evidence: first names run short
# The confidence of such a conflict: a warning (`findings.conflict_severity`), for an
# editor's look. One of the two spellings is wrong, or both are a name's transliterations
# ("Zelensky" / "Zelenskyy", "Mohammed" / "Mohamed"), which is no error of either page.
SPELT_APART = 0.65


def spelt_alike(a: NormClaim, b: NormClaim) -> bool:
    """Whether two claims naming nothing in common are one sentence with a name spelt two
    ways (`spelt_apart`), its cheap half first (one name each, one frame): asked of every
    candidate pair naming nothing in common, a million at 200,000 claims. Only such pairs
    are judged, not every pair of one name each and one frame, which the judge read in full
    to call unrelated."""
    return len(a.entities) == 1 and len(b.entities) == 1 and a.frame == b.frame \
        and spelt_apart(a, b) is not None


def spelt_apart(a: NormClaim, b: NormClaim) -> tuple[str, str] | None:
    """(a's name, b's name) when the two claims differ in one guessed name each, spelt
    alike (one word of it differing by at most two letters, its first letter kept), and
    say the same thing otherwise: one frame, one polarity, the same figures and dates."""
    found = _one_word_apart(a, b)
    if found is None:
        return None
    x, y, p, q = found
    if not (x.startswith(UNKNOWN_PREFIX) and y.startswith(UNKNOWN_PREFIX)) \
            or min(len(p), len(q)) < _MIN_LENGTH or p[0] != q[0] \
            or Levenshtein.distance(p, q) > _MAX_EDITS:
        return None
    return (x, y) if _told_alike(a, b) else None


def _one_word_apart(a: NormClaim, b: NormClaim) -> tuple[str, str, str, str] | None:
    """(a's name, b's name, a's word, b's word) when each claim names one name the other
    does not, and the two are the same but for that one word."""
    only_a, only_b = a.entities - b.entities, b.entities - a.entities
    if len(only_a) != 1 or len(only_b) != 1:
        return None
    (x,), (y,) = only_a, only_b
    wx, wy = x.removeprefix(UNKNOWN_PREFIX).split("-"), y.removeprefix(UNKNOWN_PREFIX).split("-")
    if len(wx) != len(wy):
        return None
    differ = [(p, q) for p, q in zip(wx, wy, strict=True) if p != q]
    if len(differ) != 1:
        return None
    return x, y, *differ[0]


def _told_alike(a: NormClaim, b: NormClaim) -> bool:
    """One frame, one polarity and modality, the same figures and dates."""
    if set(a.frame) != set(b.frame) or a.polarity != b.polarity \
            or a.modality != b.modality:
        return False
    if sorted(q_.value or 0.0 for q_ in a.quantities) != \
            sorted(q_.value or 0.0 for q_ in b.quantities):
        return False
    return sorted((d.first, d.last) for d in a.dates if d.first and d.last) == \
        sorted((d.first, d.last) for d in b.dates if d.first and d.last)


# A code's word: letters and digits ("as2271", "a321", "737").
_CODE_RE = rx.compile(r"[a-z]{0,4}\d{2,6}[a-z]{0,3}")
# The confidence of a code told two ways: an error (`findings.conflict_severity`). A code has
# one spelling, no transliteration: "Flight AS2271" / "Flight AS2217" are two flights, or
# one told wrong (desk probe Q8: a planted conflict corroborated, 0.886).
CODED_APART = 0.75


def coded_apart(a: NormClaim, b: NormClaim) -> tuple[str, str] | None:
    """(a's code, b's code) when each claim names one name the other does not, the two the
    same but for one word, a code of letters and digits whose digits differ ("Flight AS2271"
    / "Flight AS2217"), and the claims say the same thing otherwise (`_told_alike`)."""
    # Asked of every pair judged: most name the same things, or not as many.
    if len(a.entities) != len(b.entities) or a.entities == b.entities:
        return None
    found = _one_word_apart(a, b)
    if found is None:
        return None
    p, q = found[2], found[3]
    if _CODE_RE.fullmatch(p) is None or _CODE_RE.fullmatch(q) is None \
            or p.strip("0123456789") != q.strip("0123456789") or not _told_alike(a, b):
        return None
    return _as_written(a.text, p), _as_written(b.text, q)


def _as_written(text: str, word: str) -> str:
    """A code as the claim writes it ("AS2271" for "as2271")."""
    m = re.search(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", text)
    return m.group() if m else word
