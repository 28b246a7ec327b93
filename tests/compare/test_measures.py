"""measures: figures of two measures of one entity are two facts (an editor's probe found
error-level conflicts between "maize harvest" and "wheat harvest", "revenue" and "operating
profit")."""

from __future__ import annotations

import re

import pytest

from checker.compare.measures import measures_differ, measures_of
from checker.nlp import word_stem
from checker.rules import RuleSet
from tests.compare.pairs import verdict


@pytest.mark.parametrize(("text", "expected"), [
    ("Zambia's maize harvest fell by about 50% in 2023", {"harvest": {"maiz"}}),
    ("Tesco's operating profit rose to £2.8bn", {"profit": {"oper"}}),
    ("Apple posted record revenue of $119.6 billion", {"revenu": set()}),
    # A period, an owner, a name or a past form qualifies no measure.
    ("Nvidia's fourth-quarter revenue was $18.1 billion", {"revenu": set()}),
    ("China exports rose 7.6 percent", {"export": set()}),
    ("Nvidia reported revenue of $22.1 billion", {"revenu": set()}),
    # Words used alike are one measure; a result and its opposite are one.
    ("Sales rose, turnover fell, earnings and losses grew", {"revenu": set(), "profit": set()}),
    ("German consumer prices rose 2.2 percent", {"price": {"consum"}}),
    ("Import prices rose", {"import": set(), "price": {"import"}}),
    ("Weaker home sales", {"revenu": set()}),
    ("Germany's inflation rate eased to 2.2 percent", {"price": set()}),
    ("The ministry said 84 of 116 districts were affected", {}),
])
def test_measures_of(text: str, expected: dict[str, set[str]]) -> None:
    assert measures_of(text, _stems(text)) == {k: frozenset(v) for k, v in expected.items()}


def test_a_measure_word_in_a_name_is_no_measure() -> None:
    text = "Inland Revenue said wheat prices rose"
    assert measures_of(text, _stems(text) - {word_stem("revenue")}) == {
        "price": frozenset({"wheat"})}


def _stems(text: str) -> frozenset[str]:
    """The frame of a text, roughly: every word's stem."""
    return frozenset(word_stem(w.lower()) for w in re.findall(r"[A-Za-z]+", text))


def _differ(a: str, b: str) -> bool:
    return measures_differ(measures_of(a, _stems(a)), measures_of(b, _stems(b)), _stems(a),
                           _stems(b))


def test_measures_differ() -> None:
    assert _differ("Zambia's maize harvest fell", "Zambia's wheat harvest fell")
    assert _differ("Tesco's annual revenue rose", "Tesco's operating profit rose")
    assert _differ("China's exports rose", "China's imports rose")
    assert _differ("Core inflation eased to 3%", "Headline inflation eased to 2%")
    assert _differ("Operating profit rose to $2bn", "Net profit rose to $1bn")
    assert _differ("The budget deficit widened", "The trade deficit widened")
    assert _differ("Import prices rose 2%", "Export prices rose 2%")
    assert _differ("Quarterly profit rose to $2bn", "Annual profit rose to $8bn")
    # goods of trade (a review: tariffs on steel and on lumber imports conflicted)
    assert _differ("Tariffs of 25% on steel imports", "Tariffs of 10% on lumber imports")
    assert _differ("Aluminium exports fell", "Car exports fell")
    assert not _differ("Timber imports fell", "Lumber imports fell")
    assert not _differ("Auto exports fell", "Vehicle exports fell")
    # One measure, qualified on one side only, by words used alike, or by no kind at all
    # (a review's pairs: "home" / "house" prices, "defence" / "military" spending).
    assert not _differ("Zambia's maize harvest fell", "Zambia's harvest fell")
    assert not _differ("Zambia's maize harvest fell", "the maize crop in Zambia fell")
    assert not _differ("Boeing reported a loss", "Boeing reported a profit")
    assert not _differ("Aramco's net profit was", "Aramco made a net income of")
    assert not _differ("Home prices rose 5%", "House prices rose 5%")
    assert not _differ("Defence spending rose", "Military spending rose")
    assert not _differ("Oil exports fell", "Crude exports fell")
    assert not _differ("Public debt rose", "Government debt rose")
    assert not _differ("Weaker profit of $2bn", "Net profit of $2bn")
    assert not _differ("Import prices rose 2%", "Prices of imports rose 2%")
    # A claim that names no measure is no evidence of two.
    assert not _differ("Tesco's revenue rose", "Tesco said figures rose")


