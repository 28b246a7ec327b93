"""Safe YAML: located syntax errors, duplicate keys, aliases and nesting refused."""

from __future__ import annotations

import pytest

from checker.errors import YamlSyntaxError
from checker.models.rules import RuleFile
from checker.schemas import load
from checker.yamlio import field_path, locate, parse_yaml, to_plain, validate_model


def test_syntax_error_names_line_and_column() -> None:
    with pytest.raises(YamlSyntaxError) as err:
        parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert err.value.location is not None and err.value.location.line == 3
    assert str(err.value).startswith("f.yaml:3:")


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(YamlSyntaxError) as err:
        parse_yaml("id: a\nid: b\n", "f.yaml")
    assert "duplicate key" in str(err.value)
    assert err.value.location is not None and err.value.location.line == 2


def test_aliases_are_refused_before_expansion() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    root = parse_yaml(bomb, "bomb.yaml")
    with pytest.raises(YamlSyntaxError, match="aliases are not allowed"):
        to_plain(root, "bomb.yaml")


def test_deep_nesting_is_bounded() -> None:
    with pytest.raises(YamlSyntaxError, match="nesting"):
        to_plain(parse_yaml("[" * 200 + "]" * 200, "deep.yaml"), "deep.yaml")


def test_timestamps_stay_strings() -> None:
    data = to_plain(parse_yaml("reviewed: 2025-02-30\n", "f.yaml"), "f.yaml")
    assert data == {"reviewed": "2025-02-30"}


def test_json_is_accepted_as_yaml() -> None:
    assert to_plain(parse_yaml('{"a": [1, 2]}', "f.json"), "f.json") == {"a": [1, 2]}


def test_schema_errors_are_located_at_the_field() -> None:
    text = 'schema_version: "1"\nrules:\n  - id: x\n    kind: term\n    canonical: 3\n'
    root = parse_yaml(text, "r.yaml")
    model, errors = validate_model(root, RuleFile, load("rules"), "r.yaml")
    assert model is None and errors
    assert errors[0].location is not None and errors[0].location.line == 5
    assert errors[0].location.field == "rules[0].canonical"
    assert str(errors[0]) == "r.yaml:5:5: rules[0].canonical: 3 is not of type 'string'"


def test_invalid_calendar_date_is_a_located_error() -> None:
    text = ('schema_version: "1"\nrules:\n  - id: x\n    kind: term\n    canonical: a\n'
            '    variants: [b]\n    reviewed: "2025-02-30"\n')
    model, errors = validate_model(parse_yaml(text, "r.yaml"), RuleFile, load("rules"), "r.yaml")
    assert model is None
    assert "2025-02-30" in str(errors[0]) and errors[0].location is not None


def test_locate_and_field_path() -> None:
    root = parse_yaml("a:\n  - x: 1\n  - x: 2\n", "f.yaml")
    assert locate(root, ["a", 1, "x"]) == (3, 5)
    assert field_path(["claims", 3, "span"]) == "claims[3].span"
