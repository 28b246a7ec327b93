"""A claim's character tests, word counts, line numbers and feature gates rewritten for
speed (round 56) give what the code before gave."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import textutil
from checker.charscan import count_words, has_letter_pair, single_spaced
from checker.extract import SENTENCE_GATES, worthiness
from checker.extract.attribution_cues import GATES as ATTRIBUTION_GATES
from checker.extract.clean_lines import word_count
from checker.extract.dates import GATES as DATE_GATES
from checker.extract.gates import gate_text
from checker.extract.quantities import GATES as QUANTITY_GATES
from checker.extract.worthiness import CUE_GATES
from checker.extract.worthiness_cues import FIRST_PERSON_WORDS
from checker.textutil import LineCounter, LineIndex

_LETTERS_RE = re.compile(r"[A-Za-z]{2}")  # document._LETTERS_RE as round 55 searched it

# Letters, ASCII's neighbours of letters ("@", "[", "`", "{"), blanks of every kind str.split
# reads, letters IGNORECASE would read as ASCII ones, and other scripts.
_CHARS = st.sampled_from(list(
    "aZzA@[`{ \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2009\u200a\u2028\u2029\u202f"
    "\u205f\u3000\u200b\u017f\u0131\u0130\u212a\u00e9\u00c9\u0391\u4e2d1.,\"'-"))
_TEXTS = st.lists(_CHARS, max_size=30).map("".join)


@given(_TEXTS)
def test_has_letter_pair_is_the_search(text: str) -> None:
    assert has_letter_pair(text) == (_LETTERS_RE.search(text) is not None)


@pytest.mark.parametrize(("text", "want"), [
    ("", False), ("a", False), ("ab", True), ("a b", False), ("Ab", True), ("aZ", True),
    ("a@", False), ("@a", False), ("a[", False), ("`a", False), ("a{", False), ("{z", False),
    ("\u00e9a", False), ("a\u00e9b", False), ("\u017fa", False), ("\u212aa", False),
    ("12: 34", False), ("12 ab", True), ("x1y", False),
])
def test_has_letter_pair_on_cases(text: str, want: bool) -> None:
    assert has_letter_pair(text) == want == (_LETTERS_RE.search(text) is not None)


@given(_TEXTS, st.integers(1, 14))
def test_count_words_is_split_s(text: str, most: int) -> None:
    assert count_words(text, most) == min(len(text.split()), most)
    # document.claim_steps and worthiness.text_features read it as they read the split.
    assert (count_words(text, 3) < 3) == (len(text.split(None, 2)) < 3)
    words = count_words(text, 12)
    before = len(text.split(None, 12))
    assert (words < 12, words < 5, words >= 3) == (before < 12, before < 5, before >= 3)


@pytest.mark.parametrize(("text", "want"), [
    ("", 0), ("  ", 0), ("a", 1), (" a ", 1), ("a b", 2), ("a\u00a0b", 2), ("a\u200bb", 1),
    ("a\x1cb", 2), ("a\x85b", 2), ("a\u3000b\tc\nd", 3), ("one two three four", 3),
])
def test_count_words_on_cases(text: str, want: int) -> None:
    assert count_words(text, 3) == want == min(len(text.split()), 3)


_LINES = st.lists(st.sampled_from(["a", "b\n", "\n", "\r", "\r\n", "c d", "\n\n", "\u2028"]),
                  max_size=20).map("".join)


@given(_LINES, st.lists(st.integers(-3, 45), max_size=12), st.booleans())
def test_line_counter_is_the_index_s(text: str, offsets: list[int], ordered: bool) -> None:
    index, counter = LineIndex(text), LineCounter(text)
    for offset in sorted(offsets) if ordered else offsets:
        assert counter.line_of(offset) == index.line_of(offset), (text, offset)


def test_line_counter_on_a_page() -> None:
    text = "Title\n\nFirst line.\nSecond\nthird.\n"
    counter = LineCounter(text)
    assert [counter.line_of(text.index(w)) for w in ("First", "Second", "third", "Title")] \
        == [3, 4, 5, 1]
    assert LineCounter("a\r\nb\rc").line_of(5) == 3


def _alternatives(group: str) -> list[str]:
    """The top-level alternatives of a regex group's body."""
    out, depth, at = [], 0, 0
    for i, char in enumerate(group):
        if char == "(" and group[i - 1:i] != "\\":
            depth += 1
        elif char == ")" and group[i - 1:i] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(group[at:i])
            at = i + 1
    return [*out, group[at:]]


def _first_letters(alternative: str) -> set[str]:
    """The letters an alternative of ADVICE_RE's group can open with."""
    if alternative.startswith("(?:"):
        inner = alternative[3:alternative.index(")")]
        return {letter for alt in _alternatives(inner) for letter in _first_letters(alt)}
    assert alternative[:1].isalpha(), alternative  # a form this reading does not know
    return {alternative[0]}


def test_advice_first_letters_are_the_pattern_s() -> None:
    # Read off ADVICE_RE itself: a phrase added there with a new first letter fails here.
    source = worthiness.ADVICE_RE.pattern
    assert source.startswith("^(?:")
    body = source[4:source.index(r")\b(?!-)")]
    letters = {letter for alt in _alternatives(body) for letter in _first_letters(alt)}
    assert letters == set(worthiness._ADVICE_FIRST_LETTERS)


# The phrases ADVICE_RE opens with, as its alternatives write them.
_ADVICE_OPENERS = ["please ", "let's ", "let us ", "do not ", "don't ", "make sure",
                   "remember", "try", "consider", "click", "visit", "read", "watch", "join",
                   "follow", "subscribe", "one way to", "the best way to", "the only way to",
                   "another way to"]


