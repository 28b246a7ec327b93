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

from checker import rx
from checker.extract.cues import Cue, must_lower_twin, tokens
from checker.extract.gates import Gates
from checker.extract.stance import CORRECTION_CUES, is_future
from checker.textutil import fold

WEIGHTS: dict[str, float] = {
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
BIAS = -1.0
# A row of figures written as prose: a short label, a colon and a figure first ("Turnout:
# 71%", "Vote in favour: 91.7%", "Russia: $109 billion, up 24%"). A table's row states a
# fact without a verb or a full stop: neither a fragment nor too short (a probe: a "Key
# figures" list scored 0.109 and was dropped).
FIGURE_ROW_RE = rx.compile(
    r"[A-Za-z][\w'&()/ -]{0,60}?:\s+(?:[$\u00a3\u20ac\u00a5\u20b9]\s?)?\d"
    r"(?:[^.!?;:]|\.(?=\d))*$")  # decimal points, not a full stop
# A results table's row without a colon: a measure's name, then a sum or a change ("Revenue
# £4.82bn (Q3 2025: £4.51bn), up 6.9%", "Like-for-like sales up 4.2%"). A trading
# statement's highlights are written so; one scored 0.289 as a too-short fragment (a desk
# probe). A currency sign or "up"/"down" right before the figure tells a row from a title.
FIGURE_CHANGE_ROW_RE = rx.compile(
    r"[A-Za-z][\w'&/ -]{0,60}?\s(?:(?:up|down)\s+(?:by\s+)?)?[$\u00a3\u20ac\u00a5\u20b9]?"
    r"(?<=[\s$\u00a3\u20ac\u00a5\u20b9])(?<!\s\s)\d(?:[^.!?;]|\.(?=\d))*$")
_ORDER = {name: i for i, name in enumerate(WEIGHTS)}

# Verbs of events, changes, measures and membership: what records and documents can confirm.
# A verb counts in each of its forms: the past participle of the perfect and the passive
# ("has risen", "has not conceded", "was named"), the base form after do-support ("did not
# raise", _factual_after_do). Acts that put something on the record (declaring, conceding,
# naming, cancelling, revoking) are events like signing and resigning; so are a court's
# and a party's acts ("did not admit wrongdoing", "will appeal", "upheld the verdict": a
# desk probe's court story scored 0.45 and was dropped), and so is what caused an accident
# (desk probe Q: investigators' "may have contributed to the excursion" scored 0.45).
FACTUAL_VERBS = Cue(
    """
    sign signs signed launch launches launched announces announced held holds met meets
    visits visited agreed approves approved delivers delivered develops developed deployed
    inducted establishes established founded built builds joins joined won wins lost loses
    rose rises fell falls grew grows increased decreased declined dropped doubled tripled
    halved reaches reached records recorded totals totalled totaled amounts amounted account
    accounts accounted ranked ranks imports imported exports exported invests invested supply
    supplies supplied bought buys sold sells paid pays employ employs employed own owns owned
    include includes included participated attended proposed arrived flew landed carried
    carries killed died injured wounded tested struck strikes hit hits beat beats erupted
    collapsed crashed elected appointed resigned hosted opened closed
    released published
    issued notified awarded funded operate operates operated produced produces completed
    started began ended became becomes prohibit prohibits prohibited banned bans require
    requires required dominate dominates dominated surpassed exceeded recovered turned put
    puts received acquired merged partnered collaborated negotiated borrowed lent cut raised
    hit member members located based born scheduled planned consist consists consisted
    passed voted adopted ruled sentenced convicted arrested charged sued fined grossed earned
    spent cost costs worth valued
    risen fallen grown begun beaten flown
    declare declares declared concede concedes conceded name names named nominate nominates
    nominated dismiss dismisses dismissed suspend suspends suspended cancel cancels cancelled
    canceled postpone postpones postponed withdraw withdraws withdrew withdrawn ratify
    ratifies ratified veto vetoes vetoed impose imposes imposed allocate allocates allocated
    evacuate evacuates evacuated detain detains detained deport deports deported seize seizes
    seized capture captures captured reject rejects rejected repeal repeals repealed revoke
    revokes revoked grant grants granted score scores scored
    admit admits admitted appeal appeals appealed settle settles settled plead pleads
    pleaded acquit acquits acquitted overturn overturns overturned uphold upholds upheld
    deny denies denied testify testifies testified
    caused contribute contributes contributed
    diagnosed enrolled randomised randomized
    """,
    # A study's finding: "ten years of night work was associated with a hazard ratio of
    # 1.45" (desk probe L: 0.45 once "HR 1" was no name, and dropped).
    [r"rolled\s+out", r"made\s+up", r"makes\s+up", r"dates\s+back",
     r"associated\s+with", r"linked\s+(?:to|with)",
     # a company's acts told in the present ("Telvio is appealing that fine", "has set up a
     # helpline": desk probe R's lines under the threshold); not "the offer is appealing."
     r"is\s+appealing\s+(?:the|that|this|its|their|a|an|against)",
     r"are\s+appealing\s+(?:the|that|this|its|their|a|an|against)",
     r"has\s+set\s+up", r"have\s+set\s+up", r"had\s+set\s+up"],
)
_AUXILIARIES = frozenset("is are was were has have had been will would can could do does did"
                         .split())
# Linking verbs other than "be", which state as it does: "Fourteen people remain missing" is
# "are still missing" (desk probe Q5: the plural "remain", no inflected form, made it a
# too-short fragment, 0.109, and its planted conflict was lost).
_LINKING = frozenset("remain remains remained stay stays stayed".split())
_VERB_WORDS = _AUXILIARIES | _LINKING
OPINION = Cue(
    """
    believe believes feel feels great greatest wonderful amazing astounding
    terrible awesome beautiful ugly shameful should ought arguably undoubtedly
    clearly obviously hopefully unfortunately fortunately
    """,
    [r"i\s+think", r"we\s+think", r"in\s+my\s+view", r"in\s+our\s+view", r"a\s+lot\s+more",
     r"it\s+is\s+time", r"need\s+to", r"needs\s+to",
     # ... but what was hit or sold most is a measure: "Gatwick was the worst hit, with 190
     # cancellations", "the best-selling album" (desk probe W: scored 0.475 and lost)
     r"best(?![\s-]+(?:selling|sellers?|performing|paid|hit|affected))",
     r"worst(?![\s-]+(?:hit|affected|performing|paid))",
     # ... but a court's opinion is its ruling, and an opinion poll a survey ("Justice
     # Moraes, who wrote the majority opinion, said ...": a desk probe's missed line)
     r"opinion(?<!majority\sopinion)(?<!dissenting\sopinion)(?<!concurring\sopinion)"
     r"(?<!advisory\sopinion)(?<!unanimous\sopinion)(?<!legal\sopinion)"
     r"(?!\s+(?:polls?|surveys?)\b)"],
)
# Feelings and wishes: a spokesperson's hope is not a fact about the world. Congratulating
# and thanking voice one in the present ("we congratulate the team"); told in the past they
# are acts addressed to someone, on the record like a visit ("Fiala conceded defeat and
# congratulated Babis", a desk probe: the concession scored under the threshold).
SENTIMENT = Cue(
    """
    hope hopes hoped hoping glad pleased delighted happy appreciate appreciated appreciates
    welcome welcomed welcomes optimism optimistic confident enthusiasm
    enthusiastic aspiration proud congratulate congratulates wish wishes wished
    grateful
    """,
    [r"honored\s+to", r"honoured\s+to",
     # ... but a study's confidence interval, a survey's consumer confidence and a vote of
     # confidence are measured or done (desk probe Q: "a hazard ratio of 1.28, with a 95%
     # confidence interval of 1.07 to 1.40" was dropped as a feeling)
     r"confidence(?!\s+(?:intervals?|index|indicator|survey|votes?|motion|level|ratings?)\b)"
     r"(?<!consumer\sconfidence)(?<!business\sconfidence)(?<!investor\sconfidence)"
     r"(?<!of\sconfidence)(?<!no\sconfidence)(?<!no-confidence)"],
)
# Puffery and interpretation: words that grade or read meaning into facts.
EVALUATIVE = Cue(
    """
    significant significantly immense immensely meaningful substantial tremendous remarkable
    crucial vital integral cornerstone constructive promising proactive impactful
    transformative strategically underscores underscored underscoring reinforces reinforced
    reinforcing signal signals signaling signalling symbolised symbolized reflects reflecting
    groundwork potential flourish increasingly emphasised emphasized acknowledged
    conveyed stressed
    """,
    [r"forward-looking", r"new\s+heights", r"true\s+objective",
     r"strategic\s+(?:value|significance|bond)", r"mutually\s+beneficial",
     r"close\s+and\s+growing", r"align\s+well", r"aligns\s+well", r"shared\s+destiny",
     r"paving\s+the\s+way", r"yet\s+another", r"a\s+lot", r"well\s+beyond",
     r"demonstration\s+of", r"mutual\s+benefit", r"win-win", r"common\s+development",
     r"shared\s+future", r"all-weather", r"new\s+level", r"higher\s+level",
     # ... but an injury, a patient's condition or a crash are told, not graded: "suffered
     # serious burns", "in a critical condition" (a desk probe's reports scored as opinion)
     r"serious(?!\s+(?:injur\w*|burns?|condition|wounds?|head|harm|crash|accident|damage|"
     r"fraud|offences?|assault))", r"critical(?!\s+(?:condition|care|list))"],
)
# Case matters: the modal "may", not the month "May".
SPECULATION = Cue("could might can perhaps possibly probably potentially",
                  [r"may", r"not\s+necessarily"], flags=0)
# Plans reported as decided ("agreed that ... will") are facts about the decision.
DECIDED_WORDS = frozenset(
    "agreed decided decision announced signed approved confirmed said says stated".split())
ADVICE_RE = rx.compile(r"^(?:please\s+|let's\s+|let\s+us\s+|do\s+not\s+|don't\s+|make\s+sure|"
                       r"remember|try|consider|click|visit|read|watch|join|follow|subscribe|"
                       r"(?:one|the\s+best|the\s+only|another)\s+way\s+to)\b(?!-)",
                       re.IGNORECASE)
# "US" (the country) is not "us".
FIRST_PERSON_RE = rx.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
_FIRST_PERSON_WORDS = frozenset("i we our us my me".split())
# A company's guidance in its own statement: "We now expect full-year adjusted operating
# profit of between £810m and £840m." The "we" is the company, and its forecast with a
# figure is on record (the wires repeat it as "Marlow now expects ..."); a desk probe's
# release scored it 0.45 and dropped it. Only "We" opening the sentence, with a verb of
# guidance: "We think ...", "I expect ..." stay first person.
_GUIDANCE_RE = rx.compile(
    r"\W*we\s+(?:now\s+|still\s+|currently\s+|continue\s+to\s+)?"
    r"(?:expect|forecast|anticipate|project|target|guide)\b", re.IGNORECASE)


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
ENTITY_BONUS = WEIGHTS["known-entity"] + WEIGHTS["name"] + WEIGHTS["names"]


# A note on the article's own history ("An earlier version of this article said revenue
# fell"): it repeats what was wrong, so it is no claim to check, and as one it would confirm
# the very figure it retracts.
# The note may be headed as one ("Correction: An earlier version ...").
SUPERSEDED_RE = rx.compile(
    r"^\W*(?:(?:correction|clarification|editor'?s\s+note|update)\s*:\s*)?"
    r"(?:an?\s+|the\s+)?(?:earlier|previous|prior|original)\s+versions?\s+of\s+this\s+"
    r"(?:article|story|report|piece|page)\b"
    r"|^\W*(?:(?:correction|clarification|editor'?s\s+note|update)\s*:\s*)?"
    r"this\s+(?:article|story|report|piece)\s+(?:has\s+been|was)\s+"
    r"(?:corrected|updated|amended)\b", re.IGNORECASE)


_ADVICE_TWIN = must_lower_twin(ADVICE_RE)
_SUPERSEDED_TWIN = must_lower_twin(SUPERSEDED_RE)


# The phrase needles of the word cues text_features reads (bit i: the i-th cue's), for a
# caller that scans a clause's lower case text for other cues too (extract.SENTENCE_GATES).
_CUES = (FACTUAL_VERBS, OPINION, SENTIMENT, EVALUATIVE, SPECULATION)
# ... then a superseded version's words (SUPERSEDED_RE's: each of its two notes holds one,
# in ASCII text, where the lower-case twin reads it) and a correction's (stance).
_SUPERSEDED_CUES = ("version", "corrected", "updated", "amended")
CUE_GATES = Gates([*(cue.needles for cue in _CUES), _SUPERSEDED_CUES, CORRECTION_CUES])
_SUPERSEDED_BIT = 1 << len(_CUES)
CORRECTION_BIT = 1 << len(_CUES) + 1
# The four cues a feature each, with their bits of CUE_GATES, and all their words.
_TONE_CUES = (("opinion", OPINION, 2), ("sentiment", SENTIMENT, 4),
              ("evaluative", EVALUATIVE, 8), ("speculation", SPECULATION, 16))
_TONE_CUE_BITS = 2 | 4 | 8 | 16
_TONE_CUE_WORDS = frozenset().union(*(cue.words for _, cue, _ in _TONE_CUES))


def text_features(sentence: str, *, has_number: bool, has_date: bool, attributed: bool,
                  future: bool, correction: bool, cue_gates: int | None = None,
                  folded: str | None = None) -> list[str]:
    """The features that do not depend on the names in the sentence; `cue_gates` is
    CUE_GATES.mask of fold(sentence).lower() and `folded` fold(sentence), when the caller
    read them."""
    text = (fold(sentence) if folded is None else folded).strip()
    toks = tokens(text)
    # The word count is only compared with 12 and 5: thirteen words are as many as needed,
    # and the rest of the sentence is not split into words that no one reads.
    words = len(text.split(None, 12))
    found: list[str] = []
    # A row of figures is neither a fragment nor too short (read once, for short text only).
    row = words < 12 and has_number and (
        FIGURE_ROW_RE.match(text) is not None or _is_change_row(text))
    if has_number:
        found.append("number")
    if has_date:
        found.append("date")
    # A needle holds no space: the clause's mask is its stripped text's too.
    gates = cue_gates
    if FACTUAL_VERBS.found(text, toks, None if gates is None else gates & 1 != 0) \
            or _factual_after_do(text, toks):
        found.append("factual-verb")
        if _negates_an_event(text, toks):
            # a denial of an event is as checkable as the event ("The breach did not
            # include passwords" scored 0.475 and was lost, with its planted conflict)
            found.append("negation")
    elif _negates_an_event(text, toks):
        found += ["verb", "negation"]  # "didn't cause" has its verb, though no auxiliary
    elif not _VERB_WORDS.isdisjoint(toks) or not _IRREGULAR_PAST.isdisjoint(toks) \
            or any(map(_is_inflected, toks)) or ("set" in toks and _SET_VERB_RE.search(text)):
        found.append("verb")
    elif words < 12 and not row:
        found.append("fragment")
    # An event told in the past tense happened, and a record can say whether it did:
    # "Kiptoo broke the course record." (a name and a verb: 0.45), "The board declared a
    # final dividend." (0.475) were lost, each the other side of a planted denial.
    if not future and ("verb" in found or "factual-verb" in found) and _told_past(toks):
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
    if (ADVICE_RE.match(text.lstrip('"(')) if lower is None
            else _ADVICE_TWIN.match(lower.lstrip('"('))):
        found.append("advice")
    # The clause's own tense: "Fiala has not conceded defeat", split from "..., and his
    # party says it will wait for the talks", predicts nothing (the sentence's `future`
    # is the same test of the whole sentence, so a sentence's features do not change).
    if future and not (has_date or attributed or not DECIDED_WORDS.isdisjoint(toks)) \
            and is_future(text):
        found.append("prediction")
    if not _FIRST_PERSON_WORDS.isdisjoint(toks) and FIRST_PERSON_RE.search(text) and not (
            has_number and _GUIDANCE_RE.match(text)):
        found.append("first-person")
    # Short, yet a whole statement of a figure with its verb ("Turnout was 64.9%.", "There
    # were no fatalities.": desk probe S's page lost its toll of none) is no fragment; a
    # participle is no such verb ("Registered charity no. 1158422.", a page's footer).
    if words < 5 and not row and not (
            has_number and words >= 3
            and ("factual-verb" in found or not _VERB_WORDS.isdisjoint(toks))):
        found.append("too-short")
    if SUPERSEDED_RE.match(text) if lower is None else (
            gates is None or gates & _SUPERSEDED_BIT) and _SUPERSEDED_TWIN.match(lower):
        found.append("superseded")
    return sorted(found, key=_ORDER.__getitem__)


def _is_change_row(text: str) -> bool:
    """A row naming a measure and its sum or change: the figure after a currency sign or
    "up"/"down" (a bare number after words is as often a title's: "Chapter 3")."""
    m = FIGURE_CHANGE_ROW_RE.match(text)
    if m is None:
        return False
    before = text[:m.end()].split("\n")[0]
    return any(w in ("up", "down") for w in before.split()) or any(
        c in before for c in "$\u00a3\u20ac\u00a5\u20b9")


# After "did", "does" or "do" a verb is in its base form: "did not attend the summit" names
# the event "attended" does (a desk probe: denials of events scored under the threshold).
_DO_RE = rx.compile(r"\b(?:did|does|do)(?:n't|\s+not)?\s+(?:never\s+|not\s+)?([a-z]+)\b",
                    re.IGNORECASE)
_DO_WORDS = frozenset({"did", "does", "do", "didn't", "doesn't", "don't"})
_BASE_ENDINGS = ("", "s", "es", "ed", "d")


def _factual_after_do(text: str, toks: frozenset[str]) -> bool:
    """A factual verb in its base form after do-support ("did not sign", "does not own")."""
    if _DO_WORDS.isdisjoint(toks):
        return False
    words = FACTUAL_VERBS.words
    return any(base.lower() + end in words for m in _DO_RE.finditer(text)
               for base in (m.group(1),) for end in _BASE_ENDINGS)


# A denial of an event is as checkable as the event, whatever its verb: "had not requested
# aid", "did not cause a tsunami", "had no plans to sell" (a desk probe: each scored 0.426
# and was dropped). Not "will not" or "should not" (predictions, advice), nor "do not". The
# denial may be quoted: 'the government was "not involved"'.
_NEGATED_RE = rx.compile(
    r"\b(?:(?:had|has|have|was|were|is|are)(?:n't|\s+[\"\u201c]?not)\s+(?:been\s+|yet\s+|ever\s+)?"
    r"(?P<done>[a-z]+)|(?:did|does)(?:n't|\s+not)\s+(?:ever\s+)?(?P<base>[a-z]+)|"
    r"never\s+(?P<never>[a-z]+)|(?:had|has|have)\s+no\s+(?:plans?|intention)\s+(?:to|of)\b)",
    re.IGNORECASE)
_NOT_WORDS = frozenset({"not", "no", "never", "n't", "didn't", "doesn't", "hasn't", "hadn't",
                        "haven't", "wasn't", "weren't", "isn't", "aren't"})
# After "did not": no event, only a reply withheld or a state of mind.
_NOT_EVENTS = frozenset("""respond reply return comment know think believe want expect say
    elaborate disclose specify immediately expected likely known clear""".split())


def _negates_an_event(text: str, toks: frozenset[str]) -> bool:
    """A negated verb of an event: a participle after "had not"/"was not"/"never", a base
    form after "did not", or "had no plans to"."""
    if _NOT_WORDS.isdisjoint(toks):
        return False
    for m in _NEGATED_RE.finditer(text):
        word = (m.group("done") or m.group("never") or m.group("base") or "").lower()
        if word in _NOT_EVENTS:
            continue
        if not word or m.group("base") or word in _IRREGULAR_PAST or word.endswith("en") \
                or (len(word) >= 5 and word.endswith("ed")):
            return True
    return False


# Past forms without "-ed": a sentence with one has its verb, and is no fragment.
_IRREGULAR_PAST = frozenset("""led left made took gave went came ran fought stood held met sent
    spent kept brought caught told found shot quit flew threw drew broke spoke chose stole
    wrote drove began sank swam sang rang shrank sought taught thought lost won fled
    swept""".split())
# ... and "set" before what is set, after no determiner ("Ocean heat content set a record for
# the eighth consecutive year." scored 0.354 as a fragment and was lost, with a restatement:
# desk probe Q4; "A set of 12 stamps" stays one).
_SET_VERB_RE = rx.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )\bset\s+(?:a|an|the|new|its|his|her|"
                          r"their|records?|up|out|off|fire)\b", re.IGNORECASE)


