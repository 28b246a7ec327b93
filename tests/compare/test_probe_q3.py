"""Desk probe Q3's pages (a lunar sample return, an EU antitrust fine, a volcanic eruption,
hospital waiting lists) among the 133 pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.standings import standings
from checker.compare.verdict import judge
from checker.extract.stance import modality
from checker.nlp import word_stem
from checker.rules import RuleSet
from checker.subjectcounts import subject_counted
from tests.compare.pairs import case_errors, on_page


def _judged(ruleset: RuleSet, a: str, b: str, day: str, doc_b: str = "b") -> str:
    """The label of a and b, each normalised as a claim of its page published on `day`."""
    na, nb = on_page(ruleset, a, "a", day), on_page(ruleset, b, doc_b, day)
    return judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon).label


@pytest.mark.parametrize(("a", "b", "found"), [
    # a denial of one member against the programme's count of members: the denial is of
    # Pakistan, whom the count does not name (an error-level polarity conflict between the
    # two pages, and a self-contradiction on the one that says both)
    ("Pakistan is not a member of the International Lunar Research Station program.",
     "The ILRS programme now has 17 member countries.", "unrelated"),
    ("Pakistan is not a member of the International Lunar Research Station program.",
     "The ILRS program now counts 17 member nations.", "unrelated"),
    # the same subject denied and said still conflict
    ("Pakistan is not a member of the International Lunar Research Station program.",
     "Pakistan is a member of the International Lunar Research Station programme.", "conflict"),
    ("China is not a partner in the International Space Station.",
     "China is a partner in the International Space Station.", "conflict"),
    # a denial that names no one before its negation still denies
    ("No deaths were reported after the eruption of Mount Seruni.",
     "Deaths were reported after the eruption of Mount Seruni.", "conflict"),
])
def test_a_denial_is_of_its_subject(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-06-26") == found
    assert _judged(ruleset, b, a, "2026-06-26") == found
    assert _judged(ruleset, a, b, "2026-06-26", doc_b="a") == found


CASES = Path(__file__).resolve().parent / "data" / "probeQ3"


def test_a_target_is_no_outturn(tmp_path: Path) -> None:
    """"The NHS target is for 92 per cent of patients to wait less than 18 weeks." against
    the month's outturns on the other page ("Just 59.8 percent ... had waited under 18
    weeks", "Some 189,500 patients had waited more than 52 weeks"): three error-level
    conflicts among the 141 pages. The two targets (92 / 95 per cent) still conflict."""
    errors = {lines for _, _, lines in case_errors(tmp_path, CASES / "waiting.txt")}
    assert "qc4:17 qc4b:17" in errors
    assert not {"qc4:17 qc4b:16", "qc4:17 qc4b:19", "qc4:17 qc4b:27"} & errors


@pytest.mark.parametrize(("text", "planned"), [
    ("The NHS target is for 92 per cent of patients to wait less than 18 weeks.", True),
    ("The government's goal is to build 50,000 homes a year.", True),
    ("The aim was to collect two kilograms of rock.", True),
    # a target named beside an outturn plans nothing
    ("Some 38,500 new homes were completed in 2025, short of the government's target of "
     "41,000.", False),
    ("The 18-week target was last met in 2015.", False),
])
def test_a_goal_set_is_planned(text: str, planned: bool) -> None:
    assert (modality(text, False) == "planned") is planned


@pytest.mark.parametrize(("a", "b", "found"), [
    # "most" and an adjective rank as a superlative does (the planted conflict corroborated)
    ("Seruni is the second most active volcano in Indonesia.",
     "Seruni is the most active volcano in Indonesia.", "conflict"),
    ("Seruni is the second most active volcano in Indonesia.",
     "Seruni is the second most active volcano in Indonesia.", "corroboration"),
])
def test_most_and_an_adjective_rank(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-08-10") == found
    assert _judged(ruleset, b, a, "2026-08-10") == found


@pytest.mark.parametrize(("text", "ranked"), [
    ("Java is the most populous island.", {("most populous", "island"): 1}),
    ("Seruni is the second most active volcano.", {("most active", "volcano"): 2}),
    # "the most" with no adjective ranks nothing
    ("It was the most since 2019.", {}),
    ("Labour won the most in a decade.", {}),
])
def test_most_rankings(text: str, ranked: dict[tuple[str, str], int]) -> None:
    assert {k: s.place for k, s in standings(text).items() if k[0] != "place"} == ranked


_JOINED = ("BEIJING, June 3 (Meridian Wire) - Five countries signed agreements on Wednesday to "
           "join the International Lunar Research Station (ILRS), a Moon base being developed by "
           "China and Russia, bringing the number of participating nations to 17, the China "
           "National Space Administration (CNSA) said.")


@pytest.mark.parametrize(("a", "b", "pa", "found"), [
    # the five that joined against the 17 members: the 17 both give agree (an error-level
    # conflict among the 141 pages, the five compared with the 17 alone)
    (_JOINED, "The ILRS programme now has 17 member countries.", "2026-06-03", "corroboration"),
    # nations are countries (planted restatement R1.6, never compared)
    ("The ILRS program now counts 17 member nations.",
     "The ILRS programme now has 17 member countries.", "2026-06-26", "corroboration"),
    ("The ILRS program now counts 15 member nations.",
     "The ILRS programme now has 17 member countries.", "2026-06-26", "conflict"),
])
def test_nations_counted_as_countries(ruleset: RuleSet, a: str, b: str, pa: str,
                                      found: str) -> None:
    na, nb = on_page(ruleset, a, "a", pa), on_page(ruleset, b, "b", "2026-06-26")
    assert judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon).label == found
    assert judge(nb, na, BlockIndex([na, nb]), ruleset.lexicon).label == found


@pytest.mark.parametrize(("text", "noun"), [
    ("The deal was signed on Monday, bringing the number of participating nations to 17.",
     "nation"),
    ("The new hires took the total number of staff to 412.", "staff"),
    ("The number of migrants reached 52,000.", "migrant"),
])
def test_a_number_brought_to_a_figure_counts_its_noun(text: str, noun: str) -> None:
    at = text.rindex(" ") + 1
    assert subject_counted(text, at) == word_stem(noun)
