"""normalize: the date of the telling (a dateline, "said on Wednesday") is no date of the
fact, so two reports of one figure told on two days can still conflict."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.normclaim import NormClaim
from checker.rules import RuleSet


def _norm(ruleset: RuleSet, text: str, doc: str = "d",
          published: str = "2024-01-18") -> list[NormClaim]:
    model = extract_text(text, doc, ruleset.lexicon, DocumentMeta(published=published))
    return normalise_document(doc, model.claims, ruleset.lexicon)


def _dates(ruleset: RuleSet, text: str) -> list[str]:
    return [d.text for n in _norm(ruleset, text) for d in n.dates]


def test_a_date_right_after_the_attribution_dates_the_telling(ruleset: RuleSet) -> None:
    assert _dates(ruleset, "Zambia's maize harvest fell by 45% in 2023, the government said "
                           "on Thursday.") == ["2023"]
    assert _dates(ruleset, "Agriculture Minister Reuben Mtolo told reporters on Monday that "
                           "the harvest fell by 45% in 2023.") == ["2023"]


def test_a_wire_dateline_dates_the_telling(ruleset: RuleSet) -> None:
    assert _dates(ruleset, "LUSAKA, Jan. 17 (Reuters) - Zambia's maize harvest fell by 45% "
                           "in 2023.") == ["2023"]


def test_a_date_of_the_fact_is_kept(ruleset: RuleSet) -> None:
    # Not after the attribution: the day the harvest figure was published is the fact's.
    assert _dates(ruleset, "On Thursday the ministry published figures showing the harvest "
                           "fell by 45%, officials said.") == ["On Thursday"]


def test_reports_told_on_two_days_still_conflict(ruleset: RuleSet) -> None:
    """An editor's probe: the conflict was lost because "said on Wednesday" and "said on
    Thursday" read as two dates of the fact."""
    a = _norm(ruleset, "LUSAKA, Jan. 17 (Reuters) - Zambia's maize harvest fell by about 50% "
                       "this season to 1.5 million tonnes, the agriculture ministry said on "
                       "Wednesday.", "a")[0]
    b = _norm(ruleset, "Zambia's maize harvest fell by about 45% this season to 1.7 million "
                       "tonnes, the government said on Thursday.", "b")[0]
    index = BlockIndex([a, b])
    verdict = judge(a, b, index, ruleset.lexicon)
    assert (verdict.label, verdict.reason) == ("conflict", "number")


def _told(ruleset: RuleSet, text: str) -> list[str]:
    return [d.text for n in _norm(ruleset, text) for d in n.told]


@pytest.mark.parametrize("text", [
    "The harvest fell by 45% in 2023, the ministry said on Jan. 17.",
    "The harvest fell by 45% in 2023, the ministry said late on Wednesday.",
    "The harvest fell by 45% in 2023, the ministry said in a statement issued on Monday.",
    "The harvest fell by 45% in 2023, according to a ministry statement on Friday.",
    "Reuben Mtolo told the state broadcaster ZNBC on Wednesday that the harvest fell by 45% "
    "in 2023.",
])
def test_phrasings_of_the_telling(ruleset: RuleSet, text: str) -> None:
    assert _dates(ruleset, text) == ["2023"] and len(_told(ruleset, text)) == 1


def test_tellings_months_apart_are_compared_as_dates(ruleset: RuleSet) -> None:
    """A review's pairs: "announced on Monday it would cut 300 jobs" in May and "... 450" in
    September are two announcements, not one figure told twice."""
    a = _norm(ruleset, "Halvern Foods announced on Monday it would cut 300 jobs at its "
                       "Dunmore plant.", "a", "2024-05-06")[0]
    b = _norm(ruleset, "Halvern Foods announced on Friday it would cut 450 jobs at its "
                       "Dunmore plant.", "b", "2024-09-13")[0]
    assert judge(a, b, BlockIndex([a, b]), ruleset.lexicon).label != "conflict"
    c = _norm(ruleset, "Halvern Foods announced on Tuesday it would cut 450 jobs at its "
                       "Dunmore plant.", "c", "2024-05-07")[0]
    assert judge(a, c, BlockIndex([a, c]), ruleset.lexicon).label == "conflict"


def test_the_day_a_company_reported_its_figures_dates_the_telling(ruleset: RuleSet) -> None:
    """A desk probe: "reported ... revenue of $4.2 billion on Thursday" read Thursday as the
    figure's date and hid the conflict with "revenue was $4.8bn in the third quarter"."""
    text = "Norvik Motors reported third-quarter revenue of $4.2 billion on Thursday."
    assert _told(ruleset, text) == ["on Thursday"]
    a = _norm(ruleset, text, "a", "2026-10-29")[0]
    b = _norm(ruleset, "Norvik Motors said revenue was $4.8bn in the third quarter.", "b",
              "2026-10-30")[0]
    verdict = judge(a, b, BlockIndex([a, b]), ruleset.lexicon)
    assert (verdict.label, verdict.reason) == ("conflict", "number")
    # an event's own day stays the fact's
    assert _told(ruleset, "Hamas released 20 hostages on Monday.") == []


def test_the_day_of_an_announcement_dates_the_telling(ruleset: RuleSet) -> None:
    # Review pair t10: "announced on Monday it would cut 300 jobs" / "... on Tuesday ... 400
    # jobs" were a date conflict, which hid the number conflict.
    assert _dates(ruleset, "The company announced on Monday it would cut 300 jobs at its "
                           "Wichita plant.") == []
    assert _dates(ruleset, "Officials confirmed on Friday that the bridge would reopen.") == []
    # What happened on the day stays the fact's: "opened on Monday", "said on Monday." closes.
    assert _dates(ruleset, "The company opened on Monday its new plant in Wichita.") \
        == ["on Monday"]


@pytest.mark.parametrize(("text", "dates"), [
    # a year a figure is measured against dates no event of it (desk probe L) ...
    ("Sea temperatures averaged 20.85C in June, the second highest for June after 2024.",
     ["in June"]),
    ("June was 0.3C warmer than 2024 across Europe, the agency said.", []),
    # ... but a time after a year does, rank before it or not (only a year date_rules
    # read as a rank's is measured against)
    ("Acme became the second largest lender after 2019 when it bought Beta Bank for "
     "$2 billion.", ["after 2019"]),
])
def test_a_year_measured_against_is_no_date_of_the_fact(ruleset: RuleSet, text: str,
                                                        dates: list[str]) -> None:
    assert _dates(ruleset, text) == dates
