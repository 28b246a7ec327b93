"""Desk probe C (an earthquake, a trading statement, a transfer, a nurses' strike): what
extraction read wrong in pages a desk meets, each case written as such pages write it."""

from __future__ import annotations

from datetime import date

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.extract.date_types import Anchor
from checker.extract.dates import find_dates
from checker.extract.quantities import find_quantities
from checker.extract.worthiness import text_features
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.normclaim import INITIAL
from checker.rules import RuleSet

_META = DocumentMeta(published="2026-10-13")
_ANCHOR = Anchor(date(2026, 10, 22), date(2026, 10, 22), "day")


@pytest.mark.parametrize("line", [
    "4:30 PM: The death toll has risen to 58, the agency said.",
    "10:05 AM: Flights to Malatya airport were not suspended, the ministry said.",
    "18:40: Brentford have agreed a fee of around 38 million pounds with Salzburg.",
    "3:15pm - NZNO chief executive Kerri Nuku said members were standing together.",
    "9.15am: About 36,000 nurses have walked off the job across the country.",
])
def test_a_live_blog_time_stamp_is_no_part_of_the_claim(ruleset: RuleSet, line: str) -> None:
    claims = extract_text(f"Live updates\n\n{line}\n", "live", ruleset.lexicon, _META).claims
    assert len(claims) == 1
    claim = claims[0]
    assert claim.text == line.split(": ", 1)[-1].split(" - ", 1)[-1]
    assert not any(e.text in ("PM", "AM") for e in claim.entities)
    assert claim.triple is None or not claim.triple.subject[:1].isdigit()


def _page(ruleset: RuleSet, *lines: str) -> list[Claim]:
    text = "Page\n\n" + "\n".join(lines) + "\n"
    return extract_text(text, "page", ruleset.lexicon, _META).claims


@pytest.mark.parametrize("line", [
    "Around 3,000 planned surgeries have been postponed because of the strike.",
    "Roughly 200 flights were cancelled on Tuesday.",
    "Approximately 40 homes were destroyed by the fire.",
])
def test_a_word_sizing_a_figure_is_no_name_at_a_sentence_start(ruleset: RuleSet,
                                                                 line: str) -> None:
    # Normalisation guessed "Around" a name (`INITIAL`): two pages sharing the guess would
    # share an entity, and one page's figure had an entity the other page's had not.
    (norm,) = normalise_document("page", _page(ruleset, line), ruleset.lexicon)
    assert not [m.id for m in norm.mentions if m.role == INITIAL]


@pytest.mark.parametrize("line, zone", [
    ("The quake hit at 3:12 a.m. (0012 GMT) and was centred in Malatya, AFAD said.", "GMT"),
    ("Shares in Marlow were up 7.5% at 1015 GMT.", "GMT"),
    ("The launch is set for 14:30 UTC on Friday, Arianespace said.", "UTC"),
])
def test_a_time_zone_is_no_name(ruleset: RuleSet, line: str, zone: str) -> None:
    # "GMT" was a name, and so the page's subject lent to its figures that name no one.
    (claim,) = _page(ruleset, line)
    assert zone not in [e.text for e in claim.entities]


@pytest.mark.parametrize("line", [
    "- Revenue £4.82bn (Q3 2025: £4.51bn), up 6.9%",
    "Operating profit rose to $1.2bn in H1 2026 from $1.1bn, the company said.",
])
def test_a_quarter_or_half_year_is_no_name(ruleset: RuleSet, line: str) -> None:
    # "Q3 2025" was a name; the next line ("Adjusted operating profit £212m") took it as
    # its subject.
    (claim,) = _page(ruleset, line)
    assert not [e.text for e in claim.entities if e.text[:2] in ("Q3", "H1")]


@pytest.mark.parametrize("line", [
    "- Revenue £4.82bn (Q3 2025: £4.51bn), up 6.9%",
    "- Like-for-like sales up 4.2%",
    "- Adjusted operating profit £212m, up 11%",
])
def test_a_row_of_a_trading_statement_is_a_claim(ruleset: RuleSet, line: str) -> None:
    # Highlights are rows without a colon or a verb: a measure, a sum or a change.
    (claim,) = _page(ruleset, line)
    assert "too-short" not in claim.features and "fragment" not in claim.features


@pytest.mark.parametrize("line", ["Chapter 3", "Season 2 Episode 4", "Top 10 stories"])
def test_a_title_with_a_number_is_no_row(line: str) -> None:
    found = text_features(line, has_number=True, has_date=False, attributed=False,
                          future=False, correction=False)
    assert "too-short" in found


@pytest.mark.parametrize("text, value, unit, noun", [
    ("Erdogan declared a three-month state of emergency in Malatya.", 3, "month", "state"),
    ("The 24-year-old has signed a five-year contract with the option of a further year.",
     5, "year", "contract"),
    ("About 36,000 nurses began a 24-hour strike on Wednesday.", 24, "hour", "strike"),
    ("The union called a 48-hour nationwide walkout.", 48, "hour", "walkout"),
    ("He was handed a two-year ban by the federation.", 2, "year", "ban"),
])
def test_a_duration_before_what_it_lasts_is_a_measure(text: str, value: float, unit: str,
                                                      noun: str) -> None:
    # "a five-year contract" and "a four-year contract" of one signing disagree; the
    # compound adjective was no quantity at all (and the sentence no claim).
    # (An age, "the 24-year-old", is years too: desk probe H.)
    found = [q for q in find_quantities(text) if q.unit == unit and q.noun != "age"]
    assert [(q.value, q.noun) for q in found] == [(value, noun)]
    assert found[0].kind == "measure" and found[0].low == found[0].high == value


