"""Baselines: the findings a repository already has, so that only new ones fail CI.

Findings are matched by fingerprint, which does not depend on line numbers: moving text
does not make an old finding new. Baseline findings stay in the report, marked suppressed
"by baseline", and do not count towards the exit code.

A fingerprint names its documents, so renaming one changes it: each entry also records its
statements (document, path, words), and an entry whose finding is gone stands for the one
finding of its kind and rule on the same words whose documents differ from its own only by
documents gone from the run replaced by ones the baseline never named (`_renamed`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from checker import rx
from checker.errors import ClaimcheckError, InputError, Location
from checker.ingest import display_path
from checker.models.report import COPY_OF, Finding, Report, Suppressed
from checker.textutil import fold

BASELINE_VERSION = "1"
# How a baseline file begins (`render_baseline`): `baseline write` replaces only such a file.
SIGNATURE = rx.compile(rb'\A\{\s*"schema_version":\s*"[^"]*",\s*"tool":\s*"claimcheck"')


def render_baseline(report: Report) -> str:
    """The baseline file for a report: every unsuppressed finding's fingerprint."""
    entries = [
        {"id": f.id, "kind": f.kind, "rule_id": f.rule_id, "message": f.message,
         "location": f"{f.claims[0].path}:{f.claims[0].line}" if f.claims else None,
         # What a renamed document's finding is recognised by (`_renamed`).
         "statements": [{"document": c.document, "path": c.path, "text": c.text}
                        for c in f.claims]}
        for f in sorted(report.findings, key=lambda f: f.id) if f.suppressed is None
    ]
    data: dict[str, Any] = {"schema_version": BASELINE_VERSION, "tool": "claimcheck",
                            "findings": entries}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: Path, shown: str) -> set[str]:
    """Fingerprints listed in a baseline file."""
    return {str(entry["id"]) for entry in read_entries(path, shown)}


def read_entries(path: Path, shown: str) -> list[dict[str, Any]]:
    """The entries of a baseline file, each with its `id`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("baseline file not found (create it with `claimcheck baseline "
                         "write FILE`)", Location(shown)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read baseline: {exc}", Location(shown)) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"baseline is not JSON: {exc.msg}",
                         Location(shown, exc.lineno, exc.colno)) from None
    if isinstance(data, dict) and data.get("schema_version") != BASELINE_VERSION:
        raise InputError(f"baseline schema_version {data.get('schema_version')!r} is not one "
                         f"this claimcheck reads ({BASELINE_VERSION!r}); write it again with "
                         f"`claimcheck baseline write`", Location(shown, 1, None, "schema_version"))
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError("baseline has no `findings` list", Location(shown, 1, None, "findings"))
    for i, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise InputError("baseline entry without an `id`",
                             Location(shown, None, None, f"findings[{i}].id"))
    return list(data["findings"])


def apply_baseline(findings: Sequence[Finding], path: Path,
                   root: Path) -> tuple[list[Finding], list[ClaimcheckError]]:
    """Mark findings already in the baseline as suppressed (kept, not counted)."""
    shown = display_path(path, root)
    try:
        entries = read_entries(path, shown)
    except ClaimcheckError as exc:
        return list(findings), [exc]
    known = {str(e["id"]) for e in entries}
    # An entry made when a sentence stood once stands for one copy once it is repeated (the
    # first, in the findings' order): the copies beyond it are new.
    present = {f.id for f in findings}
    spare = known - present
    out = []
    copied = set()
    for f in findings:
        copy_of = f.details.get(COPY_OF)
        if f.id not in known and isinstance(copy_of, str) and copy_of in spare:
            spare.discard(copy_of)
            copied.add(f.id)
    renamed = _renamed([f for f in findings if f.id not in known and f.id not in copied],
                       [e for e in entries if e["id"] in spare],
                       {c.document for f in findings for c in f.claims}, _named(entries),
                       lambda p: (root / p).exists())
    for f in findings:
        if f.suppressed is None and (f.id in known or f.id in copied or f.id in renamed):
            why = f" (as {renamed[f.id]}: its document was renamed)" if f.id in renamed else ""
            f = f.model_copy(update={"suppressed": Suppressed(
                by="baseline", reason=f"in baseline {shown}{why}")})
        out.append(f)
    return out, []


def _words(texts: Iterable[str]) -> tuple[str, ...]:
    """Statements as renames are matched on: their words, spacing and quotes aside."""
    return tuple(sorted(" ".join(fold(t).split()) for t in texts))


def _statements(entry: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """An entry's recorded statements (none in a baseline written before they were)."""
    found = entry.get("statements")
    if not isinstance(found, list):
        return []
    return [s for s in found if isinstance(s, dict) and isinstance(s.get("document"), str)
            and isinstance(s.get("text"), str)]


def _named(entries: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every document a baseline entry names: documents that existed when it was written."""
    return {str(s["document"]) for e in entries for s in _statements(e)}


def _renamed(findings: Sequence[Finding], gone: Sequence[Mapping[str, Any]],
             present: set[str], named: set[str], exists: Callable[[str], bool]
             ) -> dict[str, str]:
    """Finding id -> the baseline entry (whose finding is gone) it is after a rename: the
    one unmatched finding of the entry's kind and rule on the same words, whose documents
    differ from the entry's only by ones gone from the run (not `present` in a finding, no
    file at their path) replaced by ones the baseline never named. A copy of the sentence
    in a document that existed, or beside one still there, is a new problem, never hidden."""
    by_key: dict[tuple[str, str | None, tuple[str, ...]], list[Finding]] = {}
    for f in findings:
        by_key.setdefault((str(f.kind), f.rule_id, _words(c.text for c in f.claims)),
                          []).append(f)
    out: dict[str, str] = {}
    for entry in gone:
        statements = _statements(entry)
        if not statements:
            continue
        old = {str(s["document"]) for s in statements}
        vanished = {str(s["document"]) for s in statements
                    if s["document"] not in present and not exists(str(s.get("path") or ""))}
        key = (str(entry.get("kind")), entry.get("rule_id"),
               _words(str(s["text"]) for s in statements))
        found = [f for f in by_key.get(key, []) if f.id not in out and _renames(
            old, {c.document for c in f.claims}, vanished, named)]
        if len(found) == 1:
            out[found[0].id] = str(entry["id"])
    return out


def _renames(old: set[str], new: set[str], vanished: set[str], named: set[str]) -> bool:
    """Documents `new` are `old` with some vanished ones renamed to ones never named."""
    return old != new and old - new <= vanished and not (new - old) & named
