"""`claimcheck rules list` and `claimcheck rules test`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.cliutil import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, echo_errors
from checker.rules import load_rules
from checker.rules.selftest import run_selftests


@click.group("rules")
def rules_command() -> None:
    """List the rules, or run their self-tests."""


@rules_command.command("list")
@click.option("--rules", "rules_dir", default="rules", show_default=True,
              type=click.Path(path_type=Path))
def rules_list(rules_dir: Path) -> None:
    """Show every rule: id, kind, severity, tags, where it is defined."""
    ruleset, errors = load_rules([rules_dir])
    for rule in ruleset.rules:
        src = ruleset.sources[rule.id]
        tags = ",".join(rule.tags) or "-"
        click.echo(f"{rule.id:32} {rule.kind:12} {rule.severity.value:8} {tags:20} "
                   f"{src.path}:{src.line}")
    echo_errors(errors)
    sys.exit(EXIT_BAD_INPUT if errors else EXIT_OK)


@rules_command.command("test")
@click.option("--rules", "rules_dir", default="rules", show_default=True,
              type=click.Path(path_type=Path))
def rules_test(rules_dir: Path) -> None:
    """Run every rule's examples; fail on any miss and on rules without examples."""
    ruleset, errors = load_rules([rules_dir])
    echo_errors(errors)
    if errors:
        sys.exit(EXIT_BAD_INPUT)
    checked, failures = run_selftests(ruleset)
    for f in failures:
        example = f" example {f.example!r}" if f.example else ""
        click.echo(f"{f.where}: {f.rule_id}:{example} {f.problem}", err=True)
    click.echo(f"{len(ruleset.rules)} rules, {checked} examples, {len(failures)} failures",
               err=bool(failures))
    sys.exit(EXIT_FINDINGS if failures else EXIT_OK)
