"""The exit code of a check, decided from its report: the CLI exits with it and the SARIF log
records it, so the two cannot disagree."""

from __future__ import annotations

from checker.models.common import Severity
from checker.models.report import Report

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
# Agreements confirm; they are no problem to fail on, even with --fail-on info.
AGREEMENTS = frozenset({"corroboration", "rule-support"})


def input_exit_code(report: Report) -> int | None:
    """The exit code whatever --fail-on says: 2 when the run had input errors, else None
    (0 or 1 then depends on --fail-on, which a report does not carry)."""
    return EXIT_BAD_INPUT if report.errors else None


def exit_code(report: Report, fail_on: str) -> int:
    """0 clean, 1 findings at or above fail_on, 2 bad input."""
    decided = input_exit_code(report)
    if decided is not None:
        return decided
    if fail_on == "never":
        return EXIT_OK
    level = Severity(fail_on).rank
    counted = [f for f in report.findings
               if f.suppressed is None and f.kind not in AGREEMENTS]
    return EXIT_FINDINGS if any(Severity(f.severity).rank >= level for f in counted) \
        else EXIT_OK
