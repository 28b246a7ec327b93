"""Indented JSON, byte for byte as `json.dumps(value, indent=2, ensure_ascii=False)`.

With an indent the standard library encodes in Python, not C: 1.2 s for the 4 MB report of
1,000 documents, ten times what pydantic-core takes in Rust for the same bytes. They differ
in floats alone (tests/reporting/test_jsontext.py compares them on every character and on
floats of every magnitude): one under 1e-4 in size, which Python writes 1e-05 and
pydantic-core 0.00001 or 1.5e-7, and a NaN or an infinity, which pydantic-core writes null.
The caller names every float of what it writes; where one is of those, the standard library
writes it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError, to_json


def dumps(value: Any, floats: Iterable[float]) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)` of plain JSON data whose floats
    are `floats`."""
    return _fast(lambda: to_json(value, indent=2).decode("utf-8"), floats) or \
        json.dumps(value, indent=2, ensure_ascii=False)


def dump_model(model: BaseModel, floats: Iterable[float]) -> str:
    """`json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False)` of a model
    whose floats, in its float fields and in its untyped ones, are `floats`."""
    return _fast(lambda: model.model_dump_json(indent=2), floats) or \
        json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False)


def floats_in(value: Any) -> Iterator[float]:
    """The floats of plain JSON data (dicts, lists, tuples), in no particular order."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)


def _written_alike(x: float) -> bool:
    return math.isfinite(x) and (x == 0 or abs(x) >= 1e-4)


def _fast(write: Callable[[], str], floats: Iterable[float]) -> str | None:
    """What `write` writes, or None where it could differ from json.dumps."""
    if not all(map(_written_alike, floats)):
        return None
    try:
        return write()
    except PydanticSerializationError:  # a lone surrogate: whatever json.dumps makes of it
        return None
