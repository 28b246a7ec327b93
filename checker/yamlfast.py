"""Small YAML files that are valid, read without the round-trip parser.

Ten thousand metadata sidecars take seconds through the round-trip parser, which keeps
positions to locate errors. A valid file needs none: it is parsed by ruamel's C safe parser
(ruamel.yaml.clib), checked, and returned; any other file is left to `checker.yamlio`, which
reports the located error. Same limits and same data on both paths (tests/test_yamlio.py).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from checker import rx
from checker.errors import ClaimcheckError
from checker.schemacheck import is_valid
from checker.yamlio import MAX_DEPTH, MAX_YAML_BYTES, flow_depth_bound, to_plain

M = TypeVar("M", bound=BaseModel)


class _SafeConstructor(SafeConstructor):
    """Safe constructor that keeps timestamps as strings, as the round-trip path does."""


_SafeConstructor.add_constructor("tag:yaml.org,2002:timestamp", _SafeConstructor.construct_yaml_str)


try:  # ruamel.yaml.clib, a dependency; without it the pure safe parser does the same
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - platforms without the wheel
    CParser = None


class _CLoader(CParser or object, _SafeConstructor, VersionedResolver):  # type: ignore[misc]
    """ruamel's C parser with the safe constructor, made once.

    `YAML(typ="safe").load` builds this class afresh for every file, and its instances refer
    to themselves: ten thousand sidecars left ten thousand classes and cycles for the
    collector. `_load` breaks the self-references when done, so each load is freed at once."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        self._parser = self._composer = self
        _SafeConstructor.__init__(self, loader=self)
        self.allow_duplicate_keys = False
        VersionedResolver.__init__(self, version=None, loadumper=self)
        self._resolvers: Any = None

    @property
    def versioned_resolver(self) -> Any:
        """The implicit resolvers of YAML 1.2, looked up once: ruamel looks the version up
        twice for every scalar, a third of reading a claim file. (A file with a `%YAML`
        directive never gets here: `_composed` declines it.)"""
        if self._resolvers is None:
            self._resolvers = VersionedResolver.versioned_resolver.fget(self)  # type: ignore[attr-defined]
        return self._resolvers


_LOOPS = ("_parser", "_composer", "loader", "_constructor", "loadumper", "_resolver",
          "_resolvers")


