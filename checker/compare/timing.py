"""Statements true at different times are not in conflict.

"Acme Corp is not listed on the Dhaka Stock Exchange" in a page of January 2024 and "Acme
Corp was listed on the Dhaka Stock Exchange in 2025" in a page of June 2025 state opposite
things, and both were true when written: the undated statement speaks of its page's
present, and the event came after. A polarity conflict is dropped when one claim has no
date of its own, speaks in the present tense, and every date of the other starts after
the first claim's page was published. Likewise a running total ("the wildfire has burned
4,500 hectares", four days later "has burned 12,000 hectares"; a death toll): a number
conflict between two undated claims of pages published on different days, each in the
present perfect, saying "so far" or giving a toll of people ("killed 40"), is the total
growing when the later page's figure is the larger. And an undated figure is its page's
present, not a figure dated over a year before ("won 26 seats in the 2022 election"). Run
after the reduce step, on its
conflicts: verdicts stay a function of the two claims' content (the verdict memo and
store reuse them across documents).

    conflicts = [r for r in result.conflicts if not at_different_times(r, published)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from checker import rx
from checker.compare import PairResult
from checker.compare.dateslots import TOLD_APART_DAYS
from checker.compare.stories import lent_topic
from checker.compare.totals import read_by_a_day, so_far
from checker.lexicon import UNKNOWN_PREFIX
from checker.marketdays import of_its_day
from checker.models.claims import Claim
from checker.models.common import partial_date_bounds
from checker.nameids import unknown_slug
from checker.normclaim import LENT_ROLES, NormClaim, given_only

# A statement of the page's present ("is not listed", "has no", "does not own"); a past
# one ("was not founded by") speaks of a time the later event may well concern.
_PRESENT = rx.compile(r"\b(?:is|are|has|have|does|do|remains?|stays?)\b|n't\b", re.IGNORECASE)


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


def at_different_times(r: PairResult, published: Mapping[str, date]) -> bool:
    """A conflict of two statements each true when written (`said_before_the_event`,
    `running_total`, `dated_long_before`)."""
    return said_before_the_event(r, published) or running_total(r, published) \
        or dated_long_before(r, published) or topic_tied_apart(r, published) \
        or dated_alike_ago(r, published) or days_events_apart(r, published)


def days_events_apart(r: PairResult, published: Mapping[str, date]) -> bool:
    """A conflict of two facts of a day (a market's move, a vote, a rate set, a ship's load:
    `marketdays.of_its_day`) on pages published days apart, each dated by its page's days
    or by nothing narrower that leaves them: "The Bank of England cut Bank Rate ... to 3.75%
    at noon, its second cut this year" (7 May) and "... to 3.75 per cent on Thursday, its
    third cut this year" (5 November) are two decisions (desk probe Q5: an error-level
    conflict of the two places in the year's cuts)."""
    if r.a.doc == r.b.doc or not (of_its_day(r.a) and of_its_day(r.b)):
        return False
    day_a, day_b = published.get(r.a.doc), published.get(r.b.doc)
    if day_a is None or day_b is None or abs((day_a - day_b).days) <= TOLD_APART_DAYS:
        return False
    return _of_its_page(r.a, day_a) and _of_its_page(r.b, day_b)


def _of_its_page(c: NormClaim, day: date) -> bool:
    """Whether every date of the claim holds its page's day or the days just before it."""
    start = day - timedelta(days=TOLD_APART_DAYS)
    return all(d.first is not None and d.last is not None and d.first <= day
               and d.last >= start for d in c.dates)


# Pages this far apart, each dating its event in the year before it (or in the week after
# it: "are due to resume on Monday"), tell two events.
_PAGES_APART_DAYS = 180
_RECENT_DAYS = 366
_AHEAD_DAYS = 7


