"""Desk probe V's pages (a burglary trial, a tech firm's layoffs, a Tour de France stage on
Mont Ventoux, Irish homelessness figures): what extraction and comparison got wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.pagetopic import national
from checker.rules import RuleSet
from tests.compare.pairs import case_findings, norm, verdict

DAY = "2026-07-21"


def _figures(ruleset: RuleSet, sentence: str) -> list[tuple[str, str | None, float | None,
                                                            float | None, float | None]]:
    claims = extract_text(sentence, "page", ruleset.lexicon, DocumentMeta(published=DAY),
                          threshold=0.0).claims
    return [(q.text, q.unit, q.value, q.low, q.high) for c in claims for q in c.quantities]


def test_a_race_time_in_short_units_is_one_time(ruleset: RuleSet) -> None:
    # "1min 42sec" was 42 seconds, and met "a 102-second advantage" as an error
    found = _figures(ruleset, "Jonas Weber leads Aagaard by 1min 42sec with five stages "
                              "remaining.")
    assert ("1min 42sec", "s", 102.0) in [(text, unit, value) for text, unit, value, _, _
                                          in found]
    assert verdict(ruleset, "Germany's Jonas Weber kept the yellow jersey and leads Aagaard "
                   "by 1min 42sec with five stages remaining.", "Jonas Weber of Germany "
                   "holds a 102-second advantage over Aagaard with five stages left.", DAY,
                   DAY)[0] != "conflict"


def test_a_length_as_an_adjective_is_told_to_its_last_digit(ruleset: RuleSet) -> None:
    # "the 13.4-mile climb" was a point, 21,565 m, against "21.5km" (21,450-21,550 m)
    ((_, unit, value, low, high),) = [f for f in _figures(
        ruleset, "His time for the 13.4-mile climb was a new record.") if f[1] == "m"]
    assert low is not None and high is not None and value is not None
    assert low < value < high and high > 21_450 and low < 21_550


def test_a_summit_s_height_is_in_metres(ruleset: RuleSet) -> None:
    # "the 1,910m summit" was 1.91 billion summits
    assert ("1,910m", "m", 1910.0) in [
        (t, u, v) for t, u, v, _, _ in _figures(
            ruleset, "Ferreira climbed the final 21.5km to the 1,910m summit in 45min 52sec.")]


def test_the_first_to_do_it_is_none_before(ruleset: RuleSet) -> None:
    # an error-level polarity conflict
    assert verdict(ruleset, "Ferreira is the first Portuguese rider to win a stage on Mont "
                   "Ventoux.", "No Portuguese rider had previously won a stage on Mont "
                   "Ventoux.", DAY, DAY)[0] != "conflict"
    # a denial of the thing itself still conflicts
    assert verdict(ruleset, "Ferreira won a stage on Mont Ventoux on Monday.",
                   "Ferreira did not win a stage on Mont Ventoux on Monday.", DAY,
                   DAY) == ("conflict", "polarity")


def test_a_race_that_ends_on_sunday_ends_next_sunday(ruleset: RuleSet) -> None:
    # a Tuesday page: "ends in Paris on Sunday" was the Sunday before
    (date,) = norm(ruleset, "The race ends in Paris on Sunday.", "a", DAY).dates
    assert date.first is not None and date.first.isoformat() == "2026-07-26"


def test_a_part_of_a_total_against_the_total(ruleset: RuleSet) -> None:
    # an error on pages lent their capital as topic: 11,430 / 16,214
    assert verdict(ruleset, "A record 16,214 people were living in emergency accommodation "
                   "in Ireland in September.", "Seven in ten of those in emergency "
                   "accommodation in Ireland, 11,430 people, were in the capital.", DAY,
                   DAY)[0] == "unrelated"


def test_a_national_figure_is_lent_no_city(tmp_path: Path) -> None:
    # an Irish page that names no country was lent Dublin as its topic, and its national
    # rise in rents met Dublin's as an error
    case = tmp_path / "case.txt"
    case.write_text(
        "=== v4 2026-10-30 Desk\n"
        "Dublin had 11,430 people in emergency accommodation in September.\n"
        "Dublin City Council said 156 people were sleeping rough in Dublin in September.\n"
        "Dublin City Council opened 300 new beds in Dublin last month.\n"
        "Rents in new tenancies rose by 5.1% nationally in the year to June.\n"
        "=== v4b 2026-10-30 Other\n"
        "Rents in Dublin rose by 6.8 per cent in the year to June.\n"
        "Dublin had 11,430 people in emergency accommodation in September.\n", "utf-8")
    (tmp_path / "run").mkdir()
    assert not [f for f in case_findings(tmp_path / "run", case) if f.kind == "conflict"]


@pytest.mark.parametrize("sentence", [
    "Rents in new tenancies rose by 5.1% nationally in the year to June.",
    "Prices rose 3% nationwide last month.",
])
def test_national_scope_words(sentence: str) -> None:
    assert national(sentence)


@pytest.mark.parametrize(("sentence", "dates"), [
    # a year or a month named as a change's base is no time of the fact
    ("Wind farms generated a record 87 TWh in Great Britain in 2025, up 6% on 2024.",
     ["2025"]),
    ("The prize fund this year is €8.05m, up 4.3% on 2025.", ["this year"]),
    # a period, a day, or a base whose own figure follows, still date
    ("Sandhu said she expected prices to rise between 1% and 3% over 2026.", ["2026"]),
    ("Sales rose 5% on March 3.", ["March 3"]),
    ("The figure is up 11.3% on September 2025, when 14,570 people were in emergency "
     "accommodation.", ["September 2025"]),
])
def test_a_named_base_of_a_change(ruleset: RuleSet, sentence: str, dates: list[str]) -> None:
    claims = extract_text(sentence, "page", ruleset.lexicon,
                          DocumentMeta(published="2026-10-30"), threshold=0.0).claims
    assert [d.text for c in claims for d in c.dates] == dates
