"""Desk probe Z's pages (a football transfer, a fraud sentencing, an earthquake, a phone
launch) among the 117 pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
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
