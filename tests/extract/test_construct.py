"""The extractor builds its claims as trusted models (no validation, for speed): they must
be exactly what validation would have built, for every seed and the golden inputs."""

from __future__ import annotations

import json
from pathlib import Path

from checker.extract import extract_document, extract_text
from checker.ingest import read_document
from checker.models.claims import Claim
from checker.rules import RuleSet

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"


def _same_as_validated(claims: list[Claim]) -> None:
    for claim in claims:
        # dumped without unset fields: validation then sets what the constructor was given
        validated = Claim.model_validate(claim.model_dump(exclude_unset=True))
        assert validated == claim
        assert validated.model_dump_json() == claim.model_dump_json()
        assert validated.model_fields_set == claim.model_fields_set
        assert list(vars(claim)) == list(Claim.model_fields)  # every field, in order
        for kind in ("entities", "quantities", "dates"):
            for mine, theirs in zip(getattr(claim, kind), getattr(validated, kind), strict=True):
                assert mine.model_fields_set == theirs.model_fields_set
                assert list(vars(mine)) == list(type(mine).model_fields)
                # float fields hold floats (validation turns an int 2 into 2.0, "2.0" in YAML)
                assert {k: type(v) for k, v in mine} == {k: type(v) for k, v in theirs}


def test_seed_claims_equal_validated(ruleset: RuleSet) -> None:
    paths = sorted((REPO / "seeds").glob("*.txt"))
    assert paths
    for path in paths:
        model = extract_document(read_document(path, path.name), ruleset.lexicon, 0.0)
        _same_as_validated(model.claims)


def test_golden_claims_equal_validated(ruleset: RuleSet) -> None:
    texts = [v["text"] for v in json.loads((DATA / "bounded_small.json").read_text()).values()]
    texts.append((DATA / "news_page.txt").read_text(encoding="utf-8"))
    texts.append("Exports doubled to $3bn since 1999, about two thirds of the 2019 level, "
                 "officials said on Monday; prices nearly tripled, up 5 percentage points.")
    for text in texts:
        _same_as_validated(extract_text(text, doc_id="d", lexicon=ruleset.lexicon,
                                        threshold=0.0).claims)
