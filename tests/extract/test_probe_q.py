"""Desk probe Q's pages, as extraction reads them: a paper's abstract, a statistics office's
release, an aviation incident and a grains market report (the pairs are
tests/compare/test_probe_q.py)."""

from __future__ import annotations

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.rules import RuleSet


def _claims(ruleset: RuleSet, text: str) -> list[Claim]:
    return extract_text("Page\n\n" + text + "\n", "page", ruleset.lexicon,
                        DocumentMeta(published="2026-05-21"), threshold=0.0).claims


@pytest.mark.parametrize(("line", "text"), [
    ("Results: During follow-up, 3,104 participants had a hip fracture.",
     "During follow-up, 3,104 participants had a hip fracture."),
    ("Conclusions: Long-term use was associated with a 28% higher risk of hip fracture.",
     "Long-term use was associated with a 28% higher risk of hip fracture."),
    ("METHODS: We followed 12,047 nurses from 38 hospitals in Norway.",
     "We followed 12,047 nurses from 38 hospitals in Norway."),
    # a heading of no abstract stays: "Results" is what the sentence is about here
    ("Results season: Tesco reported revenue of £68bn in 2025.",
     "Results season: Tesco reported revenue of £68bn in 2025."),
])
def test_an_abstracts_headings_are_no_part_of_its_claims(ruleset: RuleSet, line: str,
                                                         text: str) -> None:
    # two papers' "Conclusions" anchored a false conflict of their figures
    claims = _claims(ruleset, line)
    assert claims[0].text == text
    assert "Results" not in [e.text for c in claims for e in c.entities]


@pytest.mark.parametrize("sentence", [
    "Women made up 58.3% of the 184,302 participants.",
    "Participants were followed for a median of 8.4 years.",
    "People aged 60 to 79 were enrolled in 2012.",
    "Passengers were kept on board for 40 minutes.",
    "Use for less than one year was not associated with a higher risk.",
])
def test_an_ordinary_first_word_is_no_name(ruleset: RuleSet, sentence: str) -> None:
    claims = _claims(ruleset, sentence)
    normed = normalise_document("page", claims, ruleset.lexicon, "Page\n\n" + sentence + "\n")
    first = sentence.split()[0].lower()
    assert not any(e.endswith(":" + first) for n in normed for e in n.entities)


def _quantities(ruleset: RuleSet, sentence: str) -> list[tuple[str, float, str | None,
                                                              str | None, str]]:
    return [(q.text, round(q.value, 3), q.unit, q.noun, q.kind)
            for c in _claims(ruleset, sentence) for q in c.quantities]


def test_a_confidence_interval_told_in_words(ruleset: RuleSet) -> None:
    found = _quantities(ruleset, "PPI use was linked to a hip fracture hazard ratio of 1.28, "
                                 "with a 95% confidence interval of 1.07 to 1.40.")
    assert ("95% confidence interval of 1.07 to 1.40", 1.235, "x", "confidence interval",
            "ratio") in found
    assert not any(q[0] == "95%" for q in found)  # no percentage of 95


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The 2,794-metre runway reopened at 23:50.", ("2,794-metre", 2794.0, "m", "runway")),
    ("A 40-foot section of the bridge collapsed on Monday.",
     ("40-foot", 12.192, "m", "section")),
    ("The 3.5-tonne truck overturned on the A1.", ("3.5-tonne", 3500.0, "kg", "truck")),
])
def test_a_measure_written_before_what_it_measures(ruleset: RuleSet, sentence: str,
                                                   figure: tuple[str, float, str, str]) -> None:
    assert (*figure, "measure") in _quantities(ruleset, sentence)


def test_a_distance_counts_no_preposition(ruleset: RuleSet) -> None:
    # "40 metres beyond" / "40 feet past": the nouns "beyond" and "past" kept them apart
    for sentence in ("The plane came to rest about 40 metres beyond the end of the runway.",
                     "The plane stopped about 40 feet past the end of the runway."):
        assert [q[3] for q in _quantities(ruleset, sentence)] == [None]


@pytest.mark.parametrize(("sentence", "text", "start", "end"), [
    ("The unemployment rate was 4.6% in Quarter 1 2026.", "Quarter 1 2026", "2026-01-01",
     "2026-03-31"),
    ("Employment for Quarter 4 2025 was revised up by 5,200.", "Quarter 4 2025",
     "2025-10-01", "2025-12-31"),
])
def test_a_statistics_offices_quarter(ruleset: RuleSet, sentence: str, text: str, start: str,
                                      end: str) -> None:
    claim = _claims(ruleset, sentence)[0]
    assert [(d.text, d.start, d.end, d.granularity) for d in claim.dates] == \
        [(text, start, end, "quarter")]
    assert claim.entities == []  # no name "Quarter 1 2026"


@pytest.mark.parametrize(("sentence", "feature"), [
    ("Long-term use was linked to a hazard ratio of 1.28, with a 95% confidence interval of "
     "1.07 to 1.40.", "sentiment"),
    ("Consumer confidence fell to 92.1 in May.", "sentiment"),
    ("Follow-up ended on 31 March 2024.", "advice"),
])
def test_measured_words_are_no_feeling_nor_advice(ruleset: RuleSet, sentence: str,
                                                  feature: str) -> None:
    claim = _claims(ruleset, sentence)[0]
    assert feature not in claim.features
    assert claim.score >= 0.5


