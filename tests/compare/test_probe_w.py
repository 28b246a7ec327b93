"""Desk probe W's pages (an airline's systems outage, a village found beneath a loch, a
council's budget, a seabird survey): what extraction and comparison got wrong."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet
from tests.compare.pairs import norm, verdict

DAY = "2026-06-10"


def _claims(ruleset: RuleSet, sentence: str, threshold: float = 0.0) -> list[Claim]:
    return extract_text(sentence, "page", ruleset.lexicon, DocumentMeta(published=DAY),
                        threshold=threshold).claims


@pytest.mark.parametrize("sentence", [
    # a clock time dates a fact as a date does (scored 0.354 with neither, and was lost)
    "The system was restored at 2.15pm.",
    # what was hit worst is a measure, no opinion (scored 0.475)
    "Gatwick was the worst hit, with 190 cancellations.",
])
def test_sentences_kept(ruleset: RuleSet, sentence: str) -> None:
    assert _claims(ruleset, sentence, threshold=0.5)


def test_an_opinion_still_scores_as_one(ruleset: RuleSet) -> None:
    (claim,) = _claims(ruleset, "It was the worst decision the council has made.")
    assert "opinion" in claim.features


def test_the_age_of_a_find(ruleset: RuleSet) -> None:
    # "a 7,000-year-old village" was no figure; "the 40-year-old record" stays none
    ages = [(q.text, q.value, q.unit) for c in _claims(
        ruleset, "Archaeologists have discovered a 7,000-year-old village beneath Loch "
                 "Tarrin.") for q in c.quantities]
    assert ages == [("7,000-year-old", 7000.0, "year")]
    assert not [q for c in _claims(ruleset, "He broke the 40-year-old record on Sunday.")
                for q in c.quantities if q.unit == "year"]


@pytest.mark.parametrize(("a", "b", "found"), [
    # two counts of one team, in two words for its people (were corroborated on "three
    # summers")
    ("The team of 23 researchers from the University of Aberdeen spent three summers "
     "excavating the site.", "A team of 32 scientists from the University of Aberdeen "
     "carried out the dig over three summers.", ("conflict", "number")),
    # every figure agrees and only the direction differs
    ("Razorbills on Skarra bucked the trend, increasing by 12% to 1,980 birds.",
     "Razorbills on Skarra, by contrast, decreased by 12 percent, to 1,980 birds.",
     ("conflict", "antonym")),
])
def test_probe_w_pairs(ruleset: RuleSet, a: str, b: str, found: tuple[str, str]) -> None:
    assert verdict(ruleset, a, b, DAY, DAY) == found


def test_a_title_opening_a_sentence_is_no_name(ruleset: RuleSet) -> None:
    # two stories' chief executives' quotes shared "name:chief"
    claim = norm(ruleset, 'Chief executive Helen Marsh said: "We let our customers down '
                          'today and I am deeply sorry."', "a", DAY)
    assert "name:chief" not in claim.entities


@pytest.mark.parametrize("sentence", ["The EU fined the firm €2bn in March.",
                                      "The European Union fined the firm €2bn in March."])
def test_the_eu_is_one_entity(ruleset: RuleSet, sentence: str) -> None:
    # "EU" and "European Union" were two unknown names; "European" names no union
    (claim,) = _claims(ruleset, sentence)
    assert [e.id for e in claim.entities] == ["european-union"]
    (bank,) = _claims(ruleset, "The European Central Bank held rates at 2% on Thursday.")
    assert "european-union" not in [e.id for e in bank.entities]
