"""Verdicts on pairs: tolerance from precision and hedges, dates, polarity, planned vs reported."""

from __future__ import annotations

import pytest

from checker.compare import compare
from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from tests.compare.pairs import norm, verdict

SMIC = "SMIC's third-quarter sales were {} according to the company."


def test_rounding_agrees(ruleset: RuleSet) -> None:
    assert verdict(ruleset, SMIC.format("$1.62 billion"), SMIC.format("$1.62058 billion")) == (
        "corroboration", "agree")


def test_different_figures_conflict(ruleset: RuleSet) -> None:
    assert verdict(ruleset, SMIC.format("$2.7 billion"), SMIC.format("$2.17119 billion")) == (
        "conflict", "number")


def test_hedged_figure_agrees(ruleset: RuleSet) -> None:
    a = "Pakistan has a population of about 241 million people, the bureau said."
    b = "Pakistan has a population of 240 million people, the bureau said."
    assert verdict(ruleset, a, b)[0] == "corroboration"


def test_launch_years_conflict(ruleset: RuleSet) -> None:
    a = "China's Chang'e 8 lander mission will launch in 2028 with a Pakistani rover."
    b = "China's Chang'e 8 lander mission will launch in 2029 with a Pakistani rover."
    assert verdict(ruleset, a, b) == ("conflict", "date")


def test_relative_year_agrees_with_absolute(ruleset: RuleSet) -> None:
    a = "Last year, ICUBE-Q flew aboard China's Chang'e 6 mission to the moon."
    b = "In 2024, ICUBE-Q flew aboard China's Chang'e 6 mission to the moon."
    assert verdict(ruleset, a, b, pa="2025-03-01") == ("corroboration", "agree")
    # Without a publication date "last year" stays unresolved: no conflict either way.
    assert verdict(ruleset, a, b)[0] != "conflict"


def test_opposite_polarity_conflicts(ruleset: RuleSet) -> None:
    a = "China is a member of the International Space Station."
    b = "China is not a member of the International Space Station."
    assert verdict(ruleset, a, b) == ("conflict", "polarity")


def test_planned_and_reported_are_not_a_conflict(ruleset: RuleSet) -> None:
    a = "China's Chang'e 8 lander will carry a Pakistani rover to the moon in 2028."
    b = "China's Chang'e 8 lander carried a Pakistani rover to the moon in 2028."
    assert verdict(ruleset, a, b)[0] != "conflict"


def test_unrelated_sentences(ruleset: RuleSet) -> None:
    a = "Pakistan beat Australia by 45 runs in Lahore in 2024."
    b = "China's Chang'e 8 lander will carry a Pakistani rover in 2028."
    assert verdict(ruleset, a, b)[0] == "unrelated"


def test_same_document_only_reports_contradictions(ruleset: RuleSet) -> None:
    claims = [norm(ruleset, t, "same") for t in (
        "SMIC's third-quarter sales were $2.7 billion, the company said.",
        "SMIC's third-quarter sales were $2.1 billion, the company said.",
    )]
    claims = [c for i, c in enumerate(claims)]
    result = compare([claims[0], _renamed(claims[1])], ruleset.lexicon, {"same": None})
    assert result.conflicts == [] and result.corroborations == []


def _renamed(c: NormClaim) -> NormClaim:
    from dataclasses import replace

    return replace(c, claim_id=c.claim_id + "-b")


def test_different_subjects_or_places_are_two_facts(ruleset: RuleSet) -> None:
    # Each claim names a company or a site the other does not: two facts, no conflict.
    site = "{} now employs {} people at its {} site."
    assert verdict(ruleset, site.format("Steiboum Robotics", "3,700", "Dhaka"),
                   site.format("Treideiteil Robotics", "13,100", "Dhaka"))[0] != "conflict"
    assert verdict(ruleset, site.format("Steiboum Robotics", "3,700", "Dhaka"),
                   site.format("Steiboum Robotics", "3,100", "Islamabad"))[0] != "conflict"
    assert verdict(ruleset, "Kazakhstan is a member of the Trinul Ports Alliance.",
                   "Peru is not a member of the Trinul Ports Alliance.")[0] != "conflict"
    # The same company and site with two figures is one fact told two ways.
    assert verdict(ruleset, site.format("Steiboum Robotics", "3,700", "Dhaka"),
                   site.format("Steiboum Robotics", "3,100", "Dhaka")) == ("conflict", "number")


def test_spelling_variants_and_an_agency_of_its_country_are_one_scope(
        ruleset: RuleSet) -> None:
    a = "Hebral Shipping employs 20,200 people in the Faroe Islands."
    b = "Hebral Shipping employs 12,900 people in the Faeroes."
    assert verdict(ruleset, a, b) == ("conflict", "number")
    c = "CNSA's Chang'e 7 probe will launch in 2026 from Wenchang."
    d = "China's Chang'e 7 probe will launch in 2027 from Wenchang."
    assert verdict(ruleset, c, d) == ("conflict", "date")


