"""Acceptance cases: folders of documents + rules (+ claims) + expected findings.

Each `cases/<name>/` holds `seeds/`, `rules/` (or `use_repo_rules: true` in expected.yaml),
optional `claims/`, and `expected.yaml`:

    findings:            # each must match one finding (kind, rule, documents, text)
      - {kind: conflict, reason: number, documents: [a, b], text: "2.7 billion"}
    absent:              # none may match
      - {kind: conflict}
    exhaustive: [conflict, rule-violation]   # no findings of these kinds beyond `findings`
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from checker.models.report import Finding
from checker.pipeline import CheckOptions, run_check

CASES = Path(__file__).parent / "cases"
REPO = Path(__file__).resolve().parents[2]


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "expected.yaml").exists())


def _matches(f: Finding, spec: dict[str, Any]) -> bool:
    if "kind" in spec and f.kind != spec["kind"]:
        return False
    if "rule_id" in spec and f.rule_id != spec["rule_id"]:
        return False
    if "reason" in spec and f.reason != spec["reason"]:
        return False
    if "severity" in spec and f.severity.value != spec["severity"]:
        return False
    if "documents" in spec and sorted({c.document for c in f.claims}) != sorted(spec["documents"]):
        return False
    if "text" in spec and not any(spec["text"] in c.text for c in f.claims):
        return False
    if "origins" in spec and f.origins != spec["origins"]:
        return False
    if "suppressed" in spec and (f.suppressed is not None) != spec["suppressed"]:
        return False
    return not ("message" in spec and spec["message"] not in f.message)


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_case(case: Path) -> None:
    expected = YAML(typ="safe").load((case / "expected.yaml").read_text(encoding="utf-8"))
    rules = REPO / "rules" if expected.get("use_repo_rules") else case / "rules"
    result = run_check(CheckOptions(root=case, seeds=case / "seeds", claims=case / "claims",
                                    rules=rules))
    assert not result.errors, [str(e) for e in result.errors]
    findings = result.report.findings
    described = "\n".join(f"{f.kind}/{f.reason}/{f.rule_id}: {f.message}" for f in findings)
    used: set[str] = set()
    for spec in expected.get("findings", []):
        hits = [f for f in findings if _matches(f, spec)]
        assert hits, f"expected {spec} among:\n{described}"
        used.update(f.id for f in hits)
    for spec in expected.get("absent", []):
        hits = [f for f in findings if _matches(f, spec)]
        assert not hits, f"unexpected {spec}: {[h.message for h in hits]}"
    for kind in expected.get("exhaustive", []):
        extra = [f for f in findings if f.kind == kind and f.id not in used]
        assert not extra, f"unexpected {kind}: {[f.message for f in extra]}"
