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
