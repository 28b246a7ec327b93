"""A claim's slot models from its readers' records, and the choices made on the way (a unit
taking a name, the rupee of a page, the day a clock time is read on)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Final

from checker.currencies import DEFAULT_RUPEE
from checker.extract.dates import Anchor, DateExpr
from checker.extract.ids import claim_id
from checker.extract.markup import Squeezed
from checker.extract.quantities import Quantity
from checker.extract.spans import within
from checker.ingest import Document
from checker.models.claims import Claim, DateSlot, QuantitySlot
from checker.models.trusted import full_fields, trusted
from checker.propernames import EntityMatch

_QUANTITY_FIELDS: Final = full_fields(QuantitySlot)
_DATE_FIELDS: Final = full_fields(DateSlot)


def day_of(dates: list[DateExpr], anchor: Anchor | None) -> date | None:
    """The claim's first day, or else the day of publication, when one is known (the day a
    US zone's time is read on)."""
    days = [d.first for d in dates if d.granularity == "day" and d.first]
    return days[0] if days else anchor.first if anchor and anchor.granularity == "day" \
        else None


def outside_units(entities: list[EntityMatch], quantities: list[Quantity]) -> list[EntityMatch]:
    """The names that are not a figure's unit or currency: the "US" of "65.4 US cents" is
    the dollar's, no mention of the United States (a desk probe: the claim's subject and
    object became Australia and the United States, and it corroborated a page that said
    the US dollar rose against the Australian one)."""
    units = [(q.start, q.end) for q in quantities if q.unit is not None]
    return [m for m in entities
            if not within(m.start, m.end, units)] if units else entities


def quantity_slot(q: Quantity, rupee: Callable[[], str]) -> QuantitySlot:
    """The claim's slot of a quantity read; `rupee()` says whose rupee the page's is."""
    unit = q.unit
    if unit == DEFAULT_RUPEE and "pkr" not in q.text.lower():
        unit = rupee()  # "Rs 5 crore" in a page about India is in Indian rupees
    return trusted(QuantitySlot, _QUANTITY_FIELDS, {
        "text": q.text, "span": (q.start, q.end), "kind": q.kind,
        "value": q.value, "low": q.low, "high": q.high, "unit": unit, "noun": q.noun,
        "approximate": q.approximate, "bound": q.bound,
    })


# Days written as ISO dates: a page's dates are few and repeat, and date.isoformat() cost
# ~1.3 us (a formatted string built each time), a look-up ~0.1.
_ISO_DAYS: Final[dict[date, str]] = {}
_ISO_DAYS_KEPT: Final = 4096


def _iso(day: date) -> str:
    """day.isoformat(), remembered."""
    found = _ISO_DAYS.get(day)
    if found is None:
        if len(_ISO_DAYS) >= _ISO_DAYS_KEPT:
            _ISO_DAYS.clear()  # bounded: a long run's distinct days would pile up
        found = _ISO_DAYS[day] = day.isoformat()
    return found


def date_slot(d: DateExpr) -> DateSlot:
    """The claim's slot of a date read."""
    return trusted(DateSlot, _DATE_FIELDS, {
        "text": d.text, "span": (d.start, d.end),
        "start": _iso(d.first) if d.first else None,
        "end": _iso(d.last) if d.last else None,
        "granularity": d.granularity,
        "relative": d.relative, "resolved": d.resolved, "open": d.open,
    })


def placed(claim: Claim, squeezed: Squeezed, doc: Document) -> Claim:
    """A claim read from a page's squeezed text (`markup.squeeze_markup`) placed in the page
    as written: its spans, quote and line the page's, its text the page's words there, its
    id that text's (what `relocate.drafted` asks of a claim no editor changed)."""
    start, end = squeezed.span(*claim.span)
    text = doc.text[start:end]
    update: dict[str, object] = {
        "id": claim_id(doc.id, text), "text": text, "span": (start, end),
        "line": doc.lines.line_of(start),
        "quote": squeezed.span(*claim.quote) if claim.quote else None,
        "entities": [e.model_copy(update={"span": squeezed.span(*e.span)})
                     for e in claim.entities],
        "quantities": [q.model_copy(update={"span": squeezed.span(*q.span)})
                       for q in claim.quantities],
        "dates": [d.model_copy(update={"span": squeezed.span(*d.span)}) for d in claim.dates],
    }
    if claim.attribution is not None:
        update["attribution"] = claim.attribution.model_copy(
            update={"span": squeezed.span(*claim.attribution.span)})
    return claim.model_copy(update=update)
