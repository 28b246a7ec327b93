"""Claim files: `claims/<document-id>.yaml`, one per document, human-editable."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import Field, model_validator

from checker.models.common import (
    IsoDate,
    PartialDate,
    Span,
    Strict,
    Suppression,
    expected,
)
from checker.models.trusted import share_full_fields_set

ClaimId = Annotated[str, Field(
    pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=80,
    json_schema_extra=expected("an id of letters, digits, '.', '_' and '-', starting with a "
                               "letter or digit"))]
Modality = Literal["asserted", "planned", "reported", "hedged"]
Polarity = Literal["positive", "negative"]
Granularity = Literal[
    "day", "week", "month", "quarter", "year", "fiscal-year", "decade", "period"
]
QuantityKind = Literal[
    "count", "money", "percent", "points", "measure", "ratio", "rank", "time"
]


class EntitySlot(Strict):
    """A named entity as written, and its canonical id when an alias rule knows it."""

    text: str
    id: str | None = Field(None, description="canonical entity id; null for unknown names")
    span: Span


class QuantitySlot(Strict):
    """A number with its unit, scale and precision; values are in base units."""

    text: str
    span: Span
    kind: QuantityKind
    value: float | None = Field(
        None, description="central value, scale applied; a time's minutes after midnight")
    low: float | None = Field(None, description="lowest value the text allows")
    high: float | None = Field(None, description="highest value the text allows")
    unit: str | None = Field(
        None, description="ISO currency, %, pp, a measure unit, or a time's zone (UTC, local, ET)")
    noun: str | None = Field(None, description="what is counted or measured, when written")
    approximate: bool = False
    bound: Literal["exact", "lower", "upper", "range"] = "exact"

    @model_validator(mode="after")
    def _value_inside(self) -> QuantitySlot:
        # Comparison reads low and high, not value: an editor who fixed only `value` would
        # see the old figure still compared (a first-time-user probe), so say so here.
        problem = interval_problem(self.value, self.low, self.high)
        if problem is not None:
            raise ValueError(problem)
        return self


def _near(a: float, b: float) -> bool:
    """Equal up to float rounding (a value written back from YAML as low or high)."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def interval_problem(value: float | None, low: float | None, high: float | None) -> str | None:
    """Why a quantity's value lies outside its own [low, high], or None."""
    if value is None:
        return None
    below = low is not None and value < low and not _near(value, low)
    above = high is not None and value > high and not _near(value, high)
    if not (below or above):
        return None
    return (f"value: {_number(value)} is outside [low, high] = [{_bound(low)}, {_bound(high)}]; "
            "comparison reads low and high, not value, so when you correct a figure change "
            "low and high too (low = high = value for an exact figure), and `text`, which "
            "messages quote")


def _bound(x: float | None) -> str:
    return "none" if x is None else _number(x)


def _number(x: float) -> str:
    """A figure as an editor reads it in the file (45000000, not 4.5e+07)."""
    return str(int(x)) if x.is_integer() and abs(x) < 1e18 else repr(x)


class DateSlot(Strict):
    """A date or period, as an interval of days with its granularity."""

    text: str
    span: Span
    start: IsoDate | None = None
    end: IsoDate | None = None
    granularity: Granularity
    relative: bool = Field(False, description="written relative to the publication date")
    resolved: bool = Field(True, description="false when a relative date has no anchor")
    open: Literal["start", "end"] | None = Field(
        None, description="`end`: the period runs on ('since 1999'); `start`: runs up to it"
    )

    @model_validator(mode="after")
    def _order(self) -> DateSlot:
        # ISO days compare as strings. A backwards interval overlaps nothing, so comparison
        # would read it as a clash with every date.
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class Attribution(Strict):
    """Who the claim is attributed to: `according to SIPRI`, `Lin said`."""

    text: str
    source: str
    span: Span


class Triple(Strict):
    """A subject-predicate-object reading of the claim."""

    subject: str
    predicate: str
    object: str


class Claim(Strict):
    """One checkable statement with its exact provenance and structured slots."""

    id: ClaimId
    text: str = Field(description="the statement exactly as written in the document")
    span: Span
    line: Annotated[int, Field(ge=1)]
    quote: Span | None = Field(None, description="span of the whole sentence, when split")
    score: Annotated[float, Field(ge=0, le=1)] = Field(1.0, description="check-worthiness")
    features: list[str] = Field(default_factory=list, description="why the score is what it is")
    entities: list[EntitySlot] = Field(default_factory=list)
    quantities: list[QuantitySlot] = Field(default_factory=list)
    dates: list[DateSlot] = Field(default_factory=list)
    polarity: Polarity = "positive"
    modality: Modality = "asserted"
    attribution: Attribution | None = None
    triple: Triple | None = None
    correction: bool = Field(False, description="the statement is a correction note")
    suppress: list[Suppression] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _span_order(self) -> Claim:
        if self.span[0] > self.span[1]:
            raise ValueError(f"span {list(self.span)} ends before it starts")
        return self


def share_fields_sets(claims: Iterable[Claim]) -> None:
    """Claims read from complete JSON (the cache, a benchmark's input) share their
    fields-set objects (`trusted.share_full_fields_set`): about half their memory."""
    for c in claims:
        share_full_fields_set(c)
        for slot in (*c.entities, *c.quantities, *c.dates, *c.suppress):
            share_full_fields_set(slot)
        if c.attribution is not None:
            share_full_fields_set(c.attribution)
        if c.triple is not None:
            share_full_fields_set(c.triple)


class DocumentRef(Strict):
    """The document a claim file describes, and the hash it was extracted from."""

    id: Annotated[str, Field(min_length=1, max_length=200)]
    path: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$", json_schema_extra=expected(
        "a SHA-256 hash: 64 lower-case hexadecimal digits"))]
    published: PartialDate | None = None
    title: str | None = None


class ExtractorInfo(Strict):
    """Which extractor wrote the file, with its threshold."""

    name: str = "claimcheck"
    version: str
    threshold: Annotated[float, Field(ge=0, le=1)] = 0.5


class ClaimFile(Strict):
    """The whole claim file."""

    schema_version: Literal["1"] = "1"
    document: DocumentRef
    extractor: ExtractorInfo | None = None
    suppress: list[Suppression] = Field(
        default_factory=list, description="rules silenced for the whole document"
    )
    claims: list[Claim] = Field(default_factory=list)
    drafted: list[ClaimId] = Field(
        default_factory=list,
        description="ids of the claims extract drafted for this document (written by "
                    "extract): a drafted claim an editor deleted is not drafted again")
