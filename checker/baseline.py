"""Baselines: the findings a repository already has, so that only new ones fail CI.

Findings are matched by fingerprint, which does not depend on line numbers: moving text
does not make an old finding new. Baseline findings stay in the report, marked suppressed
"by baseline", and do not count towards the exit code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.errors import ClaimcheckError, InputError, Location
from checker.ingest import display_path
from checker.models.report import COPY_OF, Finding, Report, Suppressed

BASELINE_VERSION = "1"
# How a baseline file begins (`render_baseline`): `baseline write` replaces only such a file.
SIGNATURE = re.compile(rb'\A\{\s*"schema_version":\s*"[^"]*",\s*"tool":\s*"claimcheck"')


def render_baseline(report: Report) -> str:
    """The baseline file for a report: every unsuppressed finding's fingerprint."""
    entries = [
        {"id": f.id, "kind": f.kind, "rule_id": f.rule_id, "message": f.message,
         "location": f"{f.claims[0].path}:{f.claims[0].line}" if f.claims else None}
        for f in sorted(report.findings, key=lambda f: f.id) if f.suppressed is None
    ]
    data: dict[str, Any] = {"schema_version": BASELINE_VERSION, "tool": "claimcheck",
                            "findings": entries}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: Path, shown: str) -> set[str]:
    """Fingerprints listed in a baseline file."""
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
    ids = set()
    for i, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise InputError("baseline entry without an `id`",
                             Location(shown, None, None, f"findings[{i}].id"))
        ids.add(entry["id"])
    return ids


def apply_baseline(findings: Sequence[Finding], path: Path,
                   root: Path) -> tuple[list[Finding], list[ClaimcheckError]]:
    """Mark findings already in the baseline as suppressed (kept, not counted)."""
    shown = display_path(path, root)
    try:
        known = read_baseline(path, shown)
    except ClaimcheckError as exc:
        return list(findings), [exc]
    # An entry made when a sentence stood once stands for one copy once it is repeated (the
    # first, in the findings' order): the copies beyond it are new.
    present = {f.id for f in findings}
    spare = known - present
    out = []
    for f in findings:
        copy_of = f.details.get(COPY_OF)
        if f.id not in known and isinstance(copy_of, str) and copy_of in spare:
            spare.discard(copy_of)
            known_now = True
        else:
            known_now = f.id in known
        if known_now and f.suppressed is None:
            f = f.model_copy(update={"suppressed": Suppressed(
                by="baseline", reason=f"in baseline {shown}")})
        out.append(f)
    return out, []
