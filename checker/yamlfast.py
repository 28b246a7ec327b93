"""Small YAML files that are valid, read without the round-trip parser.

Ten thousand metadata sidecars take seconds through the round-trip parser, which keeps
positions to locate errors. A valid file needs none: it is parsed by ruamel's C safe parser
(ruamel.yaml.clib), checked, and returned; any other file is left to `checker.yamlio`, which
reports the located error. Same limits and same data on both paths (tests/test_yamlio.py).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError

from checker.errors import ClaimcheckError
from checker.yamlio import MAX_DEPTH, MAX_YAML_BYTES, to_plain, validator

M = TypeVar("M", bound=BaseModel)


class _SafeConstructor(SafeConstructor):
    """Safe constructor that keeps timestamps as strings, as the round-trip path does."""


_SafeConstructor.add_constructor("tag:yaml.org,2002:timestamp", _SafeConstructor.construct_yaml_str)


_FAST = threading.local()


def _fast_yaml() -> YAML:
    # ruamel's C parser when ruamel.yaml.clib is there, else its pure safe parser: both
    # skip the round-trip machinery (comments, positions) a valid file does not need.
    # One per thread, reused: setting one up (plug-in discovery, resolvers) costs more
    # than parsing a small file; after a failed parse it is made afresh.
    yaml: YAML | None = getattr(_FAST, "yaml", None)
    if yaml is None:
        yaml = YAML(typ="safe", pure=False)
        yaml.Constructor = _SafeConstructor
        yaml.allow_duplicate_keys = False
        _FAST.yaml = yaml
    return yaml


def _fast_load(text: str, path: str) -> Any:
    try:
        loaded = _fast_yaml().load(text)
    except BaseException:
        _FAST.yaml = None
        raise
    return to_plain(loaded, path)


def read_model_fast(path: Path, model: type[M], schema: dict[str, Any]) -> M | None:
    """A small YAML file that is valid, straight to its model; None for anything else.

    Ten thousand metadata sidecars take seconds through the round-trip parser, which is
    there to locate errors. A file that parses, has no alias, and passes the schema and the
    model needs no location; any other file returns None and goes through `read_yaml` and
    `validate_model`, which give the located error. Same limits, same data: timestamps
    stay strings and duplicate keys are refused on both paths.
    """
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            return None
        text = path.read_bytes().decode("utf-8-sig")
        if max(text.count("["), text.count("{")) > MAX_DEPTH:
            return None  # maybe deep flow nesting: the careful path bounds it
        data = _fast_load(text, str(path))
    except (OSError, UnicodeDecodeError, YAMLError, ClaimcheckError, RecursionError):
        return None
    if any(True for _ in validator(schema).iter_errors(data)):
        return None
    try:
        return model.model_validate(data)
    except ValidationError:
        return None