def test_a_feeling_is_still_one(ruleset: RuleSet) -> None:
    claim = _claims(ruleset, "The minister said she had confidence in the plan.")[0]
    assert "sentiment" in claim.features


@pytest.mark.parametrize(("sentence", "source"), [
    ("Wheat futures rose 2.1% in Chicago, traders said.", "traders"),
    ("Employment in construction fell during the quarter, the figures showed.", "figures"),
    ("Inflation rose to 3.1% in May, data showed.", "data"),
])
def test_tellers_of_a_market_and_a_release(ruleset: RuleSet, sentence: str,
                                           source: str) -> None:
    claim = _claims(ruleset, sentence)[0]
    assert claim.attribution is not None and claim.attribution.source == source
    assert claim.modality == "reported"


def test_a_cause_is_a_fact_to_check(ruleset: RuleSet) -> None:
    # the investigators' hedged cause scored 0.45 and was dropped
    claim = _claims(ruleset, "A tailwind and poor braking action may have contributed to the "
                             "excursion, NSIA director Kari Holm said.")[0]
    assert claim.score >= 0.5 and claim.modality == "hedged"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The incidence of hip fracture was 2.1 per 1,000 person-years among non-users.",
     ("2.1 per 1,000 person-years", 0.0021, "per person-year", None)),
    ("The region recorded 14.2 deaths per 100,000 people in 2024.",
     ("14.2 deaths per 100,000 people", 0.000142, "per person", "deaths")),
    ("Infant mortality was 12 per 1,000 live births in 2023.",
     ("12 per 1,000 live births", 0.012, "per birth", None)),
])
def test_a_rate_of_a_population(ruleset: RuleSet, sentence: str,
                                figure: tuple[str, float, str, str | None]) -> None:
    # a count of 2.1 and a count of 1,000 before
    found = [(q.text, round(q.value, 7), q.unit, q.noun) for c in _claims(ruleset, sentence)
             for q in c.quantities if q.kind == "measure"]
    assert figure in found


@pytest.mark.parametrize(("sentence", "name"), [
    # a review: new sentence starters cut the head off names that open a sentence
    ("Wind Energy Ireland said wind farms supplied 41% of the country's electricity in April.",
     "Wind Energy Ireland"),
    ("Passengers Association chair Tom Ward said 40% of flights were late in May.",
     "Passengers Association"),
])
def test_a_names_first_word_stays(ruleset: RuleSet, sentence: str, name: str) -> None:
    assert name in [e.text for c in _claims(ruleset, sentence) for e in c.entities]


@pytest.mark.parametrize(("sentence", "noun"), [
    ("The board appointed three outside directors on Monday, the company said.", "directors"),
    ("Two inside sources said the deal was worth $4 billion.", "sources"),
])
def test_inside_and_outside_count_their_noun(ruleset: RuleSet, sentence: str,
                                             noun: str) -> None:
    assert noun in [q.noun for c in _claims(ruleset, sentence) for q in c.quantities]


@pytest.mark.parametrize("line", [
    "Contact: Labour Market Statistics section | Press office: see Contact page",
    "Press office: +353 1 498 4000 | Media enquiries: media@cso.example",
    "Data: CME Group, Euronext. Prices are delayed by at least 10 minutes.",
])
def test_a_releases_contact_and_a_data_notice_are_furniture(ruleset: RuleSet,
                                                             line: str) -> None:
    # desk probe Q: a claim of four names, and a claim of 10 minutes
    assert _claims(ruleset, "Unemployment was 4.6% in the first quarter.\n" + line) and \
        all("Contact" not in c.text and "delayed" not in c.text
            for c in _claims(ruleset, "Unemployment was 4.6% in the first quarter.\n" + line))


@pytest.mark.parametrize(("sentence", "band"), [
    ("Unemployment among 15 to 24-year-olds rose to 14.1%.", ("15 to 24-year-olds", 15, 24)),
    ("Unemployment among 15- to 24-year-olds rose to 14.1%.",
     ("15- to 24-year-olds", 15, 24)),
    ("Unemployment among 15-24 year olds rose to 14.1%.", ("15-24 year olds", 15, 24)),
    ("The rate among 18-to-24-year-olds fell to 9% in May.",
     ("18-to-24-year-olds", 18, 24)),
])
def test_an_age_band_is_an_age_range(ruleset: RuleSet, sentence: str,
                                     band: tuple[str, int, int]) -> None:
    # "15 to 24-year-olds" was a count of 15 (and "18-to-24-year-olds" no figure), as
    # "aged 15 to 24" is a range of ages
    found = [(q.text, q.low, q.high, q.unit, q.noun, q.bound)
             for c in _claims(ruleset, sentence) for q in c.quantities]
    assert (*band, "year", "age", "range") in found
    assert not any(q[0] in ("15", "18") for q in found)
