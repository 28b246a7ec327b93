"""Desk probe R's pages (a takeover, a data breach, a weekend's box office, migration
figures), as extraction reads them (the pairs are tests/compare/test_probe_r.py)."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def _claims(ruleset: RuleSet, text: str) -> list[Claim]:
    return extract_text("Page\n\n" + text + "\n", "page", ruleset.lexicon,
                        DocumentMeta(published="2026-07-14"), threshold=0.0).claims


def _nouns(ruleset: RuleSet, sentence: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.noun) for c in _claims(ruleset, sentence) for q in c.quantities]


@pytest.mark.parametrize(("sentence", "nouns"), [
    # words after a figure that count nothing
    ("Corvane would pay a break fee of £42m if it walked away from the deal.",
     [("£42m", None)]),
    ("The film took $152.6 million domestically and $310 million worldwide.",
     [("$152.6 million", None), ("$310 million", None)]),
    ("Police arrested 17 of them on Monday.", [("17", None)]),
    # what a sum is paid in (compared with the sum it pays: `figures.aligned`)
    ("The gang asked for a ransom of $5m in bitcoin.", [("$5m", "bitcoin")]),
    ("Corvane will pay $2.1 billion in sales to the fund.", [("$2.1 billion", "sales")]),
    # a share of a whole named, and of its shares
    ("Investors holding around 12% of Brightwell backed the offer.", [("around 12%", None)]),
    ("Investors holding about 18% of Brightwell's shares backed the offer.",
     [("about 18%", "shares")]),
    ("Power sector emissions fell to 41 million tonnes of CO2.",
     [("41 million tonnes", "co2")]),
    # a part of a whole is no count of the whole ("22,600 of the arrivals" / "31,420
    # arrivals"; "300 million rand of the compensation" / "1.2 billion rand in compensation")
    ("Some 22,600 of the arrivals were men.", [("Some 22,600", None)]),
    ("Police arrested 17 of the 40 suspects.", [("17", "suspects"), ("40", None)]),
])
def test_what_a_figure_counts(ruleset: RuleSet, sentence: str,
                              nouns: list[tuple[str, str | None]]) -> None:
    # "£42m if" counted "if", "$5m in bitcoin" bitcoin (no ransom then), "12% of
    # Brightwell" brightwell (no shares then), "22,600 of the arrivals" nothing
    assert _nouns(ruleset, sentence) == nouns


def test_a_related_article_line_is_furniture(ruleset: RuleSet) -> None:
    # "Related: The Albania deal, one year on" was a claim
    claims = _claims(ruleset, "Italy recorded 31,420 arrivals in the first half.\n\n"
                              "Related: The Albania deal, one year on\n"
                              "See also: Frontex figures for May")
    assert [c.text for c in claims] == ["Italy recorded 31,420 arrivals in the first half."]


@pytest.mark.parametrize(("sentence", "dates"), [
    # the year alone, and "six months" a measure
    ("Arrivals reached 31,420 in the first six months of 2026.",
     [("the first six months of 2026", "2026-01-01", "2026-06-30", "period")]),
    ("Sales rose 4% in the first three months of last year.",
     [("the first three months of last year", "2025-01-01", "2025-03-31", "quarter")]),
    ("Sales rose 4% in the first nine months of the year.",
     [("the first nine months of the year", "2026-01-01", "2026-09-30", "period")]),
    # "the same period last year" was the whole of last year
    ("Arrivals were 31,420 in the first half of 2026 and 28,800 in the same period last year.",
     [("the first half of 2026", "2026-01-01", "2026-06-30", "period"),
      ("the same period last year", "2025-01-01", "2025-06-30", "period")]),
    ("Revenue was $4bn in the second quarter, up from $3bn in the same quarter a year "
     "earlier.", [("the second quarter", "2026-04-01", "2026-06-30", "quarter"),
                  ("the same quarter a year earlier", "2025-04-01", "2025-06-30",
                   "quarter")]),
    # ... and the base of a change dates nothing
    ("Arrivals reached 31,420 in June, up 9% from the same period last year.",
     [("in June", "2026-06-01", "2026-06-30", "month")]),
])
def test_periods_of_a_year(ruleset: RuleSet, sentence: str,
                           dates: list[tuple[str, str, str, str]]) -> None:
    claim = _claims(ruleset, sentence)[0]
    assert [(d.text, str(d.start), str(d.end), d.granularity) for d in claim.dates] == dates
    assert not any(q.unit == "month" for q in claim.quantities)


@pytest.mark.parametrize(("sentence", "place"), [
    ('"Full Throttle Road" was fourth with $9.2 million.', ("fourth", 4.0, "place")),
    ('"Full Throttle Road" finished fifth, with $9.2m.', ("fifth", 5.0, "place")),
    ("The sequel came in third with $18 million.", ("third", 3.0, "place")),
    ("The sequel debuted in third place with $18m.", ("third place", 3.0, "place")),
    ("She ranked third in the world in 2024.", ("third", 3.0, "place")),
    # the last of a top: "rounding out the top five" is fifth (a probe R miss)
    ('"Nightjar" rounded out the top five with $6.1 million.', ("five", 5.0, "place")),
    ("Rounding out the top three was the sequel, with $18m.", ("three", 3.0, "place")),
    # a place moved to, and a table's standing, are no event's place (a review: "opened at
    # No. 1" / "fell to No. 3" and "finished third at the Open" / "is second in the world
    # rankings" were error-level conflicts)
    ("Paper Lanterns fell to No. 2 with $41.3 million.", ("No. 2", 2.0, "new place")),
    ("Rory McIlroy is second in the world rankings after the Open.",
     ("second", 2.0, "standing")),
    # no place in a ranking
    ("He was first elected to parliament in 2010.", None),
    ("Italy was the first country to sign the pact in 2019.", None),
    ("It was the fourth consecutive quarter of growth, at 2.1%.", None),
    ("The film had the second-largest opening of the year, with $90m.", None),
    ("The top five films took $120m between them.", None),
])
def test_a_place_told_in_words(ruleset: RuleSet, sentence: str,
                               place: tuple[str, float, str] | None) -> None:
    # "was fourth" / "finished fifth" were no figures, so two outlets' ranks of one film
    # never met; "No. 2" a rank of nothing, never compared
    found = [(q.text, q.value, q.noun) for c in _claims(ruleset, sentence)
             for q in c.quantities if q.kind == "rank" and q.noun]
    assert found == ([place] if place else [])


def test_a_closing_source_without_the_full_stop(ruleset: RuleSet) -> None:
    claim = _claims(ruleset, '"Fewer arrivals does not mean fewer people are risking their '
                             'lives," said Chiara Bellini of Sea Rescue Network.')[0]
    assert claim.attribution is not None
    assert claim.attribution.source == "Chiara Bellini of Sea Rescue Network"


def test_acts_told_in_the_present(ruleset: RuleSet) -> None:
    # under the threshold: no factual verb
    for sentence in ("Telvio is appealing that fine.", "Telvio has set up a helpline."):
        claim = _claims(ruleset, sentence)[0]
        assert "factual-verb" in claim.features
    assert "factual-verb" not in _claims(ruleset, "The offer is appealing.")[0].features


def test_the_first_months_of_a_fiscal_year(ruleset: RuleSet) -> None:
    # a review: "the first six months of 2025-26" was January to June 2025
    claim = _claims(ruleset, "Revenue rose 8% in the first six months of 2025-26.")[0]
    assert [(d.text, d.granularity) for d in claim.dates] == [("2025-26", "fiscal-year")]


@pytest.mark.parametrize("name", ["Overseas Development Institute",
                                  "Elsewhere Entertainment"])
def test_a_name_opening_with_a_starter(ruleset: RuleSet, name: str) -> None:
    # a review: cut to "Development Institute" and "Entertainment"
    claim = _claims(ruleset, f"The {name} said 40% of its aid was cut in 2025.")[0]
    assert name in [e.text for e in claim.entities]


@pytest.mark.parametrize(("sentence", "modality", "day"), [
    # a review: planned, and the next Tuesday
    ("Brent crude gained 1.2% to $82.10 a barrel on Tuesday after Opec+ said it would cut "
     "output.", "asserted", "2026-07-14"),
    ("Shares rose 4% on Tuesday as the bank said it would raise its dividend.", "asserted",
     "2026-07-14"),
    # the sentence's own plan, told in reported speech
    ("After the vote on Monday, the minister said she would resign on Friday.", "planned",
     "2026-07-17"),
])
def test_a_plan_told_in_a_clause_of_cause_or_time(ruleset: RuleSet, sentence: str,
                                                  modality: str, day: str) -> None:
    claim = extract_text("Page\n\n" + sentence + "\n", "page", ruleset.lexicon,
                         DocumentMeta(published="2026-07-15"), threshold=0.0).claims[0]
    assert claim.modality == modality
    assert str(claim.dates[-1].start) == day