PUBLISHED = "2024-03-01"


def _verdict(ruleset: RuleSet, a_text: str, b_text: str) -> tuple[str, str | None]:
    return verdict(ruleset, a_text, b_text, PUBLISHED, PUBLISHED)


def test_figures_of_two_measures_are_no_conflict(ruleset: RuleSet) -> None:
    assert _verdict(ruleset, "Zambia's maize harvest fell by about 50% in 2023, officials said.",
                    "Zambia's wheat harvest fell by 20% in 2023, officials said.")[0] \
        == "unrelated"
    assert _verdict(ruleset, "Tesco reported a 12% rise in annual revenue to £68.2bn.",
                    "Tesco's operating profit rose to £2.8bn.")[0] == "unrelated"


def test_figures_of_one_measure_still_conflict(ruleset: RuleSet) -> None:
    assert _verdict(ruleset, "Zambia's maize harvest fell by about 50% in 2023, officials said.",
                    "Zambia's maize harvest fell by 20% in 2023, officials said.") \
        == ("conflict", "number")


def test_fates_of() -> None:
    from checker.compare.measures import fates_differ, fates_of

    def fates(text: str) -> frozenset[str]:
        return fates_of(_stems(text))

    assert fates("The quake killed 40 people and injured 300") == {"killed", "injured"}
    assert fates("The death toll rose to 52") == {"killed"}
    assert fates("Rescue teams pulled 87 people alive from the rubble") == {"rescued"}
    # an obituary's family survives no disaster (the FEVER dev set's Mozart: his two sons
    # were no count of the rescued)
    assert fates_of(_stems("He was survived by his wife and two sons"),
                    "He was survived by his wife and two sons") == frozenset()
    assert fates_of(_stems("12 survivors were rescued, survived by none"),
                    "12 survivors were rescued, survived by none") == {"rescued"}
    assert fates_differ(fates("injured 300 people"), fates("killed 40 people"))
    assert not fates_differ(fates("killed 40 and injured 300"), fates("killed 40 people"))
    assert not fates_differ(fates("killed 40 people"), fates("40 people were on board"))
    # people who landed are arrivals, not those a centre holds (desk probe R's 61 pages: an
    # error); "land" the noun is no arrival
    for text, found in (("In June, 8,750 people landed on Italian shores", {"arrived"}),
                        ("Arrivals reached 31,420 in the first half", {"arrived"}),
                        ("The two centres held fewer than 200 people", set()),
                        ("The company bought 40 hectares of land", set())):
        assert fates_of(_stems(text), text) == found


@pytest.mark.parametrize(("a", "b"), [
    ("The earthquake in Tarsa province injured 300 people.",
     "The earthquake in Tarsa province killed 40 people."),
    ("At least 300 people were injured in the earthquake in Tarsa province.",
     "At least 40 people were killed in the earthquake in Tarsa province."),
    ("Rescue teams have pulled 87 people alive from the rubble in Tarsa province.",
     "The earthquake in Tarsa province killed 40 people."),
])
def test_people_of_two_fates_are_two_facts(ruleset: RuleSet, a: str, b: str) -> None:
    # a desk probe: error-level conflicts ("a says 300, b says 40") and a corroboration
    assert _verdict(ruleset, a, b)[0] == "unrelated"


def test_people_of_one_fate_still_conflict(ruleset: RuleSet) -> None:
    assert _verdict(ruleset, "The earthquake in Tarsa province killed 40 people on Monday.",
                    "The earthquake in Tarsa province killed 90 people on Monday.") \
        == ("conflict", "number")
