"""Desk probe B (wildfire, rail strike, court ruling, drug approval): a payment against
the award it is part of, a Reuters dateline with no place, and a figure that names no one
(the page's story)."""

from __future__ import annotations

from checker.compare.blocking import BlockIndex
from checker.compare.slots import compare_quantities
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.names import unify_surnames
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from checker.subjects import DATELINE_RE
from tests.compare.pairs import norm

PAID = ("JOHANNESBURG — Vantrex Minerals has paid 300 million rand of the compensation "
        "ordered by the Constitutional Court in May, the trust said on Monday.")
ORDERED = "The court ordered Vantrex to pay 1.2 billion rand in compensation to the miners."


def test_part_of_award_does_not_conflict_with_award(ruleset: RuleSet) -> None:
    a, b = norm(ruleset, PAID, "a", "2026-09-07"), norm(ruleset, ORDERED, "b", "2026-05-14")
    assert compare_quantities(a, b)[1] == []


def test_two_parts_of_one_whole_still_conflict(ruleset: RuleSet) -> None:
    other = PAID.replace("300 million", "500 million")
    a, b = norm(ruleset, PAID, "a", "2026-09-07"), norm(ruleset, other, "b", "2026-09-07")
    assert compare_quantities(a, b)[1] == [("300 million rand", "500 million rand")]


def test_seats_of_the_house_still_conflict(ruleset: RuleSet) -> None:
    a = norm(ruleset, "The ANO movement won 78 of the 200 seats in the lower house.", "a")
    b = norm(ruleset, "The ANO movement won 80 seats in the lower house.", "b")
    assert compare_quantities(a, b)[1] == [("78", "80")]


def test_reuters_dateline_without_place() -> None:
    line = DATELINE_RE.match("March 11 (Reuters) - The U.S. Food and Drug Administration")
    assert line is not None and line.group() == "March 11 (Reuters) - "
    assert DATELINE_RE.match("March 11 - the talks resumed") is None


def test_reuters_dateline_dates_nothing(ruleset: RuleSet) -> None:
    c = norm(ruleset, "March 11 (Reuters) - The U.S. Food and Drug Administration approved "
             "Corvane Therapeutics' drug lunextamab on Tuesday.", "a", "2026-03-11")
    assert [d.text for d in c.dates] == ["on Tuesday"]
    assert "name:reuters" not in c.entities


def _page(ruleset: RuleSet, doc: str, text: str) -> list[NormClaim]:
    cf = extract_text(text, doc, ruleset.lexicon, meta=DocumentMeta(published="2026-08-09"),
                      threshold=0.0)
    return normalise_document(doc, cf.claims, ruleset.lexicon)


def _judged(ruleset: RuleSet, a: str, b: str) -> str:
    """The label of the last claims of two pages, judged over an index of both pages."""
    ca, cb = _page(ruleset, "a", a), _page(ruleset, "b", b)
    return judge(ca[-1], cb[-1], BlockIndex(ca + cb), ruleset.lexicon).label


MONCHIQUE = "The fire broke out near Monchique on Thursday.\n"


def test_figure_naming_no_one_is_the_page_story(ruleset: RuleSet) -> None:
    # Desk probe B (K2): neither sentence names anyone; both pages are about Monchique.
    a = MONCHIQUE + "More than 3,000 people were evacuated from villages around the town.\n"
    b = ("A 71-year-old man was killed in the fire near Monchique, officials said.\n"
         "About 2,100 people were evacuated from their homes, officials said.\n")
    assert _judged(ruleset, a, b) == "conflict"


def test_figures_of_two_stories_stay_apart(ruleset: RuleSet) -> None:
    a = MONCHIQUE + "More than 3,000 people were evacuated from villages around the town.\n"
    b = ("A wildfire broke out near Athens on Thursday.\n"
         "About 2,100 people were evacuated from their homes, officials said.\n")
    assert _judged(ruleset, a, b) == "unrelated"


def test_page_subject_guess_makes_no_scope(ruleset: RuleSet) -> None:
    # The guessed subjects differ (the GDL union, Germany): one figure still, told by one
    # source on both pages.
    a = ("The strike was called by the GDL union after talks broke down.\n"
         "About 80% of long-distance trains were cancelled on Wednesday, Deutsche Bahn said.\n")
    b = ("Passengers across Germany faced cancelled trains on Wednesday.\n"
         "About 50% of long-distance trains were cancelled, according to Deutsche Bahn.\n")
    assert _judged(ruleset, a, b) == "conflict"


def test_figure_inside_the_sentence_is_not_the_page_story(ruleset: RuleSet) -> None:
    # Analysts' expectation is theirs, not the page's company's revenue (acceptance case
    # company-coreference): only a figure opening the sentence takes the page's subject.
    a = ("Norvale Systems reported third-quarter revenue of $4.2 billion on Thursday.\n"
         "Analysts had on average expected revenue of $4.05 billion, according to LSEG data.\n")
    claims = _page(ruleset, "a", a)
    assert "name:norvale-systems" not in claims[-1].entities


# Monchique in every claim of the story, as in the probe: no specific anchor.
STORY = MONCHIQUE + ("Residents of Monchique fled overnight.\n"
                     "Schools in Monchique were closed on Friday.\n"
                     "Roads around Monchique were shut by police.\n")


def test_two_figures_confirmed_are_one_fact(ruleset: RuleSet) -> None:
    # Desk probe B (C1): two figures each confirmed, in two wordings.
    a = STORY + ("Some 1,200 firefighters and 350 vehicles were deployed on Sunday, "
                 "backed by 14 water-bombing aircraft.\n")
    b = STORY + ("About 1,200 firefighters were fighting the flames on Sunday, supported "
                 "by 14 aircraft, according to the Civil Protection Authority.\n")
    assert _judged(ruleset, a, b) == "corroboration"


