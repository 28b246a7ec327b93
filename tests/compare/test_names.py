"""Shorter forms of longer unknown names, and the verdicts they make possible."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.evaluate import Pair, predict
from checker.names import longer_names
from checker.normclaim import NormClaim
from checker.rules import RuleSet


def _claim(*entities: str) -> NormClaim:
    return NormClaim(doc="d", claim_id="c", text="", span=(0, 0), entities=frozenset(entities),
                     mentions=(), tokens=frozenset(), frame=(), predicates=(), quantities=(),
                     dates=(), polarity="positive", modality="asserted", correction=False)


@pytest.mark.parametrize(("names", "expected"), [
    (["name:harold-macmillan", "name:maurice-harold-macmillan"],
     {"name:harold-macmillan": "name:maurice-harold-macmillan"}),
    (["name:neil-diamond", "name:neil-leslie-diamond"],
     {"name:neil-diamond": "name:neil-leslie-diamond"}),
    # Two longer owners: ambiguous, left alone.
    (["name:john-smith", "name:john-a-smith", "name:john-b-smith"], {}),
    # A different surname, a one-word name, a known entity: not this rule's business.
    (["name:neil-diamond", "name:neil-young"], {}),
    (["name:diamond", "name:neil-diamond"], {}),
    (["china", "name:china-daily"], {}),
])
def test_longer_names(names: list[str], expected: dict[str, str]) -> None:
    assert longer_names([_claim(*names)]) == expected


@pytest.mark.parametrize(("claim", "evidence", "label"), [
    ("Neil Diamond is not a musician.",
     "Neil Leslie Diamond (born January 24, 1941) is an American singer-songwriter, "
     "musician and actor.", "conflict"),
    ("Yara Shahidi is a dog.",
     "Yara Sayeh Shahidi (born February 10, 2000) is an American actress and model.",
     "conflict"),
    ("Yara Shahidi is an actress.",
     "Yara Sayeh Shahidi (born February 10, 2000) is an American actress and model.",
     "corroboration"),
])
def test_pairs_about_one_person_under_two_name_forms(ruleset: RuleSet, claim: str,
                                                     evidence: str, label: str) -> None:
    verdict = predict([Pair(claim, evidence, "REFUTES", "1")], ruleset.lexicon)[0]
    assert verdict is not None and verdict.label == label


def test_a_surname_alone_is_the_one_full_name_the_corpus_gives_it() -> None:
    """A desk probe: "Fiala has not conceded defeat" and "Prime Minister Petr Fiala" on
    another page shared no name, so their conflict was never found."""
    from checker.names import unify_surnames

    pages = [[_claim("name:petr-fiala")], [_claim("name:fiala")], [_claim("name:smith")],
             [_claim("name:john-smith"), _claim("name:jane-smith")]]
    out = unify_surnames(pages)
    assert out[1][0].entities == frozenset({"name:petr-fiala"})
    assert out[2][0].entities == frozenset({"name:smith"})  # two Smiths: left as written


def test_the_last_word_of_a_place_is_no_surname() -> None:
    """Desk probe K: "Road closures will remain ..." was a mention of "Bayview Road"."""
    from checker.names import unify_surnames

    out = unify_surnames([[_claim("name:bayview-road")], [_claim("name:road")]])
    assert out[1][0].entities == frozenset({"name:road"})


def test_who_a_body_is_for_is_no_surname() -> None:
    """The desk corpus with probe Q4's pages: "London" on two pages became the one longer
    name ending in it, "Transport for London", and their figures conflicted as its. A
    place after "of" still is the name's short form (desk probe T: "Manchester, which fell
    to 57th" / "The University of Manchester ... dropping to 53rd", a planted conflict)."""
    from checker.names import unify_surnames

    out = unify_surnames([[_claim("name:transport-for-london")], [_claim("name:london")],
                          [_claim("name:university-of-ruritania")], [_claim("name:ruritania")]])
    assert out[1][0].entities == frozenset({"name:london"})
    assert out[3][0].entities == frozenset({"name:university-of-ruritania"})


def test_a_full_name_many_pages_give_is_still_one_owner() -> None:
    """Each name's short forms are read once however many pages name it: a full name on
    three pages is the one owner of its surname and initials, on those pages too."""
    from checker.names import unify_surnames

    pages = [[_claim("name:petr-fiala")], [_claim("name:petr-fiala")],
             [_claim("name:fiala"), _claim("name:petr-fiala")],
             [_claim("name:food-and-drug-administration")], [_claim("name:fda")],
             [_claim("name:fda")]]
    out = unify_surnames(pages)
    assert [sorted(c.entities) for page in out for c in page] == [
        ["name:petr-fiala"], ["name:petr-fiala"], ["name:petr-fiala"], ["name:petr-fiala"],
        ["name:food-and-drug-administration"], ["name:food-and-drug-administration"],
        ["name:food-and-drug-administration"]]


