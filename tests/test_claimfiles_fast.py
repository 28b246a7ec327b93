"""Claim files read fast (C parser, no positions but each claim's line) give what the careful
round-trip path gives, and every file outside the plain subset goes the careful way."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import claimfiles
from checker.claimfiles import LoadedClaims, load_claim_file, render_claim_file
from checker.errors import ClaimcheckError
from checker.extract import extract_document
from checker.ingest import document_from_text
from checker.models.claims import ClaimFile
from checker.rules import RuleSet
from checker.schemacheck import validate_model
from checker.schemas import load as load_schema
from checker.yamlio import locate, read_yaml

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("China is a member of the International Space Station, the page said.\n"
        "SMIC's third-quarter sales were $2.17119 billion, a record.\n")


def _careful(path: Path) -> LoadedClaims | None:
    """The round-trip path alone, as load_claim_file read every file before."""
    root = read_yaml(path, path.name)
    model, errors = validate_model(root, ClaimFile, load_schema("claims"), path.name)
    if errors or model is None:
        return None
    loaded = LoadedClaims(path.name, model, tree=root)
    for index, claim in enumerate(model.claims):
        loaded.lines[claim.id] = locate(root, ["claims", index])[0] or 1
    return loaded


def _claim_files() -> list[Path]:
    return sorted([*ROOT.glob("claims/*.yaml"), *ROOT.glob("tests/**/claims/*.yaml")])


@pytest.mark.parametrize("path", _claim_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_path_reads_what_the_careful_path_reads(path: Path) -> None:
    fast = claimfiles._load_fast(path.read_bytes(), path, path.name)
    try:
        careful = _careful(path)
    except Exception:  # unreadable YAML: the fast path must not take it
        careful = None
    if fast is None:
        return  # read the careful way by load_claim_file
    assert careful is not None, "the fast path took a file the careful path refuses"
    assert fast.model == careful.model
    assert fast.lines == careful.lines


def test_the_project_claim_files_take_the_fast_path() -> None:
    """The seeds' claim files (hundreds of `[` in flow lists) are plain YAML."""
    paths = sorted(ROOT.glob("claims/*.yaml"))
    assert paths
    assert all(claimfiles._load_fast(p.read_bytes(), p, p.name) is not None for p in paths)


@pytest.mark.parametrize("edit", [
    lambda t: t.replace("claims:\n", "extra: &a [1]\nalias: *a\nclaims:\n", 1),  # alias
    lambda t: t.replace("claims:\n", "schema_version: 1\nclaims:\n", 1),  # duplicate key
    lambda t: "%YAML 1.1\n---\n" + t.replace("claims:\n", "x: !!python/name:os.system\nclaims:\n",
                                              1),  # a directive and a tag
    lambda t: t.replace("line: 1", "line: '1'", 1),  # a string where the schema wants a number
    lambda t: t.replace("claims:\n", "<<: {a: 1}\nclaims:\n", 1),  # merge key
    # What libyaml reads otherwise than ruamel's careful parser (a review found each):
    lambda t: t.replace("line: 1", "line:\t1", 1),  # a tab between tokens
    lambda t: "%YAML 1.1\n---\n" + t.replace("line: 1", "line: 010", 1),  # octal in 1.1
    lambda t: t.replace("correction: false", "correction: &c false", 1)
    if "correction: false" in t else t.replace("claims:\n", "note: &n true\nclaims:\n", 1),
    lambda t: t.replace("line: 1", "line: !!int abc", 1),  # a value ruamel cannot build
])
def test_unusual_files_get_the_careful_path_and_its_errors(tmp_path: Path, ruleset: RuleSet,
                                                          edit: object) -> None:
    model = extract_document(document_from_text("d", TEXT), ruleset.lexicon)
    text = edit(render_claim_file(model, tmp_path))  # type: ignore[operator]
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    assert claimfiles._load_fast(path.read_bytes(), path, "d.yaml") is None
    loaded, errors = load_claim_file(path, "d.yaml")
    try:
        careful = _careful(path)
    except ClaimcheckError:
        careful = None
    if careful is not None:  # valid read the careful way (`010` is 8 under YAML 1.1)
        assert loaded is not None and (loaded.model, loaded.lines) == (careful.model,
                                                                        careful.lines)
    else:
        assert loaded is None or errors
    assert all("d.yaml" in str(e) for e in errors)


def test_an_error_in_a_fast_read_file_is_still_located(tmp_path: Path, ruleset: RuleSet) -> None:
    """Positions other than the claims' lines come from the careful parse, made on demand."""
    model = extract_document(document_from_text("d", TEXT), ruleset.lexicon)
    second = model.claims[1].id
    text = render_claim_file(model, tmp_path).replace(f"id: {second}",
                                                      f"id: {model.claims[0].id}")
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = claimfiles._load_fast(path.read_bytes(), path, "d.yaml")
    assert loaded is not None and loaded.tree is None  # no round-trip parse yet
    _, errors = load_claim_file(path, "d.yaml")
    rows = [n for n, row in enumerate(text.splitlines(), 1)
            if row.strip().removeprefix("- ") == f"id: {model.claims[0].id}"]
    assert len(rows) == 2 and errors and errors[0].location is not None
    assert errors[0].location.line == rows[1]  # the second `id:`, found by the careful parse


def test_an_error_is_located_in_the_bytes_that_were_read(tmp_path: Path,
                                                       ruleset: RuleSet) -> None:
    """A file saved between the fast read and an error gives no position, not a position in
    the other text."""
    model = extract_document(document_from_text("d", TEXT), ruleset.lexicon)
    path = tmp_path / "d.yaml"
    path.write_text(render_claim_file(model, tmp_path), encoding="utf-8")
    loaded = claimfiles._load_fast(path.read_bytes(), path, "d.yaml")
    assert loaded is not None
    path.write_text("# moved\n" * 5 + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert locate(loaded.root, ["claims", 0]) == (None, None)
    unchanged = claimfiles._load_fast(path.read_bytes(), path, "d.yaml")
    assert unchanged is not None and locate(unchanged.root, ["claims", 0])[0] == \
        unchanged.lines[model.claims[0].id]
