"""Speed rewrites of page clean-up and segmentation (round 55), each against the code it
replaced (kept here as the reference): the same answers on the cases that matter and on
hypothesis text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import segment

# Letters IGNORECASE reads as ASCII ones, odd blanks, digits of other scripts.
_ODD = ["\u017f", "\u212a", "\u0131", "\u0130", "\u00a0", "\u2003", "\u0663", "\u00e9", "\t",
        "\x1c", "\x0b"]


# --- segment: the next word read by hand, and the abbreviations' dotted gate ---------------

def _is_boundary_before(text: str, punct_start: int, cut: int) -> bool:
    punct = text[punct_start:cut]
    ellipsis = punct.startswith(("...", "\u2026"))
    if not ellipsis and not text[cut:cut + 1].isspace():
        return False
    nxt = segment._NEXT_RE.match(text, cut)
    if nxt is None:
        return False
    word = nxt.group("word")
    if ellipsis:
        return word[0].isupper()
    if word[0].islower() and not word[0].isdigit():
        return False
    if word.strip("-") == "":
        return False
    if punct[0] == "." and segment._after_a_list_label(text, punct_start):
        return False
    if punct[0] == ".":
        return not _is_abbreviation_before(
            segment.word_before(text, max(0, punct_start - 40), punct_start), word)
    return True


def _is_abbreviation_before(word: str, following: str) -> bool:
    if not word:
        return False
    lower = word.lower()
    if lower in segment.ABBREVIATIONS:
        if lower in {"no", "nos"}:
            return following[:1].isdigit()
        if lower in segment._MAY_END:
            return following.lower() not in segment._OPENERS
        return True
    if len(word) == 1 and word.isupper():
        return True
    if segment._DOTTED_RE.fullmatch(word):
        return following.lower() not in segment._OPENERS
    return False


_SEGMENT_TEXTS = [
    "Revenue rose 2.17% in the U.S. The company said so. Mr. Smith agreed!",
    "challenges...In spite of it... and then\u2026 More. \"Yes.\" (No.) [Maybe.]",
    "He said. 'Yes' she said. (Then) x. [A] b. $4 c. \u00a35 d. \u20ac6 e. -- f. _x g. \u0663 h.",
    "U.S. sanctions. e.g. the. i.e. The. U.K. The x. A.B. They a.b. c.d The",
    "end. \t\n  Next one. \u00a0 Odd blank. \u2003 Em. \"  x.  'y", "Thomas G. Tsao went. No. 4",
    "a. \u00e9t\u00e9. \u0130stanbul. x...y. x\u2026 z. Jan. 17 and in Jan. The", "a.", "a. ",
    "final: 1. Yanis Mbeki (FRA) 7.41; 2. Tomasz", "a. -", "a. \"", "a. (", "a. ''x", "x.. Y",
]


def _assert_boundaries_as_before(text: str) -> None:
    for start, end in segment.candidate_marks(text):
        assert segment._is_boundary(text, start, end) == _is_boundary_before(text, start, end), \
            (text, start)


@pytest.mark.parametrize("text", _SEGMENT_TEXTS)
def test_is_boundary_as_before(text: str) -> None:
    _assert_boundaries_as_before(text)


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(["The", "the", "U.S", "e.g", "A.B", "a", "2", "Mr", "No", "...",
                                 "\u2026", ".", "!", "?", '"', "'", "(", "[", ")", " ", "  ",
                                 "\n", "\t", "-", "_", "$4", "\u00a3", "\u20ac", "Jan", "In",
                                 "x", "'s", ":", "1", *_ODD, "\u2163", "\u00b2"]), max_size=14))
def test_is_boundary_any_text(parts: list[str]) -> None:
    _assert_boundaries_as_before("".join(parts))


@settings(max_examples=1000)
@given(st.text(alphabet=" \t\n\"'([aZ1_$\u00a3\u20ac-.\u00a0\u0663\u00b2\u2163\u00e9!",
               max_size=10), st.integers(0, 10))
def test_next_word_as_the_pattern(text: str, at: int) -> None:
    at = min(at, len(text))
    match = segment._NEXT_RE.match(text, at)
    assert segment.next_word(text, at) == (match.group("word") if match else "")


@settings(max_examples=500)
@given(st.text(alphabet="aZ.1_\u00e9", max_size=8), st.sampled_from(["The", "x", "4", ""]))
def test_is_abbreviation_as_before(word: str, following: str) -> None:
    assert segment._is_abbreviation(word, following) == _is_abbreviation_before(word, following)


@pytest.mark.parametrize("word", ["c.d", "x.y.z", "A.B", "U.S", "e.g", "a.", ".a", "ab", "a.b.",
                                  "a..b", "\u00e9.b", "1.2", "Smith", "St", "No"])
@pytest.mark.parametrize("following", ["Zed", "The", "4", ""])
def test_is_abbreviation_cases(word: str, following: str) -> None:
    assert segment._is_abbreviation(word, following) == _is_abbreviation_before(word, following)


@settings(max_examples=800)
@given(st.text(alphabet=".!?\u2026\"')] aZ\n(.", max_size=40))
def test_candidate_marks_as_finditer(text: str) -> None:
    assert segment.candidate_marks(text) \
        == [m.span() for m in segment._CANDIDATE.finditer(text)]


@pytest.mark.parametrize("text", ["a.. b", "a... b", "a.... b", "..", ".", "x.y", "a..", "?..",
                                  "\u2026..", '..."', "a.!. b", ". .", ""])
def test_candidate_marks_cases(text: str) -> None:
    assert segment.candidate_marks(text) \
        == [m.span() for m in segment._CANDIDATE.finditer(text)]
