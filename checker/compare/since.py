"""Where a state or a record began: "barred ... since 2010" / "banned ... since 2017" give
two starts of one state, and "the first since 2015" / "the first since 2019" two last
times of one record (desk probes S and T: neither was compared, an open range being no
event date). Two figures over periods of two starts are two facts ("have risen 30% since
2015" / "have risen 12% since 2019"); two records of one figure are not ("4.1%, the
highest since 2015" / "3.8%, the highest since 2019")."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from checker import rx
from checker.nlp import STOPWORDS, word_stem
from checker.normclaim import NDate, NormClaim

Pairs = list[tuple[str, str]]

# A record told before its start: "the first since", "the highest level since", "for the
# first time since", "the fewest deaths on record since".
_RECORD_RE = rx.compile(
    r"\b(?:first|highest|lowest|biggest|largest|smallest|worst|best|strongest|weakest|"
    r"fastest|slowest|deadliest|hottest|coldest|warmest|coolest|wettest|driest|busiest|"
    r"longest|shortest|steepest|sharpest|greatest|heaviest|most|least|fewest)"
    r"(?:[ \t,]+[\w'\u2019-]+){0,5}?[ \t,]+\Z", re.IGNORECASE)


def _start(d: NDate) -> tuple[date, date] | None:
    """The interval "since <d>" starts in: the year, month or day its words name."""
    first = d.first
    if first is None:
        return None
    if d.granularity == "day":
        return first, first
    if d.granularity == "month":
        return first, first.replace(day=monthrange(first.year, first.month)[1])
    if d.granularity == "year":
        return first, date(first.year, 12, 31)
    if d.granularity == "quarter":
        month = first.month + 2
        return first, date(first.year, month, monthrange(first.year, month)[1])
    if d.granularity == "decade":
        return first, date(first.year + 9, 12, 31)
    return None


def starts(c: NormClaim) -> list[tuple[NDate, tuple[date, date]]]:
    """A claim's "since" dates with the interval each starts in (most claims: none)."""
    found = []
    for d in c.dates:
        if d.open == "end" and d.text[:6].lower() == "since ":
            start = _start(d)
            if start is not None:
                found.append((d, start))
    return found


def starts_apart(a: NormClaim, b: NormClaim) -> Pairs:
    """The one start each claim gives, apart: "since 2010" / "since 2017"."""
    sa = starts(a) if a.dates and b.dates else []
    sb = starts(b) if sa else []
    if len(sa) != 1 or len(sb) != 1:
        return []
    (da, (fa, la)), (db, (fb, lb)) = sa[0], sb[0]
    if fa <= lb and fb <= la:
        return []
    return [(da.text, db.text)]


def records_told_apart(a: NormClaim, b: NormClaim) -> bool:
    """Either claim's one start is a record's whose words the other claim lacks (a review:
    "the first time since 2008 that the Bank had cut rates at consecutive meetings" / "the
    first rate cut since 2020" were an error-level date conflict): two records."""
    sa, sb = starts(a), starts(b)
    return len(sa) == 1 and len(sb) == 1 and (
        _told_apart(a, sa[0][0], b) or _told_apart(b, sb[0][0], a))


# What a record is of, told after its start: "the first time since 2008 that the Bank had
# cut rates at consecutive meetings".
_THAT_RE = rx.compile(r"[ \t,]+that[ \t]+([^,;:]+)", re.IGNORECASE)


def _told_apart(c: NormClaim, d: NDate, other: NormClaim) -> bool:
    """The record of `c` since `d` says what it is of, after a "that", in words the other
    claim does not have."""
    at = c.text.find(d.text)
    told = _THAT_RE.match(c.text, at + len(d.text)) if at >= 0 else None
    if told is None:
        return False
    words = {word_stem(w) for w in _WORD_RE.findall(told.group(1))  # names are no words
             if w not in STOPWORDS}
    return not words <= other.tokens


_WORD_RE = rx.compile(r"(?<![\w-])[a-z][a-z'-]+")


def records_since(c: NormClaim) -> bool:
    """The claim's start is a record's last time ("the first since 2015"), not a period's
    start ("have risen 30% since 2015")."""
    for d, _ in starts(c):
        at = c.text.find(d.text)
        if at > 0 and _RECORD_RE.search(c.text, max(0, at - 80), at):
            return True
    return False


def figures_since(c: NormClaim) -> bool:
    """A figure told before the claim's start, over the period since it ("have risen 30%
    since 2015"), not after it ("held since 2019, when he was sentenced to 10 years";
    "in special measures since 2023 and owes £19bn": a fact of its own)."""
    for d, _ in starts(c):
        at = c.text.find(d.text)
        if at > 0 and any(0 <= c.text.find(q.text) < at for q in c.quantities):
            return True
    return False
