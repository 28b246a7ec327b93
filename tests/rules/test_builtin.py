"""The shipped rules' JSON snapshot is their YAML source, read the slow way."""

from __future__ import annotations

from checker.rules import parse_rule_file
from checker.rules.builtin import BUILTIN_FILES, builtin_rules, snapshot
from checker.yamlio import parse_yaml


def test_snapshot_is_up_to_date() -> None:
    from importlib import resources

    shipped = resources.files("checker.data").joinpath("builtin-rules.json").read_text("utf-8")
    # After editing checker/data/*.yaml: python -m checker.rules > checker/data/builtin-rules.json
    assert snapshot() == shipped


def test_snapshot_rules_equal_the_yaml_rules() -> None:
    from importlib import resources

    expected = []
    for name in BUILTIN_FILES:
        text = resources.files("checker.data").joinpath(name).read_text("utf-8")
        rules, errors = parse_rule_file(parse_yaml(text, name), name)
        assert not errors
        expected += [(rule, f"builtin:{name}", source.line) for rule, source in rules]
    assert list(builtin_rules()) == expected
    assert len(expected) > 100
