"""Titles of works in quotation marks: a film, a book, a song, a report ("Two Tickets to
Lisbon", "The Hollow Night 2"). A title is one name, and its words are no figures: desk
probe R's "Two Tickets to Lisbon" was a count of two tickets and two names, "Two
Tickets" and Lisbon (a conflict waiting for "Three Tickets ..."); a quoted sentence is no
title ("We will win," she said)."""

from __future__ import annotations

from typing import Final

from checker import rx
from checker.extract.spans import within
from checker.propernames import EntityMatch

# A quotation in folded text (curly quotes are straight there), of one line.
_QUOTED_RE: Final = rx.compile(r'"(?P<t>[A-Z0-9][^"\n]{1,80}?)"')
# The small words a title writes in lower case.
_SMALL: Final = frozenset("a an the of to in on at and or for with from by vs nor but as".split())
_MAX_WORDS: Final = 8


def quoted_titles(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of titles quoted in folded[start:end]: two to eight words, each
    capitalised or a number but the small words, not ending as a quoted sentence does."""
    if '"' not in folded[start:end]:
        return []  # most sentences
    out = []
    for m in _QUOTED_RE.finditer(folded, start, end):
        title = m.group("t")
        words = title.split()
        if not 2 <= len(words) <= _MAX_WORDS or title[-1] in ",.;:!?" \
                or words[-1].lower() in _SMALL:
            continue
        if all(w[:1].isupper() or w[:1].isdigit() or w in _SMALL for w in words) \
                and sum(w[:1].isupper() for w in words) >= 2:
            out.append((m.start("t"), m.end("t")))
    return out


def titled(entities: list[EntityMatch], titles: list[tuple[int, int]], text: str
           ) -> list[EntityMatch]:
    """The names with each title one name in place of those inside it ("Two Tickets",
    "Lisbon" of "Two Tickets to Lisbon"); a name the title is exactly stays as found."""
    if not titles:
        return entities
    kept = [m for m in entities if not within(m.start, m.end, titles)]
    for s, e in titles:
        same = [m for m in entities if (m.start, m.end) == (s, e)]
        kept.append(same[0] if same else EntityMatch(text[s:e], s, e, None, "unknown"))
    kept.sort(key=lambda m: m.start)
    return kept
