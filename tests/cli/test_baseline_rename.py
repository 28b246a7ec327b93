"""Baselines across a document's rename: the same findings stay old, new copies are new."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import rename_document, run

OLD = "002_52ff3da96645762c"


def test_a_renamed_documents_baselined_findings_stay_old(project: Path) -> None:
    """A CI probe: fingerprints name the document, so a pure rename re-fired every
    baselined finding of it (exit 1)."""
    assert run(["baseline", "write", "bl.json"]).exit_code == 0
    rename_document(project, OLD, "002_iss")
    result = run(["check", "--baseline", "bl.json", "--format", "json", "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    renamed = [f for f in report["findings"]
               if "002_iss" in {c["document"] for c in f["claims"]}]
    assert renamed and all(f["suppressed"]["by"] == "baseline" for f in renamed)
    assert any("renamed" in f["suppressed"]["reason"] for f in renamed)


def test_a_copy_of_a_baselined_sentence_in_another_document_is_new(project: Path) -> None:
    assert run(["baseline", "write", "bl.json"]).exit_code == 0
    seed = (project / "seeds" / f"{OLD}.txt").read_text(encoding="utf-8")
    # A copy beside the original, which is still there.
    (project / "seeds" / "mirror.txt").write_text(seed, encoding="utf-8")
    result = run(["check", "--baseline", "bl.json", "--format", "json"])
    assert result.exit_code == 1, result.output
    (project / "seeds" / "mirror.txt").unlink()
    # The original deleted and its false sentence pasted into a page that existed: a new
    # problem there, not a rename.
    sentence = next(line for line in seed.splitlines() if "member of the International" in line)
    for path in (project / "seeds" / f"{OLD}.txt", project / "seeds" / f"{OLD}.meta.yaml",
                 project / "claims" / f"{OLD}.yaml"):
        path.unlink()
    other = project / "seeds" / "000_157f4fd9ca80a9df.txt"
    other.write_text(other.read_text(encoding="utf-8") + "\n" + sentence + "\n",
                     encoding="utf-8")
    result = run(["check", "--baseline", "bl.json", "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert any(f["suppressed"] is None and f["rule_id"] == "china-not-iss-member"
               for f in report["findings"])
