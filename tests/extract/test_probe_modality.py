"""A desk probe's cases on modality: "forecast" as a noun ("its profit forecast") plans
nothing, and a plan joined by "and" to a stated fact ("opened 12 new stores in the quarter
and plans to open about 40 more") is a claim unit of its own, so the fact stays asserted.
The rows that name a desk case failed before the fix; the others guard what stays."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.extract.stance import future_within, modality
from checker.extract.units import claim_units
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet
from tests.compare.pairs import verdict


def claims(ruleset: RuleSet, text: str, published: str) -> list[Claim]:
    meta = DocumentMeta(published=published)
    return extract_text(text, "d", ruleset.lexicon, meta=meta, threshold=0.0).claims


# 1. "forecast" as a noun is no future cue; as a verb it is.
FORECASTS = [
    ("Harrowgate Retail has raised its profit forecast after sales in the third quarter rose "
     "to \u00a34.2bn.", "asserted"),
    ("The bank cut its growth forecast for the year.", "asserted"),
    ("The forecast of a recovery proved wrong.", "asserted"),
    ("Analysts' forecasts for the quarter were too low.", "asserted"),
    ("Sales beat the company's own forecast by 3%.", "asserted"),
    # the verb keeps its cue
    ("The company forecasts growth of 5% in 2027.", "planned"),
    ("The IMD forecasts a recovery in October.", "planned"),
    ("The economy is forecast to grow 2% in 2027.", "planned"),
    ("The bank forecast a 2% rise in prices.", "planned"),
    ("SMIC expects its sales in the fourth quarter to be similar.", "planned"),
]


@pytest.mark.parametrize(("text", "expected"), FORECASTS, ids=[r[0][:40] for r in FORECASTS])
def test_a_noun_forecast_plans_nothing(text: str, expected: str) -> None:
    assert modality(text, attributed=False) == expected


def test_a_raised_forecast_dates_the_quarter_past(ruleset: RuleSet) -> None:
    (claim,) = claims(ruleset, "Harrowgate Retail has raised its profit forecast after sales "
                      "in the third quarter rose to \u00a34.2bn.", "2026-10-22")
    assert [(d.text, d.start, d.end) for d in claim.dates] == [
        ("the third quarter", "2026-07-01", "2026-09-30")]
    assert verdict(ruleset, "Harrowgate Retail has raised its profit forecast after sales in "
                   "the third quarter rose to \u00a34.2bn.",
                   "Harrowgate Retail said sales in the third quarter rose to \u00a34.2bn.",
                   "2026-10-22", "2026-10-22")[0] != "conflict"


# 2. A plan joined by "and" to a stated fact is a unit of its own.
PLANNED_CLAUSES: list[tuple[str, list[str]]] = [
    ("Harrowgate opened 12 new stores in the quarter and plans to open about 40 more by the "
     "end of 2027.",
     ["Harrowgate opened 12 new stores in the quarter",
      "plans to open about 40 more by the end of 2027."]),
    ("The airline carried 3.2 million passengers in March and expects to add 12 routes next "
     "year.", ["The airline carried 3.2 million passengers in March",
               "expects to add 12 routes next year."]),
    ("Acme cut 500 jobs last year, and will close two plants in 2027.",
     ["Acme cut 500 jobs last year", "will close two plants in 2027."]),
    # kept whole: the fact itself is planned, or the plan has no words of its own
    ("Acme will open 12 stores and plans to open 40 more by 2027.", None),
    ("Sales rose and will rise.", None),
]


@pytest.mark.parametrize(("text", "expected"), PLANNED_CLAUSES,
                         ids=[r[0][:40] for r in PLANNED_CLAUSES])
def test_a_plan_joined_by_and_is_a_unit(text: str, expected: list[str] | None) -> None:
    assert [text[a:b] for a, b in claim_units(text, 0, len(text))] == (expected or [text])


def test_the_stated_clause_is_asserted_and_conflicts(ruleset: RuleSet) -> None:
    text = ("Harrowgate opened 12 new stores in the quarter and plans to open about 40 more by "
            "the end of 2027.")
    first, second = claims(ruleset, text, "2026-10-22")
    assert (first.modality, [q.text for q in first.quantities], first.dates) == (
        "asserted", ["12"], [])
    assert second.modality == "planned"
    assert [d.text for d in second.dates] == ["2027"]
    assert verdict(ruleset, text, "Harrowgate opened 14 new stores in the quarter.",
                   "2026-10-22", "2026-10-22")[0] == "conflict"


def test_a_plan_told_across_clauses_stays_planned(ruleset: RuleSet) -> None:
    # a cue running into a clause ("said ... would") plans it
    text = "Acme said costs and prices would fall."
    cut = text.index(" and")
    assert future_within(text, 0, len(text), 0, cut)
    assert future_within(text, 0, len(text), cut + 5, len(text))
    text = "Acme opened 12 stores and plans to open 40 more."
    assert not future_within(text, 0, len(text), 0, text.index(" and"))
    # a cue in one clause only: the other states its fact
    first, second = claims(ruleset, "Acme will cut 1,100 jobs, and its shares fell 3% in "
                           "October.", "2026-10-22")
    assert (first.modality, second.modality) == ("planned", "asserted")


