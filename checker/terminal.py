"""Terminal output for people: a compact coloured summary and progress on long runs.

Everything goes to standard error, so standard output stays clean for `--format text` or
`github`. Colour and progress only when standard error is a terminal (rich honours NO_COLOR
and FORCE_COLOR); a progress display appears only once a run has taken more than a second.
Where standard error is no terminal (CI, a pipe), rich prints the summary as plain lines:
those lines are written here without importing rich (17 ms of every run's start).
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from types import TracebackType
from typing import TYPE_CHECKING, Any

from checker.models.report import Report
from checker.reporting.common import group_notes, kind_counts, plural

if TYPE_CHECKING:
    from rich.status import Status
    from rich.text import Text

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
DELAY = 1.0


class Styled:
    """Text in styled runs (rich's style names), printed plain or in colour."""

    def __init__(self) -> None:
        self.runs: list[tuple[str, str | None]] = []

    def append(self, text: str, style: str | None = None) -> None:
        """Add a run of text, in a style or none."""
        self.runs.append((text, style))

    def __bool__(self) -> bool:
        return any(text for text, _ in self.runs)

    @property
    def plain(self) -> str:
        """The text without its styles."""
        return "".join(text for text, _ in self.runs)

    def rich(self) -> Text:
        """The text as rich's `Text`, its runs styled."""
        from rich.text import Text

        out = Text()
        for text, style in self.runs:
            out.append(text, style=style)
        return out


class PlainConsole:
    """Standard error when it is no terminal: each styled text as a plain line, as rich's
    console prints it there (no colour, soft wrap: no line broken)."""

    is_terminal = False

    def status(self, status: str) -> Status:
        """Never asked for: progress shows on a terminal only (`Progress`)."""
        raise RuntimeError("no status display where standard error is no terminal")

    def print(self, *objects: object) -> None:
        """Print the objects as rich does where it has no terminal: space-separated, one
        line."""
        text = " ".join(o.plain if isinstance(o, Styled) else str(o) for o in objects)
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


class ColourConsole:
    """rich's console on standard error, printing `Styled` texts in their colours."""

    def __init__(self) -> None:
        from rich.console import Console

        self._console = Console(stderr=True, highlight=False, soft_wrap=True)

    @property
    def is_terminal(self) -> bool:
        """Whether rich writes to a terminal."""
        return self._console.is_terminal

    def status(self, status: str) -> Status:
        """rich's status display."""
        return self._console.status(status)

    def print(self, *objects: object) -> None:
        """Print through rich."""
        self._console.print(*(o.rich() if isinstance(o, Styled) else o for o in objects))


Console = PlainConsole | ColourConsole


def console() -> Console:
    """The stderr console: rich's on a terminal (colour, progress), else plain lines."""
    return ColourConsole() if _terminal(sys.stderr) else PlainConsole()


def _terminal(stream: Any) -> bool:
    """Whether rich takes the stream for a terminal (`rich.console.Console.is_terminal`,
    for a command's process): TTY_COMPATIBLE, then FORCE_COLOR, then the stream itself."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


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


def summary(report: Report, where: str) -> Styled:
    """One or two lines: counts by severity, coloured, and where the reports are."""
    s = report.summary
    text = Styled()
    for sev in ("error", "warning", "info"):
        count = s.by_severity.get(sev, 0)
        if text:
            text.append(" · ")
        ending = "s" if count != 1 and sev != "info" else ""
        text.append(f"{count} {sev}{ending}",
                    style=STYLES[sev] if count else "dim")
    # Counted as report.md counts them: a self-contradiction is no conflict between sources.
    counts = kind_counts(Counter(s.by_kind))  # the active findings' kinds
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
