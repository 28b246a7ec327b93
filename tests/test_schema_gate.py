"""The schema gate (`schemacheck.is_valid`, jsonschema-rs) is never more lenient than
jsonschema, whose located errors are reported: data it lets through is data jsonschema
accepts. (Stricter is allowed: such a file is only read more slowly.) Every schema a file
is validated against goes through it: claims, metadata, rules and decisions."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.schemacheck import is_valid, validator
from checker.schemas import load as load_schema
from checker.yamlfast import load_with_lines, read_small
from checker.yamlio import read_yaml, to_plain

ROOT = Path(__file__).resolve().parent.parent

# Values that probe the types and patterns the schemas use: integers as floats and strings,
# booleans for numbers, digits of other scripts and a trailing newline against `\d` and `$`.
ODD = st.sampled_from([
    None, True, False, 0, -1, 1.0, 2.5, float("1e300"), "1", "", "x", "2024-01-01",
    "2024-01-01\n", "٢٠٢٤-٠١-٠١", "a" * 64, "0" * 64, "*", "Ab_1", [], [1], [1, 2], [1, 2, 3],
    {}, {"rule": "*", "reason": "because"},
])


def _seed_data() -> list[dict[str, Any]]:
    out = []
    for path in sorted(ROOT.glob("claims/*.yaml"))[:3]:
        raw = read_small(path)
        assert raw is not None
        parsed = load_with_lines(raw, path.name, "claims")
        assert parsed is not None
        out.append(parsed[0])
    return out


SEEDS = _seed_data()


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in the data (first claims only: enough of each shape)."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:2]):
            found += _places(value, (*path, i))
    return found


def _rule_files() -> list[Any]:
    return [to_plain(read_yaml(path), path.name) for path in sorted(ROOT.glob("rules/*.yaml"))]


RULE_FILES = _rule_files()
DECISIONS = [{"schema_version": "1", "decisions": {
    "aaaa000000000000000a": {"decision": "confirmed", "decided_at": "2026-12-02T07:00:00Z",
                             "text_hash": "0123456789abcdef", "author": "ed",
                             "note": "checked", "kind": "conflict", "message": "x",
                             "documents": ["d1", "d2"]},
    "bbbb000000000000000b": {"decision": "false-alarm", "decided_at": "2026-12-02T07:00:00Z",
                             "text_hash": "fedcba9876543210"},
}}]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[Any]) -> Any:
    """One of `seeds` with one to three values set to odd ones, dropped or added."""
    data = copy.deepcopy(draw(st.sampled_from(seeds)))
    places = _places(data)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(places))
        if not where:
            continue
        parent = data
        try:
            for step in where[:-1]:
                parent = parent[step]
            action = draw(st.sampled_from(["set", "drop", "add"]))
            if action == "set":
                parent[where[-1]] = draw(ODD)
            elif action == "drop" and isinstance(parent, dict):
                del parent[where[-1]]
            elif isinstance(parent, dict):
                parent[draw(st.sampled_from(["extra", "id", "note", "Text"]))] = draw(ODD)
        except (KeyError, IndexError, TypeError):
            continue
    return data


def test_the_gate_agrees_on_the_project_files() -> None:
    schema = load_schema("claims")
    assert SEEDS and all(is_valid(schema)(d) and validator(schema).is_valid(d) for d in SEEDS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(SEEDS))
def test_the_gate_is_never_more_lenient_than_jsonschema(data: Any) -> None:
    _never_more_lenient("claims", data)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({}, optional={
    "published": ODD, "origin": ODD, "title": ODD, "url": ODD, "extra": ODD}))
def test_the_meta_gate_is_never_more_lenient_than_jsonschema(data: dict[str, Any]) -> None:
    _never_more_lenient("meta", data)


def test_the_gate_agrees_on_the_project_rules_and_a_decisions_file() -> None:
    for name, files in (("rules", RULE_FILES), ("decisions", DECISIONS)):
        schema = load_schema(name)
        assert files and all(is_valid(schema)(d) and validator(schema).is_valid(d)
                             for d in files), name


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(RULE_FILES))
def test_the_rules_gate_is_never_more_lenient_than_jsonschema(data: Any) -> None:
    _never_more_lenient("rules", data)


@settings(max_examples=200, deadline=None)
@given(mutated(DECISIONS))
def test_the_decisions_gate_is_never_more_lenient_than_jsonschema(data: Any) -> None:
    _never_more_lenient("decisions", data)


def _never_more_lenient(name: str, data: Any) -> None:
    """What the gate of schema `name` lets through, jsonschema accepts too."""
    schema = load_schema(name)
    if is_valid(schema)(data):
        assert validator(schema).is_valid(data)


def test_a_key_that_is_no_string_is_refused_not_raised() -> None:
    # Found by the test above at random: jsonschema-rs raised ValueError for {0: None}.
    data = {"schema_version": "1", "document": {0: None}, "extractor": {"version": "0.1.0"},
            "claims": []}
    assert is_valid(load_schema("claims"))(data) is False
    assert not validator(load_schema("claims")).is_valid(data)
