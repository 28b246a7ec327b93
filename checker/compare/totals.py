"""Totals as they stood when written: a running total ("has burned 12,000 hectares"), a
toll of people ("killed 40"), an estimate of damage. Such figures only grow, so two of them
told on two days are two readings of one total (`timing.running_total`), and a smaller
later one is no second period (`clash.conflict`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from checker import rx
from checker.compare.figures import aligned
from checker.normclaim import NDate, NormClaim

# A total as it stands when written, of things that only add up: "has burned", "have been
# killed", "have died", "has risen to", "so far", "to date". (Not any present perfect:
# "has confirmed", "has been fined $2 million" or "has been valued at" is no running total.)
_RUNNING = rx.compile(
    r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:been\s+)?(?:killed|died|burned|burnt|"
    r"fled|hospitali[sz]ed|tested\s+positive|fallen\s+ill|"
    r"destroyed|damaged|displaced|evacuated|infected|injured|wounded|affected|flooded|"
    r"arrested|detained|rescued|recorded|reported|registered|confirmed\s+\d|vaccinated|"
    r"sold|raised|collected|received|claimed\s+the\s+lives|risen|climbed|grown|reached)\b|"
    r"\bso\s+far\b|\bto\s+date\b", re.IGNORECASE)


# A toll told in the simple past is the toll as known that day: "the quake killed 40
# people" on Tuesday, "has killed 52" on Friday (a desk probe: an error-level conflict).
# Tolls of people only grow; sales or sums in the simple past are no running totals.
_TOLL = rx.compile(
    r"\b(?:killed|died|dead|death\s+toll|injured|wounded|missing|displaced|evacuated|"
    r"rescued|arrested|detained|hospitali[sz]ed)\b", re.IGNORECASE)


# An estimate of damage or losses, revised as the assessment goes on: "preliminary estimates
# put the damage at Rs 3,400 crore", two days later "losses were estimated at Rs 8,000
# crore" (a desk probe: an error-level conflict).
_DAMAGE_ESTIMATE = rx.compile(
    r"\b(?:damage|losses)\b.*\bestimat|\bestimat.*\b(?:damage|losses)\b", re.IGNORECASE)


# A figure told as it stood by a day: "By Wednesday, more than 4,500 search and rescue
# personnel were working in the region" (a reading of a count that grows, dated).
_BY_DAY = rx.compile(
    r"\W*by\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:this|that|the)\s+"
    r"(?:morning|afternoon|evening)|nightfall|midday|noon|late\s+\w+day)\b", re.IGNORECASE)


# ... unless the figure is of a period of its own: "By Wednesday, Acme had sold 3,000 in the
# first weekend" (a review: a conflict with Monday's 300 lost).
_OWN_PERIOD = rx.compile(r"\b(?:in|during|over)\s+(?:the|its|their)\s+(?:first|opening|last|"
                         r"final)\b", re.IGNORECASE)


def read_by_a_day(text: str) -> bool:
    """Whether the claim opens with the day its figures stood by ("By Wednesday, ...") and
    gives them for no period of their own."""
    return _BY_DAY.match(text) is not None and _OWN_PERIOD.search(text) is None


# Asked once a pair of claims with dated figures (`shrank`) or a number conflict
# (`timing`), of claims in many pairs: remembered by text.
@lru_cache(maxsize=1 << 14)
def so_far(text: str) -> bool:
    """A total as it stood when written: a running total, a toll of people, or an estimate
    of damage."""
    return _RUNNING.search(text) is not None or _TOLL.search(text) is not None \
        or _DAMAGE_ESTIMATE.search(text) is not None


def shrank(a: NormClaim, b: NormClaim, when_a: Mapping[int, NDate],
           when_b: Mapping[int, NDate]) -> bool:
    """Two readings of a total that only grows, the later one smaller, given each figure's
    date (`slots.figure_dates`): "The death toll ... rose to 27 on Monday" / "... rose to 19
    on Wednesday" is no second period of a series, but one of the two is wrong."""
    if not when_a or not when_b or not (so_far(a.text) and so_far(b.text)):
        return False  # most pairs: figures of no date, and no regex read
    for i, qa in enumerate(a.quantities):
        for j, qb in enumerate(b.quantities):
            da, db = when_a.get(i), when_b.get(j)
            if da is None or db is None or da.first is None or db.first is None \
                    or qa.value is None or qb.value is None or not aligned(qa, qb):
                continue
            if abs((db.first - da.first).days) > _ONE_TOTAL_DAYS:
                continue  # years apart: two disasters' tolls, not two readings of one
            if (da.first < db.first and qa.value > qb.value) or (
                    db.first < da.first and qb.value > qa.value):
                return True
    return False


# How far apart two readings of one running total may be dated: a toll is revised over days
# and weeks ("killed more than 50,000 people" in February 2023 is another quake's).
_ONE_TOTAL_DAYS = 31
