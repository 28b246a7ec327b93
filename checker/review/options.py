"""Options `claimcheck review` and `claimcheck export` share with `claimcheck check`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from checker.cliutil import EXIT_BAD_INPUT, IGNORE_OPTION, SELECT_OPTION, check_options
from checker.config import Config, load_config
from checker.decisions import DecisionsFile, editor_name, load_decisions
from checker.defaults import DECISIONS_PATH
from checker.errors import ClaimcheckError
from checker.ingest import display_path
from checker.pipeline import CheckResult, run_check

F = TypeVar("F", bound=Callable[..., Any])


def corpus_options(func: F) -> F:
    """--seeds/--claims/--rules/--decisions/--select/--ignore/--editor, as `check` has them."""
    return reading_options(click.option(
        "--editor", help="Your name for decisions (default: $CLAIMCHECK_EDITOR, `editor` in "
                         "claimcheck.toml, then $USER).")(func))


def reading_options(func: F) -> F:
    """--seeds/--claims/--rules/--decisions/--select/--ignore: what a command that only reads
    the decisions takes (`export`: no --editor, which decides nothing)."""
    options = [
        click.option("--seeds", type=click.Path(path_type=Path), show_default="seeds",
                     help="Documents (.txt, .md; optional <stem>.meta.yaml)."),
        click.option("--claims", "claims_dir", type=click.Path(path_type=Path),
                     show_default="claims", help="Claim files."),
        click.option("--rules", "rules_dir", type=click.Path(path_type=Path),
                     show_default="rules", help="Rule files."),
        click.option("--decisions", type=click.Path(path_type=Path),
                     show_default=str(DECISIONS_PATH), help="Review decisions file."),
        SELECT_OPTION,
        IGNORE_OPTION,
    ]
    for option in reversed(options):
        func = option(func)
    return func


@dataclass
class Loaded:
    """The checked corpus, the decisions file and who is deciding."""

    result: CheckResult
    decisions: DecisionsFile
    decisions_path: Path
    decisions_shown: str
    editor: str | None
    config: Config
    # Where the corpus was read from (documents, claim files, rules).
    inputs: tuple[Path, ...] = ()


def _fail(errors: list[ClaimcheckError]) -> None:
    for error in errors:
        click.echo(str(error), err=True)
    sys.exit(EXIT_BAD_INPUT)


def load_corpus_for_review(seeds: Path | None, claims_dir: Path | None, rules_dir: Path | None,
                           decisions: Path | None, select: tuple[str, ...],
                           ignore: tuple[str, ...], editor: str | None) -> Loaded:
    """Run the check and read the decisions; bad input exits 2 with located messages."""
    root = Path.cwd()
    try:
        cfg = load_config(root)[0]
    except ClaimcheckError as exc:
        _fail([exc])
        raise  # unreachable: _fail exits
    path = decisions or Path(cfg.decisions or DECISIONS_PATH)
    shown = display_path(path, root)
    model, errors = load_decisions(path, shown)
    if errors:
        _fail(errors)
    # The check's own options (threshold, cache, jobs from the configuration too): the
    # findings an editor decides on are the ones `check` reports.
    options = check_options(root, cfg, seeds=seeds, claims=claims_dir, rules=rules_dir,
                            select=select, ignore=ignore)
    result = run_check(options)
    if result.errors:
        _fail(result.errors)
    return Loaded(result, model, path, shown, editor_name(editor, cfg.editor), cfg,
                  (options.seeds, options.claims, options.rules))
