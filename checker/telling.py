"""The dates of a telling, not of the fact: a dateline's, one inside or right after the
attribution ("..., the ministry said on Wednesday"), the day a company reported its
figures. Read by normalisation (`checker.normalize`), which keeps them apart (`told`)."""

from __future__ import annotations

import re

from checker import rx
from checker.extract.date_shift import STATEMENT
from checker.models.claims import Claim
from checker.subjects import DATELINE_RE


def told_on(claim: Claim) -> set[tuple[int, int]]:
    """Spans of the dates that date the telling, not the fact: a dateline's, one inside the
    attribution ("according to a statement on Friday"), and one right after it ("..., the
    ministry said on Wednesday", "said in a statement late on Monday", "Lin told the state
    broadcaster ZNBC on Monday that ...")."""
    out: set[tuple[int, int]] = set()
    if not claim.dates:
        return out
    start, text = claim.span[0], claim.text
    line = DATELINE_RE.match(text)
    if line:
        out.update(d.span for d in claim.dates if d.span[1] - start <= line.end())
    if claim.attribution:
        a_start, after = claim.attribution.span
        told = claim.attribution.text.lower().endswith("told")
        gap = _TOLD_GAP_RE if told else _SAID_GAP_RE
        # A telling is on a day, in a week or a month: "reported third-quarter revenue" dates
        # what was reported.
        out.update(d.span for d in claim.dates if a_start <= d.span[0] and (
            d.span[1] <= after or (d.granularity in _TELLING_GRANULARITIES and gap.fullmatch(
                text, after - start, d.span[0] - start))))
    out.update(d.span for d in claim.dates if d.granularity == "day" and _announced(
        text, d.span[0] - start, d.span[1] - start))
    # A year a figure is measured against dates no event of the claim: "0.3C warmer than
    # 2024", "the second highest for June after 2024" (desk probe L: "after 2024" and "in
    # June" of one month's record were a date conflict).
    out.update(d.span for d in claim.dates if d.granularity == "year" and not d.open
               and _compared_to(text, d.span[0] - start, d.text))
    last = max(claim.dates, key=lambda d: d.span[1])
    if last.granularity == "day" and claim.quantities and _CLOSES_RE.fullmatch(
            text, last.span[1] - start) and _REPORTED_RE.search(text, 0, last.span[0] - start) \
            and any(q.span[1] <= last.span[0] for q in claim.quantities) \
            and not _AS_OF_RE.search(f"{text[:last.span[0] - start]} {last.text}".lower()[-30:]):
        # "Norvik reported revenue of $4.2 billion on Thursday": the day of the report (a
        # desk probe: taken as the figure's, it hid a conflict with "revenue was $4.8bn in
        # the third quarter").
        out.add(last.span)
    return out


_TELLING_GRANULARITIES = frozenset({"day", "week", "month"})
_THAN_BEFORE_RE = rx.compile(r"\bthan\s+(?:in\s+)?\Z", re.IGNORECASE)


def _compared_to(text: str, at: int, written: str) -> bool:
    """Whether the year written at `at` (a closed year: date_rules reads a rank's "after
    2024" as the year, a time's "after 2019 when ..." as open) is what a figure is measured
    against."""
    if written.lower().startswith("after"):
        return True  # closed: date_rules read the rank before it (_RANKED_BEFORE_RE)
    return _THAN_BEFORE_RE.search(text, max(0, at - 12), at) is not None


# Verbs of a company's own figures told on a day ("reported", "posted", "disclosed"), and
# the end of a claim after its last date.
_REPORTED_RE = rx.compile(r"\b(?:reported|reports|posted|posts|disclosed|discloses)\b",
                          re.IGNORECASE)
# "340 measles cases as of Thursday": the day of the count, not of the report.
_AS_OF_RE = rx.compile(r"\b(?:as\s+(?:of|at)|by|until|through|since)\s+(?:\S+\s+)?\S+\Z")
_CLOSES_RE = rx.compile(r"[\s.,;:!?\"'\u201d\u2019)]*")


# What may stand between "said" and the day it was said: "said on Jan. 17", "said late on
# Wednesday", "said in a statement issued on Monday", "said in an interview on Friday".
_SAID_GAP = (r"\s*(?:(?:in|during|at)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
             rf"(?:{STATEMENT})(?:\s+(?:issued|released|published))?\s+)?(?:(?:late|early)\s+)?"
             r"(?:on\s+)?")
_SAID_GAP_RE = rx.compile(_SAID_GAP, re.IGNORECASE)
# After "told", whom it was told first: "told reporters", "told the state broadcaster ZNBC".
_TOLD_GAP_RE = rx.compile(r"\s*(?:[\w'\u2019.-]+\s+){1,5}?" + _SAID_GAP, re.IGNORECASE)


# A verb of telling right before a day, and what was told right after it: "The company
# announced on Monday it would cut 300 jobs", "officials confirmed on Friday that ...".
_ANNOUNCED_RE = rx.compile(r"\b(?:announced|said|confirmed|disclosed|revealed|warned|stated)"
                           r"\s+(?:(?:late|early)\s+)?\Z", re.IGNORECASE)
_TOLD_AFTER_RE = rx.compile(r",?\s+(?:that\s+)?(?:it|he|she|they|we|the|its|their|his|her)\b")


def _announced(text: str, start: int, end: int) -> bool:
    """Whether the day at [start, end) of the text is when something was announced: the
    day of the telling, not of what was told (review pair t10: "announced on Monday it
    would cut 300 jobs" / "announced on Tuesday ... 400 jobs" were a date conflict, which
    hid the number conflict)."""
    return _ANNOUNCED_RE.search(text, max(0, start - 30), start) is not None \
        and _TOLD_AFTER_RE.match(text, end) is not None
