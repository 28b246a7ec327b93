"""Rules shipped with the package (predicate phrases, countries), read fast.

The YAML files in checker/data are the source an editor reads and changes; every run reads
`builtin-rules.json`, their snapshot (JSON parses in milliseconds, ruamel's round-trip
parser in most of a second). Regenerate it after editing the YAML:

    python -m checker.rules > checker/data/builtin-rules.json

A test fails when the snapshot and the YAML disagree.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from pydantic import TypeAdapter

from checker.models.rules import Rule

BUILTIN = "builtin"
BUILTIN_FILES = ("predicates.yaml", "countries.yaml")
SNAPSHOT = "builtin-rules.json"

_RULE: TypeAdapter[Rule] = TypeAdapter(Rule)


def snapshot() -> str:
    """The snapshot's text, from the YAML sources (slow: validates with line numbers)."""
    from checker.rules import parse_rule_file
    from checker.yamlio import parse_yaml

    out: dict[str, list[tuple[int | None, object]]] = {}
    for name in BUILTIN_FILES:
        display = f"{BUILTIN}:{name}"
        text = resources.files("checker.data").joinpath(name).read_text("utf-8")
        rules, errors = parse_rule_file(parse_yaml(text, display), display)
        if errors:  # a packaging bug, not a user error
            raise RuntimeError(str(errors[0]))
        out[name] = [(source.line, rule.model_dump(mode="json", exclude_defaults=True))
                     for rule, source in rules]
    return json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


@cache
def builtin_rules() -> tuple[tuple[Rule, str, int | None], ...]:
    """(rule, display path, line) of every shipped rule, in file order."""
    text = resources.files("checker.data").joinpath(SNAPSHOT).read_text("utf-8")
    data = json.loads(text)
    return tuple((_RULE.validate_python(rule), f"{BUILTIN}:{name}", line)
                 for name in BUILTIN_FILES for line, rule in data[name])

