"""Polarity (negation), modality (asserted, planned, reported, hedged), attribution and
correction notes: how a sentence holds its fact."""

from __future__ import annotations

import re
from typing import Final

from checker import rx

# Attribution lives in checker.extract.attribution; these names are imported from here too.
from checker.extract.attribution import ATTRIBUTION_RES as ATTRIBUTION_RES
from checker.extract.attribution import Attrib as Attrib
from checker.extract.attribution import attribution as attribution
from checker.extract.cues import must_lower_twin, tokens
from checker.extract.date_patterns import DENIED_WORDS, MONTHS, WEEKDAYS
from checker.models.claims import Modality, Polarity
from checker.textutil import fold

# A denial of a statement ("X denied that she received money", "denies receiving money")
# is its source's account that it is not so: negation of the denied fact, as "false that".
# Refusing, or denying a thing ("denied the allegations", "was denied entry"), is not. A
# report denied is one ("denied reports that", "denied a report that", "denied a media
# report that").
NEGATION_RE = rx.compile(
    r"\b(?:not|never|no longer|n't|cannot|neither|nor|none|nobody|nothing|nowhere|"
    r"without|false that|untrue that|failed\s+to|fails\s+to|"
    # Ruling out doing a thing says it is not to be: "ruled out joining a government" (a
    # desk probe: a membership, stated as a fact). Not "ruled out terrorism" (the attack
    # stands), "ruled out of the match" (injured) or refusing ("refused to comment").
    r"rul(?:ed|es|ing)\s+out\s+(?!of\b)[a-z]+ing\b|"
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)(?<!\bwho\s)"
    r"den(?:ied|ies|y)\s+(?:(?:the\s+|an?\s+|(?:media|news|press)\s+)*(?:reports?|claims?|"
    r"allegations?|accusations?|suggestions?)\s+)?(?:that|having|being|receiving|taking|accepting|paying|making|"
    r"ordering|knowing|sending|selling|supplying|violating|breaking|committing|leaking|"
    r"hiding|meeting|planning|approving|authori[sz]ing|signing|lying|harbou?ring|"
    r"involvement|wrongdoing|responsibility)\b|"
    # A that-clause without its "that": "denied the village had fallen" (desk probe L: read
    # positive, it "corroborated" the capture); not "denied bail to men who were charged".
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)(?<!\bwho\s)"
    r"den(?:ied|ies|y)\s+(?:(?!who\b|which\b|whom\b|whose\b|and\b|but\b|to\b)[a-z][\w'-]*\s+)"
    r"{1,3}?(?:had|has|have|was|were|is|are|would|will)\s+(?:been\s+)?[a-z]+(?:ed|en|wn)\b|"
    r"(?:(?<=has\s)|(?<=have\s)|(?<=had\s)|(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=were\s)|"
    r"(?<=remains\s)|(?<=remain\s))yet\s+to)\b|n't\b"
    r"|\bno\s+(?!doubt\b|matter\b|longer\b|one\s+else\b|later\b|more\s+than\b|less\s+than\b|"
    r"fewer\s+than\b|sooner\b)[a-z]",
    re.IGNORECASE,
)
# Every match of NEGATION_RE starts with one of these (the words it needs, shortened to
# what they begin with): searching for them first turns most sentences away at a small part
# of the cost of NEGATION_RE (tests/extract/test_stance.py). Whole cue words, not two
# letters ("with", "year", "new" passed the two-letter form, and NEGATION_RE then ran on a
# quarter of all claims); the (?=...) hint lets the engine skip to the seven letters that
# can start one (under IGNORECASE the class matches no other character).
_NEGATION_START_RE: Final = rx.compile(
    r"(?=[ncwfuydr])(?:n't|\b(?:no(?:[tr]?\b|\s|ne|body|thing|where)|never|neither|cannot|"
    r"without|false|untrue|fail|den[iy]|yet\s|rul(?:ed|es|ing)\s))", re.IGNORECASE)