def _told_past(toks: frozenset[str]) -> bool:
    """A verb of the clause in the past tense: an irregular one, or a word in -ed."""
    return not _IRREGULAR_PAST.isdisjoint(toks) or any(map(_is_past_form, toks))


@lru_cache(maxsize=1 << 16)
def _is_past_form(token: str) -> bool:
    """A regular past form ("declared", "cooperated"): not a possessive, a word in -eed
    ("indeed", "agreed" aside) nor a word in -ed that names or describes ("United States",
    "London-based", "advanced chips", "two hundred")."""
    return len(token) >= 5 and token.endswith("ed") and "'" not in token \
        and (not token.endswith("eed") or token == "agreed") and token not in _NOT_PAST


_NOT_PAST = frozenset("""hundred united based limited advanced related detailed concerned
    interested sacred naked wicked beloved kindred rugged talented skilled armed""".split())


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked of most words of a clause
def _is_inflected(token: str) -> bool:
    """A past or third-person form ("increased", "remains"): a verb, most likely."""
    if "'" in token:
        return False  # "Ukraine's" is a possessive
    return (len(token) >= 5 and token.endswith("ed")) or (len(token) >= 4 and token[-1] == "s")


def score(found: list[str], bonus: float = 0.0) -> float:
    """Logistic score of the features (plus a bonus weight), rounded for stable files."""
    return score_of(tuple(found), bonus)


@lru_cache(maxsize=4096)
def score_of(found: tuple[str, ...], bonus: float) -> float:
    """score() of a feature tuple: sentences share a few hundred combinations of features,
    and the same sum in the same order gives the same float."""
    total = BIAS + bonus + sum(WEIGHTS[f] for f in found)
    return round(1.0 / (1.0 + math.exp(-total)), 3)
