"""Desk probe S's pages (an auction, a ferry fire, a minister's resignation, exam results),
as extraction reads them (the pairs are tests/compare/test_probe_s.py)."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def _claims(ruleset: RuleSet, text: str, published: str = "2026-10-14") -> list[Claim]:
    return extract_text("Page\n\n" + text + "\n", "page", ruleset.lexicon,
                        DocumentMeta(published=published), threshold=0.0).claims


def _nouns(ruleset: RuleSet, sentence: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.noun) for c in _claims(ruleset, sentence) for q in c.quantities]


@pytest.mark.parametrize(("sentence", "nouns"), [
    # "N of them X" counts the X (a count of nothing met "including 12 lorries" beside an
    # agreeing 73 vehicles, and the pair was corroborated)
    ("The ship had 73 vehicles on its car deck, 15 of them lorries.",
     [("73", "vehicles"), ("15", "lorries")]),
    ("Of the 40 passengers, 12 of those children were taken to hospital.",
     [("40", "passengers"), ("12", "children")]),
    # ... but not a verb after the pronoun
    ("Of the 40 staff, 12 of those were nurses.", [("40", "staff"), ("12", None)]),
    ("Police arrested 17 of them on Monday.", [("17", None)]),
    # a bearing is no noun of a distance; a move's direction stays its figure's word
    ("The ship was some 6 nautical miles north of Naxos.", [("some 6 nautical miles", None)]),
    ("Shares closed 4.6% higher on Thursday.", [("4.6%", "higher")]),
])
def test_a_count_of_them(ruleset: RuleSet, sentence: str,
                         nouns: list[tuple[str, str | None]]) -> None:
    assert _nouns(ruleset, sentence) == nouns


@pytest.mark.parametrize(("sentence", "figures"), [
    # an ordinal before a noun is no share: "by a third party" was 33.3% of a party
    ("The loan was guaranteed by a third party.", []),
    ("Sales rose by a third in May.", [("a third", "percent")]),
    ("Profits fell by a quarter.", [("a quarter", "percent")]),
    ("Sales fell by a third overall.", [("a third", "percent")]),
    ("Sales fell by a third nationally.", [("a third", "percent")]),
    # an era is no rank
    ("The sale of 20th-century art totalled $412.5 million.", [("$412.5 million", "money")]),
    ("He scored in the 20th minute.", [("20th", "rank")]),
])
def test_words_that_are_no_figures(ruleset: RuleSet, sentence: str,
                                   figures: list[tuple[str, str]]) -> None:
    assert [(q.text, q.kind) for c in _claims(ruleset, sentence)
            for q in c.quantities] == figures


@pytest.mark.parametrize(("sentence", "dates"), [
    # a newspaper's name is no weekday (was the Sunday before publication)
    ("The story was first reported by the Sunday Herald three days ago.",
     [("three days ago", "2026-10-11")]),
    ("The Sunday Times reported the deal on Monday.", [("on Monday", "2026-10-12")]),
    ("Police said on Sunday Mr Hale had resigned.", [("on Sunday", "2026-10-11")]),
    # ... but a day told with "on" is a day before any name (a review: dates lost)
    ("On Sunday World leaders gathered in Rome.", [("On Sunday", "2026-10-11")]),
    ("On Sunday Age UK warned of cuts.", [("On Sunday", "2026-10-11")]),
])
def test_a_weekday_in_a_title(ruleset: RuleSet, sentence: str,
                              dates: list[tuple[str, str]]) -> None:
    assert [(d.text, d.start) for c in _claims(ruleset, sentence) for d in c.dates] == dates


@pytest.mark.parametrize(("text", "claim"), [
    # short, and a whole statement of a figure: a claim (were under the threshold)
    ("There were no fatalities.", "There were no fatalities."),
    ("Turnout was 64.9%.", "Turnout was 64.9%."),
    ("Two passengers were treated in hospital; none of the crew was injured.",
     "none of the crew was injured."),
    # ... not a footer's registration number, nor a short line with no verb
    ("Registered charity no. 1158422.", None),
    ("There are 14 comments.", None),  # a comment counter (a review)
    ("Share this article 12", None),
])
def test_short_statements_of_a_figure(ruleset: RuleSet, text: str, claim: str | None) -> None:
    kept = [c.text for c in extract_text("Page\n\n" + text + "\n", "page", ruleset.lexicon,
                                         DocumentMeta(published="2026-08-08")).claims]
    assert (claim in kept) if claim else not [c for c in kept if c == text]


def test_none_of_the_crew_is_a_count_of_none(ruleset: RuleSet) -> None:
    found = [(q.text, q.value, q.noun) for c in _claims(ruleset, "None of the passengers "
             "were hurt, the coastguard said.") for q in c.quantities]
    assert found == [("None of the passengers", 0.0, "passengers")]


@pytest.mark.parametrize(("sentence", "figures"), [
    # a count named before its figure (were counts of nothing, never compared)
    ("Her majority at the last general election was 4,312.", [("4,312", "majority")]),
    ("She won her seat with a majority of 4,132 at the last election.",
     [("4,132", "majority")]),
    ("They drew a crowd of 45,000.", [("45,000", "crowd")]),
    # ... a noun after it still counts ("52 MPs"), and a share is no count
    ("A majority of 52 MPs voted for it.", [("52", "mps")]),
    ("The majority of voters, 62%, backed it.", [("62%", None)]),
])
def test_a_count_named_before_it(ruleset: RuleSet, sentence: str,
                                 figures: list[tuple[str, str | None]]) -> None:
    assert _nouns(ruleset, sentence) == figures


@pytest.mark.parametrize(("sentence", "dates"), [
    # the second of two days told together is the one after the first (published on a
    # Saturday: Sunday was the Sunday before)
    ("The company cancelled its sailings for Saturday and Sunday.",
     [("Saturday", "2026-08-08"), ("Sunday", "2026-08-09")]),
    ("Shares fell on Wednesday and Thursday.",
     [("on Wednesday", "2026-08-05"), ("Thursday", "2026-08-06")]),
    ("Shares fell on Sunday and Monday.", [("on Sunday", "2026-08-02"), ("Monday", "2026-08-03")]),
    ("The talks will resume on Monday and Tuesday.",
     [("on Monday", "2026-08-10"), ("Tuesday", "2026-08-11")]),
])
def test_two_days_told_together(ruleset: RuleSet, sentence: str,
                                dates: list[tuple[str, str]]) -> None:
    assert [(d.text, d.start) for c in _claims(ruleset, sentence, "2026-08-08")
            for d in c.dates] == dates


@pytest.mark.parametrize(("sentence", "figures"), [
    # one of a toll: "one crew member suffered burns" (no figure, under the threshold)
    ("Two passengers were taken to hospital, and one crew member suffered burns to his hands.",
     [("Two", "passengers"), ("one", "member")]),
    ("One employee suffered minor injuries.", [("One", "employee")]),
    # a verb after the noun ends what is counted
    ("Twelve people injured in the blast were treated.", [("Twelve", "people")]),
    ("The army deployed 600 armed police officers.", [("600", "officers")]),
    ("One man was the driver.", []),
])
def test_one_of_a_toll(ruleset: RuleSet, sentence: str,
                       figures: list[tuple[str, str]]) -> None:
    assert _nouns(ruleset, sentence) == figures