# And every match holds one of these, lower-cased. In ASCII text, IGNORECASE is lower-casing,
# and `in` rules out a sentence in a tenth of the cost of even _NEGATION_START_RE (a regex
# tries each position in turn); nine sentences in ten hold none. (Not for other text: there
# "\u0131" matches "i" and "\u017f" matches "s" under IGNORECASE.)
_NEGATION_CUES = ("no", "n't", "never", "neither", "without", "false", "untrue", "fail", "den",
                  "yet", "rul")


def negators(folded: str) -> list[re.Match[str]]:
    """The matches of NEGATION_RE in a folded text, in order."""
    if folded.isascii():
        lower = folded.lower()
        for cue in _NEGATION_CUES:  # a loop, not any() over a generator: most find none
            if cue in lower:
                break
        else:
            return []
    if _NEGATION_START_RE.search(folded) is None:
        return []
    return list(NEGATION_RE.finditer(folded))


# Negators that do not negate the main fact.
# What a time bound names: "before 2030", "until mid-2027", "until at least Friday", "before
# the end of June" (not "before the UN", "tested before in humans": a review).
_TIME_AHEAD: Final = (
    r"(?:at\s+least\s+)?(?:the\s+)?(?:\d|mid\b|mid-|early\b|late\b|end\b|start\b|beginning\b|"
    r"next\b|first\b|second\b|third\b|fourth\b|q[1-4]\b|spring\b|summer\b|autumn\b|"
    rf"winter\b|(?:{'|'.join(m[:3] for m in MONTHS)})[a-z]*\b|(?:{'|'.join(WEEKDAYS)})\b)")
