"""Desk probe T's pages (a country house fire, university rankings, road deaths, a
basketball club's season), as comparison judges them."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import cast

import pytest

from checker.compare.clash import Evidence, _value_clash
from checker.compare.dateslots import dates_compared
from checker.normclaim import NDate
from checker.rules import RuleSet
from tests.compare.pairs import norm, verdict

UK_48 = ("The UK has 48 universities in the top 500, down from 52 a year earlier, and 10 in "
         "the top 100.")


@pytest.mark.parametrize(("a", "b", "label"), [
    # a place inside the other's place, which the other does not name: a part and the
    # whole (an error-level conflict, 48 / 11)
    (UK_48, "Scotland has 11 universities in the top 500.", "unrelated"),
    # a figure of no noun is the other's equal, not a disagreement with its named figure
    # (an error: 48 / Ten)
    (UK_48, "Ten British universities made the top 100.", "corroboration"),
    # two measures: applications and enrolments (an error: 9% / 6%)
    ("International student applications to UK universities fell 9% in the year to June, "
     "according to Ucas.", "International student enrolments at UK universities fell 6% in "
     "2025, according to the Higher Education Statistics Agency.", "unrelated"),
])
def test_probe_t_pairs(ruleset: RuleSet, a: str, b: str, label: str) -> None:
    assert verdict(ruleset, a, b, "2026-10-08", "2026-10-09")[0] == label


@pytest.mark.parametrize(("a", "b", "found"), [
    # places reached told in digits (were ranks of nothing, never compared)
    ("Verstappen finished 3rd in Bahrain.", "Verstappen finished 5th in Bahrain.",
     ("conflict", "number")),
    ("The University of Manchester fell out of the top 50 for the first time, dropping "
     "to 53rd.", "The University of Manchester, which fell to 57th, dropped out of the top "
     "50 for the first time.", ("conflict", "number")),
    # places of two sessions, or reached by moves in opposite directions, are two
    # readings (a review: error-level conflicts)
    ("Lando Norris finished 3rd in qualifying at Silverstone.",
     "Lando Norris finished 5th in the race at Silverstone.", ("unrelated", None)),
    ("Chelsea climbed to 2nd in the Premier League after beating Fulham.",
     "Chelsea dropped to 3rd in the Premier League after losing to Arsenal.",
     ("unrelated", None)),
    # a place reached and a place in a table are two readings
    ("Leeds slipped to 12th in the table.", "Leeds finished 9th at the tournament.",
     ("unrelated", None)),
])
def test_places_reached_compared(ruleset: RuleSet, a: str, b: str,
                                 found: tuple[str, str | None]) -> None:
    assert verdict(ruleset, a, b, "2026-10-08", "2026-10-08") == found


def test_two_opposites_denied_are_no_conflict(ruleset: RuleSet) -> None:
    # "not the highest" and "no longer among the lowest" can both be true (an error
    # between two stories in the probe's corpus)
    assert verdict(ruleset, "Britain's road death rate is not the highest in Europe, the "
                   "charity said.", "Britain's road death rate was no longer among the "
                   "lowest in Europe, the charity said.", "2026-09-24", "2026-09-25")[0] \
        != "conflict"


def test_a_plan_and_a_past_act_answer_apart(ruleset: RuleSet) -> None:
    # "Last year, China put a Pakistani satellite ICUBE-Q aboard its historic Chang'e 6
    # mission" (a seed) / "Pakistan ... will send a rover to the Moon aboard Chang'e-8"
    # (desk probe L's page): a value conflict ("aboard") in the 77 pages
    done = norm(ruleset, "Last year, China put a Pakistani satellite ICUBE-Q aboard its "
                "historic Chang'e 6 mission into the moon's orbit.", "a", "2025-05-30")
    sent = "Pakistan, which joined in 2023, {} a rover to the Moon aboard Chang'e-8."
    planned = norm(ruleset, sent.format("will send"), "b", "2026-03-02")
    past = norm(ruleset, sent.format("sent"), "c", "2026-03-02")
    ev = cast(Evidence, SimpleNamespace(fa=SimpleNamespace(titles=()),
                                        fb=SimpleNamespace(titles=()), d_conflict=[],
                                        base=0.9))
    assert _value_clash(done, planned, ev, ruleset.lexicon, {}) is None
    found = _value_clash(done, past, ev, ruleset.lexicon, {})  # two past acts: one answer
    assert found is not None and found[0] == "value"


def test_two_days_apart_beside_a_coarser_date(ruleset: RuleSet) -> None:
    # "Season tickets for next season will go on sale on 1 June" / "... on 15 May": on the
    # page "next season" (2026-27) held 15 May, and the one day each claim gives never met
    # (desk probe T's planted C4.7 was a corroboration)
    a = norm(ruleset, "Season tickets will go on sale on 1 June.", "a", "2026-04-28")
    b = norm(ruleset, "Season tickets will go on sale on 15 May.", "b", "2026-04-27")
    season = NDate(date(2026, 1, 1), date(2027, 12, 31), "fiscal-year", "next season")
    june = NDate(date(2026, 6, 1), date(2026, 6, 1), "day", "1 June")
    may = NDate(date(2026, 5, 15), date(2026, 5, 15), "day", "15 May")
    assert dates_compared(a, b, [season, june], [may]) == (
        [], [("1 June (2026-06-01)", "15 May (2026-05-15)")])
    # ... the same day beside it agrees as before
    assert dates_compared(a, b, [season, june], [june])[1] == []
