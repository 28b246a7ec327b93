"""Normalised claims: what comparison reads of a claim, with its slots lifted out.

Frozen, slotted and pickled by position (`checker.fastpickle`): `--jobs` sends hundreds of
thousands of them between processes. Built by `checker.normalize`, stored by
`checker.normcodec`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from sys import intern
from typing import Any, cast

from checker.fastpickle import by_position, slot_builder


@by_position
@dataclass(frozen=True, slots=True)
class NQuantity:
    """A quantity ready to compare: kind, unit, interval and what it counts (stemmed)."""

    kind: str
    unit: str | None
    value: float | None
    low: float | None
    high: float | None
    noun: str | None
    approximate: bool
    text: str


@by_position
@dataclass(frozen=True, slots=True)
class NDate:
    """A resolved date interval."""

    first: date | None
    last: date | None
    granularity: str
    text: str
    open: str | None = None


# Roles of mentions that say who told a claim or only guess a name, not what the claim is
# about: the source of an attribution, a capitalised first word no lexicon knows, a demonym
# qualifying what "the company" stands for ("The Dutch group plans to cut 1,500 jobs" is
# about the group, not somewhere in the Netherlands), a dateline's place and agency ("LIMA,
# Oct 18 (Reuters) -" says where the report was filed, not where the quake struck).
SOURCE = "source"
INITIAL = "initial"
QUALIFIER = "qualifier"
DATELINE = "dateline"
# The page's subject, supplied to a figure that names no one ("About 2,100 people were
# evacuated"): shared with other pages' claims, but no scope of its own (it is a guess).
CONTEXT = "context"
# The names the page repeats most, lent to a claim that names nothing (`pagetopic`): context
# too, and a weaker guess still (a pair related only through them must say much the same).
TOPIC = "topic"
# Roles of names a claim is only given, not naming them: no index key of it.
LENT_ROLES = frozenset({CONTEXT, TOPIC})
WEAK_ROLES = frozenset({SOURCE, INITIAL, QUALIFIER, DATELINE, CONTEXT, TOPIC})


@by_position
@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention: canonical id, how it was named, and where."""

    id: str
    role: str
    start: int
    end: int


_BUILD_MENTION = slot_builder(Mention)


def mention(id: str, role: str, start: int, end: int) -> Mention:
    """`Mention(id, role, start, end)`, set through the slots' own descriptors
    (`fastpickle.slot_builder`): normalising makes a few mentions per claim, and the cache
    gives them back. Same object."""
    return _BUILD_MENTION(id, role, start, end)


@by_position
@dataclass(frozen=True, slots=True)
class Description:
    """"X is a [Pakistani] [cricketer]": the subject, the head noun and its nationalities."""

    subject: str
    head: str
    nationalities: frozenset[str]
    text: str


