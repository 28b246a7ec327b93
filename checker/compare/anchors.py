"""What makes two claims one fact: specific names and words in common, when the claims
say enough else alike (`named_and_worded`); and when none anchor them, pages of one story,
where its name is in every claim and specific to none (`one_story`), or two figures that
agree (`agreed_twice`). `clash.conflict` asks, for a figure or a date that would otherwise
conflict."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    return len(ev.spec_ents) + len(ev.spec_words) > 2 or ev.sim.combined >= THIN_ANCHOR


def one_story(a: NormClaim, b: NormClaim, ev: Evidence) -> bool:
    """Claims of pages about one story, where its name is in most claims and specific to
    none, that share the name, two specific words and most of what they say: "Corvane
    agreed to pay a break fee of £42m" / "a £52m break fee" (desk probe R: a desk's two
    pages of one story anchored no figure). Not when one names someone specific the other
    does not ("chief executive Ruth Akers will receive £3.2m" / "finance director will
    receive £1.1m": a review); where it was told ("the bank said in Karachi") names no one."""
    if not ev.sim.shared_entities or len(ev.spec_words) < 2 or ev.sim.combined < _ONE_STORY:
        return False
    apart = ev.fa.spec_entities ^ ev.fb.spec_entities
    return not apart or apart <= _tellers(a) | _tellers(b)


_ONE_STORY = 0.5


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
