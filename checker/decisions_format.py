"""The text form of `reviews/decisions.yaml`: a canonical subset of YAML, written and read fast.

The file holds plain words, JSON-quoted strings (a JSON string is a YAML double-quoted
scalar) and JSON arrays of strings, so writing it needs no YAML library, diffs stay stable,
and reading it is a line scan. `parse_canonical` returns None for anything outside the subset
(an editor's hand-written YAML, comments after values, duplicates): the caller then uses the
full YAML reader, which locates errors.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from checker import rx

_PLAIN = rx.compile(r"[a-z0-9][a-z0-9-]*")
_NUMBERISH = rx.compile(r"[0-9][0-9_.:e+-]*|0[box][0-9a-f_]*")  # could read as a number or date
_RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})
# Characters JSON leaves raw but YAML readers reject or treat as line breaks.
_UNSAFE = rx.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_ENTRY = rx.compile(r'^  ("(?:[^"\\]|\\.)*"|[a-z0-9-]+):$')
_FIELD = rx.compile(r"^    ([a-z_]+): (.+)$")
_QUOTED = rx.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\n]|\'\')*\'')


def _quoted(value: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _scalar(value: str) -> str:
    if _PLAIN.fullmatch(value) and not _NUMBERISH.fullmatch(value) and value not in _RESERVED:
        return value
    return _quoted(value)


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_quoted(str(v)) for v in value) + "]"
    return _scalar(str(value))


def _token(text: str) -> Any:
    """A value of the canonical subset, or raise ValueError."""
    if text.startswith(("\"", "[")):
        value = json.loads(text)
        if isinstance(value, str) or (isinstance(value, list)
                                      and all(isinstance(v, str) for v in value)):
            return value
    elif _scalar(text) == text:
        return text
    raise ValueError(text)


def parse_canonical(text: str) -> dict[str, Any] | None:
    """The file as plain data when it is in the canonical subset; None otherwise."""
    data: dict[str, Any] = {}
    entries: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    closed = False  # after `decisions: {}` no entry may follow
    try:
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if (m := _ENTRY.match(line)) and "decisions" in data and not closed:
                key = _token(m.group(1))
                if key in entries:
                    return None  # duplicate: the full reader reports it
                current = entries[key] = {}
            elif (m := _FIELD.match(line)) and current is not None:
                if m.group(1) in current:
                    return None
                current[m.group(1)] = _token(m.group(2))
            elif line in ("decisions:", "decisions: {}") and "decisions" not in data:
                data["decisions"] = entries
                closed = line.endswith("{}")
            elif line.startswith("schema_version: ") and not data:
                data["schema_version"] = _token(line.split(": ", 1)[1])
            else:
                return None
    except ValueError:  # json.JSONDecodeError is one
        return None
    if "decisions" not in data or not all(entries.values()):
        return None  # an entry without fields is null in YAML: let the full reader say so
    return data


def render_mapping(schema_version: str, entries: dict[str, dict[str, Any]]) -> str:
    """`schema_version` and `decisions` (entries sorted by key) as canonical YAML."""
    lines = [f"schema_version: {_scalar(schema_version)}",
             "decisions:" if entries else "decisions: {}"]
    for key in sorted(entries):
        lines.append(f"  {_scalar(key)}:")
        lines.extend(f"    {field}: {_value(value)}" for field, value in entries[key].items())
    return "\n".join(lines) + "\n"


def has_comments(text: str, header: str) -> bool:
    """Whether an editor wrote comments in the file (beyond the header claimcheck writes:
    its lines and the schema line, wherever they are)."""
    ours = set(header.splitlines())
    # A "#" inside a quoted note ("worker 1 #3") is not a comment.
    for line in _QUOTED.sub('""', text).splitlines():
        if line in ours or line.startswith("# yaml-language-server:"):
            continue
        if line.lstrip().startswith("#") or " #" in line:
            return True
    return False


def update_keeping_comments(text: str, changes: dict[str, dict[str, Any] | None],
                            canonical: str) -> str:
    """The file's text with entries replaced, added (None: removed), through a round-trip
    YAML parser: the editor's comments stay where they were, the entries in fingerprint
    order as the canonical form has them (`sort_entries`). `canonical` is the
    whole file's body in canonical form, for a file that holds only comments."""
    from io import StringIO

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="rt")
    yaml.width = 100_000
    yaml.allow_unicode = True
    root = yaml.load(text)
    if not isinstance(root, CommentedMap):  # only comments (an empty file): keep them above
        return text.rstrip("\n") + "\n" + canonical
    entries = root.get("decisions")
    if not isinstance(entries, CommentedMap):
        entries = root["decisions"] = CommentedMap()
    removed = {key for key, value in changes.items() if value is None and key in entries}
    for key in sorted(changes):
        value = changes[key]
        if value is None:
            continue  # removed below, after the text with it is taken
        if key in entries and isinstance(entries[key], CommentedMap):
            node = entries[key]
            for field in [f for f in node if f not in value]:
                del node[field]
            node.update(value)  # in place: a comment after the entry stays with it
        else:
            entries[key] = CommentedMap(value)

    def dump() -> str:
        out = StringIO()
        yaml.dump(root, out)
        return out.getvalue()

    # ruamel keeps the comment lines above an entry with the entry before it: removing that
    # one took them along (and removing the last one after a comment wrote `{}` at column 0,
    # which is not YAML). The line scan removes the entry and keeps the comments.
    with_removed = dump() if removed else ""
    for key in removed:
        del entries[key]
    dumped = dump()
    safe = YAML(typ="safe")
    if removed:
        expected = safe.load(with_removed)
        expected["decisions"] = {k: v for k, v in expected["decisions"].items()
                                 if k not in removed}
    else:
        expected = safe.load(dumped)
    candidates = [sort_entries(with_removed, removed)] if removed else []
    for candidate in [*candidates, sort_entries(dumped)]:
        try:
            if safe.load(candidate) == expected:
                return candidate
        except YAMLError:
            continue
    return dumped  # a layout the line scan misread: as ruamel wrote it


