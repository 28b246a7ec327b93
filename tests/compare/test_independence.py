"""Copies count once."""

from __future__ import annotations

from pathlib import Path

from checker.compare.independence import (
    count_origins,
    declared_origins,
    document_origins,
    is_copy,
)
from checker.models.report import Finding
from checker.pipeline import CheckOptions, run_check

REPO = Path(__file__).resolve().parents[2]


def test_near_identical_text_is_a_copy() -> None:
    assert is_copy("China’s “Tiangong” station hosts astronauts.",
                   "China's \"Tiangong\" station hosts astronauts")
    assert not is_copy("China's station hosts astronauts.", "Pakistan will send an astronaut.")
    # One news formula, two reports: a different figure is no copy.
    assert not is_copy("The bus crash near Cusco killed 12 people, regional police said.",
                       "The bus crash near Cusco killed 13 people, regional police said.")
    assert count_origins([("a", "The crash killed 12 people, police said."),
                          ("b", "The crash killed 13 people, police said.")], {}) == 2
    # ... but "1,200" and "1200" are one figure.
    assert is_copy("The fire burned 1,200 hectares, officials said.",
                   "The fire burned 1200 hectares, officials said.")


def test_a_short_sentence_is_a_copy_only_word_for_word() -> None:
    # a desk probe: two outlets' "took 98 seats" / "won 98 seats" are 92.5 % alike, and were
    # counted as one origin
    took, won = "The Labour Alliance took 98 seats.", "The Labour Alliance won 98 seats."
    assert not is_copy(took, won)
    assert count_origins([("a", took), ("b", won)], {"a": "WireA", "b": "Herald"}) == 2
    assert is_copy(took, "The Labour Alliance took 98 seats")
    assert count_origins([("a", took), ("b", took.rstrip("."))], {"a": "A", "b": "B"}) == 1


def test_declared_origin_and_syndication() -> None:
    origins = document_origins({"a": "Reuters", "b": "reuters", "c": None, "d": None},
                               [("c", "d")] * 3)
    assert origins["a"] == origins["b"] and origins["c"] == origins["d"]
    assert origins["a"] != origins["c"]


def test_the_original_counts_with_its_copies() -> None:
    # a review: two pages declaring "origin: a_herald" (or the original's publisher) and the
    # original itself were two origins, not one
    declared = declared_origins([("a_herald", "Herald", None), ("b", "Gazette", "a_herald"),
                                 ("c", "Post", "Daily  Herald"), ("d", "Daily Herald", None),
                                 ("e", "Times", None), ("f", "Times", None),
                                 ("g", "Sun", "times")])
    # ... a publisher of two pages names neither: which one was copied is not said
    assert declared == {"a_herald": "a_herald", "b": "a_herald", "c": "Daily  Herald",
                        "d": "Daily Herald", "e": None, "f": None, "g": "times"}
    origins = document_origins(declared, [])
    assert origins["a_herald"] == origins["b"] and origins["c"] == origins["d"]
    assert len({origins[x] for x in "a_herald b c d e f g".split()}) == 5
    # no origin named: nothing is given one
    assert declared_origins([("a", "Herald", None), ("b", "Herald", None)]) == \
        {"a": None, "b": None}


def test_count_origins() -> None:
    members = [("a", "Same words here."), ("b", "Same words here."), ("c", "Other wording.")]
    assert count_origins(members, {"a": "a", "b": "b", "c": "c"}) == 2


BUDGET = "Marlow city council approved a budget of $1.2 billion on Monday, officials said."
OTHER = "Marlow's city council approved a $1.3 billion budget on Monday."


def _conflicts(tmp_path: Path, origins: dict[str, str | None],
               texts: dict[str, str] | None = None) -> list[Finding]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    texts = texts or {"a1": BUDGET, "a3": BUDGET, "a4": OTHER}
    for name, text in texts.items():
        (seeds / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        origin = f"origin: {origins[name]}\n" if origins.get(name) else ""
        (seeds / f"{name}.meta.yaml").write_text(f'published: "2026-03-10"\n{origin}',
                                                 encoding="utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=REPO / "rules")).report
    return [f for f in report.findings if f.kind == "conflict"]


def test_a_copy_repeating_a_wrong_figure_is_one_conflict(tmp_path: Path) -> None:
    """Two outlets printing one agency story disagree with a third once, not twice."""
    [found] = _conflicts(tmp_path, {"a1": "AP", "a3": "AP", "a4": None})
    assert [(c.document, c.role) for c in found.claims] == [
        ("a1", "claim"), ("a4", "evidence"), ("a3", "claim")]
    assert found.message.endswith("; also printed by a3 (same origin)")


def test_two_independent_outlets_are_two_conflicts(tmp_path: Path) -> None:
    found = _conflicts(tmp_path, {"a1": "AP", "a3": "Reuters", "a4": None})
    assert sorted(c.claims[0].document for c in found) == ["a1", "a3"]
    assert all(len(f.claims) == 2 for f in found)


def test_a_copy_of_the_evidence_is_listed_as_evidence(tmp_path: Path) -> None:
    [found] = _conflicts(tmp_path, {"a1": None, "b1": "AP", "b2": "AP"},
                         {"a1": BUDGET, "b1": OTHER, "b2": OTHER})
    assert [(c.document, c.role) for c in found.claims] == [
        ("a1", "claim"), ("b1", "evidence"), ("b2", "evidence")]


def test_a_copy_with_its_own_dateline_is_the_same_conflict(tmp_path: Path) -> None:
    """A desk probe: one agency story printed with and without its dateline."""
    [found] = _conflicts(tmp_path, {"a1": "PTI", "a3": "PTI", "a4": None},
                         {"a1": "MARLOW, March 10 (PTI) " + BUDGET, "a3": "MARLOW: " + BUDGET,
                          "a4": OTHER})
    assert sorted(c.document for c in found.claims) == ["a1", "a3", "a4"]
    assert "also printed by" in found.message


def test_another_value_from_the_same_origin_is_another_conflict(tmp_path: Path) -> None:
    found = _conflicts(tmp_path, {"a1": "PTI", "a3": "PTI", "a4": None},
                       {"a1": BUDGET, "a3": BUDGET.replace("1.2", "1.1"), "a4": OTHER})
    with_a4 = [f for f in found if any(c.document == "a4" for c in f.claims)]
    assert sorted(c.claims[0].document for c in with_a4) == ["a1", "a3"]
    assert all(len(f.claims) == 2 for f in with_a4)
