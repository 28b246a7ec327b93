"""Desk probe Q2's pages (a drug trial, a takeover, a rail crash, public finances) among the
117 pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.extract.quantities import find_quantities
from checker.models.document import DocumentMeta
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from tests.compare.pairs import norm, on_page, verdict

# Claims naming the UK, so that the country is no specific name, as among the 125 pages.
_UK = ["The UK economy grew 0.2% in March.", "UK inflation was 3.1% in April.",
       "The UK unemployment rate was 4.4% in May.", "UK retail sales rose 0.5% in June."]


def _among_uk_claims(ruleset: RuleSet, a: str, b: str, pa: str, pb: str) -> str:
    """The verdict of a and b judged over an index holding `_UK` too."""
    na, nb = norm(ruleset, a, "a", pa), norm(ruleset, b, "b", pb)
    rest = [norm(ruleset, t, f"uk{i}", "2026-06-30") for i, t in enumerate(_UK)]
    return judge(na, nb, BlockIndex([na, nb, *rest]), ruleset.lexicon).label


@pytest.mark.parametrize(("a", "b", "pa", "pb"), [
    # a yearly toll of a cause against another cause's: the fate ("die" / "kills") and the
    # people anchored the figures (two error-level conflicts among the 125 pages)
    ("Around 38,000 people die from stroke in the UK each year.",
     "Cardiovascular disease kills about 170,000 people in the UK each year.",
     "2026-11-12", "2026-05-20"),
    ("Around 38,000 people die from stroke in the UK each year.",
     "In all, 1,552 people were killed on Britain's roads in 2025, according to figures "
     "published by the Department for Transport.", "2026-11-12", "2026-09-25"),
])
def test_probe_q2_yearly_tolls(ruleset: RuleSet, a: str, b: str, pa: str, pb: str) -> None:
    assert _among_uk_claims(ruleset, a, b, pa, pb) != "conflict"
    assert _among_uk_claims(ruleset, b, a, pb, pa) != "conflict"


def test_two_tolls_of_one_event_still_conflict(ruleset: RuleSet) -> None:
    assert _among_uk_claims(ruleset, "Six people were killed when a train derailed in the UK.",
                            "Seven people were killed when a train derailed in the UK.",
                            "2026-03-14", "2026-03-14") == "conflict"


# Claims of other pages, so that the pair's own words weigh as among the 125 pages.
_OTHERS = ["Pennant Group walked away from the talks.", "Pennant Group's bid was rejected.",
           "Retail sales increased in August.", "Bond prices rose in early trading on Friday."]


@pytest.mark.parametrize(("b", "found"), [
    # a share price moved on the page's day against a bid months before: two prices (an
    # error-level conflict among the 125 pages)
    ("Pennant Group's 360 pence-a-share bid in March was rejected by Marlowe.", "unrelated"),
    # the same day's move told twice still disagrees
    ("Marlowe shares jumped 27 percent to 420 pence in early trading.", "conflict"),
])
def test_a_market_move_is_of_its_page_s_day(ruleset: RuleSet, b: str, found: str) -> None:
    day = "2026-09-07"
    na = on_page(ruleset, "Marlowe's shares rose 27 per cent to 402p in early trading.", "a", day)
    nb = on_page(ruleset, b, "b", day)
    rest = [on_page(ruleset, t, f"o{i}", "2026-06-30") for i, t in enumerate(_OTHERS)]
    index = BlockIndex([na, nb, *rest])
    assert judge(na, nb, index, ruleset.lexicon).label == found
    assert judge(nb, na, index, ruleset.lexicon).label == found


@pytest.mark.parametrize(("text", "found"), [
    # a thing announced at a time: the time is the announcement's, which the claim tells
    ("The deal was announced at 7am on Monday.", [("7am", "deal announced", 420.0)]),
    ("Final results were announced at 9.30am today.",
     [("9.30am", "final results announced", 570)]),
    # the time someone spoke stays no figure
    ("Police said at 10am that the road had reopened.", []),
    ("The company announced at 7am that it would cut jobs.", []),
])
def test_a_time_told_in_the_passive_is_the_event_s(text: str,
                                                   found: list[tuple[str, str, float]]) -> None:
    assert [(q.text, q.noun, q.value) for q in find_quantities(text)
            if q.kind == "time"] == found


@pytest.mark.parametrize(("a", "b", "found"), [
    # two times of one announcement: no time was read, and the pair corroborated (the day)
    ("Kestrel's takeover of Marlowe was announced at 7am on Monday.",
     "Kestrel's takeover of Marlowe was announced at 8 a.m. London time Monday.",
     ("conflict", "number")),
    ("Kestrel's takeover of Marlowe was announced at 7am on Monday.",
     "Kestrel's takeover of Marlowe was announced at 7 a.m. London time Monday.",
     ("corroboration", "agree")),
])
def test_probe_q2_times(ruleset: RuleSet, a: str, b: str, found: tuple[str, str]) -> None:
    assert verdict(ruleset, a, b, "2026-09-07", "2026-09-07") == found


@pytest.mark.parametrize(("text", "found"), [
    # an age range ending the sentence: two ages, 50 and 79, of which 79 agreed with "55
    # to 79" and the pair corroborated
    ("Participants were aged between 50 and 79.", [("50 and 79", "age", 64.5)]),
    ("Patients aged between 18 and 24 were enrolled.", [("18 and 24", "age", 21.0)]),
    # a period stays no figure
    ("The trial ran between 2019 and 2024.", []),
])
def test_an_age_range_needs_no_noun_after_it(text: str,
                                             found: list[tuple[str, str, float]]) -> None:
    assert [(q.text, q.noun, q.value) for q in find_quantities(text)] == found


@pytest.mark.parametrize(("a", "b", "found"), [
    # two ranges of one trial's ages: not one fact told twice (the ranges are groups,
    # `parts.groups_apart`, so no conflict either)
    ("Participants in the Halvern trial were aged between 50 and 79.",
     "Participants in the Halvern trial were aged 55 to 79.", "unrelated"),
    ("Participants in the Halvern trial were aged between 55 and 79.",
     "Participants in the Halvern trial were aged 55 to 79.", "corroboration"),
])
def test_probe_q2_age_ranges(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert verdict(ruleset, a, b, "2026-11-12", "2026-11-13")[0] == found


def _page(ruleset: RuleSet, doc: str, text: str, day: str) -> list[NormClaim]:
    cf = extract_text(text, doc, ruleset.lexicon, meta=DocumentMeta(published=day),
                      threshold=0.0)
    return normalise_document(doc, cf.claims, ruleset.lexicon, text, day)


@pytest.mark.parametrize(("page", "owned", "owner"), [
    # what the subject owns outlasts claims naming no one: "The crash" stood for Austria
    # after "Austria's Tauern Railway" and two claims naming nothing, for the railway on the
    # other page, and the crash's times (6.42pm / 7:42 p.m.) were never compared
    ("Six people died when a passenger train derailed on Austria's Tauern Railway on "
     "March 13.\nThere were 312 passengers on board.\n"
     "The crash happened at 7:42 p.m. local time.\n", "name:tauern-railway", "austria"),
    ("Iceland's Social Democratic Alliance won 21 of the 63 seats on Saturday.\n"
     "Turnout was 78.1 per cent.\nThe party took 27.4 per cent of the vote.\n",
     "name:social-democratic-alliance", "iceland"),
])
def test_what_the_subject_owns_lasts_as_the_subject_does(ruleset: RuleSet, page: str,
                                                         owned: str, owner: str) -> None:
    last = _page(ruleset, "a", page, "2026-03-14")[-1]
    assert owned in last.entities and owner not in last.entities


@pytest.mark.parametrize(("text", "planned"), [
    # a forecast made before the fact told is a past act: read as planned, "had forecast
    # borrowing of £16.5bn" was never compared with "had expected borrowing of 15.5 billion"
    ("Economists had forecast borrowing of £16.5bn in September.", False),
    ("That was £7.2bn more than the Office for Budget Responsibility had forecast.", False),
    # a forecast of what is to come stays one
    ("The Office for Budget Responsibility forecasts borrowing of £120bn next year.", True),
])
def test_a_forecast_told_in_the_past_perfect_is_no_plan(ruleset: RuleSet, text: str,
                                                        planned: bool) -> None:
    assert (norm(ruleset, text, "a", "2026-10-21").modality == "planned") == planned


def test_two_past_forecasts_conflict(ruleset: RuleSet) -> None:
    assert verdict(ruleset, "Economists had forecast UK borrowing of £16.5bn in September.",
                   "Economists had expected UK borrowing of 15.5 billion pounds in September.",
                   "2026-10-21", "2026-10-21") == ("conflict", "number")


@pytest.mark.parametrize(("text", "found"), [
    # "six and a half years" was a count of six, which never met "6.5 years"
    ("Participants were followed for six and a half years on average.",
     [("six and a half years", "year", 6.5)]),
    ("Lumora says the battery lasts two and a half hours.",
     [("two and a half hours", "hour", 2.5)]),
    ("It rose by four and a half per cent.", [("four and a half per cent", "%", 4.5)]),
])
def test_a_number_word_and_a_half(text: str, found: list[tuple[str, str, float]]) -> None:
    assert [(q.text, q.unit, q.value) for q in find_quantities(text)] == found


def test_six_and_a_half_years_is_6_5_years(ruleset: RuleSet) -> None:
    assert verdict(ruleset, "Trial participants at Halvern were followed for 6.5 years.",
                   "Trial participants at Halvern were followed for six and a half years.",
                   "2026-11-12", "2026-11-13") == ("corroboration", "agree")


@pytest.mark.parametrize(("a", "b", "found"), [
    # a sum against a date, neither given by the other claim: nothing confirmed (the
    # shorter claim's two words, the OBR and "forecast", made a corroboration)
    ("That was £7.2bn more than the Office for Budget Responsibility had forecast.",
     "The Office for Budget Responsibility last updated its forecasts in April.",
     "unrelated"),
    # a rank names: "The 14th Dalai Lama" is told by a claim of 1959 (a FEVER pair)
    ("The 14th Dalai Lama lives in India exclusively.",
     "During the 1959 Tibetan uprising, the Dalai Lama fled to India, where he currently "
     "lives as a refugee.", "corroboration"),
])
def test_a_figure_against_a_date_confirms_nothing(ruleset: RuleSet, a: str, b: str,
                                                  found: str) -> None:
    assert verdict(ruleset, a, b, "2026-10-21", "2026-10-21")[0] == found
    assert verdict(ruleset, b, a, "2026-10-21", "2026-10-21")[0] == found
