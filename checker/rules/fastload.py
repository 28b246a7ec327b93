"""Valid rule files read without the round-trip parser, with every position they need.

A rule keeps where each of its keys and list items is written (`RuleSource`): the checks
run after loading point at a variant or an alias by line and column. The round-trip parser
keeps those positions for every node, in Python: a file of 1,000 term rules took 1.3-1.6 s
to read, where codespell reads its 1,000-word dictionary in a few milliseconds. A valid
file is read instead by ruamel's C parser (`checker.yamlfast`), whose nodes carry the same
positions, and checked against the schema and the model; any other file is left to the
careful path (`load_rules`), which reports its located errors. Same rules and the same
positions on both paths (tests/rules/test_fastload.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from checker.models.rules import Rule, RuleFile
from checker.schemas import load as load_schema
from checker.yamlfast import composed, validated
from checker.yamlio import MAX_YAML_BYTES

if TYPE_CHECKING:  # checker.rules imports this module
    from checker.rules import RuleSource


def read_rule_file(path: Path, display: str) -> list[tuple[Rule, RuleSource]] | None:
    """The rules of a valid rule file with where each is written, or None (no C parser,
    or anything the careful path must read: it says what is wrong)."""
    from checker.rules import RuleSource

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_YAML_BYTES + 1)  # a larger file is declined, unread
    except OSError:
        return None
    parsed = composed(raw, display)
    if parsed is None:
        return None
    node, data = parsed
    model = validated(data, RuleFile, load_schema("rules"))
    items = _rule_nodes(node)
    if model is None or items is None or len(items) != len(model.rules):
        return None
    return [(rule, RuleSource(display, item.start_mark.line + 1, index, *_places(item)))
            for index, (rule, item) in enumerate(zip(model.rules, items, strict=True))]


def _rule_nodes(node: Any) -> list[Any] | None:
    """The nodes of the file's `rules:` items."""
    if not isinstance(node, MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == "rules":
            return list(value.value) if isinstance(value, SequenceNode) else None
    return None


def _places(item: Any) -> tuple[tuple[tuple[str, int, int], ...],
                                tuple[tuple[str, int, int, int], ...]]:
    """(key, line, column) of each key of a rule, and (key, item, line, column) of each
    item of its lists, 1-based, as `checker.yamlio.locate` gives them."""
    if not isinstance(item, MappingNode):
        return (), ()
    keys = tuple((k.value, k.start_mark.line + 1, k.start_mark.column + 1)
                 for k, _ in item.value)
    items = tuple((k.value, i, v.start_mark.line + 1, v.start_mark.column + 1)
                  for k, value in item.value if isinstance(value, SequenceNode)
                  for i, v in enumerate(value.value))
    return keys, items
