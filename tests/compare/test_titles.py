"""Who holds a title only one can hold (`compare.titles`): two holders of one title are
two answers to one question."""

from __future__ import annotations

import pytest

from checker.compare.titles import holders_clash, titles
from checker.rules import RuleSet
from tests.compare.pairs import on_page, page_verdict


def _verdict(ruleset: RuleSet, a: str, b: str) -> tuple[str, str | None]:
    return page_verdict(ruleset, a, b, "2026-07-14", "2026-07-15")


def _titles(ruleset: RuleSet, text: str) -> dict[tuple[str, str], tuple[str, str]]:
    return {k: (t.holder, t.where) for k, t in titles(on_page(ruleset, text, "a",
                                                            "2026-07-14")).items()}


@pytest.mark.parametrize(("text", "found"), [
    ("Tunisia overtook Libya as the main departure point, the ministry said.",
     {("main", "departur point"): ("tunisia", "")}),
    ("Libya remained the main departure point for boats reaching Italy.",
     {("main", "departur point"): ("libya", "for boat reach itali")}),
    ("Nationals of Bangladesh were the largest group among arrivals in June.",
     {("largest", "group"): ("bangladesh", "among arriv")}),
    # no one holder right before the verb
    ("Tunisia and Libya were the main departure points in June.", {}),
    ("The main departure point was Libya, the ministry said.", {}),
])
def test_a_title_and_its_holder(ruleset: RuleSet, text: str,
                                found: dict[tuple[str, str], tuple[str, str]]) -> None:
    assert _titles(ruleset, text) == found


def test_two_holders_of_one_title(ruleset: RuleSet) -> None:
    # desk probe R's planted conflict, never compared
    assert _verdict(ruleset, "Tunisia overtook Libya as the main departure point, "
                    "accounting for 54% of arrivals, the ministry said.", "Libya remained the "
                    "main departure point for boats reaching Italy, the ministry's data "
                    "show.") == ("conflict", "value")
    # one holder: no clash
    assert _verdict(ruleset, "Libya was the main departure point for boats, the ministry "
                    "said.", "Libya remained the main departure point for boats reaching "
                    "Italy.")[0] != "conflict"


def test_titles_of_two_places_or_times_are_two(ruleset: RuleSet) -> None:
    def clash(a: str, b: str) -> str | None:
        return holders_clash(titles(on_page(ruleset, a, "a", "2026-07-14")),
                             titles(on_page(ruleset, b, "b", "2026-07-14")))

    assert clash("Germany is the largest economy in Europe.",
                 "Nigeria is the largest economy in Africa.") is None
    assert clash("Germany is the largest economy in Europe.",
                 "France is the largest economy.") is not None
    # told at two times, no conflict
    assert _verdict(ruleset, "Germany was the largest exporter of cars in 2019.",
                    "China is the largest exporter of cars, customs data show.")[0] != \
        "conflict"
