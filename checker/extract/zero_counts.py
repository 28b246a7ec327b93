"""Counts of none: "there were no casualties", "no other reported deaths", "no one was
injured", "no new cases". A toll of zero is a figure an editor checks as any other (desk
probes: "Police said there were no other reported deaths" scored under the threshold, as a
sentence of no figure); only what a toll counts is read so ("no evidence", "no plans" and
"no comment" count nothing)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from checker import rx

# What a toll counts, as written after "no" (a closed list: the figures desks check).
_TOLL: Final = (r"(?P<noun>deaths|casualties|fatalities|injuries|survivors|arrests|victims|bodies|"
                r"cases|infections|hospitali[sz]ations|evacuations)")
# Words between: most leave the count as it is ("no new cases" meets "312 new cases"), but
# some count a part of it ("no civilian casualties" is no toll of all casualties, "no other
# reported deaths" none of the deaths told before: a review), and the noun keeps them.
_MODS: Final = (r"(?:(?:(?P<mod>other|further|additional|more|serious|major|civilian|military)|new|"
                r"reported|confirmed|known|immediate|human|fresh)\s+){0,3}")
_ZERO: Final = rf"no\s+{_MODS}(?:reports?\s+of\s+(?:any\s+)?)?{_TOLL}"
_WAS: Final = r"(?:were|was|have\s+been|has\s+been|had\s+been)"
# A toll is told, not wished, feared or denied: "there were no casualties", "no deaths were
# reported", "with no injuries"; not "so that no one is injured", "if no arrests are made",
# "called for no more deaths" (a review: each became a claim of a toll of none).
_PATTERNS: Final = tuple(rx.compile(pattern, re.IGNORECASE) for pattern in (
    rf"\bthere\s+{_WAS}\s+(?P<zero>{_ZERO})\b",
    rf"\b(?P<zero>{_ZERO})\s+{_WAS}\s+(?:reported|recorded|confirmed|registered|found|"
    r"made|logged)\b",
    r"\b(?:reported|recorded|confirmed|caused|causing|with|resulted\s+in|left|suffered|"
    rf"sustained|registered|logged)\s+(?P<zero>{_ZERO})\b",
    # "no one was injured", "nobody has been killed", "no one else was hurt"
    rf"\b(?P<zero>no\s+one|no-one|nobody)\s+(?P<mod>else\s+)?{_WAS}\s+"
    r"(?:(?:seriously|badly|fatally|critically)\s+)?(?:killed|injured|hurt|harmed|wounded|"
    r"arrested|charged|detained|hospitali[sz]ed)\b",
    # "none of the crew was injured" (desk probe S: the clause fell under the threshold)
    r"\b(?P<zero>none\s+of\s+(?:the|its|their|our)\s+(?P<noun>[a-z]+))(?P<mod>(?!))?\s+"
    rf"{_WAS}\s+(?:(?:seriously|badly|fatally|critically)\s+)?(?:killed|injured|hurt|harmed|"
    r"wounded|arrested|charged|detained|hospitali[sz]ed)\b",
))


# "Officials denied reports that there were no casualties": the toll of none is denied.
_DENIED_RE = rx.compile(r"\b(?:denied|denies|deny|dismissed|rejected|disputed)\b[^.;]{0,50}\Z",
                        re.IGNORECASE)


def zero_counts(folded: str, start: int, stop: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, counted noun) of each count of none in folded[start:stop]."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(folded, start, stop):
            if _DENIED_RE.search(folded, max(start, m.start() - 60), m.start()):
                continue
            counted = m.groupdict().get("noun")
            noun = counted.lower() if counted else "people"
            if m.group("mod"):
                scope = m.group("mod").strip().lower()
                noun = f"{'other' if scope == 'else' else scope} {noun}"
            yield m.start("zero"), m.end("zero"), noun


# A substring may_hold finds in every sentence it passes (quantities.GATES reads them with
# the sentence's other cues: may_hold is asked only where one is).
CUES: Final = ("no ", "nobody", "no-one", "none of")


def may_hold(lower: str) -> bool:
    """Whether a lower-case sentence may hold a count of none (a cheap test first)."""
    return "no " in lower or "nobody" in lower or "no-one" in lower or "none of" in lower