def test_numbered_names_are_different_things(ruleset: RuleSet) -> None:
    # Unknown to the lexicon and near in spelling, but numbered differently: two missions.
    a = "China plans to send Chang'E 9 to the Moon in 2028."
    b = "China plans to send Chiang’e 5 to the Moon in 2026."
    assert verdict(ruleset, a, b)[0] != "conflict"
    c = "China plans to send Chiang’e 9 to the Moon in 2027."
    assert verdict(ruleset, a, c) == ("conflict", "date")


def test_two_figures_in_two_years_are_two_periods(ruleset: RuleSet) -> None:
    a = "In 2022, Mustix Aerospace saw its exports to China grow by 15.5 percent."
    b = "In 2023, Mustix Aerospace saw its exports to China grow by 15.6 percent."
    assert verdict(ruleset, a, b)[0] != "conflict"
    # One figure on both sides, two years: the year is what differs.
    c = "China's Chang'e 8 lander with three rovers will launch in 2028, the agency said."
    d = "China's Chang'e 8 lander with three rovers will launch in 2029, the agency said."
    assert verdict(ruleset, c, d) == ("conflict", "date")


def _in_corpus(ruleset: RuleSet, a: str, b: str, template: str) -> tuple[str, str | None]:
    """judge(a, b) among 40 claims made from `template` (its `{n}` numbered): what they all
    say is common, so not specific."""
    background = [norm(ruleset, template.format(n=n), f"bg{n}") for n in range(2, 42)]
    na, nb = norm(ruleset, a, "a"), norm(ruleset, b, "b")
    v = judge(na, nb, BlockIndex([na, nb, *background]), ruleset.lexicon)
    return v.label, v.reason


def _with_background(ruleset: RuleSet, a: str, b: str) -> tuple[str, str | None]:
    """judge(a, b) in a corpus where China is in every claim (so it is not specific)."""
    return _in_corpus(ruleset, a, b, "China opened {n} new schools in the region last month.")


def test_opposites_without_a_specific_shared_name_are_not_a_conflict(ruleset: RuleSet) -> None:
    # Boilerplate around a common name: "platform" is rare, but it names nothing.
    a = ("Officials in China said the private platform would enhance the environment across "
         "the region.")
    b = ("Officials in China said the public platform would consider the challenge across "
         "the region.")
    assert _with_background(ruleset, a, b)[0] != "conflict"


def test_opposites_about_a_specific_name_conflict(ruleset: RuleSet) -> None:
    a = "Officials in China said Norvex Dynamics is a private company."
    b = "Officials in China said Norvex Dynamics is a public company."
    assert _with_background(ruleset, a, b) == ("conflict", "antonym")


def test_news_synonyms_corroborate_a_deal_told_two_ways(ruleset: RuleSet) -> None:
    a = "Pakistan signed a $3 billion deal with the IMF in July 2023."
    b = "Pakistan reached a $3 billion agreement with the IMF in July 2023."
    assert verdict(ruleset, a, b) == ("corroboration", "agree")


# Changes tried on the generated corpus and dropped after a probe of 103 news pairs (eighth
# session): each of these went wrong with them.
def _among_deals(ruleset: RuleSet, a: str, b: str) -> tuple[str, str | None]:
    """judge(a, b) in a corpus where every claim is a contract signed in 2023."""
    return _in_corpus(ruleset, a, b, "Firm number {n} signed a contract with a supplier in 2023.")


@pytest.mark.parametrize(("a", "b"), [
    ("Britain and the European Union agreed the withdrawal agreement in October 2019.",
     "Britain and the European Union signed the withdrawal agreement in January 2020."),
    ("Iran agreed to the nuclear deal with world powers in Vienna.",
     "Iran never signed the nuclear deal with world powers in Vienna."),
])
def test_two_stages_of_a_deal_are_two_events(ruleset: RuleSet, a: str, b: str) -> None:
    # Agreeing, signing, ratifying: each has its date, and one can happen without the other.
    assert verdict(ruleset, a, b)[0] != "conflict"


def test_one_stage_at_two_dates_still_conflicts(ruleset: RuleSet) -> None:
    a = "Britain and the European Union signed the withdrawal agreement in January 2020."
    b = "Britain and the European Union signed the withdrawal agreement in March 2019."
    assert verdict(ruleset, a, b) == ("conflict", "date")


def test_agreeing_and_signing_are_two_steps(ruleset: RuleSet) -> None:
    # "sign" and "agree" read as one made these a date conflict; both are true.
    a = "Mexico agreed to the USMCA in September 2018, officials said."
    b = "Mexico signed the USMCA in November 2018, officials said."
    assert verdict(ruleset, a, b)[0] != "conflict"


