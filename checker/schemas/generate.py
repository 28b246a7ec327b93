"""The shipped schema files made from the pydantic models (`python -m checker.schemas`)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from checker.decisions import DecisionsFile
from checker.models.claims import ClaimFile
from checker.models.document import DocumentMeta
from checker.models.report import Report
from checker.models.rules import RuleFile
from checker.schemas import schema_file

MODELS: dict[str, type[BaseModel]] = {
    "claims": ClaimFile,
    "rules": RuleFile,
    "report": Report,
    "meta": DocumentMeta,
    "decisions": DecisionsFile,
}
TITLES = {
    "claims": "claimcheck claim file",
    "rules": "claimcheck rule file",
    "report": "claimcheck report",
    "meta": "claimcheck document metadata",
    "decisions": "claimcheck review decisions",
}


def generate(name: str) -> dict[str, Any]:
    """Build the JSON Schema of a file format from its model."""
    body = MODELS[name].model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://claimcheck.dev/schemas/{name}.schema.json",
        "title": TITLES[name],
        **{k: v for k, v in body.items() if k != "title"},
    }


def render(name: str) -> str:
    """The schema file's exact text."""
    return json.dumps(generate(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    """Regenerate the shipped schema files from the models."""
    for name in MODELS:
        schema_file(name).write_text(render(name), encoding="utf-8")
        print(f"wrote {schema_file(name)}")
