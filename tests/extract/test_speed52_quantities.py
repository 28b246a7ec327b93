"""Gates and rewrites made for speed in the readers of quantities find what the plain code
finds: each reference below is the code or the pattern as it was before the change."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.currencies import ISO_CODES
from checker.extract import quantity_context as qc
from checker.extract import quantity_patterns as qp
from checker.extract import quantity_stats as qst
from checker.extract import quantity_words as qw
from checker.extract.quantity_digits import _aged_before, _magnitude_before
from checker.extract.quantity_hits import currency_before, modifier_before
from checker.extract.quantity_ranges import _TEMPERATURE_RANGE_RE, may_hold_temperatures
from checker.extract.quantity_scales import may_hold as scales_may_hold
from checker.extract.quantity_type import Quantity

# Sentences for the readers of a paper's figures: each pattern's own words with and without
# its figures, cues that let a sentence in (`may_hold`) with no figure, whitespace other
# than spaces, and letters IGNORECASE reads as ASCII ones ("\u0131" as "i", "\u017f" as "s").
STATS_CASES = [
    "Night work was associated with a hazard ratio of 1.45 (95% CI 1.12-1.87; p < 0.001).",
    "The risk was higher in younger participants (HR 1.71) than in older ones (HR 1.22; "
    "p = 0.08).",
    "The odds ratio was 2.3 (95% CI, 1.4 to 3.8).",
    "The odds ratio was 2.3 (95%CI 1.4 to 3.8).",
    "The odds ratio was 2 and a 95%\tConfidence interval of 2 to 4.",
    "Mortality fell more in the treated group (95% confidence interval 4-20).",
    "The mean age was 41.3 years (SD 9.8), (sem 2.1), (s.d. 3).",
    "The median was 40 (IQR 30-52).",
    "The rate was 2.1 per 1,000 person-years.",
    "Deaths were 14.2\tPER\n100,000 people.",
    "aHR 1.2, aOR 0.93, IRR 1.07: all adjusted.",
    "The risk was RR 2.5.",
    "The odds were OR 2.5.",
    "The value was P<0.05.",
    "The value was p\u22650.2.",
    "The value was p=0.05.",
    "The value was p>0.05 and P < 0.01.",
    "The value was p \u2264 0.01.",
    "The value was p>0.05.",
    "Signed a $104.9 million contract with China [12] in 2023, grant 301244.",
    "The contract was worth 5 per cent more [1-4].",
    "The rate of 3 pERs was 5 (95% c\u0131 1.1-1.9) and \u017fome 4.5 per 100,000 women.",
    "The rate was 4.5 per 100,000 women (\u00e9t\u00e9) with p = 0.3 and HR 1.71.",
    "No figures of a paper: Oregon (OR) had 5 HR staff, 3 RRs.",
    "",
]


def _find_stats_plain(text: str, folded: str, start: int, end: int) -> Iterator[Quantity]:
    """quantity_stats.find_stats before its patterns were gated one by one."""
    for m in qst._CI_RE.finditer(folded, start, end):
        lo, hi = float(m["lo"]), float(m["hi"])
        if lo > hi:
            continue
        ratio = qst._RATIO_BEFORE_RE.search(folded, max(start, m.start() - 60), m.start())
        kind, unit = ("ratio", "x") if ratio else ("count", None)
        yield Quantity(text[m.start():m.end()], m.start(), m.end(), kind, (lo + hi) / 2, lo, hi,
                       unit, "confidence interval", False, "range")
    for m in qst._RATE_RE.finditer(folded, start, end):
        yield qst._rate(text, m)
    for m in qst._SPREAD_RE.finditer(folded, start, end):
        noun = qst.SPREAD_NAMES[m["label"].lower()]
        if m["hi"] is None:
            yield qst._exact(text, m, "count", None, noun)
        elif float(m["v"]) <= float(m["hi"]):
            lo, hi = float(m["v"]), float(m["hi"])
            yield Quantity(text[m.start():m.end()], m.start(), m.end(), "count", (lo + hi) / 2,
                           lo, hi, None, noun, False, "range")
    for m in qst._LABELLED_RATIO_RE.finditer(folded, start, end):
        yield qst._exact(text, m, "ratio", "x", qst.RATIO_NAMES[m["label"]])
    for m in qst._P_RE.finditer(folded, start, end):
        op = m["op"]
        if op in qst._UPPER_OPS or op in qst._LOWER_OPS:
            value = float(m["v"])
            low, high, bound = (None, value, "upper") if op in qst._UPPER_OPS \
                else (value, None, "lower")
            yield Quantity(text[m.start():m.end()], m.start(), m.end(), "count", value, low,
                           high, None, "p value", False, bound)
        else:
            yield qst._exact(text, m, "count", None, "p value")


@pytest.mark.parametrize("sentence", STATS_CASES)
def test_find_stats_gated_as_plain(sentence: str) -> None:
    text = "Before. " + sentence + " After."
    start, end = 8, 8 + len(sentence)
    plain = list(_find_stats_plain(text, text, start, end))
    assert list(qst.find_stats(text, text, start, end)) == plain
    assert list(qst.find_stats(text, text, start, end, sentence.lower())) == plain


def test_find_stats_cases_find_figures() -> None:
    """The table holds figures of every pattern (a gate refusing one would be seen)."""
    nouns = {q.noun for s in STATS_CASES for q in _find_stats_plain(s, s, 0, len(s))}
    assert {"confidence interval", "hazard ratio", "odds ratio", "p value",
            "standard deviation", "interquartile range"} <= nouns
    assert any(q.unit == "per person" for s in STATS_CASES
               for q in _find_stats_plain(s, s, 0, len(s)))


_NO_FIGURE_PLAIN_RE = re.compile(qst.NO_FIGURE_PLAIN, re.IGNORECASE)
_BRACKETED = st.text(alphabet="[]0123 ,-.gGrantAwdcoCT#N\n", max_size=40)


@pytest.mark.parametrize("sentence", [*STATS_CASES, "Grant No. R01-HL12345 and AWARD #123456",
                                      "under the contract 1500 nurses", "[3,000] and [12] of"])
def test_no_figure_lookahead_as_plain(sentence: str) -> None:
    for start in range(min(len(sentence), 12)):
        assert [m.span() for m in qst._NO_FIGURE_RE.finditer(sentence, start)] == \
            [m.span() for m in _NO_FIGURE_PLAIN_RE.finditer(sentence, start)]


@given(_BRACKETED)
def test_no_figure_lookahead_as_plain_any_text(text: str) -> None:
    assert [m.span() for m in qst._NO_FIGURE_RE.finditer(text)] == \
        [m.span() for m in _NO_FIGURE_PLAIN_RE.finditer(text)]


# quantity_ranges._TEMPERATURE_RANGE_RE as it was, its lookbehind before the first digit.
_TEMPERATURE_RANGE_PLAIN = re.compile(
    r"(?<![\w.,-])(?P<lo>\d{1,2}(?:\.\d)?)(?:\u00b0?(?P<u1>[CF]))?\s?(?:-|\u2013|to)\s?"
    r"(?P<hi>\d{1,3}(?:\.\d)?)\u00b0?(?P<u>[CF])(?![\w'])")
_TEMPERATURES = st.text(alphabet="0123456789.,-\u2013 toCF\u00b0a_'", max_size=30)


@pytest.mark.parametrize("sentence", [
    "highs of 24-27C", "24C-27C and 24 to 27C", "a5-7C", "1.5-7C", ",5-7C", "-5-7C", "5-7C",
    "_5-7C", "x 123-27C", "12.5\u00b0C\u201314\u00b0C", "3 to 112F", "5-7Cs", "95-100F",
])
def test_temperature_range_rewrite_as_plain(sentence: str) -> None:
    for start in range(len(sentence)):
        assert [m.groupdict() | {"span": m.span()}
                for m in _TEMPERATURE_RANGE_RE.finditer(sentence, start)] == \
            [m.groupdict() | {"span": m.span()}
             for m in _TEMPERATURE_RANGE_PLAIN.finditer(sentence, start)]


@given(_TEMPERATURES)
def test_temperature_range_rewrite_as_plain_any_text(text: str) -> None:
    assert [m.groupdict() | {"span": m.span()} for m in _TEMPERATURE_RANGE_RE.finditer(text)] \
        == [m.groupdict() | {"span": m.span()} for m in _TEMPERATURE_RANGE_PLAIN.finditer(text)]


@pytest.mark.parametrize("sentence", [
    "highs of 24-27C", "24C-27C", "24 to 27\u00b0F", "12.5\u00b0C\u201314\u00b0C", "5-7\u00b0C",
    "China's February 12-14 talks", "In China, highs of 24-27C", "C5-7", "5-7 C",
    "\u00b0C 5-7", "5-\u00b0C", "5-7\u00b0\u00b0C",
    "\u0665-\u0667C", "",
])
def test_temperature_gate_lets_every_range_in(sentence: str) -> None:
    found = _TEMPERATURE_RANGE_RE.search(sentence) is not None
    assert may_hold_temperatures(sentence) or not found
    assert may_hold_temperatures(sentence) == any(
        c in "CF" and (sentence[i - 1].isdecimal() or sentence[i - 1] == "\u00b0"
                       and sentence[i - 2:i - 1].isdecimal())
        for i, c in enumerate(sentence) if i)


@given(_TEMPERATURES)
def test_temperature_gate_lets_every_range_in_any_text(text: str) -> None:
    assert may_hold_temperatures(text) or _TEMPERATURE_RANGE_RE.search(text) is None


def _scales_may_hold_plain(low_text: str) -> bool:
    """quantity_scales.may_hold as it was (re.search of the words, no substring test)."""
    return "scale" in low_text or " of " in low_text and re.search(
        r"\b(?:level|category|grade|stage|out)\b", low_text) is not None


@pytest.mark.parametrize("low_text", [
    "rated 4 on a scale of 5", "level 4 of 5", "category 3 of 5 storm", "grade 2 of 4",
    "stage 3 of 4", "a 7 out of 10", "3 of 5 about it", "without 3 of 5", "levels 3 of 5",
    "categories of 3", "upgrade of 3", "backstage of 3", "outer of 2", "out of", " of ", "",
    "level\tof 3", "the grade, of 3", "the grades of 3", "\u00e9tage of 3 level",
])
def test_scales_may_hold_as_plain(low_text: str) -> None:
    assert scales_may_hold(low_text) == _scales_may_hold_plain(low_text)


@given(st.text(alphabet="levlcatgorydsuin f", max_size=30))
def test_scales_may_hold_as_plain_any_text(text: str) -> None:
    assert scales_may_hold(text) == _scales_may_hold_plain(text)


# Currency before a number: every word and symbol of CUR's branches, in several cases, after
# several words and before several endings, each searched as Hit searches it.
_CURRENCY_WORDS = sorted({*ISO_CODES, "Rs", "Re", "Tk", "Taka", "PKR", "USD", "EUR", "GBP",
                          "INR", "RMB", "CNY", "JPY", "US$", "U.S.$", "U.S. $", "A$", "c$",
                          "HK$", "s$", "NZ$", "$", "\u00a3", "\u20ac", "GH\u00a2", "Dollars",
                          "pounds", "Mrs", "the", "U\u017f$", "H\u212a$", "\u017f$"})
_CURRENCY_WINDOWS = [
    before + variant + after
    for word in _CURRENCY_WORDS
    for variant in {word, word.upper(), word.lower(), word.title()}
    for before in ("", "x", "of ", "value ", "(", "2", "at-", "\u00e9 ")
    for after in ("", ".", " ", ". ", "  ", "\t", ".\n", "5")
]


def _currency_spans(text: str) -> Iterator[tuple[int, int]]:
    for head in range(len(text) + 1):
        for lo in {max(0, head - 8), max(0, head - 3), head}:
            yield lo, head


@pytest.mark.parametrize("chunk", range(8))
def test_currency_before_as_search(chunk: int) -> None:
    windows = _CURRENCY_WINDOWS[chunk::8]
    for text in windows:
        for lo, head in _currency_spans(text):
            match = qp.CUR_BEFORE_RE.search(text, lo, head)
            assert currency_before(text, lo, head) == (match.span() if match else None), \
                (text, lo, head)


@given(st.text(alphabet="$USAusa.CcHKhkNZz RrsTtEeKkDd\u00a3\t5\u017f\u212a", max_size=12))
def test_currency_before_as_search_any_text(text: str) -> None:
    for lo, head in _currency_spans(text):
        match = qp.CUR_BEFORE_RE.search(text, lo, head)
        assert currency_before(text, lo, head) == (match.span() if match else None)


# Modifiers before a number: each of MOD_BEFORE_RE's alternatives, in several cases, after
# several words and characters, before several endings, each window searched as Hit does.
_MODIFIERS = [" ".join(re.split(r"\\s\+", alt)).replace("\\.", ".")
              for alt in f"{qw.APPROX}|{qw.LOWER}|{qw.UPPER}".split("|")]
_MODIFIER_TEXTS = [
    before + variant + after
    for modifier in [*_MODIFIERS, "was", "has", "whereas", "rose to", "a rise of", "handsome",
                     "more  than", "up\tto", "the region of", "best part of"]
    for variant in {modifier, modifier.upper(), modifier.title(), modifier.replace(" ", "\n")}
    for before in ("", "x", "it ", "(", "-", "\u00e9 ", "a_")
    for after in (" ", "  ", "\u00a0", "", "x ")
]


@pytest.mark.parametrize("chunk", range(8))
def test_modifier_before_as_search(chunk: int) -> None:
    for text in _MODIFIER_TEXTS[chunk::8]:
        head = len(text)
        for lo in range(head + 1):
            match = qp.MOD_BEFORE_RE.search(text, lo, head)
            assert modifier_before(text, lo, head) == (match.span() if match else None), \
                (text, lo)


def test_modifier_words_read_every_alternative() -> None:
    """Each alternative is words joined by \\s+ (what MOD_ONE_WORDS and MOD_WORDS_BEFORE
    are read from)."""
    for alt in f"{qw.APPROX}|{qw.LOWER}|{qw.UPPER}".split("|"):
        assert re.fullmatch(r"(?:[a-z~]|\\\.)+(?:\\s\+[a-z]+)*", alt), alt


# The words before a number: ages and magnitudes in several cases and spellings, with other
# words and letters IGNORECASE reads as ASCII ones, each window searched as from_match does.
_BEFORE_NUMBER = [
    before + phrase + after
    for phrase in ("aged", "ages", "at the age of", "aged between", "aged 18 to", "magnitude",
                   "a magnitude of", "magnitude-", "page", "stage", "agnostic", "magn\u0131tude",
                   "AGED", "At The Age Of", "A MAGNITUDE OF", "Magnitude", "pages", "")
    for before in ("", "x", "a ", "\u00e9 ", "the quake had ")
    for after in (" ", "  ", "-", "\n", "", " x ")
]


@pytest.mark.parametrize("chunk", range(4))
def test_age_and_magnitude_gates_as_search(chunk: int) -> None:
    for text in _BEFORE_NUMBER[chunk::4]:
        hi = len(text)
        for lo in range(hi + 1):
            assert _aged_before(text, lo, hi) == \
                (qc.AGED_BEFORE_RE.search(text, lo, hi) is not None), (text, lo)
            assert _magnitude_before(text, lo, hi) == \
                (qp.MAGNITUDE_BEFORE_RE.search(text, lo, hi) is not None), (text, lo)


@given(st.text(alphabet="agedAGEDmnitu\u0131\u0130s of-", max_size=20))
def test_age_and_magnitude_gates_as_search_any_text(text: str) -> None:
    assert _aged_before(text, 0, len(text)) == (qc.AGED_BEFORE_RE.search(text) is not None)
    assert _magnitude_before(text, 0, len(text)) == \
        (qp.MAGNITUDE_BEFORE_RE.search(text) is not None)
