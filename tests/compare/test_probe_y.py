"""Desk probe Y's pages (a snap election, a museum raid, a storm, a house price release)
among the 101 pages of earlier probes: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from tests.compare.pairs import verdict

DAY = "2026-11-18"


def _page(ruleset: RuleSet, doc: str, text: str) -> list[NormClaim]:
    cf = extract_text(text, doc, ruleset.lexicon, meta=DocumentMeta(published=DAY),
                      threshold=0.0)
    return normalise_document(doc, cf.claims, ruleset.lexicon)


@pytest.mark.parametrize(("a", "b", "pa", "pb"), [
    # a claim holding both directions (prices up in Scotland, down in London) contradicts
    # no claim of one of them: another month's release saying London alone fell again
    ("Scotland (+4.9%, £218,450) and the North West (+4.6%) followed, while London was "
     "the only region where prices fell over the year, down 1.1% to £538,900.",
     "London was the only region where prices fell, down 1.1% on a year earlier.",
     "2026-04-15", DAY),
    # two months' moves: a fall in March, a rise in October
    ("Mortgage approvals fell 11% year-on-year to 3,050 in March, a five-year low, the "
     "Banking and Payments Federation said.",
     "Mortgage approvals rose for a third straight month in October.", "2026-04-15", DAY),
    # two rolling years' changes: rents to February, house prices to September
    ("Average private rents rose 6.3% in the 12 months to February to £1,348 a month, the "
     "Office for National Statistics said.",
     "Average UK house prices rose by 3.2% in the year to September, according to the "
     "Office for National Statistics.", "2026-04-15", DAY),
    # a day's move of a share price against a change over a year (London named in both:
    # four error-level conflicts among the 109 pages)
    ("Shares in Northwind Group fell 3.1% in London on Tuesday.",
     "London was the only region to record a fall, with prices down 1.1 percent from a "
     "year earlier.", "2026-03-18", DAY),
])
def test_probe_y_two_facts(ruleset: RuleSet, a: str, b: str, pa: str, pb: str) -> None:
    assert verdict(ruleset, a, b, pa, pb)[0] != "conflict"
    assert verdict(ruleset, b, a, pb, pa)[0] != "conflict"


@pytest.mark.parametrize(("a", "b", "found"), [
    # one place in one sequence told two ways: "first" was no word of the frame, and the
    # pair corroborated (coverage 1.0 of the shorter claim)
    ("Orla was the first named storm of the season.",
     "Orla was the second named storm of the season.", ("conflict", "number")),
    # the same place told alike stays a corroboration
    ("It was Iceland's third general election in four years.",
     "It was Iceland's third general election in four years, officials said.",
     ("corroboration", "agree")),
])
def test_probe_y_places(ruleset: RuleSet, a: str, b: str, found: tuple[str, str]) -> None:
    assert verdict(ruleset, a, b, DAY, DAY) == found


@pytest.mark.parametrize(("page", "wrong"), [
    # a place opening a sentence ("In Northern Ireland, ...") is where, not what the
    # sentence is about: "The storm" after it stood for Northern Ireland, and a landfall
    # at 4.15pm against one at 5:15 p.m. was two places' (a planted conflict lost)
    ("Storm Orla brought 120mm of rain to western Ireland on Sunday.\n"
     "In Northern Ireland, 45,000 homes lost power.\n"
     "The storm made landfall in County Mayo at 4.15pm.\n", "name:northern-ireland"),
    ("Storm Orla dumped 4.7 inches of rain on western Ireland on Sunday.\n"
     "In neighboring Britain, Storm Orla left 30,000 homes without power in Wales.\n"
     "The storm made landfall in County Mayo at 5:15 p.m.\n", "united-kingdom"),
])
def test_a_place_opening_a_sentence_is_no_subject(ruleset: RuleSet, page: str,
                                                  wrong: str) -> None:
    last = _page(ruleset, "a", page)[-1]
    assert "name:county-mayo" in last.entities and wrong not in last.entities


@pytest.mark.parametrize(("sentence", "name", "figure"), [
    # a party's tally after its name is no model number ("Chang'e 8", "Windows 10"): the
    # name was "Social Democratic Alliance 11", the claim had no figure and was lost
    ("The result leaves the Social Democratic Alliance 11 seats short of a majority in the "
     "63-seat parliament.", "name:social-democratic-alliance", ("11", "short seat")),
    ("Polls put the Green Party 40 seats behind.", "name:green-party", ("40", "short seat")),
])
def test_a_tally_after_a_name(ruleset: RuleSet, sentence: str, name: str,
                              figure: tuple[str, str]) -> None:
    (claim,) = _page(ruleset, "a", sentence + "\n")
    assert name in claim.entities
    assert figure in [(q.text, q.noun) for q in claim.quantities]


@pytest.mark.parametrize(("a", "b", "label"), [
    # a margin is no tally: "11 seats short of a majority" against "won 21 seats" (an
    # error-level conflict once the 11 was read), while two margins still compare
    ("The result leaves the Social Democratic Alliance 11 seats short of a majority.",
     "The Social Democratic Alliance won 21 seats in the Althing.", "unrelated"),
    ("Arsenal are one point clear at the top of the Premier League.",
     "Arsenal are two points clear at the top of the Premier League.", "conflict"),
])
def test_a_margin_is_no_tally(ruleset: RuleSet, a: str, b: str, label: str) -> None:
    assert verdict(ruleset, a, b, DAY, DAY)[0] == label


def test_an_event_is_no_party(ruleset: RuleSet) -> None:
    # "The election" stood for the party named last (the Centre Party on one page, the
    # Left-Green Movement on the other), and the month it was called in was never compared
    last = _page(ruleset, "a", "The Centre Party won nine seats with 12.1 per cent of the "
                               "vote.\nThe election was called in August after the "
                               "coalition collapsed.\n")[-1]
    assert "name:centre-party" not in last.entities
    storm = _page(ruleset, "b", "Storm Orla brought 120mm of rain on Sunday.\n"
                                "The storm made landfall in County Mayo at 4.15pm.\n")[-1]
    assert "name:storm-orla" in storm.entities


def test_the_measure_both_name_is_no_part(ruleset: RuleSet) -> None:
    # "share of the vote" named "the vote" as a part of the subject before "fell", against
    # "vote share rose": a fall against a rise, every figure agreeing, was no conflict
    a = ("The Independence Party's share of the vote fell 4.3 percentage points to 15.1 per "
         "cent.")
    b = "The Independence Party's vote share rose 4.3 percentage points to 15.1 percent."
    assert verdict(ruleset, a, b, DAY, DAY) == ("conflict", "antonym")
    # a part the other claim does not name still makes two facts
    assert verdict(ruleset, "Employment in construction fell 2.1% in March.",
                   "Employment rose 2.1% in March.", DAY, DAY)[0] != "conflict"


@pytest.mark.parametrize(("sentence", "metres"), [
    # inches were a count of "inch": "about 4.7 inches of rain" never met "120mm of rain"
    ("Storm Orla dumped about 4.7 inches of rain on western Ireland on Sunday.", 0.11938),
    ("Snow lay 12 inches deep in Buffalo.", 0.3048),
])
def test_inches_are_a_length(ruleset: RuleSet, sentence: str, metres: float) -> None:
    (claim,) = _page(ruleset, "a", sentence + "\n")
    assert [(q.unit, round(q.value or 0, 5)) for q in claim.quantities] == [("m", metres)]


@pytest.mark.parametrize(("page", "owned", "owner"), [
    # "The party" after "Iceland's Social Democratic Alliance won ..." stood for Iceland,
    # the owner, and its 27.4% was compared with nothing on the other page
    ("Iceland's Social Democratic Alliance won 21 of the 63 seats on Saturday.\n"
     "The party took 27.4 per cent of the vote.\n", "name:social-democratic-alliance",
     "iceland"),
    ("Germany's Veltrona Systems cut 1,200 jobs in March.\n"
     "The company said 400 more would go in 2027.\n", "name:veltrona-systems", "germany"),
])
def test_a_description_is_the_owned_name(ruleset: RuleSet, page: str, owned: str,
                                         owner: str) -> None:
    last = _page(ruleset, "a", page)[-1]
    assert owned in last.entities and owner not in last.entities
