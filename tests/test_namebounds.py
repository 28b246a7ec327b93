"""Where a name ends (checker.namebounds): names joined by "and", two names or one, and
datelines with a dash; what find_entities makes of them."""

from __future__ import annotations

import pytest

from checker.namebounds import coordinated_parts
from checker.rules import load_rules


def names(text: str) -> list[str]:
    builtin, errors = load_rules([])
    assert not errors
    return [m.text for m in builtin.lexicon.find_entities(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a dateline's place is its own name at most, never with the next word (desk probe P2)
    ("LUSAKA - A cholera case had been confirmed in Lusaka, the hospital said.",
     ["LUSAKA", "Lusaka"]),
    ("KITWE - Forty-eight people have died.", ["KITWE"]),
    ("KITWE - 42 people have died.", ["KITWE"]),
    ("KITWE \u2013 Forty-eight people have died.", ["KITWE"]),
    ("KITWE \u2014 Forty-eight people have died.", ["KITWE"]),
    ("KITWE, Zambia (Reuters) - Forty people died.", ["KITWE", "Zambia", "Reuters"]),
    # the comma dateline as before
    ("LIMA, Oct 18 (Reuters) - A magnitude 7.1 earthquake struck southern Peru on Saturday.",
     ["LIMA", "Reuters", "Peru"]),
    # an unspaced hyphen still joins a name
    ("Chang-e 8 will land in 2028.", ["Chang-e 8"]),
    ("Pakistan flew the JF-17 on Monday.", ["Pakistan", "JF-17"]),
])
def test_a_dash_dateline_is_no_part_of_a_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # two places joined by "and" are two names (desk probe P3)
    ("Most cases were recorded in the mining towns of Kitwe and Ndola.", ["Kitwe", "Ndola"]),
    ("Moquegua and Tacna were hit.", ["Moquegua", "Tacna"]),
    ("In Kitwe and Ndola, schools closed.", ["Kitwe", "Ndola"]),
    ("Cases rose in Kitwe and Ndola and Chingola.", ["Kitwe", "Ndola", "Chingola"]),
    ("He met Smith and Jones.", ["Smith", "Jones"]),
    ("Chang-e 8 and JF-17 flew.", ["Chang-e 8", "JF-17"]),
    ("Trinidad and Tobago and Jamaica voted.", ["Trinidad and Tobago", "Jamaica"]),
    # names with "and" in them stay one
    ("He visited Trinidad and Tobago.", ["Trinidad and Tobago"]),
    ("Procter and Gamble said sales rose.", ["Procter and Gamble"]),
    ("Shares of Marks and Spencer rose.", ["Marks and Spencer"]),
    ("The Ministry of Science and Technology said.", ["Ministry of Science and Technology"]),
    ("It met the Department of Health and Human Services.",
     ["Department of Health and Human Services"]),
    ("Bosnia and Herzegovina voted.", ["Bosnia and Herzegovina"]),
    # an acronym is a name of its own (a probe: "the RMT and Network Rail" was one entity)
    ("Talks between the RMT and Network Rail failed.", ["RMT", "Network Rail"]),
    ("Talks between the ILO and World Bank ended.", ["ILO", "World Bank"]),
    ("The Ministry of Science and ICT said.", ["Ministry of Science and ICT"]),
    # two names of two words each are two (desk probe O: "Virat Kohli and Shreyas Iyer" one)
    ("Virat Kohli and Shreyas Iyer added 120 runs.", ["Virat Kohli", "Shreyas Iyer"]),
    ("The Royal Society and British Academy said so.", ["Royal Society", "British Academy"]),
    ("He joined the Food and Drug Administration.", ["Food and Drug Administration"]),
    ("The Food and Drug Administration approved it.", ["Food and Drug Administration"]),
    ("The Royal Society and The British Academy said so.",
     ["Royal Society", "British Academy"]),
    ("Data from the National Oceanic and Atmospheric Administration showed it.",
     ["National Oceanic and Atmospheric Administration"]),
    ("Harvard University and Stanford University ranked 4th and 6th.",
     ["Harvard University", "Stanford University"]),
    ("The road between Alder Creek and Pine Flat is closed.", ["Alder Creek", "Pine Flat"]),
    ("First Citizens Bank and Trust Company raised its dividend.",  # a review
     ["First Citizens Bank and Trust Company"]),
    ("The Department of Health and Social Care said.",
     ["Department of Health and Social Care"]),
    # a body's name ends at its head word (desk probe R: one name, in the CMA's place)
    ("It needs the Competition and Markets Authority and Brussels to sign off.",
     ["Competition and Markets Authority", "Brussels"]),
    ("The Food and Drug Administration and NASA agreed.",
     ["Food and Drug Administration", "NASA"]),
])
def test_names_joined_by_and(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def _skip(word: str) -> bool:
    return word.lower() in {"in", "the"}


@pytest.mark.parametrize(("words", "known", "expected"), [
    ("Kitwe and Ndola", (), [(0, 1), (2, 3)]),
    ("In Kitwe and Ndola", (), [(0, 2), (3, 4)]),
    ("Kitwe and Ndola and Chingola", (), [(0, 1), (2, 3), (4, 5)]),
    ("Trinidad and Tobago", (), [(0, 3)]),
    ("Marks and Spencer and Tesco", (), [(0, 3), (4, 5)]),
    ("Ministry of Science and Technology", (), [(0, 5)]),
    ("Space and Upper Atmosphere Research Commission", (), [(0, 6)]),
    # a part of several words splits off when it is a known name
    ("New Kitwe and Ndola", ("New Kitwe",), [(0, 2), (3, 4)]),
    ("Kitwe and Ndola", ("Kitwe and Ndola",), [(0, 3)]),  # a known name whole
    ("Kitwe", (), [(0, 1)]),
    ("Kitwe and", (), [(0, 2)]),
    ("RMT and Network Rail", (), [(0, 1), (2, 4)]),
    ("The RMT and Network Rail", (), [(0, 2), (3, 5)]),
    ("U.S. and China", (), [(0, 1), (2, 3)]),
])
def test_coordinated_parts(words: str, known: tuple[str, ...],
                           expected: list[tuple[int, int]]) -> None:
    assert coordinated_parts(words.split(), _skip, lambda n: n in known) == expected
