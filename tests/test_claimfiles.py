"""Claim files: deterministic rendering, located loading, merge that keeps edits."""

from __future__ import annotations

from pathlib import Path

from checker.claimfiles import load_claim_file, render_claim_file
from checker.extract import extract_document
from checker.ingest import document_from_text
from checker.merge import merge_claim_file
from checker.rules import RuleSet
from checker.yamlio import read_yaml

TEXT = ("China is a member of the International Space Station, the page said.\n"
        "SMIC's third-quarter sales were $2.17119 billion, a record.\n")


def test_render_is_deterministic_and_loads(tmp_path: Path, ruleset: RuleSet) -> None:
    doc = document_from_text("d", TEXT)
    model = extract_document(doc, ruleset.lexicon)
    text = render_claim_file(model, tmp_path)
    assert text == render_claim_file(model, tmp_path)
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    loaded, errors = load_claim_file(tmp_path / "d.yaml", "d.yaml")
    assert not errors and loaded is not None
    assert loaded.model == model
    assert all(loaded.line_of(c.id) for c in model.claims)


def test_duplicate_claim_ids_are_located(tmp_path: Path, ruleset: RuleSet) -> None:
    model = extract_document(document_from_text("d", TEXT), ruleset.lexicon)
    text = render_claim_file(model, tmp_path)
    second = model.claims[1].id
    text = text.replace(f"id: {second}", f"id: {model.claims[0].id}")
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    _, errors = load_claim_file(tmp_path / "d.yaml", "d.yaml")
    assert errors and "duplicate claim id" in str(errors[0]) and "d.yaml:" in str(errors[0])


def test_merge_keeps_edits_and_comments_and_moves_spans(tmp_path: Path,
                                                        ruleset: RuleSet) -> None:
    doc = document_from_text("d", TEXT)
    model = extract_document(doc, ruleset.lexicon)
    path = tmp_path / "d.yaml"
    edited = render_claim_file(model, tmp_path).replace(
        "    line: 1\n", "    line: 1\n    note: verified  # editor\n", 1)
    path.write_text(edited, encoding="utf-8")
    moved = document_from_text("d", "A new first line is here now.\n" + TEXT)
    new_model = extract_document(moved, ruleset.lexicon)
    text, report = merge_claim_file(read_yaml(path), new_model, moved, tmp_path)
    assert "note: verified  # editor" in text
    assert set(report.kept) == {c.id for c in model.claims}
    path.write_text(text, encoding="utf-8")
    loaded, errors = load_claim_file(path, "d.yaml")
    assert not errors and loaded is not None
    first = next(c for c in loaded.model.claims if c.text.startswith("China"))
    assert moved.text[first.span[0]:first.span[1]] == first.text and first.line == 2


def test_merge_drops_stale_drafts_but_keeps_editor_claims(tmp_path: Path,
                                                          ruleset: RuleSet) -> None:
    doc = document_from_text("d", TEXT)
    model = extract_document(doc, ruleset.lexicon)
    path = tmp_path / "d.yaml"
    path.write_text(render_claim_file(model, tmp_path), encoding="utf-8")
    # A later extractor that no longer drafts the SMIC claim.
    china_only = model.model_copy(update={"claims": [
        c for c in model.claims if c.text.startswith("China")]})
    smic = next(c for c in model.claims if c.text.startswith("SMIC"))
    _, report = merge_claim_file(read_yaml(path), china_only, doc, tmp_path)
    assert report.removed == [smic.id] and not report.editor_claims
    # The same claim under an editor's own id stays.
    path.write_text(path.read_text(encoding="utf-8").replace(smic.id, "editor-smic"),
                    encoding="utf-8")
    text, report = merge_claim_file(read_yaml(path), china_only, doc, tmp_path)
    assert report.editor_claims == ["editor-smic"] and "editor-smic" in text


def test_leading_question_mark_survives_a_round_trip(tmp_path: Path, ruleset: RuleSet) -> None:
    # Found by the property suite: ruamel leaves "?0" plain in a flow list, where a reader
    # takes "?" for a mapping key.
    model = extract_document(document_from_text("d", TEXT), ruleset.lexicon)
    first = model.claims[0].model_copy(update={"features": ["?0", "? x"], "note": "?y"})
    model = model.model_copy(update={"claims": [first, *model.claims[1:]]})
    (tmp_path / "d.yaml").write_text(render_claim_file(model, tmp_path), encoding="utf-8")
    loaded, errors = load_claim_file(tmp_path / "d.yaml", "d.yaml")
    assert not errors and loaded is not None and loaded.model == model
