"""Gates and rewrites made for speed in the readers of quantities find what the plain code
finds: each reference below is the code or the pattern as it was before the change."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import quantity_stats as qst
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
