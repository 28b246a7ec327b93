"""Small YAML files that are valid, read without the round-trip parser.

Ten thousand metadata sidecars take seconds through the round-trip parser, which keeps
positions to locate errors. A valid file needs none: it is parsed by ruamel's C safe parser
(ruamel.yaml.clib), checked, and returned; any other file is left to `checker.yamlio`, which
reports the located error. Same limits and same data on both paths (tests/test_yamlio.py).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver

from checker.errors import ClaimcheckError
from checker.schemacheck import validator
from checker.yamlio import MAX_DEPTH, MAX_YAML_BYTES, to_plain

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


_LOOPS = ("_parser", "_composer", "loader", "_constructor", "loadumper", "_resolver")


def _load(text: str) -> Any:
    if CParser is None:
        yaml = YAML(typ="safe", pure=True)
        yaml.Constructor = _SafeConstructor
        yaml.allow_duplicate_keys = False
        return yaml.load(text)
    loader = _CLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
        for name in _LOOPS:
            if hasattr(loader, name):
                setattr(loader, name, None)


def _fast_load(text: str, path: str) -> Any:
    return to_plain(_load(text), path)


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
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            # One read past the limit says the file is over it, without a stat.
            raw = handle.read(MAX_YAML_BYTES + 1)
        except OSError:
            return None
    return raw if len(raw) <= MAX_YAML_BYTES else None


def model_from_bytes(raw: bytes, path: str | Path, model: type[M],
                     schema: dict[str, Any]) -> M | None:
    """`read_model_fast` of bytes already read from `path` (named in errors only)."""
    if len(raw) > MAX_YAML_BYTES:
        return None
    try:
        text = raw.decode("utf-8-sig")
        if max(text.count("["), text.count("{")) > MAX_DEPTH:
            return None  # maybe deep flow nesting: the careful path bounds it
        data = _fast_load(text, str(path))
    except (OSError, UnicodeDecodeError, YAMLError, ClaimcheckError, RecursionError):
        return None
    if not validator(schema).is_valid(data):
        return None
    try:
        return model.model_validate(data)
    except ValidationError:
        return None
