"""Arithmetic within a document: errors flagged with the computed value, correct figures not."""

from __future__ import annotations

from checker.compare.arithmetic import check_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def issues(ruleset: RuleSet, text: str) -> list[tuple[str, float]]:
    cf = extract_text(text, "d", ruleset.lexicon, DocumentMeta(published="2025"), 0.0)
    return [(i.kind, i.computed) for i in check_document(cf.claims)]


def test_correct_seed_figures_pass(ruleset: RuleSet) -> None:
    text = (
        "SMIC announced on Nov. 8 that it recorded $2.17119 billion in sales in the third "
        "quarter, a 34% increase compared to the same period last year ($1.62058 billion).\n"
        "In the third quarter, domestic sales in China amounted to $1.875 billion, accounting "
        "for 86.4% of total sales, up from 84% ($1.361 billion) last year.\n"
        "Its capital expenditure in the third quarter was $1.179 billion, a 44.8% decrease "
        "from $2.135 billion last year.\n"
    )
    assert issues(ruleset, text) == []


def test_wrong_percent_change(ruleset: RuleSet) -> None:
    assert issues(ruleset, "Revenue rose 50% from $100 million to $120 million in 2024.") == [
        ("percent-change", 20.0)]


def test_figures_of_a_markdown_page(ruleset: RuleSet) -> None:
    # a link's address and bold markers are no words of the claim: the change is checked
    text = ("Revenue rose **50%** [from $100 million](https://ir.example.com/q3_2024?id=7) "
            "to $120 million in 2024.\n")
    assert issues(ruleset, text) == [("percent-change", 20.0)]
    assert issues(ruleset, text.replace("$120", "$150")) == []
    share = ("SMIC recorded $2.40 billion in sales in the third quarter.\n"
             "Domestic sales amounted to $1.50 billion, [accounting for](https://ir.example.com"
             "/q3) 72.5% of total sales.\n")
    assert issues(ruleset, share) == [("share", 62.5)]


def test_wrong_share_of_total(ruleset: RuleSet) -> None:
    text = ("SMIC recorded $2.40 billion in sales in the third quarter.\n"
            "Domestic sales amounted to $1.50 billion, accounting for 72.5% of total sales.\n")
    assert issues(ruleset, text) == [("share", 62.5)]
    # Round figures are read generously: "$2 billion" may be anything from 1.5 to 2.5.
    vague = text.replace("$2.40", "$2").replace("$1.50", "$1.5")
    assert issues(ruleset, vague) == []


def test_points_ratio_and_age(ruleset: RuleSet) -> None:
    text = ("Chinese arms made up 81 per cent of Pakistan's imports in the past five years.\n"
            "That was up 5 percentage points from the previous period, when 74 per cent came "
            "from China.\n"
            "Users doubled between 2019 and 2024 from 60 million to 90 million.\n"
            "In Pakistan, the magazine was launched in 1995.\n"
            "In 2025 it is set to turn 40 years old.\n")
    found = issues(ruleset, text)
    assert ("points", 7.0) in found and ("ratio", 1.5) in found and ("age", 30) in found


def test_points_need_the_share_they_changed_from(ruleset: RuleSet) -> None:
    """A share stated before the change is where it stands now: with no earlier share in the
    claim, a percentage of the sentence before (another measure) is not taken for it (an
    editor's probe: "-24.2 points" from Ireland's sales growth)."""
    text = ("Like-for-like sales in the UK grew by 7.7%, while sales in Ireland rose 3.1%.\n"
            "Tesco's market share stood at 27.3% at the end of February, up 0.4 percentage "
            "points on a year earlier, according to Kantar.\n")
    assert issues(ruleset, text) == []
    # Both shares in the claim, after the change: still checked.
    assert issues(ruleset, "The share rose 3 percentage points to 27.3% from 26.9%.") == [
        ("points", 0.4)]
    assert issues(ruleset, "The share rose 0.4 percentage points to 27.3% from 26.9%.") == []


def test_a_share_of_a_whole_stated_in_the_same_sentence(ruleset: RuleSet) -> None:
    """"1,100 jobs, about 18% of its 13,750 workers": 8.0% (a desk review's case)."""
    assert issues(ruleset, "Halvorsen said it would cut 1,100 jobs, about 18% of its 13,750 "
                           "workers.") == [("share", 8.0)]
    assert issues(ruleset, "Halvorsen said it would cut 1,100 jobs, about 8% of its 13,750 "
                           "workers.") == []
    assert issues(ruleset, "Domestic sales were $1.5 billion, 72.5% of total sales of $2.4 "
                           "billion.") == [("share", 62.5)]
    # a share of something the sentence does not count
    assert issues(ruleset, "It sold 300 cars, 20% of them in March, out of 1,500 made.") == []


def test_a_share_after_to_is_the_new_share(ruleset: RuleSet) -> None:
    """A desk probe: "rose 3.5 points to 68.9%" took 68.9% for the old turnout and the
    sentence before's 33.4% (a party's vote) for the new."""
    text = "ANO won 33.4% of the vote.\nTurnout rose 3.5 percentage points to 68.9%.\n"
    assert issues(ruleset, text) == []
    wrong = "ANO won 33.4% of the vote.\nTurnout rose 3.5 percentage points to 68.9% from 61.2%.\n"
    assert issues(ruleset, wrong) == [("points", 7.7)]


def test_a_multiple_of_a_figure_not_given(ruleset: RuleSet) -> None:
    # desk probe R: "£1.1bn to £5.3bn is x4.82", a false warning
    assert issues(ruleset, "Corvane's offer values Brightwell's equity at £1.1bn and its "
                           "enterprise value at roughly £5.3bn, or about 11.4 times its "
                           "underlying EBITDA.") == []
    # a multiple of the figure given still checks
    assert ("ratio", 2.0) in issues(ruleset, "Revenue tripled from $2 billion to $4 billion.")


def test_a_multiple_of_the_figure_before(ruleset: RuleSet) -> None:
    # a review: "three times the level of a year earlier" is the claim's own ratio, still
    # checked (it was skipped as a multiple of a figure not given)
    found = issues(ruleset, "Corvane's annual profit rose from £20m to £50m, three times the "
                            "level of a year earlier.")
    assert ("ratio", 2.5) in found


def test_a_change_with_no_old_value_said(ruleset: RuleSet) -> None:
    # a review: "£140m against £1.2bn is -88.3%", a profit taken for revenue's old value
    assert issues(ruleset, "Corvane made a pre-tax profit of £140m on revenue of £1.2bn, up "
                           "12% from a year earlier.") == []
    assert ("percent-change", 150.0) in issues(
        ruleset, "Revenue was £50m, a 10% increase compared with £20m last year.")
