"""A statement and an event after its page was published are not in conflict."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.compare import PairResult
from checker.compare.timing import dated_alike_ago
from checker.compare.verdict import Verdict
from checker.pipeline import CheckOptions, run_check
from checker.rules import RuleSet
from tests.compare.pairs import norm

REPO = Path(__file__).resolve().parents[2]


def _conflicts(tmp_path: Path, later: str, published_a: str | None = "2024-01-10") -> list[str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Acme Corp is not listed on the Dhaka Stock Exchange.\n",
                                 encoding="utf-8")
    if published_a:
        (seeds / "a.meta.yaml").write_text(f'published: "{published_a}"\n', encoding="utf-8")
    (seeds / "b.txt").write_text(later + "\n", encoding="utf-8")
    (seeds / "b.meta.yaml").write_text('published: "2025-06-01"\n', encoding="utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=REPO / "rules")).report
    return [f.reason or "" for f in report.findings if f.kind == "conflict"]


def test_an_event_after_the_statement_was_published_is_no_conflict(tmp_path: Path) -> None:
    assert _conflicts(tmp_path, "Acme Corp was listed on the Dhaka Stock Exchange in "
                                "2025.") == []


@pytest.mark.parametrize(("later", "published_a"), [
    ("Acme Corp was listed on the Dhaka Stock Exchange in 2021.", "2024-01-10"),  # before
    ("Acme Corp was listed on the Dhaka Stock Exchange in 2025.", None),  # when unknown
    ("Acme Corp is listed on the Dhaka Stock Exchange.", "2024-01-10"),  # both undated
])
def test_otherwise_the_conflict_stands(tmp_path: Path, later: str,
                                       published_a: str | None) -> None:
    assert _conflicts(tmp_path, later, published_a) == ["polarity"]


def test_a_past_statement_against_a_later_date_still_conflicts(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Acme Corp was not founded by John Smith.\n", "utf-8")
    (seeds / "a.meta.yaml").write_text('published: "2024-01-10"\n', encoding="utf-8")
    (seeds / "b.txt").write_text("Acme Corp was founded by John Smith and opened a plant in "
                                 "2025.\n", encoding="utf-8")
    (seeds / "b.meta.yaml").write_text('published: "2025-06-01"\n', encoding="utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=REPO / "rules")).report
    assert [f.reason for f in report.findings if f.kind == "conflict"] == ["polarity"]


def _number_conflicts(tmp_path: Path, first: tuple[str, str], second: tuple[str, str]
                      ) -> list[str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir(parents=True)
    for name, (text, published) in (("a", first), ("b", second)):
        (seeds / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (seeds / f"{name}.meta.yaml").write_text(f'published: "{published}"\n',
                                                 encoding="utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=REPO / "rules")).report
    return [f.reason or "" for f in report.findings if f.kind == "conflict"]


FIRE = "The wildfire near Evia has burned {} hectares, the fire service said{}."


@pytest.mark.parametrize("when", ["", " on {}"])
def test_a_running_total_on_two_days_is_no_conflict(tmp_path: Path, when: str) -> None:
    first = FIRE.format("4,500", when.format("Tuesday"))
    second = FIRE.format("12,000", when.format("Saturday"))
    assert _number_conflicts(tmp_path, (first, "2024-09-10"), (second, "2024-09-14")) == []


def test_a_death_toll_on_two_days_is_no_conflict(tmp_path: Path) -> None:
    """A desk's outbreak story: "have died" is a tally as much as "has killed"."""
    first = ("Three children have died in the Northvale outbreak.", "2026-02-06")
    second = ("Four children have died in the Northvale outbreak.", "2026-02-13")
    assert _number_conflicts(tmp_path, first, second) == []


@pytest.mark.parametrize("first", [
    "The earthquake in Tarsa province killed 40 people.",
    "About 40 people died in the earthquake in Tarsa province.",
])
def test_a_toll_told_in_the_simple_past_then_grown_is_no_conflict(tmp_path: Path,
                                                                   first: str) -> None:
    """A desk probe: the toll as known on Tuesday, and three days later."""
    later = ("The earthquake in Tarsa province has killed 52 people, officials said.",
             "2026-11-27")
    assert _number_conflicts(tmp_path / "grew", (first, "2026-11-24"), later) == []
    # a toll that shrank is still a conflict
    assert _number_conflicts(tmp_path / "shrank", (first.replace("40", "60"), "2026-11-24"),
                             later) == ["number"]


