"""Desk probe Q's pairs: market prices of two days, counts of two groups, two outcomes of
one exposure, a place in a ranking and a confidence interval."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.measures import outcomes_differ, outcomes_of
from checker.compare.standings import standings, standings_clash
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.marketdays import dated_moves, market_move
from checker.models.document import DocumentMeta
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from tests.compare.pairs import on_page, page_verdict

_norm = on_page


def _verdict(ruleset: RuleSet, a: str, b: str, pa: str = "2026-03-11",
             pb: str = "2026-03-11") -> tuple[str, str | None]:
    return page_verdict(ruleset, a, b, pa, pb)


BRENT = ("Brent crude rose 0.9% to $71.20 a barrel.",
         "Brent crude was down 1.1% at $81.40 a barrel.")


def test_market_prices_of_two_days_are_no_conflict(ruleset: RuleSet) -> None:
    # four error-level conflicts between market reports published months apart
    assert _verdict(ruleset, *BRENT, "2026-03-11", "2026-05-07")[0] == "unrelated"
    assert _verdict(ruleset, BRENT[0], "Brent crude was down 1.1% at $81.40 a barrel on "
                    "Thursday.", "2026-03-11", "2025-10-31")[0] == "unrelated"
    # ... one day's are
    assert _verdict(ruleset, *BRENT)[0] == "conflict"


def test_market_moves(ruleset: RuleSet) -> None:
    moved = _norm(ruleset, BRENT[0], "a", "2026-03-11")
    assert market_move(moved)
    assert [d.first.isoformat() for d in moved.told if d.first] == ["2026-03-11"]
    dated = _norm(ruleset, "Brent crude rose 0.9% to $71.20 a barrel on Tuesday.", "a",
                  "2026-03-11")
    assert dated.told == ()  # its own day
    plain = _norm(ruleset, "The Eiffel Tower is 330 metres tall.", "a", "2026-03-11")
    assert not market_move(plain) and dated_moves([plain], "2026-03-11") == [plain]


def test_counts_of_people_of_a_fate_and_of_none(ruleset: RuleSet) -> None:
    # people taken to hospital against people on board: an error-level conflict
    assert _verdict(ruleset, "Three passengers from Nordvik Air flight NV582 were taken to "
                    "hospital with minor injuries.", "Nordvik Air flight NV582 had 68 "
                    "passengers and a crew of four on board.")[0] == "unrelated"
    # two counts of one fate still conflict
    assert _verdict(ruleset, "Three passengers from Nordvik Air flight NV582 were injured.",
                    "Five passengers from Nordvik Air flight NV582 were injured.") == \
        ("conflict", "number")


def test_two_outcomes_of_one_exposure(ruleset: RuleSet) -> None:
    assert _verdict(ruleset, "Long-term PPI use was associated with a higher risk of hip "
                    "fracture (HR 1.28).", "Long-term PPI use was associated with a higher "
                    "risk of vertebral fracture (HR 1.11).")[0] == "unrelated"
    assert _verdict(ruleset, "Long-term PPI use was associated with a higher risk of hip "
                    "fracture (HR 1.28).", "Long-term PPI use was associated with a higher "
                    "risk of hip fracture (HR 1.11).") == ("conflict", "number")


def test_outcomes_differ(ruleset: RuleSet) -> None:
    def differ(a: str, b: str) -> bool:
        na, nb = _norm(ruleset, a, "a", "2026-05-13"), _norm(ruleset, b, "b", "2026-05-13")
        return outcomes_differ(outcomes_of(na.text), outcomes_of(nb.text), na.tokens,
                               nb.tokens)
    assert differ("PPI use raised the risk of hip fracture by 28%.",
                  "PPI use raised the risk of vertebral fracture by 11%.")
    assert not differ("PPI use raised the risk of hip fracture by 28%.",
                      "PPI use raised the risk of fracture by 11%.")
    assert not differ("PPI use raised the risk of hip fracture by 28%.",
                      "PPI use raised fracture rates by 11%.")


@pytest.mark.parametrize(("a", "b"), [
    ("Russia is the world's largest wheat exporter, ahead of the European Union and Canada.",
     "Russia ranks as the world's second-largest wheat exporter behind the European Union."),
    ("Ireland's unemployment rate rose for the third consecutive quarter.",
     "Ireland's unemployment rate rose for the second consecutive quarter."),
])
def test_two_places_of_one_ranking_conflict(ruleset: RuleSet, a: str, b: str) -> None:
    # both were corroborations, the superlative a specific word in common
    assert _verdict(ruleset, a, b) == ("conflict", "number")


def test_standings() -> None:
    # (place, words, scope, span, holder: none named after a copula here)
    assert standings("Russia is the world's largest wheat exporter.") == \
        {("largest", "wheat export"): (1, "largest", "world's", "", "")}
    assert standings("the world's second-biggest exporter") == \
        {("largest", "export"): (2, "second-biggest", "world's", "", "")}
    assert standings("its 10th consecutive win") == \
        {("consecutive", "win"): (10, "10th consecutive", "", "", "")}
    assert standings("a second straight year") == \
        {("consecutive", "year"): (2, "second straight", "", "", "")}
    assert standings("prices rose at a faster pace") == {}
    assert standings_clash("the largest exporter", "the largest exporter") == []
    assert standings_clash("the largest exporter", "the third-largest exporter") == \
        [("largest", "third-largest")]


@pytest.mark.parametrize(("a", "b"), [
    # two rankings, not one told two ways (a review: false error conflicts)
    ("Norland, which holds the world's largest proven reserves, pumped 3.1 million barrels",
     "Norland, the world's second-largest producer, pumped 3.1 million barrels"),
    ("Norland, Europe's largest wheat exporter, shipped 4.2 million tonnes",
     "Norland, the world's second-largest wheat exporter, shipped 4.2 million tonnes"),
    ("the largest monthly increase since 2019", "the second-largest monthly increase on record"),
    ("Leeds United, back in the top flight after promotion, beat Everton",
     "Leeds United, in their second top-flight season since promotion, beat Everton"),
])
def test_two_rankings_do_not_clash(a: str, b: str) -> None:
    assert standings_clash(a, b) == []


def test_a_confidence_interval_that_differs(ruleset: RuleSet) -> None:
    # the hazard ratio agrees, the interval does not: a corroboration before
    assert _verdict(ruleset, "Long-term PPI use was linked to a hip fracture hazard ratio of "
                    "1.28 (95% CI 1.17 to 1.40).", "Long-term PPI use was linked to a hip "
                    "fracture hazard ratio of 1.28, with a 95% confidence interval of 1.07 to "
                    "1.40.")[0] == "conflict"


def test_two_papers_conclusions_are_no_anchor(ruleset: RuleSet) -> None:
    assert _verdict(ruleset, "Results: During follow-up, 3,104 participants had a hip "
                    "fracture.", "Results: During a median follow-up of 9.6 years, 1,204 "
                    "participants developed atrial fibrillation.", "2026-05-13",
                    "2026-06-02")[0] == "unrelated"


def test_one_figure_in_two_directions(ruleset: RuleSet) -> None:
    # the news pairs' Sensex: once "traders said" was read as attribution, nothing was left
    # of the frames but the two directions of the figure both give
    assert _verdict(ruleset, "The Bombay Stock Exchange's Sensex fell 2.1 percent on Tuesday, "
                    "traders said in Mumbai.", "Mumbai's Sensex index rose 2.1 percent on "
                    "Tuesday, traders said.") == ("conflict", "antonym")


def test_two_times_of_one_landing_conflict(ruleset: RuleSet) -> None:
    # "touched down" and "landed" were two events, never compared
    assert _verdict(ruleset, "The Nordvik Air ATR 72-600 touched down at 18:47 local time.",
                    "The Nordvik Air ATR 72-600 landed at 19:47 on Tuesday.",
                    "2026-02-04", "2026-02-04") == ("conflict", "number")
    # ... and a departure is another event than the landing
    assert _verdict(ruleset, "The Nordvik Air ATR 72-600 departed at 17:15 local time.",
                    "The Nordvik Air ATR 72-600 landed at 19:47 on Tuesday.",
                    "2026-02-04", "2026-02-04")[0] == "unrelated"


def test_a_figure_confirmed_through_the_pages_topic(ruleset: RuleSet) -> None:
    # two claims naming nothing, lent their pages' topic: a figure both give and two
    # specific words in common confirm ("Wind" was their anchor only as a guessed name)
    from checker.pagetopic import lend_topic

    def page(doc: str, text: str) -> list[NormClaim]:
        cf = extract_text(text, doc, ruleset.lexicon, DocumentMeta(published="2026-02-04"),
                          threshold=0.0)
        return lend_topic(normalise_document(doc, cf.claims, ruleset.lexicon, text))

    intro = ("Nordvik Air flight NV582 slid off the runway at Bodo on Tuesday.\n"
             "Nordvik Air said flight NV582 carried 68 passengers.\n")
    a = page("a", intro + "Wind at the time was from the west at 18 knots, gusting to 27 knots.")
    b = page("b", intro + "Wind was gusting up to 27 knots at the time of the landing.")
    v = judge(a[-1], b[-1], BlockIndex([*a, *b]), ruleset.lexicon)
    assert (v.label, v.reason) == ("corroboration", "agree")


@pytest.mark.parametrize(("a", "b", "pa", "pb"), [
    # a review of the day's changes: conflicts each change must not lose
    ("The share of voters backing the Green Party fell 3 points to 11% in the Ipsos poll.",
     "The share of voters backing the Green Party fell 5 points to 11% in the Ipsos poll.",
     "2026-04-01", "2026-04-08"),  # no market's move, though "share" and "fell"
    ("North Sea cod stocks fell 14% to 120,000 tonnes, the survey found.",
     "North Sea cod stocks fell 24% to 120,000 tonnes, the survey found.",
     "2026-02-02", "2026-02-12"),
    ("Goldcrest Mining's gold output rose 12% to 410,000 ounces.",
     "Goldcrest Mining's gold output rose 21% to 410,000 ounces.", "2026-01-20", "2026-01-28"),
    ("Six migrants drowned when the boat capsized off Lampedusa on Tuesday, the coastguard "
     "said.", "Nine migrants died when the boat capsized off Lampedusa on Tuesday, the "
     "coastguard said.", "2026-05-14", "2026-05-14"),  # two words of one fate
    ("Police arrested 23 protesters after clashes outside parliament in Valletta on Tuesday.",
     "Police took 32 protesters into custody after clashes outside parliament in Valletta on "
     "Tuesday.", "2026-05-14", "2026-05-14"),
    ("Nurses who worked night shifts for ten years had a 28% higher risk of death, according "
     "to the study in the BMJ.", "Nurses who worked night shifts for ten years had an 18% "
     "higher risk of dying, according to the study in the BMJ.", "2026-05-14", "2026-05-14"),
    ("Economists in the Reuters poll put the risk of a recession in Norland over the next year "
     "at 40%.", "Economists in the Reuters poll put the risk of a downturn in Norland over the "
     "next year at 45%.", "2026-05-14", "2026-05-14"),
])
def test_conflicts_the_days_changes_keep(ruleset: RuleSet, a: str, b: str, pa: str,
                                         pb: str) -> None:
    assert _verdict(ruleset, a, b, pa, pb)[0] == "conflict"


@pytest.mark.parametrize(("a", "b"), [
    # ... and false conflicts they must not make
    ("Employment in Norland's manufacturing sector rose by 12,400 in April, the statistics "
     "office said.", "Employment in Norland's construction sector rose by 21,400 in April, "
     "the statistics office said."),
    ("At one point ahead by 10, the Knicks lost 110-104 to the Celtics in Boston on Sunday.",
     "Three points ahead with a minute left, the Knicks lost 110-104 to the Celtics in Boston "
     "on Sunday."),
])
def test_no_conflicts_the_days_changes_make(ruleset: RuleSet, a: str, b: str) -> None:
    assert _verdict(ruleset, a, b, "2026-05-14", "2026-05-14")[0] != "conflict"


def test_a_part_of_the_subject_is_no_opposite(ruleset: RuleSet) -> None:
    # desk probe Q's 61 pages: "Employment rose" / "Employment in construction fell" was an
    # antonym conflict once "the figures showed" was read as attribution
    assert _verdict(ruleset, "Employment rose by 12,400 (+0.4%) over the quarter.",
                    "Employment in construction fell during the quarter, the figures "
                    "showed.", "2026-05-21", "2026-05-21")[0] != "conflict"
    assert _verdict(ruleset, "Employment in Ireland rose over the quarter, the figures showed.",
                    "Employment in Ireland fell over the quarter, the figures showed.",
                    "2026-05-21", "2026-05-21") == ("conflict", "antonym")


def test_a_fate_on_one_side_keeps_counts_of_things(ruleset: RuleSet) -> None:
    # "saved a break point" read as a rescue: the one-sided fate dropped the 55 pages'
    # corroboration of "14 aces"; a fate befalls people, not aces
    from checker.compare.exits import uncounted as _uncounted

    aces = _norm(ruleset, "Zverev served 14 aces and won 81% of points.", "a", "2026-05-04")
    assert _uncounted(aces, [("14", "14")]) == [("14", "14")]
    hurt = _norm(ruleset, "Three passengers were taken to hospital.", "a", "2026-05-04")
    assert _uncounted(hurt, [("Three", "68")]) == []
