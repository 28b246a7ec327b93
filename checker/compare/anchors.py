"""What makes two claims one fact: specific names and words in common, when the claims
say enough else alike (`named_and_worded`); and when none anchor them, pages of one story,
where its name is in every claim and specific to none (`one_story`), or two figures that
agree (`agreed_twice`). `clash.conflict` asks, for a figure or a date that would otherwise
conflict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.compare.facts import ClaimFacts
from checker.compare.similarity import Similarity
from checker.compare.slots import moments_apart, quantities_compared
from checker.compare.stories import lent_topic
from checker.nlp import word_stem
from checker.normclaim import SOURCE, NormClaim, given_only

if TYPE_CHECKING:  # clash defines it and imports this module
    from checker.compare.clash import Evidence


# One specific name and one specific word in common anchor a pair that says this much
# alike at least: below it, the two say too little else in common for their figures to
# answer one question ("UK house prices fell 0.4% ... to an average of £285,310" / "the
# UK's 3.2% is above the euro-area average", similarity 0.25; "Power sector emissions
# fell ..., down 14%" / "Global greenhouse gas emissions rose 0.8%", 0.39; "Leclerc's
# second stop took 2.3 seconds" / "Leclerc's lead had grown to 11.8 seconds", 0.39: three
# error-level conflicts in the probes' pages, and no planted conflict lost; the eval pairs
# and the generated corpus unchanged). More anchors, or a closer pair, still anchor.
THIN_ANCHOR = 0.4


def named_and_worded(ev: Evidence) -> bool:
    """Whether specific names and words in common anchor the pair (`THIN_ANCHOR`)."""
    if not ev.spec_ents or not ev.spec_words:
        return False
    a, b = ev.fa.claim, ev.fb.claim
    if (a.quantities and b.quantities and len(ev.spec_ents) == 1
            and all(measured_name(c, e) for c in (a, b) for e in ev.spec_ents)):
        return False  # see measured_name
    return len(ev.spec_ents) + len(ev.spec_words) > 2 or ev.sim.combined >= THIN_ANCHOR \
        or _word_is_the_sum(ev)


def measured_name(c: NormClaim, eid: str) -> bool:
    """Every mention of the entity in the claim is what a figure of it measures ("41 million
    tonnes of CO2"): a substance, not whose figure it is. Two claims sharing only that
    name have no anchor ("Power sector emissions fell to 41 million tonnes of CO2" /
    "Global greenhouse gas emissions rose 0.8% ... to 53.2 billion tonnes of CO2
    equivalent": an error-level conflict of the 101 pages, 0.401 over `THIN_ANCHOR`)."""
    figures = tuple(f"{q.text} of " for q in c.quantities if q.kind == "measure")
    starts = [m.start - c.span[0] for m in c.mentions if m.id == eid]
    return bool(figures) and bool(starts) and all(c.text.endswith(figures, 0, s) for s in starts)


def _word_is_the_sum(ev: Evidence) -> bool:
    """The one specific word in common is what both disagreeing figures are ("paid a fee of
    £51m for Eberechi Eze" / "The winger's £60m fee, agreed after weeks of talks ...":
    similarity 0.31, a true conflict the bar lost, a review)."""
    if not ev.q_conflict:
        return False
    words = set(ev.spec_words)
    return not words.isdisjoint(_sums(ev.fa, [x for x, _ in ev.q_conflict])) \
        and not words.isdisjoint(_sums(ev.fb, [y for _, y in ev.q_conflict]))


def _sums(f: ClaimFacts, texts: list[str]) -> set[str]:
    """Stems of what the claim's figures `texts` are: their nouns, or a noun naming a sum
    before a figure ("a fee of": `figures.sums_named`, read into `counts_done`)."""
    out = {word_stem(q.noun) for q in f.claim.quantities if q.text in texts and q.noun}
    return out | {w for w, kind in f.counts_done if kind == "of"}


def one_story(a: NormClaim, b: NormClaim, ev: Evidence) -> bool:
    """Claims of pages about one story, where its name is in most claims and specific to
    none, that share the name, two specific words and most of what they say: "Corvane
    agreed to pay a break fee of £42m" / "a £52m break fee" (desk probe R: a desk's two
    pages of one story anchored no figure). Not when one names someone specific the other
    does not ("chief executive Ruth Akers will receive £3.2m" / "finance director will
    receive £1.1m": a review); where it was told ("the bank said in Karachi") names no one."""
    # A figure both give lowers the bar: "The hammer price was $84 million, after a bidding
    # battle of about 11 minutes between four bidders" / "Three bidders competed for the
    # work, which was hammered down at $84m" (desk probe S: similarity 0.46).
    bar = _ONE_STORY_TIED if ev.q_agree else _ONE_STORY
    if not ev.sim.shared_entities or len(ev.spec_words) < 2 or ev.sim.combined < bar:
        return False
    apart = ev.fa.spec_entities ^ ev.fb.spec_entities
    # A page's topic lent to a claim is no one it names (desk probe S: "New York", lent).
    return not apart or apart <= _tellers(a) | _tellers(b) | lent_topic(a) | lent_topic(b)


_ONE_STORY = 0.5
_ONE_STORY_TIED = 0.4


def tied_by_figure(a: NormClaim, b: NormClaim, fa: ClaimFacts, fb: ClaimFacts,
                   sim: Similarity) -> bool:
    """Two claims related through their pages' topic alone that give one figure alike and
    say two words in common: "The hammer price was $84 million, after a bidding battle ...
    between four bidders" / "Three bidders competed for the work, which was hammered down
    at $84m" (desk probe S: never compared, as no name of their own anchors them)."""
    if not (a.quantities and b.quantities) or len(sim.shared_frame) < 2 \
            or moments_apart(fa.moments, fb.moments):
        return False
    return bool(quantities_compared(a, b, fa.when, fb.when, fa.figures_of, fb.figures_of)[0])


def _tellers(c: NormClaim) -> set[str]:
    """The names a claim has only as who or where it was told."""
    return given_only(c.mentions, _TELLING)


_TELLING = frozenset({SOURCE})


def agreed_twice(ev: Evidence, a: NormClaim, b: NormClaim) -> bool:
    """Two figures or more agree between claims naming one specific thing: one fact in
    other words, whose disagreeing figure of another kind is a conflict ("Full Throttle
    Road was fourth with $9.2 million, ... past $200 million" / "finished fifth, with
    $9.2m, and has now passed $200m": desk probe R, the words in common none)."""
    if len(ev.q_agree) < 2 or not ev.spec_ents:
        return False
    # ... and the disagreeing figures say they count one thing ("fourth" / "fifth" place),
    # not "a five-year contract" / "six years in Germany".
    nouns_a = {q.text: q.noun for q in a.quantities}
    nouns_b = {q.text: q.noun for q in b.quantities}
    return any(nouns_a.get(x) and nouns_a.get(x) == nouns_b.get(y) for x, y in ev.q_conflict)
