"""Desk probe L's pairs (a space-cooperation wire and a climate report, each restated and
contradicted by a second page): two facts of one sentence are compared fact by fact, and a
year a figure is measured against dates no event."""

from __future__ import annotations

import pytest

from checker.rules import RuleSet
from tests.compare.pairs import verdict

CHANGE_A = ("China plans to launch Chang'e-7 in August 2026 and Chang'e-8 around 2028; the two "
            "missions will lay the groundwork for the station's basic model by 2035.")


@pytest.mark.parametrize(("b", "expected"), [
    # one date agrees, the other fact's date does not: a conflict (a corroboration by the
    # 2028 alone)
    ("China's Chang'e-7 lunar probe is due to launch in October 2026, followed by Chang'e 8 "
     "around 2028.", ("conflict", "date")),
    ("China's Chang'e-7 lunar probe is due to launch in August 2026, followed by Chang'e 8 "
     "around 2028.", ("corroboration", "agree")),
])
def test_two_facts_of_one_sentence_are_dated_each(ruleset: RuleSet, b: str,
                                                  expected: tuple[str, str]) -> None:
    assert verdict(ruleset, CHANGE_A, b, "2026-06-03", "2026-06-04") == expected


def test_a_year_measured_against_is_no_date_of_the_event(ruleset: RuleSet) -> None:
    a = ("Sea surface temperatures over the extra-polar ocean averaged 20.85C, the second "
         "highest for June after 2024.")
    b = ("Sea surface temperatures over the extra-polar ocean averaged 20.85C in June, the "
         "second highest for the month after 2024.")
    assert verdict(ruleset, a, b, "2026-07-08", "2026-07-09") == ("corroboration", "agree")
