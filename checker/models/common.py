"""Types shared by the claim, rule and report formats."""

from __future__ import annotations

import calendar
import functools
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from checker import rx


class Severity(StrEnum):
    """How much a finding matters; `error` fails CI by default."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


_PARTIAL_RE = rx.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@functools.lru_cache(maxsize=4096)
def _check_partial_date(value: str) -> str:
    # Cached: a corpus repeats its few dates thousands of times (every cached claim is
    # validated again on load); an invalid one raises, and exceptions are never cached.
    m = _PARTIAL_RE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    if year < 1:
        raise ValueError(f"{value!r} has no year 0 (the calendar starts at 0001)")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{value!r} has no month {month}")
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(
                f"{value!r} is not a calendar date ({year}-{month:02d} has {last} days)")
    return value


def _check_full_date(value: str) -> str:
    _check_partial_date(value)
    if len(value) != 10:
        raise ValueError(f"{value!r} is not a full date YYYY-MM-DD")
    return value


# `x-expected` words what a pattern means for the schema's error messages (schemacheck):
# an editor reads "a date YYYY, YYYY-MM or YYYY-MM-DD", not the regex.
def expected(what: str) -> dict[str, object]:
    """The JSON Schema extra that names what a constrained value must be."""
    return {"x-expected": what}


PartialDate = Annotated[
    str,
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD",
          json_schema_extra=expected("a date YYYY, YYYY-MM or YYYY-MM-DD")),
    AfterValidator(_check_partial_date),
]
IsoDate = Annotated[
    str,
    Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD",
          json_schema_extra=expected("a date YYYY-MM-DD")),
    AfterValidator(_check_full_date),
]


def partial_date_bounds(value: str) -> tuple[date, date, str]:
    """First day, last day and granularity (`year`, `month`, `day`) of a partial date."""
    m = _PARTIAL_RE.match(value)
    if not m:
        raise ValueError(value)
    year = int(m.group(1))
    if m.group(2) is None:
        return date(year, 1, 1), date(year, 12, 31), "year"
    month = int(m.group(2))
    if m.group(3) is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
    day = date(year, month, int(m.group(3)))
    return day, day, "day"


Span = Annotated[
    tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]],
    Field(description="[start, end) character offsets into the document text"),
]

RULE_ID_WORDS = ("an id of lower-case letters, digits, '.', '_' and '-', starting with a "
                 "letter or digit")
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=100,
                              json_schema_extra=expected(RULE_ID_WORDS))]


class Strict(BaseModel):
    """Base for file models: unknown keys are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Suppression(Strict):
    """Silences one rule (or `*` for all) for a claim or document; a reason is required."""

    rule: Annotated[str, Field(pattern=r"^(\*|[a-z0-9][a-z0-9._-]*)$",
                               json_schema_extra=expected(f"`*` or {RULE_ID_WORDS}"))]
    reason: Annotated[str, Field(min_length=3)]
