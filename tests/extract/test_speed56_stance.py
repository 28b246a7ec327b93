"""Speed rewrites of attribution and stance (round 56), each against the code it replaced
(kept here as the reference): the same answers on the cases that matter and on hypothesis
strings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import attribution as at
from checker.extract import cues, stance
from checker.extract.attribution_cues import TOLD_AFTER, TOLD_BITS, TOLD_VERBS, TRIED_NEEDS
from checker.extract.attribution_patterns import (
    ATTRIBUTION_RES,
    HEAD_WORDS,
    NAMED_AFTER,
    NAMED_AT_START,
    NAMED_INDEX,
)
from checker.extract.cues import tokens
from checker.nlp import ascii_words
from checker.textutil import fold, matches

_TOLD_MASK = sum(TOLD_BITS.values())


def _named_matches(sentence: str) -> Iterator[re.Match[str]]:
    """attribution._named_matches as it was: ATTRIBUTION_RES[NAMED_INDEX].finditer(sentence)
    by its two patterns."""
    first = NAMED_AT_START.match(sentence)
    if first is not None:
        yield first
    yield from matches(NAMED_AFTER, sentence, 0 if first is None else first.end())


@lru_cache(maxsize=4096)
def _tries_before(gates: int) -> tuple[tuple[re.Pattern[str], bool, re.Pattern[str] | None,
                                             bool], ...]:
    """attribution._tries before the verbs' gates (TOLD_BITS)."""
    return tuple((pattern, from_source, twin if gates != -1 else None, i == NAMED_INDEX)
                 for i, ((pattern, from_source), need, twin) in enumerate(zip(
                     ATTRIBUTION_RES, TRIED_NEEDS, at._ATTRIBUTION_TWINS, strict=True))
                 if gates & need & ~_TOLD_MASK == need & ~_TOLD_MASK)


def _attribution_before(text: str, start: int, end: int, folded: str | None = None,
                         gates: int | None = None) -> at.Attrib | None:
    """The first attribution in text[start:end], with its span; `gates` is GATES.mask of
    its lower-case text, when the caller read it (extract.SENTENCE_GATES)."""
    sentence = (fold(text) if folded is None else folded)[start:end]
    lower = sentence.lower()
    if gates is None:
        gates = at._ATTRIBUTION_GATES.mask(lower)
    if not gates & 1:
        return None
    if not sentence.isascii():
        gates = -1  # every pattern is tried (see attribution_cues)
    else:
        if gates & at._TITLE_BIT and not at._titled_name(sentence, lower):
            gates &= ~at._TITLE_BIT  # no title before a name: the title patterns cannot match
        if gates & at._PRONOUN_CUES == at._PRONOUN_CUES and (
                "'" in sentence or not at._PRONOUNS.isdisjoint(tokens(sentence))):
            gates |= at._PRONOUN_BIT  # "he said" may be told (attribution_cues.PRONOUNS)
        if gates & at._SOURCE_BIT:
            # The four patterns of a source's head were tried wherever a head's substring
            # occurs ("report" of "reported", "stud" of "students"), 20,000-70,000
            # instructions each; a head is a word (HEAD_WORDS), and in the two patterns
            # opening the sentence one of its first words.
            if HEAD_WORDS.isdisjoint(tokens(sentence)):
                gates &= ~at._SOURCE_BIT
            elif at._head_leads(lower):
                gates |= at._LEAD_BIT
    best: at.Attrib | None = None
    closing: at.Attrib | None = None
    for pattern, from_source, twin, named in _tries_before(gates):
        # In ASCII text the lower-case twin finds the same spans; the source's case is read
        # from the sentence (of the match, only its length and lower case are).
        # The first match that names a source: not "it" ("It said nothing"), not a bare
        # "The" ("The estimated cost"), not a possessive ("The IMF's forecast"). (A loop
        # here, not a function called for each pattern tried.)
        for m in matches(twin, lower) if twin is not None else \
                _named_matches(sentence) if named else matches(pattern, sentence):
            source = m.group("source").strip()
            if len(source) >= 2 and source.lower() not in at._NOT_SOURCES \
                    and not source.endswith(("'s", "\u2019s")):
                break
        else:
            continue
        begin = m.start("source") if from_source else m.start()
        lead = sentence[begin:m.end()]
        begin += len(lead) - len(lead.lstrip(' ,."\''))
        clean = at._without_lead_words(source)
        offset = len(source) - len(clean)
        src_start = start + m.start("source") + offset
        stop = at._told_where(sentence, m.end())
        cand = at._attrib(text[start + begin:start + stop],
                       at._unstopped(text[src_start:src_start + len(clean)].strip()),
                       start + begin, start + stop)
        if best is None or cand.start < best.start:
            best = cand
        # (Not "according to", which often names the source of one figure only: "Norwell
        # reported revenue of $2.17 billion, beating the estimate of $2.05 billion, according
        # to LSEG data".)
        if closing is None and begin > 0 and at._closes(sentence, stop) \
                and not cand.text.lower().startswith("according"):
            closing = cand
    # A telling that closes the sentence tells all of it: "Turkey told CNSA last month that it
    # would withdraw, two officials familiar with the matter said" is the officials' (desk
    # probe L: Turkey's).
    return closing if closing is not None and sentence[closing.start - start - 2:
                                                      closing.start - start].strip() == "," \
        else best


