"""Models built from our own values (extracted claims, claim references), without validation.

pydantic's model_construct costs ~17 us a model (a Python loop over fields and aliases), as
much as validating; this sets the same four attributes it sets (pydantic 2: __dict__, fields
set, extra, private) directly. Only for models without aliases, private attributes or
post-init, given every field in declaration order (dumps follow the __dict__ order).
tests/extract/test_construct.py and tests/test_findings.py check the results equal validated
models, dump for dump.
"""

from __future__ import annotations

from typing import Any, Final, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
# Final: compiled, each is a C static rather than a look-up in the module's dict on every
# call (~130 instructions each, five a model).
_setattr: Final = object.__setattr__
_new: Final = object.__new__  # what cls.__new__ is for a model (check_plain refuses one of its own)
# BaseModel's three slots, set through their descriptors: object.__setattr__ looks each name
# up on the class first (0.57 -> 0.38 us a model; a claim makes five or so).
_set_fields_set: Final = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra: Final = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private: Final = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(cls: type[M], fields_set: set[str], values: dict[str, Any]) -> M:
    """cls.model_construct(fields_set, **values) for values holding every field, in order."""
    m = _new(cls)
    _setattr(m, "__dict__", values)
    _set_fields_set(m, fields_set)
    _set_extra(m, None)
    _set_private(m, None)
    return m


_FULL: dict[type[BaseModel], set[str]] = {}


def full_fields(cls: type[BaseModel]) -> set[str]:
    """The one set of a class's field names that its fully set models share (below)."""
    full = _FULL.get(cls)
    if full is None:
        full = _FULL[cls] = set(cls.model_fields)
    return full


def share_full_fields_set(model: BaseModel) -> None:
    """Give a model every one of whose fields was set the one set of its class's field names.

    pydantic keeps a set of the fields set per instance: 728 bytes for a claim, about half
    of a claim's memory with its slots (4.8 KB, so ~500 MB at 200,000 claims read from
    JSON). A set holding every field name is shared safely: pydantic only ever adds field
    names to it (a no-op) and copies it before changing a copy (`model_copy`)."""
    full = full_fields(type(model))
    # Only field names are ever in it, so the same size means the same set.
    if len(model.__pydantic_fields_set__) == len(full):
        _setattr(model, "__pydantic_fields_set__", full)


def check_plain(cls: type[BaseModel]) -> None:
    """Refuse (at import) a model trusted() would build wrongly."""
    bad = [name for name, f in cls.model_fields.items()
           if f.alias not in (None, name) or f.validation_alias not in (None, name)]
    if bad or cls.__private_attributes__ or cls.__pydantic_post_init__ \
            or cls.__new__ is not object.__new__:
        raise TypeError(f"{cls.__name__} cannot be built by trusted(): {bad}")
