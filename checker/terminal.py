"""Terminal output for people: a compact coloured summary and progress on long runs.

Everything goes to standard error, so standard output stays clean for `--format text` or
`github`. Colour and progress only when standard error is a terminal (rich honours NO_COLOR
and FORCE_COLOR); a progress display appears only once a run has taken more than a second.
"""

from __future__ import annotations

import time
from collections import Counter
from types import TracebackType

from rich.console import Console
from rich.status import Status
from rich.text import Text

from checker.models.report import Report
from checker.reporting.common import group_notes, kind_counts, plural

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
DELAY = 1.0


def console() -> Console:
    """The stderr console (no colour, no markup surprises when not a terminal)."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


class Progress:
    """Progress callback for the pipeline: a status line after the first second."""

    def __init__(self, out: Console) -> None:
        self.out = out
        self.started = time.monotonic()
        self.status: Status | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Report that a stage started or advanced."""
        if not self.out.is_terminal:
            return
        if self.status is None and time.monotonic() - self.started < DELAY:
            return
        message = f"{stage}: {done:,}/{total:,}" if total > 1 else f"{stage}…"
        if self.status is None:
            self.status = self.out.status(message)
            self.status.start()
        else:
            self.status.update(message)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.status is not None:
            self.status.stop()


def summary(report: Report, where: str) -> Text:
    """One or two lines: counts by severity, coloured, and where the reports are."""
    s = report.summary
    text = Text()
    for sev in ("error", "warning", "info"):
        count = s.by_severity.get(sev, 0)
        if text:
            text.append(" · ")
        ending = "s" if count != 1 and sev != "info" else ""
        text.append(f"{count} {sev}{ending}",
                    style=STYLES[sev] if count else "dim")
    # Counted as report.md counts them: a self-contradiction is no conflict between sources.
    counts = kind_counts(Counter(f.kind for f in report.findings if f.suppressed is None))
    text.append(f"  ({', '.join(counts)}; {s.suppressed} suppressed)")
    text.append(f"\n{plural(s.documents, 'document')}, {plural(s.claims, 'claim')}")
    if s.errors:
        text.append(f", {plural(s.errors, 'input error')}", style="bold red")
    if where:
        text.append(f"; reports in {where}")
    return text


def note_lines(notes: list[str]) -> list[str]:
    """The run notes for standard error: notes of one shape as one line with a count and a
    few of their files, as report.md shows them (a desk's 1,000 pages without claim files
    printed 1,000 lines before the summary)."""
    out = []
    for group in group_notes(notes):
        first = group.notes[0]
        if len(group.notes) == 1:
            out.append(f"note: {first}")
            continue
        others, rest = group.also()
        also = ", ".join(others) + (f" and {rest} more" if rest else "")
        out.append(f"note: {len(group.notes)} notes like: {first} (also {also})")
    return out