# Every match opens with one of the letters of the (?=...) hint (n, i, w, b, d, h, c), a digit
# or a comma: the engine entered each of the twenty branches at every position, 1 ms a
# sentence (-0.6% of extraction's instructions; tests/extract/test_speed53_clean.py). The
# branch of "without" looks back five ways: only where a "w" follows.
_NOT_NEGATING_RE: Final = rx.compile(
    r"(?=[\d,bcdhinw])(?:\bnot\s+only\b|\bnot\s+necessarily\b|\bnot\s+just\b|\bno\s+doubt\b|\bnot\s+least\b|"
    r"\bif\s+not\b|\bwhether\s+or\s+not\b|\bnot\s+to\s+mention\b|\bnone\s+other\s+than\b|"
    r"\bnot\s+the\s+first\s+to\b|"
    # a means, not a denial: "lost the race by not pitting" (desk probe P)
    r"\bby\s+not\b|"
    # A batter still in: "38 not out", "an unbeaten 104" (desk probe O: a false conflict)
    r"\b\d+\*?\s+not\s+out\b|"
    # "bought 36 jets without a tender", "rose 5%, not 15% as reported", "carried a Pakistani
    # satellite, not an Indian one", "never stopped buying": the fact itself stands.
    r"(?=w)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)\bwithout\b|"
    r",\s+not\b(?!\s+(?:a\s+single|one|any|even|enough|much|many|all|every)\b)|"
    r"\bnever\s+(?:stopped|ceased|failed)\b|"
    # No comment is no denial of the fact: "Microsoft bought Activision, which did not
    # respond to a request for comment" (a review: read negative, it met "did not buy").
    # ("would not return to negotiations" is a denial: only calls and messages.)
    r"\b(?:did|does|do|has|have|had|could|would)\s+not\s+(?:immediately\s+)?(?:respond|reply|"
    r"comment)\b|\bnot\s+(?:immediately\s+)?return\s+(?:\w+\s+)?(?:calls?|messages?|requests?|"
    r"emails?)\b|"
    # A time bound, not a denial: "would not fly before 2030", "won't open until May", "no
    # earlier than 2031" (a desk probe: polarity conflicts with "would fly in 2031").
    # ... also a few words on: "did not expect production to return to second-quarter levels
    # until the first quarter of next year" (a desk probe), not "whether ... until".
    rf"\bnot\s+{DENIED_WORDS}(?:before|until|till)\b(?=\s+{_TIME_AHEAD})"
    r"|\bno\s+(?:earlier|sooner)\s+than\b)",
    re.IGNORECASE,
)
# "may" in lower case only: capitalised inside a sentence it is the month ("419 ppm in May",
# "since May last year"), which hedges nothing.
HEDGE_RE: Final = rx.compile(
    r"\b(?:(?-i:may)|might|could|possibly|perhaps|probably|likely|unlikely|reportedly|allegedly|"
    r"apparently|seemingly|believed\s+to|thought\s+to|said\s+to\s+be|appear(?:s|ed)?\s+to|"
    r"seem(?:s|ed)?\s+to|"
    r"suggests?|estimated|potentially|rumou?red|unconfirmed|claims?\s+that|(?<!,\s)claiming\s+that|"
    r"purportedly)\b",
    re.IGNORECASE,
)
_MAY_RE: Final = rx.compile(r"\bmay\b")
# The patterns below and HEDGE_RE are written in lower case under IGNORECASE. In ASCII text
# IGNORECASE is lower-casing (the few other characters it folds, like "\u017f" for "s", are
# not ASCII), so the same pattern without the flag finds the same in the lower case text;
# and there the engine skips a branch on its first letter at once, where IGNORECASE makes
# it enter each (a third of the time for FUTURE_RE). tests/extract/test_stance.py.
_HEDGE_LOWER_RE: Final = rx.compile(HEDGE_RE.pattern.replace("(?-i:may)|", "", 1))
# "is to", "will carry", "is scheduled to": the fact has not happened yet. "Submarines to be
# delivered" after a past main verb is not a plan of the sentence, so bare "to be" is absent.
# Every match opens with one of the letters of the (?=...) hint or an apostrophe: the engine
# leaves other positions at once (a third less time; tests/extract/test_speed53_clean.py).
FUTURE_RE = rx.compile(
    r"(?=[wsiapefuntgoc'])\b(?:will|won't|shall|'ll|is\s+to|are\s+to|"
    r"(?:is|are|was|were)\s+set\s+to|(?:is|are)\s+due\s+to|"
    # "The next decision is due on Dec. 17": a day to come ("was due on" is a debt's day)
    r"(?:is|are)\s+due\s+(?:on|in|by|at)\b|scheduled\s+to|"
    # "Chang'e 8 is planned for 2029" (a desk probe: asserted, beside "will carry a rover")
    r"(?:is|are)\s+(?:planned|scheduled|slated)\s+for|plans?\s+to|planning\s+to|aims?\s+to|intends?\s+to|"
    r"(?:is|are)\s+expected\s+to|expects?\b|forecasts?\b|projected\s+to|would\s+soon|"
    r"is\s+going\s+to|are\s+going\s+to|envisions?|envisages?|upcoming|next\s+year|"
    r"aspires?\s+to|is\s+preparing\s+to|are\s+preparing\s+to|prepares?\s+to|"
    # A goal set, told as what is wanted: "The NHS target is for 92 per cent of patients to
    # wait less than 18 weeks" is no figure of waits (desk probe Q3: three error-level
    # conflicts with the month's outturns).
    r"(?:target|goal|aim|ambition|objective)s?\s+(?:is|are|was|were)\s+(?:for|to)\b|"
    # A plan told in reported speech: "the company said it would cut 1,100 jobs" is "will
    # cut" told later (not "said it would have", a past conditional).
    r"(?:said|says|announced|confirmed|told\s+\w+)\s+(?:that\s+)?(?:[\w'-]+\s+){1,4}?"
    r"would(?:\s+not|n't)?\s+(?!have\b|be\s+\w+ed\b)\w+)\b",
    re.IGNORECASE,
)
_FUTURE_LOWER_RE: Final = rx.compile(FUTURE_RE.pattern)
# Cheap necessary conditions for the regexes above: no cue word, no regex run.
_NEGATION_WORDS: Final = frozenset(
    """not never no cannot neither nor none nobody nothing nowhere without false
    untrue failed fails yet denied denies deny ruled rules ruling""".split())
