"""roles: one one-way relation with its parties swapped is a conflict, not a corroboration
(a desk probe: "Argentina beat France 3-2" and "France beat Argentina 3-2" corroborated)."""

from __future__ import annotations

import pytest

from checker.compare.roles import Roles, reversed_roles, roles_of
from checker.rules import RuleSet
from tests.compare.pairs import norm, verdict

PUBLISHED = "2024-03-01"


@pytest.mark.parametrize(("text", "expected"), [
    ("Argentina beat France 3-2 in the final in Doha.", ("beat", "argentina", "france")),
    ("France lost to Argentina in the final in Doha.", ("beat", "argentina", "france")),
    ("France was beaten by Argentina in the final in Doha.", ("beat", "argentina", "france")),
    # "will be bought by": the buyer is after "by" (news pair: "agreed to buy Ostrava Milk"
    # and "will be bought by Halvern Foods" were parties swapped)
    ("Ostrava Milk will be bought by Halvern Foods for $2 billion.",
     ("acquire", "name:halvern", "name:ostrava")),
    ("Russia invaded Ukraine in February 2022.", ("invade", "russia", "ukraine")),
    # a two-way verb, a party too far from the verb or behind a clause break: no reading
    ("China met Pakistan in talks on trade in Beijing.", None),
    ("Argentina, who won the cup in 1986 and 1978, beat France.", None),
    ("Pakistan and China signed a deal in Beijing.", None),
])
def test_roles_of(ruleset: RuleSet, text: str, expected: tuple[str, str, str] | None) -> None:
    found = roles_of(norm(ruleset, text, "a", PUBLISHED))
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.relation, found.agent.split("-")[0], found.patient.split("-")[0]) == expected


def test_reversed_roles() -> None:
    ab, ba = Roles("beat", "a", "b"), Roles("beat", "b", "a")
    assert reversed_roles(ab, ba) == [" beat ", " beat "]
    named = Roles("beat", "x", "y", "Argentina", "France"), Roles("beat", "y", "x", "France",
                                                                   "Argentina")
    assert reversed_roles(*named) == ["Argentina beat France", "France beat Argentina"]
    assert reversed_roles(ab, ab) is None
    assert reversed_roles(ab, Roles("acquire", "b", "a")) is None
    assert reversed_roles(ab, None) is None


def _verdict(ruleset: RuleSet, a_text: str, b_text: str) -> tuple[str, str | None]:
    return verdict(ruleset, a_text, b_text, PUBLISHED, PUBLISHED)


def test_swapped_parties_conflict(ruleset: RuleSet) -> None:
    assert _verdict(ruleset, "Argentina beat France 3-2 in the final in Doha on Sunday.",
                    "France beat Argentina 3-2 in the final in Doha on Sunday.") \
        == ("conflict", "roles")
    assert _verdict(ruleset, "Argentina beat France 3-2 in the final in Doha on Sunday.",
                    "France lost to Argentina 3-2 in the final in Doha on Sunday.")[0] \
        != "conflict"


def test_swapped_parties_of_a_two_way_verb_still_agree(ruleset: RuleSet) -> None:
    assert _verdict(ruleset, "Pakistan met China for talks on trade in Beijing on Sunday.",
                    "China met Pakistan for talks on trade in Beijing on Sunday.")[0] \
        == "corroboration"


def test_swapped_parties_in_two_years_are_two_events(ruleset: RuleSet) -> None:
    # a desk probe: the finals of two years, each with its winner, were an error conflict
    label, _ = _verdict(
        ruleset, "Riverton FC beat Harbour City in the national cup final on November 28, 2026.",
        "Harbour City beat Riverton FC in the national cup final in 2025.")
    assert label != "conflict"
