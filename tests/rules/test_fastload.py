"""Valid rule files read by the C parser give the rules and the positions the round-trip
parser gives (`checker.rules.fastload`); any other file is left to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import rules as rules_module
from checker.rules import load_rules, parse_rule_file
from checker.rules.fastload import read_rule_file
from checker.yamlio import read_yaml

REPO = Path(__file__).resolve().parents[2]

HAND_WRITTEN = '''\
# yaml-language-server: $schema=../checker/schemas/rules.schema.json
schema_version: "1"
rules:
  # A comment between rules, and one after a key.
  - id: chang-e   # trailing comment
    kind: term
    severity: warning
    canonical: "Chang'e"
    variants:
      - Chiang'e
      - 'Chang-e'
    message: >-
      Write {canonical},
      not {found}.
    examples:
      trigger: ["Chiang'e 6 landed."]
      pass: [Chang'e 6 landed.]
  -   id: gaganyaan
      kind: term
      canonical: Gaganyaan
      variants: [Gaganyan,   "Gagan-yaan"]
      tags: [spelling,
             space]
'''


def _careful(path: Path, name: str) -> object:
    located, errors = parse_rule_file(read_yaml(path, name), name)
    assert not errors
    return located


def _files(tmp_path: Path) -> list[Path]:
    hand = tmp_path / "hand.yaml"
    hand.write_text(HAND_WRITTEN, encoding="utf-8")
    from bench.peers import write_term_rules

    return [*sorted((REPO / "rules").glob("*.yaml")), hand,
            write_term_rules(tmp_path / "terms-300.yaml", 300)]


def test_valid_files_give_the_careful_path_s_rules_and_positions(tmp_path: Path) -> None:
    for path in _files(tmp_path):
        fast = read_rule_file(path, path.name)
        assert fast is not None, path
        assert fast == _careful(path, path.name), path
        assert all(source.keys for _, source in fast)


@pytest.mark.parametrize("broken", [
    "schema_version: '1'\nrules:\n  - id: x\n    kind: term\n",  # no canonical: the schema
    "schema_version: '1'\nrules:\n  - &a {id: x, kind: term, canonical: X}\n",  # an anchor
    "schema_version: '1'\nrules: [\n",  # not YAML
    "- just a list\n",
])
def test_any_other_file_is_left_to_the_careful_path(tmp_path: Path, broken: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(broken, encoding="utf-8")
    assert read_rule_file(path, "rules.yaml") is None
    _, errors = load_rules([path])
    assert errors and all(e.location is not None and e.location.path.endswith("rules.yaml")
                          for e in errors)


def test_load_rules_is_the_same_with_and_without_the_fast_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [REPO / "rules", tmp_path / "more"]
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "hand.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    fast, fast_errors = load_rules(paths)
    monkeypatch.setattr(rules_module, "read_rule_file", lambda path, name: None)
    careful, careful_errors = load_rules(paths)
    assert fast.rules == careful.rules and fast.sources == careful.sources
    assert [e.as_dict() for e in fast_errors] == [e.as_dict() for e in careful_errors]
    assert json.dumps(sorted(fast.sources)) == json.dumps(sorted(careful.sources))
