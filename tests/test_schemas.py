"""The shipped JSON Schemas are the file contracts; the pydantic models must agree."""

from __future__ import annotations

import hashlib
from pathlib import Path

import jsonschema
import pytest

from checker.schemas import load, schema_file
from checker.schemas.generate import MODELS, render
from checker.yamlio import read_yaml, to_plain


@pytest.mark.parametrize("name", sorted(MODELS))
def test_schema_file_matches_model(name: str) -> None:
    # If this fails, a model changed: run `python -m checker.schemas` and review the diff.
    assert schema_file(name).read_text(encoding="utf-8") == render(name)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(load(name))


def test_checked_in_claim_files_validate(repo: Path) -> None:
    files = sorted((repo / "claims").glob("*.yaml"))
    assert len(files) == 5
    validator = jsonschema.Draft202012Validator(load("claims"))
    for path in files:
        validator.validate(to_plain(read_yaml(path), str(path)))


def test_checked_in_rules_and_meta_validate(repo: Path) -> None:
    rules = jsonschema.Draft202012Validator(load("rules"))
    for path in sorted((repo / "rules").glob("*.yaml")):
        rules.validate(to_plain(read_yaml(path), str(path)))
    meta = jsonschema.Draft202012Validator(load("meta"))
    for path in sorted((repo / "seeds").glob("*.meta.yaml")):
        meta.validate(to_plain(read_yaml(path), str(path)))


def test_claim_files_carry_the_schema_header(repo: Path) -> None:
    for path in sorted((repo / "claims").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../checker/schemas/claims.schema.json"


def test_seeds_are_the_shared_seeds_byte_for_byte(repo: Path) -> None:
    # SHA-256 of ../shared/seeds when they were copied (the project never reads ../shared).
    expected = {
        "000_157f4fd9ca80a9df.txt": "e4853a0a51cda72dd71cd9390194dda307a5b98a7a01794b678dae57434003e4",
        "001_453f63a362655c46.txt": "865b3a55e28e4ee09b820098e3f465a688ec6e06520238abfaa9fa28b7d27358",
        "002_52ff3da96645762c.txt": "310abea7f7c7efa42d22cf031271a0c6b6419a3297164e38c082723ece59118f",
        "003_69130b2234f769d4.txt": "6f06e78090f3f39723b0180502cdf475f1170e4b4d29f035c81ac450eb4b8af1",
        "004_87cc10933e1614c0.txt": "7b531ef87ecbb2f6f1adb0b7ae424ba250a1bbef9a2f4f550647a96447353479",
    }
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted((repo / "seeds").glob("*.txt"))}
    assert found == expected