class _Keys(dict[str, str]):
    """Name -> prefix + name, made (and interned) the first time a name is looked up.

    A dict with __missing__: map() over its __getitem__ finds the known keys from C, where a
    comprehension called .get() and tested the result for every name."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, name: str) -> str:
        made = self[name] = intern(self.prefix + name)
        return made


# Each entity's and word's key ("e:china", "t:launch"), made once per process.
_ENTITY_KEYS = _Keys("e:")
_TOKEN_KEYS = _Keys("t:")


@by_position
@dataclass(frozen=True, slots=True)
class NormClaim:
    """A claim normalised for comparison."""

    doc: str
    claim_id: str
    text: str
    span: tuple[int, int]
    entities: frozenset[str]
    mentions: tuple[Mention, ...]
    tokens: frozenset[str]
    frame: tuple[str, ...]
    predicates: tuple[tuple[str, int, int], ...]
    quantities: tuple[NQuantity, ...]
    dates: tuple[NDate, ...]
    polarity: str
    modality: str
    correction: bool
    negated: frozenset[str] = frozenset()
    description: Description | None = None
    # Month-only dates no publication date can place in a year ("born in May"): (month,
    # text). The year is unknown, the month of the year is not.
    months: tuple[tuple[int, str], ...] = ()
    # Dates of the telling, not of the fact ("LUSAKA, Jan. 17 (Reuters) -", "the ministry
    # said on Wednesday"): compared only when two claims were told days apart.
    told: tuple[NDate, ...] = ()
    # A date before its page that no publication date places ("in the same quarter last
    # year" on a page without one): its figures are of an earlier time than the page's.
    earlier: bool = False
    # Derived once: comparison reads them for every candidate pair.
    keys: frozenset[str] = field(init=False, repr=False, compare=False)
    # Unique key across the corpus ("doc#claim"): grouping, findings and the verdict store
    # look claims up by it close to a million times at 200,000 claims.
    key: str = field(init=False, repr=False, compare=False)
    # A claim the cache gave back: the row its other slots are decoded from when one of them
    # is first read (`normcodec.load_lazy_claims`); None once decoded, or never one.
    _rest: tuple[Any, ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", keys_of(self.entities, self.mentions, self.tokens))
        object.__setattr__(self, "key", f"{self.doc}#{self.claim_id}")
        object.__setattr__(self, "_rest", None)


def keys_of(entities: frozenset[str], mentions: tuple[Mention, ...],
             tokens: frozenset[str]) -> frozenset[str]:
    """A claim's index keys ("e:china", "t:launch"), one string per key: 200,000 claims
    repeat a few thousand. Built exactly as similarity always built them (same set order,
    same float sums)."""
    # The page's subject supplied as context is no key: a guess says nothing the other
    # claim must say too (coverage) and forms no block of its own.
    # (Few claims have one: the sets are built only for those, on this hot path.)
    if any(m.role in LENT_ROLES for m in mentions):
        entities = entities - given_only(mentions, LENT_ROLES)
    return frozenset(map(_ENTITY_KEYS.__getitem__, entities)) | \
        frozenset(map(_TOKEN_KEYS.__getitem__, tokens))


def given_only(mentions: tuple[Mention, ...], roles: frozenset[str]) -> set[str]:
    """The ids a claim has only under `roles`: names it was given (the page's subject or
    topic, `LENT_ROLES`), not names it says."""
    return {m.id for m in mentions if m.role in roles} - {
        m.id for m in mentions if m.role not in roles}


def has_lent(c: NormClaim) -> bool:
    """Whether the claim has an entity that is no key of it (one it was only given): its
    keys are then fewer than its entities and words (`keys_of`)."""
    return len(c.keys) != len(c.entities) + len(c.tokens)


_BUILD_NORM = slot_builder(NormClaim)
_REST: Any = NormClaim.__dict__["_rest"]  # the slot's descriptor
# The slots a claim the cache gave back decodes from its row when one is first read, in
# the order `normcodec` sets them.
LAZY_SLOTS = ("entities", "mentions", "tokens", "quantities", "dates", "negated",
              "description", "told", "keys")
# How a row's slots are decoded (`normcodec`, the only maker of claims with a row, sets it).
_FILL: list[Callable[[NormClaim, tuple[Any, ...]], None]] = []


def _decoded_on_first_read(self: NormClaim, name: str) -> Any:
    """A slot of a claim the cache gave back, read for the first time: all of them decoded
    from its row now (an unset slot raises AttributeError, which lands here). Any other
    name is looked up as usual (a missing one raises, and decodes nothing)."""
    if name in LAZY_SLOTS:
        try:
            row = _REST.__get__(self)
        except AttributeError:
            row = None
        if row is not None:
            _FILL[0](self, row)
    # Decoded now, or by another thread since this one found the slot unset.
    return object.__getattribute__(self, name)


# Set after the class is made: a `__getattr__` in its body would tell mypy that any
# attribute name is one.
NormClaim.__getattr__ = _decoded_on_first_read  # type: ignore[attr-defined]


def entity_ids(claim: NormClaim) -> Collection[str]:
    """The claim's entity ids (`entities`), without decoding the other slots of a claim the
    cache gave back: a pass over every claim of the corpus reads them (`names`)."""
    row = _REST.__get__(claim)
    return claim.entities if row is None else cast(tuple[str, ...], row[0])


def norm_claim(doc: str, claim_id: str, text: str, span: tuple[int, int],
               entities: frozenset[str], mentions: tuple[Mention, ...],
               tokens: frozenset[str], frame: tuple[str, ...],
               predicates: tuple[tuple[str, int, int], ...],
               quantities: tuple[NQuantity, ...], dates: tuple[NDate, ...], polarity: str,
               modality: str, correction: bool, negated: frozenset[str],
               description: Description | None, months: tuple[tuple[int, str], ...],
               told: tuple[NDate, ...], earlier: bool) -> NormClaim:
    """`NormClaim(...)` with every field given, set through the slots' own descriptors
    (`fastpickle.slot_builder`), its keys derived as `__post_init__` derives them: the
    cache gives back 56,000 claims at 10,000 documents, and the dataclass's own
    `__init__` was half the time of reading them. Same object."""
    return _BUILD_NORM(doc, claim_id, text, span, entities, mentions, tokens, frame,
                       predicates, quantities, dates, polarity, modality, correction,
                       negated, description, months, told, earlier,
                       keys_of(entities, mentions, tokens), f"{doc}#{claim_id}", None)