def dated_alike_ago(r: PairResult, published: Mapping[str, date]) -> bool:
    """A date conflict between pages published half a year apart or more, each dating its
    event in the year before itself: "The OBR last updated its forecasts in March" (October
    2026) and "the 1.5 per cent it predicted in March" (November 2025); "The results were
    first presented at a cardiology conference in Madrid in September" (November 2026) and
    "The results were presented on Saturday at the European Society of Cardiology congress
    in Madrid" (September 2025): events that recur, each page's its own (the desk corpus:
    four error-level conflicts between two stories); "Talks ... are due to resume on Monday"
    (October 2025) and "Talks ... broke down on Wednesday" (November 2026: desk probe Q6). One
    event told twice so far apart is recent to one page only ("opened in March 2019"; "will
    be held on 14 May", told six weeks before)."""
    if r.verdict.reason != "date" or r.a.doc == r.b.doc:
        return False
    day_a, day_b = published.get(r.a.doc), published.get(r.b.doc)
    if day_a is None or day_b is None or abs((day_a - day_b).days) < _PAGES_APART_DAYS:
        return False
    return _recent(r.a, day_a) and _recent(r.b, day_b)


def _recent(c: NormClaim, day: date) -> bool:
    """Whether a date of the claim ends within the year before `day` or the week after."""
    return any(d.last is not None and -_AHEAD_DAYS <= (day - d.last).days <= _RECENT_DAYS
               for d in c.dates)


# How far apart two pages may be for figures tied by their topic alone to be one fact.
_TIED_DAYS = 2


def topic_tied_apart(r: PairResult, published: Mapping[str, date]) -> bool:
    """A conflict between two claims related only through their pages' lent topic, on
    pages published days apart: "The magnitude 6.1 quake struck at a depth of 10km, killing
    three people" in February and "..., killing nine people" in May are two quakes in Japan
    (a review: an error); "The next decision is due on 5 November" and "... will be
    announced on 6 November" three months later are two meetings' (desk probe U). Figures
    dated alike are one time's, whenever told."""
    if r.a.doc == r.b.doc or (r.verdict.reason == "number" and (r.a.dates or r.b.dates)):
        return False
    day_a, day_b = published.get(r.a.doc), published.get(r.b.doc)
    if day_a is None or day_b is None or abs((day_a - day_b).days) <= _TIED_DAYS:
        return False
    lent = given_only(r.a.mentions, LENT_ROLES) | given_only(r.b.mentions, LENT_ROLES)
    return bool(lent) and (r.a.entities & r.b.entities) <= lent


# How long before an undated figure's page a dated figure must end to be of another time.
_LONG_BEFORE_DAYS = 365


def dated_long_before(r: PairResult, published: Mapping[str, date]) -> bool:
    """A number conflict between an undated figure, which speaks of its page's present,
    and a figure whose dates all end over a year before that page: "won 31 seats" on a
    page of April 2026 and "won 26 seats in the 2022 election" (a desk probe: an
    error-level conflict) are two elections."""
    if r.verdict.reason != "number" or r.a.doc == r.b.doc:
        return False
    return _long_before(r.a, r.b, published) or _long_before(r.b, r.a, published)


# ... or a month before, when the undated figure is told in the present tense and the
# dated one is not: "An estimated 38,000 containers are stranded at the terminal" is now,
# not "Last year the terminal handled 2.1 million containers" (desk probe Q6: an
# error-level conflict); "The UK now has 46 universities in the top 500, compared with 52
# last year" tells its present too (desk probe T's planted conflict with "has 48").
_PRESENT_BEFORE_DAYS = 31


def _long_before(undated: NormClaim, dated: NormClaim, published: Mapping[str, date]) -> bool:
    day = published.get(undated.doc)
    if day is None or undated.dates or not dated.dates:
        return False
    apart = _PRESENT_BEFORE_DAYS if _PRESENT.search(undated.text) \
        and not _PRESENT.search(dated.text) else _LONG_BEFORE_DAYS
    return all(d.last is not None and (day - d.last).days > apart for d in dated.dates)