def _pattern_finds(i: int, text: str) -> bool:
    """Whether ATTRIBUTION_RES[i] finds a match in the text (as attribution() reads it)."""
    pattern = ATTRIBUTION_RES[i][0]
    return pattern.search(text) is not None


def _told_gates_hold(text: str) -> None:
    """Wherever a pattern of TOLD_AFTER matches an ASCII text, its bit is set."""
    if not text.isascii():
        return
    bits = at._told_bits(text, text.lower())
    for i, _, _ in TOLD_AFTER:
        if _pattern_finds(i, text):
            assert bits & TOLD_BITS[i], (i, text)


_CASES = [
    '"The opportunity is central for our community," said Mei Beteis, a spokesperson for '
    "Gaibester Energy.",
    "The study suggests that 40% of patients did not respond to the drug.",
    "The central bank forecasts growth of 1.2% in 2026.",
    "'Officials said the bridge was closed.",
    "The airline, which operates 46 aircraft, said it would cut 300 jobs.",
    "Growth was 2%, the statistics office estimates.",
    "Growth was 2%, officials in China said on Monday.",
    "Inflation rose, analysts at Goldman Sachs estimated.",
    "Revenue rose 5%, data from the ONS showed.",
    "Revenue rose 5%,the company said.",
    "LAHORE, March 3 (Reuters) - The opposition claimed that 12 were hurt.",
    "The World Meteorological Organization (WMO) said 2024 was the hottest year.",
    "The WMO (WMO)\tsaid 2024 was hot.",
    "Jamie Holt, managing director of Holt & Vance, said sales rose.",
    "Halvora, which has been awarded $1.5 billion, said it would expand.",
    "Italy's prime minister, Giorgia Meloni, said the plan would go ahead.",
    "Sales rose, the IMD said.", "Sales rose, an aide said.",
    "Sales rose, the company said's", "Acme Inc. said 3 died.", "Acme said_x 3 died.",
    "STZA said the launch would go ahead.", "Police alleged that he fled.",
    "Analysts forecast growth of 2% next year.", "The bank has also said so.",
    "Sales rose, data from   said it.", "Sales rose, data from ab  said it.",
    "The court, which sat for 3 days, found the company guilty.",
    "Reported cases rose, the researchers found.",
    "x'officials said 3 were hurt, the police said.",
    "said the ministry", "  said", "the ministry\x1csaid it", "the ministry-said it",
    "The \u212aelvin office said it was cold.", "The \u017ftudy \u017fays that 3 died.",
]


@pytest.mark.parametrize("text", _CASES)
def test_attribution_as_before(text: str) -> None:
    _told_gates_hold(text)
    assert at.attribution(text, 0, len(text)) == _attribution_before(text, 0, len(text))


def test_told_gates_turn_some_away() -> None:
    # The first case's commas and quote try none of the verb patterns; the table holds
    # matches of each.
    assert at._told_bits(_CASES[0], _CASES[0].lower()) & TOLD_BITS[2] == 0
    found = {i for text in _CASES for i, _, _ in TOLD_AFTER if _pattern_finds(i, text)}
    assert found >= {2, 3, 4, 5, 6, 13, 14, 17}


