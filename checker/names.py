"""Shorter forms of a longer unknown name in the same text: "Thatcher" is "Margaret
Thatcher" (`unify_short_names`), "Harold Macmillan" is "Maurice Harold Macmillan", "Neil
Diamond" is "Neil Leslie Diamond" (`unify_long_names`)."""

from __future__ import annotations

from dataclasses import replace

from checker.lexicon import UNKNOWN_PREFIX
from checker.normclaim import Description, Mention, NormClaim


def unify_short_names(claims: list[NormClaim]) -> list[NormClaim]:
    """Within one document, "Thatcher" is "Margaret Thatcher" and "Lin" is "Lin Jian"."""
    long_names: dict[str, set[str]] = {}
    for c in claims:
        for e in c.entities:
            parts = e[len(UNKNOWN_PREFIX):].split("-") if e.startswith(UNKNOWN_PREFIX) else []
            if len(parts) > 1:
                for part in parts:
                    long_names.setdefault(part, set()).add(e)
    mapping = {}
    for c in claims:
        for e in c.entities:
            if e.startswith(UNKNOWN_PREFIX) and "-" not in e:
                owners = long_names.get(e[len(UNKNOWN_PREFIX):], set())
                if len(owners) == 1:
                    mapping[e] = next(iter(owners))
    return rename_entities(claims, mapping)


def rename_entities(claims: list[NormClaim], mapping: dict[str, str]) -> list[NormClaim]:
    """Claims with entity ids replaced by mapping (entities, mentions, description)."""
    if not mapping:
        return claims
    out = []
    for c in claims:
        if c.entities & mapping.keys():
            ents = frozenset(mapping.get(e, e) for e in c.entities)
            ments = tuple(Mention(mapping.get(m.id, m.id), m.role, m.start, m.end)
                          for m in c.mentions)
            desc = c.description
            if desc and desc.subject in mapping:
                desc = Description(mapping[desc.subject], desc.head, desc.nationalities,
                                   desc.text)
            c = replace(c, entities=ents, mentions=ments, description=desc)
        out.append(c)
    return out


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