def running_total(r: PairResult, published: Mapping[str, date]) -> bool:
    """A number conflict between two undated running totals of pages published on
    different days; or a date conflict between two running totals each dated the days
    just before its page ("the death toll rose to 27 on Monday", two days later "rose to
    41 on Wednesday": two readings of one total, not one event on two days)."""
    if r.verdict.reason not in ("number", "date") or r.a.doc == r.b.doc:
        return False
    day_a, day_b = published.get(r.a.doc), published.get(r.b.doc)
    if day_a is None or day_b is None or day_a == day_b:
        return False
    if not (_as_of_writing(r.a, day_a) and _as_of_writing(r.b, day_b)):
        return False
    earlier, later = (r.a, r.b) if day_a < day_b else (r.b, r.a)
    # Both totals as they stood, or the later page's figure told as it stood by its day
    # ("Some 3,200 rescue workers were sent" on Tuesday's page, "By Wednesday, more than
    # 4,500 ... were working" on Wednesday's: a desk probe's pages, once compared).
    if not (so_far(r.a.text) and so_far(r.b.text)) and not read_by_a_day(later.text):
        return False
    # A running total only grows: the later page's figure must be the larger.
    return _total(later) > _total(earlier)


def _total(c: NormClaim) -> float:
    """The claim's largest figure (its total)."""
    return max((q.value for q in c.quantities if q.value is not None), default=0.0)


def _as_of_writing(c: NormClaim, day: date) -> bool:
    """The claim has no date but the days just before its page (when it was said: "the
    fire service said on Tuesday"; or what stood by then: "By Wednesday", open at its start)."""
    for d in c.dates:
        at = d.first if d.first is not None else d.last if d.open == "start" else None
        if d.granularity != "day" or at is None or not 0 <= (day - at).days <= 7:
            return False
    return True


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


# How many names two pages of one story say in common, at least, and what share of the
# fewer names either says (a third; of short pages, two names and two thirds).
_ONE_STORY_NAMES = 3


def topic_only(r: PairResult) -> bool:
    """Whether the pair is related only through its pages' lent topic (`pagetopic`)."""
    if r.a.doc == r.b.doc:
        return False
    lent = lent_topic(r.a) | lent_topic(r.b)
    return bool(lent) and (r.a.entities & r.b.entities) <= lent


def one_story(names_a: frozenset[str], names_b: frozenset[str]) -> bool:
    """Whether two pages' names tell one story: three names in common at least, a third of
    the fewer either page says (or two in common, two thirds of them, of short pages). Two
    stories on one city, one politician or one club ("More than 30 people were arrested" at
    a protest in London, "Twelve people were arrested" before a derby there; "The plan will
    cost £2bn" / "£5bn", two plans Reeves announced one day) share the topic and little
    else (a review: error-level conflicts)."""
    shared = len(names_a & names_b)
    fewer = min(len(names_a), len(names_b))
    return (shared >= _ONE_STORY_NAMES and 3 * shared >= fewer) or (
        shared >= 2 and 3 * shared >= 2 * fewer)


def own_release(r: PairResult, publishers: Mapping[str, str]) -> bool:
    """Whether the pair is tied by a topic that is one page's publisher: a company's own
    release and a story on it ("The total dividend for the year is 32p." in Thornbury
    Instruments' results release, "Its total dividend for the year is 34 pence." on a wire
    the same day; desk probe Q5: three planted conflicts dropped, the two pages sharing
    two names, `one_story`). Pages days apart were dropped before (`topic_tied_apart`)."""
    lent = lent_topic(r.a) | lent_topic(r.b)
    return any(publishers.get(doc) in lent for doc in (r.a.doc, r.b.doc))


def publisher_ids(docs: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Each document's publisher as an unknown name's id ("Thornbury Instruments plc":
    name:thornbury-instruments), as a claim naming it gets it."""
    return {doc: UNKNOWN_PREFIX + unknown_slug(who) for doc, who in docs if who}


def page_names(docs: Iterable[tuple[str, Iterable[Claim]]]) -> dict[str, frozenset[str]]:
    """Each document's names: the ids (or the lower-cased words) of its claims' entities."""
    return {doc: frozenset(e.id or e.text.lower() for c in claims for e in c.entities)
            for doc, claims in docs}
