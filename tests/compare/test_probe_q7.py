"""Desk probe Q6's pages (ordinary scraped pages: a mayoral count told as a live blog, a
medicine's approval with a "Key figures" list, a museum theft, a port strike) among the 157
pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.rules import RuleSet
from tests.compare.pairs import on_page


def _judged(ruleset: RuleSet, a: str, b: str, day: str, doc_b: str = "b") -> str:
    """The label of a and b, each normalised as a claim of its page published on `day`."""
    na, nb = on_page(ruleset, a, "a", day), on_page(ruleset, b, doc_b, day)
    return judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon).label


@pytest.mark.parametrize(("a", "b"), [
    # a winner's margin against the votes she won (four false errors among 165 pages:
    # qx1:21 / qx1b:20 and qx1:20 / qx1b:21), another race's margin against its votes
    ("Imogen Varley's winning margin was 6,385 votes.",
     "Imogen Varley won with 54,310 votes to 47,925 for Rhys Tolland."),
    ("Imogen Varley won the mayoral race by 6,385 votes.",
     "Imogen Varley won the mayoral race with 54,310 votes."),
    ("Bernard Okoye won the 2022 race by 9,114 votes.",
     "Bernard Okoye won the 2022 race with 51,200 votes."),
    # ... and a ward's lead is no winner's margin (qx1:21 / qx1b:18, qx1:18 / qx1b:21)
    ("Imogen Varley's winning margin was 6,385 votes.",
     "Rhys Tolland asked for a recount in Millbrook ward, where the first count gave Imogen "
     "Varley a lead of 122 votes."),
])
def test_a_margin_is_no_tally(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-20") != "conflict"
    assert _judged(ruleset, b, a, "2026-11-20") != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # two margins, two leads, two tallies still conflict
    ("Imogen Varley's winning margin was 6,385 votes.",
     "Imogen Varley's margin of victory was 5,836 votes."),
    ("The first count gave Imogen Varley a lead of 212 votes in Millbrook.",
     "The first count gave Imogen Varley a lead of 122 votes in Millbrook."),
    ("Imogen Varley won with 54,310 votes.", "Imogen Varley won with 45,310 votes."),
])
def test_two_margins_still_conflict(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-20") == "conflict"


@pytest.mark.parametrize(("a", "b", "found"), [
    # a deadline against a date after it (C4.6: "by Monday" / "not ... until Nov. 23" was a
    # corroboration), a day before a "not until"
    ("Normal operations at the Port of Marlhaven are expected to resume by Monday.",
     "Normal operations at the Port of Marlhaven are not expected to resume until Nov. 23.",
     "conflict"),
    ("Normal operations at the Port of Marlhaven are expected to resume by Monday.",
     "Normal operations at the Port of Marlhaven are expected to resume on Nov. 23.",
     "conflict"),
    ("Normal operations at the Port of Marlhaven will resume on Monday.",
     "Normal operations at the Port of Marlhaven are not expected to resume until Nov. 23.",
     "conflict"),
    # ... but a deadline after the bound, or the day itself, agrees; a period's start
    # ("since") is no bound
    ("Normal operations at the Port of Marlhaven are expected to resume by Nov. 30.",
     "Normal operations at the Port of Marlhaven are not expected to resume until Nov. 23.",
     "corroboration"),
    ("Normal operations at the Port of Marlhaven are expected to resume by Monday.",
     "Normal operations at the Port of Marlhaven are expected to resume on Monday.",
     "corroboration"),
    ("Normal operations at the Port of Marlhaven have been suspended since Nov. 3.",
     "Normal operations at the Port of Marlhaven are expected to resume by Monday.",
     "corroboration"),
])
def test_a_deadline_against_a_later_date(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-13") == found
    assert _judged(ruleset, b, a, "2026-11-13") == found


@pytest.mark.parametrize(("a", "b", "found"), [
    # a result confirmed / overturned (C1.3: was a corroboration), a conviction upheld /
    # overturned; confirmed / upheld agree
    ("The Millbrook recount confirmed Imogen Varley's lead in the ward.",
     "The Millbrook recount overturned Imogen Varley's lead in the ward.", "conflict"),
    ("The Court of Appeal upheld Pell's conviction on Tuesday.",
     "The Court of Appeal overturned Pell's conviction on Tuesday.", "conflict"),
    ("The Millbrook recount confirmed Imogen Varley's lead in the ward.",
     "The Millbrook recount upheld Imogen Varley's lead in the ward.", "corroboration"),
])
def test_confirmed_against_overturned(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-20") == found
    assert _judged(ruleset, b, a, "2026-11-20") == found


@pytest.mark.parametrize(("a", "b", "found"), [
    # one work picked out by its place among the museum's against the stolen paintings
    # (trap T3.3: an error-level date conflict)
    ("The Pellingham Museum bought its most recent Verhulst, a small river scene, in 2004.",
     "The Pellingham Museum acquired the Verhulst paintings in 1978.", "unrelated"),
    # ... both picking one, or neither, still conflict; "the first time since" picks nothing
    ("The Pellingham Museum bought its first Verhulst in 1952.",
     "The Pellingham Museum bought its first Verhulst in 1958.", "conflict"),
    ("The Pellingham Museum acquired the Verhulst paintings in 1987.",
     "The Pellingham Museum acquired the Verhulst paintings in 1978.", "conflict"),
    ("The Pellingham Museum reopened for the first time since 2019 in March.",
     "The Pellingham Museum reopened in May.", "conflict"),
])
def test_one_picked_out_is_another_item(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-02") == found
    assert _judged(ruleset, b, a, "2026-12-02") == found


def test_a_rows_share_move_is_of_its_pages_day(ruleset: RuleSet) -> None:
    # "Brenmoor shares: up 9 percent in New York" (a "Key figures" row, 24 November) and
    # another company's shares in New York on 29 April: two days' trading (an error-level
    # conflict among 165 pages once the row was extracted)
    a = on_page(ruleset, "Shares rose 7.8% to $142.60 in after-hours trading in New York.",
                "a", "2026-04-29")
    b = on_page(ruleset, "Key figures\nBrenmoor shares: up 9 percent in New York\n"
                "Review time: 210 days\n", "b", "2026-11-24")
    assert b.text == "Brenmoor shares: up 9 percent in New York"
    assert [d.text for d in b.told] == ["2026-11-24"]
    assert judge(a, b, BlockIndex([a, b]), ruleset.lexicon).label != "conflict"
    assert judge(b, a, BlockIndex([b, a]), ruleset.lexicon).label != "conflict"


@pytest.mark.parametrize(("a", "b", "found"), [
    # deaths alone against a composite of admissions and deaths (qx2:27 / qx2b:14, an
    # error-level conflict on the 8 pages and among 165)
    ("Deaths from heart failure in the ARDEN-3 trial fell by 14 per cent.",
     "Patients in the ARDEN-3 trial had a 21 percent lower risk of hospitalization or death "
     "from heart failure than those on placebo.", "unrelated"),
    # two composites, or two counts of deaths, still conflict
    ("Patients in the ARDEN-3 trial had a 21 per cent lower risk of hospital admission or "
     "death from heart failure.",
     "Patients in the ARDEN-3 trial had a 19 percent lower risk of hospitalization or death "
     "from heart failure than those on placebo.", "conflict"),
    ("Deaths from heart failure in the ARDEN-3 trial fell by 14 per cent.",
     "Deaths from heart failure in the ARDEN-3 trial fell by 18 per cent.", "conflict"),
])
def test_a_composite_outcome_is_no_part(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-24") == found
    assert _judged(ruleset, b, a, "2026-11-24") == found


@pytest.mark.parametrize(("a", "b", "found"), [
    # one name spelt two ways in one sentence told twice (C3.2; desk probe Q5's C1.4):
    # the claims named nothing in common and were never compared
    ("The stolen works hung in the Lindley Gallery, which reopened last year.",
     "The stolen works hung in the Lindsey Gallery, which reopened last year.", "conflict"),
    ("Deputy Governor Marcus Feld presented the forecasts at a press conference at 12.30pm.",
     "Deputy Governor Markus Feld presented the forecasts at a press conference at 12.30pm.",
     "conflict"),
    # two names, short first names, or sentences that differ otherwise: no spelling
    ("The stolen works hung in the Lindley Gallery, which reopened last year.",
     "The stolen works hung in the Weston Gallery, which reopened last year.", "unrelated"),
    ("Dorcas Phelps came third with 14.8 per cent.",
     "Dorcas Phillips came third with 14.8 percent.", "unrelated"),
    ("The stolen works hung in the Lindley Gallery, which reopened last year.",
     "The stolen works were found in the Lindsey Gallery on Tuesday.", "unrelated"),
])
def test_one_name_spelt_two_ways(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-12-02") == found
    assert _judged(ruleset, b, a, "2026-12-02") == found


def test_a_spelling_is_a_warning(ruleset: RuleSet) -> None:
    # a transliteration ("Zelensky" / "Zelenskyy") is spelt two ways by two right pages
    a = on_page(ruleset, "Volodymyr Zelensky met the delegation in Lviv on Monday.", "a",
                "2026-12-02")
    b = on_page(ruleset, "Volodymyr Zelenskyy met the delegation in Lviv on Monday.", "b",
                "2026-12-02")
    v = judge(a, b, BlockIndex([a, b]), ruleset.lexicon)
    assert v.label != "conflict" or v.confidence < 0.7