@pytest.mark.parametrize("opener", _ADVICE_OPENERS)
def test_each_advice_opener_passes_the_gate(opener: str) -> None:
    for lead in ("", '"', "(", '("'):
        lower = f"{lead}{opener} it now"
        assert worthiness._ADVICE_TWIN.match(lower.lstrip('"(')) is not None, lower
        assert worthiness._may_be_advice(lower.lstrip('"(')), lower


_WORDS = st.lists(st.sampled_from([*_ADVICE_OPENERS, "the", "a", "it", "sure", '"', "(", " ",
                                   "x", "1", "-", "'", "\t", "way to", "b"]),
                  max_size=6).map("".join)


@given(_WORDS)
def test_advice_gate_is_a_precondition(lower: str) -> None:
    if not worthiness._may_be_advice(lower.lstrip('"(')):
        assert worthiness._ADVICE_TWIN.match(lower.lstrip('"(')) is None


@given(st.frozensets(st.sampled_from([*sorted(FIRST_PERSON_WORDS), "you", "i'm", "US", "we'd",
                                      "did", "x"])))
def test_first_person_words_as_the_set_s(toks: frozenset[str]) -> None:
    assert worthiness._any_of(worthiness._FIRST_PERSON, toks) \
        == (not FIRST_PERSON_WORDS.isdisjoint(toks))


@given(_TEXTS)
def test_single_spaced_as_the_tests_before(text: str) -> None:
    # Both callers' texts are their own runs of whitespace made one space when it holds.
    if single_spaced(text):
        assert re.sub(r"\s+", " ", text) == text
        assert " ".join(text.split()).strip(" .\"'") == text.strip(" .\"'")
    if "  " not in text and text.isprintable():  # what gates and ids tested before
        assert single_spaced(text)


@pytest.mark.parametrize(("text", "want"), [
    ("", True), (" ", True), ("a b", True), ("a  b", False), ("a\tb", False), ("a\nb", False),
    ("a\xa0b", False), ("a\u2009b", False), ("a\x1fb", False), ("a\x85b", False),
    ("a\u200bb", True), ("\u00e9 \u4e2d", True), (" a ", True), ("a\x0bb", False),
])
def test_single_spaced_on_cases(text: str, want: bool) -> None:
    assert single_spaced(text) == want


# fold() of a page by str.replace of each character present (round 56), not a substitution
# calling a function for each.
_FOLD_RE_BEFORE = re.compile("[" + re.escape("".join(textutil._FOLD_CHARS)) + "]")


def _fold_before(text: str) -> str:
    """textutil.fold as round 55 left it."""
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    return _FOLD_RE_BEFORE.sub(lambda m: textutil._FOLD_CHARS[m.group()], text)


_FOLDABLE = st.lists(st.sampled_from([*textutil._FOLD_CHARS, "a", " ", "'", '"', "-", "`",
                                      "\u00e9", "\u4e2d", "\n", "x" * 40, "\u2026"]),
                     max_size=80).map("".join)


@given(_FOLDABLE, st.booleans())
def test_fold_as_before(text: str, page: bool) -> None:
    # A page (200 characters or more, not ASCII) is folded by str.replace, a line by the
    # substitution: both compared with the substitution as it was.
    if page:
        text = text + "\u00e9" + "x" * textutil._FOLD_BY_REPLACE
    assert textutil.fold(text) == _fold_before(text)
    assert len(textutil.fold(text)) == len(text)


def test_fold_of_a_page_folds_every_character() -> None:
    page = " ".join(f"a{char}b" for char in textutil._FOLD_CHARS) * 3
    assert len(page) >= textutil._FOLD_BY_REPLACE
    assert textutil.fold(page) == _fold_before(page)
    assert textutil.fold(page).isascii()
    for char, ascii in textutil._FOLD_CHARS.items():  # each alone in a page
        text = "\u00e9" + "x" * textutil._FOLD_BY_REPLACE + char
        assert textutil.fold(text)[-1] == ascii, hex(ord(char))


# One scan's four masks, each an int of its part's bits (round 56), and automata built with
# their needles in the order of English letters' frequency: each part's own mask.
_PARTS = (DATE_GATES, QUANTITY_GATES, ATTRIBUTION_GATES, CUE_GATES)
_NEEDLES = sorted({needle for part in _PARTS for group in part.groups for needle in group})
_CLAUSES = st.lists(st.sampled_from([*_NEEDLES, " ", "  ", "\t", "x", "e", "q", "\u00e9"]),
                    max_size=12).map("".join)


@given(_CLAUSES)
def test_joint_masks_are_each_part_s(text: str) -> None:
    assert SENTENCE_GATES.masks(text) == tuple(part.mask(text) for part in _PARTS)
    for part in _PARTS:
        assert part.mask(text) == part.always | sum(
            1 << i for i, group in enumerate(part.groups)
            if any(needle in gate_text(text) for needle in group))


_ASCII = st.lists(st.sampled_from(list("ab Z.\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x00'")),
                  max_size=20).map("".join)


@given(_ASCII)
def test_single_spaced_ascii_by_its_definition(text: str) -> None:
    blanks_but_space = any(c.isspace() and c != " " for c in text)
    assert single_spaced(text) == ("  " not in text and not blanks_but_space)


@given(st.one_of(_ASCII, _TEXTS))
def test_text_features_word_count_as_split_s(text: str) -> None:
    text = text.strip()
    words = word_count(text)  # (text_features' count of its stripped text)
    before = len(text.split(None, 12))
    assert (words < 12, words < 5, words >= 3) == (before < 12, before < 5, before >= 3)
