"""What every command shares: exit codes and how errors are printed."""

from __future__ import annotations

from collections.abc import Sequence

import click

from checker.errors import ClaimcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def echo_errors(errors: Sequence[ClaimcheckError]) -> None:
    """Each error on standard error, located (`path:line:col: message`)."""
    for error in errors:
        click.echo(f"{error}", err=True)
