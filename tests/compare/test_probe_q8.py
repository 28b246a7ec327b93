"""Desk probe Q8's pages (two Markdown scrapes of a retailer's data breach, a university
league table, a wildfire told on a page with undecoded HTML references, a jet's emergency
landing) among the 173 pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.rules import RuleSet
from tests.compare.pairs import on_page


def _judged(ruleset: RuleSet, a: str, b: str, day: str, doc_b: str = "b") -> tuple[str, str | None]:
    """The label and reason of a and b, each normalised as a claim of its page."""
    na, nb = on_page(ruleset, a, "a", day), on_page(ruleset, b, doc_b, day)
    v = judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon)
    return v.label, v.reason


@pytest.mark.parametrize(("a", "b"), [
    # a flight's number told two ways (C4.1: a corroboration, 0.886), a model's
    ("Flight AS2271 from Norbury to Tenerife landed back at Norbury on 29 November.",
     "Flight AS2217 from Norbury to Tenerife landed back at Norbury on Nov. 29."),
    ("Albion Skyways flight AS2271 diverted to Norbury on Sunday.",
     "Albion Skyways flight AS2281 diverted to Norbury on Sunday."),
])
def test_a_code_told_two_ways_is_a_conflict(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-16")[0] == "conflict"
    assert _judged(ruleset, b, a, "2026-12-16")[0] == "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # one code, and two codes that are two things said of (two flights, two dates)
    ("Flight AS2271 from Norbury to Tenerife landed back at Norbury on 29 November.",
     "Flight AS2271 from Norbury to Tenerife landed back at Norbury on Nov. 29."),
    ("Flight AS2271 from Norbury to Tenerife landed back at Norbury on 29 November.",
     "Flight AS2272 from Tenerife to Norbury was cancelled on Nov. 30."),
])
def test_one_code_or_two_things(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-16")[0] != "conflict"
    assert _judged(ruleset, b, a, "2026-12-16")[0] != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # a place moved to, the places moved between (C2.2: no place on either side, so the
    # pair went unjudged; "fell to third" was one already)
    ("Ashworth University fell one place to third.",
     "Ashworth University fell one place to fifth."),
    ("Kingsmead College rose three places to fourth in the table.",
     "Kingsmead College rose three places to seventh in the table."),
])
def test_a_place_moved_to_past_places_moved(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-03")[0] == "conflict"
    assert _judged(ruleset, b, a, "2026-12-03")[0] == "conflict"


def test_a_place_held(ruleset: RuleSet) -> None:
    # R2.3: "held on to sixth place" was no place against "remained in sixth place"
    a, b = ("The University of Pellbridge remained in sixth place.",
            "The University of Pellbridge held on to sixth place.")
    assert _judged(ruleset, a, b, "2026-12-03")[0] == "corroboration"
    assert _judged(ruleset, "Ashworth University fell one place to third.",
                   "Ashworth University fell one place to third.", "2026-12-03")[0] \
        == "corroboration"


@pytest.mark.parametrize(("a", "b"), [
    # two cut-offs of a ranking (two false errors among 181 pages: qy2:21 and qy2b:21
    # against desk probe T's t2b:18, another league table's page)
    ("Britain has 11 universities in the top 100.",
     "The UK now has 46 universities in the top 500, compared with 52 last year."),
    ("Britain has 11 universities in the top 100.",
     "Britain has 3 universities in the top 10."),
])
def test_counts_within_two_cut_offs(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-03")[0] != "conflict"
    assert _judged(ruleset, b, a, "2026-12-03")[0] != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # one cut-off (C2.5), or one in common, still conflict
    ("Britain has 11 universities in the top 100.", "Britain has 12 universities in the top 100."),
    ("Britain has 11 universities in the top 100.",
     "Britain has 48 universities in the top 500 and 10 in the top 100."),
])
def test_counts_within_one_cut_off(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-03")[0] == "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # a capacity and a count carried (T4.4: a corroboration, 214 inside "up to 236"), and
    # a count above the capacity
    ("The Corvan C-300 can carry up to 236 passengers.",
     "The Corvan C-300 was carrying 214 passengers and seven crew."),
    ("The Corvan C-300 can carry up to 236 passengers.",
     "The Corvan C-300 was carrying 250 passengers."),
])
def test_a_capacity_is_no_count(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-16")[0] == "unrelated"
    assert _judged(ruleset, b, a, "2026-12-16")[0] == "unrelated"


@pytest.mark.parametrize(("a", "b", "label"), [
    # two capacities, two counts, as before
    ("The Corvan C-300 can carry up to 236 passengers.",
     "The Corvan C-300 can carry 236 passengers.", "corroboration"),
    ("The Corvan C-300 was carrying 214 passengers.",
     "The Corvan C-300 was carrying 241 passengers.", "conflict"),
])
def test_capacities_and_counts(ruleset: RuleSet, a: str, b: str, label: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-16")[0] == label
