"""A desk probe's case on attribution: where and to whom a source told a fact ("told
reporters in Dhaka", "said in New Delhi") is part of the attribution, not the claim's
content, so the place does not keep two statements of one fact apart."""

from __future__ import annotations

import pytest

from checker.extract.attribution import attribution
from checker.rules import RuleSet
from tests.compare.pairs import verdict

# 7. Where a source told it is part of the attribution, not the claim's content.
PLACES = [
    ("Bangladesh has not declared a health emergency, Health Minister Rafiqul Islam told "
     "reporters in Dhaka.", "Health Minister Rafiqul Islam told reporters in Dhaka"),
    ("India will open 12 embassies, Modi said in New Delhi on Monday.",
     "Modi said in New Delhi"),
    ("Rafiqul Islam told reporters in Dhaka that 12 people had died.",
     "Rafiqul Islam told reporters in Dhaka"),
    # unchanged: no place, or a month (the fact's date)
    ("Lin told reporters on Monday the mission would succeed.", "Lin told"),
    ("Acme sold 5 jets, the company said in March.", "the company said"),
]


@pytest.mark.parametrize(("text", "quoted"), PLACES, ids=[r[0][:40] for r in PLACES])
def test_the_place_of_the_telling_is_attribution(text: str, quoted: str) -> None:
    found = attribution(text, 0, len(text))
    assert found is not None
    assert found.text == quoted


@pytest.mark.parametrize("told", [
    "Health Minister Rafiqul Islam told reporters in Dhaka",
    "Health Minister Rafiqul Islam said in Dhaka",
    "Health Minister Rafiqul Islam said",
])
def test_a_place_of_the_telling_blocks_no_conflict(ruleset: RuleSet, told: str) -> None:
    assert verdict(ruleset, f"Bangladesh has not declared a health emergency, {told}.",
                   "Bangladesh has declared a health emergency.",
                   "2026-09-08", "2026-09-08")[0] == "conflict"