_VERBS = sorted(TOLD_VERBS) + ["says", "explains", "shown", "showing", "tells", "reckoned",
                               "denies", "denied", "believes", "believed", "wrote", "writes"]
_PARTS = _VERBS + sorted(HEAD_WORDS)[::4] + [
    "the", "a", "its", "The", "An", "Acme", "Acme Inc.", "Police", "Jamie Holt", "IMF",
    "which", "who", "whose", "that", "has", "had", "also", "earlier", "since", "of", "in",
    "by", "from", "familiar with", "people", "data", "figures", "(WMO)", "x", "3%", "big",
    "managing director", ",", ", ", '"', "'", "-", ";", ":", ".", "&", ")", "_", "'s", "  ",
    "\t", "\n", "\x1c", "\x0b", "\u212a", "\u017f", "\u0130", "\u0131", "on Monday",
    "in a statement",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=12).map(" ".join),
       st.lists(st.sampled_from(_PARTS), max_size=12).map("".join))
def test_attribution_as_before_any_text(spaced: str, joined: str) -> None:
    for text in (spaced, joined, spaced.capitalize(), ", " + spaced):
        _told_gates_hold(text)
        assert at.attribution(text, 0, len(text)) == _attribution_before(text, 0, len(text))



# Sentences where each pattern of TOLD_AFTER finds its verb ("{}") and nothing else.
_TOLD_FRAMES = {
    2: ["Acme, a big firm, {} x.", "Acme, which runs x, {} x."],
    3: ["Acme {} that growth rose.", "Acme {} growth of 3%.", "Acme {}."],
    4: ["Sales rose, the office {} that x.", "Sales rose, the office {}."],
    5: ["Sales rose, the aide {} that x.", "Sales rose, the aide {}."],
    6: ["Sales rose, Acme, {} x."],
    13: ["The office {} that growth rose.", "The office {} growth of 3%."],
    14: ["Sales rose, the office {} that growth rose.", "Sales rose, the office {} growth.",
         "Sales rose, the office {}."],
    17: ["The airline, which runs jets, {} x."],
}
# Every word the patterns spell.
_PATTERN_WORDS = sorted({w for pattern, _ in ATTRIBUTION_RES
                         for w in re.findall(r"(?<![\\?])\b[a-z]{3,}\b", pattern.pattern)})


@pytest.mark.parametrize(("i", "verbs", "comma"), TOLD_AFTER)
def test_told_after_holds_every_verb_of_its_pattern(i: int, verbs: frozenset[str],
                                                    comma: bool) -> None:
    # A verb the pattern takes and its set lacks fails here.
    frames = _TOLD_FRAMES[i]
    assert not any(_pattern_finds(i, frame.format("xyzzy")) for frame in frames)
    taken = {w for w in _PATTERN_WORDS if any(_pattern_finds(i, f.format(w)) for f in frames)}
    assert taken and taken <= verbs
    assert "said" in verbs or i == 4 and "said" in taken


# Pattern 0 ("according to") as it opened before: a (?=a) hint and \b before its literal.
_ACCORDING_BEFORE = re.compile(
    r"(?=a)\baccording\s+to\s+(?P<source>[^,.;:\"]{2,80}?)"
    r"(?=\s*(?:[,.;:\"]|$|\s+(?:which|who|that|in\s+a|as|can|is|was)\b))", re.IGNORECASE)
_ACCORDING_CASES = ["according to the IMF.", "According to SIPRI, exports rose.",
                    "xaccording to the IMF.", "_according to the IMF.", "9according to x y.",
                    "\u0130according to x y.", "ACCORD\u0130NG TO THE \u0130MF.",
                    "accord\u0131ng to the IMF, which", "(according to data from the ONS)",
                    "according  to\tthe ministry: ", "Sales rose according to it."]
