"""The findings memo: a run on the inputs of the last cached run takes its findings, and any
change to an input a finding reads gives the report of a run without cache."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import checking, docmemo
from checker.cache import ClaimCache
from checker.cli import main
from checker.findmemo import FINDINGS

FORMATS = "json,md,html,sarif"


def _check(out: Path, *extra: str, formats: str = FORMATS) -> dict[str, bytes]:
    """`claimcheck check` in the working directory: every report file, by name."""
    result = CliRunner().invoke(main, ["check", "--out", str(out), "--format", formats,
                                       "--fail-on", "never", "--jobs", "1", *extra])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def _cached(project: Path, *extra: str, formats: str = FORMATS) -> dict[str, bytes]:
    return _check(project / "out-cached", "--cache-dir", str(project / "cache"), *extra,
                  formats=formats)


def _cold(project: Path, *extra: str, formats: str = FORMATS) -> dict[str, bytes]:
    return _check(project / "out-cold", "--no-cache", *extra, formats=formats)


def _no_full_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the check ran in full")

    monkeypatch.setattr(checking, "checked", refuse)


def test_a_run_on_unchanged_inputs_takes_the_last_findings(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _cached(project)
    assert (project / "cache" / FINDINGS).is_file()
    with monkeypatch.context() as m:
        _no_full_run(m)
        assert _cached(project) == first
    assert _cold(project) == first


def _append_sentence(root: Path) -> None:
    doc = sorted((root / "seeds").glob("*.txt"))[1]
    doc.write_text(doc.read_text("utf-8") + "\nChina is a member of the ISS.\n", "utf-8")


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), "utf-8")


def _first(root: Path, folder: str, pattern: str) -> Path:
    return sorted((root / folder).glob(pattern))[0]


EDITS: dict[str, Callable[[Path], None]] = {
    "document text": _append_sentence,
    "publication date": lambda r: _replace(_first(r, "seeds", "*.meta.yaml"),
                                           'published: "2025"', 'published: "2025-03-01"'),
    # Every claim's line in its claim file moves: findings quote those lines.
    "claim file lines": lambda r: _replace(_first(r, "claims", "*.yaml"), "schema_version",
                                           "# a note from the desk\nschema_version"),
    "claim text": lambda r: _replace(_first(r, "claims", "*.yaml"), "    text: A Pakistani",
                                     "    text: One Pakistani"),
    "claim file gone": lambda r: _first(r, "claims", "*.yaml").unlink(),
    "document gone": lambda r: [p.unlink() for p in (r / "seeds").glob("004_*")]
    and _first(r, "claims", "004_*.yaml").unlink(),
    "document added": lambda r: (r / "seeds" / "new.txt").write_text(
        "China joined the International Space Station in 2021, officials said.\n", "utf-8"),
    "rule severity": lambda r: _replace(r / "rules" / "facts.yaml", "severity: error",
                                        "severity: warning"),
    "rule message": lambda r: _replace(r / "rules" / "facts.yaml",
                                       'message: "{subject} is not a member of the {object}."',
                                       'message: "{subject} never joined the {object}."'),
}


def _documents_settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents served by their stat signatures (`checker.docmemo`) however recently they
    were written: a test's files are seconds old, which the racy rule would read again."""
    monkeypatch.setattr(docmemo, "RACY_NS", 0)


