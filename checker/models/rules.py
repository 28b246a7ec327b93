"""Rule files: `rules/*.yaml`. A rule is data: an id, a kind, parameters, a severity,
a message, a reference, and examples that must and must not trigger it."""

from __future__ import annotations

import string
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from checker.models.common import (
    RULE_ID_WORDS,
    IsoDate,
    PartialDate,
    RuleId,
    Severity,
    Strict,
    expected,
    partial_date_bounds,
)


class Examples(Strict):
    """Self-tests: texts that must trigger the rule, and texts that must not."""

    trigger: list[str] = Field(default_factory=list, description="must trigger the rule")
    pass_: list[str] = Field(default_factory=list, alias="pass", description="must not trigger")


class RuleBase(Strict):
    """Metadata every rule carries."""

    id: RuleId
    severity: Severity = Severity.warning
    message: str | None = Field(
        None, description="one sentence for an editor; placeholders such as {found}, {canonical}"
    )
    reference: str | None = Field(None, description="URL or citation backing the rule")
    explanation: str | None = None
    reviewed: IsoDate | None = Field(None, description="date the rule was last reviewed")
    tags: list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$",
                                    json_schema_extra=expected(RULE_ID_WORDS))]] = Field(
        default_factory=list
    )
    enabled: bool = True
    examples: Examples = Field(default_factory=Examples)

    # The {placeholders} a message or explanation may use (None: not checked).
    PLACEHOLDERS: ClassVar[frozenset[str] | None] = None

    @model_validator(mode="after")
    def _known_placeholders(self) -> RuleBase:
        allowed = self.PLACEHOLDERS
        for field in ("message", "explanation"):
            text = getattr(self, field)
            if text is None or allowed is None:
                continue
            try:
                fields = [(name, spec, conversion) for _, name, spec, conversion
                          in string.Formatter().parse(text) if name is not None]
            except ValueError as exc:  # "{" without its "}"
                raise ValueError(f"{field}: {exc} (write {{{{ and }}}} for braces)") from None
            for name, spec, conversion in fields:
                if spec or conversion:  # messages fill plain {name}s only (builders._format)
                    raise ValueError(f"{field}: write {{{name}}} without a format or "
                                     f"conversion")
                if name not in allowed:
                    raise ValueError(
                        f"{field}: unknown placeholder {{{name}}}; use "
                        f"{', '.join('{' + n + '}' for n in sorted(allowed))}")
        return self


class EntityRule(RuleBase):
    """A canonical entity with its aliases; metonyms stand for it as a subject."""

    kind: Literal["entity"]
    severity: Severity = Severity.info
    name: str = Field(description="display name")
    type: str | None = Field(None, description="country, organisation, mission, place, ...")
    aliases: list[str] = Field(
        default_factory=list, description="other names; a name belongs to one entity only"
    )
    demonyms: list[str] = Field(default_factory=list, description="`Pakistani` for Pakistan")
    metonyms: list[str] = Field(
        default_factory=list, description="names standing for it as an actor: `Beijing`"
    )
    parent: str | None = Field(
        None, description="entity id it belongs to (SUPARCO -> pakistan), for comparison"
    )


class TermRule(RuleBase):
    """A canonical spelling; every variant (literal, pattern or fuzzy) is flagged."""

    PLACEHOLDERS: ClassVar[frozenset[str] | None] = frozenset({"canonical", "found", "rule"})

    kind: Literal["term"]
    canonical: str
    variants: list[str] = Field(
        default_factory=list,
        description="literal wrong spellings (not the canonical form under the rule's case)")
    patterns: list[str] = Field(
        default_factory=list, description="RE2 patterns (linear time) for wrong spellings"
    )
    case_sensitive: bool = False
    fuzzy: Annotated[float, Field(gt=0, le=1)] | None = Field(
        None, description="flag capitalised words this similar to the canonical form"
    )
    ignore: list[str] = Field(default_factory=list, description="words never flagged")

    @model_validator(mode="after")
    def _something_to_match(self) -> TermRule:
        if not (self.variants or self.patterns or self.fuzzy):
            raise ValueError("a term rule needs variants, patterns or fuzzy")
        return self


class ConsistencyRule(RuleBase):
    """Accepted forms of which a document (or the corpus) must use only one."""

    PLACEHOLDERS: ClassVar[frozenset[str] | None] = frozenset({"forms", "dominant", "rule"})

    kind: Literal["consistency"]
    forms: Annotated[list[str], Field(min_length=2, description="each form once")]
    scope: Literal["document", "corpus"] = "document"
    case_sensitive: bool = False


class FactValue(Strict):
    """A numeric fact: value, unit and relative tolerance."""

    value: float
    unit: str | None = Field(None, description="as documents write it by the number: percent, "
                             "km, USD, $, or the noun counted (employees); none: a bare count")
    tolerance: Annotated[float, Field(ge=0, description="relative: 0.01 is 1%")] = 0.0


class FactRule(RuleBase):
    """A known fact; claims stating the opposite violate it, claims stating it support it."""

    PLACEHOLDERS: ClassVar[frozenset[str] | None] = frozenset(
        {"subject", "object", "predicate", "date", "found", "rule"})

    kind: Literal["fact"]
    severity: Severity = Severity.error
    subject: str = Field(description="entity id")
    predicate: str = Field(description="predicate id (see predicate rules)")
    object: str | None = Field(None, description="entity id")
    value: FactValue | None = Field(
        None, description="a figure: a claim's figure in its unit outside the tolerance "
        "violates the rule")
    date: PartialDate | None = Field(
        None, description="when the fact happened: a claim dated otherwise violates the rule")
    holds: bool = Field(True, description="false: the fact is that this is NOT so")
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None

    @model_validator(mode="after")
    def _has_target(self) -> FactRule:
        if self.object is None and self.value is None and self.date is None:
            raise ValueError("a fact rule needs an object, a value or a date")
        if self.valid_from and self.valid_until and \
                partial_date_bounds(self.valid_until)[1] < partial_date_bounds(self.valid_from)[0]:
            # It would never fire, silently.
            raise ValueError(f"valid_until {self.valid_until} is before valid_from "
                             f"{self.valid_from}")
        return self


class PredicateRule(RuleBase):
    """A predicate id with the phrases that express it (`is a member of`, `belongs to`)."""

    kind: Literal["predicate"]
    severity: Severity = Severity.info
    phrases: Annotated[list[str], Field(min_length=1)]
    antonyms: list[str] = Field(default_factory=list, description="predicate ids it excludes")
    single_valued: bool = Field(
        False, description="a subject has one object at a time (`capital of`)"
    )


Rule = Annotated[
    EntityRule | TermRule | ConsistencyRule | FactRule | PredicateRule,
    Field(discriminator="kind"),
]


class RuleFile(Strict):
    """A rule file: a list of rules."""

    schema_version: Literal["1"] = "1"
    rules: list[Rule]
