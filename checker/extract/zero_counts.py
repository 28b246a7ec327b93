"""Counts of none: "there were no casualties", "no other reported deaths", "no one was
injured", "no new cases". A toll of zero is a figure an editor checks as any other (desk
probes: "Police said there were no other reported deaths" scored under the threshold, as a
sentence of no figure); only what a toll counts is read so ("no evidence", "no plans" and
"no comment" count nothing)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker import rx

# What a toll counts, as written after "no" (a closed list: the figures desks check).
_TOLLS = (r"deaths|dead|casualties|fatalities|injuries|survivors|arrests|victims|bodies|"
          r"cases|infections|hospitali[sz]ations|evacuations|reported\s+cases")
_ZERO_RE = rx.compile(
    rf"\b(?P<zero>no\s+(?:(?:other|further|new|more|immediate|reported|confirmed|known|"
    rf"serious|major|human|civilian|additional)\s+){{0,3}}(?:reports?\s+of\s+(?:any\s+)?)?"
    rf"(?P<noun>{_TOLLS}))\b(?!\s+(?:than|toll)\b)"
    # "no one was injured", "nobody has been killed": no person of a fate
    r"|\b(?P<nobody>(?:no\s+one|no-one|nobody))\s+(?:else\s+)?(?:was|were|is|has\s+been|had"
    r"\s+been|have\s+been)\s+(?:(?:seriously|badly|fatally|critically)\s+)?(?P<fate>killed|"
    r"injured|hurt|harmed|wounded|arrested|charged|detained|missing|hospitali[sz]ed)\b",
    re.IGNORECASE)


def zero_counts(folded: str, start: int, stop: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, counted noun) of each count of none in folded[start:stop]."""
    for m in _ZERO_RE.finditer(folded, start, stop):
        if m.group("zero"):
            noun = " ".join(m.group("noun").lower().split())
            yield m.start("zero"), m.end("zero"), noun.removeprefix("reported ")
        else:
            yield m.start("nobody"), m.end("nobody"), "people"


def may_hold(lower: str) -> bool:
    """Whether a lower-case sentence may hold a count of none (a cheap test first)."""
    return "no " in lower or "nobody" in lower or "no-one" in lower

