"""Statements true at different times are not in conflict.

"Acme Corp is not listed on the Dhaka Stock Exchange" in a page of January 2024 and "Acme
Corp was listed on the Dhaka Stock Exchange in 2025" in a page of June 2025 state opposite
things, and both were true when written: the undated statement speaks of its page's
present, and the event came after. A polarity conflict is dropped when one claim has no
date of its own, speaks in the present tense, and every date of the other starts after
the first claim's page was published. Run after the reduce step, on its conflicts:
verdicts stay a function of the two claims' content (the verdict memo and store reuse them
across documents).

    conflicts = [r for r in result.conflicts if not said_before_the_event(r, published)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from checker.compare import PairResult
from checker.models.common import partial_date_bounds
from checker.normclaim import NormClaim

# A statement of the page's present ("is not listed", "has no", "does not own"); a past
# one ("was not founded by") speaks of a time the later event may well concern.
_PRESENT = re.compile(r"\b(?:is|are|has|have|does|do|remains?|stays?)\b|n't\b", re.IGNORECASE)


def publication_days(published: Iterable[tuple[str, str | None]]) -> dict[str, date]:
    """Each document's last possible publication day (a month or year counts to its end)."""
    out: dict[str, date] = {}
    for doc_id, value in published:
        if value:
            try:
                out[doc_id] = partial_date_bounds(value)[1]
            except ValueError:
                continue  # metadata validation reports it; nothing to compare with
    return out


def said_before_the_event(r: PairResult, published: Mapping[str, date]) -> bool:
    """A polarity conflict between an undated claim and an event after its publication."""
    if r.verdict.reason != "polarity" or r.a.doc == r.b.doc:
        return False
    return _before(r.a, r.b, published) or _before(r.b, r.a, published)


def _before(undated: NormClaim, dated: NormClaim, published: Mapping[str, date]) -> bool:
    day = published.get(undated.doc)
    if day is None or undated.dates or not dated.dates or not _PRESENT.search(undated.text):
        return False
    return all(d.first is not None and d.first > day for d in dated.dates)
