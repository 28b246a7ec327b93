"""Normalised claims to JSON and back, for the cache (`checker.cache`): sets as sorted lists,
dates as ISO days, and on the way back the repeated strings interned."""

from __future__ import annotations

from datetime import date
from sys import intern
from typing import Any

from checker.fastpickle import slot_builder
from checker.normclaim import Description, NDate, NormClaim, NQuantity, mention, norm_claim

# Dates and quantities made as `norm_claim` makes claims: through their slots, in order.
_date = slot_builder(NDate)
_quantity = slot_builder(NQuantity)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _from_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def norm_to_json(n: NormClaim) -> list[Any]:
    """A normalised claim as JSON-ready data: a row of its fields in declaration order
    (sets as sorted lists, mentions flattened), a third smaller than an object with keys
    and read faster."""
    d = n.description
    return [
        n.doc, n.claim_id, n.text, n.span[0], n.span[1], sorted(n.entities),
        [x for m in n.mentions for x in (m.id, m.role, m.start, m.end)],
        sorted(n.tokens), list(n.frame), [list(p) for p in n.predicates],
        [[q.kind, q.unit, q.value, q.low, q.high, q.noun, q.approximate, q.text]
         for q in n.quantities],
        [[_day(x.first), _day(x.last), x.granularity, x.text, x.open] for x in n.dates],
        n.polarity, n.modality, n.correction, sorted(n.negated),
        [d.subject, d.head, sorted(d.nationalities), d.text] if d else None,
        [list(m) for m in n.months],
        [[_day(x.first), _day(x.last), x.granularity, x.text, x.open] for x in n.told],
        n.earlier,
    ]


def _opt(value: str | None) -> str | None:
    return intern(value) if value is not None else None


def _dates(rows: list[list[Any]]) -> tuple[NDate, ...]:
    return tuple([_date(_from_day(x[0]), _from_day(x[1]), intern(x[2]), x[3], x[4])
                  for x in rows])


def norm_from_json(row: list[Any]) -> NormClaim:
    """The inverse of `norm_to_json`."""
    (doc, claim_id, text, start, end, entities, mentions, tokens, frame, predicates,
     quantities, dates, polarity, modality, correction, negated, d, months, told,
     earlier) = row
    # Names, words and labels interned, as normalisation's own are: 200,000 claims repeat a
    # few thousand of them, and JSON gives each occurrence its own string (150 MB there).
    # Empty slots (most of them) skip building a generator for nothing.
    return norm_claim(
        intern(doc), claim_id, text, (start, end), frozenset(map(intern, entities)),
        tuple([mention(intern(mentions[k]), intern(mentions[k + 1]), mentions[k + 2],
                       mentions[k + 3]) for k in range(0, len(mentions), 4)])
        if mentions else (),
        frozenset(map(intern, tokens)), tuple(map(intern, frame)),
        tuple([(intern(p[0]), p[1], p[2]) for p in predicates]) if predicates else (),
        tuple([_quantity(intern(q[0]), _opt(q[1]), q[2], q[3], q[4], _opt(q[5]), q[6], q[7])
               for q in quantities]) if quantities else (),
        _dates(dates) if dates else (),
        intern(polarity), intern(modality), correction,
        frozenset(map(intern, negated)) if negated else frozenset(),
        Description(d[0], d[1], frozenset(d[2]), d[3]) if d else None,
        tuple([(m[0], m[1]) for m in months]) if months else (),
        _dates(told) if told else (),
        earlier,
    )