@pytest.mark.parametrize(("first", "second"), [
    # the same day: two figures for one total
    ((FIRE.format("4,500", ""), "2024-09-10"), (FIRE.format("12,000", ""), "2024-09-10")),
    # a total that shrank is no total growing
    ((FIRE.format("12,000", ""), "2024-09-10"), (FIRE.format("4,500", ""), "2024-09-14")),
    # not a running total: a length does not grow, whoever has confirmed it; nor a fine
    (("The new Mombasa bridge is 5 kilometres long, the ministry has confirmed.",
      "2024-09-10"),
     ("The new Mombasa bridge is 8 kilometres long, the ministry has confirmed.",
      "2024-09-14")),
    (("Acme Corp has been fined $2 million by the regulator, the agency said.", "2024-09-10"),
     ("Acme Corp has been fined $3 million by the regulator, the agency said.", "2024-09-14")),
])
def test_otherwise_the_number_conflict_stands(tmp_path: Path, first: tuple[str, str],
                                              second: tuple[str, str]) -> None:
    assert _number_conflicts(tmp_path, first, second) == ["number"]


def test_a_count_told_as_it_stood_by_the_later_day_is_no_conflict(tmp_path: Path) -> None:
    """Desk probe C's quake pages, once compared: Tuesday's 3,200 rescue workers sent and
    Wednesday's "By Wednesday, more than 4,500 ... were working" are two readings."""
    first = ("Some 3,200 search and rescue workers were sent to Malatya, the minister said.",
             "2026-10-13")
    later = ("By Wednesday, more than 4,500 search and rescue workers were working in Malatya.",
             "2026-10-14")
    assert _number_conflicts(tmp_path / "grew", first, later) == []
    # fewer by the later day, or a count of no day on the later page, still conflict
    fewer = (later[0].replace("more than 4,500", "about 2,500"), later[1])
    assert _number_conflicts(tmp_path / "fewer", first, fewer) == ["number"]
    undated = ("More than 4,500 search and rescue workers were sent to Malatya.", later[1])
    assert _number_conflicts(tmp_path / "undated", first, undated) == ["number"]
    # a figure of a period of its own is no reading of a growing count (a review)
    sold = ("Acme Corp sold 300 X1 widgets in the first weekend, the company said.",
            "2026-05-04")
    memo = ("By Wednesday, Acme Corp had sold 3,000 X1 widgets in the first weekend, a "
            "leaked memo showed.", "2026-05-06")
    assert _number_conflicts(tmp_path / "weekend", sold, memo) == ["number"]


def test_a_toll_dated_on_each_page_is_no_date_conflict(tmp_path: Path) -> None:
    """A desk probe: a toll with no counted noun, each page giving the day it stood."""
    first = ("The death toll in the Kerala floods rose to 27 on Monday.", "2026-08-10")
    later = ("The death toll in the Kerala floods rose to 41 on Wednesday.", "2026-08-12")
    assert _number_conflicts(tmp_path / "grew", first, later) == []
    # a toll that shrank, or a one-time event on two days, still conflicts
    shrank = (later[0].replace("41", "19"), later[1])
    assert _number_conflicts(tmp_path / "shrank", first, shrank) == ["date"]
    event = ("The Kerala floods killed 27 people on Monday.", "2026-08-10")
    moved = ("The Kerala floods killed 27 people on Wednesday.", "2026-08-12")
    assert _number_conflicts(tmp_path / "event", event, moved) == ["date"]


def test_the_day_a_figure_was_said_is_no_date_of_the_figure(tmp_path: Path) -> None:
    """A CI probe: the same sentence said on two Mondays a week apart was an error-level
    date conflict (the days of the tellings were compared as the fact's)."""
    text = "Pakistan's space budget is $200 million, officials said on Monday."
    assert _number_conflicts(tmp_path / "same", (text, "2025-02-03"), (text, "2025-02-01")) == []
    # Two figures told weeks apart may be two events: still no conflict ...
    other = (text.replace("200", "260"), "2025-03-03")
    assert _number_conflicts(tmp_path / "apart", (text, "2025-02-03"), other) == []
    # ... but told in one news cycle, they conflict.
    near = (text.replace("200", "260"), "2025-02-04")
    assert _number_conflicts(tmp_path / "near", (text, "2025-02-03"), near) == ["number"]


def test_an_estimate_of_damage_revised_upwards_is_no_conflict(tmp_path: Path) -> None:
    """A desk probe: flood damage estimated on Aug 10 and again, higher, on Aug 12."""
    first = ("Preliminary estimates put the damage from the Kerala floods at Rs 3,400 crore.",
             "2026-08-10")
    later = ("Losses from the Kerala floods were estimated at Rs 8,000 crore.", "2026-08-12")
    assert _number_conflicts(tmp_path / "grew", first, later) == []
    same_day = (later[0], "2026-08-10")
    assert _number_conflicts(tmp_path / "same", first, same_day) == ["number"]


def test_an_undated_figure_is_not_one_dated_years_before_its_page(tmp_path: Path) -> None:
    # A desk probe: this week's election result against the last election's.
    assert _number_conflicts(
        tmp_path, ("Unity Alliance won 31 seats, giving it the largest group in parliament.",
                   "2026-04-14"),
        ("Unity Alliance won 26 seats in the 2022 election.", "2026-04-16")) == []


