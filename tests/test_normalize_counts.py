"""normalize: a bare count whose subject says what it counts ("The death toll ... rose to
42", "Passenger numbers were 990 million", "The number of migrants ... reached 52,000")
counts that, so two pages' tolls are compared as counts of one thing."""

from __future__ import annotations

import pytest

from checker.rules import RuleSet
from tests.compare.pairs import norm, verdict

DAY = "2026-03-10"


@pytest.mark.parametrize(("text", "noun"), [
    ("The death toll from the earthquake in Malatya rose to 42, officials said.", "death"),
    ("Heathrow passenger numbers were 83 million last year.", "passeng"),
    ("The number of migrants arriving in Italy has reached 48,000 this year.", "migrant"),
    ("The case count stood at 340 on Thursday.", "case"),
    # Not a subject's count: the noun is written, or nothing names what is counted.
    ("The quake killed 42 people in Malatya.", "peopl"),
    ("The numbers were 42 and 48 in the two surveys.", None),
    ("Malatya's mayor said it rose to 42 on Tuesday.", None),
])
def test_a_bare_count_counts_what_its_subject_names(ruleset: RuleSet, text: str,
                                                     noun: str | None) -> None:
    assert norm(ruleset, text, "a", DAY).quantities[0].noun == noun


def test_two_death_tolls_of_one_day_conflict(ruleset: RuleSet) -> None:
    a = "The death toll from the earthquake in Malatya rose to 42 on Tuesday, officials said."
    b = "The death toll from the Malatya earthquake stood at 48 on Tuesday."
    assert verdict(ruleset, a, b, DAY, DAY) == ("conflict", "number")


def test_counts_of_two_things_stay_apart(ruleset: RuleSet) -> None:
    a = "Heathrow passenger numbers were 79 million last year."
    b = "Heathrow cargo volumes were 1.4 million last year."
    assert verdict(ruleset, a, b, DAY, DAY)[0] != "conflict"