def test_two_contracts_of_the_same_parties_in_one_year_are_two_facts(
        ruleset: RuleSet) -> None:
    # Two parties and a year do not make one deal (an anchor tried and dropped).
    a = "Boeing won a $2 billion contract from the Pentagon in 2023 to build refuelling jets."
    b = "Boeing signed a $300 million contract with the Pentagon in 2023 for pilot training."
    assert _among_deals(ruleset, a, b)[0] != "conflict"


@pytest.mark.parametrize(("a", "b"), [
    ("Tesla delivered 1.81 million vehicles in 2023, the company said in Austin, Texas.",
     "Tesla, led by Elon Musk, delivered 1.81 million vehicles in 2023."),
    ("Russian missiles killed 31 people in Kyiv on Monday, Ukraine's emergency service said.",
     "Russian missiles killed 31 people in Kiev on Monday, Ukraine's emergency service said."),
])
def test_an_extra_place_or_name_on_each_side_still_corroborates(ruleset: RuleSet, a: str,
                                                                 b: str) -> None:
    # Blocking corroboration when each claim names someone or somewhere the other does not
    # lost these (a dateline, an apposition, a spelling of a city).
    assert verdict(ruleset, a, b) == ("corroboration", "agree")


def test_month_without_a_year_still_compares_by_month(ruleset: RuleSet) -> None:
    # No publication date: "in May" has no year, but May is not December.
    evidence = ("Danielle Cormack (born 26 December 1970) is a stage and screen actress from "
                "New Zealand.")
    assert verdict(ruleset, "Danielle Cormack was born in May.", evidence) == (
        "conflict", "date")
    assert verdict(ruleset, "Danielle Cormack was born in December.", evidence)[0] != \
        "conflict"
    # With a publication date the month is placed in a year and compared as an interval.
    assert verdict(ruleset, "Danielle Cormack was born in May.", evidence,
                   pa="2020-03-01")[0] != "corroboration"


def test_lifespan_in_parentheses_states_a_birth_date(ruleset: RuleSet) -> None:
    evidence = ("Harold Macmillan (10 February 1894 -- 29 December 1986) was a British "
                "Conservative politician and statesman.")
    assert verdict(ruleset, "Harold Macmillan was born on February 20, 1894.", evidence) == (
        "conflict", "date")
    assert verdict(ruleset, "Harold Macmillan was born on February 10, 1894.", evidence)[0] \
        != "conflict"


def test_greatest_and_worst_are_opposites(ruleset: RuleSet) -> None:
    a = "In 1999, the American Film Institute ranked Bogart as the greatest male star."
    b = "In 1999, the American Film Institute ranked Bogart as the worst male star."
    assert verdict(ruleset, a, b) == ("conflict", "antonym")


