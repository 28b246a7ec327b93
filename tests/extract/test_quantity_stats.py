"""A research paper's figures: effect ratios by abbreviation, confidence intervals, spreads and
p values are figures with their nouns; citation marks and grant numbers are none (desk
probe L's journal article)."""

from __future__ import annotations

import pytest

from checker.extract.quantities import find_quantities
from checker.rules import RuleSet

# (sentence, [(text, kind, value, low, high, unit, noun, bound)])
STATS: list[tuple[str, list[tuple[str, str, float, float | None, float | None, str | None,
                                  str | None, str]]]] = [
    ("Night work was associated with a hazard ratio of 1.45 (95% CI 1.12-1.87; p < 0.001).",
     [("1.45", "ratio", 1.45, 1.445, 1.455, "x", "hazard ratio", "exact"),
      ("95% CI 1.12-1.87", "ratio", 1.495, 1.12, 1.87, "x", "confidence interval", "range"),
      ("p < 0.001", "count", 0.001, None, 0.001, None, "p value", "upper")]),
    ("The risk was higher in younger participants (HR 1.71) than in older ones (HR 1.22; "
     "p = 0.08).",
     [("HR 1.71", "ratio", 1.71, 1.705, 1.715, "x", "hazard ratio", "exact"),
      ("HR 1.22", "ratio", 1.22, 1.215, 1.225, "x", "hazard ratio", "exact"),
      ("p = 0.08", "count", 0.08, 0.075, 0.085, None, "p value", "exact")]),
    ("The odds ratio was 2.3 (95% CI, 1.4 to 3.8).",
     [("2.3", "ratio", 2.3, 2.25, 2.35, "x", "odds ratio", "exact"),
      ("95% CI, 1.4 to 3.8", "ratio", 2.6, 1.4, 3.8, "x", "confidence interval", "range")]),
    ("Mortality fell more in the treated group (95% confidence interval 4-20).",
     [("95% confidence interval 4-20", "count", 12.0, 4.0, 20.0, None, "confidence interval",
       "range")]),
    ("The mean age was 41.3 years (SD 9.8).",
     [("41.3 years", "measure", 41.3, 41.25, 41.35, "year", None, "exact"),
      ("SD 9.8", "count", 9.8, 9.75, 9.85, None, "standard deviation", "exact")]),
    ("Median stay was 12 days (IQR 8-19).",
     [("12 days", "measure", 12.0, 11.5, 12.5, "day", None, "exact"),
      ("IQR 8-19", "count", 13.5, 8.0, 19.0, None, "interquartile range", "range")]),
    ("The difference was significant (P<.05).",
     [("P<.05", "count", 0.05, None, 0.05, None, "p value", "upper")]),
]


@pytest.mark.parametrize(("text", "expected"), STATS, ids=[row[0][:40] for row in STATS])
def test_a_papers_figures(text: str, expected: list[tuple[object, ...]]) -> None:
    found = [(q.text, q.kind, q.value, q.low, q.high, q.unit, q.noun, q.bound)
             for q in find_quantities(text)]
    assert len(found) == len(expected)
    for got, want in zip(found, expected, strict=True):
        assert got[:2] == want[:2] and got[5:] == want[5:]
        assert got[2:5] == pytest.approx(want[2:5])


@pytest.mark.parametrize("text", [
    # citation marks (desk probe L: counts, and a false arithmetic warning from them)
    "Night-shift work has been linked to coronary heart disease [1-4].",
    "It differs from a Japanese cohort in which no association was observed [15].",
    "Earlier cohorts found the same [3, 7, 12].",
    # a grant's number
    "The study was funded by the Research Council of Nordvik (grant 301244).",
    "It was supported by award no. R01-HL12345 from the institute.",
])
def test_numbers_of_a_paper_that_count_nothing(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(("text", "names"), [
    # a statistic's label before its figure is no name (desk probe L: "HR 1", "CI 1", "SD 9")
    ("The risk was higher in younger nurses (HR 1.71, 95% CI 1.2-2.4) in Nordvik.",
     ["Nordvik"]),
    ("The mean age in Krakow was 41.3 years (SD 9.8).", ["Krakow"]),
    # the same letters naming something stay names
    ("He joined the SD party in Malmo.", ["SD", "Malmo"]),
])
def test_a_statistics_label_is_no_name(ruleset: RuleSet, text: str, names: list[str]) -> None:
    assert [m.text for m in ruleset.lexicon.find_entities(text)] == names


def test_ordinary_text_keeps_its_figures() -> None:
    # "or" in lower case is a word, and a bracket of words no citation
    found = find_quantities("Sales rose 4% or 5 points [in March] to 312 units.")
    assert [q.text for q in found] == ["4%", "5", "312"]


@pytest.mark.parametrize(("text", "figures"), [
    # the letters of a statistic in other uses (a review: false ratios and lost figures)
    ("In Bend, OR, 3 people were killed.", [("3", "count", "people")]),
    ("The House passed HR 1 on Tuesday.", []),
    ("The company's chief of HR, 52, said 40 jobs would go.",
     [("52", "measure", "age"), ("40", "count", "jobs")]),
    ("The project's IRR, 14.5%, beat the 12% hurdle.",
     [("14.5%", "percent", None), ("12%", "percent", "hurdle")]),
    ("The office is in London (SE1) and employs 40 people.", [("40", "count", "people")]),
    # an editor's brackets, and a contract's count
    ('"We need [3,000] more nurses," the minister said.', [("3,000", "count", "nurses")]),
    ('"They took [12] of our cattle," he said.', [("12", "count", "cattle")]),
    ("Under the new contract 1500 nurses will get a raise.", [("1500", "count", "nurses")]),
])
def test_a_statistics_letters_elsewhere(text: str, figures: list[tuple[str, str, str | None]]
                                        ) -> None:
    assert [(q.text, q.kind, q.noun) for q in find_quantities(text)] == figures
