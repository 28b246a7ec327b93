"""Desk probe X's pages (a ferry fire, a grocer's half-year results, a city marathon, a
measles outbreak): what extraction and comparison got wrong."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.rules import RuleSet
from tests.compare.pairs import norm, verdict

DAY = "2026-10-19"


@pytest.mark.parametrize(("a", "b", "found"), [
    # a change against a level of no change: a share of a group and a rise (error-level
    # conflicts on the measles and the grocer's pages)
    ("Only 79 per cent of children in the West Midlands have had both doses of the MMR "
     "vaccine.", "MMR vaccinations in the West Midlands are up 40 percent since the outbreak "
     "started.", ("unrelated", None)),
    ("Fairway Foods's market share was 11.8 per cent.",
     "Fairway Foods shares gained 2.3 percent in early trading in London.", ("unrelated", None)),
    # ... stores opened against the stores a chain has
    ("Fairway Foods opened 14 new stores in the period and closed six.",
     "Fairway Foods has 96,000 employees and 820 stores.", ("unrelated", None)),
    ("Fairway Foods employs 96,000 people in 820 stores.",
     "Fairway Foods opened fourteen stores and shut six during the half.", ("unrelated", None)),
    # two changes, or two levels, still conflict
    ("Fairway Foods opened 14 new stores in the period.",
     "Fairway Foods opened 15 stores in the period.", ("conflict", "number")),
    ("Fairway Foods sales rose 4%.", "Fairway Foods sales rose by 5 per cent.",
     ("conflict", "number")),
    ("Fairway Foods's market share was 11.8 per cent.",
     "Fairway Foods's market share stood at 12.8 percent.", ("conflict", "number")),
    # a country named as the whole claim's scope, against one of its regions
    ("Across England there have been 1,480 measles cases so far this year.",
     "The measles outbreak in England's West Midlands has reached 214 confirmed cases.",
     ("unrelated", None)),
    ("Across England there have been 1,480 measles cases so far this year.",
     "Across England, 1,840 measles cases have been confirmed this year.", ("conflict", "number")),
    # an age closing the sentence is an age, as one in commas is (was a count of nothing)
    ("Third place in the women's race went to Kenya's Joyce Chebet, 38.",
     "Kenya's Joyce Chebet, 36, took third place in the women's race.", ("conflict", "number")),
    # "nine in 10 people" is a share, as "one in five" is (was two counts)
    ("Nine in 10 unvaccinated people in the West Midlands exposed to measles will catch it.",
     "About 90 percent of unvaccinated people in the West Midlands exposed to measles will "
     "be infected.", ("corroboration", "agree")),
    # degrees Fahrenheit read as Celsius
    ("Temperatures in Amsterdam were 12C at the start, rising to 17C by midday.",
     "Temperatures in Amsterdam were 54F at the start, climbing to 63F by noon.",
     ("corroboration", "agree")),
])
def test_probe_x_pairs(ruleset: RuleSet, a: str, b: str, found: tuple[str, str | None]) -> None:
    assert verdict(ruleset, a, b, DAY, DAY) == found


def test_a_fahrenheit_reading_is_in_celsius(ruleset: RuleSet) -> None:
    (q,) = norm(ruleset, "The temperature in Phoenix reached 104F on Monday.", "a", DAY).quantities
    assert (q.unit, round(q.value or 0, 1)) == ("degC", 40.0)


@pytest.mark.parametrize(("sentence", "ages"), [
    ("Third place went to Kenya's Joyce Chebet, 38.", [("38", "age")]),
    ("Joyce Chebet, 36, took third place.", [("36", "age")]),
    # a figure closing a sentence after a name is no age unless it is a whole number of years
    ("The winner was Joyce Chebet, 38.5 seconds ahead.", []),
])
def test_an_age_closing_a_sentence(ruleset: RuleSet, sentence: str,
                                   ages: list[tuple[str, str]]) -> None:
    claims = extract_text(sentence, "page", ruleset.lexicon, DocumentMeta(published=DAY),
                          threshold=0.0).claims
    assert [(q.text, q.noun) for c in claims for q in c.quantities if q.noun == "age"] == ages


@pytest.mark.parametrize(("sentence", "shares"), [
    ("Nine in 10 unvaccinated people exposed to the virus will catch it.", [("Nine in 10", 90.0)]),
    ("Two in three adults in Leeds said they had been vaccinated.", [("Two in three", 66.7)]),
    # no share of a time or of games
    ("He scored two in three minutes for Leeds.", []),
    ("Leeds won three in four games.", []),
])
def test_n_in_ten_is_a_share(ruleset: RuleSet, sentence: str,
                             shares: list[tuple[str, float]]) -> None:
    claims = extract_text(sentence, "page", ruleset.lexicon, DocumentMeta(published=DAY),
                          threshold=0.0).claims
    assert [(q.text, round(q.value or 0, 1)) for c in claims for q in c.quantities
            if q.kind == "percent"] == shares