# What a desk reviewer found wrong (each row failed before its fix): (a, b, expected verdict).
DESK_CASES = [
    # opposite directions are a conflict, never a corroboration
    ("Vietnam's exports rose 5 percent in July from a year earlier, the customs office said.",
     "Vietnam's exports fell 5 percent in July from a year earlier, the customs office said.",
     ("conflict", "antonym")),
    ("Shares of Hanoi Steel dropped 8 percent on Wednesday after the results.",
     "Shares of Hanoi Steel jumped 8 percent on Wednesday after the results.",
     ("conflict", "antonym")),
    # round figures are not wide enough to take a different one; 12 and 13 only touch
    ("The earthquake in Hatay province killed 200 people, the disaster agency AFAD said.",
     "The earthquake in Hatay province killed 240 people, the disaster agency AFAD said.",
     ("conflict", "number")),
    ("Norvik Shipping reported revenue of $2 billion for 2023.",
     "Norvik Shipping reported revenue of $2.4 billion for 2023.", ("conflict", "number")),
    ("The bus crash near Cusco killed 12 people, regional police said.",
     "The bus crash near Cusco killed 13 people, regional police said.", ("conflict", "number")),
    ("The Turkana wind farm will cover 160 square kilometres, the company said.",
     "The Turkana wind farm will cover 100 square miles, officials said.",
     ("conflict", "number")),
    # a number word or a source at the start is no name that makes two facts
    ("Twelve people died in the collapse of the Sarajevo market building, police said.",
     "Nine people died in the collapse of the Sarajevo market building, police said.",
     ("conflict", "number")),
    ("Police said 9 people died in the collapse of the Sarajevo market building.",
     "Rescuers said 14 people died in the collapse of the Sarajevo market building.",
     ("conflict", "number")),
    # two sources, two figures: the conflict to report
    ("The collapse of the Sarajevo market building killed 9 people, the Health Ministry said.",
     "The collapse of the Sarajevo market building killed 14 people, according to the Red "
     "Cross.", ("conflict", "number")),
    # a range holds the figure inside it
    ("Between 10 and 12 people died in the collapse of the Sarajevo market building.",
     "Eleven people died in the collapse of the Sarajevo market building.",
     ("corroboration", "agree")),
    ("Between 10 and 12 people died in the collapse of the Sarajevo market building.",
     "Fifteen people died in the collapse of the Sarajevo market building.",
     ("conflict", "number")),
    # yen is a currency; two currencies confirm nothing
    ("Suntory paid ¥1.2 trillion for the Kirin beverage unit.",
     "Suntory paid 1.5 trillion yen for the Kirin beverage unit.", ("conflict", "number")),
    # ... and one sum written in two currencies is a slip of one of them (desk probe B)
    ("Air Canada ordered aircraft worth C$2 billion from Airbus.",
     "Air Canada ordered aircraft worth US$2 billion from Airbus.", ("conflict", "number")),
    # unless a bare "$" may be the other dollar
    ("Air Canada ordered aircraft worth C$2 billion from Airbus.",
     "Air Canada ordered aircraft worth $2 billion from Airbus.", ("unrelated", None)),
    # ... but "Rs" on an Indian page and "₹" may be one currency
    ("Tata Motors will invest Rs 2,000 crore in its Pune plant, the company said.",
     "Tata Motors will invest ₹2,000 crore in its Pune plant, the company said.",
     ("corroboration", "agree")),
    # a forecast or a promise against what happened: the sources do not disagree
    ("Solano Airways is expected to carry 12 million passengers in 2024, chief executive "
     "Ines Duarte said.", "Solano Airways carried 9 million passengers in 2024, the company "
     "said.", ("unrelated", None)),
    # a denial is its source's account that it is not so
    ("Senator Lucia Paredes denied that she had received money from Gorvane Mining.",
     "Senator Lucia Paredes received money from Gorvane Mining, prosecutors said.",
     ("conflict", "polarity")),
    # figures of which none is the other's confirm nothing
    ("Brightwell Foods employs 3,200 people at its plant in Leeds, the company said.",
     "Brightwell Foods plans to cut 300 jobs at its plant in Leeds, the company said.",
     ("unrelated", None)),
    # ... but one figure counted in two words is one figure
    ("Norvik Shipping employs 3,200 staff in Karachi, the company said.",
     "Norvik Shipping employs 3,200 workers in Karachi, according to its annual report.",
     ("corroboration", "agree")),
    # "in September" says when, not what is counted: the two sums are one
    ("China awarded Gineister Robotics a contract worth $462.3 million in September 2023.",
     "Gineister Robotics signed a $462.3 million contract with China in September 2023.",
     ("corroboration", "agree")),
    # clock times are figures: one event at two times conflicts (a desk probe: they
    # corroborated) ...
    ("The earthquake struck Veridia at 14:32 local time on Tuesday, killing 12 people.",
     "The earthquake struck Veridia at 14:47 local time on Tuesday, killing 12 people.",
     ("conflict", "number")),
    # ... one moment in two zones or two clocks agrees ...
    ("The earthquake struck Veridia at 11:15 GMT on Tuesday, killing 12 people.",
     "The earthquake struck Veridia at 12:15 BST on Tuesday, killing 12 people.",
     ("corroboration", "agree")),
    ("The earthquake struck Veridia at 2.15pm on Tuesday, killing 12 people.",
     "The earthquake struck Veridia at 14:15 on Tuesday, killing 12 people.",
     ("corroboration", "agree")),
    # ... times told with two verbs are not compared, nor do they confirm each other ...
    ("The earthquake struck Veridia at 2.15pm on Tuesday, killing 12 people.",
     "Shaking was felt across Veridia at 2.40pm on Tuesday, and 12 people died.",
     ("unrelated", None)),
    # ... unless the verbs tell one event ("struck" / "hit", "touched down" / "landed":
    # desk probe Q) ...
    ("The earthquake struck Veridia at 2.15pm on Tuesday, killing 12 people.",
     "The earthquake hit Veridia at 2.40pm on Tuesday, killing 12 people.",
     ("conflict", "number")),
    # ... and two events of one day are two facts (a review: two of the same verb were a
    # conflict) ...
    ("Polls in Veridia open at 7am on Sunday, the commission said.",
     "Polls in Veridia close at 10pm on Sunday, the commission said.",
     ("unrelated", None)),
    ("The first Veridia train left at 06:00 on Monday, the operator said.",
     "The last Veridia train left at 23:30 on Monday, the operator said.",
     ("unrelated", None)),
    ("The Harbour City Marathon wheelchair race in Veridia started at 8.20am on Sunday.",
     "The Harbour City Marathon elite races in Veridia started at 8.30am on Sunday.",
     ("unrelated", None)),
    # ... midnight ends its day; deadlines and hours that differ confirm nothing; the time
    # someone spoke dates no fact; a race time is a figure
    ("Police in Veridia arrested Tom Finch shortly before midnight on Saturday.",
     "Police in Veridia arrested Tom Finch at 11.45pm on Saturday.",
     ("corroboration", "agree")),
    ("Pubs in Veridia must close by 10pm, the council said.",
     "Pubs in Veridia must close by 11pm, the council said.",
     ("unrelated", None)),
    ("Veridia police said at 10am that five people had died in the blast.",
     "Veridia police said at 3pm that five people had died in the blast.",
     ("corroboration", "agree")),
    ("Gebre won the Veridia marathon in 2:19:44 on Sunday.",
     "Gebre won the Veridia marathon in 2:21:44 on Sunday.",
     ("conflict", "number")),
    # a US zone's time is UTC on its day (desk probe K: never compared)
    ("A SpaceX Falcon 9 rocket lifted off at 10:32 a.m. ET on Tuesday from Cape Canaveral.",
     "A SpaceX Falcon 9 rocket lifted off at 14:32 UTC on Tuesday from Cape Canaveral.",
     ("corroboration", "agree")),
    # desk probe K: "closed up" and "closed down" are a rise and a fall (they corroborated,
    # on the two agreeing figures) ...
    ("The FTSE 100 closed up 1.2% at 8,914.6 points on Thursday.",
     "The FTSE 100 closed down 1.2% at 8,914.6 points on Thursday.",
     ("conflict", "antonym")),
    # ... and a percentage beside an agreeing target confirms nothing when it differs
    ("MMR uptake in Westbury is 81%, below the 95% needed for herd immunity, officials said.",
     "MMR uptake in Westbury is 78%, well short of the 95% target for herd immunity, "
     "officials said.",
     ("unrelated", None)),
    # a toll of none is a figure: it meets a toll of some, and another toll of none
    ("There were no casualties in the Veridia blast, the army said.",
     "There were 12 casualties in the Veridia blast, the army said.",
     ("conflict", "polarity")),
    ("No one was injured in the Veridia blast, police said.",
     "Nobody was hurt in the Veridia blast, officials said.",
     ("corroboration", "agree")),
    ("No one was injured in the Veridia blast, police said.",
     "Three people were killed in the Veridia blast, police said.",
     ("unrelated", None)),
]