def test_an_undated_figure_conflicts_with_one_dated_its_own_year(tmp_path: Path) -> None:
    assert _number_conflicts(
        tmp_path, ("Unity Alliance won 31 seats, giving it the largest group in parliament.",
                   "2026-04-14"),
        ("Unity Alliance won 26 seats in the 2026 election.", "2026-04-16")) == ["number"]


def test_a_present_figure_is_not_one_of_last_year(tmp_path: Path) -> None:
    # Desk probe Q6 (trap T4.2): a stock now against last year's flow, on one page
    assert _number_conflicts(
        tmp_path / "stock", ("Harland said an estimated 38,000 containers are stranded at the "
                             "terminal.", "2026-11-12"),
        ("Last year Harland's terminal handled 2.1 million containers.", "2026-11-12")) == []
    # ... told in the past tense, this year's figure still conflicts with last year's
    assert _number_conflicts(
        tmp_path / "past", ("Harland's terminal handled 2.2 million containers.",
                            "2026-11-12"),
        ("Last year Harland's terminal handled 2.1 million containers.", "2026-11-12")) \
        == ["number"]
    # ... and so does a present figure beside last year's (desk probe T's planted conflict)
    assert _number_conflicts(
        tmp_path / "now", ("The UK has 48 universities in the top 500, down from 52 a year "
                           "earlier.", "2026-10-08"),
        ("The UK now has 46 universities in the top 500, compared with 52 last year.",
         "2026-10-09")) == ["number"]


def test_tolls_of_two_disasters_years_apart_are_no_shrinking_total(tmp_path: Path) -> None:
    """Desk probe C (trap T3): this quake's toll and one of 2023's are two totals, not one
    that shrank (`totals.shrank` reads readings a month apart at most)."""
    now = ("At least 58 people have been killed after a magnitude 6.8 earthquake struck the "
           "Turkish province of Malatya on Tuesday.", "2026-10-14")
    then = ("Malatya was among the provinces devastated by the February 2023 earthquakes, "
            "which killed more than 50,000 people in Turkey.", "2026-10-14")
    assert _number_conflicts(tmp_path, now, then) == []


def test_two_moments_of_one_day_are_two_figures(ruleset: RuleSet) -> None:
    """Desk probe D (trap T7): one day's move read at two moments is no conflict; at one
    moment, or with no moment said, it still is."""
    from checker.compare.slots import moments_of
    from tests.compare.pairs import verdict

    late = "Sterling fell 0.6 per cent against the dollar by late afternoon."
    after = "Sterling fell 0.4% against the dollar to $1.3120 after the decision."
    assert moments_of(late) == {"late afternoon"} and moments_of(after) == {"decision"}
    assert moments_of("Shares were up 7.5% at 1015 GMT.") == {"1015"}
    assert moments_of("The shares closed up 5.2% on Thursday.") == {"close"}
    day = "2026-11-06"
    assert verdict(ruleset, late, after, day, day)[0] != "conflict"
    assert verdict(ruleset, late, late.replace("0.6 per cent", "0.4%"), day, day) \
        == ("conflict", "number")


@pytest.mark.parametrize(("a", "b", "day_a", "day_b", "apart"), [
    # a forecast updated each spring, told on pages eleven months apart (the desk corpus:
    # an error-level date conflict between two stories)
    ("The OBR last updated its forecasts in March.", "The OBR cut its growth forecast to "
     "1.1 per cent, from the 1.5 per cent it predicted in March.", "2026-10-21",
     "2025-11-27", True),
    ("The results were first presented at a cardiology conference in Madrid in September.",
     "The results were presented on Saturday at the European Society of Cardiology congress "
     "in Madrid.", "2026-11-12", "2025-09-22", True),
    # ... or in the days after it: talks due to resume "on Monday" in a page of October 2025
    # and talks that "broke down on Wednesday" in November 2026 (desk probe Q6: two strikes'
    # talks, an error-level date conflict)
    ("Talks at the conciliation service Acas broke down on Wednesday.", "Talks at the "
     "conciliation service Acas are due to resume on Monday.", "2026-11-12", "2025-10-29",
     True),
    # pages days apart: one event, two dates
    ("The OBR last updated its forecasts in March.", "The OBR last updated its forecasts in "
     "April.", "2026-10-21", "2026-10-23", False),
    # a date weeks ahead of its page and the event told months later: one event
    ("The mayoral election was held on 7 May.", "The mayoral election will be held on 14 "
     "May.", "2026-11-20", "2026-04-01", False),
    # one event long before both pages, told twice
    ("The plant opened in March 2019.", "The plant opened in April 2019.", "2026-10-21",
     "2025-11-27", False),
])
def test_recent_events_of_pages_months_apart(ruleset: RuleSet, a: str, b: str, day_a: str,
                                             day_b: str, apart: bool) -> None:
    na, nb = norm(ruleset, a, "a", day_a), norm(ruleset, b, "b", day_b)
    r = PairResult(na, nb, Verdict("conflict", "date", 0.9, 0.5))
    published = {"a": date.fromisoformat(day_a), "b": date.fromisoformat(day_b)}
    assert dated_alike_ago(r, published) is apart