_TOP_DECISIONS = rx.compile(r"^decisions:[ \t]*(#.*)?$")
_ENTRY_KEY = rx.compile(r"""^  ("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{\[][^:#]*?):(?:[ \t]|$)""")


def _entry_key(line: str) -> str | None:
    """The fingerprint an entry line (`  key:`) starts, or None."""
    m = _ENTRY_KEY.match(line)
    if m is None:
        return None
    key = m.group(1)
    if key.startswith('"'):
        return str(json.loads(key))
    if key.startswith("'"):
        return key[1:-1].replace("''", "'")
    return key.rstrip()


def sort_entries(text: str, drop: Collection[str] = ()) -> str:
    """The round-trip writer's text with the `decisions` entries in fingerprint order (as
    the canonical form has them), so two editors' files diff cleanly: ruamel appends a new
    entry at the end. Each entry moves with the comment lines just above it; comments at
    column 0 (the file's trailing ones) stay at the end of the block. The entries in `drop`
    are left out, the comments above them kept for the next entry. A layout this line scan
    does not know (flow style, other indentation) is returned as it is."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _TOP_DECISIONS.match(line.rstrip("\n"))),
                 None)
    if start is None:
        return text
    # Each entry: its key, the comment lines just above it, its own lines.
    entries: list[tuple[str, list[str], list[str]]] = []
    pending: list[str] = []  # comment and blank lines not yet placed
    trailer: list[str] = []  # column-0 comments: they stay at the end of the block
    end = len(lines)
    for i in range(start + 1, len(lines)):
        line = lines[i]
        bare = line.rstrip("\n")
        stripped = bare.strip()
        if not stripped or stripped.startswith("#"):
            (trailer if bare.startswith("#") else pending).append(line)
            continue
        if not bare.startswith(" "):  # the next top-level key: the block ends
            end = i
            break
        key = _entry_key(bare)
        if key is not None:
            entries.append((key, pending, [line]))
        elif entries and bare.startswith("   "):
            entries[-1][2].extend([*pending, line])
        else:
            return text  # not the layout the writer gives
        pending = []
    keys = [key for key, _, _ in entries]
    if len(set(keys)) != len(keys) or (keys == sorted(keys) and not set(drop) & set(keys)):
        return text
    kept: list[tuple[str, list[str], list[str]]] = []
    carried: list[str] = []  # the comments above a dropped entry
    for key, lead, own in entries:
        if key in drop:
            carried.extend(lead)
        else:
            kept.append((key, [*carried, *lead], own))
            carried = []
    body = [line for _, lead, own in sorted(kept, key=lambda e: e[0]) for line in lead + own]
    head = lines[start] if kept else lines[start].replace("decisions:", "decisions: {}", 1)
    return "".join([*lines[:start], head, *body, *carried, *pending, *trailer, *lines[end:]])