_ACCORDING_TEXT = st.lists(st.sampled_from(
    ["according", "ACCORDING", "Accord\u0130ng", "accord\u0131ng", "to", "TO", " ", "  ", "\t",
     "\n", "x", "_", "9", ",", ".", ";", ":", '"', "the IMF", "which", "who", "in a", "as",
     "\u017f", "\u212a", "\u00e9", "-", "'"]), max_size=14).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, int, int]]:
    return [m.span() + m.span("source") for m in pattern.finditer(text)]


def _according_as_before(text: str) -> None:
    assert _spans(ATTRIBUTION_RES[0][0], text) == _spans(_ACCORDING_BEFORE, text)
    if text.isascii():
        lower = text.lower()
        assert _spans(at._ATTRIBUTION_TWINS[0], lower) == _spans(_ACCORDING_BEFORE, lower)


@pytest.mark.parametrize("text", _ACCORDING_CASES)
def test_according_as_before(text: str) -> None:
    _according_as_before(text)


def test_according_cases_find_some() -> None:
    assert sum(bool(_spans(_ACCORDING_BEFORE, text)) for text in _ACCORDING_CASES) >= 6


@settings(max_examples=500)
@given(_ACCORDING_TEXT)
def test_according_as_before_any_text(text: str) -> None:
    _according_as_before(text)


def _future_text_before(folded: str) -> str | None:
    """The sentence with the words that look like a plan but are none ("did not forecast",
    "its profit forecast") blanked out, offsets kept; None when it has no future cue."""
    toks = tokens(folded)
    if stance._FUTURE_WORDS.isdisjoint(toks) and not (
            "'" in folded and any(t.endswith("'ll") for t in toks)):
        lower = folded.lower()
        if " is to " not in lower and " are to " not in lower:
            return None
    if "did" in toks or "didn't" in toks or "had" in toks or "hadn't" in toks:
        # "The IMD did NOT forecast a recovery": a past act of forecasting, checkable.
        folded = stance._PAST_FORECAST_RE.sub(stance._spaced, folded)
    if "would" in toks:
        # A plan told in a clause that says why or when ("Brent gained 1.2% on Tuesday after
        # Opec+ said it would cut output": a review, planned and dated the next Tuesday).
        folded = stance._SUBORDINATE_PLAN_RE.sub(stance._spaced, folded)
    if "forecast" in toks or "forecasts" in toks:
        folded = stance._NOUN_FORECAST_RE.sub(stance._spaced, folded)
    return folded


def _future_of_folded_before(folded: str) -> bool:
    """is_future of a sentence already folded (a slice of a folded document): not folded
    again."""
    text = _future_text_before(folded)
    if text is None:
        return False
    if text.isascii():
        return stance._FUTURE_LOWER_RE.search(text.lower()) is not None
    return stance.FUTURE_RE.search(text) is not None


_FUTURE_CASES = [
    "The plant will open in 2027.", "The plant_will open in 2027.", "It will_open.",
    "Acme plans to open 40 stores.", "Acme plans  to open.", "Acme's plans to open.",
    "The launch is scheduled to take place in May.", "Growth was lower than forecast.",
    "The IMD did not forecast a recovery.", "The IMD forecasts a recovery.",
    "Its profit forecast was cut.", "Prices rose after Opec+ said it would cut output.",
    "Prices rose after Opec+ said it would have cut output.", "Acme said it would cut jobs.",
    "He said'did not forecast that it would", "x'will go", "will's", "won't go",
    "They'll go.", "The upcoming vote.", "Next year it rises.", "The target is for 92%.",
    "The \u0130MF w\u0131ll go.", "\u017fhall we go", "It is to close.", "It expects 3%.",
    "The 5will be", "It will5 be", "WILL IT", "He had forecast 3%.", "as Acme said X would go",
    "Prices rose after Acme says it would cut output.", "as Acme announced it would go.",
    "when Acme confirmed that it would go.", "while Acme said it would go.",
    "Acme plans tomorrow.", "We plan tours.", "It was scheduled today.", "plans to",
]
_FUTURE_PARTS = ["will", "WILL", "shall", "would", "said", "says", "announced", "after", "as",
                 "when", "it", "Acme", "plans", "plan", "to", "scheduled", "forecast",
                 "forecasts", "its", "profit", "did", "not", "had", "expect", "expects",
                 "upcoming", "envisages", "next", "year", "is", "set", "due", "cut", "have",
                 "be", "'ll", "'", "_", "5", ",", ".", " ", "  ", "\t", "\u0131", "\u0130",
                 "\u017f", "\u212a", "won't"]


