"""Normalised claims to JSON and back, for the cache (`checker.cache`): sets as sorted lists,
dates as ISO days, and on the way back the repeated strings interned."""

from __future__ import annotations

from datetime import date
from sys import intern
from typing import Any

from checker.normclaim import Description, Mention, NDate, NormClaim, NQuantity


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _from_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def norm_to_json(n: NormClaim) -> dict[str, Any]:
    """A normalised claim as JSON-ready data (sets as sorted lists)."""
    d = n.description
    return {
        "doc": n.doc, "claim_id": n.claim_id, "text": n.text, "span": list(n.span),
        "entities": sorted(n.entities),
        "mentions": [[m.id, m.role, m.start, m.end] for m in n.mentions],
        "tokens": sorted(n.tokens), "frame": list(n.frame),
        "predicates": [list(p) for p in n.predicates],
        "quantities": [[q.kind, q.unit, q.value, q.low, q.high, q.noun, q.approximate, q.text]
                       for q in n.quantities],
        "dates": [[_day(x.first), _day(x.last), x.granularity, x.text, x.open]
                  for x in n.dates],
        "polarity": n.polarity, "modality": n.modality, "correction": n.correction,
        "negated": sorted(n.negated),
        "description": [d.subject, d.head, sorted(d.nationalities), d.text] if d else None,
        "months": [list(m) for m in n.months],
    }


def _opt(value: str | None) -> str | None:
    return intern(value) if value is not None else None


def norm_from_json(data: dict[str, Any]) -> NormClaim:
    """The inverse of `norm_to_json`."""
    d = data["description"]
    # Names, words and labels interned, as normalisation's own are: 200,000 claims repeat a
    # few thousand of them, and JSON gives each occurrence its own string (150 MB there).
    return NormClaim(
        doc=intern(data["doc"]), claim_id=data["claim_id"], text=data["text"],
        span=(data["span"][0], data["span"][1]),
        entities=frozenset(map(intern, data["entities"])),
        mentions=tuple(Mention(intern(m[0]), intern(m[1]), m[2], m[3])
                       for m in data["mentions"]),
        tokens=frozenset(map(intern, data["tokens"])), frame=tuple(map(intern, data["frame"])),
        predicates=tuple((intern(p[0]), p[1], p[2]) for p in data["predicates"]),
        quantities=tuple(NQuantity(intern(q[0]), _opt(q[1]), q[2], q[3], q[4], _opt(q[5]),
                                   q[6], q[7]) for q in data["quantities"]),
        dates=tuple(NDate(_from_day(x[0]), _from_day(x[1]), intern(x[2]), x[3], x[4])
                    for x in data["dates"]),
        polarity=intern(data["polarity"]), modality=intern(data["modality"]),
        correction=data["correction"], negated=frozenset(map(intern, data["negated"])),
        description=Description(d[0], d[1], frozenset(d[2]), d[3]) if d else None,
        months=tuple((m[0], m[1]) for m in data["months"]),
    )
