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
    # a level's noun (desk probe M: "Attendance ... was 41,300" counted nothing)
    ("Attendance over the six sessions was 41,300, against a capacity of 48,000.", "attend"),
    ("Headcount stood at 14,800 at the end of September.", "headcount"),
    ("The wolf population rose to 20,000 in 2024.", None),
    # a waiting list or a backlog, however named before (desk probe U: 7.4 / 7.6 million
    # never compared)
    ("The waiting list for hospital treatment in England stood at 7.4 million in July.",
     "list"),
    ("NHS waiting lists in England reached 7.6 million in July.", "list"),
    ("The Home Office backlog of asylum cases stood at 86,000 in June.", "backlog"),
    ("The list of candidates stood at 40 on Friday.", None),
    # a level's change is a count of its own (desk probe Q: two changes of nothing)
    ("Employment in Ireland rose by 12,400 over the quarter.", "employ:change"),
    ("Employment rose to 2,781,300 in the first quarter.", "employ"),
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


def test_a_levels_changes_conflict_and_its_level_is_another_figure(ruleset: RuleSet) -> None:
    a = "Employment in Ireland rose by 12,400 over the quarter."
    assert verdict(ruleset, a, "Employment in Ireland grew by 21,400 during the quarter.",
                   DAY, DAY) == ("conflict", "number")
    assert verdict(ruleset, a, "Employment in Ireland rose to 2,781,300 over the quarter.",
                   DAY, DAY)[0] != "conflict"


def test_counts_of_two_things_stay_apart(ruleset: RuleSet) -> None:
    a = "Heathrow passenger numbers were 79 million last year."
    b = "Heathrow cargo volumes were 1.4 million last year."
    assert verdict(ruleset, a, b, DAY, DAY)[0] != "conflict"


@pytest.mark.parametrize(("text", "earlier"), [
    # on a page with no publication date, a figure of "last year" is of an earlier time
    ("SMIC's sales in the same quarter last year were $1.62 billion.", True),
    ("Sales were $1.6 billion in the previous year.", True),
    # a comparison's base is dated, not the claim's figure
    ("Net profit rose to $610 million in the quarter from $495 million a year earlier.", False),
    ("Sales rose 34% to $2.17 billion compared to the same period last year.", False),
    # the past five years run to the page's day
    ("Chinese arms made up 81 per cent of Pakistan's arms imports in the past five years.",
     False),
])
def test_a_time_before_the_page_no_date_places(ruleset: RuleSet, text: str,
                                                 earlier: bool) -> None:
    assert norm(ruleset, text, "a").earlier is earlier


def test_last_year_s_figure_on_an_undated_page_is_not_this_quarter_s(ruleset: RuleSet) -> None:
    now = "SMIC said its third-quarter sales were $2.17 billion, a record for the foundry."
    then = "SMIC's sales in the same quarter last year were $1.62 billion."
    assert verdict(ruleset, now, then)[0] != "conflict"
    # with a publication date, "last year" is placed, and compared by its dates as before
    assert norm(ruleset, then, "b", DAY).earlier is False
