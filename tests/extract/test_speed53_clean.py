"""Speed rewrites of the clean-up, segmentation and interview readers (round 53), each
against the code it replaced (kept here as the reference): the same answers on the cases
that matter and on generated text."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import clean, interview, segment, stance, worthiness
from checker.extract import clean_words as cw
from checker.extract.clean_lines import is_live_entry
from checker.extract.worthiness import FIGURE_ROW_RE
from checker.textutil import ODD_CASE_LETTERS

# --- clean._classify: first-character tests before its anchored patterns ------------------

# (pattern, the gate asked before it): a line the gate refuses is one the pattern does not
# match. The gates are the code's own (its `_first` and its sets of first characters).
_GATED: list[tuple[str, re.Pattern[str], Callable[[str], bool]]] = [
    ("url", cw.URL_RE, lambda t: clean._first(t) in clean._URL_FIRSTS),
    ("ui", cw.UI_PREFIX_RE, lambda t: clean._first(t) in clean._UI_FIRSTS),
    ("numberish", cw.NUMBERISH_RE, lambda t: clean._first(t) in clean._NUMBERISH_FIRSTS),
    ("dateline", cw.DATELINE_RE, lambda t: clean._first(t) in clean._DATELINE_FIRSTS),
    ("stamp", cw.STAMP_RE, lambda t: clean._first(t) in clean._STAMP_FIRSTS),
    ("byline", cw.BYLINE_RE, lambda t: clean._first(t) in clean._BYLINE_FIRSTS),
    ("citation", cw.CITATION_RE, lambda t: clean._first(t) in clean._CITATION_FIRSTS),
    ("checked", cw.CHECKED_CLAIM_RE, lambda t: clean._first(t) in clean._CHECKED_FIRSTS),
    ("sources", cw.SOURCES_LINE_RE, lambda t: clean._first(t) in clean._SOURCES_FIRSTS),
]
# Stripped lines only (as _classify asks them): a gate on the first character after spaces.
_STRIPPED_GATED: list[tuple[str, re.Pattern[str], Callable[[str], bool]]] = [
    ("separator", cw.SEPARATOR_RE, lambda t: t[:1] in clean._SEPARATOR_MARKS),
    ("bullet", cw.BULLET_RE, lambda t: t[:1] in clean._BULLET_MARKS),
]
# Lines that open each alternative of the patterns, in any case, and others.
_OPENINGS = """http://x.org/a HTTPS://X www.example.com/x WWW.X.COM Watch more Read more: Explore
    Content from other Input your search Follow us Sign up Subscribe to Click here Share this
    Share on Download the Get the app Image: Photo: Photo caption: File photo Caption: Credit:
    Listen to this article Skip to Related: See also: Also read: Read also: More on this:
    Recommended: 5 min read Advertisement Sponsored There are 14 comments. View all 14 comments
    Show 3 comments 12 comments 1,204 comments 3:45 12.5 (3) +4 -2 1/2 | Monday, March 5, 2024
    Tue Jan 5, 2024 5 March 2024 2024-03-05 Feb. 3, 2024 Sept 3, 2024 Oct 3 2024 Nov 3, 2024
    Dec 3, 2024 Apr 3, 2024 Aug 3, 2024 Jun 3, 2024 Jul 3, 2024 May 3, 2024 Wed Thu Fri Sat Sun
    Updated: 10:45 GMT Published 5 March Posted on Modified Last updated By Jane Doe (By Reuters)
    Source: ONS Via AP Press desk: Staff report Edited by Additional reporting by Reporting by
    Writing by Editing by Compiled by Citable reference: Suggested citation: Citation: How to
    cite this: Cite this article: Cite as: References: Reference: Claim: "x" The claim: "x"
    First claim: "x" Second claim 2: "x" Third Fourth Fifth Another claim: "x" Original
    claim: "x" Viral claim: "x" Sources: ONS; Eurostat Sources : x --- === ___ *** ~~~ ### ...
    \u2022\u2022\u2022 - item * item \u2022 item \u25cf item \u25aa x \u2023 x \u2043 x""".split()


def _variants(text: str) -> list[str]:
    """text as it is, in lower and upper case, and with its first letter changed to the odd
    letters that IGNORECASE matches with ASCII ones."""
    odd = {"s": "\u017f", "k": "\u212a", "i": "\u0130"}
    out = [text, text.lower(), text.upper(), text.strip(), " " + text]
    first = text.lstrip()[:1].lower()
    if first in odd:
        out.append(odd[first] + text.lstrip()[1:])
    return out


_LINES = [v for chunk in (" ".join(_OPENINGS[i:i + n]) for n in (1, 2, 3, 5)
                          for i in range(len(_OPENINGS)))
          for v in _variants(chunk.strip())] + [
    "", " ", "\u0663 comments", "\u0663\u0664 March 2024", "\u017fign up", "\u017fources: x",
    "The company said revenue rose 12%.", "(Reuters) - x", "\u00a9 2024", "Z", ")", "\t- x",
    "Wed, March 5, 2024", "10 March 2024", "05 March 2024", "0 comments", "0.5", ",5", "/2",
    "Explore the archive", "There are 14 comments.", "How to cite this: x", "Original claim: 'x'",
    "Second claim: 'x'", "Sources: ONS, Eurostat", "Tue, March 5, 2024", "View all 3 comments",
]


@pytest.mark.parametrize(("name", "pattern", "gate"), _GATED)
def test_classify_gates_as_before(name: str, pattern: re.Pattern[str],
                                  gate: Callable[[str], bool]) -> None:
    matched = 0
    for line in _LINES:
        before = pattern.match(line) is not None
        assert (gate(line) and pattern.match(line) is not None) == before, (name, line)
        matched += before
    assert matched  # the table opens each pattern


@pytest.mark.parametrize(("name", "pattern", "gate"), _STRIPPED_GATED)
def test_classify_stripped_gates_as_before(name: str, pattern: re.Pattern[str],
                                           gate: Callable[[str], bool]) -> None:
    matched = 0
    for line in _LINES:
        stripped = line.strip()
        if not stripped:
            continue
        before = pattern.match(line if name == "bullet" else stripped) is not None
        assert (gate(stripped) and before) == before, (name, line)
        matched += before
    assert matched


_OPENING_WORDS = st.sampled_from(_OPENINGS + ["x", "1", "\u017f", "\u212a", "\u0130", ":", "("])


@settings(max_examples=600)
@given(st.lists(_OPENING_WORDS, min_size=1, max_size=6),
       st.sampled_from(["", " ", "\t", "  "]), st.sampled_from(["as is", "lower", "upper"]),
       st.text(alphabet=st.characters(max_codepoint=0x17f), max_size=3))
def test_classify_gates_any_text(words: list[str], sep: str, case: str, head: str) -> None:
    text = (sep or " ").join(words)
    text = text.lower() if case == "lower" else text.upper() if case == "upper" else text
    for line in (text, head + text):
        for name, pattern, gate in _GATED:
            before = pattern.match(line) is not None
            assert (gate(line) and pattern.match(line) is not None) == before, (name, line)
        stripped = line.strip()
        if stripped:
            for name, pattern, gate in _STRIPPED_GATED:
                before = pattern.match(line if name == "bullet" else stripped) is not None
                assert (gate(stripped) and before) == before, (name, line)


def _is_live_entry_before(body: str) -> bool:
    stamp = cw.LIVE_STAMP_RE.match(body)
    return stamp is not None and len(body[stamp.end():].split()) >= cw.LIVE_ENTRY_WORDS


@pytest.mark.parametrize("body", [
    "", "12.04pm GMT: Breaking: Bank of England cuts interest rates to 3.25%",
    "4:30 PM: The first results came in from the east", "18:40: Brentford score again and lead",
    "10:42 Temperatures reached 41C in Seville on the day", "\u0661\u0662:30 - a b c d e f",
    "9.15am - The minister arrived at the summit early", "The 4:30 PM meeting was delayed.",
    "x 12:30 is the time for a b c d", "12:30 is the time of the meeting today",
])
def test_is_live_entry_as_before(body: str) -> None:
    assert is_live_entry(body) == _is_live_entry_before(body)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789:.apmGT \u0661x-", max_size=6),
       st.sampled_from(["", " The first results came in today", ": a b c d e"]))
def test_is_live_entry_as_before_any_text(head: str, tail: str) -> None:
    assert is_live_entry(head + tail) == _is_live_entry_before(head + tail)


# --- interview._transcript_cue: its words read in ASCII pages before the scan ---------------

_TRANSCRIPT_CUE_WORDS = ("operator:", "transcript", "earnings", "conference")


def _transcript_cue_before(text: str) -> bool:
    if not any(w in text.lower() for w in _TRANSCRIPT_CUE_WORDS) and (
            text.isascii() or not any(c in text for c in ODD_CASE_LETTERS)):
        return False
    return interview._TRANSCRIPT_CUE_RE.search(text) is not None


_CUE_TEXTS = [
    "", "Operator: Good morning.", "  OPERATOR: x", "x Operator: y", "a\n\tOperator: b",
    "The transcript follows.", "TRANSCRIPTS", "untranscripted", "earnings call", "Earnings\nCall",
    "earnings\t\tcall.", "earningscall", "earnings calls", "earnings recall", "conference call",
    "CONFERENCE  CALL", "news conference on Monday", "earnings rose; call us", "the earnings",
    "earnings earnings call", "conference\x1ccall", "conference\u00a0call", "earnings \u017fcall",
    "Tran\u017fcript", "\u0130 earnings call", "earnings\u2003call", "earnings \u212aall",
]


@pytest.mark.parametrize("text", _CUE_TEXTS)
def test_transcript_cue_as_before(text: str) -> None:
    assert interview._transcript_cue(text) == _transcript_cue_before(text)


def test_transcript_cue_finds_some() -> None:
    assert sum(map(_transcript_cue_before, _CUE_TEXTS)) >= 10


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["earnings", "Earnings", "conference", "CALL", "call", "calls",
                                 "Operator:", "operator", ":", "transcript", "x", "recall",
                                 "\u017f", "\u0130"]), max_size=6),
       st.lists(st.sampled_from([" ", "", "\n", "\t", "  ", "\x1c", "\u00a0"]), min_size=6,
                max_size=6))
def test_transcript_cue_any_text(words: list[str], seps: list[str]) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    assert interview._transcript_cue(text) == _transcript_cue_before(text)


# --- segment._is_boundary: the character after the punctuation told before the next word ----

def _is_boundary_before(text: str, punct_start: int, cut: int) -> bool:
    nxt = segment._NEXT_RE.match(text, cut)
    if nxt is None:
        return False
    word = nxt.group("word")
    punct = text[punct_start:cut]
    if punct.startswith(("...", "\u2026")):
        return word[0].isupper()
    if not text[cut:cut + 1].isspace():
        return False
    if word[0].islower() and not word[0].isdigit():
        return False
    if word.strip("-") == "":
        return False
    if punct[0] == "." and segment._LIST_NUMBER_RE.search(text, max(0, punct_start - 6),
                                                          punct_start):
        return False
    if punct[0] == ".":
        return not segment._is_abbreviation(
            segment.word_before(text, max(0, punct_start - 40), punct_start), word)
    return True


_SEGMENT_TEXTS = [
    "Revenue rose 2.17% in the U.S. The company said so. Mr. Smith agreed!",
    "challenges...In spite of it... and then\u2026 More. \"Yes.\" (No.) [Maybe.]",
    "final: 1. Yanis Mbeki (FRA) 7.41; 2. Tomasz Wierzba", "CAPE CANAVERAL, Fla. - A rocket",
    "He said? Asked. e.g. the U.S.A. Inc. The Jan. 17 No. 4 No 4. The end.", "a.b?c!d... e",
    "What?! Really?? Yes... .5 million. $4.5bn. \u00a34. -3 fell.", "End.", "", "...", ".",
]


def _assert_boundaries_as_before(text: str) -> None:
    for m in segment._CANDIDATE.finditer(text):
        assert segment._is_boundary(text, m.start(), m.end()) == \
            _is_boundary_before(text, m.start(), m.end()), (text, m.start())


@pytest.mark.parametrize("text", _SEGMENT_TEXTS)
def test_is_boundary_as_before(text: str) -> None:
    _assert_boundaries_as_before(text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["The", "the", "U.S", "2", "17", "Mr", "...", "\u2026", ".",
                                 "!", "?", '"', ")", " ", "  ", "\n", "-", "Jan", "no", "e.g",
                                 ":", "1", "$4", "In", "x"]), max_size=14))
def test_is_boundary_any_text(parts: list[str]) -> None:
    _assert_boundaries_as_before("".join(parts))


# --- stance: _NOT_NEGATING_RE with its first letters as a hint ----------------------------

# The pattern before the hint (whatever its class) and before "(?=w)" at the branch of
# "without" (whatever its letter): the 1,024 characters of the old pattern.
_NOT_NEGATING_BEFORE = re.compile(
    re.sub(r"\(\?=\w\)(?=\(\?<!\\bbeen)", "",
           re.sub(r"\A\(\?=\[[^\]]*\]\)\(\?:(.*)\)\Z", r"\1", stance._NOT_NEGATING_RE.pattern,
                  flags=re.DOTALL)), re.IGNORECASE)
_NOT_NEGATING_TWIN_BEFORE = re.compile(_NOT_NEGATING_BEFORE.pattern)

_NEGATING_TEXTS = [
    "", "not only that", "Not necessarily, NOT JUST this", "no doubt", "not least", "even if not",
    "whether or not", "not to mention", "none other than", "not the first to", "by not pitting",
    "38 not out", "38* not out", "bought jets without a tender", "had been without power",
    "is without", "rose 5%, not 15% as reported", ", not a single one", "never stopped buying",
    "did not respond to", "would not immediately comment", "not return calls",
    "not immediately return his messages", "would not fly before 2030",
    "won't open, not until May", "did not expect production to return until the first quarter",
    "no earlier than 2031", "no sooner than", "WITHOUT", "w\u0130thout", "\u0130f not",
    "n\u014dt only", "\u0663\u0664 not out", "It did not\tcomment", "cannot, not any",
    "could not comment", "has not respond", "have not reply", "had not comment", "do not reply",
    "does not respond",
]


@pytest.mark.parametrize("text", _NEGATING_TEXTS)
def test_not_negating_as_before(text: str) -> None:
    assert stance._NOT_NEGATING_RE.sub(" ", text) == _NOT_NEGATING_BEFORE.sub(" ", text)
    lower = text.lower()
    assert stance._NOT_NEGATING_TWIN.sub(" ", lower) == _NOT_NEGATING_TWIN_BEFORE.sub(" ", lower)


def test_not_negating_finds_some() -> None:
    assert len(_NOT_NEGATING_BEFORE.pattern) == 1024  # the old pattern's characters
    assert sum(_NOT_NEGATING_BEFORE.search(t) is not None for t in _NEGATING_TEXTS) >= 25


@settings(max_examples=500)
@given(st.lists(st.sampled_from(
    ["not", "NOT", "no", "none", "never", "only", "just", "doubt", "if", "whether", "or", "by",
     "to", "mention", "other", "than", "the", "first", "38", "*", "out", "been", "is", "without",
     "stopped", "did", "would", "could", "has", "do", "respond", "return", "calls", "before",
     "2030", "until", "May", "earlier", ",", " ", "  ", "\t", "\u0130", "\u017f", "w", "x"]),
    max_size=12))
def test_not_negating_any_text(words: list[str]) -> None:
    text = " ".join(words)
    assert stance._NOT_NEGATING_RE.sub(" ", text) == _NOT_NEGATING_BEFORE.sub(" ", text)
    lower = text.lower()
    assert stance._NOT_NEGATING_TWIN.sub(" ", lower) == _NOT_NEGATING_TWIN_BEFORE.sub(" ", lower)


def test_not_negating_hint_folds_as_its_letters() -> None:
    """Under IGNORECASE the hint's class matches what the branches' first letters match."""
    hint = re.compile(r"[\d,bcdhinw]", re.IGNORECASE)
    firsts = [re.compile(x, re.IGNORECASE) for x in ("n", "i", "w", "b", "d", "h", "c", r"\d", ",")]
    for code in range(0x3000):
        char = chr(code)
        assert (hint.match(char) is not None) == any(f.match(char) for f in firsts), hex(code)


# --- worthiness: a clause ending as a sentence does is no row ------------------------------

def _row_before(text: str) -> bool:
    return FIGURE_ROW_RE.match(text) is not None or worthiness._is_change_row(text)


def _row_now(text: str) -> bool:
    return not text.endswith(worthiness._NO_ROW_ENDS) and _row_before(text)


_ROWS = [
    "Revenue: \u00a34.82bn", "Revenue \u00a34.82bn (Q3 2025: \u00a34.51bn), up 6.9%",
    "Like-for-like sales up 4.2%", "Like-for-like sales up 4.2%.", "Sales up 4.2%;", "Chapter 3",
    "Revenue: 4.5", "Revenue: 4.5.", "Revenue: 4.5!", "Revenue: 4.5?", "Revenue: 4.5:",
    "Profit down by $3m", "Profit down by $3m\n", "Profit down by $3m.\n", "Net debt: 12.",
    "Sales rose 5% to $3bn.", "Margin: 12.5% (2024: 11.9%)", "Staff up 12\nNext line.",
]


@pytest.mark.parametrize("text", _ROWS)
def test_row_gate_as_before(text: str) -> None:
    assert _row_now(text) == _row_before(text)


def test_rows_found() -> None:
    assert sum(map(_row_before, _ROWS)) >= 6


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["Revenue", "sales", "up", "down", "by", ":", " ", "$", "\u00a3",
                                 "4", "4.5", "12", ".", "!", "?", ";", "%", "\n", "(", ")"]),
                max_size=10))
def test_row_gate_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert _row_now(text) == _row_before(text)


# --- stance: FUTURE_RE with its first letters as a hint --------------------------------

# The pattern before the hint (whatever its class).
_FUTURE_BEFORE = re.compile(re.sub(r"\A\(\?=\[[^\]]*\]\)", "", stance.FUTURE_RE.pattern),
                            re.IGNORECASE)
_FUTURE_LOWER_BEFORE = re.compile(_FUTURE_BEFORE.pattern)

_FUTURE_TEXTS = [
    "", "It will rise", "won't", "Shall we", "they'll", "is to open", "are to", "was set to",
    "were set to", "is due to", "is due on Dec. 17", "was due on", "scheduled to", "is planned for",
    "are slated for", "plans to", "planning to", "aims to", "intends to", "is expected to",
    "expects", "forecast", "projected to", "would soon", "is going to", "are going to",
    "envisions", "envisages", "upcoming", "next year", "aspires to", "is preparing to",
    "prepares to", "The target is for 92 per cent", "goals are to", "ambition was to",
    "objective is for", "said it would cut 1,100 jobs", "told reporters it would not raise",
    "announced that the firm would open", "confirmed it would have", "says they would be tested",
    "WILL", "\u017fhall", "\u0130s to", "Next Year", "\u2019ll", "UPCOMING launch",
    "confirmed they would open",
]


def _future_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", _FUTURE_TEXTS)
def test_future_as_before(text: str) -> None:
    assert _future_spans(stance.FUTURE_RE, text) == _future_spans(_FUTURE_BEFORE, text)
    lower = text.lower()
    assert _future_spans(stance._FUTURE_LOWER_RE, lower) == \
        _future_spans(_FUTURE_LOWER_BEFORE, lower)


def test_future_finds_some() -> None:
    assert len(_FUTURE_BEFORE.pattern) == 681  # the old pattern's characters
    assert sum(_FUTURE_BEFORE.search(t) is not None for t in _FUTURE_TEXTS) >= 40


@settings(max_examples=500)
@given(st.lists(st.sampled_from(
    ["will", "won't", "shall", "'ll", "is", "are", "was", "to", "set", "due", "on", "planned",
     "plans", "aims", "expects", "forecasts", "next", "year", "upcoming", "target", "goal",
     "objective", "for", "said", "told", "that", "it", "would", "not", "have", "cut", "x", "'",
     " ", "\t", "\u017f", "\u0130", "The", "Said"]), max_size=10))
def test_future_any_text(words: list[str]) -> None:
    text = " ".join(words)
    assert _future_spans(stance.FUTURE_RE, text) == _future_spans(_FUTURE_BEFORE, text)
    lower = text.lower()
    assert _future_spans(stance._FUTURE_LOWER_RE, lower) == \
        _future_spans(_FUTURE_LOWER_BEFORE, lower)


def test_future_hint_folds_as_its_letters() -> None:
    """Under IGNORECASE the hint's class matches what the branches' first letters match."""
    hint = re.compile(r"[wsiapefuntgoc']", re.IGNORECASE)
    firsts = [re.compile(x, re.IGNORECASE) for x in "wsiapefuntgoc'"]
    for code in range(0x3000):
        char = chr(code)
        assert (hint.match(char) is not None) == any(f.match(char) for f in firsts), hex(code)
