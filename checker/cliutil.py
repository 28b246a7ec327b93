"""What every command shares: exit codes and how errors are printed."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker.defaults import CACHE_DIR, DECISIONS_PATH, DEFAULT_THRESHOLD
from checker.errors import (
    ClaimcheckError,
    Location,
    UsageError,
    WriteRefusedError,
    located_order,
    printable_path,
)

# Imported where used: every command imports this module, and most need only a few of
# these (the command line starts without the pipeline, the models or the rules).
if TYPE_CHECKING:
    from checker.config import Config
    from checker.pipeline import CheckOptions
    from checker.rules import RuleSet

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
# The run did not complete for a reason of its own, not the input's: a bug, memory, a
# --jobs worker killed. Never 1, which CI reads as "findings".
EXIT_FAILED = 3

# The selection options of every command that runs the check (`check`, `baseline write`,
# `review`, `export`): one definition, so their help and meaning stay one. (Each use makes
# an option of its own.)
SELECT_OPTION = click.option("--select", multiple=True,
                             help="Only these rule ids, tags or finding kinds (repeatable).")
IGNORE_OPTION = click.option("--ignore", multiple=True,
                             help="Skip these rule ids, tags or finding kinds (repeatable).")
THRESHOLD_OPTION = click.option(
    "--threshold", type=click.FloatRange(0, 1), show_default=str(DEFAULT_THRESHOLD),
    help="Check-worthiness threshold for claims extracted on the fly.")


def decisions_of(decisions: Path | None, cfg: Config) -> Path:
    """The decisions file a run reads: --decisions, else the configuration's, else the
    default. Named on the command line it must exist: a typo would drop every decision in
    silence (a CI probe), where a missing --baseline stops the run."""
    if decisions is not None and not decisions.is_file():
        raise click.BadParameter(f"{printable_path(str(decisions))}: no such file",
                                 param_hint="--decisions")
    return decisions or Path(cfg.decisions or DECISIONS_PATH)


def echo_errors(errors: Sequence[ClaimcheckError]) -> None:
    """Each error on standard error, located (`path:line:col: message`), in the order the
    reports list them (`validate` and `check` name the same errors in the same order)."""
    for error in sorted(errors, key=located_order):
        click.echo(f"{error}", err=True)


def load_rules_of(rules_dir: Path, param: str = "rules_dir", named: bool | None = None
                  ) -> tuple[RuleSet, list[ClaimcheckError]]:
    """The rules of a command's --rules directory. Named (on the command line, or `named`
    by the configuration) and missing, it is an error (exit 2); missing by default, a
    warning: without its aliases no name resolves to an entity id, and that must not pass
    unnoticed."""
    from checker.rules import load_rules

    if rules_dir.exists():
        return load_rules([rules_dir])
    source = click.get_current_context().get_parameter_source(param)
    if named or (named is None and source is not None and source.name != "DEFAULT"):
        echo_errors([UsageError("rules directory not found", Location(str(rules_dir)))])
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"warning: {rules_dir}/ not found: no entity aliases, so names are kept "
               f"as written (--rules names the rules directory)", err=True)
    return load_rules([])


def guard_write(path: Path, force: bool, signature: re.Pattern[bytes] | None) -> None:
    """Refuse (exit 2) to replace a file claimcheck did not write as this kind of output
    (the signature of its head; without one, any existing file), unless --force, and to
    write through a symlink that leads out of the repository (asked before anything is
    written: one report refused after another was written left a mixed set)."""
    from checker.atomic import owned_by_us, refuse_symlink_out
    from checker.ingest import display_path

    try:
        refuse_symlink_out(path)
    except WriteRefusedError as exc:
        echo_errors([exc])
        sys.exit(EXIT_BAD_INPUT)
    if path.exists() and not force and (signature is None or not owned_by_us(path, signature)):
        echo_errors([WriteRefusedError(
            "exists and was not written by claimcheck; use --force to overwrite",
            Location(display_path(path, Path.cwd())))])
        sys.exit(EXIT_BAD_INPUT)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """`--select a,b --select c` -> (a, b, c)."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def check_options(root: Path, cfg: Config, *, seeds: Path | None = None,
                  claims: Path | None = None, rules: Path | None = None,
                  select: Sequence[str] = (), ignore: Sequence[str] = (),
                  threshold: float | None = None, baseline: Path | None = None,
                  decisions: Path | None = None, jobs: int | None = None,
                  cache_dir: Path | None = None, no_cache: bool = False) -> CheckOptions:
    """What to check: the command line's values, else the configuration's, else defaults.
    One function for `check` and `review`, so an editor reviews what CI checks."""
    from checker.pipeline import CheckOptions

    return CheckOptions(
        root=root, seeds=seeds or Path(cfg.seeds or "seeds"),
        claims=claims or Path(cfg.claims or "claims"), rules=rules or Path(cfg.rules or "rules"),
        select=_split(select) or tuple(cfg.select), ignore=tuple(cfg.ignore) + _split(ignore),
        threshold=_first(threshold, cfg.threshold, DEFAULT_THRESHOLD),
        fuzzy_threshold=_first(cfg.fuzzy_threshold, 0.9), baseline=baseline,
        decisions=decisions, jobs=jobs if jobs is not None else cfg.jobs,
        cache_dir=None if no_cache or not cfg.cache
        else cache_dir or Path(cfg.cache_dir or CACHE_DIR),
        rules_required=rules is not None or cfg.rules is not None)


def _first(*values: float | None) -> float:
    """The first value given (0 is a value: `threshold = 0` keeps every claim)."""
    return next(v for v in values if v is not None)


def config_or_exit(root: Path) -> Config:
    """The configuration of root, or its located error on standard error and exit 2."""
    from checker.config import ignored_section, load_config

    try:
        config, used = load_config(root)
    except ClaimcheckError as exc:
        echo_errors([exc])
        sys.exit(EXIT_BAD_INPUT)
    warning = ignored_section(root, used)
    if warning:
        click.echo(f"warning: {warning}", err=True)
    return config
