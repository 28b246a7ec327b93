"""Many matches in one sentence: taken-span checks and the "between A, B and C" test were
quadratic ("between 3 and " * 10_000 took 45 s). Nothing is timed: the big inputs only have to
finish before a generous alarm; small versions give the spans the quadratic code gave
(tests/extract/data/bounded_small.json was written by it)."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.extract import extract_text, units
from checker.extract.dates import Anchor, find_dates
from checker.extract.quantities import find_quantities
from checker.extract.spans import SpanSet
from checker.models.document import DocumentMeta
from checker.rules import RuleSet
from tests.alarm import alarm  # each input takes about a second now, 13-45 s before the fix

BIG = {
    "ranges": "between 3 and " * 10_000,
    "money": "$1 million $" * 10_000,
    "months": "March 2024, " * 10_000,
}
GOLDEN: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "bounded_small.json").read_text(encoding="utf-8"))
ANCHOR = Anchor(date(2024, 6, 1), date(2024, 6, 1), "day")


@pytest.mark.parametrize("text", BIG.values(), ids=BIG.keys())
def test_many_matches_in_one_sentence_finish(text: str, ruleset: RuleSet) -> None:
    with alarm():
        model = extract_text(text, doc_id="d", lexicon=ruleset.lexicon)
    for claim in model.claims:
        assert text[claim.span[0]:claim.span[1]] == claim.text


@pytest.mark.parametrize("name", GOLDEN)
def test_small_versions_unchanged(name: str, ruleset: RuleSet) -> None:
    want = GOLDEN[name]
    text = want["text"]
    dates = find_dates(text, anchor=ANCHOR)
    assert [[d.start, d.end, str(d.first), str(d.last)] for d in dates] == want["dates"]
    quantities = find_quantities(text, skip=[(d.start, d.end) for d in dates])
    assert [[q.start, q.end, q.kind, q.value, q.low, q.high, q.unit, q.bound]
            for q in quantities] == want["quantities"]
    model = extract_text(text, doc_id="d", lexicon=ruleset.lexicon,
                         meta=DocumentMeta(published="2024-06-01"))
    assert [[list(c.span), c.text] for c in model.claims] == want["claims"]


def test_span_set_answers_as_the_scan() -> None:
    rng = random.Random(1)
    for _ in range(500):
        spans, naive = SpanSet(), []
        for _ in range(rng.randint(0, 30)):
            s = rng.randint(0, 40)
            e = s + rng.choice([0, 1, 2, 3, 5, 8, 12, -2])  # empty and reversed spans too
            spans.add(s, e)
            naive.append((s, e))
            a = rng.randint(0, 40)
            b = a + rng.choice([0, 1, 2, 5])
            assert spans.overlaps(a, b) == any(a < te and ts < b for ts, te in naive)
        for a in range(-1, 50):
            for b in range(a, a + 10):
                assert spans.overlaps(a, b) == any(a < te and ts < b for ts, te in naive), \
                    (naive, a, b)


def test_list_between_finds_what_the_regex_finds() -> None:
    rng = random.Random(2)
    pieces = ["between", "Between", " ", ",", ";", "and", "AND", "x", "andy", ", and", "\n",
              "betweenx", "a"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "])
                       for _ in range(rng.randint(0, 12)))
        m = units._LIST_BETWEEN_RE.search(text)
        assert units._list_between(text) == (None if m is None else m.start()), text


@pytest.mark.parametrize("text, tied", [
    ("Trade between China, Pakistan and India, and talks resumed in May.", True),
    ("Trade between 2019 and 2024, and talks resumed in May; it grew.", False),
    ("It grew between 2019; and, and then fell.", False),
])
def test_list_between_ties(text: str, tied: bool) -> None:
    assert units._tied(text) is tied