_HEDGE_WORDS: Final = frozenset(
    """may might could possibly perhaps probably likely unlikely reportedly allegedly
    apparently seemingly believed thought said appears appear appeared seems seem seemed
    suggest suggests
    estimated potentially rumored rumoured unconfirmed claims claim claiming
    purportedly""".split())
_FUTURE_WORDS: Final = frozenset(
    """will won't shall set due scheduled plan plans planning aim aims intend intends expected
    expects expect forecast forecasts projected soon going envision envisions envisage
    planned slated target targets goal goals ambition ambitions objective objectives
    envisages upcoming next aspire aspires preparing prepare prepares would""".split())
# The (?=...) hint: a sentence that starts with no c, u or e fails at once (under
# IGNORECASE the class matches what the words' first letters match).
# A note's heading may carry its date: "Correction, October 9:", "Update (9 Oct 2026):".
NOTE_DATE: Final = (r"(?:,?\s+\(?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?|"
                    r"\d{1,2}\s+[a-z]{3,9}\.?(?:\s+\d{4})?)\)?)?")
CORRECTION_RE: Final = rx.compile(
    r"^\W*(?=[cue])(?:correction|clarification|update|editor'?s\s+note|erratum)"
    rf"{NOTE_DATE}\s*[:\-]",
    re.IGNORECASE,
)
# A word of each of its notes, in lower case, without an "i" or an "s" (IGNORECASE reads
# "\u0131" as "i" and "\u017f" as "s", which lower() keeps): a sentence CORRECTION_RE
# matches holds one in its lower case, whatever its script (extract.SENTENCE_GATES).
CORRECTION_CUES: Final = ("correct", "clar", "update", "note", "erratum")


# A concession or a gloss after the fact ("..., though the government has not published a
# figure", "..., claiming repayments on vehicles it never bought") negates nothing of it (a
# desk probe: both read negative, and one corroborated "did not submit false returns").
# Only the aside itself, to its comma: "The UK, although a founding member, is no longer a
# member" keeps its "no longer" (a review: cut at the aside, the sentence read positive).
# A relative clause inside commas is the same ("Ellory, who never won a Nobel Prize, shared
# the prize in 2004": a desk probe read the sharing negative); not one that ends the
# sentence, which may be the fact: "arrested a man, who has not been charged" (a review).
_SIDE_CLAUSE_RE: Final = rx.compile(r",\s+(?:(?:even\s+)?though|although|claiming)\b[^,;]*|"
                                    r",\s+(?:who|whom|whose|which)\b[^,;]*(?=,\s*\w)",
                                    re.IGNORECASE)


def polarity(sentence: str, folded: str | None = None) -> Polarity:
    """`negative` when the sentence negates its fact ("NOT", "never", "no longer");
    `folded` is fold(sentence), when the caller has it."""
    folded = fold(sentence) if folded is None else folded
    toks = tokens(folded)
    # A token ending in "n't" holds an apostrophe: most sentences have none to scan for.
    if _NEGATION_WORDS.isdisjoint(toks) and not (
            "'" in folded and any(t.endswith("n't") for t in toks)):
        return "positive"
    # ASCII text: the lower-case twins in the lower-case text find the same spans.
    twins = folded.isascii()
    text = folded.lower() if twins else folded
    text = (_NOT_NEGATING_TWIN if twins else _NOT_NEGATING_RE).sub(" ", text)
    if "," in text:
        text = _SIDE_CLAUSE_RE.sub(" ", text)  # an aside's negators are its own
    found = _negations(text) if twins else list(NEGATION_RE.finditer(text))
    breaks = _CLAUSE_BREAK_TWIN if twins else _CLAUSE_BREAK_RE
    if any(_undone(denial, found, text, breaks) for denial in found
           if denial.group(0).lower().startswith("den")):
        return "positive"  # "Beijing denied that it had not paid": the denial undoes the "not"
    return "negative" if found else "positive"


