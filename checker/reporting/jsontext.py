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
    are `floats` (or of a model's `model_dump(mode="json")`: `dump_model`)."""
    fast = _fast(_pydantic(value), floats)
    return fast.decode("utf-8") if fast is not None else _slow(value)


def dumps_bytes(value: Any, floats: Iterable[float]) -> bytes:
    """`dumps`, UTF-8 encoded, with no str made between where pydantic-core writes it: a
    report of 10,000 documents is 41 MB, which decoding and encoding again took 0.09 s."""
    return _fast(_pydantic(value), floats) or _slow(value).encode("utf-8")


def dump_model(model: BaseModel, floats: Iterable[float]) -> str:
    """`json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False)` of a model
    whose floats, in its float fields and in its untyped ones, are `floats`."""
    return dumps(model, floats)


def dump_model_bytes(model: BaseModel, floats: Iterable[float]) -> bytes:
    """`dump_model`, UTF-8 encoded (`dumps_bytes`)."""
    return dumps_bytes(model, floats)


def _pydantic(value: Any) -> Callable[[], bytes]:
    if isinstance(value, BaseModel):
        return lambda: value.__pydantic_serializer__.to_json(value, indent=2)
    return lambda: to_json(value, indent=2)


def _slow(value: Any) -> str:
    plain = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    return json.dumps(plain, indent=2, ensure_ascii=False)


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


def _fast(write: Callable[[], bytes], floats: Iterable[float]) -> bytes | None:
    """What `write` writes, or None where it could differ from json.dumps."""
    if not all(map(_written_alike, floats)):
        return None
    try:
        return write()
    except PydanticSerializationError:  # a lone surrogate: whatever json.dumps makes of it
        return None
