"""Normalised claims to bytes and back, for the cache (`checker.cache`, `checker.normpack`).

`marshal`, the format of Python's own bytecode cache: it builds tuples, strings, numbers
and None in C, keeps strings that were interned interned (names, words and labels: 200,000
claims repeat a few thousand of them) and never runs code, as a cache directory must not.
JSON, used until the twenty-fifth session, took 0.74 s to give back the 56,500 claims of
10,000 documents, this 0.46-0.48 s (the same claims, equal in every slot). Sets are stored
sorted and dates as day numbers. The bytes are the interpreter's: the cache's keys hold
the Python version (`cache.code_fingerprint`), so another interpreter never reads them.

A row holds as they are the slots marshal gives back ready (where a claim is, its words,
predicates and labels); its entity ids, and its other slots marshalled apart as bytes, are
decoded when one of them is first read (`load_lazy_claims`): an edited re-run at 10,000
documents decodes about 8,600 of its 56,500 claims, not all of them before it compares.

What reaches `load_claims` has passed its seal (a BLAKE3 hash of the bytes written: a torn,
truncated or flipped entry is a miss before it is decoded). marshal is not hardened
against bytes made to harm it (a crafted entry, sealed again, can crash the interpreter),
so the cache directory is trusted as `__pycache__` is: written by this tool, never
restored from a source one would not run code from.
"""

from __future__ import annotations

import marshal
from collections.abc import Sequence
from datetime import date
from sys import intern
from typing import Any

from checker.fastpickle import slot_builder
from checker.names import unknown_names
from checker.normclaim import (
    _FILL,
    LAZY_SLOTS,
    Description,
    NDate,
    NormClaim,
    NQuantity,
    keys_of,
    mention,
    norm_claim,
)

# Dates and quantities made as `norm_claim` makes claims: through their slots, in order.
_date = slot_builder(NDate)
_quantity = slot_builder(NQuantity)
_from_ordinal = date.fromordinal
# What a damaged or foreign entry raises on its way back (marshal: ValueError, EOFError,
# TypeError, MemoryError for a length it cannot hold, SystemError for a broken code object;
# a row of the wrong shape: the others).
DAMAGED = (ValueError, EOFError, TypeError, KeyError, IndexError, OverflowError, MemoryError,
           SystemError)


def dump_claims(claims: Sequence[NormClaim]) -> bytes:
    """Normalised claims as the cache keeps them: one marshalled pair of a tuple of rows
    and the claims' unknown names (`names.unknown_names`, which a run reads of every
    document: 10,000 documents' claims, 56,500 sets, took 0.06 s to go over again)."""
    return marshal.dumps((tuple([_row(n) for n in claims]), tuple(sorted(unknown_names(claims)))))


def _rows(data: bytes) -> tuple[tuple[Any, ...], tuple[str, ...]]:
    """The rows and the unknown names of an entry; raises one of `DAMAGED` when it is not
    a pair of tuples, the names strings."""
    pair = marshal.loads(data)
    if type(pair) is not tuple or len(pair) != 2:
        raise TypeError("not a pair of rows and names")
    rows, names = pair
    if type(rows) is not tuple or type(names) is not tuple \
            or not all(type(name) is str for name in names):
        raise TypeError("not a tuple of rows and one of names")
    return rows, names


def load_claims(data: bytes) -> list[NormClaim]:
    """The inverse of `dump_claims`; raises one of `DAMAGED` on bytes that do not decode
    to rows (torn, foreign, another shape)."""
    rows = _rows(data)[0]
    out = []
    for (doc, claim_id, text, span, frame, predicates, polarity, modality, correction, months,
         earlier, (entities, rest)) in rows:
        mentions, tokens, quantities, dates, negated, d, told = marshal.loads(rest)
        out.append(_claim(doc, claim_id, text, span, entities, mentions, tokens, frame,
                          predicates, quantities, dates, polarity, modality, correction,
                          negated, d, months, told, earlier))
    return out


def load_lazy_claims(data: bytes) -> list[NormClaim]:
    """`load_claims`, each claim's costly slots (its sets, mentions, figures, dates and
    keys) decoded from its row when one of them is first read: an edited re-run reads them
    for the few claims an edit reaches, and for every claim only where they come from and
    what they say. Equal to `load_claims`'s claims, slot for slot, once read. Raises one of
    `DAMAGED` on bytes whose rows are not a dump's in shape (their contents passed the
    cache's seal)."""
    return load_lazy_document(data)[0]


def load_lazy_document(data: bytes) -> tuple[list[NormClaim], tuple[str, ...]]:
    """`load_lazy_claims`, with the claims' unknown names as `dump_claims` kept them."""
    rows, names = _rows(data)
    return [_lazy_claim(*row) for row in rows], names


def _lazy_claim(doc: str, claim_id: str, text: str, span: tuple[int, int],
                frame: tuple[str, ...], predicates: tuple[tuple[str, int, int], ...],
                polarity: str, modality: str, correction: bool,
                months: tuple[tuple[int, str], ...], earlier: bool,
                rest: tuple[tuple[str, ...], bytes]) -> NormClaim:
    if not (type(rest) is tuple and len(rest) == 2 and type(rest[0]) is tuple
            and type(rest[1]) is bytes and type(span) is tuple):
        raise TypeError("a row of another shape")
    return _build_lazy(doc, claim_id, text, span, frame, predicates, polarity, modality,
                       correction, months, earlier, f"{doc}#{claim_id}", rest)


