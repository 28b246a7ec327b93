"""Plain text: `path:line:col: severity rule message`, one line a finding (problem matchers)."""

from __future__ import annotations

from checker.errors import printable_path
from checker.models.report import ErrorOut, Finding, Report
from checker.reporting.common import error_key, flat, severity, short_rule


def _where(path: str | None, line: int | None, column: int | None) -> str:
    # Always `path:line:col` when there is a file, so a problem matcher reads every line
    # (as ruff writes `path:1:1:` for a file it cannot read); nothing to point at: the tool.
    if not path:
        return "claimcheck"
    return f"{printable_path(path)}:{line or 1}:{column or 1}"


def _finding(f: Finding) -> str:
    ref = f.claims[0] if f.claims else None
    where = _where(ref.path, ref.line, ref.column) if ref else "claimcheck"
    line = f"{where}: {severity(f)} {short_rule(f)} {flat(f.message)}"
    if ref is not None and ref.claim_id:
        claim_file = ""
        if ref.claim_file:
            claim_file = f" in {printable_path(ref.claim_file)}" + (
                f":{ref.claim_file_line}" if ref.claim_file_line else "")
        line += f" [claim {ref.claim_id}{claim_file}]"
    return line


def _error(e: ErrorOut) -> str:
    where = _where(e.path, e.line, e.column if e.line else None)
    field = f" (field {flat(e.field)})" if e.field else ""
    return f"{where}: error {error_key(e).removeprefix('claimcheck/')} {flat(e.message)}{field}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(report: Report) -> str:
    """Input errors, then unsuppressed findings in report order, then a summary line."""
    active = [f for f in report.findings if f.suppressed is None]
    lines = [_error(e) for e in report.errors] + [_finding(f) for f in active]
    counts = {s: sum(1 for f in active if severity(f) == s) for s in ("error", "warning", "info")}
    s = report.summary
    suppressed = len(report.findings) - len(active)
    lines.append(
        f"{_plural(len(active), 'finding')} ({_plural(counts['error'], 'error')}, "
        f"{_plural(counts['warning'], 'warning')}, {counts['info']} info), "
        f"{suppressed} suppressed, {_plural(len(report.errors), 'input error')}; "
        f"{_plural(s.documents, 'document')}, {_plural(s.claims, 'claim')}")
    return "\n".join(lines) + "\n"
