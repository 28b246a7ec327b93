"""Speed rewrites of page clean-up and segmentation (round 54), each against the code it
replaced (kept here as the reference): the same answers on the cases that matter and on
hypothesis text."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import candidates, clean, clean_lines, interview, segment
from checker.extract import clean_words as cw
from checker.extract.clean_lists import Block
from checker.textutil import ODD_CASE_LETTERS

# --- clean._first: a line's first character read once, not by _opens at each test -------


def _opens_before(text: str, firsts: str) -> bool:
    first = text[:1]
    return not first.isascii() or first.lower() in firsts


_FIRSTS = [clean._URL_FIRSTS, clean._UI_FIRSTS, clean._NUMBERISH_FIRSTS, clean._DATELINE_FIRSTS,
           clean._STAMP_FIRSTS, clean._BYLINE_FIRSTS, clean._CITATION_FIRSTS,
           clean._CHECKED_FIRSTS, clean._SOURCES_FIRSTS]
_OPENINGS = ["", " ", "a", "A", "s", "S", "\u017f", "\u212a", "\u0663", "1", "(", "*", "Z", "z",
             "\u00e9", "\x1c", "\t", ".", "-", "W", "www.x", "http://a"]


@pytest.mark.parametrize("text", _OPENINGS)
def test_first_as_opens(text: str) -> None:
    for firsts in _FIRSTS:
        assert (clean._first(text) in firsts) == _opens_before(text, firsts)


@given(st.text(max_size=3))
def test_first_as_opens_any_text(text: str) -> None:
    for firsts in _FIRSTS:
        assert (clean._first(text) in firsts) == _opens_before(text, firsts)


# --- clean_lines.may_open_authors before REFERENCE_AUTHORS_RE.match ------------------------

_AUTHOR_LINES = [
    "Halvorsen I, Wrzesniak T. Outcomes of care. Eur Heart J 2019; 40: 1123-31.",
    "Smith JA, Jones B. A trial. N Engl J Med 2020;382:1-10.",
    "[12] Smith Jones AB, Brown C. Title. Lancet 2021; 397: 10-20",
    "3. Van Der Berg K. Reference doi:10.1000/xyz", "1) Smith ABC. Title", "[1. Smith A, x",
    "Smith Jones A. Title", "Smith Jones Brown A. Title", "The company said revenue rose.",
    "Smith  \t A, tab", "Smith\u00a0A, nbsp", "Smith\u2003AB. em space", "O'Neil AB.",
    "Smith-Jones D, x", "smith A, lower", "Smith a, lower", "Smith ABCD, four", "Smith A",
    "Smith Jones", "", "A", "Smith \u017f, long s", "Smith \u212a, kelvin", "\u00c9mile A, x",
    "12 Smith A, x", "1234. Smith A, x", "Sm\u2019ith A.", "Sm_1th AB,",
]


def _assert_authors_gate(body: str) -> None:
    if cw.REFERENCE_AUTHORS_RE.match(body):
        assert clean_lines.may_open_authors(body.split()), body
        assert clean_lines.may_open_authors(body.split(None, 4)), body


@pytest.mark.parametrize("body", _AUTHOR_LINES)
def test_authors_gate_holds(body: str) -> None:
    _assert_authors_gate(body)


def test_authors_gate_sees_matches() -> None:
    assert sum(cw.REFERENCE_AUTHORS_RE.match(b) is not None for b in _AUTHOR_LINES) >= 8
    assert not clean_lines.may_open_authors("The company said revenue rose.".split())


@settings(max_examples=600)
@given(st.lists(st.sampled_from(["Smith", "Jones", "A", "AB", "ABC", "ABCD", "A.", "AB,", "A,",
                                 "[1]", "12.", "3)", "x", "the", ",", ".", "\u017f", "\u00c9",
                                 "O'N", "Sm-i"]), max_size=6),
       st.lists(st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", "", ",", "."]), min_size=6,
                max_size=6))
def test_authors_gate_any_words(words: list[str], seps: list[str]) -> None:
    _assert_authors_gate("".join(w + s for w, s in zip(words, seps, strict=False)))


@given(st.text(alphabet="SmAB.,[]1) \t\u00a0x'-", max_size=24))
def test_authors_gate_any_text(body: str) -> None:
    _assert_authors_gate(body)


def test_front_or_back_matter_with_words() -> None:
    # _classify passes the line's words; other callers let it split the first few itself.
    answers = [clean_lines.is_front_or_back_matter(body) for body in _AUTHOR_LINES]
    for body, answer in zip(_AUTHOR_LINES, answers, strict=True):
        assert clean_lines.is_front_or_back_matter(body, body.split()) == answer
    assert any(answers) and not all(answers)


# --- clean._LINE_KINDS: the memo of short lines' kinds, a dict in place of lru_cache ------

def test_memo_reads_as_the_line() -> None:
    lines = ["Share", "Follow us on Twitter", "The rover will land in 2028.", "", "  \u2022 Home",
             "Reporting by Ruma Paul; Editing by Alison Williams", "x" * 200]
    for line in lines * 2:
        [block] = clean.classify_lines(line)
        fresh = clean._classify(line, 0, len(line))
        assert (block.kind, block.reason) == (fresh.kind, fresh.reason)
        assert clean._LINE_KINDS[line] == clean._line_kind(line)


def test_memo_stays_bounded() -> None:
    for i in range(clean._MEMO_LINES + 10):
        clean.classify_lines(f"Line {i}")
    assert 0 < len(clean._LINE_KINDS) <= clean._MEMO_LINES


# --- clean_lists.Block: a plain class for the named tuple ---------------------------------

def test_block_reads_as_the_named_tuple() -> None:
    block = Block(6, 58, "content", "paragraph")
    assert (block.start, block.end, block.kind, block.reason) == (6, 58, "content", "paragraph")
    assert block == Block(6, 58, "content", "paragraph")
    assert block != Block(6, 58, "content") and Block(1, 2, "blank").reason == ""
    assert block != (6, 58, "content", "paragraph")
    assert hash(block) == hash(Block(6, 58, "content", "paragraph"))
    assert repr(block) == "Block(start=6, end=58, kind='content', reason='paragraph')"


# --- segment.candidate_marks: _CANDIDATE.finditer's matches by str.find -------------------

_PUNCT_TEXTS = [
    "Revenue rose 2.17% in the U.S. The company said so. Mr. Smith agreed!",
    "challenges...In spite of it... and then\u2026 More. \"Yes.\" (No.) [Maybe.]",
    "What?! Really?? Yes... .5 million....!? \u2026\u2026.\". a....b ..'\"]) x", "", ".", "...",
    "..", "....", ".....", "...!", "a...?b", "...!!", "!.", "?..", ".!..", "\u2026...",
    "a.\"')]", ".\u2026", "?\u2026!",
    "no marks at all", "\u00e9t\u00e9. \u0130stanbul? \u4e2d\u6587\u3002 x.\U0001f600.",
]


def _marks_before(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in segment._CANDIDATE.finditer(text)]


@pytest.mark.parametrize("text", _PUNCT_TEXTS)
def test_candidate_marks_as_finditer(text: str) -> None:
    assert segment.candidate_marks(text) == _marks_before(text)


@settings(max_examples=800)
@given(st.text(alphabet=".!?\u2026\"')] aZ\n(.", max_size=40))
def test_candidate_marks_any_text(text: str) -> None:
    assert segment.candidate_marks(text) == _marks_before(text)


# --- segment.word_before: walked back by str tests, not a match of the reversed window ---
# (the regex is the reference: _WORD_BEFORE_RE.search(text, lo, hi))

_WORD_TEXTS = ["Revenue rose in the U.S", "Mr", "e.g", "a_b.c", "x 2.17", "caf\u00e9",
               "\u0663\u0664.", "\u00b2x", "end\n", "a b\n", "", " ", "tab\tword", "Inc.",
               "\u2163 \u00bd", "word-", "it's"]


@pytest.mark.parametrize("text", _WORD_TEXTS)
def test_word_before_as_the_regex(text: str) -> None:
    for lo in range(len(text) + 2):
        for hi in range(len(text) + 3):
            found = segment._WORD_BEFORE_RE.search(text, lo, hi)
            assert segment.word_before(text, lo, hi) == (found.group() if found else "")


@settings(max_examples=500)
@given(st.text(alphabet="ab.1_ \n\u00e9-\u0663\u00b2\u2163'\t", max_size=16),
       st.integers(0, 18), st.integers(0, 18))
def test_word_before_any_text(text: str, lo: int, hi: int) -> None:
    found = segment._WORD_BEFORE_RE.search(text, lo, hi)
    assert segment.word_before(text, lo, hi) == (found.group() if found else "")


# --- segment._after_a_list_label: a digit before the full stop, then the search -----------

@settings(max_examples=500)
@given(st.text(alphabet=":; \t12\u0663\u00b2a.", max_size=12))
def test_list_label_gate(text: str) -> None:
    for at in range(len(text) + 1):
        found = segment._LIST_NUMBER_RE.search(text, max(0, at - 6), at) is not None
        assert segment._after_a_list_label(text, at) == found


@pytest.mark.parametrize("text", ["final: 1. Yanis", "a; 12. b", "x:\t\u0663. y", "a: 123. b",
                                  "no: 1a. b", "\u00b2. a", "1. first"])
def test_list_label_cases(text: str) -> None:
    for at in range(len(text) + 1):
        found = segment._LIST_NUMBER_RE.search(text, max(0, at - 6), at) is not None
        assert segment._after_a_list_label(text, at) == found


# --- candidates.lead_end: the prefix patterns tried only where they can match -------------

def _lead_end_before(text: str, start: int, end: int) -> int:
    lead = candidates._BULLET_PREFIX_RE.match(text, start, end)
    begin = lead.end() if lead else start
    stamp = candidates._STAMP_PREFIX_RE.match(text, begin, end)
    return stamp.end() if stamp else begin


_LEAD_TEXTS = ["  \u2022 12.04pm GMT: Breaking: Bank cuts rates", "- 5% rise", "-5% fall",
               "* > - item", "18:40: Brentford scored", "10:42 Temperatures rose", "\u0663:40: x",
               "\u00b2:40: x", "The rover", "", " ", "\t\u2022\t4:30 PM - The vote", "> quote",
               "\u2043 9.15am - a b c d e", "12:30 is the time", "\u00a0\u2022 x"]


@pytest.mark.parametrize("text", _LEAD_TEXTS)
def test_lead_end_as_before(text: str) -> None:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert candidates.lead_end(text, start, end) == _lead_end_before(text, start, end)


def test_lead_end_reads_prefixes() -> None:
    assert {candidates.lead_end(t, 0, len(t)) for t in _LEAD_TEXTS[:6]} != {0}


@settings(max_examples=500)
@given(st.text(alphabet=" \t\u2022*>-0123:.apmGMT\u0663\u00b2Ax", max_size=16))
def test_lead_end_any_text(text: str) -> None:
    assert candidates.lead_end(text, 0, len(text)) == _lead_end_before(text, 0, len(text))


# --- interview._transcript_cue: a page without the odd letters read as an ASCII one -------

_CUE_WORDS = ("operator:", "transcript", "earnings", "conference")


def _transcript_cue_before(text: str) -> bool:
    lower = text.lower()
    if text.isascii():
        if "operator:" not in lower and "transcript" not in lower \
                and not interview._call_after(lower, "earnings") \
                and not interview._call_after(lower, "conference"):
            return False
    elif not any(w in lower for w in _CUE_WORDS) \
            and not any(c in text for c in ODD_CASE_LETTERS):
        return False
    return interview._TRANSCRIPT_CUE_RE.search(text) is not None


_CUE_TEXTS = [
    "\u201cOperator: Good morning.\u201d", "\u2019\n  OPERATOR: x", "caf\u00e9 earnings call",
    "caf\u00e9 earnings\u00a0call", "caf\u00e9 earnings\u2003CALL", "\u00e9 conference\u3000call",
    "\u00e9 earnings rose", "\u00e9 news conference", "\u00e9 TRANSCRIPT", "\u00e9 untranscripted",
    "\u00e9 Tran\u017fcript", "\u0130 earnings call", "earn\u0131ngs call \u00e9",
    "earnings \u212aall \u00e9", "\u00e9 earnings \u017fcall", "\u00e9 earnings call\u0130",
    "\u00c9ARNINGS CALL", "earnings\x1ccall \u00e9", "Earnings\n\nCall \u00e9",
    "plain earnings call",
]


@pytest.mark.parametrize("text", _CUE_TEXTS)
def test_transcript_cue_as_before(text: str) -> None:
    assert interview._transcript_cue(text) == _transcript_cue_before(text)


def test_transcript_cue_reads_both() -> None:
    assert {interview._transcript_cue(t) for t in _CUE_TEXTS} == {True, False}


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["earnings", "Earnings", "conference", "CALL", "call", "\u00e9",
                                 "Operator:", "operator", ":", "transcript", "x", "\u017f",
                                 "\u0131", "\u0130", "\u212a", "\u2019", "earn", "ings"]),
                max_size=8),
       st.lists(st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2003", "", "\n  "]),
                min_size=8, max_size=8))
def test_transcript_cue_any_text(words: list[str], seps: list[str]) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    assert interview._transcript_cue(text) == _transcript_cue_before(text)


# --- clean.may_open_ui before UI_PREFIX_RE.match ------------------------------------------

_UI_LINES = """Watch more Read more: Explore Content from other Input your search Follow us Sign up
    Subscribe to Click here Share this Share on Download the Get the app Image: Photo: Photo
    caption: File photo Caption: Credit: Listen to this article Skip to Related: See also: Also
    read: Read also: More on this: Recommended: 5 min read Advertisement Sponsored There are 14
    comments. View all 14 comments Show 3 comments See all 2 comments Read 1 comment 12
    comments 2 minutes read""".split()


def _assert_ui_gate(plain: str) -> None:
    if cw.UI_PREFIX_RE.match(plain):
        assert clean.may_open_ui(plain, clean._first(plain)), plain


def test_ui_gate_table() -> None:
    phrases = [" ".join(_UI_LINES[i:i + k]) for i in range(len(_UI_LINES)) for k in (1, 2, 3, 4, 5)]
    matched = 0
    for phrase in phrases:
        for text in (phrase, phrase.upper(), phrase.lower(), phrase.replace("s", "\u017f"),
                     phrase.replace("i", "\u0131"), "\u0663 comments", "The rover landed"):
            _assert_ui_gate(text)
            matched += cw.UI_PREFIX_RE.match(text) is not None
    assert matched > 100
    assert not clean.may_open_ui("The rover landed", "t")
    assert not clean.may_open_ui("Kelvin", "k") and not clean.may_open_ui("", "x")


@settings(max_examples=800)
@given(st.lists(st.sampled_from(_UI_LINES + ["\u017f", "\u212a", "\u0131", "x", "1", "the"]),
                max_size=5),
       st.sampled_from([" ", "  ", "\t", "", "\u00a0"]))
def test_ui_gate_any_words(words: list[str], sep: str) -> None:
    _assert_ui_gate(sep.join(words))


# --- gates that copy a pattern's characters: the copy follows the pattern -----------------

def test_copied_first_characters_are_the_patterns() -> None:
    # (review of round 54) A character added to a pattern and not to its gate's copy would be
    # refused by the gate silently: each copy is read back from its pattern.
    every = "".join(map(chr, range(0x3000)))
    opened_bullet = {c for c in every if candidates._BULLET_PREFIX_RE.fullmatch(c + " ")
                     and c != " " and not c.isspace()}
    assert opened_bullet == set(candidates._BULLET_MARKS)
    opened_mark = {c for c in every if segment._CANDIDATE.match(c)}
    assert opened_mark == set(segment._MARKS)


def _opening_words(items: list[Any], i: int = 0, started: bool = False) -> set[str]:
    """The letters each path through a parsed pattern's items[i:] opens with, up to its
    first other item ("#digit" for a path opening with \\d, "#other" for any other)."""
    import re._constants as c

    if i >= len(items):
        return {""}
    op, av = items[i]
    if op is c.LITERAL and chr(av).isalpha():
        return {chr(av) + h for h in _opening_words(items, i + 1, True)}
    if op is c.SUBPATTERN:
        return _opening_words([*av[3], *items[i + 1:]], 0, started)
    if op is c.BRANCH:
        found: set[str] = set()
        for alt in av[1]:
            found |= _opening_words([*alt, *items[i + 1:]], 0, started)
        return found
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, sub = av
        found = _opening_words([*sub, *items[i + 1:]], 0, started)
        return found | _opening_words(items, i + 1, started) if low == 0 else found
    if op is c.AT:
        return _opening_words(items, i + 1, started)
    if started:
        return {""}
    digit = op is c.IN and av == [(c.CATEGORY, c.CATEGORY_DIGIT)]
    return {"#digit" if digit else "#other"}


def test_ui_openers_are_the_patterns() -> None:
    # may_open_ui refuses a line opening with none of _UI_OPENERS nor a digit: the words
    # UI_PREFIX_RE's paths open with are exactly those (review of round 54).
    import re._parser

    parsed = re._parser.parse(cw.UI_PREFIX_RE.pattern, cw.UI_PREFIX_RE.flags)
    assert _opening_words(list(parsed)) == {*clean._UI_OPENERS, "#digit"}


def test_time_letters_are_the_patterns() -> None:
    import re._parser

    from checker.extract import quantity_digits as qd
    from checker.extract import quantity_patterns as qp

    # (_time_after skips the one blank the pattern opens with: the letters after it)
    assert qp.TIME_AFTER.pattern.startswith("\\s?")
    parsed = re._parser.parse(qp.TIME_AFTER.pattern[3:], qp.TIME_AFTER.flags)
    firsts = {word[:1] for word in _opening_words(list(parsed))}
    assert set(qd._TIME_LETTERS) == firsts | {f.upper() for f in firsts}
