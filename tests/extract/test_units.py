"""Claim units: a sentence with several facts becomes several claims, each keeping the
sentence as its quote."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.extract.units import claim_units
from checker.rules import RuleSet

ROWS: list[tuple[str, list[str]]] = [
    ("This marks the highest quarterly sales ever, and it is the first time SMIC's sales "
     "have surpassed $2 billion.",
     ["This marks the highest quarterly sales ever",
      "it is the first time SMIC's sales have surpassed $2 billion."]),
    ("The company's third-quarter sales were $526.30 million, a 7.4% decrease, but net "
     "profit turned positive at $22.91 million.",
     ["The company's third-quarter sales were $526.30 million, a 7.4% decrease",
      "net profit turned positive at $22.91 million."]),
    ("The CPEC is a critical part of the Belt and Road Initiative, and, under the CPEC, "
     "China has invested billions of dollars into Pakistan.",
     ["The CPEC is a critical part of the Belt and Road Initiative",
      "under the CPEC, China has invested billions of dollars into Pakistan."]),
    ("Sales rose 5% in Asia; profits fell 3% in Europe.",
     ["Sales rose 5% in Asia", "profits fell 3% in Europe."]),
    ("Broadband users nearly doubled between 2019 and 2024, and that number continues to "
     "climb.", ["Broadband users nearly doubled between 2019 and 2024",
                "that number continues to climb."]),
    # a telling joined to a denial is its own unit (a desk probe: "did not admit
    # wrongdoing and said it would appeal" was negative whole)
    ("Castellan Labs did not admit wrongdoing and said it would appeal the verdict.",
     ["Castellan Labs did not admit wrongdoing", "said it would appeal the verdict."]),
    ("Castellan Labs admitted wrongdoing and said it would appeal the verdict.", None),
    # kept whole
    ("Operating profit was $169.89 million, and net profit was $148.80 million, representing "
     "increases of 94.4% and 58.3%, respectively.", None),
    ("ITCN Asia is one of Pakistan's largest annual technology exhibitions, drawing local "
     "investors, and is being used this year to project readiness.", None),  # one subject
    ("Trade grew between China, Pakistan, and India during the period under review.", None),
    ("\u201cWe are glad to see it,\u201d he said, and the minister left the room after it.",
     None),  # a quote stays whole
    ("He was born in 1950 and died in 2020.", None),
    ("Prices rose, and fell.", None),  # too short to stand alone
    ("They included a long-range HQ-9 system with around 70 missiles, some 200 medium-range "
     "LY-80s, and about 890 low-altitude portable FN-6 missiles.", None),  # a list
    # an amount that starts a clause with a verb of its own is a fact, not a list item: the
    # first clause's "never" is not its polarity
    ("Police said the factory was never inspected, and 14 workers died in the fire.",
     ["Police said the factory was never inspected", "14 workers died in the fire."]),
    ("The army said 30 soldiers were killed, and 20 more were injured in the attack.",
     ["The army said 30 soldiers were killed", "20 more were injured in the attack."]),
    ("It sold 70 tanks to Egypt, and 200 armoured cars to Nigeria.", None),  # no verb
    ("Some 5,000 people marched in Lahore, and 300 people attended a rally in Karachi.",
     ["Some 5,000 people marched in Lahore", "300 people attended a rally in Karachi."]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_units(text: str, expected: list[str] | None) -> None:
    assert [text[a:b] for a, b in claim_units(text, 0, len(text))] == (expected or [text])


def test_split_claims_keep_their_sentence_as_quote(ruleset: RuleSet) -> None:
    text = ("Intro: SMIC sold chips. Sales rose 5% in Asia in 2024; profits fell 3% in "
            "Europe in 2024.")
    claims = extract_text(text, "d", ruleset.lexicon, threshold=0.0).claims
    sentence = text.index("Sales"), len(text)
    split = [c for c in claims if c.quote is not None]
    assert [c.text for c in split] == ["Sales rose 5% in Asia in 2024",
                                       "profits fell 3% in Europe in 2024."]
    assert all(c.quote == sentence for c in split)
    assert all(text[c.span[0]:c.span[1]] == c.text for c in claims)
    assert [c.quote for c in claims if c.text.startswith("Intro")] == [None]


def test_split_claims_have_their_own_attribution_and_hedges(ruleset: RuleSet) -> None:
    text = ("Exports rose 5% in March, the ministry said, while imports fell 3% in April, "
            "according to customs data. Sales rose 5% in Asia in 2024; profits may have "
            "fallen 3% in Europe in 2024.")
    claims = extract_text(text, "d", ruleset.lexicon, threshold=0.0).claims
    got = [(c.text.split()[0], c.attribution.source if c.attribution else None, c.modality)
           for c in claims]
    assert got == [("Exports", "ministry", "reported"), ("imports", "customs data", "reported"),
                   ("Sales", None, "asserted"), ("profits", None, "hedged")]


@pytest.mark.parametrize(("text", "triple"), [
    ("China is a member of the International Space Station.", ("china", "member-of", "iss")),
    ("A Pakistani astronaut is scheduled to go to Tiangong.",
     ("A Pakistani astronaut", "is scheduled", "to go to Tiangong")),
    ("The fourth-generation JF-17 was jointly developed by Pakistan Aeronautical Complex.",
     ("JF-17", "was developed", "by Pakistan Aeronautical Complex")),
    ("SMIC's factory utilization rate was 90.4%.",
     ("SMIC's factory utilization rate", "was", "90.4%")),
    # a participle between a figure and its noun describes the noun (desk probe C:
    # "planned" was the predicate of "More than 4,000 planned surgeries have been postponed")
    ("More than 4,000 planned surgeries have been postponed because of the strike.",
     ("More than 4,000 planned surgeries", "have been postponed", "because of the strike")),
    ("About 200 injured people were treated at the scene.",
     ("About 200 injured people", "were treated", "at the scene")),
    ("Some 300 gathered outside the court on Monday.",
     ("Some 300", "gathered", "outside the court on Monday")),
])
def test_triples(ruleset: RuleSet, text: str, triple: tuple[str, str, str]) -> None:
    [claim] = extract_text(text, "d", ruleset.lexicon, threshold=0.0).claims
    assert claim.triple is not None
    assert (claim.triple.subject, claim.triple.predicate, claim.triple.object) == triple