def _future_as_before(text: str) -> None:
    assert stance.future_of_folded(text) == _future_of_folded_before(text), text
    before = _future_text_before(text)
    assert stance._future_text(text) == before, text
    for lo, hi in ((0, len(text)), (0, len(text) // 2), (len(text) // 3, len(text))):
        found = before is not None and any(
            m.start() < hi and m.end() > lo
            for m in (stance._FUTURE_LOWER_RE.finditer(before.lower()) if before.isascii()
                      else stance.FUTURE_RE.finditer(before)))
        assert stance.future_within(text, 0, len(text), lo, hi) == found, text


@pytest.mark.parametrize("text", _FUTURE_CASES)
def test_future_as_before(text: str) -> None:
    _future_as_before(text)


def test_future_cases_plan_some() -> None:
    assert sum(map(_future_of_folded_before, _FUTURE_CASES)) >= 12


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_FUTURE_PARTS), max_size=12).map(" ".join),
       st.lists(st.sampled_from(_FUTURE_PARTS), max_size=12).map("".join))
def test_future_as_before_any_text(spaced: str, joined: str) -> None:
    _future_as_before(spaced)
    _future_as_before(joined)
    _future_as_before(spaced.capitalize())


def _tokens_before(text: str) -> frozenset[str]:
    """cues.tokens as it was: read in the lower case text."""
    lower = text.lower()
    if "'" in lower:
        return frozenset(cues._TOKEN_RE.findall(lower))
    if lower.isascii():
        return frozenset(ascii_words(lower))
    return frozenset(cues._RUN_RE.findall(lower))


@pytest.mark.parametrize("text", ["The \u212aelvin", "\u212a", "\u0130stanbul", "A'B", "x",
                                  "ABC def", "It's", "\u212a'\u212a", "\u00e9t\u00e9 DU", ""])
def test_tokens_as_before(text: str) -> None:
    assert cues.tokens.__wrapped__(text) == _tokens_before(text)


@settings(max_examples=500)
@given(st.text(alphabet="aZkK'\u212a\u0130\u0131\u017f\u00e9 9_-.\t", max_size=30))
def test_tokens_as_before_any_text(text: str) -> None:
    assert cues.tokens.__wrapped__(text) == _tokens_before(text)


def _hedged_before(folded: str) -> bool:
    """Whether stance.HEDGE_RE.search(folded) finds a hedge."""
    if not folded.isascii():
        return stance.HEDGE_RE.search(folded) is not None
    # Its branches but the case-sensitive "may" in the lower case text, or that "may".
    return stance._MAY_RE.search(folded) is not None or \
        stance._HEDGE_LOWER_RE.search(folded.lower()) is not None


_HEDGE_CASES = ["Acme said 3 died.", "He is said to be ill.", "He is said  to\tbe ill.",
                "He is Said To Be ill.", "He is said_to be ill.", "x_said to be", "Xsaid to be",
                "Xsaid to be, he said.", "9said to be, he said.",
                "He said to bed.", "It may rise, he said.", "In May, he said.", "may's said",
                "He said's to be", "Acme said it could rise.", "Acme said it_could rise.",
                "Profits likely rose.", "He said they seem to agree.", "it is believed to be",
                "claims that it said", "He thought to be said", "said to be", "The said tobe",
                "\u0130t m\u0131ght r\u0131se, he said.", "Sales, claiming that he said"]
_HEDGE_PARTS = ["said", "Said", "SAID", "to", "be", "bed", "may", "May", "could", "likely",
                "seem", "seems", "claims", "that", "claiming", "believed", "thought", "it", "he",
                "estimated", "'", "_", ",", ".", " ", "  ", "\t", "\n", "'s", "x", "9",
                "\u0131", "\u017f", "\u212a"]


def _hedged_as_before(text: str) -> None:
    assert stance._hedged(text) == _hedged_before(text), text
    assert stance._hedged(text, tokens(text)) == _hedged_before(text), text


