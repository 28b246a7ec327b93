"""The JSON Schemas shipped with the package: the file contracts.

They are generated from the pydantic models (`python -m checker.schemas` rewrites them,
`checker.schemas.generate`); a test fails when a model changes and its schema file was not
regenerated. Reading one imports no model: a run that checks a file against its schema
does not build the models of every other file (the review decisions' among them).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def schema_file(name: str) -> Path:
    """Path of a shipped schema file."""
    return Path(str(resources.files("checker.schemas").joinpath(f"{name}.schema.json")))


@cache
def load(name: str) -> dict[str, Any]:
    """The shipped schema (the contract), read from the package."""
    data: dict[str, Any] = json.loads(schema_file(name).read_text(encoding="utf-8"))
    return data
