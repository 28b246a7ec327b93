"""Whether two claims of opposite polarity state opposite things, not two facts: the
negation governs what both talk about, at one time, of one subject, at one stage of a
deal, and the one does not refuse what the other denies."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from checker import rx
from checker.compare.scope import denied_of_another, narrower_denial
from checker.compare.similarity import Similarity
from checker.extract.stance import negators
from checker.lexicon import UNKNOWN_PREFIX, Lexicon
from checker.nlp import word_stem
from checker.normalize import negated_heads
from checker.normclaim import LENT_ROLES, NormClaim
from checker.textutil import fold


def opposite_statements(a: NormClaim, b: NormClaim, sim: Similarity, lexicon: Lexicon) -> bool:
    """Whether a and b (opposite polarities, one covering the other) deny each other."""
    # A word of the frame in common: a claim left with a name alone ("No deaths were
    # reported in Syria": the toll is a figure, the telling attribution) denied any claim
    # naming Syria (desk probe R: three error-level conflicts, a self-contradiction).
    return bool(sim.shared_frame) and _negation_on_shared(a, b) \
        and not _different_times(a, b) and not narrower_denial(a, b, lexicon) \
        and not denied_of_another(a, b) \
        and not stages_differ(a, b) and not _subjects_differ(a, b, lexicon) \
        and not _refused(a, b) and not _first_as_none_before(a, b) \
        and _head_said(a, b)


def objects_of(c: NormClaim, pid: str, lexicon: Lexicon) -> tuple[set[str], set[str]]:
    """Subjects before and typed objects after a predicate occurrence in a claim."""
    for p, ps, pe in c.predicates:
        if p == pid:
            subjects = {m.id for m in c.mentions if m.end <= ps}
            objects = {m.id for m in c.mentions if m.start >= pe and lexicon.entities.get(m.id)}
            return subjects, objects
    return set(), set()


_PRESENT_RE = rx.compile(r"\b(?:currently|now|today|nowadays|at\s+present|presently|"
                         r"no\s+longer|any\s*more|still)\b", re.IGNORECASE)


def _different_times(a: NormClaim, b: NormClaim) -> bool:
    """"not currently part of" vs "between 1035 and 1814 were part of": both can be true."""
    return bool((_PRESENT_RE.search(a.text) and b.dates and not a.dates)
                or (_PRESENT_RE.search(b.text) and a.dates and not b.dates))


def _negation_on_shared(a: NormClaim, b: NormClaim) -> bool:
    """The negation governs what both claims talk about ("NOT a member" vs "a member")."""
    negated = a.negated if a.polarity == "negative" else b.negated
    return bool(negated & (a.tokens | a.entities) & (b.tokens | b.entities)) or not negated


def _head_said(a: NormClaim, b: NormClaim) -> bool:
    """The other claim says the word the negation first governs (a word of the negated
    claim's frame), or what the denial is said of: "Kiptoo did not break the course record"
    denies no "The course record of 2:04:06 was set in 2021", lent Kiptoo as its page's
    topic (desk probe X: an error-level conflict and a self-contradiction, the rest of the
    frames alike); "Drink-driving deaths were not included in the release" does deny
    "Drink-driving deaths rose to 260, the release showed" (desk probe T)."""
    pos, neg = (a, b) if a.polarity == "positive" else (b, a)
    heads = negated_heads(neg.text) & neg.tokens
    return not heads or not heads.isdisjoint(pos.tokens) or _subject_said(neg, pos)


def _subject_said(neg: NormClaim, pos: NormClaim) -> bool:
    """Whether pos says a word of the negated claim's frame, or a name it names itself (no
    lent topic), from before the negation."""
    found = negators(fold(neg.text))
    cut = found[0].start() if found else len(neg.text)
    words = {word_stem(w.lower()) for w in _WORD_RE.findall(neg.text, 0, cut)}
    names = {m.id for m in neg.mentions if m.end - neg.span[0] <= cut and m.role not in LENT_ROLES}
    return not words.isdisjoint(neg.tokens & pos.tokens) or any(
        m.id in names and m.role not in LENT_ROLES for m in pos.mentions)


# A refusal of what the other claim denies: "asked for a $5 million ransom, which Telvio has
# refused to pay" / "Telvio said it had not paid and would not pay any ransom" (desk probe
# R: an error-level polarity conflict). Refusing is not read as a negation at extraction
# ("refused to comment" denies nothing), so it is set apart here.
_REFUSED_RE = rx.compile(r"\b(?:refus|declin|reject)\w*\s+to\s+([a-z]+)", re.IGNORECASE)


def _refused(a: NormClaim, b: NormClaim) -> bool:
    """The positive claim refuses to do what the negative one says was not done."""
    pos, neg = (a, b) if a.polarity == "positive" else (b, a)
    for m in _REFUSED_RE.finditer(pos.text):
        verb = word_stem(m.group(1).lower())
        # ... and does not also say it was done ("refused to pay ... but paid $2m").
        rest = pos.text[:m.start()] + " " + pos.text[m.end():]
        if verb in neg.tokens and verb not in {word_stem(w.lower())
                                               for w in _WORD_RE.findall(rest)}:
            return True
    return False


_WORD_RE = rx.compile(r"[A-Za-z]+")

# The first to do a thing, told as none before: "Ferreira is the first Portuguese rider to
# win a stage on Mont Ventoux" / "No Portuguese rider had previously won a stage on the
# Ventoux" (desk probe V: an error-level polarity conflict). Not an ordinal ("won the first
# stage"): "first" before a "to" or "for the first time".
_FIRST_TO_RE = rx.compile(r"\bfirst\b(?:\s+[\w'-]+){0,4}?\s+to\s+[a-z]|"
                          r"\bfor\s+the\s+first\s+time\b|\bmaiden\b", re.IGNORECASE)
_NONE_BEFORE_RE = rx.compile(r"\b(?:previously|before|ever|until\s+now|hitherto)\b",
                             re.IGNORECASE)


def _first_as_none_before(a: NormClaim, b: NormClaim) -> bool:
    """The positive claim tells a first, the negative one that none did it before."""
    pos, neg = (a, b) if a.polarity == "positive" else (b, a)
    return _FIRST_TO_RE.search(pos.text) is not None \
        and _NONE_BEFORE_RE.search(neg.text) is not None


def _subjects_differ(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> bool:
    """Both claims say a shared predicate of someone, and of no one in common: "Russia
    remains a member of the ISS despite tensions with China" says nothing of China's
    membership (a CI probe: a self-contradiction with "China is NOT a member of the ISS")."""
    shared = {p for p, _, _ in a.predicates} & {p for p, _, _ in b.predicates}
    for pid in sorted(shared):
        sa, _ = objects_of(a, pid, lexicon)
        sb, _ = objects_of(b, pid, lexicon)
        # Nor alike: an unknown name may be a known one spelt another way ("the Faeroes" /
        # "the Faroe Islands").
        if sa and sb and sa.isdisjoint(sb) and not any(
                fuzz.partial_ratio(x.removeprefix(UNKNOWN_PREFIX), y.removeprefix(UNKNOWN_PREFIX))
                >= _ALIKE for x in sa for y in sb):
            return True
    return False


# Entity ids this alike may name one thing spelt two ways (partial ratio, 0-100).
_ALIKE = 75

# The stages of a deal or a law, each a date of its own: agreeing is not signing, nor
# signing ratifying ("agreed the withdrawal agreement in October 2019" / "signed it in
# January 2020"; "agreed to the deal" / "never signed it"). Words of one stage are one.
_STAGES: tuple[frozenset[str], ...] = tuple(frozenset(word_stem(w) for w in group) for group in (
    ("agree",), ("sign",), ("approve", "ratify"), ("announce", "unveil"), ("propose",),
    ("negotiate",), ("complete", "close", "finalise", "finalize")))


def stages_differ(a: NormClaim, b: NormClaim) -> bool:
    """Each claim names a stage of a deal and none is the other's: two events, two dates.
    A stage that only tells ("agreed that ...", "announced that ...") dates nothing: its
    that-clause's event is what both claims date (a CI probe: "agreed that Chang'e 8 ... in
    2031 will carry" and "announced that Chang'e 8 ... in 2028 will carry" were no conflict)."""
    if _TELLS_THAT_RE.search(a.text) and _TELLS_THAT_RE.search(b.text):
        return False
    in_a = {k for k, stage in enumerate(_STAGES) if not stage.isdisjoint(a.tokens)}
    in_b = {k for k, stage in enumerate(_STAGES) if not stage.isdisjoint(b.tokens)}
    return bool(in_a) and bool(in_b) and in_a.isdisjoint(in_b)


_TELLS_THAT_RE = rx.compile(r"\b(?:agreed|agree|agrees|announced|announce|announces|"
                            r"confirmed|said|stated)\s+that\b", re.IGNORECASE)
