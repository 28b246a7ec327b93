"""Whether two claims about one fact disagree, and how: polarity, opposite directions,
figures, dates, or two answers to a one-answer question (`verdict.judge` asks, with the
pair's evidence)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from checker import rx
from checker.compare.anchors import agreed_twice, named_and_worded, one_story
from checker.compare.dateslots import measured_against_event
from checker.compare.facts import ClaimFacts
from checker.compare.figures import counted_alike, sequenced_alike, tolls_alike
from checker.compare.lexical import different_kinds, opposite_words, same_kind
from checker.compare.measures import measured_alike
from checker.compare.polarity import objects_of, opposite_statements, stages_differ
from checker.compare.roles import reversed_roles
from checker.compare.scope import scopes_differ
from checker.compare.similarity import Similarity, overlap
from checker.compare.slots import Pairs, currency_slip, figures_differ, same_day_of
from checker.compare.standings import rankings_clash
from checker.compare.titles import holders_clash
from checker.compare.totals import shrank
from checker.lexicon import Lexicon
from checker.nlp import STOPWORDS, word_stem
from checker.normclaim import NormClaim

POLARITY_COVER = 0.9  # share of the shorter claim the other must say for a polarity clash


def logistic(x: float) -> float:
    """The logistic function: evidence strength to a confidence in (0, 1)."""
    return 1.0 / (1.0 + math.exp(-x))


def _antonym_predicates(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> tuple[str, str] | None:
    for pa, _, _ in a.predicates:
        info = lexicon.predicates.get(pa)
        for pb, _, _ in b.predicates:
            if info and pb in info.antonyms:
                return pa, pb
    return None


def _both_ways(a: NormClaim, b: NormClaim, words: tuple[str, str]) -> bool:
    """One claim tells both opposite predicates: "Scotland (+4.9%) ... followed, while London
    was the only region where prices fell" contradicts no "London ... prices fell" (desk
    probe Y: two error-level conflicts with another month's release). It still confirms
    no claim of either direction (`verdict`: the opposites stay)."""
    both = set(words)
    return both <= {p for p, _, _ in a.predicates} or both <= {p for p, _, _ in b.predicates}


def _single_value_clash(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> str | None:
    """"originated in Australia" vs "originating from Jamaica": one value, two answers."""
    if not a.predicates or not b.predicates:  # most pairs: no predicate to share
        return None
    shared = {p for p, _, _ in a.predicates} & {p for p, _, _ in b.predicates}
    for pid in sorted(shared):
        info = lexicon.predicates.get(pid)
        if not info or not info.single_valued:
            continue
        sa, oa = objects_of(a, pid, lexicon)
        sb, ob = objects_of(b, pid, lexicon)
        types = {lexicon.entities[o].type for o in oa | ob}
        # Only answers of one kind compare: a city and its country are not a clash.
        if sa & sb and oa and ob and not oa & ob and len(types) == 1:
            return pid
    return None


def _description_clash(a: NormClaim, b: NormClaim) -> str | None:
    da, db = a.description, b.description
    if not da or not db or da.subject != db.subject:
        return None
    if different_kinds(da.head, db.head):
        return f"{da.text} / {db.text}"
    if same_kind(da.head, db.head) and da.nationalities and db.nationalities and \
            not da.nationalities & db.nationalities:
        return f"{da.text} / {db.text}"
    return None


def _words_of(c: NormClaim, word: str, lexicon: Lexicon) -> set[str]:
    """The frame stems that say `word` in c: a predicate's own words ("rose" for
    `increase`), or the opposite word itself."""
    spans = [(s, e) for p, s, e in c.predicates if p == word]
    if not spans:
        return {word}
    start = c.span[0]
    return {word_stem(key) for s, e in spans for key in lexicon.tokens(c.text, s - start,
                                                                   e - start)[2]}


def _strict_without(a: NormClaim, b: NormClaim, words: tuple[str, str], ev: Evidence,
                    lexicon: Lexicon) -> bool:
    """Frames agree once the two opposite words are set aside ("best-" vs "worst-selling",
    "exports rose" vs "exports fell")."""
    rest_a = a.tokens - _words_of(a, words[0], lexicon)
    rest_b = b.tokens - _words_of(b, words[1], lexicon)
    if ev.q_agree and len(rest_a) + len(rest_b) <= 1:
        # Nothing said but the direction of one figure both give: "Sensex fell 2.1 percent
        # on Tuesday, traders said" / "Sensex index rose 2.1 percent on Tuesday" (their
        # frames were the tellers' words until "traders said" was read as attribution).
        return ev.sim.entities >= 0.6
    if len(ev.q_agree) >= 2 and len(ev.q_agree) == len(a.quantities) == len(b.quantities):
        # Every figure of both claims agrees, two at least, and only the direction differs:
        # "Razorbills bucked the trend, increasing by 12% to 1,980 birds" / "Razorbills, by
        # contrast, decreased by 12 percent, to 1,980 birds" (desk probe W: the asides
        # "bucked the trend" / "by contrast" kept the rest of the frames apart).
        return ev.sim.entities >= 0.6
    return ev.sim.entities >= 0.6 and overlap(rest_a, rest_b, lambda _: 1.0) >= 0.6


# A part of the subject named before the verb: "Employment in construction fell" is no
# contradiction of "Employment rose" (desk probe Q's 61 pages: an antonym conflict).
_PART_RE = rx.compile(r"\b(?:in|among|for|of)\s+(?:the\s+)?([a-z][a-z-]+)")


def _part_of_subject(a: NormClaim, b: NormClaim, words: tuple[str, str]) -> bool:
    """Whether one claim names a part of its subject ("in construction", "among women")
    before its opposite verb, and the other names none."""
    # A part the other claim names too is none: "share of the vote fell" / "vote share
    # rose" (desk probe Y: a planted antonym conflict lost).
    pa = {p for p in _subject_parts(a, words[0]) if word_stem(p) not in b.tokens}
    pb = {p for p in _subject_parts(b, words[1]) if word_stem(p) not in a.tokens}
    return bool(pa) != bool(pb)


def _subject_parts(c: NormClaim, word: str) -> set[str]:
    spans = [s for p, s, _ in c.predicates if p == word]
    end = spans[0] - c.span[0] if spans else 0
    return {m.group(1) for m in _PART_RE.finditer(c.text, 0, end)
            if m.group(1) not in STOPWORDS}


class _Unknown:
    """Not worked out yet."""


_UNKNOWN = _Unknown()


@dataclass(slots=True)  # not frozen: built for most pairs, and frozen init is slower
class Evidence:
    """What is known of a pair once it is found related: each claim's facts, the
    similarity, the shared specific keys and the slots compared."""

    fa: ClaimFacts
    fb: ClaimFacts
    sim: Similarity
    spec_ents: list[str]
    spec_words: list[str]
    strict: bool
    base: float
    polarity_cover: float  # coverage, computed only when a polarity clash needs it
    q_agree: Pairs
    q_conflict: Pairs
    d_conflict: Pairs
    # Work done once per pair when two steps need it (`_opposites`): an attribute, not a
    # dict made for every pair.
    opposites: tuple[str, str] | None | _Unknown = _UNKNOWN


def opposites(a: NormClaim, b: NormClaim, lexicon: Lexicon,
               ev: Evidence) -> tuple[str, str] | None:
    """A predicate and its antonym, or two opposite words, one in each claim (once a pair:
    the conflict check and the corroboration check both ask)."""
    if isinstance(ev.opposites, _Unknown):
        ev.opposites = _antonym_predicates(a, b, lexicon) or (
            opposite_words(a.tokens, b.tokens) if ev.fa.opposable and ev.fb.opposable
            else None)
    return ev.opposites


def _plan_and_act(a: NormClaim, b: NormClaim) -> bool:
    """One claim tells a plan or a forecast, the other what was or is so."""
    return (a.modality == "planned") != (b.modality == "planned")


def conflict(a: NormClaim, b: NormClaim, ev: Evidence, lexicon: Lexicon,
              details: dict[str, Any]) -> tuple[str, float] | None:
    """(reason, confidence) when the two claims state the same fact differently."""
    hedged = 0.7 if "hedged" in (a.modality, b.modality) else 1.0
    q_agree, q_conflict, d_conflict = ev.q_agree, ev.q_conflict, ev.d_conflict
    if scopes_differ(a, b, ev.fa.scope, ev.fb.scope):
        # Values, dates and polarity differ between two facts; only answers to one
        # question (descriptions, single-valued attributes) can still clash.
        return None if a.polarity != b.polarity else _value_clash(a, b, ev, lexicon, details)
    if _plan_and_act(a, b) and (q_conflict or a.polarity != b.polarity):
        # A forecast or a promise against what happened ("is expected to carry 12 million"
        # / "carried 9 million"; "we will not raise tariffs" / "raised tariffs"): both can
        # be reported truly; the sources do not disagree. (Dates still clash below: "will
        # launch in 2028" / "launched in 2029" is a slip worth seeing, at lower confidence.)
        return None
    # "Argentina beat France" / "France beat Argentina": one relation, the parties swapped.
    swapped = reversed_roles(ev.fa.roles, ev.fb.roles) if a.polarity == b.polarity else None
    if swapped and d_conflict:
        return None  # two events (the finals of two years), each with its winner
    if swapped:
        details["roles"] = swapped
        return "roles", logistic(6 * (ev.base - 0.55)) * hedged
    # "X is not a musician" against a claim that says all of it without the "not".
    if a.polarity != b.polarity and (ev.strict or ev.polarity_cover >= POLARITY_COVER) \
            and opposite_statements(a, b, ev.sim, lexicon):
        details["polarity"] = [a.polarity, b.polarity]
        return "polarity", logistic(6 * (ev.base - 0.55)) * hedged
    if a.polarity != b.polarity:
        return None
    antonym = opposites(a, b, lexicon, ev)
    moves = antonym  # kept: opposite moves at two dates are two moves, no date clash
    # Opposites need an anchor, someone or something specific both claims name: "Officials
    # in China said the public platform would …" / "… the private platform would …" share
    # a common name and boilerplate, and "platform" does not make them one fact.
    # Both opposites denied ("Nor is the UK's rate the highest in Europe" / "... was no
    # longer among the lowest in Europe"; "did not rise" / "did not fall"): contraries
    # denied together can both be true (desk probe T: an error between two stories).
    if antonym and a.polarity == "negative":
        antonym = None
    if antonym and _both_ways(a, b, antonym):
        antonym = None
    if antonym and d_conflict:
        # Two times' moves, each its own fact: "Mortgage approvals fell 11% ... in March" /
        # "rose for a third straight month in October" (desk probe Y: an error-level
        # conflict); roles swapped at two dates are two events alike (above).
        antonym = None
    if antonym and _plan_and_act(a, b):
        # A forecast's direction against what happened, as a forecast's figure above
        # ("Consumer price inflation was 3.8% ..." / "The Bank forecast that inflation would
        # drop to 2.7 per cent": desk probe U, an error-level antonym conflict).
        antonym = None
    if antonym and ev.spec_ents and (
            ev.strict or _strict_without(a, b, antonym, ev, lexicon)) \
            and not _part_of_subject(a, b, antonym):
        details["opposites"] = list(antonym)
        return "antonym", logistic(6 * (ev.base - 0.6)) * hedged
    anchored = ev.strict or named_and_worded(ev) or one_story(a, b, ev)
    # In a corpus about one story its name and words are in every claim and anchor
    # nothing; the same day does: "340 cases as of Thursday" / "430 measles cases ... as of
    # Thursday" (figures of one counted thing, a name and a word in common), and so does
    # one thing counted and done ("cut 1,200 jobs" / "cut 1,500 jobs"), or one measure
    # ("net profit" / "net profit"). Asked only of
    # a figure that would otherwise conflict: it reads both claims' dates again.
    # A figure that agrees leaves the pair one fact unless a figure of a named measure
    # disagrees: "a magnitude 6.8 earthquake ... killing at least 40" / "the magnitude 7.4
    # earthquake ... killed 40" (a desk probe: corroborated).
    twice = bool(q_conflict) and agreed_twice(ev, a, b)
    if q_conflict and not d_conflict and (not q_agree or _named_clash(a, b, q_conflict)
                                          or _kind_clash(a, b, q_agree, q_conflict)) and (
            anchored or counted_alike(ev.fa.counts_done, ev.fb.counts_done)
            or tolls_alike(a, b, ev.fa.fates, ev.fa.counted, ev.fb.fates, ev.fb.counted)
            or measured_alike(ev.fa.measure_words, ev.fb.measure_words)
            or (bool(ev.sim.shared_frame) and same_day_of(ev.fa.events, ev.fb.events))
            # one place in a sequence told twice of one person in it, named on both sides
            # (desk probe T: "the third ... coach to lose his job" / "the second")
            or (len(ev.sim.shared_entities) >= 2 and sequenced_alike(a, b))
            or twice):
        details["quantities"] = [list(p) for p in q_conflict]
        base = min(1.0, ev.base + 0.12 * len(q_agree)) if twice else ev.base
        return "number", logistic(6 * (base - 0.55)) * hedged
    # One thing ranked twice: "the world's largest wheat exporter" / "the world's
    # second-largest" (desk probe Q: a corroboration).
    ranked = rankings_clash(ev.fa.rankings, ev.fb.rankings) \
        if not q_conflict and not d_conflict else []
    # (Or a figure that agrees on the same day: "cut Bank Rate ... to 3.75 per cent on
    # Thursday, its third cut this year" / "... to 3.75 percent ... on Thursday, its second
    # cut this year", one decision told twice; desk probe Q5, a corroboration.)
    if ranked and (anchored or (bool(q_agree) and same_day_of(ev.fa.events, ev.fb.events))):
        details["quantities"] = [list(p) for p in ranked]
        return "number", logistic(6 * (ev.base - 0.55)) * hedged
    # One sum of one thing, in two currencies: a slip of the currency ("a strike fund of $50
    # million" / "of 50 million euros"), anchored as a figure is.
    slip = currency_slip(a, b) if not q_conflict and not d_conflict else None
    if slip and (anchored or counted_alike(ev.fa.counts_done, ev.fb.counts_done)):
        details["quantities"] = [list(slip)]
        return "number", logistic(6 * (ev.base - 0.55)) * hedged
    # Two different figures of one measure with two dates are two periods: "grew 15.5 % in
    # 2022" and "grew 15.6 % in 2023". The same figure ("in three acts") leaves the date
    # as the fact's one varying value.
    # Figures are compared by time (`slots.figure_dates`), periods whatever their time. A
    # total that only grows and is smaller later is no second period (`totals.shrank`).
    # Asked last: most pairs have no conflicting date, and `shrank` reads both texts.
    if d_conflict and not q_conflict and anchored and ev.sim.frame >= _DATE_FRAME \
            and not moves and not _periods(a, b, ev) and not stages_differ(a, b) \
            and not _figures_of_two_kinds(a, b) and not measured_against_event(a, b) \
            and not _EDITION_RE.search(f"{a.text}\n{b.text}"):
        return _date_clash(a, b, ev, details, hedged)
    return _value_clash(a, b, ev, lexicon, details)


# How alike two claims' frames must be for their dates to clash: "published in the journal
# Antiquity on Wednesday" / "appeared in the journal Antiquity on Tuesday" (0.48), "since
# 2010" / "since 2017" of one rule (0.43) were lost at 0.5 (desk probes W, S); two moves
# of a monthly figure in two months ("fell to 61,300 in February" / "rose for a third
# straight month in October") are `moves`, no slip of a date.
_DATE_FRAME = 0.4


def _figures_of_two_kinds(a: NormClaim, b: NormClaim) -> bool:
    """Both claims give figures, and none of one is of a kind (and unit) of the other's:
    two facts, whose dates are their own ("expects revenue to grow 12-14% in FY27" /
    "reported revenue of \u20b915,420 crore for 2024-25": desk probe N, a date conflict)."""
    ka = {(q.kind, q.unit) for q in a.quantities if q.kind != "time"}
    kb = {(q.kind, q.unit) for q in b.quantities if q.kind != "time"} if ka else set()
    return bool(ka) and bool(kb) and ka.isdisjoint(kb)


def _periods(a: NormClaim, b: NormClaim, ev: Evidence) -> bool:
    """Figures of one measure that differ and are no readings of one growing total: two
    periods of a series, not one event dated twice."""
    return figures_differ(a, b) and not shrank(a, b, ev.fa.when, ev.fb.when)


# "last year's final", "next season's opener": the date names an edition of an event that
# recurs, so another date is another edition, not a slip (a desk probe: "Riverton FC lost to
# Harbour City in last year's final" against this year's final was a date conflict).
_EDITION_RE = rx.compile(r"\b(?:last|next|this|previous|past)\s+(?:year|season|month|week)"
                         r"['\u2019]s\b", re.IGNORECASE)


def _kind_clash(a: NormClaim, b: NormClaim, q_agree: Pairs, q_conflict: Pairs) -> bool:
    """A disagreeing pair of figures of a kind (and unit) no agreeing figure is: "grew 12%
    to $4.2 billion" / "grew 15% to $4.2 billion" agree on the sum and disagree on the
    growth (a desk probe: the agreeing sum hid the conflict); "won the 60m hurdles in
    7.02sec" / "... in 7.04sec" agree on the metres and disagree on the seconds (desk probe
    M)."""
    kind_a = {q.text: (q.kind, q.unit) for q in a.quantities}
    kind_b = {q.text: (q.kind, q.unit) for q in b.quantities}
    agreeing = {kind_a.get(x) for x, _ in q_agree} | {kind_b.get(y) for _, y in q_agree}
    return any(kind_a.get(x) == kind_b.get(y) and kind_a.get(x) not in agreeing
               for x, y in q_conflict)


def _named_clash(a: NormClaim, b: NormClaim, q_conflict: Pairs) -> bool:
    """A disagreeing pair of figures that both say what they count."""
    named_a = {q.text for q in a.quantities if q.noun}
    named_b = {q.text for q in b.quantities if q.noun}
    return any(x in named_a and y in named_b for x, y in q_conflict)


def _date_clash(a: NormClaim, b: NormClaim, ev: Evidence, details: dict[str, Any],
                hedged: float) -> tuple[str, float]:
    details["dates"] = [list(p) for p in ev.d_conflict]
    planned = 0.6 if "planned" in (a.modality, b.modality) else 1.0
    return "date", logistic(6 * (ev.base - 0.6)) * min(planned, hedged)


def _value_clash(a: NormClaim, b: NormClaim, ev: Evidence, lexicon: Lexicon,
                 details: dict[str, Any]) -> tuple[str, float] | None:
    """Two answers to a one-answer question (a description, a single-valued attribute)."""
    # A plan and a past act may answer one question two ways, each true when told: "China
    # put a Pakistani satellite aboard its Chang'e 6 mission" last year / "Pakistan will
    # send a rover aboard Chang'e-8" (a value conflict between the seeds and a probe page).
    clash = _description_clash(a, b) or (
        None if _plan_and_act(a, b) else _single_value_clash(a, b, lexicon)) or (
        # A title told at one time (or both untimed): "Libya remained the main departure
        # point" / "Tunisia overtook Libya as the main departure point".
        holders_clash(ev.fa.titles, ev.fb.titles)
        if not ev.d_conflict and bool(a.dates) == bool(b.dates) else None)
    if not clash:
        return None
    details["descriptions"] = clash
    hedged = 0.7 if "hedged" in (a.modality, b.modality) else 1.0
    return "value", logistic(6 * (ev.base - 0.6)) * hedged
