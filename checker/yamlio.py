"""Safe YAML reading with source positions (`checker.schemacheck` validates what it reads).

Every YAML file the tool reads (claims, rules, decisions, metadata) goes through here, so
the limits (size, nesting, aliases, duplicate keys) are enforced in one place.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.tokens import (
    FlowMappingEndToken,
    FlowMappingStartToken,
    FlowSequenceEndToken,
    FlowSequenceStartToken,
)

from checker import rx
from checker.errors import Location, YamlSyntaxError
from checker.safepaths import leads_out

MAX_YAML_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64


# A lone surrogate: only a `\ud800`-style escape of a double-quoted scalar makes one (UTF-8
# text cannot hold it), and no report, cache or JSON can carry it.
_SURROGATE_RE = rx.compile("[\ud800-\udfff]")


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps timestamps as strings (validated later) and
    refuses a lone surrogate where the scalar that holds it starts."""

    def construct_yaml_str(self, node: Any) -> Any:
        """A string scalar (keys too); a lone surrogate in it is the file's error."""
        value = super().construct_yaml_str(node)
        if isinstance(value, str) and _SURROGATE_RE.search(value):
            raise ConstructorError(None, None, "a \\u escape makes a lone surrogate (U+D800 to "
                                   "U+DFFF), which is not text", node.start_mark)
        return value


_Constructor.add_constructor("tag:yaml.org,2002:str", _Constructor.construct_yaml_str)
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML text into ruamel nodes that remember their line and column."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlSyntaxError(f"file is over the {MAX_YAML_BYTES // 2**20} MB limit",
                              Location(path))
    try:
        _check_flow_depth(text, path)
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "duplicate key" in problem or "found duplicate key" in str(exc):
            problem = _duplicate_key_message(exc)
        raise YamlSyntaxError(f"YAML syntax: {problem}", Location(path, line, column)) from None
    except RecursionError:
        raise YamlSyntaxError(
            f"YAML nesting is deeper than {MAX_DEPTH} levels", Location(path)
        ) from None
    except YAMLError as exc:
        raise YamlSyntaxError(f"YAML syntax: {exc}", Location(path)) from None
    except (ValueError, KeyError, AssertionError) as exc:
        # ruamel's own, on a value it cannot build (`!!int abc`, `%YAML 1.3`): still the
        # file's fault, so a located error, not a traceback.
        raise YamlSyntaxError(f"YAML: a value cannot be read ({type(exc).__name__}: {exc})",
                              Location(path)) from None


_BRACKETS_RE = rx.compile(r"[\[\]{}]")
_FLOW_START = (FlowSequenceStartToken, FlowMappingStartToken)
_FLOW_END = (FlowSequenceEndToken, FlowMappingEndToken)


def _check_flow_depth(text: str, path: str) -> None:
    """Refuse flow collections nested deeper than MAX_DEPTH before parsing: ruamel's scanner
    is quadratic in the flow depth (5,000 `[` take minutes), so the parse itself must not
    reach it. A count of brackets bounds the depth cheaply; only when that bound is over the
    limit (rare: brackets inside text) are the tokens scanned, and only up to the limit."""
    if flow_depth_bound(text) <= MAX_DEPTH:
        return
    level = 0
    for token in _yaml().scan(text):
        if isinstance(token, _FLOW_START):
            level += 1
            if level > MAX_DEPTH:
                mark = token.start_mark
                raise YamlSyntaxError(f"YAML nesting is deeper than {MAX_DEPTH} levels",
                                      Location(path, mark.line + 1, mark.column + 1))
        elif isinstance(token, _FLOW_END):
            level -= 1


def flow_depth_bound(text: str) -> int:
    """An upper bound of the flow nesting depth: brackets counted as if none were quoted
    (a claim file has hundreds of `[` in flow lists, nested one deep)."""
    depth = bound = 0
    for m in _BRACKETS_RE.finditer(text):
        depth = depth + 1 if m.group() in "[{" else max(depth - 1, 0)
        bound = max(bound, depth)
    return bound


def _duplicate_key_message(exc: MarkedYAMLError) -> str:
    text = str(exc)
    for line in text.splitlines():
        if "duplicate key" in line:
            return line.strip().rstrip(".")
    return "duplicate key"


def read_yaml(path: Path, display: str | None = None) -> Any:
    """Read and parse a YAML file; errors name the file. Only a regular file within the
    size limit is read (a device or a pipe would never end), and not through a symlink
    that leads out of the repository (its content would be quoted in the errors)."""
    name = display or str(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise YamlSyntaxError("is not a regular file (a directory, device or pipe)",
                                  Location(name))
        if info.st_size > MAX_YAML_BYTES:
            # Refused before reading: a huge file is never loaded (nor decoded, nor parsed).
            raise YamlSyntaxError(f"file is {info.st_size / 2**20:.1f} MB, over the "
                                  f"{MAX_YAML_BYTES // 2**20} MB limit", Location(name))
        if leads_out(path):
            raise YamlSyntaxError("is a symlink to a file outside the repository (refused)",
                                  Location(name))
        with open(path, "rb") as handle:
            raw = handle.read(MAX_YAML_BYTES + 1)  # bounded, even if the file grew
    except OSError as exc:
        raise YamlSyntaxError(f"cannot read file: {exc.strerror}", Location(name)) from None
    if len(raw) > MAX_YAML_BYTES:
        raise YamlSyntaxError(f"file is over the {MAX_YAML_BYTES // 2**20} MB limit",
                              Location(name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(
            f"not UTF-8 (invalid byte at offset {exc.start})", Location(name)
        ) from None
    return parse_yaml(text, name)


def to_plain(node: Any, path: str, _depth: int = 0, _seen: set[int] | None = None) -> Any:
    """Convert ruamel nodes to plain JSON-like data; refuses aliases and deep nesting."""
    seen = set() if _seen is None else _seen
    if _depth > MAX_DEPTH:
        raise YamlSyntaxError(f"YAML nesting is deeper than {MAX_DEPTH} levels", Location(path))
    if isinstance(node, dict | list):
        if id(node) in seen:
            line, col = position(node)
            # Aliases can expand exponentially ("billion laughs"); they are never needed here.
            raise YamlSyntaxError(
                "YAML anchors and aliases are not allowed", Location(path, line, col)
            )
        seen.add(id(node))
    if isinstance(node, dict):
        return {str(k): to_plain(v, path, _depth + 1, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v, path, _depth + 1, seen) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def position(node: Any) -> tuple[int | None, int | None]:
    """1-based line and column where a ruamel container starts."""
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return None, None
    return lc.line + 1, lc.col + 1


def locate(root: Any, keys: Sequence[str | int]) -> tuple[int | None, int | None]:
    """1-based line and column of the deepest node reachable along keys."""
    node = root
    line, col = position(root)
    for key in keys:
        try:
            if isinstance(node, CommentedMap) and key in node:
                kl, kc = node.lc.key(key)
                line, col = kl + 1, kc + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
                il, ic = node.lc.item(key)
                line, col = il + 1, ic + 1
                node = node[key]
            else:
                break
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    return line, col


def field_path(keys: Iterable[str | int]) -> str:
    """`['claims', 3, 'span']` -> `claims[3].span`."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(top level)"
