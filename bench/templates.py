"""Sentence templates with typed slots, rendered with the exact span of every slot.

A template is text with `{name}` slots; rendering records where each slot's text landed,
so a sentence can become a `Claim` (entities, quantities, dates) without extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_SLOT_RE = re.compile(r"\{(\w+)\}")
MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class Slot:
    """A value written into a sentence: what it says and how a claim file would hold it."""

    text: str
    kind: str  # entity | money | count | percent | year | month | text
    entity_id: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    noun: str | None = None
    first: date | None = None
    last: date | None = None


@dataclass
class Sentence:
    """A rendered sentence: text, slots with spans (relative), and what it states."""

    text: str
    slots: list[tuple[Slot, int, int]] = field(default_factory=list)
    fact: str | None = None
    variant: str = "true"
    negative: bool = False
    planned: bool = False
    misspelling: tuple[int, int, str] | None = None


def render(template: str, values: dict[str, Slot]) -> Sentence:
    """Fill a template; every slot keeps its span within the sentence."""
    parts: list[str] = []
    slots: list[tuple[Slot, int, int]] = []
    pos = 0
    last = 0
    for m in _SLOT_RE.finditer(template):
        literal = template[last:m.start()]
        parts.append(literal)
        pos += len(literal)
        slot = values[m.group(1)]
        parts.append(slot.text)
        slots.append((slot, pos, pos + len(slot.text)))
        pos += len(slot.text)
        last = m.end()
    parts.append(template[last:])
    text = "".join(parts)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return Sentence(text, slots)


def entity(name: str, entity_id: str | None = None) -> Slot:
    """A named entity; `entity_id` when the shipped rules know it (countries, agencies)."""
    return Slot(name, "entity", entity_id=entity_id)


def text(value: str) -> Slot:
    """Plain words."""
    return Slot(value, "text")


def money_millions(millions: float) -> Slot:
    """"$148.8 million", precise to the written decimal."""
    return Slot(f"${millions:.1f} million", "money", value=millions * 1e6,
                low=(millions - 0.05) * 1e6, high=(millions + 0.05) * 1e6, unit="USD")


def count(n: int, noun: str) -> Slot:
    """"4,200" (people), precise to the hundred."""
    return Slot(f"{n:,}", "count", value=float(n), low=n - 50.0, high=n + 50.0, noun=noun)


def percent(p: float) -> Slot:
    """"12.5 percent"."""
    return Slot(f"{p:.1f} percent", "percent", value=p, low=p - 0.05, high=p + 0.05, unit="%")


def year(y: int) -> Slot:
    """A calendar year as an interval."""
    return Slot(str(y), "year", first=date(y, 1, 1), last=date(y, 12, 31))


def month(y: int, m: int) -> Slot:
    """"March 2023" as an interval."""
    end = date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
    return Slot(f"{MONTHS[m - 1]} {y}", "month", first=date(y, m, 1),
                last=date.fromordinal(end))