def _undone(denial: re.Match[str], found: list[re.Match[str]], folded: str,
            breaks: re.Pattern[str]) -> bool:
    """A negation inside the clause a denial denies ("denied that it had not paid"), not in
    another clause ("denied that troops crossed, saying no soldiers were involved").
    `breaks` is _CLAUSE_BREAK_RE or its lower-case twin."""
    return any(denial.end() <= m.start() and not breaks.search(
        folded, denial.end(), m.start()) for m in found if m is not denial)


def _negations(lower: str) -> list[re.Match[str]]:
    """list(_NEGATION_TWIN.finditer(lower)) of a lower-case ASCII text: each match tried only
    where _NEGATION_START_RE's twin finds its start (every match of NEGATION_RE starts with one
    of its cues). The alternation, lookbehinds first, tried at every position cost ~100,000
    instructions a sentence."""
    found: list[re.Match[str]] = []
    pos = 0
    while True:
        cue = _NEGATION_START_TWIN.search(lower, pos)
        if cue is None:
            return found
        at = cue.start()
        m = _NEGATION_TWIN.match(lower, at)
        if m is None:
            pos = at + 1
        else:  # (no match is empty) the next one after it, as finditer finds it
            found.append(m)
            pos = m.end()


_CLAUSE_BREAK_RE: Final = rx.compile(r"[,;:]|\b(?:and|but|saying|adding|while)\b", re.IGNORECASE)


_NEGATION_TWIN: Final = must_lower_twin(NEGATION_RE)
_NOT_NEGATING_TWIN: Final = must_lower_twin(_NOT_NEGATING_RE)
_CLAUSE_BREAK_TWIN: Final = must_lower_twin(_CLAUSE_BREAK_RE)
_NEGATION_START_TWIN: Final = must_lower_twin(_NEGATION_START_RE)


_PAST_FORECAST_RE: Final = rx.compile(
    r"\bdid(?:\s+not|n't)?\s+(?:forecast|expect|plan|intend|aim)\b|"
    # ... and a forecast made before the fact told ("Economists had forecast borrowing of
    # £16.5bn", "more than the OBR had forecast": desk probe Q2, planned, so never compared
    # with "Economists had expected borrowing of 15.5 billion pounds")
    r"\bhad(?:\s+not|n't)?\s+(?:been\s+)?forecasts?\b", re.IGNORECASE)
# "forecast" as a noun names a figure, it plans nothing: "has raised its profit forecast after
# sales in the third quarter rose" is told of a past quarter (a desk probe: read as planned,
# the quarter became next year's and conflicted with "sales in the third quarter rose"). A
# noun follows a determiner, a possessive or a verb taking it as object ("its profit
# forecast", "the forecast", "analysts' forecasts", "raised forecasts"), up to two words
# between, and is followed by a preposition, a verb or the clause's end; the verb takes an
# object ("The IMD forecasts a recovery", "the company forecasts growth") or is passive ("is
# forecast to"). ("expects" is a verb only: it keeps its cue.) Measured against a forecast,
# a figure is told of the past: "Netflix added 7.66 million subscribers in the fourth
# quarter, beating forecasts of 4.57 million" (a probe: read as planned, the quarter became
# the coming one), "better than forecast", "in line with forecasts", "ahead of forecasts".
_NOUN_FORECAST_RE: Final = rx.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those|whose|raised|raises|"
    r"raising|lifted|lifts|cut|cuts|lowered|lowers|trimmed|upgraded|downgraded|revised|beat|"
    r"beats|beating|missed|misses|missing|met|meeting|matched|matching|exceeded|exceeding|"
    r"topped|topping|maintained|kept|reiterated|reaffirmed|confirmed|issued|published|"
    r"released|above|below|against|than|with|of)|\w's|\ws')\s+"
    r"(?:(?!(?:is|are|was|were|be|been|being|has|have|had|will|would|not|also|which|who|"
    r"that)\b)[\w-]+\s+){0,2}?forecasts?\b"
    r"(?=\s*(?:[,.;:!?)\"']|$)|\s+(?:of|for|from|to|by|in|at|on|after|before|since|and|but|or|"
    r"as|than|"
    r"was|is|were|are|has|had|have|remains?|remained|said|says|showed|shows?|suggests?|"
    r"suggested|points?|pointed|implies|implied|came|comes|range|ranges|ranged)\b)",
    re.IGNORECASE)


