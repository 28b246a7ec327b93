"""`claimcheck rules list` and `claimcheck rules test`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.cliutil import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, config_or_exit, echo_errors
from checker.errors import ClaimcheckError, Location, UsageError
from checker.extract import DEFAULT_THRESHOLD
from checker.rules import RuleSet, load_rules
from checker.rules.selftest import run_selftests


@click.group("rules")
def rules_command() -> None:
    """List the rules, or run their self-tests."""


@rules_command.command("list")
@click.option("--rules", "rules_dir", show_default="rules", type=click.Path(path_type=Path))
def rules_list(rules_dir: Path | None) -> None:
    """Show every rule: id, kind, severity, tags, where it is defined."""
    ruleset, errors = _load(rules_dir)
    for rule in ruleset.rules:
        src = ruleset.sources[rule.id]
        tags = ",".join(rule.tags) or "-"
        click.echo(f"{rule.id:32} {rule.kind:12} {rule.severity.value:8} {tags:20} "
                   f"{src.path}:{src.line}")
    echo_errors(errors)
    sys.exit(EXIT_BAD_INPUT if errors else EXIT_OK)


@rules_command.command("test")
@click.option("--rules", "rules_dir", show_default="rules", type=click.Path(path_type=Path))
def rules_test(rules_dir: Path | None) -> None:
    """Run every rule's examples; fail on any miss and on rules without examples."""
    cfg = config_or_exit(Path.cwd())
    ruleset, errors = _load(rules_dir)
    echo_errors(errors)
    if errors:
        sys.exit(EXIT_BAD_INPUT)
    # At the threshold `check` drafts claims at: an example it would not draft passes
    # nothing.
    threshold = DEFAULT_THRESHOLD if cfg.threshold is None else cfg.threshold
    checked, failures = run_selftests(ruleset, threshold=threshold)
    for f in failures:
        example = f" example {f.example!r}" if f.example else ""
        click.echo(f"{f.where}: {f.rule_id}:{example} {f.problem}", err=True)
    click.echo(f"{len(ruleset.rules)} rules, {checked} examples, {len(failures)} failures",
               err=bool(failures))
    sys.exit(EXIT_FINDINGS if failures else EXIT_OK)


def _load(rules_dir: Path | None) -> tuple[RuleSet, list[ClaimcheckError]]:
    """The rules of --rules, else of claimcheck.toml's `rules`, else of rules/; a rules
    directory that is not there is an error (the built-in rules alone would pass)."""
    cfg = config_or_exit(Path.cwd())  # a bad configuration fails every command alike
    path = rules_dir or Path(cfg.rules or "rules")
    # With the fuzzy threshold `check` resolves names with: examples match as it would.
    ruleset, errors = load_rules([path], fuzzy_threshold=(0.9 if cfg.fuzzy_threshold is None
                                                          else cfg.fuzzy_threshold))
    if not path.exists():
        errors.append(UsageError("rules directory not found", Location(str(path))))
    return ruleset, errors
