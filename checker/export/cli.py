"""`claimcheck export claimreview`: JSON-LD for the findings editors confirmed."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.atomic import atomic_write
from checker.cliutil import EXIT_FAILED, guard_write
from checker.export.claimreview import (
    SIGNATURE,
    claim_reviews,
    render,
    structural_problems,
)
from checker.review.options import load_corpus_for_review, reading_options


@click.group("export")
def export_command() -> None:
    """Export reviewed findings for other tools."""


@export_command.command("claimreview")
@reading_options
@click.option("--out", type=click.Path(path_type=Path), default="reports/claimreview.jsonld",
              show_default=True, help="Output file; - writes to standard output.")
@click.option("--organization", help="The reviewing organisation (default: the editor who "
                                     "decided, as a Person).")
@click.option("--url-base", help="Each review's url is URL_BASE/<finding fingerprint>.")
@click.option("--force", is_flag=True, help="Overwrite a file that is not a ClaimReview export.")
def claimreview(seeds: Path | None, claims_dir: Path | None, rules_dir: Path | None,
                decisions: Path | None, select: tuple[str, ...], ignore: tuple[str, ...],
                out: Path, organization: str | None,
                url_base: str | None, force: bool) -> None:
    """schema.org ClaimReview JSON-LD for every confirmed finding.

    \b
    reviewRating scale (worstRating 1, bestRating 5):
      1 False (rule-violation)   2 Inaccurate (arithmetic)
      3 Disputed (conflict, self-contradiction)
      4 Corroborated (corroboration)   5 True (rule-support)
    """
    if url_base and not url_base.lower().startswith(("https://", "http://")):
        raise click.BadParameter("must be an http(s) URL", param_hint="--url-base")
    if str(out) != "-":
        guard_write(out, force, SIGNATURE)
    loaded = load_corpus_for_review(seeds, claims_dir, rules_dir, decisions, select, ignore,
                                    None)
    reviews, skipped = claim_reviews(loaded.result.report, loaded.decisions.decisions,
                                     organization, url_base)
    for line in skipped:
        click.echo(f"skipped {line}", err=True)
    problems = [p for i, r in enumerate(reviews) for p in structural_problems(r, f"[{i}]")]
    if problems:  # a bug, not bad input: say so rather than write a broken file (exit 3)
        for problem in problems:
            click.echo(f"internal error: {problem}", err=True)
        sys.exit(EXIT_FAILED)
    text = render(reviews)
    if str(out) == "-":
        click.echo(text, nl=False)
    else:
        atomic_write(out, text)
        click.echo(f"{out}: {len(reviews)} ClaimReviews", err=True)
