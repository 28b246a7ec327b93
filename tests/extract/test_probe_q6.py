"""Desk probe Q6's extraction findings (a live blog, a "Key figures" list of rows, a museum
theft's galleries): each row failed before its fix."""

from __future__ import annotations

import pytest

from checker.rules import RuleSet
from tests.compare.pairs import norm


@pytest.mark.parametrize(("sentence", "name"), [
    # a gallery named after a people or a period is the gallery: "the Georgian Gallery" was
    # Georgia and a "Gallery", which the corpus then made the Regency Gallery (a planted
    # conflict, "the Georgian Gallery" / "the Regency Gallery", corroborated)
    ("They broke in through a skylight above the Georgian Gallery.", "name:georgian-gallery"),
    ("The Irish Theatre reopened on Friday.", "name:irish-theatre"),
    ("The British Library holds 170 million items.", "name:british-library"),
])
def test_a_place_named_after_a_people(ruleset: RuleSet, sentence: str, name: str) -> None:
    claim = norm(ruleset, sentence, "a", "2026-11-09")
    assert name in claim.entities


@pytest.mark.parametrize(("text", "noun"), [
    # a figure ending its line counts nothing of the next line's ("Daily cost to the port:
    # 9 million pounds" over "Source: ..." was a sum of "source")
    ("Daily cost to the port: 9 million pounds\nSource: Harland Port Services", None),
    ("Days on strike: 10\nContainers stranded: 38,000", None),
    # a line that goes on in lower case is the same sentence's
    ("Some 38,000\ncontainers are stranded.", "containers"),
])
def test_a_figure_ending_its_line(text: str, noun: str | None) -> None:
    from checker.extract.quantities import find_quantities
    first = find_quantities(text)[0]
    assert first.noun == noun


_KEY_FIGURES = ("Ships queue off Kingsreach\n\n"
                "A strike by dockworkers has shut the Harland container terminal at Britain's "
                "Port of Kingsreach.\nThe walkout began Nov. 2.\nKey figures\n"
                "Days on strike: 10\nContainers stranded: 38,000\nPay offer: 5.5%\n"
                "Ships waiting at anchor: 22\nDaily cost to the port: 9 million pounds\n"
                "Source: Harland Port Services\n")


def test_a_table_of_figures_is_content(ruleset: RuleSet) -> None:
    # "Label: figure" rows without a bullet or a full stop, two or more together, are a
    # table's rows, each a fact (desk probe Q6: a "Key figures" box of six rows was read as
    # six titles; bulleted, only the money and the percentage were kept)
    from checker.extract.clean import content_blocks
    blocks = [_KEY_FIGURES[b.start:b.end] for b in content_blocks(_KEY_FIGURES)]
    assert blocks[-5:] == ["Days on strike: 10", "Containers stranded: 38,000",
                           "Pay offer: 5.5%", "Ships waiting at anchor: 22",
                           "Daily cost to the port: 9 million pounds"]


@pytest.mark.parametrize("text", [
    # one labelled figure alone is no table: a title or a counter
    "Storm Orla\n\nThe storm hit on Monday.\n\nDeath toll: 4\n\nIt moved east overnight.\n",
    # a list of words, not of figures
    "Cast\nDirector: Ana Ruiz\nWriter: Tom Hale\n",
])
def test_no_table_of_figures(text: str) -> None:
    from checker.extract.clean import content_blocks
    blocks = [text[b.start:b.end] for b in content_blocks(text)]
    assert not any(":" in b and not b.endswith(".") for b in blocks)


def test_each_row_is_a_claim(ruleset: RuleSet) -> None:
    # each row a claim of its own figure, counting nothing of the next row
    from checker.extract import extract_text
    from checker.models.document import DocumentMeta
    claims = extract_text(_KEY_FIGURES, "p", ruleset.lexicon,
                          DocumentMeta(published="2026-11-12")).claims
    nouns = {c.text: [q.noun for q in c.quantities] for c in claims}
    assert nouns["Days on strike: 10"] == [None]
    assert nouns["Containers stranded: 38,000"] == [None]
    assert nouns["Ships waiting at anchor: 22"] == [None]
    assert nouns["Daily cost to the port: 9 million pounds"] == [None]


@pytest.mark.parametrize(("sentence", "names"), [
    # a person's name before "of the" and a body's is two names (desk probes Q6 and Q7:
    # "Daniel Pryce of the Harbour Party" was one, in every claim naming either)
    ("Daniel Pryce of the Harbour Party took 38.2 per cent of the vote.",
     {"name:daniel-pryce", "name:harbour-party"}),
    ("Imogen Varley of the Civic Alliance won 54,310 votes on Sunday.",
     {"name:imogen-varley", "name:civic-alliance"}),
    # ... and no body's name of one word before it, nor a country's
    ("The Democratic Republic of the Congo exported 2 million tonnes of copper.",
     {"name:democratic-republic-of-the-congo"}),
    ("Friends of the Earth said 5,000 trees were felled in 2025.",
     {"name:friends-of-the-earth"}),
])
def test_a_person_of_a_party_is_two_names(ruleset: RuleSet, sentence: str,
                                          names: set[str]) -> None:
    claim = norm(ruleset, sentence, "a", "2026-11-09")
    assert {e for e in claim.entities if e.startswith("name:")} == names
