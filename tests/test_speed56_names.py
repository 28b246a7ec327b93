"""Capitals mid-sentence, datelines and fuzzy names read with less work give what they gave:
the code each rewrite replaced is kept here as it was (functions named _..._before) and
compared with the new on a table of cases and hypothesis strings."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lexicon as lexicon_module
from checker import namebounds, propernames
from checker.lexicon import Lexicon
from checker.propernames import mid_capitals, mid_sentence_names
from checker.rules import RuleSet

# -- the code as it was ----------------------------------------------------------------

_SPACED_MID_NAME_RE = re.compile(r" ([A-Z](?<=[a-z0-9,;] [A-Z])[\w'\u2019-]*)")


def _mid_capitals_before(text: str) -> dict[str, int]:
    """What mid_capitals counts, as mid_sentence_names counted it: the pattern's findall."""
    return Counter(_SPACED_MID_NAME_RE.findall(text))


def _mid_sentence_names_before(text: str) -> frozenset[str]:
    """propernames.mid_sentence_names as it was: a Counter of the findall, and isascii()
    asked of each word."""
    found: Counter[str] = Counter(_SPACED_MID_NAME_RE.findall(text))
    for word in propernames._STAMPED_WORD_RE.findall(text) if propernames.has_clock(text) \
            else ():
        if found.get(word, 0) > 1:
            found[word] -= 1
        else:
            found.pop(word, None)
    if not found:
        return frozenset()
    lower: Counter[str] | None = None
    names = []
    for word, n in found.items():
        low = word.lower()
        if low.isascii():
            seen = propernames.lower_word_count(text, low, n)
        else:
            if lower is None:
                lower = Counter(propernames._LOWER_WORD_RE.findall(text))
            seen = lower.get(low, 0)
        if seen < n:
            names.append(word)
    return frozenset(names)


def _after_dash_dateline_before(text: str, start: int, pos: int) -> bool:
    """namebounds.after_dash_dateline as it was: the pattern tried on every sentence."""
    return namebounds._DASH_DATELINE_RE.fullmatch(text, start, pos) is not None


def _char_bits_before(text: str) -> int:
    """lexicon._char_bits as it was: ord() of each character."""
    bits = 0
    for ch in text:
        bits |= 1 << (ord(ch) & 31)
    return bits


def _reachable_before(lexicon: Lexicon, query: str) -> list[str]:
    """Lexicon._reachable as it was: rows of (choice, bits, most) tuples, as built for each
    (length, threshold)."""
    size = len(query)
    slack = 1 - lexicon.fuzzy_threshold
    rows = [(c, lexicon._choice_bits[c], int(slack * (len(c) + size) + 1))
            for c in lexicon._near_choices(size)]
    bits = _char_bits_before(query)
    out: list[str] = []
    for choice, held, most in rows:
        diff = bits ^ held
        if lexicon_module._BITS[diff & 65535] + lexicon_module._BITS[diff >> 16] <= most:
            out.append(choice)
    return out


# -- capitals mid-sentence ------------------------------------------------------------

# What the pattern and the shapes read: the letters before a space ([a-z0-9,;]), capitals,
# a name's marks, "?" (which the encoding's "replace" also makes), letters and marks
# outside ASCII (a word's and not), blanks, and a lone surrogate.
_MID_ALPHABET = ("aZB 0,;.'\u2019-_?\n\t\xa0\u00c9\u00e9\u00a9\u201c\u017f\u0131\u0130\u212a"
                 "\ud800x9:1")
_MID_TEXT = st.text(alphabet=_MID_ALPHABET, max_size=40)
_MID_WORDS = ["Lin", "lin", "Will", "will", "the", "said", ",", ";", ".", "'s", "\u2019s",
              "Ngo\u00e9", "ngo\u00e9", "Wu-Lin", "Who?", "\u00a9Reuters", "Kremlin\u2019s",
              "a", "B", "b", "x9", "10:42", "\n", "\u201cLin\u201d", "O'Brien", "_X"]


