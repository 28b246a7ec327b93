"""Properties of the number and date parsers, folding and the comparison.

Random text never makes them raise; a rendered quantity or date parses back to its value;
fold() keeps lengths and is idempotent; comparing claims extracted from random text works.
"""

from __future__ import annotations

from datetime import date

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from checker.compare import compare
from checker.extract import extract_text
from checker.extract.dates import Anchor, find_dates
from checker.extract.quantities import find_quantities
from checker.lexicon import Lexicon
from checker.models.document import DocumentMeta
from checker.normalize import normalise
from checker.rules import RuleSet, load_rules
from checker.textutil import fold
from tests.conftest import REPO
from tests.robustness.strategies import nasty_text

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NEWS_WORDS = ["China", "Pakistan", "launched", "satellites", "in", "the", "budget", "rose",
              "by", "34%", "$2.5 billion", "last year", "March 2024", "not", "never", "said",
              "SUPARCO", "ISS", "is", "a", "member", "of", "Chang'e 6", "1,500", "people",
              "between 3 and 5", "nearly", "twenty", "since 1999", ".", ",", "\n", "-", "\u2019"]
_RULES: list[RuleSet] = []


def ruleset() -> RuleSet:
    if not _RULES:
        _RULES.append(load_rules([REPO / "rules"])[0])
    return _RULES[0]


news_text = st.lists(st.sampled_from(NEWS_WORDS), min_size=3, max_size=40).map(" ".join)
any_text = st.one_of(nasty_text, news_text)
anchors = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1),
                                        max_value=date(2100, 12, 31)).map(
    lambda d: Anchor(d, d, "day")))


@settings(max_examples=150)
@given(st.text(max_size=300))
def test_fold_keeps_length_and_is_idempotent(text: str) -> None:
    once = fold(text)
    assert len(once) == len(text)  # spans computed on folded text index the original
    assert fold(once) == once


@settings(max_examples=100)
@given(any_text, anchors, st.booleans())
def test_parsers_never_raise_and_spans_point_at_text(text: str, anchor: Anchor | None,
                                                      future: bool) -> None:
    dates = find_dates(text, anchor=anchor, future=future)
    for d in dates:
        assert text[d.start:d.end] == d.text
        assert d.first is None or d.last is None or d.first <= d.last
    for q in find_quantities(text, skip=[(d.start, d.end) for d in dates]):
        assert text[q.start:q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@settings(max_examples=100)
@given(any_text, st.integers(0, 300), st.integers(0, 300))
@example("0" * 33 + "$0", 34, 35)  # a currency sign just before the window is not read
@example("It cost about 5 million.", 14, 24)  # nor a modifier
def test_parsers_accept_any_window(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for d in find_dates(text, start, end):
        assert start <= d.start <= d.end <= end
    for q in find_quantities(text, start, end):
        assert start <= q.start <= q.end <= end


@settings(max_examples=100)
@given(st.integers(0, 10**12), st.sampled_from(["people", "satellites", "missiles", "jobs"]))
def test_rendered_count_parses_back(n: int, noun: str) -> None:
    assume(not 1000 <= n <= 2100)  # a bare year-like number may be read as a year
    # (count nouns only: a measure such as "tonnes" is converted to base units)
    found = find_quantities(f"The agency counted {n:,} {noun} this time.")
    assert [q.value for q in found if q.kind != "rank"] == [float(n)]


@settings(max_examples=100)
@given(st.decimals(min_value=0, max_value=999, places=2, allow_nan=False,
                   allow_infinity=False),
       st.sampled_from([("million", 1e6), ("billion", 1e9)]))
def test_rendered_money_parses_back(amount: object, scale: tuple[str, float]) -> None:
    written = f"{amount}"
    found = find_quantities(f"The contract is worth ${written} {scale[0]}, officials said.")
    money = [q for q in found if q.kind == "money"]
    assert len(money) == 1 and money[0].unit == "USD"
    value = money[0].value
    assert value is not None and abs(value - float(written) * scale[1]) <= 1e-6 * scale[1]
    assert money[0].low is not None and money[0].high is not None
    assert money[0].low <= value <= money[0].high


@settings(max_examples=100)
@given(st.decimals(min_value=0, max_value=100, places=1, allow_nan=False,
                   allow_infinity=False), st.sampled_from(["%", " percent", " per cent"]))
def test_rendered_percent_parses_back(pct: object, sign: str) -> None:
    found = find_quantities(f"Exports rose {pct}{sign} over the period.")
    percents = [q for q in found if q.kind == "percent"]
    assert [q.value for q in percents] == [float(str(pct))]


@settings(max_examples=100)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)),  # years read
       st.sampled_from(["{m} {d}, {y}", "{d} {m} {y}", "{iso}"]))
def test_rendered_date_parses_back(day: date, form: str) -> None:
    written = form.format(m=MONTHS[day.month - 1], d=day.day, y=day.year, iso=day.isoformat())
    found = find_dates(f"The launch took place on {written} at the site.")
    assert [(d.first, d.last, d.granularity) for d in found] == [(day, day, "day")]


@settings(max_examples=60)
@given(st.integers(1000, 2999), st.integers(1, 12), st.integers(29, 99))
def test_impossible_dates_never_raise(year: int, month: int, day: int) -> None:
    # "2025-02-30" and "February 30, 2025" are not days; the parser must not crash on them
    # (the day may be dropped, leaving the month or year).
    for written in (f"{year}-{month:02d}-{day:02d}", f"{MONTHS[month - 1]} {day}, {year}"):
        for d in find_dates(f"It happened on {written}."):
            assert d.first is None or d.last is None or d.first <= d.last


@settings(max_examples=25)
@given(st.lists(news_text, min_size=2, max_size=3),
       st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)))
def test_compare_on_claims_from_random_text(texts: list[str], published: date | None) -> None:
    rules = ruleset()
    lexicon: Lexicon = rules.lexicon
    meta = DocumentMeta(published=published.isoformat() if published else None)
    norm = []
    for i, text in enumerate(texts):
        doc_id = f"d{i}"
        model = extract_text(text, doc_id=doc_id, lexicon=lexicon, meta=meta, threshold=0.0)
        for claim in model.claims:
            assert text[claim.span[0]:claim.span[1]] == claim.text
            norm.append(normalise(claim, doc_id, lexicon))
    result = compare(norm, lexicon, {f"d{i}": None for i in range(len(texts))})
    for pair in result.conflicts:
        assert pair.a.doc != pair.b.doc  # across documents
    for pair in result.contradictions:
        assert pair.a.doc == pair.b.doc and pair.a.claim_id != pair.b.claim_id
    for group in result.corroborations:
        assert group.documents >= 2 and 1 <= group.origins <= group.documents
