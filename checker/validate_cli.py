"""`claimcheck validate`: schema-check claim, rule and decisions files, and load the rule
files together as `check` does, so a pre-commit hook fails where CI would."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.claimfiles import load_claim_file
from checker.cliutil import EXIT_BAD_INPUT, EXIT_OK, config_or_exit, echo_errors
from checker.decisions import load_decisions
from checker.errors import ClaimcheckError, Location, UsageError
from checker.ingest import display_path
from checker.rules import load_rules, parse_rule_file, rule_files
from checker.yamlio import read_yaml


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate_command(paths: tuple[Path, ...]) -> None:
    """Schema-check claim and rule files (default: claims/ and rules/)."""
    root = Path.cwd()
    cfg = config_or_exit(root)
    errors: list[ClaimcheckError] = []
    targets = list(paths) or [p for p in (Path(cfg.claims or "claims"), Path(cfg.rules or "rules"))
                              if p.exists()]
    if not targets:
        # A CI step that validates nothing must not pass as if all were well.
        errors.append(UsageError(f"nothing to validate: no {cfg.claims or 'claims'}/ or "
                                 f"{cfg.rules or 'rules'}/ here; name the files to check",
                                 Location(".")))
    count = 0
    rules: dict[Path, str] = {}
    for target in targets:
        if not target.exists():
            errors.append(UsageError("no such file or directory", Location(str(target))))
            continue
        for path in rule_files([target]):
            count += 1
            shown = display_path(path, root)
            is_rules, found = _validate_file(path, shown)
            errors.extend(found)
            if is_rules and not found:
                rules[path] = shown
    if rules:
        # What loading the rules together finds (unknown entities in fact rules, patterns
        # RE2 refuses, one id in two files): `check` would stop on it, so validate does.
        errors.extend(load_rules(list(rules), rules)[1])
    echo_errors(errors)
    click.echo(f"{count} files checked, {len(errors)} errors", err=bool(errors))
    sys.exit(EXIT_BAD_INPUT if errors else EXIT_OK)


def _validate_file(path: Path, shown: str) -> tuple[bool, list[ClaimcheckError]]:
    """(whether it is a rule file, its schema errors)."""
    try:
        root = read_yaml(path, shown)
    except ClaimcheckError as exc:
        return False, [exc]
    if hasattr(root, "get") and root.get("rules") is not None:
        return True, parse_rule_file(root, shown)[1]
    if hasattr(root, "get") and root.get("decisions") is not None:
        return False, load_decisions(path, shown)[1]  # reviews/decisions.yaml
    return False, load_claim_file(path, shown)[1]