# A reported plan in a clause after the main one, opened by a word of cause or time.
_SUBORDINATE_PLAN_RE: Final = rx.compile(
    r"(?=[absw])\b(?:after|as|because|since|amid|when|while)\s+(?:[\w'+.-]+\s+){1,4}?"
    r"(?:said|says|announced|confirmed)\s+(?:that\s+)?(?:[\w'-]+\s+){1,4}?would\b",
    re.IGNORECASE)


def _spaced(m: re.Match[str]) -> str:
    """A match blanked out, keeping every other offset of the text."""
    return " " * len(m.group())


def _future_text(folded: str) -> str | None:
    """The sentence with the words that look like a plan but are none ("did not forecast",
    "its profit forecast") blanked out, offsets kept; None when it has no future cue."""
    toks = tokens(folded)
    if _FUTURE_WORDS.isdisjoint(toks) and not (
            "'" in folded and any(t.endswith("'ll") for t in toks)):
        lower = folded.lower()
        if " is to " not in lower and " are to " not in lower:
            return None
    text = folded
    if "did" in toks or "didn't" in toks or "had" in toks or "hadn't" in toks:
        # "The IMD did NOT forecast a recovery": a past act of forecasting, checkable.
        text = _PAST_FORECAST_RE.sub(_spaced, text)
    if "would" in toks and _may_plan_after(text, toks, text is folded):
        # A plan told in a clause that says why or when ("Brent gained 1.2% on Tuesday after
        # Opec+ said it would cut output": a review, planned and dated the next Tuesday).
        text = _SUBORDINATE_PLAN_RE.sub(_spaced, text)
    if "forecast" in toks or "forecasts" in toks:
        text = _NOUN_FORECAST_RE.sub(_spaced, text)
    return text


_SUBORDINATE_PLAN_TWIN: Final = must_lower_twin(_SUBORDINATE_PLAN_RE)
# The verbs of _SUBORDINATE_PLAN_RE, each between blanks in its matches.
_PLAN_TELLING: Final = frozenset({"said", "says", "announced", "confirmed"})


def _may_plan_after(text: str, toks: frozenset[str], unchanged: bool) -> bool:
    """Whether _SUBORDINATE_PLAN_RE may find a plan in the text (`toks` its tokens when
    `unchanged`): in ASCII text, only where its twin finds one in the lower case, and one of
    its verbs is a token (blanks on both sides of it). Its substitution, set up and run
    case-blind over the sentence, found none in 300 bench sentences of "would"."""
    if not text.isascii():
        return True
    if unchanged and _PLAN_TELLING.isdisjoint(toks):
        return False
    return _SUBORDINATE_PLAN_TWIN.search(text.lower()) is not None


# Words FUTURE_RE finds wherever one is a token of an ASCII text without "_" (its
# "\b(?:will|...)\b": a token's neighbours are neither letters nor digits, nor "'" and a
# letter); and phrases it finds wherever one is in the lower case text, blanks around it.
_SURE_FUTURE_WORDS: Final = frozenset({"will", "shall", "expect", "expects", "forecast",
                                       "forecasts", "upcoming", "envision", "envisions",
                                       "envisage", "envisages"})
_SURE_FUTURE_PHRASES: Final = (" plans to ", " plan to ", " scheduled to ")


