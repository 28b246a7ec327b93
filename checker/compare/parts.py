"""A whole and its parts, whose figures are no two answers to one question: groups of two
ages or set against each other, a count told as a part of a total, figures a hundred times
apart (`verdict.judge`'s vetoes)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from checker import rx
from checker.compare.figures import SHARE_KINDS
from checker.normclaim import NormClaim, NQuantity


def groups_apart(a: NormClaim, b: NormClaim, pairs: Sequence[tuple[str, str]]) -> bool:
    """Among figures that disagree, two ages of a group ("aged 18 to 24", "aged 65 and
    over", "15 to 24-year-olds"): the claims tell of two groups of people. A person's age
    ("Pryce, 53" / "52") is one age, and its disagreement a conflict."""
    ages_a = {q.text: q for q in a.quantities if q.noun == "age"}
    ages_b = {q.text: q for q in b.quantities if q.noun == "age"} if ages_a else {}
    if any(x in ages_a and y in ages_b and (_group(ages_a[x]) or _group(ages_b[y]))
           for x, y in pairs):
        return True
    if _part_against_whole(a, b, pairs):
        return True
    # Shares of groups set against each other ("47.5% of entries, against 23.8% at
    # comprehensives") and a share of the whole ("27.4 per cent of A-level entries in
    # England, compared with 27.8 per cent in 2025"): desk probe S, error-level conflicts.
    kinds = {q.text: q.kind for q in a.quantities}
    if not all(kinds.get(x) in SHARE_KINDS for x, _ in pairs):
        return False
    set_a = _GROUPS_SET_AGAINST_RE.search(a.text) is not None
    set_b = _GROUPS_SET_AGAINST_RE.search(b.text) is not None
    # ... the other naming no group at all ("At independent schools, 48.2% of entries" is
    # the same group's share, and may conflict)
    return set_a and not set_b and _GROUP_RE.search(b.text) is None \
        or set_b and not set_a and _GROUP_RE.search(a.text) is None


# A count told as a part of a total: "Seven in ten of those in emergency accommodation,
# 11,430 people, were in the capital", "Dublin accounted for 11,430 people, or 70% of the
# total", "Half of those families, 1,105, ..." (desk probe V: 11,430 conflicted with the
# national 16,214 on a page that names no place).
_PART_RE = rx.compile(
    r"\b(?:of\s+(?:the|all)\s+(?:total|whole)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+"
    r"(?:ten|\d+)\s+of\s+(?:those|them|these|the|all)|"
    r"(?:half|a\s+third|a\s+quarter|a\s+fifth|two-thirds|three-quarters|most)\s+of\s+"
    r"(?:those|them|these))\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def _told_as_part(text: str) -> bool:
    """Whether the claim tells a count as a part of a total (read once a claim, not once a
    pair: a claim meets many)."""
    return _PART_RE.search(text) is not None


def _part_against_whole(a: NormClaim, b: NormClaim,
                        pairs: Sequence[tuple[str, str]]) -> bool:
    """A count one claim tells as a part of a total, smaller than the other's count, which
    is told as no part: the part and the whole, not two answers to one question."""
    part_a, part_b = _told_as_part(a.text), _told_as_part(b.text)
    if part_a == part_b:
        return False
    va = {q.text: q.value for q in a.quantities if q.kind == "count"}
    vb = {q.text: q.value for q in b.quantities if q.kind == "count"}
    for x, y in pairs:
        small, big = (va.get(x), vb.get(y)) if part_a else (vb.get(y), va.get(x))
        if small is not None and big is not None and small < big:
            return True
    return False


# A share set against another group's: "against 23.8% at comprehensives", "compared with
# 31% among women", "versus 12 per cent for private renters" (a group in lower case and
# the plural; not "in March", "in 2025", "for the euro area").
_GROUP_RE = rx.compile(r"\b(?:at|among|for)\s+(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*s\b",
                       re.IGNORECASE)
_GROUPS_SET_AGAINST_RE = rx.compile(
    r"\b(?:against|compared\s+with|compared\s+to|versus|vs\.?|while)\s+(?:just\s+|about\s+|"
    r"around\s+|some\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+(?:at|among|for|in)\s+"
    r"(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*s\b")


# Figures of one fact this far apart are two scopes (a whole and one part of it), unless
# their ratio is a power of ten: a slip of scale ("£142m" / "£142,000") is a conflict.
SCALES_APART = 100.0
_SLIP = math.log10(1.01)


# A part of a company told as the owner of a figure: "Revenue at the aerospace unit", "Sales
# at the energy division of ...", "The energy division's revenue"; not "unit costs", nor
# where a figure falls ("cut 1,200 jobs, mainly in its hardware division": the group's cut).
_PART = (r"(?:[Tt]he|[Ii]ts|[Tt]heir|(?:[A-Z][\w&-]*\s+){0,2}[A-Z][\w&-]*(?:['\u2019]s|s['\u2019]))"
         r"\s+(?:[\w&-]+\s+){0,2}?(?:division|unit|segment|arm|subsidiary)")
_SEGMENT_RE = rx.compile(r"\b(?:at|from|of)\s+" + _PART + r"\b(?![ \t]+(?:costs?|prices?|sales|"
                         r"labou?r)\b)|\b" + _PART + r"['\u2019]s\b")


def segment_against_whole(a: NormClaim, b: NormClaim) -> bool:
    """One claim's figures are of a part of a company it names, the other's of no part:
    "Revenue rose 8 per cent to £2.4bn." / "Revenue at the aerospace unit grew 15 percent to
    910 million pounds." (desk probe Q5: two error-level conflicts of one company's
    results, the group's against each division's)."""
    return (_SEGMENT_RE.search(a.text) is None) != (_SEGMENT_RE.search(b.text) is None)


def scales_apart(a: NormClaim, b: NormClaim, pairs: Sequence[tuple[str, str]]) -> bool:
    """Every pair of disagreeing figures differs a hundredfold or more, by no power of ten:
    "MPs claimed a total of £142 million" / "Denholm's own business costs ... totalled
    £212,000" (desk probe S: an error-level conflict). No planted conflict of the probes,
    the eval pairs or the generated corpus is so far apart (the FEVER dev set's farthest,
    "about 10,000" / "around 800,000" inhabitants, is 80 times)."""
    if not pairs:
        return False
    values_a = {q.text: q.value for q in a.quantities}
    values_b = {q.text: q.value for q in b.quantities}
    for x, y in pairs:
        va, vb = abs(values_a.get(x) or 0.0), abs(values_b.get(y) or 0.0)
        if not va or not vb:
            return False
        ratio = math.log10(max(va, vb) / min(va, vb))
        if ratio < math.log10(SCALES_APART) or abs(ratio - round(ratio)) < _SLIP:
            return False
    return True


def _group(q: NQuantity) -> bool:
    """An age of a group: a bound or a range of years, not one person's year of age."""
    return q.low is None or q.high is None or q.high - q.low > 1
