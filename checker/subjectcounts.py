"""What a bare count counts, by its sentence's subject: "The death toll from the quake rose
to 42" counts deaths, "NHS waiting lists in England reached 7.6 million" a list (read when a
claim is normalised)."""

from __future__ import annotations

import re

from checker import rx
from checker.nlp import STOPWORDS, word_stem

# A bare count whose subject says what it counts: "The death toll from the quake rose to
# 42", "Passenger numbers were 990 million", "The number of migrants ... reached 52,000",
# "Attendance over the six sessions was 41,300" (desk probe M: a count of nothing, so
# 41,300 / 38,900 never conflicted).
_SUBJECT_COUNT_RE = rx.compile(
    r"(?:\bnumber\s+of\s+(?P<of>[a-z]+)(?:\s+[^,;:.]{1,60}?)?"
    r"|\b(?P<mod>[a-z]+)\s+(?:toll|numbers|count|tally)"
    r"(?:\s+(?:from|of|at|in|for|on)\s+[^,;:.]{1,60}?)?"
    r"|(?:^|[.;:]\s+|\b(?:the|its|their)\s+)(?P<level>attendance|turnout|headcount|"
    r"membership|crowd|audience|workforce|enrolment|enrollment|ridership|readership|"
    r"viewership|employment|unemployment|population)\b(?P<qual>\s+[^,;:.]{1,60}?)?"
    # a list or backlog, however named before: "NHS waiting lists in England reached 7.6
    # million" (desk probe U: "The waiting list ... stood at 7.4 million", never compared)
    r"|(?:^|[.;:]\s+|\b(?:the|its|their)\s+)(?:[\w-]+\s+){0,2}?"
    r"(?:waiting\s+(?P<list>list|lists)|(?P<backlog>backlog|backlogs))\b(?:\s+(?:for|of|at|in|on)\s+[^,;:.]{1,60}?)?)"
    r"\s+(?:(?:has|have|had)\s+)?(?:was|were|is|are|stood\s+at|(?:rose|risen|climbed|"
    r"jumped|fell|dropped)\s+to|reached|hit|totalled|totaled|topped|"
    # ... and its change: "Employment rose by 12,400" (desk probe Q: two changes of nothing,
    # never compared), another figure than the level it changed to
    r"(?P<by>(?:rose|risen|grew|grown|increased|climbed|jumped|fell|fallen|dropped|"
    r"decreased|declined)\s+by))\s+\Z"
    # a number brought to the figure: "bringing the number of participating nations to 17"
    # counts nations (desk probe Q3: a count of nothing, so "Five countries signed ... to
    # join" was compared with "17 member countries" alone, an error-level conflict)
    r"|\b(?:bringing|brings|brought|taking|takes|took|pushing|pushes|pushed|lifting|lifts|"
    r"lifted|raising|raises|raised)\s+(?:the|its|their)\s+(?:total\s+)?number\s+of\s+"
    r"(?:[a-z-]+\s+){0,2}?(?P<to>[a-z]+)\s+to\s+\Z", re.IGNORECASE)


_PART_WORD_RE = rx.compile(r"(?<![\w'\u2019])[a-z][a-z-]+\b")


def subject_counted(text: str, at: int) -> str | None:
    """What a bare count at `at` counts, by its subject (`_SUBJECT_COUNT_RE`), as a stem:
    two pages' death tolls, never compared as counts of nothing, are counts of deaths."""
    found = _SUBJECT_COUNT_RE.search(text, max(0, at - 120), at) if at > 0 else None
    if found is None:
        return None
    word = (found.group("of") or found.group("mod") or found.group("level")
            or found.group("list") or found.group("backlog") or found.group("to")).lower()
    if word in STOPWORDS:
        return None
    if not found.group("by"):
        return word_stem(word)
    # A change of a part of the level is the part's: "Employment in the manufacturing
    # sector rose by 12,400" is no change of "employment in construction" (a review), while
    # "Employment in Ireland" is all of it (a place is the claim's scope, not a part).
    part = sorted({word_stem(w) for w in _PART_WORD_RE.findall(found.group("qual") or "")
                   if w not in STOPWORDS})
    return word_stem(word) + ":change" + "".join(f"+{w}" for w in part)
