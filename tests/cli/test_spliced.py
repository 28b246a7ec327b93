"""An edited re-run's report.json, the findings kept in the cache spliced in as bytes
(`json_report.RenderedFindings`): the report of a run without cache, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.models.report import Finding
from checker.reporting.json_report import RenderedFindings
from tests.bench.corpora import RULES, write

SENTENCE = "Norvex Dynamics employs 9,900 people in Lahore.\n"


def _run(args: list[str]) -> None:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("baseline", [False, True])
def test_an_edited_re_run_splices_what_the_cache_kept_into_the_same_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str, baseline: bool) -> None:
    root = write(tmp_path / "corpus", 30)
    monkeypatch.chdir(root)
    spliced: list[bytes] = []
    real = RenderedFindings.get

    def get(known: RenderedFindings, finding: Finding) -> bytes | None:
        item = real(known, finding)
        if item is not None:
            spliced.append(item)
        return item

    monkeypatch.setattr(RenderedFindings, "get", get)
    args = ["check", "--rules", str(RULES), "--format", "json,md", "--fail-on", "never",
            "--jobs", jobs]
    if baseline:
        # The baseline suppresses the findings it holds: copies, rendered as themselves.
        _run(["baseline", "write", "baseline.json", "--rules", str(RULES)])
        args += ["--baseline", "baseline.json"]
    _run([*args, "--out", "cold"])
    doc = sorted((root / "seeds").glob("*.txt"))[4]
    doc.write_text(doc.read_text("utf-8") + SENTENCE, "utf-8")
    _run([*args, "--out", "edited"])
    assert spliced or baseline  # with a baseline, every finding kept is suppressed: a copy
    _run([*args, "--out", "plain", "--no-cache"])
    for name in ("report.json", "report.md"):
        assert (root / "edited" / name).read_bytes() == (root / "plain" / name).read_bytes()
    assert (root / "cold" / "report.json").read_bytes() != (root / "edited" / "report.json"
                                                            ).read_bytes()
