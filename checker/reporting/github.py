"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation a line.

Annotations point at the claim file line when the statement has a claim file (what a pull
request changes), else at the statement in the document; a conflict is annotated on each of
its statements, so the side a pull request adds shows in its diff. Suppressed findings are
left out.
"""

from __future__ import annotations

from checker.models.report import ErrorOut, Finding, Report
from checker.reporting.common import (
    ROLE_LABELS,
    by_severity,
    error_key,
    no_controls,
    severity,
    short_rule,
)

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message: `%`, CR and LF; other control characters and line
    separators (which would break or forge a command line) become spaces."""
    escaped = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return no_controls(escaped)


def escape_property(value: str) -> str:
    """Escape a property value: as data, plus `:` and `,` which delimit properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int | None], message: str) -> str:
    """One workflow command line; properties whose value is None are left out."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items()
                     if v is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _finding(f: Finding, at: int = 0) -> str:
    """The annotation of a finding on its statement number `at` (the others listed)."""
    props: dict[str, str | int | None] = {}
    message = f.message
    ref = f.claims[at] if len(f.claims) > at else None
    if ref is not None and ref.claim_file:
        props = {"file": ref.claim_file, "line": ref.claim_file_line}
        message += f"\n{ref.path}:{ref.line}:{ref.column}: {ref.text}"
    elif ref is not None:
        same_line = ref.end_line == ref.line
        props = {"file": ref.path, "line": ref.line, "endLine": ref.end_line,
                 "col": ref.column,
                 # GitHub takes columns only on one line; its end column is inclusive.
                 "endColumn": max(ref.column, ref.end_column - 1) if same_line else None}
        if not same_line:
            props["col"] = None
    if ref is not None and ref.claim_id:
        message += f"\nclaim {ref.claim_id}"
    for k, other in enumerate(f.claims):
        if k != at:
            label = ROLE_LABELS.get(other.role, other.role)
            message += f"\n{label}: {other.path}:{other.line}: {other.text}"
    props["title"] = f"claimcheck {short_rule(f)}"
    return command(COMMANDS[severity(f)], props, message)


# Findings annotated on each of their statements: a conflict's new side may be the only file
# a pull request changes (a CI probe: a new document's conflict was annotated on the old
# document's claim file only, out of the diff).
_EACH_SIDE = frozenset({"conflict"})


def _annotations(f: Finding) -> list[str]:
    """The finding's annotations: on each statement of a conflict (each file once), else
    on its first statement."""
    if f.kind not in _EACH_SIDE:
        return [_finding(f)]
    seen: set[tuple[str, int | None]] = set()
    out = []
    for at, ref in enumerate(f.claims):
        where = (ref.claim_file, ref.claim_file_line) if ref.claim_file else (ref.path, ref.line)
        if where not in seen:
            seen.add(where)
            out.append(_finding(f, at))
    return out or [_finding(f)]


def _error(e: ErrorOut) -> str:
    title = "claimcheck " + error_key(e).removeprefix("claimcheck/")
    props: dict[str, str | int | None] = {"file": e.path, "line": e.line if e.path else None,
                                          "col": e.column if e.path and e.line else None,
                                          "title": title}
    message = e.message + (f" (field {e.field})" if e.field else "")
    return command("error", props, message)


def render(report: Report) -> str:
    """Annotations, input errors first, then findings from most to least severe."""
    active = [f for f in report.findings if f.suppressed is None]
    lines = [_error(e) for e in report.errors]
    lines += [line for f in by_severity(active) for line in _annotations(f)]
    return "".join(line + "\n" for line in lines)
