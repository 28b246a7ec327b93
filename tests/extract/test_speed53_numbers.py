"""Rewrites made for speed in the readers of numbers and dates find what the plain code finds:
each reference below is the code or the pattern as it was before the change."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import quantity_context as qc
from checker.extract import quantity_patterns as qp
from checker.extract import quantity_stats as qst
from checker.extract.date_patterns import _MONTH_AT_LOWER_RE, MONTH_AT_RE, month_starts
from checker.extract.date_shift import DATELINE_RE, dateline_end
from checker.extract.quantity_digits import _capital_before, _is_letter, _letter_end
from checker.extract.quantity_values import number, plain_digits

# quantity_patterns.NOUN_WORDS_RE, which noun_after ran findall with.
_NOUN_WORDS_PLAIN = re.compile(r"\d+-year-olds\b|[A-Za-z][\w'-]*|[,.;:()\-]")


def _noun_after_plain(folded: str, end: int) -> str | None:
    """quantity_context.noun_after as it was, every word of its window listed."""
    window = folded[end:end + 60]
    brk = window.find("\n")
    if brk >= 0 and not window[brk + 1:].lstrip(" \t")[:1].islower():
        window = window[:brk]
    words = _NOUN_WORDS_PLAIN.findall(window)
    if words[:1] in (["of"], ["in"]) and len(words) > 1:
        if words[0] == "in" and (words[1][:1].isupper()
                                 or words[1].lower().startswith(("mid-", "early", "late"))
                                 or words[1].lower() in qc.ORDINAL_WORDS):
            return None
        named = words[1].lower() if words[0] == "of" and words[1][:1].isupper() \
            and folded.endswith(("%", "cent"), 0, end) else None
        words = words[1:]
        if len(words) > 1 and words[0].lower() in qc._PARTITIVE_PRONOUNS \
                and window.lstrip().lower().startswith("of "):
            words = words[1:]
        noun = qc._noun_of(words)
        return None if noun is not None and noun == named else noun
    return qc._noun_of(words)


# What follows numbers: each branch of noun_after, the sixth word read (after "of them"),
# age groups, marks, words running on past 60 characters, lines and non-ASCII letters.
NOUN_CASES = [
    "600 VT-4 battle tanks were sold",
    "15 of them lorries, the rest cars",
    "73 of those Canadian Armed Forces personnel were sent",
    "12 of these Royal Navy air defence systems",
    "4 of them Pakistani students study here",
    "81 per cent of imports",
    "12% of Brightwell",
    "4% of Italian exports",
    "$2.1 billion in sales",
    "$462.3 million in September",
    "710 in mid-March",
    "4.2% in early trading",
    "$41.3m in second place",
    "271,590 UK 18-year-olds applied, 118-year-olds none",
    "5 2018-year-olds 7-year-old-ish (children), men; women: 3",
    "6 nautical miles north of Naxos",
    "one crew member suffered burns",
    "11 seats short of a majority",
    "10\nContainers stranded: 38,000",
    "10\n  containers stranded",
    "3 caf\u00e9s and \u00e9clairs, \u017fhips ſ K\u212a _x 9 x9 it's Chang'e",
    "7 of",
    "7 in",
    "",
    "9 " + "word " * 20 + "ships",
    "20 of them of them of them of them of them",
]


@pytest.mark.parametrize("sentence", NOUN_CASES)
def test_noun_after_six_words_as_plain(sentence: str) -> None:
    text = "Before: " + sentence
    for end in range(8, len(text) + 1):
        assert qc.noun_after(text, end) == _noun_after_plain(text, end)


def test_noun_cases_read_the_sixth_word() -> None:
    """A case whose noun is its sixth word: a pattern of five words would be seen."""
    text = "12 of them Canadian Armed Forces personnel arrived"
    assert _noun_after_plain(text, 2) == "personnel"
    assert len(_NOUN_WORDS_PLAIN.findall(text[2:])) > 6


_NOUN_TEXT = st.text(alphabet="aZ1 8-year-olds\t\n,.;:()'\u00e9_\u017f%", max_size=70)


@given(_NOUN_TEXT)
def test_first_noun_words_as_findall_any_text(text: str) -> None:
    first = qp.FIRST_NOUN_WORDS_RE.match(text)
    assert first is not None
    assert [w for w in first.groups() if w is not None] == _NOUN_WORDS_PLAIN.findall(text)[:6]


@given(_NOUN_TEXT)
def test_noun_after_as_plain_any_text(text: str) -> None:
    for end in range(min(len(text), 4) + 1):
        assert qc.noun_after(text, end) == _noun_after_plain(text, end)


# quantity_patterns' patterns that quantity_digits searched its windows with.
_LETTER_END_PLAIN = re.compile(r"[A-Za-z][-']?$")
_LETTER_START_PLAIN = re.compile(r"-?[A-Za-z]")
# Windows before and after numbers: names, owners, capitals anywhere in the last word,
# whitespace and newlines at the end, letters that are not ASCII.
WINDOWS = ["the HQ-", "the HQ-9", "Chang'", "Chang'e", "rose to ", "iPhone ", "Joe Root's ",
           "McDonald's ", "Boeing\u2019s ", "the Kepler-\n", "UK\n", "UK \n", "UK  ", "a\tB ",
           "\u00c9t\u00e9 ", "Z", "-", "'", "a-", "1-", "x'\n", "\n", "", " ", "stage ",
           "phase IV ", "said O'Neill ", "in 2024 ", "CEO\u00a0", "K\u212a ", "\u017f-",
           "-10CE", "-year", "--", "-\u00e9", "CE", "\u00e9"]


@pytest.mark.parametrize("window", WINDOWS)
def test_window_tests_as_patterns(window: str) -> None:
    assert _letter_end(window) == (_LETTER_END_PLAIN.search(window) is not None)
    assert (_is_letter(window[:1]) or window[:1] == "-" and _is_letter(window[1:2])) == \
        (_LETTER_START_PLAIN.match(window) is not None)
    found, plain = _capital_before(window), qp.CAPITAL_BEFORE.search(window)
    assert (found and found.span()) == (plain and plain.span())


def test_window_cases_find_capitals() -> None:
    """Capitals after the first letter of the last word are found (a gate on its first
    letter, or on the window's last character, would be seen)."""
    assert qp.CAPITAL_BEFORE.search("iPhone ") is not None
    assert qp.CAPITAL_BEFORE.search("UK \n") is not None


@given(st.text(alphabet="aZ-'\u00e9 \n\t1\u212a\u00c9s", max_size=12))
def test_window_tests_as_patterns_any_text(window: str) -> None:
    test_window_tests_as_patterns(window)


# Lower-case ASCII sentences with months, abbreviations, words that open with one ("market",
# "summary", "decade"), "long march", a full stop after an abbreviation, and words running
# on across the slice's start.
MONTH_TEXTS = [
    "the market may rise in march as the government said on 3 dec. that jobs in sept rose",
    "the long march 10 and the long  march; a summary of januaryx in june's report",
    "jan. 17, feb 2, mar-apr, jun/jul, aug_, sep., sept., sept, september, octobers, nov",
    "decades ago: december 2024, may, mayday, a_may, 1may, jun2, julyx, augusta, oct-nov",
    "xmay 2024 and may",
    "",
]


def _month_starts_plain(folded: str, lower: str, start: int, stop: int) -> list[int]:
    """date_patterns.month_starts by its definition, MONTH_AT_RE's scan of folded. (Round
    53's reference scanned the slice, as the code did, and so read "long march" as a month
    where the slice began inside "long " or right after it: fixed in round 55.)"""
    return [m.start() for m in MONTH_AT_RE.finditer(folded, start, stop)]


@pytest.mark.parametrize("text", MONTH_TEXTS)
def test_month_starts_as_plain(text: str) -> None:
    for start in range(len(text) + 1):
        lower = text[start:]
        assert month_starts(text, lower, start, len(text)) == \
            _month_starts_plain(text, lower, start, len(text))


@given(st.text(alphabet="janfebmrpyulgsoctvdeh .-_1\nlong", max_size=30))
def test_month_lower_twin_as_plain_any_text(text: str) -> None:
    plain = re.compile(MONTH_AT_RE.pattern)
    assert [m.span() for m in _MONTH_AT_LOWER_RE.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(("label", "noun"), [
    ("\u017fd", "standard deviation"), ("\u017f.d.", "standard deviation"),
    ("\u017fE", "standard error"), ("\u017fem", "standard error"),
    ("\u0130QR", "interquartile range"), ("\u0131qr", "interquartile range"),
    ("SD", "standard deviation"), ("iqr", "interquartile range")])
def test_spread_labels_read_as_ignorecase_reads_them(label: str, noun: str) -> None:
    """find_stats on text not folded: a label IGNORECASE matched with a letter other than
    ASCII ("\u017fd") raised KeyError."""
    text = f"The mean was 41.3 years ({label} 9.8) and the median 40 ({label} 30-52)."
    found = list(qst.find_stats(text, text, 0, len(text)))
    assert [q.noun for q in found] == [noun, noun]
    assert [(q.low, q.high) for q in found][1] == (30.0, 52.0)


def _number_plain(text: str, factor: float = 1.0) -> float:
    """quantity_values.number as it was: every product but one's in Decimal."""
    digits = plain_digits(text)
    if factor == 1.0 and len(digits) <= 20:
        return float(digits)
    return float(Decimal(digits) * Decimal(repr(factor)))


# Scales and units of every kind (powers of ten, and not: miles, feet, a thousandth of a
# thousand), figures of up to 21 digits, commas, spaces, decimal commas, words' values.
_FACTORS = [1.0, 1e2, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12, 1e15, 0.01, 0.001, 1e-6, 1609.344,
            0.3048, 1e3 * 0.01, 1e6 * 1000.0, 0.01 * 1e9, 1e16, 1e-7]


@pytest.mark.parametrize("text", ["2.135", "1,250", "3 400", "3,4", "0.0001", "999999999999",
                                  "12345678901234567890", "123456789012345678901",
                                  "1234567890.1234567891", "5.0", "1e+16", "\u0663"])
def test_number_as_plain(text: str) -> None:
    for factor in _FACTORS:
        assert number(text, factor) == _number_plain(text, factor)


@given(st.from_regex(r"\d{1,21}(?:\.\d{1,12})?", fullmatch=True), st.sampled_from(_FACTORS))
def test_number_as_plain_any_figure(text: str, factor: float) -> None:
    assert number(text, factor) == _number_plain(text, factor)

# Months followed by what each month-first pattern reads, and by what none does: days,
# years after "of", "last"/"this"/"next", ranges by word and by dash, full stops, other
# whitespace, letters IGNORECASE reads as ASCII ones, and a slice ending right after.
FOLLOW_TEXTS = [
    "Jan. 17, 2024 and Feb 3 were busy; from March to May 2024 sales rose, then June.",
    "In April last year; March of 2024; MARCH OF 2024; sept. 12th 2024; Nov 31; Oct. 1st.",
    "Decline in March-April, May \u2013 June, July through August, Sept until Oct, dec - jan.",
    "March\tthis year, June\nnext year, May\u00a05, mayday 5, Jan2024, jan_5, Aug.x 3, Dec.. 4",
    "\u017fept 5, \u017feptember 2024, Apr\u0131l 3, APRIL\u2009last year, on 4th of July 2023",
    "On April 1 last year, November 11-12, and March 3 and 4, 2025; Dec\n5 to 6 in Rome.",
    "May", "in March ", "June 1", "the Long March 10 rocket",
]


def _month_first_plans() -> list[tuple[str, re.Pattern[str]]]:
    from checker.extract.date_patterns import MONTH_FIRST, PATTERNS

    return [(name, pattern) for name, pattern, _, _ in PATTERNS if name in MONTH_FIRST]


def _follows_as_every_start(text: str, stop: int) -> None:
    from checker.extract.date_patterns import MONTH_FIRST_NEEDS, month_follows
    from checker.extract.dates import _anchored

    for start in range(0, stop + 1, 3):
        months = [m.start() for m in MONTH_AT_RE.finditer(text, start, stop)]
        follows = month_follows(text, months, stop)
        for name, pattern in _month_first_plans():
            kept = [at for at, bits in follows if bits & MONTH_FIRST_NEEDS[name]]
            assert [m.span() for m in _anchored(pattern, text, kept, stop)] == \
                [m.span() for m in _anchored(pattern, text, months, stop)], (name, start)


@pytest.mark.parametrize("text", FOLLOW_TEXTS)
def test_month_follows_keeps_every_match(text: str) -> None:
    _follows_as_every_start(text, len(text))
    _follows_as_every_start(text, len(text) // 2)


def test_follow_texts_match_every_month_first_pattern() -> None:
    """The table holds a match of each month-first pattern (a bit refusing one is seen)."""
    matched = {name for text in FOLLOW_TEXTS for name, pattern in _month_first_plans()
               if pattern.search(text)}
    assert matched == {name for name, _ in _month_first_plans()}


@given(st.text(alphabet="MarchJunemay \t.-\u2013of2024lastnextthroughu\u017f", max_size=30))
def test_month_follows_keeps_every_match_any_text(text: str) -> None:
    _follows_as_every_start(text, len(text))


# Datelines with each ending (a bracket, a hyphen, an en and an em dash), a region, a year,
# and openings that are none: no comma, no dash after it, a dash before the comma only.
DATELINES = [
    "LONDON, March 3 (Reuters) - The bank said",
    "WASHINGTON, D.C., Jan. 5, 2024 \u2014 Officials said",
    "Kyiv, Ukraine, 12 March - Russia fired",
    "PARIS, March 3 (AFP) \"We will\"",
    "Tokyo, Japan, Oct 1\u2013 x",
    "In London, March 3 - no dateline",
    "LONDON, March 3 Reuters said",
    "NEW-YORK March 3, a day",
    "", ",", "A, B - C",
]


@pytest.mark.parametrize("text", DATELINES)
def test_dateline_end_as_match(text: str) -> None:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 4):
            plain = DATELINE_RE.match(text, start, end)
            assert dateline_end(text, start, end) == (plain.end() if plain else None)
        plain = DATELINE_RE.match(text, start)
        assert dateline_end(text, start, len(text)) == (plain.end() if plain else None)


def test_datelines_end_with_each_mark() -> None:
    """A dateline of each ending is found (a gate refusing one would be seen)."""
    assert [dateline_end(t, 0, len(t)) is not None for t in DATELINES[:5]] == [True] * 5


@given(st.text(alphabet="LONDON, March 3(Reuters)-\u2013\u2014 \"x1", max_size=30))
def test_dateline_end_as_match_any_text(text: str) -> None:
    plain = DATELINE_RE.match(text)
    assert dateline_end(text, 0, len(text)) == (plain.end() if plain else None)


# Sentences for the clock's and a paper's gates: each cue alone, with and without digits,
# in capitals, with other whitespace, and sentences that have none of them.
CUE_SENTENCES = [
    "Polls open at 7am and close at 10 p.m. GMT.", "It struck at 14:32 local time.",
    "At noon the 3 ministers met.", "Midday: 5 of them.", "At midnight 2 trains left.",
    "It lifted off at 1432 UTC, 9.30 BST, 8.30 CET.", "At 9.30\tlocal 5 fell.", "at 9.30 local",
    "The team of 12 won 3-1.", "The score was 3 to 1 in 2024.", "Rates rose 5%.",
    "The HR 1.71 (95% CI 1.1-1.9; p < 0.001) and OR 2 and RR 3.", "A grant 301244 [12].",
    "Under grant 301244 the team.", "An award 5.", "The contract 6.", "p = 0.3", "(sd 2)",
    "(IQR 3-5)", "p\u22650.2", "95% ci", "5 per cent", "x < 2", "y > 3", "p>0.05",
    "Deaths were 4 per 100,000 (sd 2) (IQR 3-5), award 5, contract 6, p\u22650.2 p=0.3",
    "No cue at all, 5 people.", "", "\u017fome 4 \u0130QR (\u017fd 2)",
]


@pytest.mark.parametrize("sentence", CUE_SENTENCES)
def test_clock_and_stats_gates_as_their_tests(sentence: str) -> None:
    from checker.extract.quantities import _CLOCK_CUES, _clock_times

    lower = sentence.lower()
    digits = any(c.isdigit() for c in sentence)
    if not any(cue in lower for cue in _CLOCK_CUES):
        assert _clock_times(sentence, sentence, 0, len(sentence), digits, sentence, lower) == []
    cued = any(cue in lower for cue in qst.LOWER_CUES)
    assert qst.may_hold(sentence, lower, cued) == qst.may_hold(sentence, lower)


def test_quantity_gates_read_the_clock_and_stats_cues() -> None:
    from checker.extract.quantities import _CLOCK, _CLOCK_CUES, _STATS, GATES

    for sentence in CUE_SENTENCES:
        lower = sentence.lower()
        mask = GATES.mask(lower)
        assert bool(mask & _CLOCK) == any(cue in lower for cue in _CLOCK_CUES)
        assert bool(mask & _STATS) == any(cue in lower for cue in qst.LOWER_CUES)


@given(st.text(alphabet="ampgtMNOoncidhluebs:.[%<=>(qr HRP5\twy\u2264\u2265", max_size=24))
def test_clock_and_stats_gates_as_their_tests_any_text(sentence: str) -> None:
    test_clock_and_stats_gates_as_their_tests(sentence)
