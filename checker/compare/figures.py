"""Figures against figures: whether two quantities measure one thing (`aligned`), agree
(their intervals overlap; two stated ranges by their ends), confirm one another rather than
only fit, and whether two claims count one thing done alike ("cut 1,200 jobs" / "cut 1,500
jobs"). `checker.compare.slots` compares a pair's figures by time with these."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping

from checker import rx
from checker.nlp import STOPWORDS, word_stem
from checker.normclaim import NormClaim, NQuantity

# Counted nouns (as stems) that count the same people: "enrolled 4,812 adults" / "enrolled
# 8,412 people" count one group (a desk probe: never compared). Parts of a group ("women",
# "children", "residents") are other counts. Nations are countries: "17 member countries" /
# "17 member nations" (desk probe Q3: never compared, and the pair did not corroborate).
_SAME_COUNTED = dict.fromkeys(("peopl", "person", "adult", "particip", "volunt", "individu"),
                              "peopl") | {"nation": "countri"}


def counted(noun: str) -> str:
    """The counted noun (a stem) as one of the nouns that count the same things."""
    return _SAME_COUNTED.get(noun, noun)


def aligned(qa: NQuantity, qb: NQuantity) -> bool:
    """Two quantities measure the same thing: kind, unit and (when written) noun agree."""
    if qa.kind != qb.kind or qa.unit != qb.unit:
        return False
    if qa.noun and qb.noun:
        if qa.kind == "money" and ((qa.noun in _MEANS and qb.noun not in _INSTRUMENTS)
                                   or (qb.noun in _MEANS and qa.noun not in _INSTRUMENTS)):
            return True  # "$5m in bitcoin" / "a $5m ransom": a sum and what it is paid in
        return qa.noun == qb.noun or counted(qa.noun) == counted(qb.noun)
    if qa.noun == "age" or qb.noun == "age":
        return False  # "Finch, 52," is no term of years (a desk probe: "five years vs 52")
    # Counts, ranks and times with no noun are too vague to align ("two", "10th", "at 7am":
    # polls open then, or close).
    return qa.kind not in ("count", "rank", "time")


# What a sum is paid in, and what else a sum may be raised or paid in.
_MEANS = frozenset(word_stem(w) for w in "cash bitcoin cryptocurrency crypto shares stock kind"
                   .split())
_INSTRUMENTS = _MEANS | frozenset(word_stem(w) for w in "debt bonds loans equity notes credit"
                                  .split())


def counted_alike(done_a: frozenset[tuple[str, str]],
                  done_b: frozenset[tuple[str, str]]) -> bool:
    """Both claims count one thing and do one thing to it (their `counts_done` meet): a
    counted noun in common and the same word right before each count ("cut 1,200 jobs" /
    "plans to cut 1,500 jobs"). With an entity in common, one fact however the rest of a
    long sentence dilutes their similarity (a desk probe: "The company said it would cut
    1,200 jobs, about 4% of its workforce, mainly in its hardware division in Eindhoven" /
    "The Dutch group plans to cut 1,500 jobs"). "A trial of 8,412 people" and "124 people
    were diagnosed" count two groups."""
    return bool(done_a) and not done_a.isdisjoint(done_b)


def counts_done(c: NormClaim) -> frozenset[tuple[str, str]]:
    """(word before the count, counted noun) of each of the claim's named counts."""
    out = set()
    for q in c.quantities:
        if q.kind != "count" or not q.noun:
            continue
        at = c.text.find(q.text)
        before = _WORD_BEFORE_RE.search(c.text, 0, at) if at > 0 else None
        if before and before.group(1).lower() not in STOPWORDS:
            out.add((word_stem(before.group(1).lower()), counted(q.noun)))
    return frozenset(out)


# Up to three words, then "by", right before a share: "slowed cognitive decline by 27%".
_CHANGED_BY_RE = rx.compile(r"((?:[A-Za-z][A-Za-z'-]*[ \t]+){1,3})by[ \t]+\Z")
SHARE_KINDS = frozenset({"percent", "points"})


