"""Verdicts for a candidate pair: corroboration, conflict or unrelated, with the reason and
the slots that decided it, and a confidence in [0, 1]."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from checker.compare.blocking import Totals, Weights
from checker.compare.calibration import calibrate
from checker.compare.lexical import different_kinds, opposable, opposite_words, same_kind
from checker.compare.scope import narrower_denial, scope_of, scopes_differ
from checker.compare.similarity import (
    Similarity,
    coverage,
    overlap,
    similarity,
    weighted_coverage,
    weighted_similarity,
)
from checker.compare.slots import (
    EVENT_GRANULARITIES,
    Pairs,
    currencies,
    currencies_apart,
    dates_compared,
    events,
    figure_dates,
    figures_apart,
    figures_differ,
    quantities_compared,
    same_day_of,
)
from checker.lexicon import Lexicon
from checker.nlp import word_stem
from checker.normclaim import NDate, NormClaim

__all__ = ["EVENT_GRANULARITIES", "Facts", "Stats", "Thresholds", "Verdict", "judge"]

POLARITY_COVER = 0.9  # share of the shorter claim the other must say for a polarity clash


@dataclass(frozen=True)
class Thresholds:
    """Where similarity becomes 'the same fact'; tuned on the dev set (docs/comparison.md)."""

    same_fact: float = 0.5
    strict_frame: float = 0.6
    coverage: float = 0.8


@dataclass(frozen=True)
class Verdict:
    """The outcome for one pair."""

    label: str  # corroboration | conflict | unrelated
    reason: str | None
    confidence: float
    similarity: float
    details: dict[str, Any] = field(default_factory=dict)


_DEFAULT_THRESHOLDS = Thresholds()  # made once: a frozen dataclass is slow to build per pair


class Stats(Protocol):
    """Corpus statistics the verdict needs (the block index provides them)."""

    def idf(self, key: str) -> float: ...  # noqa: D102

    def specific(self, key: str) -> bool: ...  # noqa: D102


class ClaimFacts:
    """What judging reads of one claim in every pair it is in, worked out once."""

    __slots__ = ("claim", "currencies", "events", "opposable", "scope", "spec_entities",
                 "spec_tokens", "totals", "when")

    def __init__(self, c: NormClaim, stats: Stats, lexicon: Lexicon) -> None:
        self.claim = c  # held, so the claim's id (the memo key) is not reused
        specific = stats.specific
        self.spec_entities = frozenset(e for e in c.entities if specific(f"e:{e}"))
        self.spec_tokens = frozenset(t for t in c.tokens if specific(f"t:{t}"))
        self.events: list[NDate] = events(c)
        self.when = figure_dates(c, self.events) if c.quantities else {}
        self.scope = scope_of(c, lexicon)
        self.opposable = opposable(c.tokens)
        self.currencies = currencies(c)
        idf = stats.idf
        self.totals: Totals | None = idf.totals(c) if isinstance(idf, Weights) else None


class Facts:
    """Each claim's `ClaimFacts`, made on first use: a claim is in a pair with each of its
    candidates. For one corpus statistics (always passed the same) and one lexicon; the
    statistics are not held, so an index can keep its facts without a reference cycle."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._made: dict[int, ClaimFacts] = {}

    def __call__(self, c: NormClaim, stats: Stats) -> ClaimFacts:
        """The facts of claim c."""
        found = self._made.get(id(c))
        if found is not None and found.claim is c:
            return found
        made = self._made[id(c)] = ClaimFacts(c, stats, self.lexicon)
        return made


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _antonym_predicates(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> tuple[str, str] | None:
    for pa, _, _ in a.predicates:
        info = lexicon.predicates.get(pa)
        for pb, _, _ in b.predicates:
            if info and pb in info.antonyms:
                return pa, pb
    return None


_PRESENT_RE = re.compile(r"\b(?:currently|now|today|nowadays|at\s+present|presently|"
                         r"no\s+longer|any\s*more|still)\b", re.IGNORECASE)


def _different_times(a: NormClaim, b: NormClaim) -> bool:
    """"not currently part of" vs "between 1035 and 1814 were part of": both can be true."""
    return bool((_PRESENT_RE.search(a.text) and b.dates and not a.dates)
                or (_PRESENT_RE.search(b.text) and a.dates and not b.dates))


def _negation_on_shared(a: NormClaim, b: NormClaim) -> bool:
    """The negation governs what both claims talk about ("NOT a member" vs "a member")."""
    negated = a.negated if a.polarity == "negative" else b.negated
    return bool(negated & (a.tokens | a.entities) & (b.tokens | b.entities)) or not negated


def _objects(c: NormClaim, pid: str, lexicon: Lexicon) -> tuple[set[str], set[str]]:
    """Subjects before and typed objects after a predicate occurrence in a claim."""
    for p, ps, pe in c.predicates:
        if p == pid:
            subjects = {m.id for m in c.mentions if m.end <= ps}
            objects = {m.id for m in c.mentions if m.start >= pe and lexicon.entities.get(m.id)}
            return subjects, objects
    return set(), set()


def _single_value_clash(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> str | None:
    """"originated in Australia" vs "originating from Jamaica": one value, two answers."""
    if not a.predicates or not b.predicates:  # most pairs: no predicate to share
        return None
    shared = {p for p, _, _ in a.predicates} & {p for p, _, _ in b.predicates}
    for pid in sorted(shared):
        info = lexicon.predicates.get(pid)
        if not info or not info.single_valued:
            continue
        sa, oa = _objects(a, pid, lexicon)
        sb, ob = _objects(b, pid, lexicon)
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


def _strict_without(a: NormClaim, b: NormClaim, words: tuple[str, str], ev: _Evidence,
                    lexicon: Lexicon) -> bool:
    """Frames agree once the two opposite words are set aside ("best-" vs "worst-selling",
    "exports rose" vs "exports fell")."""
    rest_a = a.tokens - _words_of(a, words[0], lexicon)
    rest_b = b.tokens - _words_of(b, words[1], lexicon)
    return ev.sim.entities >= 0.6 and overlap(rest_a, rest_b, lambda _: 1.0) >= 0.6


class _Unknown:
    """Not worked out yet."""


_UNKNOWN = _Unknown()


@dataclass(slots=True)  # not frozen: built for most pairs, and frozen init is slower
class _Evidence:
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


def _opposites(a: NormClaim, b: NormClaim, lexicon: Lexicon,
               ev: _Evidence) -> tuple[str, str] | None:
    """A predicate and its antonym, or two opposite words, one in each claim (once a pair:
    the conflict check and the corroboration check both ask)."""
    if isinstance(ev.opposites, _Unknown):
        ev.opposites = _antonym_predicates(a, b, lexicon) or (
            opposite_words(a.tokens, b.tokens) if ev.fa.opposable and ev.fb.opposable
            else None)
    return ev.opposites


def _conflict(a: NormClaim, b: NormClaim, ev: _Evidence, lexicon: Lexicon,
              details: dict[str, Any]) -> tuple[str, float] | None:
    """(reason, confidence) when the two claims state the same fact differently."""
    hedged = 0.7 if "hedged" in (a.modality, b.modality) else 1.0
    q_agree, q_conflict, d_conflict = ev.q_agree, ev.q_conflict, ev.d_conflict
    if scopes_differ(a, b, ev.fa.scope, ev.fb.scope):
        # Values, dates and polarity differ between two facts; only answers to one
        # question (descriptions, single-valued attributes) can still clash.
        return None if a.polarity != b.polarity else _value_clash(a, b, ev, lexicon, details)
    if (a.modality == "planned") != (b.modality == "planned") and (
            q_conflict or a.polarity != b.polarity):
        # A forecast or a promise against what happened ("is expected to carry 12 million"
        # / "carried 9 million"; "we will not raise tariffs" / "raised tariffs"): both can
        # be reported truly; the sources do not disagree. (Dates still clash below: "will
        # launch in 2028" / "launched in 2029" is a slip worth seeing, at lower confidence.)
        return None
    # "X is not a musician" against a claim that says all of it without the "not".
    if a.polarity != b.polarity and (ev.strict or ev.polarity_cover >= POLARITY_COVER) \
            and _negation_on_shared(a, b) and not _different_times(a, b) \
            and not narrower_denial(a, b, lexicon):
        details["polarity"] = [a.polarity, b.polarity]
        return "polarity", _logistic(6 * (ev.base - 0.55)) * hedged
    if a.polarity != b.polarity:
        return None
    antonym = _opposites(a, b, lexicon, ev)
    # Opposites need an anchor, someone or something specific both claims name: "Officials
    # in China said the public platform would …" / "… the private platform would …" share
    # a common name and boilerplate, and "platform" does not make them one fact.
    if antonym and ev.spec_ents and (
            ev.strict or _strict_without(a, b, antonym, ev, lexicon)):
        details["opposites"] = list(antonym)
        return "antonym", _logistic(6 * (ev.base - 0.6)) * hedged
    anchored = ev.strict or (bool(ev.spec_ents) and bool(ev.spec_words))
    # In a corpus about one story its name and words are in every claim and anchor
    # nothing; the same day does: "340 cases as of Thursday" / "430 measles cases ... as of
    # Thursday" (figures of one counted thing, a name and a word in common). Asked only of
    # a figure that would otherwise conflict: it reads both claims' dates again.
    if q_conflict and not d_conflict and not q_agree and (
            anchored or (bool(ev.sim.shared_frame) and same_day_of(ev.fa.events, ev.fb.events))):
        details["quantities"] = [list(p) for p in q_conflict]
        return "number", _logistic(6 * (ev.base - 0.55)) * hedged
    # Two different figures of one measure with two dates are two periods: "grew 15.5 % in
    # 2022" and "grew 15.6 % in 2023". The same figure ("in three acts") leaves the date
    # as the fact's one varying value.
    # Figures are compared by time (`slots.figure_dates`), periods whatever their time.
    periods = figures_differ(a, b)
    if d_conflict and not q_conflict and not periods and anchored and ev.sim.frame >= 0.5:
        return _date_clash(a, b, ev, details, hedged)
    return _value_clash(a, b, ev, lexicon, details)


def _date_clash(a: NormClaim, b: NormClaim, ev: _Evidence, details: dict[str, Any],
                hedged: float) -> tuple[str, float]:
    details["dates"] = [list(p) for p in ev.d_conflict]
    planned = 0.6 if "planned" in (a.modality, b.modality) else 1.0
    return "date", _logistic(6 * (ev.base - 0.6)) * min(planned, hedged)


def _value_clash(a: NormClaim, b: NormClaim, ev: _Evidence, lexicon: Lexicon,
                 details: dict[str, Any]) -> tuple[str, float] | None:
    """Two answers to a one-answer question (a description, a single-valued attribute)."""
    clash = _description_clash(a, b) or _single_value_clash(a, b, lexicon)
    if not clash:
        return None
    details["descriptions"] = clash
    hedged = 0.7 if "hedged" in (a.modality, b.modality) else 1.0
    return "value", _logistic(6 * (ev.base - 0.6)) * hedged


def _similarity(a: NormClaim, b: NormClaim, fa: ClaimFacts, fb: ClaimFacts,
                stats: Stats) -> Similarity:
    idf = stats.idf
    if isinstance(idf, Weights) and fa.totals is not None and fb.totals is not None:
        return weighted_similarity(a, b, idf, fa.totals, fb.totals)
    return similarity(a, b, idf)


def _coverage(a: NormClaim, b: NormClaim, fa: ClaimFacts, fb: ClaimFacts,
              stats: Stats) -> float:
    idf = stats.idf
    if isinstance(idf, Weights) and fa.totals is not None and fb.totals is not None:
        return weighted_coverage(a, b, idf, fa.totals, fb.totals)
    return coverage(a, b, idf)


def judge(a: NormClaim, b: NormClaim, stats: Stats, lexicon: Lexicon,
          thresholds: Thresholds | None = None, calibrated: bool = True,
          facts: Facts | None = None) -> Verdict:
    """Decide whether two claims state the same fact, and whether they agree.

    Confidences of conflicts and corroborations are calibrated (`calibration.py`) unless
    `calibrated` is false, which the calibration fit itself needs. `facts` (made for these
    `stats` and `lexicon`) keeps what is read of each claim for its next pairs."""
    th = thresholds or _DEFAULT_THRESHOLDS
    if facts is None:
        facts = Facts(lexicon)
    fa, fb = facts(a, stats), facts(b, stats)
    sim = _similarity(a, b, fa, fb, stats)
    score = sim.combined
    # Specific shared keys are the shared specific keys (sorted, as the shared tuples are).
    spec_ents = sorted(fa.spec_entities & fb.spec_entities)
    spec_words = sorted(fa.spec_tokens & fb.spec_tokens)
    details: dict[str, Any] = {"similarity": round(score, 3),
                               "shared_entities": list(sim.shared_entities),
                               "shared_words": list(sim.shared_frame)}
    # Two descriptions of one subject ("X is a dog" / "X is an actress") answer one question.
    described = bool(a.description and b.description
                     and a.description.subject == b.description.subject)
    same_fact = score >= th.same_fact or len(spec_ents) >= 2 or described or (
        bool(spec_ents) and bool(spec_words)) or (
        bool(sim.shared_frame) and same_day_of(fa.events, fb.events))
    if not sim.shared_entities or not (same_fact or spec_ents):
        # Unrelated whatever the slots say: they are not compared (a fifth of the pairs).
        return Verdict("unrelated", None, round(1 - score, 3), score, details)
    # Most pairs have no figures on one side: no call to find nothing to compare.
    q_agree, q_conflict = quantities_compared(a, b, fa.when, fb.when) \
        if a.quantities and b.quantities else ([], [])
    d_agree, d_conflict = dates_compared(a, b, fa.events, fb.events)
    slots_agree = len(q_agree) + len(d_agree)
    if not (same_fact or slots_agree > 0):
        return Verdict("unrelated", None, round(1 - score, 3), score, details)
    strict = sim.frame >= th.strict_frame and sim.entities >= th.strict_frame
    # Evidence strength: overall overlap plus specific anchors (capped).
    base = min(1.0, score + 0.12 * min(len(spec_ents) + len(spec_words), 4))
    # Coverage is a second pass over both claims' keys: only a non-strict polarity clash
    # reads it here; a corroboration (same polarity) computes it below.
    polarity_cover = _coverage(a, b, fa, fb, stats) if a.polarity != b.polarity and not strict \
        else 0.0
    ev = _Evidence(fa, fb, sim, spec_ents, spec_words, strict, base, polarity_cover, q_agree,
                   q_conflict, d_conflict)
    found = _conflict(a, b, ev, lexicon, details)
    if found:
        conf = calibrate("conflict", found[1]) if calibrated else found[1]
        return Verdict("conflict", found[0], round(conf, 3), score, details)
    if a.polarity != b.polarity or q_conflict or d_conflict or not sim.shared_frame \
            or _opposites(a, b, lexicon, ev) or currencies_apart(fa.currencies, fb.currencies) \
            or figures_apart(a, b) or a.correction or b.correction:
        # Disagreeing slots or words we could not pin down ("rose" and "fell" about two
        # things; sums in two currencies; figures of which none is the other's, as a
        # forecast's "about 600" and the outcome's "710"), or nothing said in common: no
        # confirmation. Nor is a correction note, which reports what was wrongly said.
        return Verdict("unrelated", None, 0.5, score, details)
    cover = _coverage(a, b, fa, fb, stats)
    # Who (two shared entities, one of them specific) and what (a specific shared word);
    # figures, when both give some, agree on one at least (above: "employs 3,200 people at
    # its plant" / "plans to cut 300 jobs at its plant" are related, not one fact).
    triangle = len(sim.shared_entities) >= 2 and bool(spec_ents) and bool(spec_words)
    if not (cover >= th.coverage or (slots_agree and spec_ents)
            or (triangle and cover >= th.coverage / 4)):
        # Related, but one claim says things the other does not: not a confirmation.
        return Verdict("unrelated", None, 0.5, score, details)
    details["coverage"] = round(cover, 3)
    if q_agree:
        details["quantities"] = [list(p) for p in q_agree]
    if d_agree:
        details["dates"] = [list(p) for p in d_agree]
    details["anchors"] = spec_ents + spec_words
    hedged = 0.8 if "hedged" in (a.modality, b.modality) else 1.0
    conf = _logistic(5 * (base - 0.5) + 0.6 * min(slots_agree, 2)) * hedged
    if calibrated:
        conf = calibrate("corroboration", conf)
    return Verdict("corroboration", "agree", round(conf, 3), score, details)
