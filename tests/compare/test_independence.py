"""Copies count once."""

from __future__ import annotations

from checker.compare.independence import count_origins, document_origins, is_copy


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


def test_declared_origin_and_syndication() -> None:
    origins = document_origins({"a": "Reuters", "b": "reuters", "c": None, "d": None},
                               [("c", "d")] * 3)
    assert origins["a"] == origins["b"] and origins["c"] == origins["d"]
    assert origins["a"] != origins["c"]


def test_count_origins() -> None:
    members = [("a", "Same words here."), ("b", "Same words here."), ("c", "Other wording.")]
    assert count_origins(members, {"a": "a", "b": "b", "c": "c"}) == 2
