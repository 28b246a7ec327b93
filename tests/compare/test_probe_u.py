"""Desk probe U's pages (a wildfire, a nurses' strike, a rate cut, a heart drug's approval):
what comparison and extraction got wrong on them."""

from __future__ import annotations

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.names import surname_mappings
from checker.rates import policy_rate
from checker.rules import RuleSet
from tests.compare.pairs import verdict


@pytest.mark.parametrize(("a", "b", "label"), [
    # a forecast's direction against what happened (an error-level antonym conflict: the
    # forecast's figure was already no conflict)
    ("Consumer price inflation was 3.8% in August, almost double the Bank of England's 2% "
     "target.", "The Bank of England forecast that inflation would drop to 2.7 per cent by "
     "December.", "unrelated"),
    # the figures of "since May, when ..." are May's, not the latest (an error: 3.75% /
    # 3.50%)
    ("It was the Bank of England's first cut since May, when rates were lowered to 3.75%.",
     "The Bank of England lowered Bank Rate by 25 basis points to 3.50% yesterday.",
     "unrelated"),
])
def test_probe_u_pairs(ruleset: RuleSet, a: str, b: str, label: str) -> None:
    assert verdict(ruleset, a, b, "2026-09-18", "2026-09-18")[0] == label


def test_the_bank_is_the_page_s_own_bank(ruleset: RuleSet) -> None:
    # "The Bank" on a page naming the Bank of England and the ECB was read as "European
    # Central Bank", the one name of the corpus ending in "Bank" (three false errors
    # against ECB rates); on a page naming only the ECB it still is
    def page(doc: str, text: str) -> list[str]:
        cf = extract_text(text, doc, ruleset.lexicon, DocumentMeta(published="2026-09-18"),
                          threshold=0.0)
        claims = normalise_document(doc, cf.claims, ruleset.lexicon, text, "2026-09-18")
        return sorted({e for c in claims for e in c.entities})

    boe = ("The Bank of Albion Isles cut rates to 3.5% on Thursday.\n"
           "The European Central Bank held its rates at 2% last week.\n"
           "The Bank expects inflation to fall to 2.4% next year.\n")
    plain = "The Bank expects inflation to fall to 2.1% next year.\n"
    docs = [page("boe", boe), page("plain", plain)]
    mappings = surname_mappings([[] for _ in docs], docs)
    assert "name:bank" in docs[0] and "name:bank" in docs[1]
    assert "name:bank" not in mappings[0]
    # a page naming no bank of its own: the one bank of the corpus, as before
    assert mappings[1].get("name:bank") == "name:european-central-bank"


def _figures(ruleset: RuleSet, sentence: str) -> list[tuple[str, float | None, str | None]]:
    claims = extract_text(sentence, "page", ruleset.lexicon,
                          DocumentMeta(published="2026-09-18"), threshold=0.0).claims
    return [(q.text, q.value, q.noun) for c in claims for q in c.quantities]


@pytest.mark.parametrize(("sentence", "figures"), [
    # a name qualifying what is counted (was "canadian")
    ("Ottawa approved a request for 200 Canadian Armed Forces personnel to help.",
     [("200", 200.0, "personnel")]),
    # a time ends the noun (was "night", and "15 per cent contained as
    # of Tuesday evening" / "25% contained Tuesday night" never met)
    ("The Cascade Creek fire was 25% contained Tuesday night, the service said.",
     [("25%", 25.0, "contained")]),
    # a change by nearly a quarter (was no figure, and the sentence under the threshold)
    ("Solentide cut the combined risk of heart attack and stroke by nearly a quarter "
     "compared with placebo.", [("a quarter", 25.0, None)]),
])
def test_probe_u_figures(ruleset: RuleSet, sentence: str,
                         figures: list[tuple[str, float | None, str | None]]) -> None:
    assert _figures(ruleset, sentence) == figures


@pytest.mark.parametrize(("sentence", "names"), [
    # a province whose name holds a demonym (was the UK and a "Columbia")
    ("Fires in British Columbia destroyed 40 homes.", [("British Columbia",
                                                       "british-columbia")]),
    # a capital named after its country (was Mexico and a "City")
    ("Mexico City recorded 300 cases.", [("Mexico City", "mexico-city")]),
    # a demonym still names its country, and a body's name stays whole
    ("Two British climbers died on Monday.", [("British", "united-kingdom")]),
    ("British Airways cancelled 120 flights.", [("British Airways", None)]),
])
def test_places_named_after_a_country(ruleset: RuleSet, sentence: str,
                                      names: list[tuple[str, str | None]]) -> None:
    claims = extract_text(sentence, "page", ruleset.lexicon,
                          DocumentMeta(published="2026-09-18"), threshold=0.0).claims
    assert [(e.text, e.id) for c in claims for e in c.entities] == names


def test_a_province_and_its_country_are_a_part_and_the_whole(ruleset: RuleSet) -> None:
    assert verdict(ruleset, "Wildfires in British Columbia have burned 1.2 million hectares "
                   "this year.", "Wildfires in Canada have burned 5.3 million hectares this "
                   "year.", "2026-09-18", "2026-09-18")[0] == "unrelated"


@pytest.mark.parametrize(("a", "b", "label"), [
    # a central bank's rate is set exactly: 2% is no rounding of 2.25% (was a
    # corroboration of desk probe U's planted C3.5)
    ("The European Central Bank held its deposit rate at 2% last week.",
     "The European Central Bank raised its deposit rate to 2.25% last week.", "conflict"),
    ("The Bank of England cut rates to 3.5% on Thursday.",
     "The Bank of England cut rates to 3.50% on Thursday.", "corroboration"),
    # other shares keep their rounding, in a claim naming a policy rate too (a review)
    ("Mortgage rates fell to 4.5% after the Bank of England cut the base rate.",
     "Mortgage rates fell to 4.46%, Moneyfacts said.", "corroboration"),
    ("Unemployment in Spain rose to 11% in March.",
     "Unemployment in Spain rose to 11.2% in March.", "corroboration"),
])
def test_a_policy_rate_is_exact(ruleset: RuleSet, a: str, b: str, label: str) -> None:
    assert verdict(ruleset, a, b, "2026-09-18", "2026-09-18")[0] == label


@pytest.mark.parametrize(("text", "rate"), [
    ("The Bank of England lowered Bank Rate by 25 basis points to 3.50%.", True),
    ("The Fed held rates at 4.25% to 4.5%.", True),
    ("The federal funds rate stands at 4.3%.", True),
    ("The unemployment rate rose to 4.3%.", False),
    ("The average two-year fixed mortgage rate was 4.9%.", False),
    ("Growth was 2% last year.", False),
])
def test_policy_rates(text: str, rate: bool) -> None:
    assert policy_rate(text) is rate


def test_a_unit_of_time_says_no_fact(ruleset: RuleSet) -> None:
    # a price and an approval shared "week" (from "weekly"), a specific word, and the
    # pair was corroborated
    assert verdict(ruleset, "The list price in the UK will be £142 per weekly dose, "
                   "Halvorsen said.", "Britain's medicines regulator cleared Halvorsen's "
                   "weekly injection solentide on 2 March, the company said.", "2026-03-04",
                   "2026-03-03")[0] == "unrelated"