@pytest.mark.parametrize(("a", "b", "expected"), DESK_CASES, ids=[r[0][:40] for r in DESK_CASES])
def test_desk_cases(ruleset: RuleSet, a: str, b: str, expected: tuple[str, str | None]) -> None:
    assert verdict(ruleset, a, b, "2024-05-02", "2024-05-03") == expected


def test_each_figure_is_compared_at_its_own_date(ruleset: RuleSet) -> None:
    both = "Arcadia Motors sold 1.8 million cars in 2023, up from 1.5 million in 2022."
    # 1.5 million "last year" in a page of 2023 is the 2022 figure: no conflict ...
    assert verdict(ruleset, both, "Arcadia Motors sold 1.5 million cars last year, the "
                   "company said.", "2024-03-01", "2023-02-01")[0] != "conflict"
    # ... in a page of 2024 it is the 2023 figure, which the other page gives as 1.8 million.
    assert verdict(ruleset, both, "Arcadia Motors sold 1.5 million cars last year, the "
                   "company said.", "2024-03-01", "2024-03-02") == ("conflict", "number")


def test_a_forecast_is_not_confirmed_by_another_outcome(ruleset: RuleSet) -> None:
    """"Expects cases to peak at about 600" / "cases peaked at 710": no conflict (a forecast
    and what happened can both be reported truly), and no confirmation either."""
    forecast = "The ministry expects Northvale measles cases to peak at about 600 by mid-March."
    outcome = "Northvale measles cases peaked at 710 in mid-March, the health ministry said."
    assert verdict(ruleset, forecast, outcome, "2026-02-13", "2026-03-27")[0] == "unrelated"
    same = outcome.replace("710", "about 600")
    assert verdict(ruleset, forecast, same, "2026-02-13", "2026-03-27") == \
        ("corroboration", "agree")


def test_a_correction_note_confirms_nothing(ruleset: RuleSet) -> None:
    """A note reports what was wrongly said: it never counts as a source agreeing."""
    stated = "Northvale has confirmed 530 measles cases since January."
    note = "Correction: Northvale has confirmed 530 measles cases since January."
    assert verdict(ruleset, stated, stated.replace("Northvale has", "Northvale has now")) == \
        ("corroboration", "agree")
    assert verdict(ruleset, note, stated) == ("unrelated", None)