def changes_done(c: NormClaim) -> frozenset[tuple[str, str]]:
    """(the stems of what is done and to what, "by") of each share the claim changes
    something by: "slowed cognitive decline by 35%" / "the drug slowed cognitive decline by
    27%" are one change measured twice (a desk probe: never compared, as "cognitive decline"
    is no measure noun). Two content words at least: "rose by 5%" says too little."""
    out = set()
    for m in _before_figures(c, SHARE_KINDS, _CHANGED_BY_RE, 60):
        stems = [word_stem(w) for w in m.group(1).lower().split() if w not in STOPWORDS]
        if len(stems) >= 2:
            out.add((" ".join(stems), "by"))
    return frozenset(out)


# A noun and "of" right before a sum: "a fee of around £38m", "a fine of €2m".
_SUM_OF_RE = rx.compile(r"([a-z]+)[ \t]+of[ \t]+\Z")
# Nouns of any sum: what they are of says nothing ("a total of $5 billion").
_ANY_SUM = frozenset("total sum amount value worth tune excess region range order average "
                     "maximum minimum tranche".split())


# Figures a noun before them can name: sums and physical measures. Not shares: "a rate of
# 5%" may be growth or unemployment.
_NAMED_KINDS = frozenset({"money", "measure"})


def sums_named(c: NormClaim) -> frozenset[tuple[str, str]]:
    """(the stem of what a sum or a measure is, "of") of each one the claim names by a noun
    before it: "agreed a fee of around £38m" / "for a fee of £33m" are one fee, however
    common the club's name is in the corpus (desk probe C: the conflict came and went with
    the count of "Brentford"), and "at a depth of 10 km" / "at a depth of 17 kilometers"
    one depth."""
    return frozenset((word_stem(m.group(1)), "of")
                     for m in _before_figures(c, _NAMED_KINDS, _SUM_OF_RE, 30)
                     if m.group(1) not in STOPWORDS and m.group(1) not in _ANY_SUM)


def _before_figures(c: NormClaim, kinds: frozenset[str], pattern: re.Pattern[str],
                    reach: int) -> Iterator[re.Match[str]]:
    """The match of `pattern` (anchored at its end) in the `reach` characters right before
    each figure of the claim of one of `kinds`."""
    for q in c.quantities:
        if q.kind in kinds:
            at = c.text.find(q.text)
            m = pattern.search(c.text, max(0, at - reach), at) if at > 0 else None
            if m is not None:
                yield m


def counted_nouns(c: NormClaim) -> frozenset[str]:
    """What the claim's named counts count, people of any name as one."""
    return frozenset(counted(q.noun) for q in c.quantities if q.noun and q.kind == "count")


def change_counted(c: NormClaim) -> str | None:
    """What a claim's bare percentage is a change of: the one thing its counts count
    ("271,590 UK 18-year-olds had been placed at university ..., down 1.4%")."""
    nouns = {q.noun for q in c.quantities if q.kind == "count" and q.noun}
    if len(nouns) != 1 or not any(q.kind == "percent" and not q.noun for q in c.quantities):
        return None
    return next(iter(nouns))


def change_of_another(measures: Mapping[str, frozenset[str]], tokens: frozenset[str],
                      counted: str | None) -> bool:
    """One claim's change is of a measure it names ("International student applications
    ... fell 9%") and the other's of a thing it counts, which the first never names ("UK
    18-year-olds ... placed, down 1.4%"): two facts (a false error of the desk probes'
    101 pages)."""
    return bool(measures) and counted is not None and counted not in measures \
        and counted not in tokens


# The word right before a count, with nothing but spaces between ("cut 1,200").
_WORD_BEFORE_RE = rx.compile(r"([A-Za-z]+)\s+\Z")


def confirms(qa: NQuantity, qb: NQuantity) -> bool:
    """Of two figures that `agree`, whether one confirms the other rather than only fits
    it: two round figures each within the other's rounding ("about 300" / "about 310"), not
    "about 45,000" / "about 52,000" two days apart; a bound near the figure ("at least 40"
    / "40", "more than 600" / "610"), not "as many as 2,000 jobs" / "1,200 jobs" or "more
    than 80" / "between 300 and 350" (a desk probe: both corroborated)."""
    open_a, open_b = qa.low is None or qa.high is None, qb.low is None or qb.high is None
    if _bounds_alike(qa, qb):
        # Two floors (or two ceilings) confirm each other only when near one: "at least 742
        # people died" / "at least 810 people had died" in one half-year is a toll told twice
        # (desk probe R: corroborated); "at least 58" / "more than 60" killed confirm. They
        # still agree, as intervals: "at least 58" killed now and "more than 50,000" in 2023
        # are no conflict.
        if qa.value is None or qb.value is None:
            return qa.value == qb.value
        return abs(qa.value - qb.value) <= _NEAR_FLOORS * max(abs(qa.value), abs(qb.value))
    if open_a or open_b:
        bound, other = (qa, qb) if open_a else (qb, qa)
        return _near(bound.value, other.value)
    if qa.approximate and qb.approximate:
        return _holds(qa, qb.value) or _holds(qb, qa.value)
    return True


