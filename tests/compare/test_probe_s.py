"""Desk probe S's pages (an auction, a ferry fire, a minister's resignation, exam results),
as comparison judges them."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.normalize import negated_words
from checker.rules import RuleSet
from tests.compare.pairs import case_conflicts, on_page, verdict

CASES = Path(__file__).resolve().parent / "data" / "probeS"


@pytest.mark.parametrize(("sentence", "negated"), [
    # the negation governs what is not known, not the question after it
    ("Cyclades Lines said it was not yet clear what had caused the fire.", {"clear"}),
    ("It is not known whether the ship was insured.", {"known"}),
    ("The fire was not caused by a short circuit.", {"caus", "circuit", "short"}),
])
def test_what_a_negation_governs(sentence: str, negated: set[str]) -> None:
    assert negated_words(sentence) == negated


def test_an_unknown_cause_denies_no_investigation(ruleset: RuleSet) -> None:
    # an error-level polarity conflict on the probe's pages
    assert verdict(ruleset, "Cyclades Lines said it was not yet clear what had caused the "
                   "fire, and that it was cooperating with investigators.", "Cyclades Lines "
                   "said the cause of the fire was under investigation.", "2026-08-03",
                   "2026-08-03")[0] != "conflict"


def test_the_first_three_months_are_the_first_quarter(ruleset: RuleSet) -> None:
    # "the first three months of 2026" was a period, no event: its figure, dated by the
    # year's other date, met none (a restatement lost)
    assert verdict(ruleset, "Halloran's said its global auction sales fell to $3.1 billion "
                   "in the first quarter, down 8% from a year earlier.", "Halloran's auction "
                   "sales were $3.1 billion in the first three months of 2026, 8% lower than "
                   "a year earlier, and totalled $13.4 billion for 2025.", "2026-05-14",
                   "2026-05-15") == ("corroboration", "agree")


def _found(tmp_path: Path, case: str) -> set[tuple[str, str | None, str, str]]:
    """(kind, reason, severity, "doc:line doc:line") of the case's conflicts."""
    return case_conflicts(tmp_path, CASES / f"{case}.txt")


@pytest.mark.parametrize(("case", "planted"), [
    # "between four bidders" / "Three bidders competed for the work, which was hammered
    # down at $84m": pages of one story, a figure both give (`anchors.tied_by_figure`)
    ("auction", ("conflict", "number", "error", "s1:13 s1b:13")),
    # "73 vehicles on board, including 12 lorries" / "73 vehicles ..., 15 of them lorries":
    # one thing counted beside a figure both give, on pages tied by one narrow topic
    ("ferry", ("conflict", "number", "error", "s2:25 s2b:20")),
])
def test_planted_conflicts_found(tmp_path: Path, case: str,
                                 planted: tuple[str, str, str, str]) -> None:
    assert planted in _found(tmp_path, case)


def test_no_false_polarity_conflict_on_the_ferry_pages(tmp_path: Path) -> None:
    # "not yet clear what had caused the fire" / "the cause ... under investigation"
    assert not [f for f in _found(tmp_path, "ferry") if f[1] == "polarity"]


def test_an_acronym_s_plural_is_no_one_named_in_full(ruleset: RuleSet) -> None:
    # "MPs" was the page's "MP for Eastwick and Hale"
    claim = on_page(ruleset, "IPSA said MPs claimed a total of £142 million in business "
                    "costs in 2024-25. Rachel Denholm, the MP for Eastwick and Hale, resigned "
                    "on Tuesday.", "a", "2026-10-14")
    assert "name:mp" in claim.entities
    assert not [e for e in claim.entities if "eastwick" in e]


@pytest.mark.parametrize(("other", "label"), [
    # a whole and one part of it, 670 times smaller (an error-level conflict)
    ("Denholm's own business costs, including staff salaries, totalled £212,000 in 2024-25, "
     "IPSA records show.", "unrelated"),
    # ... but a slip of scale is a conflict
    ("IPSA said MPs claimed a total of £142,000 in business costs and expenses in 2024-25, "
     "up 6% on the previous year.", "conflict"),
])
def test_figures_a_hundredfold_apart(ruleset: RuleSet, other: str, label: str) -> None:
    assert verdict(ruleset, "The Independent Parliamentary Standards Authority (IPSA) said "
                   "MPs claimed a total of £142 million in business costs and expenses in "
                   "2024-25, up 6% on the previous year.", other, "2026-10-14",
                   "2026-10-15")[0] == label


def test_two_lengths_of_one_streak(ruleset: RuleSet) -> None:
    # desk probe S's planted C4.4: a corroboration on the agreeing percentages
    assert verdict(ruleset, "Girls outperformed boys at the top grades for the fifth year in "
                   "a row, with 28.1% of girls' entries getting A or A*, compared with 26.5% "
                   "for boys.", "Girls beat boys at A and A* for the fourth year running: "
                   "28.1% of their entries achieved the top grades, compared with 26.5%.",
                   "2026-08-13", "2026-08-13") == ("conflict", "number")


def test_two_majorities_of_one_mp(ruleset: RuleSet) -> None:
    # desk probe S's planted C3.5 (with `test_persons`: both were YouGov's)
    assert verdict(ruleset, "Rachel Denholm's majority at the last general election was "
                   "4,312.", "Rachel Denholm won her seat with a majority of 4,132 at the "
                   "last election.", "2026-10-14", "2026-10-15") == ("conflict", "number")


@pytest.mark.parametrize(("other", "label"), [
    # the whole's share, against a share of groups set against each other (an error)
    ("Some 27.4 per cent of A-level entries in England were awarded an A or A* on 13 "
     "August, compared with 27.8 per cent in 2025.", "unrelated"),
    # ... while a share of a group the other names still conflicts
    ("Independent schools in England awarded A or A* to 48.2% of entries, against 23.8% at "
     "comprehensives.", "conflict"),
])
def test_shares_of_groups_set_against_each_other(ruleset: RuleSet, other: str,
                                                 label: str) -> None:
    assert verdict(ruleset, "Independent schools in England awarded A or A* to 47.5% of "
                   "entries, against 23.8% at comprehensives.", other, "2026-08-13",
                   "2026-08-13")[0] == label