def test_a_denial_for_one_place_does_not_deny_the_whole(ruleset: RuleSet) -> None:
    """"No cuts at the Dunmore plant" and "1,100 cuts" are both true; "400 cuts at Dunmore"
    and "no cuts at all" are not."""
    whole = "Halvorsen Foods said it would cut 1,100 jobs, about 8% of its workforce."
    part = "Halvorsen Foods said it would not cut any jobs at its plant in Dunmore."
    assert verdict(ruleset, whole, part)[0] == "unrelated"
    cuts_there = "Halvorsen Foods said it would cut 400 jobs at its plant in Dunmore."
    none = "Halvorsen Foods said it would not cut any jobs."
    assert verdict(ruleset, cuts_there, none) == ("conflict", "polarity")
    assert verdict(ruleset, cuts_there, part) == ("conflict", "polarity")


def test_a_common_first_word_is_no_name_to_anchor_a_conflict(ruleset: RuleSet) -> None:
    """"Net profit" of two companies' quarters: "Net" is no name both pages share."""
    assert verdict(ruleset, "Net profit fell to $182 million from $205 million.",
                   "Net profit was $198 million.")[0] == "unrelated"
    assert verdict(ruleset, "Shares rose 4.2% in early trading.",
                   "Shares fell 4.2% on Thursday.")[0] == "unrelated"


def test_in_a_one_story_corpus_the_same_day_anchors_a_figure(ruleset: RuleSet) -> None:
    """Every claim names Northvale and measles cases, so neither is specific; two counts of
    cases as of the same day still disagree, and counts of two days do not."""
    background = [norm(ruleset, f"Northvale reported {n} new measles cases in district "
                       f"{n} last month.", f"bg{n}", "2026-02-13") for n in range(2, 42)]
    a = norm(ruleset, "Northvale's ministry reported 340 measles cases as of Thursday.", "a",
             "2026-02-13")

    def judged(text: str) -> tuple[str, str | None]:
        b = norm(ruleset, text, "b", "2026-02-13")
        v = judge(a, b, BlockIndex([a, b, *background]), ruleset.lexicon)
        return v.label, v.reason

    said = "The WHO said 430 measles cases had been confirmed in Northvale as of {}."
    assert judged(said.format("Thursday")) == ("conflict", "number")
    assert judged(said.format("Monday"))[0] == "unrelated"


def test_news_synonyms_state_one_fact(ruleset: RuleSet) -> None:
    """"approved" / "passed", "jobs" / "positions", "revenue" / "sales" (data/synonyms.txt);
    opposites stay opposites through them."""
    assert verdict(ruleset, "Marlow city council approved a $1.2 billion budget on Monday.",
                   "Marlow city council passed a $1.2 billion budget on Monday.") == \
        ("corroboration", "agree")
    assert verdict(ruleset, "Halvorsen Foods will cut 1,100 jobs.",
                   "Halvorsen Foods will eliminate 1,500 positions.") == ("conflict", "number")
    assert verdict(ruleset, "Halvorsen Foods' revenue rose 6% in the third quarter.",
                   "Halvorsen Foods' sales declined 6% in the third quarter.",
                   "2026-10-22", "2026-10-22") == ("conflict", "antonym")


def test_a_date_conflict_shows_the_days_words_without_a_year_stand_for() -> None:
    from datetime import date

    from checker.compare.slots import shown
    from checker.normclaim import NDate

    assert shown(NDate(date(2026, 11, 23), date(2026, 11, 23), "day", "on Monday")) \
        == "on Monday (2026-11-23)"
    assert shown(NDate(date(2025, 1, 1), date(2025, 12, 31), "year", "last year")) \
        == "last year (2025)"
    assert shown(NDate(date(2025, 3, 1), date(2025, 3, 31), "month", "in March")) \
        == "in March (2025-03)"
    assert shown(NDate(date(2026, 11, 28), date(2026, 11, 28), "day", "November 28, 2026")) \
        == "November 28, 2026"


def test_a_named_figure_that_disagrees_is_a_conflict_beside_one_that_agrees(
        ruleset: RuleSet) -> None:
    # a desk probe: the toll agreed, so two magnitudes of one earthquake corroborated
    assert verdict(ruleset, "A magnitude 6.8 earthquake struck Tarsa province on Monday, "
                            "killing at least 40 people.",
                   "The magnitude 7.4 earthquake that hit Tarsa province on Monday killed 40 "
                   "people.") == ("conflict", "number")


def test_an_edition_of_a_recurring_event_is_no_date_slip(ruleset: RuleSet) -> None:
    # a desk probe: last year's final against this year's was a date conflict
    assert verdict(ruleset, "Harbour City beat Riverton FC in the national cup final on "
                            "Saturday.",
                   "Riverton FC lost to Harbour City in last year's national cup final.",
                   "2026-11-29", "2026-11-30")[0] != "conflict"
    assert verdict(ruleset, "An earthquake struck Tarsa province on Monday.",
                   "The earthquake struck Tarsa province on Sunday, November 22.",
                   "2026-11-24", "2026-11-25") == ("conflict", "date")


