"""Shorter forms of a longer unknown name in the same text: "Harold Macmillan" is "Maurice
Harold Macmillan", "Neil Diamond" is "Neil Leslie Diamond" (the single-word case, "Thatcher",
is `normalize.unify_short_names`)."""

from __future__ import annotations

from checker.lexicon import UNKNOWN_PREFIX
from checker.normalize import rename_entities
from checker.normclaim import NormClaim


def _parts(entity: str) -> tuple[str, ...]:
    return tuple(entity[len(UNKNOWN_PREFIX):].split("-")) \
        if entity.startswith(UNKNOWN_PREFIX) else ()


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """short's words appear in long, in order, and both end on the same word (a surname)."""
    if len(short) < 2 or len(short) >= len(long) or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(word in rest for word in short)


def longer_names(claims: list[NormClaim]) -> dict[str, str]:
    """Each multi-word unknown name inside exactly one longer one, mapped to it."""
    names = sorted({e for c in claims for e in c.entities if len(_parts(e)) >= 2})
    parts = {e: _parts(e) for e in names}
    mapping: dict[str, str] = {}
    for short in names:
        owners = [long for long in names if _inside(parts[short], parts[long])]
        if len(owners) == 1:
            mapping[short] = owners[0]
    return mapping


def unify_long_names(claims: list[NormClaim]) -> list[NormClaim]:
    """Claims with shorter name forms replaced by the one longer name they stand for."""
    return rename_entities(claims, longer_names(claims))