def test_one_figure_confirmed_is_not_enough(ruleset: RuleSet) -> None:
    a = STORY + ("Some 1,200 firefighters and 350 vehicles were deployed on Sunday, "
                 "backed by 14 water-bombing aircraft.\n")
    b = STORY + ("About 1,200 firefighters were fighting the flames on Sunday, supported "
                 "by 20 aircraft, according to the Civil Protection Authority.\n")
    assert _judged(ruleset, a, b) != "corroboration"


def test_initials_are_the_one_name_they_spell(ruleset: RuleSet) -> None:
    # Desk probe B: Reuters writes "the Food and Drug Administration", STAT "the FDA".
    a = _page(ruleset, "a", "The Food and Drug Administration approved lunextamab on Tuesday.\n")
    b = _page(ruleset, "b", "The FDA convened an advisory committee in January.\n")
    (a2,), (b2,) = unify_surnames([a, b])
    assert a2.entities & b2.entities == {"name:food-and-drug-administration"}


def test_two_letters_are_no_initials(ruleset: RuleSet) -> None:
    a = _page(ruleset, "a", "The Andhra Pradesh government approved the budget on Tuesday.\n")
    b = _page(ruleset, "b", "AP reported the budget on Tuesday.\n")
    (a2,), (b2,) = unify_surnames([a, b])
    assert not a2.entities & b2.entities


# Corvane in every claim of the story: no specific anchor, as in the probe.
TRIAL = ("Corvane Therapeutics won approval for lunextamab on Tuesday.\n"
         "Corvane Therapeutics will sell the drug in the U.S. from April.\n"
         "Corvane Therapeutics shares rose in early trading.\n"
         "Corvane Therapeutics employs 900 people.\n")


def test_one_change_by_two_shares_conflicts(ruleset: RuleSet) -> None:
    # Desk probe B (K17): "cognitive decline" is no measure noun, but what is done to it
    # ("slowed") and by how much is one change, measured twice.
    a = TRIAL + "The trial showed Corvane's lunextamab slowed cognitive decline by 35%.\n"
    b = TRIAL + "Corvane said the drug slowed cognitive decline by 27% in its main trial.\n"
    assert _judged(ruleset, a, b) == "conflict"


def test_changes_of_two_things_stay_apart(ruleset: RuleSet) -> None:
    a = TRIAL + "The trial showed Corvane's lunextamab slowed cognitive decline by 35%.\n"
    b = TRIAL + "Corvane said the drug cut hospital admissions by 27% in its main trial.\n"
    assert _judged(ruleset, a, b) != "conflict"


def test_changes_done_needs_two_words(ruleset: RuleSet) -> None:
    from checker.compare.figures import changes_done

    c = norm(ruleset, "Corvane said the drug slowed cognitive decline by about 35%.", "a")
    assert changes_done(c) == {("slow cognit decreas", "by")}  # "decline" stems as "decrease"
    assert changes_done(norm(ruleset, "Corvane said it rose by 5% on Tuesday.", "b")) == set()


STRIKE = ("The strike was called by the GDL union after talks broke down.\n"
          "Passengers across Germany faced cancelled trains on Wednesday.\n")


def test_one_sum_in_two_currencies_conflicts(ruleset: RuleSet) -> None:
    # Desk probe B (K10): "The union" is the GDL on both pages, and its fund is one sum.
    a = STRIKE + "The union has built up a strike fund of $50 million, people said.\n"
    b = STRIKE + "The union has a strike fund of 50 million euros, its leader said.\n"
    assert _judged(ruleset, a, b) == "conflict"


def test_a_sum_converted_or_another_sum_is_no_slip(ruleset: RuleSet) -> None:
    from checker.compare.slots import currency_slip

    fund = norm(ruleset, "The GDL has a strike fund of 50 million euros.", "a", "2026-01-14")
    converted = norm(ruleset, "The GDL has a strike fund of 50 million euros ($54 million).",
                     "b", "2026-01-14")
    other = norm(ruleset, "The GDL has a strike fund of $80 million.", "c", "2026-01-14")
    dollars = norm(ruleset, "The GDL has a strike fund of $50 million.", "d", "2026-01-14")
    assert currency_slip(fund, dollars) == ("50 million euros", "$50 million")
    assert currency_slip(fund, converted) is None
    assert currency_slip(fund, other) is None


def test_a_share_or_a_ratio_is_no_part_of_a_whole(ruleset: RuleSet) -> None:
    # "of the control group" names what a ratio is of, not a whole it is a payment of (the
    # forty-fifth session's review of its change: a second `_SHARES` of slots.py, without
    # ratios, had shadowed the first)
    from checker.compare.slots import part_of_whole

    claim = norm(ruleset, "The hazard ratio was 1.28 of the control group in the trial.",
                 "a", "2026-01-01")
    assert [(q.kind, part_of_whole(claim, q)) for q in claim.quantities] == [("ratio", False)]


def test_a_place_ending_an_institution_is_no_surname(ruleset: RuleSet) -> None:
    # desk probe S: another page's "London" became "Imperial College London"
    a = _page(ruleset, "a", "Imperial College London admitted 3,400 students in 2025.\n")
    b = _page(ruleset, "b", "The proportion of top grades in London was 33.1%.\n")
    (a2,), (b2,) = unify_surnames([a, b])
    assert "name:imperial-college-london" in a2.entities
    assert "name:london" in b2.entities and not a2.entities & b2.entities