# The slots a lazy claim has from the start (those marshal gives as they are, and its key),
# and those decoded from its row when first read.
_build_lazy = slot_builder(NormClaim, (
    "doc", "claim_id", "text", "span", "frame", "predicates", "polarity", "modality",
    "correction", "months", "earlier", "key", "_rest"))
_SETTERS = tuple(getattr(NormClaim, name).__set__ for name in (*LAZY_SLOTS, "_rest"))


def _fill(claim: NormClaim, rest: tuple[tuple[str, ...], bytes]) -> None:
    """Decode a lazy claim's other slots from its row, as `_claim` decodes them."""
    entities, mentions, tokens, quantities, dates, negated, description, told = _decoded(
        rest[0], *marshal.loads(rest[1]))
    # In LAZY_SLOTS' order, then the row dropped.
    for set_slot, value in zip(_SETTERS, (
            entities, mentions, tokens, quantities, dates, negated, description, told,
            keys_of(entities, mentions, tokens), None), strict=True):
        set_slot(claim, value)


_FILL.append(_fill)


def _day(value: date | None) -> int:
    return value.toordinal() if value is not None else 0


def _labels(values: Any) -> tuple[str, ...]:
    """Strings sorted and interned: marshal keeps them interned on the way back."""
    return tuple(sorted(map(intern, values)))


def _dates_row(dates: tuple[NDate, ...]) -> tuple[Any, ...]:
    return tuple([(_day(x.first), _day(x.last), intern(x.granularity), x.text, x.open)
                  for x in dates])


def _row(n: NormClaim) -> tuple[Any, ...]:
    """A normalised claim as a row: the slots marshal gives back as they are, then its
    entity ids and the other slots marshalled apart, which a claim the cache gives back
    decodes when first read (`load_lazy_claims`). The derived keys are derived again on the
    way back, as normalising derives them."""
    d = n.description
    rest = (
        tuple([x for m in n.mentions for x in (intern(m.id), intern(m.role), m.start, m.end)]),
        _labels(n.tokens),
        tuple([(intern(q.kind), _opt(q.unit), q.value, q.low, q.high, _opt(q.noun),
                q.approximate, q.text) for q in n.quantities]),
        _dates_row(n.dates), _labels(n.negated),
        (d.subject, d.head, tuple(sorted(d.nationalities)), d.text) if d else None,
        _dates_row(n.told),
    )
    return (
        intern(n.doc), n.claim_id, n.text, n.span, tuple(map(intern, n.frame)),
        tuple([(intern(p[0]), p[1], p[2]) for p in n.predicates]), intern(n.polarity),
        intern(n.modality), n.correction, n.months, n.earlier,
        (_labels(n.entities), marshal.dumps(rest)),
    )


def _opt(value: str | None) -> str | None:
    return intern(value) if value is not None else None


def _dates(rows: tuple[Any, ...]) -> tuple[NDate, ...]:
    return tuple([_date(_from_ordinal(x[0]) if x[0] else None,
                        _from_ordinal(x[1]) if x[1] else None, x[2], x[3], x[4])
                  for x in rows])


def _claim(doc: str, claim_id: str, text: str, span: tuple[int, int],
           entities: tuple[str, ...], mentions: tuple[Any, ...], tokens: tuple[str, ...],
           frame: tuple[str, ...], predicates: tuple[tuple[str, int, int], ...],
           quantities: tuple[Any, ...], dates: tuple[Any, ...], polarity: str, modality: str,
           correction: bool, negated: tuple[str, ...], d: tuple[Any, ...] | None,
           months: tuple[tuple[int, str], ...], told: tuple[Any, ...], earlier: bool
           ) -> NormClaim:
    ents, ments, toks, quants, dated, negs, description, told_dates = _decoded(
        entities, mentions, tokens, quantities, dates, negated, d, told)
    return norm_claim(doc, claim_id, text, span, ents, ments, toks, frame, predicates, quants,
                      dated, polarity, modality, correction, negs, description, months,
                      told_dates, earlier)


def _decoded(entities: tuple[str, ...], mentions: tuple[Any, ...], tokens: tuple[str, ...],
             quantities: tuple[Any, ...], dates: tuple[Any, ...], negated: tuple[str, ...],
             d: tuple[Any, ...] | None, told: tuple[Any, ...]) -> tuple[Any, ...]:
    """The slots a row holds in another form than the claim's: sets, mentions, figures,
    dates, the description."""
    # Empty slots (most of them) skip building a list for nothing.
    return (
        frozenset(entities),
        tuple([mention(mentions[k], mentions[k + 1], mentions[k + 2], mentions[k + 3])
               for k in range(0, len(mentions), 4)]) if mentions else (),
        frozenset(tokens),
        tuple([_quantity(*q) for q in quantities]) if quantities else (),
        _dates(dates) if dates else (),
        frozenset(negated) if negated else frozenset(),
        Description(d[0], d[1], frozenset(d[2]), d[3]) if d else None,
        _dates(told) if told else (),
    )
