"""Desk probe Z's pages (a football transfer, a fraud sentencing, an earthquake, a phone
launch) among the 117 pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.nlp import american
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from tests.compare.pairs import verdict

DAY = "2026-09-10"


def _page(ruleset: RuleSet, doc: str, text: str) -> list[NormClaim]:
    cf = extract_text(text, doc, ruleset.lexicon, meta=DocumentMeta(published=DAY),
                      threshold=0.0)
    return normalise_document(doc, cf.claims, ruleset.lexicon)


@pytest.mark.parametrize(("sentence", "grams"), [
    # a bare ounce told of no metal is the avoirdupois ounce: "7 ounces" read 217.7 g (a
    # troy ounce), an error-level conflict with "The phone weighs 198 grams"
    ("The phone weighs 7 ounces.", 198.447),
    ("Police seized 12 ounces of cannabis.", 340.194),
    ("The newborn weighed seven ounces more than expected.", 198.447),
    # a mine's or a metal's ounce stays troy
    ("The mine produced 410,000oz of gold last year.", 410_000 * 31.1034768),
    ("Reserves rose to 4.1 million ounces.", 4.1e6 * 31.1034768),
    ("Gold rose to $2,400 per ounce after the mine bought 300 ounces.", 300 * 31.1034768),
])
def test_an_ounce_is_troy_only_beside_metal(ruleset: RuleSet, sentence: str,
                                            grams: float) -> None:
    (claim,) = _page(ruleset, "a", sentence + "\n")
    masses = [round((q.value or 0) * 1000, 3) for q in claim.quantities if q.unit == "kg"]
    assert masses == [round(grams, 3)]


def test_ounces_and_grams_of_one_phone_agree(ruleset: RuleSet) -> None:
    assert verdict(ruleset, "The Pulse 7 weighs 198 grams.", "The Pulse 7 weighs 7 ounces.",
                   DAY, DAY) == ("corroboration", "agree")


@pytest.mark.parametrize(("page", "named"), [
    # a pronoun after a place opening the sentence is the subject, the place only where:
    # "it" stood for nothing, and the claim named the UK alone
    ("The Slate Pro 13 has a 13-inch display.\nIn the UK it will cost £1,149 and in the "
     "euro zone €1,299.\n", {"name:slate-pro-13", "united-kingdom"}),
    ("Halvard Foods sold 2 million jars in Norway.\nIn Sweden, it sold 1.4 million jars "
     "last year.\n", {"name:halvard-foods", "sweden"}),
    # a name after the place is the subject itself
    ("The Slate Pro 13 has a 13-inch display.\nIn Japan the Slate Air will cost "
     "¥189,800.\n", {"japan", "name:slate-air"}),
])
def test_a_pronoun_after_a_place(ruleset: RuleSet, page: str, named: set[str]) -> None:
    assert set(_page(ruleset, "a", page)[-1].entities) == named


def test_two_phones_priced_in_one_country(ruleset: RuleSet) -> None:
    # the 125 pages: a tablet's UK price, its "it" unresolved, against a phone's (an
    # error-level number conflict; the claims shared the UK and "cost")
    a = _page(ruleset, "a", "The Slate Pro 13 has a 13-inch OLED display and starts at "
                            "$1,199.\nIn the UK it will cost £1,149 and in the euro zone "
                            "€1,299, with orders opening on May 6.\n")[-1]
    b = _page(ruleset, "b", "The Pulse 7 will cost £799 in the UK and $899 in the US.\n")[0]
    assert judge(a, b, BlockIndex([a, b]), ruleset.lexicon).label != "conflict"


@pytest.mark.parametrize(("sentence", "figure"), [
    # a battery's charge glued to its figure was no figure ("m" a million, "Ah" a name's
    # suffix) and the claim was lost; spaced, a count of "mah"
    ("The battery has a capacity of 5,000mAh.", ("5,000mAh", "Ah", 5.0)),
    ("The battery holds 4,500 mAh.", ("4,500 mAh", "Ah", 4.5)),
    # a screen's, a camera's or a phone's measure written before it was no figure: "a
    # 6.7-inch screen" never met "a 17cm screen", and the camera's claim was lost
    ("The phone has a 6.7-inch screen.", ("6.7-inch", "m", 0.17018)),
    ("The main camera has a 200-megapixel sensor.", ("200-megapixel", "px", 2e8)),
    ("It is a 198-gram phone.", ("198-gram", "kg", 0.198)),
])
def test_a_device_measured(ruleset: RuleSet, sentence: str,
                           figure: tuple[str, str, float]) -> None:
    (claim,) = _page(ruleset, "a", sentence + "\n")
    assert [(q.text, q.unit, round(q.value or 0, 6)) for q in claim.quantities] == [figure]


@pytest.mark.parametrize(("b", "found"), [
    # "a 7.5-inch screen" gave no figure: the pair corroborated
    ("The Pulse 7 has a 7.5-inch screen.", ("conflict", "number")),
    ("The Pulse 7 has a 6.7-inch screen.", ("corroboration", "agree")),
])
def test_a_screen_in_inches_and_centimetres(ruleset: RuleSet, b: str,
                                            found: tuple[str, str]) -> None:
    assert verdict(ruleset, "The Pulse 7 has a 17cm screen.", b, DAY, DAY) == found


@pytest.mark.parametrize(("a", "b", "label"), [
    # a bare figure a quake "measured" was a count of nothing, too vague to compare: two
    # aftershocks' magnitudes never met
    ("The strongest aftershock near Arequipa measured 5.1.",
     "The strongest aftershock near Arequipa measured 5.7.", "conflict"),
    ("The earthquake near Arequipa registered 6.2 on the Richter scale.",
     "A magnitude 6.8 earthquake struck near Arequipa.", "conflict"),
    # an aftershock's figure against the main shock's stays two facts
    ("The strongest aftershock near Arequipa measured 5.1.",
     "A magnitude 6.4 earthquake struck near Arequipa on Tuesday.", "unrelated"),
])
def test_a_quake_measured(ruleset: RuleSet, a: str, b: str, label: str) -> None:
    assert verdict(ruleset, a, b, DAY, DAY)[0] == label
    assert verdict(ruleset, b, a, DAY, DAY)[0] == label


@pytest.mark.parametrize(("word", "spelt"), [
    # a compound of a British word was left British: "epicentre" and "epicenter" were two
    # stems, and the epicentre's distance in km and in miles shared no word
    ("epicentre", "epicenter"), ("epicentres", "epicenters"), ("millimetres", "millimeters"),
    ("amphitheatre", "amphitheater"), ("discoloured", "discolored"),
    # the words themselves, and words that only hold the letters, as before
    ("centre", "center"), ("metres", "meters"), ("centrex", "centrex"),
])
def test_compounds_in_american_spelling(word: str, spelt: str) -> None:
    assert american(word) == spelt


def test_a_distance_in_km_and_miles(ruleset: RuleSet) -> None:
    assert verdict(ruleset, "The epicentre was 60km south-west of Arequipa.",
                   "The epicenter was 60 miles southwest of Arequipa.", DAY, DAY) \
        == ("conflict", "number")
    assert verdict(ruleset, "The epicentre was 97km south-west of Arequipa.",
                   "The epicenter was 60 miles southwest of Arequipa.", DAY, DAY)[0] \
        == "corroboration"


@pytest.mark.parametrize(("a", "b", "found"), [
    # an age told in a relative clause was a count of nothing: no restatement of the age in
    # commas, and no conflict with another age
    ("Pell, 63, lives in Harrogate.", "Pell, who is 63, lives in Harrogate.",
     ("corroboration", "agree")),
    ("Pell, 63, lives in Harrogate.", "Pell, who is 61, lives in Harrogate.",
     ("conflict", "number")),
])
def test_an_age_in_a_relative_clause(ruleset: RuleSet, a: str, b: str,
                                     found: tuple[str, str]) -> None:
    assert verdict(ruleset, a, b, DAY, DAY) == found


@pytest.mark.parametrize(("sentence", "kept"), [
    # a place among the largest is a figure to check-worthiness, as "finished fourth" is:
    # the claim scored 0.45 and was lost, and with it a conflict with "fourth-largest"
    ("Norvik is the world's third-largest smartphone maker by shipments.", True),
    ("Kestrel is the second biggest carrier at the airport.", True),
    # a superlative alone (a first) still needs another figure
    ("Norvik is the world's largest smartphone maker.", False),
])
def test_a_place_among_the_largest_is_checked(ruleset: RuleSet, sentence: str,
                                              kept: bool) -> None:
    cf = extract_text(sentence + "\n", "a", ruleset.lexicon, meta=DocumentMeta(published=DAY))
    assert bool(cf.claims) == kept


@pytest.mark.parametrize(("sentence", "named"), [
    # an initialism with points opening a thing's name is part of it, as without points:
    # "U.S. Geological Survey" was the United States and a "Geological Survey", no name in
    # common with "US Geological Survey"
    ("The U.S. Geological Survey recorded the quake at 20:15 GMT.",
     {"name:us-geological-survey"}),
    ("The US Geological Survey recorded the quake at 19:15 GMT.",
     {"name:us-geological-survey"}),
    ("U.S. Steel cut 300 jobs in 2024.", {"name:us-steel"}),
    # the country before what is no thing's name stays the country
    ("The U.S. economy grew 2% in 2024.", {"united-states"}),
    ("The U.S. Coast Guard rescued 12 people.", {"united-states", "name:coast-guard"}),
    ("Washington D.C. Mayor Muriel Bowser said 12 people died.",
     {"united-states", "name:muriel-bowser"}),
])
def test_an_initialism_opening_a_name(ruleset: RuleSet, sentence: str,
                                      named: set[str]) -> None:
    (claim,) = _page(ruleset, "a", sentence + "\n")
    assert set(claim.entities) == named


def test_one_survey_with_and_without_points(ruleset: RuleSet) -> None:
    assert verdict(ruleset, "The US Geological Survey recorded the quake at 19.15 GMT.",
                   "The U.S. Geological Survey recorded the quake at 20:15 GMT.", DAY, DAY) \
        == ("conflict", "number")


@pytest.mark.parametrize(("b", "found"), [
    # bytes spelt out were a count of "gigabyt": "256 gigabytes of storage" never met
    # "256GB of storage"
    ("The Pulse 7's base model includes 256 gigabytes of storage.", ("corroboration", "agree")),
    ("The Pulse 7's base model includes 128 gigabytes of storage.", ("conflict", "number")),
])
def test_bytes_spelt_out(ruleset: RuleSet, b: str, found: tuple[str, str]) -> None:
    assert verdict(ruleset, "The Pulse 7's base model comes with 256GB of storage.", b,
                   DAY, DAY) == found


def test_two_peoples_ages(ruleset: RuleSet) -> None:
    # an age in commas is the age of the name right before it: "His" stood for Pell, and
    # Marsh's 58 corroborated another page's "Graham Pell, 58" (the 125 pages)
    a = _page(ruleset, "a", "Graham Pell, 58, of Ripon, was sentenced at Leeds Crown Court "
                            "on Wednesday.\n")[0]
    b = _page(ruleset, "b", "Graham Pell defrauded investors of £4.2 million.\nHis "
                            "accomplice, Diane Marsh, 58, received a three-year sentence.\n")[-1]
    assert "name:graham-pell" in b.entities
    assert judge(a, b, BlockIndex([a, b]), ruleset.lexicon).label == "unrelated"
    # one person's two ages still disagree, and the same age agrees
    assert verdict(ruleset, "Diane Marsh, 58, was jailed for three years.",
                   "Diane Marsh, 56, was jailed for three years.", DAY, DAY) \
        == ("conflict", "number")