def test_a_stage_that_only_tells_dates_nothing(ruleset: RuleSet) -> None:
    # a CI probe: "agreed that ..." against "announced that ..." read as two stages of a deal
    assert verdict(ruleset, "The two sides have also announced that China's Chang'e 8 moon "
                            "lander mission in 2028 will carry a Pakistani rover.",
                   "The two countries agreed that China's Chang'e 8 moon lander mission in "
                   "2031 will carry a Pakistani rover.", "2025-02-01", "2025-05-01") \
        == ("conflict", "date")


def test_a_goal_in_two_minutes_conflicts_but_two_goals_do_not(ruleset: RuleSet) -> None:
    a = "Marta Okafor scored the winner for Harbour City in the 87th minute on Saturday."
    b = "Marta Okafor scored the winner for Harbour City in the 78th minute on Saturday."
    assert verdict(ruleset, a, b, "2026-05-10", "2026-05-10") == ("conflict", "number")
    # Ranks of things not on the closed list are not compared: "50th goal" / "51st goal".
    c = "Marta Okafor scored her 50th goal for Harbour City on Saturday."
    d = "Marta Okafor scored her 51st goal for Harbour City on Saturday."
    assert verdict(ruleset, c, d, "2026-05-10", "2026-05-10")[0] != "conflict"


def test_a_bare_count_that_differs_denies_a_corroboration(ruleset: RuleSet) -> None:
    """A desk probe: "74 off 48 balls" / "47 off 48 balls" agreed on the balls alone."""
    a = "Rohit Sharma scored 74 off 48 balls in the final."
    assert verdict(ruleset, a, a.replace("74", "47"))[0] == "unrelated"
    assert verdict(ruleset, a, a.replace("final.", "final, the league said."))[0] \
        == "corroboration"


def test_a_figure_of_another_kind_agreeing_leaves_the_conflict(ruleset: RuleSet) -> None:
    # A desk probe: the agreeing sum hid the disagreeing growth rate.
    a = "Norvale's revenue grew 12% to $4.2 billion in the third quarter."
    b = "Norvale's revenue grew 15% to $4.2 billion in the third quarter."
    assert verdict(ruleset, a, b) == ("conflict", "number")


@pytest.mark.parametrize(("a", "b", "label"), [
    # A desk probe: two things named in one place were reported corroborating.
    ("Kestrel-1 was launched from Kourou aboard a Vega-C rocket.",
     "Kestrel-1 was launched from Kourou aboard an Ariane 6 rocket.", "unrelated"),
    ("The VIDA-Cog trial took place in Norway and Finland.",
     "The VIDA-Cog trial took place in Norway and Sweden.", "unrelated"),
    # One name spelt two ways, and where the telling was, are no difference.
    ("Russian missiles killed 31 people in Kyiv on Monday, Ukraine's emergency service said.",
     "Russian missiles killed 31 people in Kiev on Monday, Ukraine's emergency service said.",
     "corroboration"),
    ("The WHO said 340 cholera cases were confirmed in Malawi in January, its office in "
     "Geneva said.", "The WHO said 340 cholera cases were confirmed in Malawi in January, "
     "health officials in Lilongwe said.", "corroboration"),
])
def test_two_things_named_in_one_place_confirm_nothing(ruleset: RuleSet, a: str, b: str,
                                                       label: str) -> None:
    assert verdict(ruleset, a, b)[0] == label


def test_people_counted_under_another_name_are_one_count(ruleset: RuleSet) -> None:
    # A desk probe: "adults" and "people" were never compared.
    a = "The VIDA-Cog trial enrolled 4,812 adults in Norway."
    assert verdict(ruleset, a, "The VIDA-Cog trial enrolled 8,412 people in Norway.") == (
        "conflict", "number")
    assert verdict(ruleset, a, "The VIDA-Cog trial enrolled 4,812 people in Norway.")[0] == \
        "corroboration"
    # A part of the group is another count.
    assert verdict(ruleset, a, "The VIDA-Cog trial enrolled 2,400 women in Norway.")[0] != \
        "conflict"


def test_two_ranges_agree_only_when_their_ends_do(ruleset: RuleSet) -> None:
    # A desk probe: two guidance ranges sharing a low end corroborated.
    a = "Kestrel Motors forecast full-year revenue of $12.5 billion to $13 billion."
    b = "Kestrel Motors forecast full-year revenue of $12.5 billion to $13.5 billion."
    c = "Kestrel Motors forecast full-year revenue of $12,500 million to $13,000 million."
    assert verdict(ruleset, a, b) == ("conflict", "number")
    assert verdict(ruleset, a, c) == ("corroboration", "agree")


def test_a_years_figure_and_a_quarters_are_two_periods(ruleset: RuleSet) -> None:
    a = "Kestrel Motors' 2026 revenue was $12.5 billion."
    b = "Kestrel Motors' second-quarter revenue was $3.2 billion."
    assert verdict(ruleset, a, b, pa="2026-07-28", pb="2026-07-29")[0] != "conflict"
    # Two figures for one quarter still conflict.
    c = "Kestrel Motors' second-quarter revenue was $3.9 billion."
    assert verdict(ruleset, b, c, pa="2026-07-29", pb="2026-07-29") == ("conflict", "number")