# What the C loader reads otherwise than the careful path: tabs between tokens (libyaml
# takes them, ruamel's own scanner refuses them), directives (the loader does not follow
# `%YAML 1.1`, where `yes` is a boolean), anchors (an anchored `true` is 1 on the careful
# path). A text with any of them, or a false alarm ("R &D"), is read the careful way.
_NOT_PLAIN_RE = rx.compile(r"\t|^%|(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)


def _load(text: str) -> Any:
    if CParser is None:
        yaml = YAML(typ="safe", pure=True)
        yaml.Constructor = _SafeConstructor
        yaml.allow_duplicate_keys = False
        return yaml.load(text)
    return _composed(text)[1]


def _composed(text: str) -> tuple[Any, Any]:
    """The node tree of plain YAML text and its plain data; `_Unusual` for any other text."""
    if _NOT_PLAIN_RE.search(text):
        raise _Unusual("tab, directive or anchor")
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
        return node, (_Plain(loader).of(node, 0) if node is not None else None)
    finally:
        # The loader refers to itself: without this, each file would wait for the collector.
        loader.dispose()
        for name in _LOOPS:
            if hasattr(loader, name):
                setattr(loader, name, None)


def _parsed(raw: bytes, path: str) -> tuple[Any, Any] | None:
    """(node tree, plain data) of YAML bytes within the limits, the tree None without the C
    parser; None for anything the fast path declines (the careful path says what is wrong)."""
    if len(raw) > MAX_YAML_BYTES:
        return None
    try:
        text = raw.decode("utf-8-sig")
        if flow_depth_bound(text) > MAX_DEPTH:
            return None  # maybe deep flow nesting: the careful path bounds it
        if "\\u" in text or "\\U" in text:
            return None  # an escape may make a lone surrogate: the careful path refuses it
        return _composed(text) if CParser is not None else (None, to_plain(_load(text), path))
    except (ClaimcheckError, *_DECLINED):
        return None


def composed(raw: bytes, path: str) -> tuple[Any, Any] | None:
    """(node tree, plain data) of plain YAML bytes through the C parser, whose nodes carry
    every position; None without that parser or for anything the fast path declines."""
    parsed = _parsed(raw, path) if CParser is not None else None
    return parsed if parsed is not None and parsed[0] is not None else None


def validated(data: Any, model: type[M], schema: dict[str, Any]) -> M | None:
    """The model of plain data that passes the schema gate and the model, else None."""
    return _validated(data, model, schema)


def load_with_lines(raw: bytes, path: str, key: str) -> tuple[Any, list[int]] | None:
    """Plain data of a YAML file, with the 1-based line of each item of its top-level
    sequence `key`, through the C parser; None when that parser is missing or the file is
    anything but plain YAML within the limits (the careful path then says what is wrong).

    Claim files need the line of each claim (findings point at it) but no other position
    unless something is wrong; the round-trip parser that keeps every position took
    most of a check of the five seeds (87 KB of claim files)."""
    parsed = composed(raw, path)
    return (parsed[1], _item_lines(parsed[0], key)) if parsed is not None else None


def model_with_lines(raw: bytes, path: str, model: type[M], schema: dict[str, Any],
                     key: str) -> tuple[M, list[int]] | None:
    """A valid file's model, with the lines of the items of its sequence `key`
    (`load_with_lines`); None when the fast path declines it or it fails the schema gate
    or the model (the careful path then gives the located errors)."""
    parsed = load_with_lines(raw, path, key)
    made = _validated(parsed[0], model, schema) if parsed is not None else None
    return (made, parsed[1]) if made is not None and parsed is not None else None


def _validated(data: Any, model: type[M], schema: dict[str, Any]) -> M | None:
    """The model of plain data that passes the schema gate and the model, else None."""
    if not is_valid(schema)(data):
        return None
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


class _Unusual(Exception):
    """Something the plain subset of YAML does not have (a tab, a directive, an anchor or
    alias, a merge key, a tag, a duplicate or non-string key): the careful path reads the
    file."""


# Why the fast path declines a file. ValueError, KeyError and AssertionError are ruamel's
# own on values it cannot build (`!!int abc`, `%YAML 1.3`): the careful path reports them.
_DECLINED = (UnicodeDecodeError, YAMLError, _Unusual, RecursionError, ValueError, KeyError,
             AssertionError)


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Plain:
    """Composed nodes straight to plain data, as `to_plain(construct_document(node))` gives
    for the plain subset of YAML: the constructor's bookkeeping per node was half the
    time of reading a claim file. Scalars other than strings go through the constructor's
    own methods, so their values are its."""

    def __init__(self, loader: Any) -> None:
        self._scalars = {
            _STR: lambda node: node.value,
            "tag:yaml.org,2002:timestamp": lambda node: node.value,  # kept as written
            "tag:yaml.org,2002:int": loader.construct_yaml_int,
            "tag:yaml.org,2002:float": loader.construct_yaml_float,
            "tag:yaml.org,2002:bool": loader.construct_yaml_bool,
            "tag:yaml.org,2002:null": lambda node: None,
        }
        self._seen: set[int] = set()

    def of(self, node: Any, depth: int) -> Any:
        """The plain value of a node."""
        if isinstance(node, ScalarNode):
            make = self._scalars.get(str(node.tag))
            if make is None:
                raise _Unusual(node.tag)
            return make(node)
        if depth >= MAX_DEPTH or id(node) in self._seen:
            raise _Unusual("deep or aliased")
        self._seen.add(id(node))
        if isinstance(node, SequenceNode) and node.tag == _SEQ:
            return [self.of(item, depth + 1) for item in node.value]
        if not (isinstance(node, MappingNode) and node.tag == _MAP):
            raise _Unusual(node.tag)
        out: dict[str, Any] = {}
        for key, value in node.value:
            if not (isinstance(key, ScalarNode) and key.tag == _STR) or key.value in out:
                raise _Unusual("key")
            out[key.value] = self.of(value, depth + 1)
        return out


def _item_lines(node: Any, key: str) -> list[int]:
    """1-based lines of the items of `key` in a mapping node (none when it has no such
    sequence: the schema check then refuses the file)."""
    if not isinstance(node, MappingNode):
        return []
    for key_node, value in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key \
                and isinstance(value, SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def read_model_fast(path: Path, model: type[M], schema: dict[str, Any]) -> M | None:
    """A small YAML file that is valid, straight to its model; None for anything else.

    Ten thousand metadata sidecars take seconds through the round-trip parser, which is
    there to locate errors. A file that parses, has no alias, and passes the schema and the
    model needs no location; any other file returns None and goes through `read_yaml` and
    `validate_model`, which give the located error. Same limits, same data: timestamps
    stay strings and duplicate keys are refused on both paths.
    """
    raw = read_small(path)
    return model_from_bytes(raw, path, model, schema) if raw is not None else None


def read_small(path: str | Path) -> bytes | None:
    """A file's bytes when the fast path may read it (a regular file, not a symlink, within
    the size limit), else None: the careful path (`read_yaml`) reads it and says why not."""
    try:
        # Non-blocking: a pipe must not hang the run waiting for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        # Before fdopen, which refuses a directory with an error naming the descriptor.
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        regular = False
    if not regular:
        os.close(fd)
        return None
    with os.fdopen(fd, "rb") as handle:
        try:
            # One read past the limit says the file is over it, without a stat.
            raw = handle.read(MAX_YAML_BYTES + 1)
        except OSError:
            return None
    return raw if len(raw) <= MAX_YAML_BYTES else None


def model_from_bytes(raw: bytes, path: str | Path, model: type[M],
                     schema: dict[str, Any]) -> M | None:
    """`read_model_fast` of bytes already read from `path` (named in errors only)."""
    parsed = _parsed(raw, str(path))
    return _validated(parsed[1], model, schema) if parsed is not None else None
