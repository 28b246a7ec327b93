"""The judge's readings of a pair that decide before its slots do: one fact told twice, a
page correcting itself, figures of two facts that only look like one (`verdict.judge`)."""

from __future__ import annotations

from checker.compare.endpoints import composite_against_part
from checker.compare.facts import ClaimFacts
from checker.compare.figures import change_of_another
from checker.compare.levels import level_and_change
from checker.compare.margins import gap_against_tally
from checker.compare.parts import groups_apart, scales_apart, segment_against_whole
from checker.compare.scope import national_against_local, places_apart
from checker.compare.since import figures_since, records_since
from checker.compare.slots import quantities_compared
from checker.compare.standings import places_read_apart
from checker.compare.tenors import tenors_apart
from checker.compare.tops import tops_apart
from checker.lexicon import Lexicon
from checker.nlp import word_stem
from checker.normclaim import NormClaim

# Claims worded this much alike tell one fact, their figures however far apart ("won
# £1.2m on the EuroMillions draw" / "won £11,500 ...": a review, a true conflict lost).
SAME_WORDING = 0.8


def corrects(a: NormClaim, b: NormClaim) -> bool:
    """A page's correction note about what the page says: the same document, one of the two
    a correction, both naming the same things. Its statement is one fact with it however
    common its names are in the corpus (a CI probe: with ten more sentences on the ISS,
    "china" and "iss" anchored nothing and the self-contradiction went). A sentence naming
    more ("Russia remains a member ... despite tensions with China") is another fact."""
    return a.doc == b.doc and a.correction != b.correction and bool(a.entities) \
        and a.entities == b.entities


def figures_alike(q_agree: list[tuple[str, str]]) -> bool:
    """Two figures or more of one claim each confirmed by a figure of the other ("Some
    1,200 firefighters ... backed by 14 water-bombing aircraft" / "About 1,200 firefighters
    ..., supported by 14 aircraft"): one fact told twice, whatever else either says."""
    return len({x for x, _ in q_agree}) >= 2 and len({y for _, y in q_agree}) >= 2


def uncounted(a: NormClaim, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs of figures (by a's figure first) that are no counts of people (a fate
    befalls people: "saved a break point" names none, and "14 aces" / "14 aces" are one
    count: the 55 pages' corroboration, lost)."""
    people = {q.text for q in a.quantities if q.kind == "count"
              and (q.noun is None or q.noun in _PEOPLE)}
    return [p for p in pairs if p[0] not in people]


_PEOPLE = frozenset(word_stem(w) for w in """people person civilian civilians man men woman
    women child children boy boys girl girls soldier soldiers officer officers passenger
    passengers worker workers patient patients resident residents student students
    journalist journalists migrant migrants pilot pilots firefighter firefighters climber
    climbers tourist tourists hostage hostages prisoner prisoners miner miners fishermen
    driver drivers pedestrian pedestrians cyclist cyclists protester protesters crew member
    members victim victims adult adults staff employee employees""".split())


def told_twice(a: NormClaim, b: NormClaim, fa: ClaimFacts, fb: ClaimFacts) -> bool:
    """Two figures or more of each claim, each confirmed by the other's (`figures_alike`):
    one fact however the words differ ("Revenue £4.82bn (Q3 2025: £4.51bn), up 6.9%" / "...
    after third-quarter revenue rose 6.9% to 4.82 billion pounds": desk probe C, similarity
    0.43). Asked only of claims with two figures each, two of one value."""
    if len(a.quantities) < 2 or len(b.quantities) < 2:
        return False
    # Most such pairs share no two values at all: no need to align and date their figures.
    if len({q.value for q in a.quantities} & {q.value for q in b.quantities}) < 2:
        return False
    return figures_alike(quantities_compared(a, b, fa.when, fb.when, fa.figures_of,
                                              fb.figures_of)[0])


def changes_apart(a: NormClaim, b: NormClaim, fa: ClaimFacts, fb: ClaimFacts) -> bool:
    """One claim's change is of a measure it names, the other's of what it counts
    (`figures.change_of_another`)."""
    return change_of_another(fa.measures, a.tokens, fb.change_counted) \
        or change_of_another(fb.measures, b.tokens, fa.change_counted)


def two_facts(a: NormClaim, b: NormClaim, q_conflict: list[tuple[str, str]],
               since: list[tuple[str, str]], score: float, lexicon: Lexicon) -> bool:
    """Figures that disagree as two facts' do: of two groups or places, a whole and a part,
    two periods since two starts, two instruments' terms, a level and a change, places of
    two readings, a company's part and the whole, a winner's margin and a tally, a
    composite outcome and one of its parts, counts within two cut-offs of a ranking."""
    return groups_apart(a, b, q_conflict) or places_apart(a, b, lexicon) \
        or national_against_local(a, b, lexicon) \
        or (score < SAME_WORDING and scales_apart(a, b, q_conflict)) \
        or (bool(since) and not (records_since(a) and records_since(b))
            and figures_since(a) and figures_since(b)) \
        or tenors_apart(a, b) or level_and_change(a, b, q_conflict) \
        or places_read_apart(a, b, q_conflict) or segment_against_whole(a, b) \
        or gap_against_tally(a, b, q_conflict) or composite_against_part(a, b, q_conflict) \
        or tops_apart(a, b)


def figure_against_date(a: NormClaim, b: NormClaim) -> bool:
    """a gives an amount and no date, b a date and no figure. (A rank names as much as it
    measures: "The 14th Dalai Lama lives in India" is told by "... fled to India in 1959".)"""
    return any(q.kind != "rank" for q in a.quantities) and not a.dates and bool(b.dates) \
        and not b.quantities