@pytest.mark.parametrize("served", [False, True], ids=["documents read", "documents served"])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_edited_input_gives_the_report_of_a_run_without_cache(
        project: Path, edit: str, served: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if served:
        _documents_settled(monkeypatch)
    before = _cached(project)
    EDITS[edit](project)
    after = _cached(project)
    assert after == _cold(project)
    assert after != before, "the edit changes the report, or the test proves nothing"


def test_an_unchanged_rerun_reads_no_document_and_builds_no_claim(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafted documents (no claim files): the second run takes its findings and the
    report's corpus parts from the memo, its documents from their stat signatures, and
    builds none of their claims; the report is a run's without cache."""
    shutil.rmtree(project / "claims")
    _documents_settled(monkeypatch)
    formats = "json,md,sarif"  # the HTML shows every document's text
    first = _cached(project, formats=formats)
    calls: list[str] = []
    with monkeypatch.context() as m:
        for name in ("_read_again", "_settled"):
            m.setattr(docmemo, name, _counted(calls, name, getattr(docmemo, name)))
        m.setattr(ClaimCache, "get_claims", _counted(calls, "get_claims", ClaimCache.get_claims))
        _no_full_run(m)
        assert _cached(project, formats=formats) == first
    assert "_settled" in calls  # the memo was asked: the documents were served
    assert "_read_again" not in calls and "get_claims" not in calls
    assert _cold(project, formats=formats) == first


def _counted(calls: list[str], name: str, fn: Callable[..., object]) -> Callable[..., object]:
    def counted(*args: object, **kwargs: object) -> object:
        calls.append(name)
        return fn(*args, **kwargs)

    return counted


def test_rules_left_out_are_another_key(project: Path) -> None:
    everything = _cached(project)
    left_out = _cached(project, "--ignore", "china-not-iss-member")
    assert left_out == _cold(project, "--ignore", "china-not-iss-member") != everything


@pytest.mark.parametrize("damage", ["empty", "truncated", "edited"])
def test_a_damaged_memo_is_a_miss(project: Path, monkeypatch: pytest.MonkeyPatch,
                                  damage: str) -> None:
    first = _cached(project)
    memo = project / "cache" / FINDINGS
    data = memo.read_bytes()
    memo.write_bytes(b"" if damage == "empty" else data[: len(data) // 2]
                     if damage == "truncated" else data.replace(b'"corroboration"', b'"term"'))
    assert memo.read_bytes() != data
    calls: list[object] = []
    full = checking.checked

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return full(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checking, "checked", counted)
    assert _cached(project) == first
    assert len(calls) == 1


def test_a_rule_holding_a_lone_surrogate_is_refused_alike_with_and_without_cache(
        project: Path) -> None:
    # A "\ud800" escape was let through to the findings memo's key (which had to hash
    # it); it is now the rule file's located error (`yamlio`), reported the same by a
    # cached run, a run without cache and a cached run again.
    _replace(project / "rules" / "facts.yaml", "      pass:\n",
             '      pass:\n        - "A lone surrogate \\ud800 here."\n')
    runs = []
    for extra in (["--cache-dir", str(project / "cache")], ["--no-cache"],
                  ["--cache-dir", str(project / "cache")]):
        out = project / f"out{len(runs)}"
        result = CliRunner().invoke(main, ["check", "--out", str(out), "--format", FORMATS,
                                           "--fail-on", "never", "--jobs", "1", *extra])
        assert result.exit_code == 2, result.output
        assert "rules/facts.yaml:" in result.output and "lone surrogate" in result.output
        runs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()})
    assert runs[0] == runs[1] == runs[2] and "report.json" in runs[0]


@pytest.mark.parametrize("edit", ["document text", "publication date", "document added"])
def test_served_documents_with_jobs_give_the_report_of_a_run_without_cache(
        project: Path, edit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """As above with --jobs 2: workers and the process beside the comparison read the
    served documents' texts themselves (each read checked against the kept hash)."""
    _documents_settled(monkeypatch)
    jobs = ("--jobs", "2")
    before = _cached(project, *jobs)
    assert _cached(project, *jobs) == before  # served: nothing read, nothing built
    EDITS[edit](project)
    after = _cached(project, *jobs)
    assert after == _cold(project, *jobs) and after != before


def _finding(fid: str, message: str) -> object:
    from checker.models.report import Finding

    return Finding.model_validate({
        "id": fid, "kind": "corroboration", "severity": "info", "message": message,
        "confidence": 0.75, "claims": [], "details": {"n": [1, 2.5e-05]}})


def test_findings_read_back_are_known_with_their_bytes(tmp_path: Path) -> None:
    from checker.findmemo import FindingsMemo
    from checker.models.report import EntityOut
    from checker.reporting.build import CorpusParts
    from checker.reporting.json_report import finding_bytes

    found = [_finding("a", "one \u201cquoted\u201d"), _finding("b", "line\nbreak")]
    parts = CorpusParts([3, 4], [EntityOut(id="e", name="E", documents=["d"], forms=[])])
    FindingsMemo(tmp_path, "k").put(found, parts)  # type: ignore[arg-type]
    memo = FindingsMemo(tmp_path, "k")
    kept = memo.get()
    assert kept is not None and kept.findings == found
    assert kept.claims == [3, 4] and kept.entities == parts.entities
    assert [bytes(memo.rendered.get(f) or b"") for f in kept.findings] == \
        [finding_bytes(f) for f in found]  # type: ignore[arg-type]
    assert FindingsMemo(tmp_path, "other").get() is None


@pytest.mark.parametrize("data", [b"x\n[]{}", b"999\n[]", b"2\n[]{}", b"2\n[]{\"claims\": 1}",
                                  b"14\n[{\"id\": \"a\"}]{\"claims\": [], \"entities\": []}"])
def test_a_memo_resealed_around_other_bytes_is_a_miss(tmp_path: Path, data: bytes) -> None:
    from checker.cache import seal
    from checker.findmemo import FindingsMemo

    (tmp_path / FINDINGS).write_bytes(b"k\n" + seal("k", data) + b"\n" + data)
    assert FindingsMemo(tmp_path, "k").get() is None


def test_a_drafted_documents_part_follows_every_field_it_reads() -> None:
    """A document drafted on the fly has a part of its own (no JSON array), which must
    still change with everything the JSON part holds, and never be a claim-file
    document's part."""
    from dataclasses import replace as changed

    from checker.corpus import DocClaims
    from checker.findmemo import _document_part
    from checker.ingest import document_from_text
    from checker.models.document import DocumentMeta

    doc = document_from_text("d1", "Text.\n", DocumentMeta(published="2025-01-01"))
    base = DocClaims(doc, [], on_the_fly=True)
    part = _document_part(base, "k" * 64)
    assert part.startswith(b"\x01") and part == _document_part(base, "k" * 64)
    others = [
        _document_part(base, "j" * 64),
        _document_part(DocClaims(changed(doc, id="d2"), [], on_the_fly=True), "k" * 64),
        _document_part(DocClaims(changed(doc, path="x/d1.txt"), [], on_the_fly=True),
                       "k" * 64),
        _document_part(DocClaims(changed(doc, sha256="0" * 64), [], on_the_fly=True),
                       "k" * 64),
        _document_part(DocClaims(changed(doc, body_start=3), [], on_the_fly=True), "k" * 64),
        _document_part(DocClaims(changed(doc, meta=DocumentMeta(published="2024-01-01")), [],
                                 on_the_fly=True), "k" * 64),
        _document_part(DocClaims(doc, []), "k" * 64),  # not drafted
        _document_part(DocClaims(doc, [], stale=True, on_the_fly=True), "k" * 64),
        # Fields only the JSON part holds: a claim file, claims gone or drafted.
        _document_part(DocClaims(doc, [], claim_file="claims/d1.yaml", on_the_fly=True),
                       "k" * 64),
        _document_part(DocClaims(doc, [], gone=["c1"], on_the_fly=True), "k" * 64),
        _document_part(DocClaims(doc, [], drafted=["c1"], on_the_fly=True), "k" * 64),
    ]
    assert part not in others and len(set(others)) == len(others)
    assert all(p.startswith(b"[") for p in others[-3:])
