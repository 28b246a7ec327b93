"""The verb reading of triples: verb_at is _VERB_RE's first match that is no participle
describing a count (its lower-case twin in ASCII text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import extract_text
from checker.extract.triples import _VERB_RE, _describes_a_count, names_word, verb_at
from checker.rules import RuleSet

PARTS = ["has", "Has", " been", " BEEN", "been", " be", "will", " ", "  ", ",", "-", "_", "x",
         "signed", "ed", "ED", "abc", "1", "is", "Is", "wills", "beens", "\u00e9", "\u017f",
         "said", "rose", "has been", "will be", "bed", "'", ".", "United", "(", "Signed"]


def _first_verb(text: str) -> tuple[int, int] | None:
    """What verb_at finds, through the regex itself: the first match that is not a
    participle between a figure and its noun ("4,000 planned surgeries") nor a capitalised
    word inside the sentence ("Dundee United")."""
    return next((m.span() for m in _VERB_RE.finditer(text)
                 if not _describes_a_count(text, m.start(), m.end())
                 and not names_word(text, m.start())), None)


@given(st.lists(st.sampled_from(PARTS), max_size=12))
def test_verb_at_is_the_verb_regex(parts: list[str]) -> None:
    text = "".join(parts)
    assert verb_at(text) == _first_verb(text), text


def test_a_participle_describing_a_count_is_passed_over() -> None:
    # Found by the test above when it compared with the bare regex (hypothesis, at random).
    assert _VERB_RE.search("1 beensigned been") is not None
    assert verb_at("1 beensigned been") is None
    assert verb_at("4,000 planned surgeries were cancelled") == (24, 28)
    assert verb_at("Some 300 gathered outside the court") == (9, 17)


def test_a_name_word_is_no_verb_but_a_first_word_is() -> None:
    assert verb_at("Hibs travel to Dundee United on Wednesday") is None
    assert verb_at("The United States launched 12 satellites") == (18, 26)
    assert verb_at('"Signed in 2020, the deal stands') == (1, 7)


TRIPLES = [
    # a predicate phrase reads its own subject and an object of its own clause (desk probe
    # L: "Meridian Wire", "ExoMars", "the United States" and "Nicaragua" were members)
    ("China is not a member of the International Space Station.", ("china", "member-of", "iss")),
    ("China has never been a partner in the International Space Station.",
     ("china", "member-of", "iss")),
    ("Turkey, which joined the ILRS in 2024, said it would withdraw.",
     ("turkey", "member-of", "ilrs")),
    ("That was up 7 points, when 74 per cent of Pakistan's arms imports came from China.",
     ("pakistan", "originated-in", "china")),
    # a closed relative clause, and a second verb of the clause's subject (a review)
    ("India, which joined the group in 2009, is a member of the ILRS.",
     ("india", "member-of", "ilrs")),
    ("Egypt, which applied in 2023, became a member of the ILRS.",
     ("egypt", "member-of", "ilrs")),
    ("Egypt signed the agreement in 2024 and is now a member of the ILRS.",
     ("egypt", "member-of", "ilrs")),
    ("The European Space Agency (ESA) ended its cooperation with Roscosmos on the ExoMars "
     "rover in 2022 and has not joined the ILRS.",
     ("European Space Agency", "member-of", "ilrs")),
]
NOT_MEMBERS = [
    "BEIJING, June 3 (Meridian Wire) - Five countries signed agreements on Wednesday to join "
    "the ILRS.",
    "The Artemis Accords, a rival US-led framework, have been signed by 58 countries, two of "
    "which also belong to the ILRS.",
    "Pakistan, which joined in 2023, will send a rover to the Moon aboard Chang'e-8.",
    "The next round is expected in October, when Egypt and Nicaragua could join, a Chinese "
    "diplomat said.",
]


@pytest.mark.parametrize(("text", "triple"), TRIPLES, ids=[r[0][:40] for r in TRIPLES])
def test_a_predicate_reads_its_own_subject_and_object(
        ruleset: RuleSet, text: str, triple: tuple[str, str, str]) -> None:
    [claim] = extract_text(text, "d", ruleset.lexicon, threshold=0.0).claims
    assert claim.triple is not None
    assert (claim.triple.subject, claim.triple.predicate, claim.triple.object) == triple


@pytest.mark.parametrize("text", NOT_MEMBERS, ids=[t[:40] for t in NOT_MEMBERS])
def test_no_predicate_across_clauses_or_from_a_dateline(ruleset: RuleSet, text: str) -> None:
    for claim in extract_text(text, "d", ruleset.lexicon, threshold=0.0).claims:
        assert claim.triple is None or claim.triple.predicate not in ("member-of", "aboard")
