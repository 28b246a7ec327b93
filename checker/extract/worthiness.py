"""Check-worthiness: a transparent score in [0, 1] from named features.

score = sigmoid(BIAS + sum of the weights of the features present). The features are
recorded in the claim file, so an editor sees why a statement was (or was not) kept.
"""

from __future__ import annotations

import math
import re

from checker.textutil import fold

WEIGHTS: dict[str, float] = {
    "number": 1.2,
    "date": 0.8,
    "known-entity": 0.8,
    "name": 0.5,
    "factual-verb": 0.8,
    "attribution": 0.3,
    "correction": 1.5,
    "opinion": -1.2,
    "question": -2.0,
    "advice": -1.0,
    "prediction": -0.4,
    "first-person": -0.4,
    "too-short": -1.5,
    "fragment": -0.8,
}
BIAS = -1.0

FACTUAL_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|became|becomes|remains|made|makes|put|puts|"
    r"signed|signs|launched|launches|announced|announces|said|says|reported|reports|rose|"
    r"fell|grew|dropped|increased|decreased|declined|reached|recorded|won|lost|built|"
    r"joined|includes?|included|delivered|delivers|developed|carried|carries|held|holds|"
    r"agreed|approved|established|founded|launched|owns|owned|employs|employed|accounts?|"
    r"accounted|amounted|totalled|totaled|ranked|dominates?|dominated|supplied|supplies|"
    r"imported|exported|invested|met|visited|opened|closed|took|takes|gave|gives|"
    r"\w{3,}ed)\b",
    re.IGNORECASE,
)
OPINION_RE = re.compile(
    r"\b(?:i\s+think|we\s+think|believe|believes|feel|feels|great|greatest|best|worst|"
    r"wonderful|amazing|astounding|terrible|awesome|beautiful|ugly|shameful|should|ought|"
    r"in\s+my\s+view|in\s+our\s+view|opinion|arguably|undoubtedly|clearly|obviously|"
    r"hopefully|unfortunately|fortunately|a\s+lot\s+more|it\s+is\s+time|need\s+to|needs\s+to)\b",
    re.IGNORECASE,
)
ADVICE_RE = re.compile(r"^(?:please\s+|let's\s+|let\s+us\s+|do\s+not\s+|don't\s+|make\s+sure|"
                       r"remember|try|consider|click|visit|read|watch|join|follow|subscribe)\b",
                       re.IGNORECASE)
FIRST_PERSON_RE = re.compile(r"\b(?:I|we|our|us|my|me)\b")


def features(sentence: str, *, has_number: bool, has_date: bool, known_entities: int,
             names: int, attributed: bool, future: bool, correction: bool) -> list[str]:
    """The named features present in a candidate sentence."""
    text = fold(sentence).strip()
    words = text.split()
    found: list[str] = []
    if has_number:
        found.append("number")
    if has_date:
        found.append("date")
    if known_entities:
        found.append("known-entity")
    elif names:
        found.append("name")
    if FACTUAL_VERB_RE.search(text):
        found.append("factual-verb")
    elif len(words) < 12:
        found.append("fragment")
    if attributed:
        found.append("attribution")
    if correction:
        found.append("correction")
    if OPINION_RE.search(text):
        found.append("opinion")
    if text.rstrip('"\')').endswith("?"):
        found.append("question")
    if ADVICE_RE.match(text.lstrip('"(')):
        found.append("advice")
    if future and not has_date:
        found.append("prediction")
    if FIRST_PERSON_RE.search(text):
        found.append("first-person")
    if len(words) < 5:
        found.append("too-short")
    return found


def score(found: list[str]) -> float:
    """Logistic score of the features, rounded for stable files."""
    total = BIAS + sum(WEIGHTS[f] for f in found)
    return round(1.0 / (1.0 + math.exp(-total)), 3)