def _bounds_alike(qa: NQuantity, qb: NQuantity) -> bool:
    """Both figures are bounds of one direction ("at least", "more than"; "up to")."""
    return (qa.high is None and qb.high is None and qa.low is not None
            and qb.low is not None) or (qa.low is None and qb.low is None
                                        and qa.high is not None and qb.high is not None)


# How near two floors (or two ceilings) must be to confirm each other: "at least 58" /
# "more than 60" killed, not "at least 742" / "at least 810".
_NEAR_FLOORS = 0.05

# How near a bound and a figure must be for the figure to confirm the bound.
_NEAR_BOUND = 0.1


def _near(bound: float | None, value: float | None) -> bool:
    if bound is None or value is None:
        return True
    return abs(value - bound) <= _NEAR_BOUND * max(abs(bound), abs(value))


def _holds(q: NQuantity, value: float | None) -> bool:
    low, high = _interval(q)
    return value is None or low <= value <= high


# How near two ranges' ends must be to be one end (a share of the larger high end).
_RANGE_ENDS = 0.002
# A range's two figures, with "to" or (after "between") "and" between them.
_RANGE_TEXT_RE = rx.compile(r"\d.*\s(?:to|and)\s.*\d")


def _stated_range(q: NQuantity) -> bool:
    """A range the text states ("$16.5 billion to $16.8 billion"), not one figure's
    precision."""
    return q.low is not None and q.high is not None and q.low < q.high \
        and _RANGE_TEXT_RE.search(q.text) is not None


def _interval(q: NQuantity) -> tuple[float, float]:
    low = q.low if q.low is not None else -math.inf
    high = q.high if q.high is not None else math.inf
    return low, high


def agree(qa: NQuantity, qb: NQuantity) -> bool:
    """Intervals overlap: "about 241 million" and "240 million" agree; "12 people"
    (11.5-12.5) and "13 people" (12.5-13.5) only touch, and do not. Two ranges written as
    ranges agree when their ends do: "$12.5 billion to $13 billion" is another forecast than
    "$12.5 billion to $13.5 billion" (a desk probe: they corroborated)."""
    la, ha = _interval(qa)
    lb, hb = _interval(qb)
    if qa.low is None and qb.low is None and qa.high is not None and qb.high is not None:
        # Two ceilings are two statements of one most: "Winds of up to 70km/h" / "up to 60
        # mph" (96 km/h) disagree (desk probe Q5: consistent as intervals, no conflict).
        # Floors are left as intervals: a toll "at least 58" and later "at least 73" grows.
        return abs(ha - hb) <= _NEAR_FLOORS * max(abs(ha), abs(hb))
    if _stated_range(qa) and _stated_range(qb):
        scale = max(abs(ha), abs(hb)) * _RANGE_ENDS
        return abs(la - lb) <= scale and abs(ha - hb) <= scale
    if la < hb and lb < ha:
        return True
    # A point (an exact figure in a claim file) agrees with any interval that holds it.
    return (la == ha and lb <= la <= hb) or (lb == hb and la <= lb <= ha)


def fated_alike(fates_a: frozenset[str], nouns_a: frozenset[str], fates_b: frozenset[str],
                nouns_b: frozenset[str]) -> bool:
    """Both claims count people of one fate ("killed 42 people" / "Forty-eight people have
    died"), given each one's fates and `counted_nouns`: what happened to whom is the thing
    counted, one fact for one place and time (a desk probe: two tolls told on one day never
    compared)."""
    return bool(fates_a) and not fates_a.isdisjoint(fates_b) and not nouns_a.isdisjoint(nouns_b)


# A toll told as a rate: "die from stroke in the UK each year", "are killed every year".
_RATE_RE = rx.compile(r"\b(?:each|every|per)\s+(?:year|month|week|day)\b|\bannually\b",
                      re.IGNORECASE)