def future_of_folded(folded: str) -> bool:
    """is_future of a sentence already folded (a slice of a folded document): not folded
    again."""
    text = _future_text(folded)
    if text is None:
        return False
    if text.isascii():
        # A sure word or phrase (most plans: "will" in 280 of the 722 bench sentences with a
        # cue) spares the pattern's search of the sentence, ~12,000 instructions.
        if text is folded and "_" not in text \
                and not _SURE_FUTURE_WORDS.isdisjoint(tokens(text)):
            return True
        lower = text.lower()
        for phrase in _SURE_FUTURE_PHRASES:  # a loop, not any() over a generator
            if phrase in lower:
                return True
        return _FUTURE_LOWER_RE.search(lower) is not None
    return FUTURE_RE.search(text) is not None


def is_future(sentence: str) -> bool:
    """Whether the sentence talks about something planned or expected."""
    return future_of_folded(fold(sentence))


def future_within(folded: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether a future cue of the sentence folded[start:end] lies in (or runs into) its
    clause folded[lo:hi]: "Harrowgate opened 12 new stores and plans to open 40 more" plans
    only its second clause; "Acme said profits rose, and costs would fall" is told as one
    plan across both ("said ... would fall")."""
    text = _future_text(folded[start:end])
    if text is None:
        return False
    pattern = _FUTURE_LOWER_RE if text.isascii() else FUTURE_RE
    search = text.lower() if text.isascii() else text
    return any(m.start() < hi - start and m.end() > lo - start
               for m in pattern.finditer(search))


def modality(sentence: str, attributed: bool, future: bool | None = None,
             folded: str | None = None) -> Modality:
    """planned (future), hedged, reported (attributed) or asserted.

    `future` is is_future(sentence) and `folded` fold(sentence) when the caller already
    knows them."""
    folded = fold(sentence) if folded is None else folded
    if future_of_folded(folded) if future is None else future:
        return "planned"
    toks = tokens(folded)
    if not _HEDGE_WORDS.isdisjoint(toks) and _hedged(folded, toks):
        return "hedged"
    if attributed:
        return "reported"
    return "asserted"


# Hedges HEDGE_RE finds wherever one is a token of an ASCII text without "_" (its
# "\b(?:...)\b": a token's neighbours are neither letters nor digits, nor "'" and a letter).
_SURE_HEDGE_WORDS: Final = frozenset("""might could possibly perhaps probably likely unlikely
    reportedly allegedly apparently seemingly suggest suggests estimated potentially rumored
    rumoured unconfirmed purportedly""".split())
_SAID: Final = frozenset({"said"})
# HEDGE_RE's "\bsaid\s+to\s+be\b" in lower case text, opened by its literal (its \b a
# look-behind after it), which the engine skips to.
_SAID_TO_BE_RE: Final = rx.compile(r"said(?<!\wsaid)\s+to\s+be\b")


def _hedged(folded: str, toks: frozenset[str] | None = None) -> bool:
    """Whether HEDGE_RE.search(folded) finds a hedge; `toks` is tokens(folded), when the
    caller read it."""
    if not folded.isascii():
        return HEDGE_RE.search(folded) is not None
    if "_" not in folded:
        # The search of the hedges' alternation, tried at every position, cost ~50,000
        # instructions a sentence, most of them holding "said" only (a hedge of "said to be").
        hedges = _HEDGE_WORDS.intersection(tokens(folded) if toks is None else toks)
        if not _SURE_HEDGE_WORDS.isdisjoint(hedges):
            return True
        if hedges == _SAID and "'" not in folded:
            # No other word of a hedge is a token, none with an apostrophe after it ("may's"):
            # the case-sensitive "may" and the other branches find none.
            return _SAID_TO_BE_RE.search(folded.lower()) is not None
    # Its branches but the case-sensitive "may" in the lower case text, or that "may".
    return _MAY_RE.search(folded) is not None or \
        _HEDGE_LOWER_RE.search(folded.lower()) is not None


def is_correction(sentence: str) -> bool:
    """A correction or clarification note ("Correction: China is NOT a member ...")."""
    return bool(CORRECTION_RE.match(fold(sentence)))