@pytest.mark.parametrize("text", [
    "The 24-year-old scored twice.",
    "The 10-year bond yield rose to 4.2%.",
    "Shares hit a 52-week high on Monday.",
    "It was the first five-year plan of the new government.",
])
def test_an_age_a_bond_or_a_high_is_no_duration(text: str) -> None:
    # (an age is a measure of its own, years of age: desk probe H)
    assert not [q for q in find_quantities(text)
                if q.unit in ("year", "week", "month", "day", "hour") and q.noun != "age"]



@pytest.mark.parametrize("line, fact", [
    ("President Recep Tayyip Erdogan declared a three-month state of emergency in Malatya "
     "and said he would visit the region on Wednesday.", "three-month"),
    ("Marlow opened eight stores in the quarter and said it would open 20 more next year.",
     "eight"),
])
def test_a_plan_told_after_a_fact_leaves_the_fact_asserted(ruleset: RuleSet, line: str,
                                                           fact: str) -> None:
    # Read whole, the telling of the plan ("said he would visit") made the declaration
    # planned: it was not compared with "declared a six-month state of emergency".
    claims = _page(ruleset, line)
    (stated,) = [c for c in claims if fact in c.text]
    assert stated.modality == "asserted"
    assert [c.modality for c in claims if fact not in c.text] == ["planned"]


@pytest.mark.parametrize("line", [
    "We now expect full-year adjusted operating profit of between £810m and £840m.",
    "We continue to expect revenue growth of 4% to 6% in 2027.",
])
def test_a_company_s_own_guidance_is_a_claim(ruleset: RuleSet, line: str) -> None:
    # The first person of a trading statement is the company: its forecast with a figure
    # is its guidance, on record, which the wires repeat ("Marlow now expects ...").
    (claim,) = _page(ruleset, line)
    assert "first-person" not in claim.features


@pytest.mark.parametrize("line", [
    "We think the economy will grow by 2% next year.",
    "I expect about 40 people to come on Saturday.",
])
def test_a_forecast_in_the_first_person_is_still_first_person(line: str) -> None:
    found = text_features(line, has_number=True, has_date=True, attributed=False,
                          future=True, correction=False)
    assert "first-person" in found


@pytest.mark.parametrize("line, name", [
    ("Health New Zealand - Te Whatu Ora has offered a 2.5% pay rise, while the union wants 7%.",
     "Health New Zealand"),
    ("Nurses said Health New Zealand had offered a 2.5% pay rise on Monday.",
     "Health New Zealand"),
    ("Inflation slowed to 2.9% in March, Statistics Canada said on Tuesday.",
     "Statistics Canada"),
])
def test_a_country_ending_an_agency_s_name_is_the_agency(ruleset: RuleSet, line: str,
                                                         name: str) -> None:
    # "Health New Zealand" (the health service) was "Health" and the country: the claim
    # was about New Zealand, and the offer's page shared nothing with "Health NZ".
    (claim,) = _page(ruleset, line)
    assert name in [e.text for e in claim.entities]
    assert not [e for e in claim.entities if e.id in ("new-zealand", "canada")]


@pytest.mark.parametrize("text, kept", [
    ("Marlow Grocers posted revenue of £4.82bn for the third quarter, up 9.6% on last year.",
     ["the third quarter"]),
    ("Exports rose 5% from last year to $2.1 billion in March.", ["in March"]),
    ("Revenue £4.82bn (Q3 2025: £4.51bn), up 6.9%", []),
    ("Profit was £1.2bn (H1 2025: £1.0bn).", []),
    ("Sales fell to $3 billion last year.", ["last year"]),
    ("The rule, carried over from last year, applies to 40 schools.", ["last year"]),
    # ... as US copy ("percent"), a tabloid ("pc") and a rate's change write it
    ("Marlow Grocers posted revenue of $6.2 billion for the third quarter, up 9.6 percent on "
     "last year.", ["the third quarter"]),
    ("Exports rose 5 percent from the previous year to $2.1 billion in March.", ["in March"]),
    ("Sales were up 6 pc on 2024 at £3bn.", []),
    ("The jobless rate was 4.1%, up 0.3 percentage points on last year.", []),
])
def test_the_base_of_a_comparison_is_no_date_of_the_fact(text: str, kept: list[str]) -> None:
    # "up 9.6% on last year" and a results row's "(Q3 2025: £4.51bn)" name the period the
    # figures are compared with: as dates of the claim, last year's quarter and "last year"
    # made two pages' figures one time and corroborated "up 6.9%" with "up 9.6%".
    assert [d.text for d in find_dates(text, anchor=_ANCHOR)] == kept


@pytest.mark.parametrize("text, kept", [
    ("Shares rose 5% on Monday.", ["on Monday"]),
    ("Shares closed at $50 on March 3, down from $52 a week earlier.", ["March 3"]),
])
def test_a_figure_s_own_day_stays(text: str, kept: list[str]) -> None:
    assert [d.text for d in find_dates(text, anchor=_ANCHOR)][:1] == kept


@pytest.mark.parametrize("line, name", [
    ("Red Bull Salzburg have sold striker Lukas Brenner to Brentford for 45 million euros, "
     "the club said.", "Brentford"),
    ("The fund lent money to Kenya and 12 other countries in 2025, officials said.", "Kenya"),
])
def test_a_figure_after_a_connector_is_no_part_of_a_name(ruleset: RuleSet, line: str,
                                                         name: str) -> None:
    # A number joins a name written against it ("Chang'e 6", "Hangor II"), not one after
    # "for" or "and": "Brentford for 45" was a name.
    (claim,) = _page(ruleset, line)
    assert name in [e.text for e in claim.entities]
    assert not [e.text for e in claim.entities if e.text.startswith(name + " ")]
