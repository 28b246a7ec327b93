"""Models built from our own values (extracted claims, claim references), without validation.

pydantic's model_construct costs ~17 us a model (a Python loop over fields and aliases), as
much as validating; this sets the same four attributes it sets (pydantic 2: __dict__, fields
set, extra, private) directly. Only for models without aliases, private attributes or
post-init, given every field in declaration order (dumps follow the __dict__ order).
tests/extract/test_construct.py and tests/test_findings.py check the results equal validated
models, dump for dump.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_setattr = object.__setattr__


def trusted(cls: type[M], fields_set: set[str], values: dict[str, Any]) -> M:
    """cls.model_construct(fields_set, **values) for values holding every field, in order."""
    m = cls.__new__(cls)
    _setattr(m, "__dict__", values)
    _setattr(m, "__pydantic_fields_set__", fields_set)
    _setattr(m, "__pydantic_extra__", None)
    _setattr(m, "__pydantic_private__", None)
    return m


def check_plain(cls: type[BaseModel]) -> None:
    """Refuse (at import) a model trusted() would build wrongly."""
    bad = [name for name, f in cls.model_fields.items()
           if f.alias not in (None, name) or f.validation_alias not in (None, name)]
    if bad or cls.__private_attributes__ or cls.__pydantic_post_init__:
        raise TypeError(f"{cls.__name__} cannot be built by trusted(): {bad}")
