"""Desk probe D (an election count, a central bank's rate decision, a fraud sentencing, a
heatwave): what extraction read wrong in pages a desk meets, each case written as such
pages write it."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet

_META = DocumentMeta(published="2026-11-05")


def _page(ruleset: RuleSet, *lines: str) -> list[Claim]:
    text = "Page\n\n" + "\n".join(lines) + "\n"
    return extract_text(text, "page", ruleset.lexicon, _META).claims


@pytest.mark.parametrize("line, statement", [
    # a stamp with its time zone, as business live blogs write it
    ("12.10pm GMT: The vote was 6-3, with three members wanting to hold rates at 3.75%.",
     "The vote was 6-3, with three members wanting to hold rates at 3.75%."),
    ("23:48 CET: With all votes counted, the Social Democrats have 45 seats.",
     "With all votes counted, the Social Democrats have 45 seats."),
    # a 24-hour stamp and a space before the entry, as Euronews writes it
    ("10:42 Temperatures reached 44.6 degrees Celsius in Cordoba, AEMET confirmed.",
     "Temperatures reached 44.6 degrees Celsius in Cordoba, AEMET confirmed."),
    ("09:30 AEMET has placed six regions on red alert.",
     "AEMET has placed six regions on red alert."),
])
def test_a_live_blog_stamp_with_a_zone_or_without_a_colon(ruleset: RuleSet, line: str,
                                                          statement: str) -> None:
    # Left in, "10:42 Temperatures" made "Temperatures" a name, and "12.10pm GMT: The vote"
    # was the subject of the triple.
    (claim,) = _page(ruleset, line)
    assert claim.text == statement
    assert not any(e.text in ("Temperatures", "GMT", "CET") for e in claim.entities)
    assert claim.triple is None or not claim.triple.subject[:1].isdigit()


@pytest.mark.parametrize("line", [
    "10:30 a.m. is when the polls open.",
    "12:30 is the time the polls open.",
])
def test_a_time_that_is_the_statement_stays(ruleset: RuleSet, line: str) -> None:
    # A time followed by a lower-case word is what the sentence speaks of, not a stamp.
    claims = _page(ruleset, line)
    assert all(c.text == line for c in claims)


def test_a_live_blog_post_without_a_full_stop_is_a_statement(ruleset: RuleSet) -> None:
    # The post, written as a headline, was a title and no claim; its label was a name.
    (claim,) = _page(ruleset, "12.04pm GMT: Breaking: Bank of England cuts interest rates "
                              "to 3.25%")
    assert claim.text == "Bank of England cuts interest rates to 3.25%"
    assert [q.text for q in claim.quantities] == ["3.25%"]
    assert "Breaking" not in [e.text for e in claim.entities]


def test_a_programme_of_times_is_no_post(ruleset: RuleSet) -> None:
    assert _page(ruleset, "10:30 Opening remarks", "11:00 Coffee break", "13:00 Lunch") == []


@pytest.mark.parametrize("line, day", [
    ("The BoE's next decision is due on Dec. 17.", "2026-12-17"),
    ("The verdict is due in January, the court said.", "2027-01-01"),
])
def test_due_on_a_day_is_a_plan(ruleset: RuleSet, line: str, day: str) -> None:
    # "is due on Dec. 17" in November was read as asserted, and the day as last December's:
    # a date conflict in waiting with "The next MPC decision will be on 18 December", and
    # none with the 17 December the Bank gave.
    (claim,) = _page(ruleset, line)
    assert claim.modality == "planned"
    assert [str(d.start) for d in claim.dates] == [day]


def test_due_as_owed_is_no_plan(ruleset: RuleSet) -> None:
    (claim,) = _page(ruleset, "The payment was due on March 3, the council said.")
    assert claim.modality != "planned"


@pytest.mark.parametrize("line, name", [
    ("Inflation was 3.1% in September, still well above the BoE's 2% target.", "BoE's"),
    ("Growth slowed to Beijing's 5 per cent goal, officials said.", "Beijing's"),
    ("Shares rose after the Acme 3% coupon was cut, traders said.", "Acme"),
])
def test_a_percentage_is_no_part_of_a_name(ruleset: RuleSet, line: str, name: str) -> None:
    # "BoE's 2" was a name, and the page's "BoE's next decision" took it for its own.
    (claim,) = _page(ruleset, line)
    names = [e.text for e in claim.entities]
    assert name in names and not any(n.startswith(name + " ") for n in names)


def test_a_model_number_stays_in_its_name(ruleset: RuleSet) -> None:
    (claim,) = _page(ruleset, "The rover flew aboard Chang'e 6 in 2024, the agency said.")
    assert "Chang'e 6" in [e.text for e in claim.entities]


@pytest.mark.parametrize("line, names", [
    ("AEMET put four regions on red alert: Andalusia, Extremadura, Castilla-La Mancha and "
     "Madrid.", ["Extremadura", "Castilla-La Mancha", "Madrid"]),
    ("Storms hit Kent, Essex, West Sussex and Surrey on Monday, the Met Office said.",
     ["Kent", "West Sussex", "Surrey"]),
])
def test_the_last_two_names_of_a_list_are_two(ruleset: RuleSet, line: str,
                                              names: list[str]) -> None:
    # "Castilla-La Mancha and Madrid" was one name, and the dateline's "MADRID" on the page
    # became that name, an entity the other pages' Madrid figures did not have.
    (claim,) = _page(ruleset, line)
    found = [e.text for e in claim.entities]
    assert all(n in found for n in names), found


def test_a_listed_name_with_of_and_stays_whole(ruleset: RuleSet) -> None:
    # In a list too, "X of Y and Z" is one institution's name.
    (claim,) = _page(ruleset, "Samsung, Hyundai, Ministry of Science and Technology officials "
                              "and LG signed the pact.")
    assert "Ministry of Science and Technology" in [e.text for e in claim.entities]


@pytest.mark.parametrize("line, unit", [
    ("Temperatures reached 44.6 degrees Celsius in Cordoba, AEMET said.", "Celsius"),
    ("It hit 104 degrees Fahrenheit in Phoenix, forecasters said.", "Fahrenheit"),
])
def test_a_scale_of_degrees_is_no_name(ruleset: RuleSet, line: str, unit: str) -> None:
    (claim,) = _page(ruleset, line)
    assert unit not in [e.text for e in claim.entities]


def test_a_short_contrast_with_its_own_place_and_figure_is_a_claim(ruleset: RuleSet) -> None:
    # One claim held Malaga's 41C and Cordoba's 112F: the 41C "conflicted" with another
    # page's 44.6C in Cordoba.
    claims = _page(ruleset, "Temperatures in Malaga reached 41C on Sunday, while Cordoba "
                            "recorded 112F.")
    assert [c.text for c in claims] == ["Temperatures in Malaga reached 41C on Sunday",
                                        "Cordoba recorded 112F."]


def test_a_short_contrast_without_a_figure_stays_in_its_sentence(ruleset: RuleSet) -> None:
    claims = _page(ruleset, "Temperatures in Malaga reached 41C on Sunday, while Cordoba "
                            "sweltered.")
    assert len(claims) == 1


@pytest.mark.parametrize("line, sides", [
    ("The MPC voted by a majority of 6-3 to reduce Bank Rate to 3.5%.", (6, 3)),
    ("The BoE cut rates to 3.5%, with policymakers split 6-3 over the move.", (6, 3)),
    ("The Bank cut its rate to 3.5 per cent in a 5-4 vote on Thursday.", (5, 4)),
    ("The vote was 6-3, with three members wanting to hold rates.", (6, 3)),
])
def test_a_vote_tally_is_its_two_sides(ruleset: RuleSet, line: str,
                                       sides: tuple[int, int]) -> None:
    # "6-3" and "5-4" were no figures: a committee's split told two ways went unseen.
    (claim,) = _page(ruleset, line)
    tally = {q.noun: q.value for q in claim.quantities if q.noun in ("majority", "minority")}
    assert tally == {"majority": sides[0], "minority": sides[1]}


@pytest.mark.parametrize("line", [
    "Arsenal won 2-1 at Anfield on Sunday, the club said.",
    "The 4-3-3 formation suited the side, the coach said.",
])
def test_a_score_is_no_tally(ruleset: RuleSet, line: str) -> None:
    claims = _page(ruleset, line)
    assert not [q for c in claims for q in c.quantities if q.noun in ("majority", "minority")]
