"""Check-worthiness: a transparent score in [0, 1] from named features.

score = sigmoid(BIAS + sum of the weights of the features present). The features are
recorded in the claim file, so an editor sees why a statement was (or was not) kept.
Positive features are what a checker can look up (a figure, a date, a named party, an event
verb); negative ones mark what cannot be checked (opinion, feelings, puffery, speculation).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Final

from checker import rx
from checker.extract.clean_lines import word_count
from checker.extract.cues import Cue, must_lower_twin, tokens
from checker.extract.gates import Gates
from checker.extract.stance import CORRECTION_CUES, NOTE_DATE, is_future
from checker.extract.verb_forms import (
    IRREGULAR_PAST,
    PASSIVE_BY_RE,
    SET_VERB_RE,
    any_inflected,
    factual_after_do,
    negates_an_event,
    told_past,
)
from checker.extract.worthiness_cues import (
    ADVICE_RE,
    DECIDED_WORDS,
    EVALUATIVE,
    FACTUAL_VERBS,
    FIRST_PERSON_RE,
    FIRST_PERSON_WORDS,
    GUIDANCE_RE,
    OPINION,
    SENTIMENT,
    SPECULATION,
    VERB_WORDS,
)
from checker.textutil import fold

WEIGHTS: Final[dict[str, float]] = {
    "number": 1.2,
    "date": 0.8,
    "known-entity": 0.6,
    "name": 0.4,
    "names": 0.5,
    "factual-verb": 0.9,
    "verb": 0.4,
    "negation": 0.4,
    "past": 0.2,
    "attribution": 0.3,
    "correction": 1.5,
    "opinion": -1.2,
    "sentiment": -1.2,
    "evaluative": -0.8,
    "speculation": -0.8,
    "question": -2.0,
    "advice": -1.0,
    "prediction": -0.4,
    "first-person": -0.4,
    "too-short": -1.5,
    "fragment": -0.8,
    "superseded": -5.0,
    # A fact check's verdict on the claim its box quotes (`verdicts`): checked by definition.
    "rated-false": 2.0,
    "rated-true": 2.0,
}
BIAS: Final = -1.0
# A row of figures written as prose: a short label, a colon and a figure first ("Turnout:
# 71%", "Vote in favour: 91.7%", "Russia: $109 billion, up 24%"). A table's row states a
# fact without a verb or a full stop: neither a fragment nor too short (a probe: a "Key
# figures" list scored 0.109 and was dropped).
FIGURE_ROW_RE: Final = rx.compile(
    r"[A-Za-z][\w'&()/ -]{0,60}?:\s+(?:[$\u00a3\u20ac\u00a5\u20b9]\s?)?\d"
    r"(?:[^.!?;:]|\.(?=\d))*$")  # decimal points, not a full stop
# A results table's row without a colon: a measure's name, then a sum or a change ("Revenue
# £4.82bn (Q3 2025: £4.51bn), up 6.9%", "Like-for-like sales up 4.2%"). A trading
# statement's highlights are written so; one scored 0.289 as a too-short fragment (a desk
# probe). A currency sign or "up"/"down" right before the figure tells a row from a title.
FIGURE_CHANGE_ROW_RE: Final = rx.compile(
    r"[A-Za-z][\w'&/ -]{0,60}?\s(?:(?:up|down)\s+(?:by\s+)?)?[$\u00a3\u20ac\u00a5\u20b9]?"
    r"(?<=[\s$\u00a3\u20ac\u00a5\u20b9])(?<!\s\s)\d(?:[^.!?;]|\.(?=\d))*$")
# Both rows end in (?:[^.!?;]|\.(?=\d))*$ after their figure: a text ending in one of these
# (most clauses: a sentence's full stop) is neither, and is not matched (the lazy name
# before the figure made the change row's match try each of its spaces, 25,000
# instructions a clause; tests/extract/test_speed53_clean.py).
_NO_ROW_ENDS: Final = (".", "!", "?", ";")
_ORDER: Final = {name: i for i, name in enumerate(WEIGHTS)}



def features(sentence: str, *, has_number: bool, has_date: bool, known_entities: int,
             names: int, attributed: bool, future: bool, correction: bool,
             distinct_unknown: int = 0) -> list[str]:
    """The named features present in a candidate sentence.

    `names` counts every name, `known_entities` those the lexicon resolves, and
    `distinct_unknown` the different names it does not know (several mean specificity).
    """
    base = text_features(sentence, has_number=has_number, has_date=has_date,
                         attributed=attributed, future=future, correction=correction)
    return with_entities(base, known_entities, names, distinct_unknown)


def with_entities(base: list[str], known_entities: int, names: int,
                  distinct_unknown: int) -> list[str]:
    """The features of text_features plus those that come from the names found."""
    found = list(base)
    if known_entities:
        found.append("known-entity")
    if names > known_entities:
        found.append("name")
    if distinct_unknown >= 2:
        found.append("names")
    return sorted(found, key=_ORDER.__getitem__)  # one order in every claim file


def with_feature(found: list[str], name: str) -> list[str]:
    """The features with one more, in the order of every claim file."""
    return sorted([*found, name], key=_ORDER.__getitem__)


# The best the names of a sentence can add: a bound used to skip entity matching.
ENTITY_BONUS: Final = WEIGHTS["known-entity"] + WEIGHTS["name"] + WEIGHTS["names"]


# A note on the article's own history ("An earlier version of this article said revenue
# fell"): it repeats what was wrong, so it is no claim to check, and as one it would confirm
# the very figure it retracts.
# The note may be headed as one ("Correction: An earlier version ...").
SUPERSEDED_RE: Final = rx.compile(
    rf"^\W*(?:(?:correction|clarification|editor'?s\s+note|update){NOTE_DATE}\s*:\s*)?"
    r"(?:an?\s+|the\s+)?(?:earlier|previous|prior|original)\s+versions?\s+of\s+this\s+"
    r"(?:article|story|report|piece|page)\b"
    rf"|^\W*(?:(?:correction|clarification|editor'?s\s+note|update){NOTE_DATE}\s*:\s*)?"
    r"this\s+(?:article|story|report|piece)\s+(?:has\s+been|was)\s+"
    r"(?:corrected|updated|amended)\b", re.IGNORECASE)


_ADVICE_TWIN: Final = must_lower_twin(ADVICE_RE)
_SUPERSEDED_TWIN: Final = must_lower_twin(SUPERSEDED_RE)


# The phrase needles of the word cues text_features reads (bit i: the i-th cue's), for a
# caller that scans a clause's lower case text for other cues too (extract.SENTENCE_GATES).
_CUES: Final = (FACTUAL_VERBS, OPINION, SENTIMENT, EVALUATIVE, SPECULATION)
# ... then a superseded version's words (SUPERSEDED_RE's: each of its two notes holds one,
# in ASCII text, where the lower-case twin reads it) and a correction's (stance).
_SUPERSEDED_CUES: Final = ("version", "corrected", "updated", "amended")
CUE_GATES: Final = Gates([*(cue.needles for cue in _CUES), _SUPERSEDED_CUES, CORRECTION_CUES])
_SUPERSEDED_BIT: Final = 1 << len(_CUES)
CORRECTION_BIT: Final = 1 << len(_CUES) + 1
# The four cues a feature each, with their bits of CUE_GATES, and all their words.
_TONE_CUES: Final[tuple[tuple[str, Cue, int], ...]] = (
    ("opinion", OPINION, 2), ("sentiment", SENTIMENT, 4), ("evaluative", EVALUATIVE, 8),
    ("speculation", SPECULATION, 16))
_TONE_CUE_BITS: Final = 2 | 4 | 8 | 16
_TONE_CUE_WORDS: Final = frozenset().union(*(cue.words for _, cue, _ in _TONE_CUES))


def text_features(sentence: str, *, has_number: bool, has_date: bool, attributed: bool,
                  future: bool, correction: bool, cue_gates: int | None = None,
                  folded: str | None = None) -> list[str]:
    """The features that do not depend on the names in the sentence; `cue_gates` is
    CUE_GATES.mask of fold(sentence).lower() and `folded` fold(sentence), when the caller
    read them."""
    text = (fold(sentence) if folded is None else folded).strip()
    toks = tokens(text)
    # The word count is only compared with 12, 5 and 3: most clauses' words are one space
    # apart, and counted so, not split off (split(None, 12) made thirteen strings).
    words = word_count(text)
    found: list[str] = []
    # A row of figures is neither a fragment nor too short (read once, for short text only).
    row = words < 12 and has_number and not text.endswith(_NO_ROW_ENDS) and (
        FIGURE_ROW_RE.match(text) is not None or _is_change_row(text))
    if has_number:
        found.append("number")
    if has_date:
        found.append("date")
    # A needle holds no space: the clause's mask is its stripped text's too.
    gates = cue_gates
    if FACTUAL_VERBS.found(text, toks, None if gates is None else gates & 1 != 0) \
            or factual_after_do(text, toks):
        found.append("factual-verb")
        if negates_an_event(text, toks):
            # a denial of an event is as checkable as the event ("The breach did not
            # include passwords" scored 0.475 and was lost, with its planted conflict)
            found.append("negation")
    elif negates_an_event(text, toks):
        found += ["verb", "negation"]  # "didn't cause" has its verb, though no auxiliary
    elif not VERB_WORDS.isdisjoint(toks) or not IRREGULAR_PAST.isdisjoint(toks) \
            or any_inflected(toks) or ("set" in toks and SET_VERB_RE.search(text)):
        found.append("verb")
    elif words < 12 and not row:
        found.append("fragment")
    # An event told in the past tense happened, and a record can say whether it did:
    # "Kiptoo broke the course record." (a name and a verb: 0.45), "The board declared a
    # final dividend." (0.475) were lost, each the other side of a planted denial.
    # "did" is the past of its verb: "The government did not intervene in the dispute."
    # (0.45, lost with its restatement: desk probe Q6) denies a past event.
    if not future and ("verb" in found or "factual-verb" in found) and (
            told_past(toks) or "did" in toks or "didn't" in toks
            or ("by" in toks and PASSIVE_BY_RE.search(text) is not None)):
        found.append("past")
    if attributed:
        found.append("attribution")
    if correction:
        found.append("correction")
    # In an ASCII text with none of their words and none of their phrases' needles, no cue
    # of the four can be found (Cue.found): most clauses make none of their four calls.
    if gates is None or gates & _TONE_CUE_BITS or not _TONE_CUE_WORDS.isdisjoint(toks) \
            or not text.isascii():
        for name, cue, bit in _TONE_CUES:
            if cue.found(text, toks, None if gates is None else gates & bit != 0):
                found.append(name)
    if text.rstrip('"\')').endswith("?"):
        found.append("question")
    # ASCII text: the lower-case twins (cues.lower_twin) find what the patterns find.
    lower = text.lower() if text.isascii() else None
    head = (text if lower is None else lower).lstrip('"(')
    if (ADVICE_RE.match(head) if lower is None
            else _may_be_advice(head) and _ADVICE_TWIN.match(head)):
        found.append("advice")
    # The clause's own tense: "Fiala has not conceded defeat", split from "..., and his
    # party says it will wait for the talks", predicts nothing (the sentence's `future`
    # is the same test of the whole sentence, so a sentence's features do not change).
    if future and not (has_date or attributed or not DECIDED_WORDS.isdisjoint(toks)) \
            and is_future(text):
        found.append("prediction")
    if _any_of(_FIRST_PERSON, toks) and FIRST_PERSON_RE.search(text) and not (
            has_number and GUIDANCE_RE.match(text)):
        found.append("first-person")
    # Short, yet a whole statement of a figure with its verb ("Turnout was 64.9%.", "There
    # were no fatalities.": desk probe S's page lost its toll of none) is no fragment; a
    # participle is no such verb ("Registered charity no. 1158422.", a page's footer).
    if words < 5 and not row and not (
            has_number and words >= 3
            and ("factual-verb" in found or not VERB_WORDS.isdisjoint(toks))):
        found.append("too-short")
    if SUPERSEDED_RE.match(text) if lower is None else (
            gates is None or gates & _SUPERSEDED_BIT) and _SUPERSEDED_TWIN.match(lower):
        found.append("superseded")
    return sorted(found, key=_ORDER.__getitem__)


# The first words' first letters of ADVICE_RE's phrases (please, let's, let us, do not, don't,
# make sure, remember, try, consider, click, visit, read, watch, join, follow, subscribe, one
# way to, the best/only way to, another way to).
_ADVICE_FIRST_LETTERS: Final = frozenset("pldmrtcvwjfsoa")
# FIRST_PERSON_WORDS as a tuple: six set look-ups in a compiled loop, where
# frozenset.isdisjoint is a method called generically (~900 instructions a clause).
_FIRST_PERSON: Final = tuple(sorted(FIRST_PERSON_WORDS))


def _may_be_advice(head: str) -> bool:
    """Whether an ASCII clause's lower case, its opening quotes and brackets stripped, may
    open with advice (_ADVICE_TWIN can match only after a first letter of its phrases):
    most clauses open otherwise."""
    return not head or head[0] in _ADVICE_FIRST_LETTERS


def _any_of(words: tuple[str, ...], toks: frozenset[str]) -> bool:
    """not frozenset(words).isdisjoint(toks), for a few words."""
    for word in words:  # noqa: SIM110 -- any() over a generator costs twice as much here
        if word in toks:
            return True
    return False


def _is_change_row(text: str) -> bool:
    """A row naming a measure and its sum or change: the figure after a currency sign or
    "up"/"down" (a bare number after words is as often a title's: "Chapter 3")."""
    m = FIGURE_CHANGE_ROW_RE.match(text)
    if m is None:
        return False
    before = text[:m.end()].split("\n")[0]
    return any(w in ("up", "down") for w in before.split()) or any(
        c in before for c in "$\u00a3\u20ac\u00a5\u20b9")




def score(found: list[str], bonus: float = 0.0) -> float:
    """Logistic score of the features (plus a bonus weight), rounded for stable files."""
    return score_of(tuple(found), bonus)


@lru_cache(maxsize=4096)
def score_of(found: tuple[str, ...], bonus: float) -> float:
    """score() of a feature tuple: sentences share a few hundred combinations of features,
    and the same sum in the same order gives the same float."""
    total = BIAS + bonus + sum(WEIGHTS[f] for f in found)
    return round(1.0 / (1.0 + math.exp(-total)), 3)
