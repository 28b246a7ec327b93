"""Desk probes N and O (a wire briefs page, an Indian company's results, an aviation
incident, a housing market; an interview, a fact check, a cricket report, a mining story):
what extraction read wrong on pages it had never seen, each case written as such pages
write it. Several made a false conflict or hid a real one in `check`."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet

OUNCE = 0.0311034768  # kg, a troy ounce


def _claims(ruleset: RuleSet, sentence: str, published: str = "2026-04-14") -> list[Claim]:
    return extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                        DocumentMeta(published=published), threshold=0.0).claims


def _claim(ruleset: RuleSet, sentence: str, published: str = "2026-04-14") -> Claim:
    (claim,) = _claims(ruleset, sentence, published)
    return claim


@pytest.mark.parametrize("sentence, text, kind, value, unit", [
    # an aircraft's height and speed (probe N: no figure, a length, a count of knots)
    ("The jet descended from 35,000ft in four minutes.", "35,000ft", "measure", 10668.0, "m"),
    ("Masks dropped when the cabin altitude passed 14,000 ft.", "14,000 ft", "measure",
     4267.2, "m"),
    ("It descended at about 6,800 feet per minute.", "about 6,800 feet per minute",
     "measure", 34.544, "m/s"),
    ("Its speed peaked at 335 knots during the descent.", "335 knots", "measure",
     335 * 1852 / 3600, "m/s"),
    ("The jet was cruising at FL350 when the warning sounded.", "FL350", "measure",
     10668.0, "m"),
    # the singular rupee (probe N: a name "Re 1")
    ("The shares have a face value of Re 1 each.", "Re 1", "money", 1.0, "PKR"),
    # a mine's metal, ore and grade (probe O: no figures, a mass, a count of ounces)
    ("The mine produced 410,000oz of gold last year.", "410,000oz", "measure",
     410_000 * OUNCE, "kg"),
    ("Reserves rose to 4.1 million ounces.", "4.1 million ounces", "measure",
     4.1e6 * OUNCE, "kg"),
    ("The pit holds 44.8Mt of ore.", "44.8Mt", "measure", 44.8e9, "kg"),
    ("Drilling returned 2.4 grams per tonne over 30 metres.", "2.4 grams per tonne",
     "measure", 2.4, "g/t"),
    ("Ore at the deposit grades 2.5g/t on average.", "2.5g/t", "measure", 2.5, "g/t"),
    ("The mill will process 6Mtpa once expanded.", "6Mtpa", "measure", 6e9, "kg/yr"),
    ("Britain has 9.6 gigawatts of offshore wind.", "9.6 gigawatts", "measure", 9.6e9, "W"),
    # Ghana's cedi by its sign (probe O: a count, and a name "GH")
    ("Police seized GH\u00a21.2 million in cash.", "GH\u00a21.2 million", "money", 1.2e6,
     "GHS"),
])
def test_units_of_probes_n_and_o(ruleset: RuleSet, sentence: str, text: str, kind: str,
                                 value: float, unit: str) -> None:
    claim = _claim(ruleset, sentence)
    (q,) = [q for q in claim.quantities if q.text == text]
    assert (q.kind, q.unit) == (kind, unit) and q.value == pytest.approx(value)
    assert all(e.text not in text for e in claim.entities)  # "FL350", "Re 1", "GH"


def test_a_lower_case_mt_is_no_megatonne(ruleset: RuleSet) -> None:
    # "Mt" (a capital M) is a million tonnes; "45 mt" may be metric tonnes: left a count
    (q,) = _claim(ruleset, "The plant shipped 45 mt of steel in March.").quantities
    assert q.unit is None


def test_a_periods_months_count_nothing(ruleset: RuleSet) -> None:
    # probe N: "9M FY26" (the first nine months of the year) was a count of 9,000,000
    claim = _claim(ruleset, "Net profit for 9M FY26 rose 14% to Rs 1,102 crore.")
    assert [q.text for q in claim.quantities] == ["14%", "Rs 1,102 crore"]


INDIA = ("Kaveri Paints of Mumbai, India, reported revenue of Rs 4,250 crore in FY26, "
         "against Rs 3,900 crore in 2024-25, and expects growth in fiscal 2027.")


def test_a_fiscal_year_on_an_indian_page_runs_april_to_march(ruleset: RuleSet) -> None:
    # probe N: FY25 and FY26 were each two calendar years, so they overlapped by one, and a
    # quarter of FY26 fell inside FY25 (a false error-level conflict of a year's profit
    # with a quarter's)
    dates = [(d.text, d.start, d.end) for c in _claims(ruleset, INDIA) for d in c.dates]
    assert dates == [("FY26", "2025-04-01", "2026-03-31"),
                     ("2024-25", "2024-04-01", "2025-03-31"),
                     ("fiscal 2027", "2026-04-01", "2027-03-31")]


def test_a_fiscal_year_elsewhere_keeps_both_calendar_years(ruleset: RuleSet) -> None:
    (d,) = _claim(ruleset, "Acme of Ohio reported revenue of $4 billion in FY26.").dates
    assert (d.start, d.end) == ("2025-01-01", "2026-12-31")  # its calendar is unknown


def test_a_season_on_an_indian_page_is_no_year_of_accounts(ruleset: RuleSet) -> None:
    claim = _claim(ruleset, "India won 11 of 14 Tests in Mumbai and Delhi in the "
                            "2024-25 season, the board said.")
    (d,) = claim.dates
    assert (d.start, d.end) == ("2024-01-01", "2025-12-31")


@pytest.mark.parametrize("sentence, published, text, start", [
    # "last Thursday" is past in a sentence that plans (probe O: after publication)
    ("We spoke to her last Thursday, two days after Ofgem said the cap would fall by 4%.",
     "2026-04-14", "last Thursday", "2026-04-09"),
    # an event told in the present is ahead (probe O: the Sunday before, a date conflict)
    ("The fifth and final match is in Ahmedabad on Sunday, starting at 1.30pm.",
     "2026-02-11", "on Sunday", "2026-02-15"),
    # a month after a verb in the past is past, a plan elsewhere in the sentence or not
    # (probe O: March of next year)
    ("We removed 280GW of projects since the reforms took effect in March, and we expect "
     "to clear another 100GW by 2027.", "2026-04-14", "in March", "2026-03-01"),
    ("We have cut prices since March and will cut them again.", "2026-04-14",
     "since March", "2026-03-01"),
    ("The works will be completed in March, the council said.", "2026-04-14", "in March",
     "2027-03-01"),
    # a day "last year" (probe N: 1 April of the year of publication)
    ("Stamp duty thresholds fell back on April 1 last year, distorting comparisons.",
     "2026-04-08", "April 1 last year", "2025-04-01"),
    ("The law takes effect on 1 July next year, officials said.", "2026-04-08",
     "1 July next year", "2027-07-01"),
])
def test_dates_of_probes_n_and_o(ruleset: RuleSet, sentence: str, published: str,
                                 text: str, start: str) -> None:
    dates = [d for c in _claims(ruleset, sentence, published) for d in c.dates]
    assert [d.start for d in dates if d.text == text] == [start], \
        [(d.text, d.start) for d in dates]


CRICKET = ("India made 287-6 in their 50 overs. Archer took 4-38 in ten overs. England "
           "were 58-3 at one stage. The second innings was shorter.\n"
           "Bumrah finished with 2-35, and Kuldeep 3/51.")


def test_a_bowlers_and_a_sides_figures_are_two_counts(ruleset: RuleSet) -> None:
    # probe O: "took 4-38" a range 4..38 (so 4-38 and 4-41 could not disagree), "287-6" and
    # "58-3" no figures, "Kuldeep 3/51" a name
    found = [(q.text, q.noun) for c in _claims(ruleset, CRICKET) for q in c.quantities
             if q.noun != "overs"]
    assert found == [("287", "runs"), ("6", "wickets"), ("4", "wickets"),
                     ("38", "runs conceded"), ("58", "runs"), ("3", "wickets"),
                     ("2", "wickets"), ("35", "runs conceded"), ("3", "wickets"),
                     ("51", "runs conceded")]
    assert "Kuldeep" in [e.text for c in _claims(ruleset, CRICKET) for e in c.entities]


@pytest.mark.parametrize("sentence, text", [
    ("The trip took 10-12 days by car.", "10-12 days"),
    ("Rain took 10-12 overs out of the match.", "10-12"),  # a range of what follows
])
def test_a_range_is_no_cricket_figure(ruleset: RuleSet, sentence: str, text: str) -> None:
    (q,) = _claim(ruleset, sentence).quantities
    assert (q.text, q.bound) == (text, "range")


@pytest.mark.parametrize("sentence, noun", [
    # a comparison's period is the figure's noun: it tells a year's change from a month's
    # (a review: "rose 0.4% month-on-month" / "rose 3.4% year-on-year" conflicted without)
    ("Sales were 3% higher on-year in March.", "on-year"),
    ("Prices rose 1.2% month-on-month in March.", "month-on-month"),
    # a place's accented letter ended no word of a time's noun ("bordeaux-m rignac")
    ("The flight landed at Bordeaux-M\u00e9rignac at 13:58 local time.",
     "flight landed bordeaux-m\u00e9rignac"),
])
def test_nouns_of_probe_n(ruleset: RuleSet, sentence: str, noun: str | None) -> None:
    assert [q.noun for q in _claim(ruleset, sentence).quantities] == [noun]


def test_kilolitres_are_a_volume(ruleset: RuleSet) -> None:
    (q,) = _claim(ruleset, "Sales reached 3 lakh kilolitres in the quarter.").quantities
    assert (q.kind, q.unit, q.value) == ("measure", "m3", 300_000.0)


def test_a_quarter_of_an_indian_year_of_accounts_is_resolved(ruleset: RuleSet) -> None:
    # probe N: "Q3 FY26" was an unresolved quarter, so its figures and Q2's were one period
    text = ("Kaveri Paints of Mumbai, India, posted profit of Rs 412 crore in Q3 FY26, up "
            "from Rs 371 crore in Q2 FY26; in Q4 FY26 it expects more.")
    dates = [(d.text, d.start, d.end) for c in _claims(ruleset, text, "2026-01-20")
             for d in c.dates]
    assert dates == [("Q3 FY26", "2025-10-01", "2025-12-31"),
                     ("Q2 FY26", "2025-07-01", "2025-09-30"),
                     ("Q4 FY26", "2026-01-01", "2026-03-31")]


def test_an_indian_companys_dollars_keep_its_year_of_accounts(ruleset: RuleSet) -> None:
    # a review: India's IT firms report in dollars on India's April-March year ("Apple's Q1
    # FY26" on an Indian page is read so too: left, the commoner case kept)
    text = ("Infosys of Bengaluru, India, posted profit of Rs 6,800 crore in Q3 FY26.\n"
            "In dollar terms, Infosys reported revenue of $4.9 billion for Q3 FY26.\n")
    claims = _claims(ruleset, text, "2026-02-05")
    assert [(d.text, d.start) for c in claims for d in c.dates] == [
        ("Q3 FY26", "2025-10-01"), ("Q3 FY26", "2025-10-01")]


@pytest.mark.parametrize("sentence, text, noun, bound", [
    # probe O: "first five overs" conflicted with an innings' "46.3 overs"
    ("Bumrah took a wicket in his first five overs of the final.", "five", "first overs",
     "exact"),
    # probe O: "exceeded 1Moz" was an exact 1Moz, which agreed with 1.12Moz and hid its
    # conflict with 1.02Moz
    ("Output at the mine exceeded 1Moz for the first time.", "exceeded 1Moz", None, "lower"),
    ("Brent topped $100 a barrel on Monday.", "topped $100", "barrel", "lower"),
])
def test_a_figures_sequence_and_bound_words(ruleset: RuleSet, sentence: str, text: str,
                                            noun: str | None, bound: str) -> None:
    (q,) = [q for q in _claim(ruleset, sentence).quantities if q.text == text]
    assert (q.noun, q.bound) == (noun, bound)
