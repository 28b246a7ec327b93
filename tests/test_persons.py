"""Who a leading "she" or "his" may stand for (`checker.persons`, `subjects.PageSubjects`)."""

from __future__ import annotations

import pytest

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.persons import not_a_person, person_name, personal_pronoun
from checker.rules import RuleSet


@pytest.mark.parametrize(("name", "person", "surely_not"), [
    ("Rachel Denholm", True, False),
    ("Alan Brookes", True, False),
    ("Denholm", False, False),            # maybe a person: not surely no one
    ("YouGov", False, True),              # camel case
    ("IPSA", False, True),                # an acronym
    ("MPs", False, True),
    ("Mercia Building Society", False, True),
    ("Independent Parliamentary Standards Authority", False, True),
])
def test_person_names(ruleset: RuleSet, name: str, person: bool, surely_not: bool) -> None:
    eid = ruleset.lexicon.entity_id(name)
    assert person_name(name, eid, ruleset.lexicon) is person
    assert not_a_person(name, eid, ruleset.lexicon) is surely_not


def test_a_country_is_no_person(ruleset: RuleSet) -> None:
    assert not_a_person("China", "china", ruleset.lexicon)


@pytest.mark.parametrize(("text", "personal"), [
    ("She won her seat.", True), ("His majority was 4,312.", True),
    ("It was founded in 1990.", False), ("Her", True), ("Shell rose 2%.", False),
])
def test_personal_pronouns(text: str, personal: bool) -> None:
    assert personal_pronoun(text) is personal


PAGE = ("Rachel Denholm quit as housing minister on 14 October over her expenses claims.\n"
        "Priya Nandra will take over the role, Downing Street said on Tuesday.\n"
        "Denholm's own business costs totalled £212,000 in 2024-25, IPSA records show.\n"
        "Seventy-one percent of voters told YouGov last month that the rules were too lax.\n"
        "She won her seat with a majority of 4,132 at the last election.\n"
        "A YouGov survey published in September found that 71 per cent of voters agreed.\n"
        "Her majority at the last general election was 4,312.\n")


def test_she_is_the_last_person_named_not_a_pollster(ruleset: RuleSet) -> None:
    # desk probe S: both pages' "Her majority" / "She won her seat" were YouGov's
    cf = extract_text(PAGE, "a", ruleset.lexicon, DocumentMeta(published="2026-10-15"),
                      threshold=0.0)
    claims = normalise_document("a", cf.claims, ruleset.lexicon, PAGE, "2026-10-15")
    of = {c.text.split()[0]: c.entities for c in claims}
    assert "name:rachel-denholm" in of["She"] and "name:yougov" not in of["She"]
    assert "name:rachel-denholm" in of["Her"] and "name:yougov" not in of["Her"]


COACH_PAGE = (
    "The Manchester Thunderbolts have sacked head coach Dario Kessler after a season in "
    "which they finished ninth.\n"
    "The London Lions won the regular-season title with a 28-4 record, their third in four "
    "years.\n"
    "Kessler did not comment on his departure.\n"
    "He is the third Super League coach to lose his job this season.\n")


def test_a_person_named_in_full_though_no_subject(ruleset: RuleSet) -> None:
    # desk probe T: "He" stood for the London Lions (the last subject), as "Kessler did not
    # comment" (a sentence under the threshold) was no one's: the coach, named in full in
    # the first sentence, was not its subject
    cf = extract_text(COACH_PAGE, "a", ruleset.lexicon,
                      DocumentMeta(published="2026-05-12"))
    claims = normalise_document("a", cf.claims, ruleset.lexicon, COACH_PAGE, "2026-05-12")
    he = next(c for c in claims if c.text.startswith("He "))
    assert "name:dario-kessler" in he.entities
    assert "name:london-lions" not in he.entities