@pytest.mark.parametrize("text", _HEDGE_CASES)
def test_hedged_as_before(text: str) -> None:
    _hedged_as_before(text)


def test_hedge_cases_hedge_some() -> None:
    assert 6 <= sum(map(_hedged_before, _HEDGE_CASES)) <= len(_HEDGE_CASES) - 6


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_HEDGE_PARTS), max_size=12).map(" ".join),
       st.lists(st.sampled_from(_HEDGE_PARTS), max_size=12).map("".join))
def test_hedged_as_before_any_text(spaced: str, joined: str) -> None:
    _hedged_as_before(spaced)
    _hedged_as_before(joined)


def _polarity_before(sentence: str, folded: str | None = None) -> str:
    """`negative` when the sentence negates its fact ("NOT", "never", "no longer");
    `folded` is fold(sentence), when the caller has it."""
    folded = fold(sentence) if folded is None else folded
    toks = tokens(folded)
    # A token ending in "n't" holds an apostrophe: most sentences have none to scan for.
    if stance._NEGATION_WORDS.isdisjoint(toks) and not (
            "'" in folded and any(t.endswith("n't") for t in toks)):
        return "positive"
    # ASCII text: the lower-case twins in the lower-case text find the same spans.
    twins = folded.isascii()
    text = folded.lower() if twins else folded
    text = (stance._NOT_NEGATING_TWIN if twins else stance._NOT_NEGATING_RE).sub(" ", text)
    if "," in text:
        text = stance._SIDE_CLAUSE_RE.sub(" ", text)  # an aside's negators are its own
    found = list((stance._NEGATION_TWIN if twins else stance.NEGATION_RE).finditer(text))
    breaks = stance._CLAUSE_BREAK_TWIN if twins else stance._CLAUSE_BREAK_RE
    if any(stance._undone(denial, found, text, breaks) for denial in found
           if denial.group(0).lower().startswith("den")):
        return "positive"  # "Beijing denied that it had not paid": the denial undoes the "not"
    return "negative" if found else "positive"


_NEGATION_CASES = ["it did not rise", "it didn't rise", "no longer a member", "not only x",
                   "he denied that it had not paid", "was denied entry", "denies receiving",
                   "ruled out joining a government", "ruled out of the match", "has yet to pay",
                   "yet to pay", "none of them", "nobody came, nor did x", "no doubt", "no x",
                   "without a tender", "cannot go", "it is false that x", "failed to pay",
                   "can't won't shouldn't", "not_x no_y", "x'not y'no", "nothing nowhere never",
                   "no  more than 3", "he denied the village had fallen", "denied bail to men",
                   "knot snot cannotx denyx", "notnot", "n't", "no'n't x", "yet'n't", "no\tx",
                   "neither x nor y"]
_NEGATION_PARTS = ["not", "no", "n't", "never", "nor", "none", "nobody", "nothing", "nowhere",
                   "neither", "cannot", "without", "false", "that", "untrue", "failed", "fails",
                   "to", "ruled", "rules", "ruling", "out", "of", "joining", "denied", "denies",
                   "deny", "the", "reports", "a", "media", "having", "was", "is", "who", "had",
                   "has", "yet", "remains", "been", "fallen", "longer", "doubt", "more", "than",
                   "x", "k", "_", "'", ",", " ", "  ", "\t", "9", "can", "did"]


def _negation_key(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in stance._NEGATION_TWIN.finditer(text)]


def _negations_as_before(text: str) -> None:
    lower = text.lower()
    assert [m.span() for m in stance._negations(lower)] == _negation_key(lower), lower
    assert stance.polarity(text) == _polarity_before(text), text


@pytest.mark.parametrize("text", _NEGATION_CASES)
def test_negations_as_before(text: str) -> None:
    _negations_as_before(text)


def test_negation_cases_negate_some() -> None:
    assert sum(bool(_negation_key(text)) for text in _NEGATION_CASES) >= 20


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_NEGATION_PARTS), max_size=12).map(" ".join),
       st.lists(st.sampled_from(_NEGATION_PARTS), max_size=12).map("".join))
def test_negations_as_before_any_text(spaced: str, joined: str) -> None:
    _negations_as_before(spaced)
    _negations_as_before(joined)
