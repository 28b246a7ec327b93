"""`check --fix` / `--diff`: rewrite term-rule violations in claim files.

Edits are made on the lines of the file, not by re-dumping YAML, so the editor's comments,
quoting and layout survive. Only spelling (term) findings are fixed; facts are never
auto-fixed: the report suggests them to an editor.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checker import rx
from checker.models.report import Finding

_TEXT_LINE_RE = rx.compile(r"^(?P<lead>\s*(?:-\s+)?text:\s*)(?P<value>.*)$")
_ITEM_RE = rx.compile(r"^\s*-\s+id:\s")


@dataclass(frozen=True)
class Edit:
    """Replace `found` by `replacement` in the text lines of one claim."""

    claim_line: int
    found: str
    replacement: str


def _escape(value: str, quoted: str) -> str:
    if quoted == "'":
        return value.replace("'", "''")
    if quoted == '"':
        return value.replace("\\", "\\\\").replace('"', '\\"')
    return value


def _fix_line(line: str, edit: Edit) -> str:
    m = _TEXT_LINE_RE.match(line)
    if not m:
        return line
    value = m.group("value")
    quote = value[:1] if value[:1] in ("'", '"') else ""
    found, replacement = _escape(edit.found, quote), _escape(edit.replacement, quote)
    pattern = rf"(?<!\w){re.escape(found)}(?!\w)"
    return m.group("lead") + re.sub(pattern, replacement.replace("\\", "\\\\"), value)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The claim file text with each edit applied to its claim's `text:` lines."""
    lines = text.splitlines(keepends=True)
    for edit in sorted(set(edits), key=lambda e: (e.claim_line, e.found)):
        start = edit.claim_line - 1
        end = start + 1
        while end < len(lines) and not _ITEM_RE.match(lines[end]):
            end += 1
        block = -1  # the indent of a `text:` key whose value is a block scalar below it
        for i in range(start, min(end, len(lines))):
            body = lines[i].rstrip("\r\n")
            indent = len(body) - len(body.lstrip())
            if block >= 0 and (indent > block or not body.strip()):
                fixed = _replace_words(body, edit.found, edit.replacement)
            else:
                block = _block_start(body)
                fixed = _fix_line(body, edit)
            if fixed != body:
                lines[i] = fixed + lines[i][len(body):]
    return "".join(lines)


# A block scalar's header ("text: >-", "text: |"): the value is on the lines below.
_BLOCK_RE = rx.compile(r"[|>][+-]?[1-9]?[+-]?\s*(?:#.*)?")


def _block_start(line: str) -> int:
    """The indent of a `text:` key whose value is a block scalar, else -1 (a CI probe:
    `--fix` said it fixed such a text and left it as it was)."""
    m = _TEXT_LINE_RE.match(line)
    if not m or not _BLOCK_RE.fullmatch(m.group("value")):
        return -1
    return m.group("lead").index("text:")  # the key's column


def _replace_words(line: str, found: str, replacement: str) -> str:
    """`found` as a whole word replaced in a line of a block scalar (no quoting there)."""
    return re.sub(rf"(?<!\w){re.escape(found)}(?!\w)", replacement.replace("\\", "\\\\"),
                  line)


def plan_fixes(findings: Iterable[Finding], root: Path) -> dict[Path, tuple[str, str]]:
    """{claim file: (old text, new text)} for every unsuppressed term finding with a fix."""
    edits: dict[str, list[Edit]] = defaultdict(list)
    for f in findings:
        if f.kind != "term" or f.fix is None or f.suppressed is not None:
            continue
        for ref in f.claims:
            if ref.claim_file and ref.claim_file_line and "found" in f.details:
                edits[ref.claim_file].append(
                    Edit(ref.claim_file_line, str(f.details["found"]), f.fix.replacement))
    plans: dict[Path, tuple[str, str]] = {}
    for name, file_edits in sorted(edits.items()):
        path = root / name
        old = path.read_bytes().decode("utf-8")  # as it is: CRLF lines stay CRLF
        new = apply_edits(old, file_edits)
        if new != old:
            plans[path] = (old, new)
    return plans


def unfixable(findings: Iterable[Finding]) -> list[str]:
    """The documents (sorted, once each) of unsuppressed term findings with a fix that name
    no claim file: drafted on the fly, they have no file to fix (a first-time-user probe:
    `--fix` and `--diff` said nothing)."""
    return sorted({ref.document for f in findings
                   if f.kind == "term" and f.fix is not None and f.suppressed is None
                   for ref in f.claims if not ref.claim_file})


def render_diff(plans: dict[Path, tuple[str, str]], root: Path) -> str:
    """A unified diff of the planned fixes."""
    out: list[str] = []
    for path, (old, new) in sorted(plans.items()):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        out.extend(difflib.unified_diff(old.splitlines(keepends=True),
                                        new.splitlines(keepends=True),
                                        fromfile=f"a/{name}", tofile=f"b/{name}"))
    return "".join(out)