def test_two_seasons_figures_are_two_periods(ruleset: RuleSet) -> None:
    # Desk probe H: "2024-25" and "2023-24" each span two calendar years, and overlapped;
    # fiscal years dated no figure, so 31 and 19 goals conflicted.
    a = "Luka Vranjes scored 31 league goals for Sporting CP in 2024-25."
    b = "Luka Vranjes scored 19 league goals for Sporting CP in 2023-24."
    assert verdict(ruleset, a, b, pa="2025-07-20", pb="2025-07-22")[0] != "conflict"
    c = "Luka Vranjes scored 31 goals in 38 league games for Sporting CP last season."
    assert verdict(ruleset, c, b, pa="2025-07-15", pb="2025-07-22")[0] != "conflict"
    # Two figures for one season still conflict.
    d = "Luka Vranjes scored 27 league goals for Sporting CP in 2024-25."
    assert verdict(ruleset, c, d, pa="2025-07-15", pb="2025-07-20") == ("conflict", "number")


def test_a_figure_of_the_same_noun_is_the_one_compared(ruleset: RuleSet) -> None:
    # Desk probe I: 15% of patients against "one in 10 patients ..., compared with 7% on
    # placebo" was ambiguous (two percentages), or a conflict with the placebo's 7%.
    a = "Side effects were reported by about 15% of patients taking velmarsen."
    b = ("Side effects were reported by about one in 10 patients taking velmarsen, most "
         "commonly dizziness, compared with 7% on placebo.")
    assert verdict(ruleset, a, b, pa="2025-09-23", pb="2025-09-22") == ("conflict", "number")
    assert verdict(ruleset, b, a, pa="2025-09-22", pb="2025-09-23") == ("conflict", "number")
    c = "Side effects were reported by about 10% of patients taking velmarsen."
    assert verdict(ruleset, c, b, pa="2025-09-23", pb="2025-09-22")[0] != "conflict"


def test_turnout_and_a_share_of_the_vote_are_two_measures(ruleset: RuleSet) -> None:
    a = ("Turnout in Sunday's parliamentary election in Latvia was 64.9%, the Central "
         "Election Commission said.")
    b = ("Latvia's Unity Alliance won 31 of the 100 seats in last Sunday's parliamentary "
         "election, taking 28.6% of the vote.")
    assert verdict(ruleset, a, b, pa="2026-04-14", pb="2026-04-16")[0] != "conflict"
    c = ("Turnout in Sunday's parliamentary election in Latvia was 59.4%, the Central "
         "Election Commission said.")
    assert verdict(ruleset, a, c, pa="2026-04-14", pb="2026-04-14") == ("conflict", "number")


@pytest.mark.parametrize(("a", "b"), [
    # Two round figures neither within the other's rounding, two days apart.
    ("About 45,000 people have been displaced by the Peru earthquake, officials said.",
     "About 52,000 people have been displaced by the Peru earthquake, officials said."),
    # A ceiling far above the figure: consistent, not a confirmation.
    ("Kestrel Motors said it would cut 1,200 jobs.",
     "Kestrel Motors could cut as many as 2,000 jobs if demand weakens further, according "
     "to two people familiar with the matter."),
])
def test_figures_that_only_fit_do_not_corroborate(ruleset: RuleSet, a: str, b: str) -> None:
    assert verdict(ruleset, a, b)[0] != "corroboration"


@pytest.mark.parametrize(("a", "b"), [
    ("About 300 health workers were deployed in Kitwe, the ministry said.",
     "About 310 health workers were deployed in Kitwe, the ministry said."),
    ("At least 40 people were killed in the Peru earthquake, police said.",
     "The Peru earthquake killed 40 people, police said."),
])
def test_figures_that_confirm_corroborate(ruleset: RuleSet, a: str, b: str) -> None:
    assert verdict(ruleset, a, b) == ("corroboration", "agree")


def test_two_tolls_of_one_fate_told_one_day_conflict(ruleset: RuleSet) -> None:
    # A desk probe (K1): "killed" and "have died" are one fate; the same people counted.
    a = ("A cholera outbreak in Copperbelt Province has killed 42 people, the Ministry of "
         "Health said on Tuesday.")
    b = ("Forty-eight people have died of cholera in Copperbelt Province, the Ministry of "
         "Health said on Tuesday.")
    # In a corpus about the outbreak, where its province and ministry anchor nothing.
    background = ("The Ministry of Health in Copperbelt Province opened {n} cholera treatment "
                  "centres.")
    assert _in_corpus(ruleset, a, b, background) == ("conflict", "number")
