"""`claimcheck eval pairs` and `claimcheck eval calibrate`: the comparison measured on
labelled claim/evidence pairs. Evaluation is imported when a command runs, not at start-up."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker.atomic import atomic_write
from checker.cliutil import EXIT_BAD_INPUT, EXIT_OK, echo_errors, load_rules_of
from checker.errors import ClaimcheckError
from checker.rules import RuleSet

if TYPE_CHECKING:
    from checker.evaluate import Pair


@click.group("eval")
def eval_command() -> None:
    """Measure the comparison on labelled data."""


def _labelled_pairs(path: Path, rules_dir: Path) -> tuple[list[Pair], RuleSet,
                                                          list[ClaimcheckError]]:
    """The pairs (a bad file exits 2) and the rules, whose errors are printed."""
    from checker.evaluate import read_pairs

    try:
        pairs = read_pairs(path)
    except ClaimcheckError as exc:
        echo_errors([exc])
        sys.exit(EXIT_BAD_INPUT)
    ruleset, errors = load_rules_of(rules_dir)
    echo_errors(errors)
    return pairs, ruleset, errors


@eval_command.command("pairs")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "json_out", type=click.Path(path_type=Path),
              help="Write the figures as JSON (conflict, corroboration, abstained).")
@click.option("--rules", "rules_dir", default="rules", show_default=True,
              type=click.Path(path_type=Path), help="Rules (aliases, predicates).")
def eval_pairs(path: Path, json_out: Path | None, rules_dir: Path) -> None:
    """Precision and recall on claim/evidence pairs (JSONL with claim, evidence, gold_label;
    pub_a and pub_b, when given, date each side as a check would)."""
    import json

    from checker.evaluate import evaluate, predict

    pairs, ruleset, errors = _labelled_pairs(path, rules_dir)
    result = evaluate(pairs, predict(pairs, ruleset.lexicon))
    figures = result.as_dict()
    for name in ("conflict", "corroboration"):
        f = figures[name]
        click.echo(f"{name:14} precision {f['precision']:.3f}  recall {f['recall']:.3f}  "
                   f"predicted {f['predicted']:4}  support {f['support']}")
    click.echo(f"abstained on {figures['abstained']} of {figures['pairs']} pairs")
    ece = figures["calibration_error"]
    click.echo(f"calibration error (ECE): conflict {ece['conflict']:.3f}  "
               f"corroboration {ece['corroboration']:.3f}")
    if json_out:
        atomic_write(json_out, json.dumps(figures, indent=2, sort_keys=True) + "\n")
    sys.exit(EXIT_BAD_INPUT if errors else EXIT_OK)


@eval_command.command("calibrate")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--rules", "rules_dir", default="rules", show_default=True,
              type=click.Path(path_type=Path), help="Rules (aliases, predicates).")
def eval_calibrate(path: Path, rules_dir: Path) -> None:
    """Fit the confidence curves on labelled pairs; print checker/data/calibration.json."""
    from checker.compare.calibration import fit_all, render
    from checker.evaluate import raw_samples

    pairs, ruleset, errors = _labelled_pairs(path, rules_dir)
    click.echo(render(fit_all(raw_samples(pairs, ruleset.lexicon))), nl=False)
    sys.exit(EXIT_BAD_INPUT if errors else EXIT_OK)