def test_mid_capitals_cases() -> None:
    for text, found in [
            ("the Lin, met; Will and 9 Xi. No Wu-Lin's x  Yy  a Bb",
             {"Lin": 1, "Will": 1, "Xi": 1, "Wu-Lin's": 1, "Bb": 1}),
            ("a Bc Def Ghi", {"Bc": 1, "Def": 1, "Ghi": 1}), ("aBC Def", {}),
            ("by the Kremlin\u2019s men, Who? said", {"Kremlin\u2019s": 1, "Who": 1}),
            ("x \u00c9mile y Ngo\u00e9 z Ab\u00a9d", {"Ngo\u00e9": 1, "Ab": 1}),
            ("a A", {"A": 1}), (" A", {}), ("", {}), ("a A a A", {"A": 2}),
            ("s \u017f A? a B", {"B": 1}), ("x O'Brien_2-x", {"O'Brien_2-x": 1})]:
        assert mid_capitals(text) == _mid_capitals_before(text) == found, text


@settings(max_examples=1500)
@given(_MID_TEXT)
def test_mid_capitals_as_before(text: str) -> None:
    assert mid_capitals(text) == _mid_capitals_before(text), text


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_MID_WORDS), max_size=30).map(" ".join))
def test_mid_capitals_of_words_as_before(text: str) -> None:
    assert mid_capitals(text) == _mid_capitals_before(text), text
    assert mid_sentence_names(text) == _mid_sentence_names_before(text), text


@settings(max_examples=500)
@given(_MID_TEXT)
def test_mid_sentence_names_as_before(text: str) -> None:
    assert mid_sentence_names(text) == _mid_sentence_names_before(text), text


# -- dash datelines -------------------------------------------------------------------

_DATELINE_ALPHABET = "LUSAKa ,.-\u2013\u2014\t\n()Rr'_x\u00a0"


def test_after_dash_dateline_cases() -> None:
    for text, yes in [("LUSAKA - A case", True), ("KITWE, Zambia (Reuters) \u2014 A", True),
                      ("LUSAKA -A", False), ("LUSAKA\t-\t A", True), ("Lusaka said A", False),
                      ("- A", False), ("LUSAKA \u2013 ", True), ("x - A", False)]:
        pos = text.rfind(" A") + 1 or len(text)  # (before the name, if any)
        assert namebounds.after_dash_dateline(text, 0, pos) == yes, text
        assert _after_dash_dateline_before(text, 0, pos) == yes, text


@settings(max_examples=1500)
@given(st.text(alphabet=_DATELINE_ALPHABET, max_size=30), st.integers(0, 32),
       st.integers(0, 32))
def test_after_dash_dateline_as_before(text: str, start: int, pos: int) -> None:
    assert namebounds.after_dash_dateline(text, start, pos) == \
        _after_dash_dateline_before(text, start, pos), (text, start, pos)


# -- fuzzy names ----------------------------------------------------------------------


@given(st.text(alphabet="abcehinorsu \u00e90A_~\u0100\u017f\u212a'", max_size=24))
def test_char_bits_as_before(text: str) -> None:
    assert lexicon_module._char_bits(text) == _char_bits_before(text)


def test_reachable_as_before(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    lexicon._fuzzy(("warm", "up"))  # (the choices built)
    names = list(lexicon._choice_keys)
    queries = [q for n in names for q in (n, n + "s", n[1:], "x" + n, n[::-1], n.upper(),
                                          n.replace("a", "\u00e9"), n + " 2")]
    try:
        for threshold in (0.9, 0.8, 0.5, 0.9):  # (the rows of one threshold not kept)
            lexicon.fuzzy_threshold = threshold
            found = 0
            for query in queries:
                near = lexicon._reachable(query)
                assert near == _reachable_before(lexicon, query), (query, threshold)
                found += len(near)
            assert found >= len(queries)
    finally:
        lexicon.fuzzy_threshold = 0.9


@settings(max_examples=300)
@given(st.text(alphabet="abcehinorsu \u00e90A_~\u0100", min_size=1, max_size=24))
def test_reachable_as_before_any_text(ruleset: RuleSet, query: str) -> None:
    ruleset.lexicon._fuzzy(("warm", "up"))
    assert ruleset.lexicon._reachable(query) == _reachable_before(ruleset.lexicon, query)