@pytest.mark.parametrize(("name", "expected"), [
    ("Prime Minister Petr Fiala", "name:petr-fiala"),
    ("Health Minister Rafiqul Islam", "name:rafiqul-islam"),
    ("President Xi Jinping", "name:xi-jinping"),
    ("Chief Executive Maria Lindqvist", "name:maria-lindqvist"),
    ("Chief Financial Officer Tom Reddy", "name:tom-reddy"),
    ("Finance Ministry", "name:finance-ministry"),  # no person's title: kept whole
    ("General Motors", "name:general-motors"),
    ("Federal Reserve", "name:federal-reserve"),
    ("Prime Minister", "name:prime-minister"),  # a title alone is what is named
    # A body's name opened by a title word: no person (every league table was "league").
    ("Premier League", "name:premier-league"),
    ("Executive Council", "name:executive-council"),
    ("Premier Li", "name:li"),
    ("Mayor Andy Street", "name:andy-street"),  # a person named after a body's head word
])
def test_a_persons_title_is_no_part_of_the_name(ruleset: RuleSet, name: str,
                                                expected: str) -> None:
    assert ruleset.lexicon.entity_id(name) == expected


def test_a_surname_on_one_page_conflicts_with_the_full_name_on_another(tmp_path: Path) -> None:
    from checker.pipeline import CheckOptions, run_check

    repo = Path(__file__).resolve().parents[2]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    pages = {
        "a": ("Prime Minister Petr Fiala spoke to supporters in Prague on Saturday. "
              "Fiala conceded defeat late on Saturday and congratulated the winner.",
              "2026-10-04"),
        "b": ("The count ended in Prague. Fiala has not conceded defeat, his party said.",
              "2026-10-05"),
    }
    for name, (text, published) in pages.items():
        (seeds / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (seeds / f"{name}.meta.yaml").write_text(f'published: "{published}"\n',
                                                 encoding="utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=repo / "rules")).report
    assert [f.reason for f in report.findings if f.kind == "conflict"] == ["polarity"]


def test_an_organisations_first_word_is_the_one_name_the_corpus_gives_it() -> None:
    """A desk probe: "Norvale will cut 1,500 jobs" and "Norvale Systems will cut 1,200
    jobs" on another page named two entities, and nothing was compared."""
    from checker.names import unify_surnames

    pages = [[_claim("name:norvale-systems")], [_claim("name:norvale")],
             [_claim("name:petr-fiala")], [_claim("name:petr")],
             [_claim("name:acme-labs"), _claim("name:acme-holdings")], [_claim("name:acme")]]
    out = unify_surnames(pages)
    assert out[1][0].entities == frozenset({"name:norvale-systems"})
    assert out[3][0].entities == frozenset({"name:petr"})  # a first name names nobody
    assert out[5][0].entities == frozenset({"name:acme"})  # two Acmes: left as written


def test_a_short_company_name_conflicts_with_the_full_one_on_another_page(
        tmp_path: Path) -> None:
    from checker.pipeline import CheckOptions, run_check

    repo = Path(__file__).resolve().parents[2]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for stem, text, day in (("a", "Norvale Systems will cut 1,200 jobs.", "2025-10-23"),
                            ("b", "Norvale will cut 1,500 jobs.", "2025-10-24")):
        (seeds / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")
        (seeds / f"{stem}.meta.yaml").write_text(f'published: "{day}"\n', encoding="utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=repo / "rules")).report
    assert [f.kind for f in report.findings if f.kind == "conflict"] == ["conflict"]


def test_an_acronyms_plural_is_no_initials_of_a_name(ruleset: RuleSet) -> None:
    """A 55-page probe run: "MPs" was "name:mps", the initials of another page's "Max Planck
    Society", and its claims took that name (as they would "Metropolitan Police Service")."""
    from checker.names import unify_surnames

    lexicon = ruleset.lexicon
    assert lexicon.entity_id("MPs") == lexicon.entity_id("MP") == "name:mp"
    assert lexicon.entity_id("NGOs") == "name:ngo"
    assert lexicon.entity_id("ONS") == "name:ons"  # an acronym ending in S keeps it
    pages = [[_claim(lexicon.entity_id("Max Planck Society"))],
             [_claim(lexicon.entity_id("MPs"))],
             [_claim(lexicon.entity_id("Office for National Statistics"))],
             [_claim(lexicon.entity_id("ONS"))]]
    out = unify_surnames(pages)
    assert out[1][0].entities == frozenset({"name:mp"})
    assert out[3][0].entities == frozenset({"name:office-for-national-statistics"})


@pytest.mark.parametrize(("names", "expected"), [
    (["name:guanghan-1", "name:guang-han-1"], {"name:guanghan-1": "name:guang-han-1"}),
    (["name:newport", "name:new-port", "name:newport-news"], {"name:newport": "name:new-port"}),
    # no two spellings of one name: nothing to unify
    (["name:guanghan-1", "name:guanghan-2", "name:han"], {}),
])
def test_a_name_written_apart_and_joined_is_one_name(names: list[str],
                                                     expected: dict[str, str]) -> None:
    from checker.names import spelled_alike

    assert spelled_alike(names) == expected


def test_pages_spelling_a_name_apart_and_joined_are_compared() -> None:
    """Desk probe Q3: "Guanghan-1 was the third mission ..." / "Guang Han 1 was the second
    mission ..." shared no name, and their conflict was never found. A surname is read as
    its full name, and the full name as its first spelling, in one step."""
    from checker.names import unify_surnames

    pages = [[_claim("name:guanghan-1")], [_claim("name:guang-han-1")],
             [_claim("name:petr-fiala")], [_claim("name:fiala")]]
    out = unify_surnames(pages)
    assert [c.entities for claims in out for c in claims] == [
        frozenset({"name:guang-han-1"}), frozenset({"name:guang-han-1"}),
        frozenset({"name:petr-fiala"}), frozenset({"name:petr-fiala"})]