def tolls_alike(a: NormClaim, b: NormClaim, fates_a: frozenset[str], nouns_a: frozenset[str],
                fates_b: frozenset[str], nouns_b: frozenset[str]) -> bool:
    """`fated_alike`, for tolls of events: not where one claim tells a rate, people of a
    fate every year, which its cause tells apart ("Around 38,000 people die from stroke in
    the UK each year" / "Cardiovascular disease kills about 170,000 people in the UK each
    year", "1,552 people were killed on Britain's roads in 2025": desk probe Q2, two
    error-level conflicts anchored by the fate alone)."""
    return fated_alike(fates_a, nouns_a, fates_b, nouns_b) \
        and not (_RATE_RE.search(a.text) or _RATE_RE.search(b.text))


def answered_beside(a: NormClaim, b: NormClaim, agree: list[tuple[str, str]],
                     clash: list[tuple[str, str]]
                     ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A disagreeing pair whose one figure is the other claim's own figure of that kind,
    there counting nothing named: that figure was aligned with the wrong one. "The UK has 48
    universities in the top 500 ... and 10 in the top 100" / "Ten British universities made
    the top 100" (desk probe T: an error, 48 / Ten): the 10 borrows its noun from the 48.
    The pair is the bare figure and its equal, which agree. Not where either claim gives a
    date: "1.8 million cars in 2023, up from 1.5 million in 2022" / "1.5 million cars last
    year" (said in 2024) is a conflict, the bare figure being of another year."""
    if a.dates or b.dates:
        return agree, clash
    bare_a = {(q.kind, q.value): q.text for q in a.quantities if q.noun is None}
    bare_b = {(q.kind, q.value): q.text for q in b.quantities if q.noun is None}
    if not bare_a and not bare_b:
        return agree, clash
    qa = {q.text: q for q in a.quantities}
    qb = {q.text: q for q in b.quantities}
    agree, kept = list(agree), []
    for x, y in clash:
        fx, fy = qa.get(x), qb.get(y)
        if fx is None or fy is None:
            kept.append((x, y))
            continue
        twin_a = bare_a.get((fy.kind, fy.value)) if fx.noun is not None else None
        twin_b = bare_b.get((fx.kind, fx.value)) if fy.noun is not None else None
        if twin_a and twin_a != x:
            agree.append((twin_a, y))
        elif twin_b and twin_b != y:
            agree.append((x, twin_b))
        else:
            kept.append((x, y))
    return agree, kept


def sequenced_alike(a: NormClaim, b: NormClaim) -> bool:
    """Both claims give a place in one sequence of those who did a thing ("the third Super
    League coach to lose his job" / "the second Super League coach to be sacked": a rank of
    "coach to", `extract.streaks.sequence_places`)."""
    seq_a = {q.noun for q in a.quantities if q.kind == "rank" and q.noun
             and q.noun.endswith(" to")}
    return bool(seq_a) and any(q.kind == "rank" and q.noun in seq_a for q in b.quantities)


# What stands between a name and its age in commas: "Diane Marsh, 58", "Pell, who is 63".
_AGE_GAP_RE = rx.compile(r",[ \t]+(?:who[ \t]+(?:is|was|turned|turns)[ \t]+)?\Z")


def age_owner(c: NormClaim, q: NQuantity) -> str | None:
    """Whose age an age in commas is: the name right before it ("His accomplice, Diane
    Marsh, 58, ..." is Marsh's, though "His" stands for the page's subject)."""
    at = c.text.find(q.text + ",") if q.noun == "age" else -1
    if at < 0:
        at = c.text.find(q.text) if q.noun == "age" else -1
    gap = _AGE_GAP_RE.search(c.text, 0, at) if at > 0 else None
    if gap is None:
        return None
    end = c.span[0] + gap.start()
    return next((m.id for m in c.mentions if m.end == end), None)


def ages_apart(a: NormClaim, qa: NQuantity, b: NormClaim, qb: NQuantity) -> bool:
    """Two ages of two people, each named right before it: no figures of one fact
    (desk probe Z: "Graham Pell, 58, of Ripon ..." corroborated "His accomplice, Diane
    Marsh, 58, received a three-year sentence", "His" standing for Pell)."""
    owner_a, owner_b = age_owner(a, qa), age_owner(b, qb)
    return owner_a is not None and owner_b is not None and owner_a != owner_b
