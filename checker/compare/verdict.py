"""Verdicts for a candidate pair: corroboration, conflict or unrelated, with the reason and
the slots that decided it, and a confidence in [0, 1]."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from checker.compare.anchors import tied_by_figure
from checker.compare.calibration import calibrate
from checker.compare.capacity import capacity_against_count
from checker.compare.clash import Evidence, conflict, logistic, opposites
from checker.compare.dateslots import bounds_apart
from checker.compare.exits import (
    changes_apart,
    corrects,
    figure_against_date,
    figures_alike,
    told_twice,
    two_facts,
    uncounted,
)
from checker.compare.facts import Facts, Stats, pair_coverage, pair_similarity
from checker.compare.figures import (
    answered_beside,
    counted_alike,
    tolls_alike,
)
from checker.compare.fillers import names_apart, owners_apart
from checker.compare.measures import (
    fates_differ,
    measured_alike,
    measures_differ,
    outcomes_differ,
)
from checker.compare.picked import picked_apart
from checker.compare.since import (
    records_told_apart,
    starts_apart,
)
from checker.compare.slots import (
    EVENT_GRANULARITIES,
    bare_counts_apart,
    currencies_apart,
    dates_compared,
    figures_apart,
    measures_apart,
    moments_apart,
    quantities_compared,
    same_day_of,
    times_apart,
    told_apart,
)
from checker.compare.spellings import CODED_APART, SPELT_APART, coded_apart, spelt_apart
from checker.compare.standings import rankings_clash
from checker.compare.stories import guesses_only, narrow_topic, two_stories
from checker.lexicon import UNKNOWN_PREFIX, Lexicon
from checker.marketdays import market_move, of_its_day
from checker.normclaim import NormClaim

__all__ = ["EVENT_GRANULARITIES", "Facts", "Stats", "Thresholds", "Verdict", "judge"]


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
    # A dict when judged; a verdict read back from the store keeps its details as their
    # JSON text until they are read (`store.StoredDetails`).
    details: Mapping[str, Any] = field(default_factory=dict)


_DEFAULT_THRESHOLDS = Thresholds()  # made once: a frozen dataclass is slow to build per pair
_new = object.__new__


def _verdict(label: str, reason: str | None, confidence: float, similarity: float,
             details: Mapping[str, Any]) -> Verdict:
    """`Verdict(label, reason, confidence, similarity, details)`, its fields set in its own
    dict in field order: the frozen dataclass's `__init__` sets each through
    `object.__setattr__`, and a verdict is made for every judged pair (a million at 200,000
    claims). Same object (tests/compare/test_fast_paths.py)."""
    made: Verdict = _new(Verdict)
    fields = made.__dict__
    fields["label"], fields["reason"], fields["confidence"] = label, reason, confidence
    fields["similarity"], fields["details"] = similarity, details
    return made


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
    fa, fb = facts.pair(a, b, stats)
    sim = pair_similarity(a, b, fa, fb, stats)
    score = sim.combined
    # Specific shared keys are the shared specific keys (sorted, as the shared tuples are;
    # most pairs share none, and an empty list needs no sort).
    shared_ents, shared_words = fa.spec_entities & fb.spec_entities, fa.spec_tokens & fb.spec_tokens
    # (Read once a claim: most claims were lent none, and the union of two empty sets is
    # the first of them.)
    lent = fa.lent | fb.lent if fb.lent else fa.lent
    if lent:
        # The page's topic lent to a claim that names nothing (`pagetopic`) is a guess: no
        # specific anchor, and alone it relates only claims that say much the same, in more
        # than a word (a desk probe: "Planting trees ... 30%" / "The euro area's flash
        # estimate was 2.1%", both on pages about the UK, were a conflict; "said he would
        # decide on Tuesday" corroborated "... in the deciding set").
        shared_ents = shared_ents - lent
    # Related only through the topic: no shared name the claims say themselves.
    lent_only = bool(lent) and lent.issuperset(sim.shared_entities)
    # A country lent as a page's topic ties no two stories: two bus crashes in India on
    # one day, each "carrying 50 passengers", killed 12 and 7 (a review: an error).
    tie = lent_only and narrow_topic(sim.shared_entities, lexicon)
    # (Asked only where it can tell: at `same_fact` and over, the pair is one fact anyway.)
    tied = tie and score < th.same_fact and tied_by_figure(a, b, fa, fb, sim)
    if (lent_only and (score < th.same_fact or len(sim.shared_frame) < 2) and not tied) or (
            # (`guesses_only` asked only when the first shared name may be a guess: most
            # pairs share a known name, first in order, and the generator is not made.)
            bool(sim.shared_entities) and sim.shared_entities[0].startswith(UNKNOWN_PREFIX)
            and guesses_only(sim.shared_entities) and two_stories(a, b, sim.shared_entities)
            and not same_day_of(fa.events, fb.events)):
        return _verdict("unrelated", None, round(1 - score, 3), score,
                        {"similarity": round(score, 3),
                         "shared_entities": list(sim.shared_entities),
                         "shared_words": list(sim.shared_frame)})
    spec_ents = sorted(shared_ents) if shared_ents else []
    spec_words = sorted(shared_words) if shared_words else []
    details: dict[str, Any] = {"similarity": round(score, 3),
                               "shared_entities": list(sim.shared_entities),
                               "shared_words": list(sim.shared_frame)}
    # Two descriptions of one subject ("X is a dog" / "X is an actress") answer one question.
    described = bool(a.description and b.description
                     and a.description.subject == b.description.subject)
    same_fact = score >= th.same_fact or len(spec_ents) >= 2 or described or tied or (
        bool(spec_ents) and bool(spec_words)) or (
        bool(sim.shared_frame) and same_day_of(fa.events, fb.events)) or (
        corrects(a, b) and bool(sim.shared_frame)) or (
        bool(a.quantities) and bool(b.quantities) and (
            counted_alike(fa.counts_done, fb.counts_done)
            or tolls_alike(a, b, fa.fates, fa.counted, fb.fates, fb.counted)
            or measured_alike(fa.measure_words, fb.measure_words)))
    if not sim.shared_entities or not (same_fact or spec_ents or told_twice(a, b, fa, fb)):
        if not sim.shared_entities and (spelt := spelt_apart(a, b)):  # "Lindley" / "Lindsey"
            return _verdict("conflict", "spelling", SPELT_APART, score, {**details, "names": spelt})
        # Unrelated whatever the slots say: they are not compared (a fifth of the pairs).
        return _verdict("unrelated", None, round(1 - score, 3), score, details)
    if (coded := coded_apart(a, b)) is not None:  # "Flight AS2271" / "Flight AS2217"
        return _verdict("conflict", "number", CODED_APART, score,
                        {**details, "quantities": [list(coded)]})
    # (Most pairs name no measure or no fate on one side: no call to find that out.)
    if (fa.measures and fb.measures
            and measures_differ(fa.measures, fb.measures, a.tokens, b.tokens)) \
            or (fa.fates and fb.fates and fates_differ(fa.fates, fb.fates)) \
            or (bool(fa.measures) != bool(fb.measures) and bool(a.quantities)
                and bool(b.quantities) and changes_apart(a, b, fa, fb)) \
            or (fa.outcomes and fb.outcomes
                and outcomes_differ(fa.outcomes, fb.outcomes, a.tokens, b.tokens)):
        # Two measures of one entity ("maize harvest" / "wheat harvest", "revenue" /
        # "operating profit"), or people of two fates ("killed" / "injured"): two facts,
        # whatever their figures say.
        return _verdict("unrelated", None, 0.5, score, details)
    # Most pairs have no figures on one side: no call to find nothing to compare.
    q_agree, q_conflict = quantities_compared(a, b, fa.when, fb.when, fa.figures_of,
                                              fb.figures_of) \
        if a.quantities and b.quantities and not moments_apart(fa.moments, fb.moments) \
        else ([], [])
    if (q_agree or q_conflict) and bool(fa.fates) != bool(fb.fates):
        # Counts of people one claim says something befell and the other not ("Three
        # passengers were taken to hospital with minor injuries" / "had 68 passengers ... on
        # board"): two groups (desk probe Q: an error-level conflict).
        q_agree, q_conflict = uncounted(a, q_agree), uncounted(a, q_conflict)
    if q_conflict:
        q_agree, q_conflict = answered_beside(a, b, q_agree, q_conflict)
    if (q_agree or q_conflict) and capacity_against_count(a, b):
        return _verdict("unrelated", None, 0.5, score, details)  # "can carry up to 236"
    # (Most pairs give no date on one side: no call to find no "since" in them.)
    since = starts_apart(a, b) if a.dates and b.dates else []
    if (q_conflict and two_facts(a, b, q_conflict, since, score, lexicon)) \
            or owners_apart(fa.owned, fb.owned):
        # People of two ages ("Among voters aged 18 to 24" / "Among people aged 65 and
        # over"), a whole and a part a hundred times smaller (`scales_apart`), or one thing
        # of two owners ("Sable Ridge's shares" / "Kestrel's shares"): two facts, whatever
        # else they say (the 61 pages, desk probe S: error-level conflicts).
        return _verdict("unrelated", None, 0.5, score, details)
    if since and records_told_apart(a, b):
        return _verdict("unrelated", None, 0.5, score, details)  # two records
    d_agree, d_conflict = dates_compared(a, b, fa.events, fb.events)
    if since and not q_conflict and not d_conflict:
        d_conflict = since  # one state or record, begun at two times
    if not d_agree and not d_conflict and a.dates and b.dates:
        d_conflict = bounds_apart(a, b)  # a deadline and a date after it
    if d_conflict and not q_conflict and picked_apart(a.text, b.text):
        return _verdict("unrelated", None, 0.5, score, details)  # "its most recent Verhulst"
    slots_agree = len(q_agree) + len(d_agree)
    if not (same_fact or slots_agree > 0):
        return _verdict("unrelated", None, round(1 - score, 3), score, details)
    if a.quantities and b.quantities and not a.dates and not b.dates and of_its_day(a) \
            and of_its_day(b) and told_apart(fa.told, fb.told):
        # Two days' trading, decisions or trips, told on pages days apart and dated by
        # nothing else (`marketdays`): two events, their figures alike or not ("voted 7-2"
        # in May, "voted 6-3" in November; two ships of one name "carrying ... 31 crew"
        # months apart: desk probe Q5, error-level conflicts and a corroboration).
        return _verdict("unrelated", None, 0.5, score, details)
    if q_conflict and not d_conflict and told_apart(fa.told, fb.told) and dates_compared(
            a, b, fa.events + fa.told, fb.events + fb.told)[1]:
        # Told days apart, two figures may be two events ("announced on Monday it would
        # cut 300 jobs" / "announced on Friday ... 450", months later): no conflict, nor
        # one fact. The day of a telling dates nothing else: the same figure said a week
        # apart ("the budget is $200 million, officials said on Monday") is one fact (a
        # CI probe: an error-level date conflict between two identical sentences).
        return _verdict("unrelated", None, 0.5, score, details)
    strict = sim.frame >= th.strict_frame and sim.entities >= th.strict_frame
    # Evidence strength: overall overlap plus specific anchors (capped).
    # (min() written out: two calls a related pair.)
    anchors = len(spec_ents) + len(spec_words)
    base = score + 0.12 * (anchors if anchors < 4 else 4)
    base = base if base < 1.0 else 1.0
    # Coverage is a second pass over both claims' keys: only a non-strict polarity clash
    # reads it here; a corroboration (same polarity) computes it below.
    polarity_cover = pair_coverage(a, b, fa, fb, stats) if a.polarity != b.polarity and not strict \
        else 0.0
    ev = Evidence(fa, fb, sim, spec_ents, spec_words, strict, base, polarity_cover, q_agree,
                   q_conflict, d_conflict)
    found = conflict(a, b, ev, lexicon, details)
    if found and market_move(a) and market_move(b) \
            and told_apart(fa.told or fa.events, fb.told or fb.events):
        # Two days' prices or moves ("Brent crude rose 0.9% to $71.20 a barrel" on 11 March,
        # "... was down 1.1% at $81.40 a barrel" on 7 May): a move that names no day is its
        # page's (`marketdays`; desk probe Q: four error-level conflicts).
        return _verdict("unrelated", None, 0.5, score, details)
    if found and lent_only and not tie:
        # No error from a guess: two pages lent one country ("Police said 30 people were
        # arrested" / "... 300 people were arrested", two stories from Nigeria) may tell two
        # facts alike (a review). A narrower name lent to both (a union, a club, a bank)
        # ties pages of one story: their claims contradict, unless the pages are days apart
        # (`timing.topic_tied_apart`; desk probe U: "an increase of 8%" / "a rise of 10 per
        # cent", "due on 5 November" / "announced on 6 November" were dropped).
        return _verdict("unrelated", None, 0.5, score, details)
    if found:
        conf = calibrate("conflict", found[1]) if calibrated else found[1]
        return _verdict("conflict", found[0], round(conf, 3), score, details)
    if a.polarity != b.polarity or q_conflict or d_conflict or not sim.shared_frame \
            or opposites(a, b, lexicon, ev) or currencies_apart(fa.currencies, fb.currencies) \
            or figures_apart(a, b) or bare_counts_apart(a, b) or times_apart(a, b) \
            or measures_apart(a, b) or rankings_clash(fa.rankings, fb.rankings) \
            or a.correction or b.correction or names_apart(a, b, lexicon):
        # Disagreeing slots or words we could not pin down ("rose" and "fell" about two
        # things; sums in two currencies; figures of which none is the other's, as a
        # forecast's "about 600" and the outcome's "710"; or counts of nothing named that
        # differ beside a figure that agrees, or clock times that differ; or two things
        # named in one place: "aboard a Vega-C" / "aboard an Ariane 6"), or nothing said in
        # common: no confirmation. Nor is a correction note, which reports what was wrongly
        # said.
        return _verdict("unrelated", None, 0.5, score, details)
    if not slots_agree and (figure_against_date(a, b) or figure_against_date(b, a)):
        # A figure the other claim does not give against a date the first does not give:
        # nothing of either is confirmed ("That was £7.2bn more than the Office for Budget
        # Responsibility had forecast" / "The OBR last updated its forecasts in April": desk
        # probe Q2, corroborated by the shorter claim's two words).
        return _verdict("unrelated", None, 0.5, score, details)
    cover = pair_coverage(a, b, fa, fb, stats)
    # Who (two shared entities, one of them specific) and what (a specific shared word);
    # figures, when both give some, agree on one at least (above: "employs 3,200 people at
    # its plant" / "plans to cut 300 jobs at its plant" are related, not one fact).
    # (A name lent as the page's topic is no one's second name: "only 61% said they were
    # certain to vote", lent Reform UK, met "The Conservatives and Reform UK voted ...".)
    named = len(sim.shared_entities) - (len(lent.intersection(sim.shared_entities)) if lent
                                        else 0)
    triangle = named >= 2 and bool(spec_ents) and bool(spec_words)
    # One thing counted and done, the same count ("will cut 1,200 jobs" / "said it would cut
    # 1,200 jobs, about 4% of its workforce, ..."), is one fact told twice.
    # Related through the page's topic alone, a figure both give and two specific words in
    # common confirm too: "Wind at the time was from the west at 18 knots, gusting to 27
    # knots" / "Wind was gusting up to 27 knots at the time of the landing" (desk probe Q;
    # the lent name is no anchor, and "Wind" was one only as a guessed name).
    if not (cover >= th.coverage or (slots_agree and (spec_ents or (
            lent_only and q_agree and len(spec_words) >= 2) or (
            q_agree and counted_alike(fa.counts_done, fb.counts_done)))) or (
            triangle and cover >= th.coverage / 4) or figures_alike(q_agree)):
        # Related, but one claim says things the other does not: not a confirmation.
        return _verdict("unrelated", None, 0.5, score, details)
    details["coverage"] = round(cover, 3)
    if q_agree:
        details["quantities"] = [list(p) for p in q_agree]
    if d_agree:
        details["dates"] = [list(p) for p in d_agree]
    details["anchors"] = spec_ents + spec_words
    hedged = 0.8 if "hedged" in (a.modality, b.modality) else 1.0
    conf = logistic(5 * (base - 0.5) + 0.6 * min(slots_agree, 2)) * hedged
    if calibrated:
        conf = calibrate("corroboration", conf)
    return _verdict("corroboration", "agree", round(conf, 3), score, details)
