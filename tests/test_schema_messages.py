"""Schema errors say what a value must be, not the validator's raw words (a first-time-user
probe: "'xy' is too short", and a date's regex quoted back)."""

from __future__ import annotations

from checker.models.document import DocumentMeta
from checker.models.rules import RuleFile
from checker.schemacheck import validate_model
from checker.schemas import load
from checker.yamlio import parse_yaml

RULES = """schema_version: "1"
rules:
  - id: spelling
    kind: term
    canonical: Chang'e
    variants: [Change]
    tags: [Bad Tag]
    reviewed: 2026-13
    examples: {trigger: [Change 6.], pass: [Chang'e 6.]}
"""


def _messages(text: str, model: type, schema: str) -> dict[str, str]:
    root = parse_yaml(text, "f.yaml")
    _, errors = validate_model(root, model, load(schema), "f.yaml")
    return {e.location.field or "": e.message for e in errors if e.location}


def test_pattern_errors_name_what_is_expected() -> None:
    found = _messages(RULES, RuleFile, "rules")
    assert found["rules[0].tags[0]"] == ("'Bad Tag' is not an id of lower-case letters, digits,"
                                         " '.', '_' and '-', starting with a letter or digit")
    assert found["rules[0].reviewed"] == "'2026-13' is not a date YYYY-MM-DD"
    assert not any("^" in m for m in found.values())  # no regex quoted back


def test_a_bad_published_date_says_which_forms_are_dates() -> None:
    found = _messages('published: "March 4, 2026"\n', DocumentMeta, "meta")
    assert found["published"] == "'March 4, 2026' is not a date YYYY, YYYY-MM or YYYY-MM-DD"


def test_a_short_reason_says_how_long_it_must_be() -> None:
    from checker.models.claims import ClaimFile

    text = ('schema_version: "1"\ndocument: {id: a, path: a.txt, sha256: "' + "0" * 64
            + '"}\nsuppress: [{rule: conflict, reason: xy}]\n')
    found = _messages(text, ClaimFile, "claims")
    assert found["suppress[0].reason"] == ("'xy' is too short: it needs at least 3 characters"
                                           " (it has 2)")
