"""Claim files: deterministic rendering, located loading, merge that keeps edits."""

from __future__ import annotations

from pathlib import Path

from checker.claimfiles import load_claim_file, render_claim_file
from checker.extract import extract_document
from checker.ingest import document_from_text
from checker.merge import merge_claim_file
from checker.models.claims import ClaimFile
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


def test_a_drafted_claim_with_an_editors_note_stays_while_its_sentence_does(
        tmp_path: Path, ruleset: RuleSet) -> None:
    doc = document_from_text("d", TEXT)
    model = extract_document(doc, ruleset.lexicon)
    smic = next(c for c in model.claims if c.text.startswith("SMIC"))
    path = tmp_path / "d.yaml"
    path.write_text(render_claim_file(model, tmp_path).replace(
        f"  - id: {smic.id}\n", f"  - id: {smic.id}\n    note: checked against results\n", 1),
        encoding="utf-8")
    # A later extractor scores the SMIC sentence below its threshold (a CI probe: the note
    # went with the claim, exit 0).
    china_only = model.model_copy(update={"claims": [
        c for c in model.claims if c.text.startswith("China")]})
    text, report = merge_claim_file(read_yaml(path), china_only, doc, tmp_path)
    assert report.editor_claims == [smic.id] and not report.removed and not report.lost
    assert "note: checked against results" in text


def test_leading_question_mark_survives_a_round_trip(tmp_path: Path, ruleset: RuleSet) -> None:
    # Found by the property suite: ruamel leaves "?0" plain in a flow list, where a reader
    # takes "?" for a mapping key.
    model = extract_document(document_from_text("d", TEXT), ruleset.lexicon)
    first = model.claims[0].model_copy(update={"features": ["?0", "? x"], "note": "?y"})
    model = model.model_copy(update={"claims": [first, *model.claims[1:]]})
    (tmp_path / "d.yaml").write_text(render_claim_file(model, tmp_path), encoding="utf-8")
    loaded, errors = load_claim_file(tmp_path / "d.yaml", "d.yaml")
    assert not errors and loaded is not None and loaded.model == model


def _slots_point_at_their_text(model: ClaimFile, text: str) -> list[str]:
    """Every slot whose span does not cut its own text out of the document."""
    wrong = []
    for c in model.claims:
        slots = [*c.entities, *c.quantities, *c.dates] + \
            ([c.attribution] if c.attribution else [])
        wrong += [f"{c.id}: {s.text!r} at {list(s.span)}" for s in slots
                  if text[s.span[0]:s.span[1]] != s.text]
    return wrong


WIRE = ("Exports rose 5% in March, according to SIPRI, to $2.1 billion.\n"
        "Lin said China launched Chang'e 6 in May 2024.\n")


def test_merge_moves_slot_spans_with_their_claim(tmp_path: Path, ruleset: RuleSet) -> None:
    doc = document_from_text("d", WIRE)
    model = extract_document(doc, ruleset.lexicon)
    assert sum(len(c.entities) + len(c.quantities) + len(c.dates) for c in model.claims) >= 5
    assert any(c.attribution for c in model.claims)
    path = tmp_path / "d.yaml"
    path.write_text(render_claim_file(model, tmp_path), encoding="utf-8")
    moved = document_from_text("d", "A line added at the top of the page.\n\n" + WIRE)
    text, _ = merge_claim_file(read_yaml(path), extract_document(moved, ruleset.lexicon),
                               moved, tmp_path)
    path.write_text(text, encoding="utf-8")
    loaded, errors = load_claim_file(path, "d.yaml")
    assert not errors and loaded is not None
    assert [c.id for c in loaded.model.claims] == [c.id for c in model.claims]
    assert _slots_point_at_their_text(loaded.model, moved.text) == []


def test_merge_keeps_an_editors_trimmed_span(tmp_path: Path,
                                                                ruleset: RuleSet) -> None:
    doc = document_from_text("d", WIRE)
    model = extract_document(doc, ruleset.lexicon)
    first = model.claims[0]
    trimmed = first.text.split(", according")[0]  # the editor cuts the attribution off
    path = tmp_path / "d.yaml"
    rendered = render_claim_file(model, tmp_path).replace(
        f"text: {first.text}", f"text: {trimmed}", 1).replace(
        f"span: [{first.span[0]}, {first.span[1]}]",
        f"span: [{first.span[0]}, {first.span[0] + len(trimmed)}]", 1)
    assert trimmed in rendered
    path.write_text(rendered, encoding="utf-8")
    moved = document_from_text("d", "Top.\n" + WIRE)
    text, report = merge_claim_file(read_yaml(path), extract_document(moved, ruleset.lexicon),
                                    moved, tmp_path)
    assert first.id in report.kept
    path.write_text(text, encoding="utf-8")
    loaded, errors = load_claim_file(path, "d.yaml")
    assert not errors and loaded is not None
    claim = next(c for c in loaded.model.claims if c.id == first.id)
    assert claim.text == trimmed
    assert moved.text[claim.span[0]:claim.span[1]] == trimmed
    assert _slots_point_at_their_text(loaded.model, moved.text) == []


def _without_claim(text: str, claim_id: str) -> str:
    """The rendered claim file with one claim's block deleted, as an editor would."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line == f"  - id: {claim_id}\n")
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].startswith("  - id: ") or not lines[i].startswith("    ")),
               len(lines))
    return "".join(lines[:start] + lines[end:])


def test_a_deleted_claim_stays_deleted_across_re_extraction(tmp_path: Path,
                                                            ruleset: RuleSet) -> None:
    from checker.merge import with_drafted

    doc = document_from_text("d", WIRE)
    model = extract_document(doc, ruleset.lexicon)
    gone = model.claims[0].id
    path = tmp_path / "d.yaml"
    path.write_text(_without_claim(render_claim_file(with_drafted(model), tmp_path), gone),
                    encoding="utf-8")
    loaded, errors = load_claim_file(path, "d.yaml")
    assert not errors and loaded is not None
    assert gone in loaded.model.drafted and gone not in {c.id for c in loaded.model.claims}
    for text in ("Top line.\n" + WIRE, "Top line.\n" + WIRE + "Lin said exports rose 9%.\n"):
        moved = document_from_text("d", text)
        merged, report = merge_claim_file(read_yaml(path), extract_document(
            moved, ruleset.lexicon), moved, tmp_path)
        assert report.deleted == [gone] and gone not in report.added
        path.write_text(merged, encoding="utf-8")
        loaded, errors = load_claim_file(path, "d.yaml")
        assert not errors and loaded is not None
        assert gone in loaded.model.drafted and gone not in {c.id for c in loaded.model.claims}
    assert "you deleted left out" in report.summary()


def test_a_file_from_before_drafted_ids_gets_them(tmp_path: Path, ruleset: RuleSet) -> None:
    doc = document_from_text("d", WIRE)
    model = extract_document(doc, ruleset.lexicon)
    path = tmp_path / "d.yaml"
    path.write_text(_without_claim(render_claim_file(model, tmp_path), model.claims[0].id),
                    encoding="utf-8")  # no drafted list: the deletion cannot be known
    merged, report = merge_claim_file(read_yaml(path), model, doc, tmp_path)
    assert report.added == [model.claims[0].id] and not report.deleted
    path.write_text(merged, encoding="utf-8")
    loaded, _ = load_claim_file(path, "d.yaml")
    assert loaded is not None and loaded.model.drafted == sorted(c.id for c in model.claims)


def test_a_reworded_sentence_keeps_the_editors_note_and_suppression(tmp_path: Path,
                                                                    ruleset: RuleSet) -> None:
    text = ("The Senate voted 70 to 29 to pass the $95 billion aid bill on Tuesday.\n"
            "Lin said China launched Chang'e 6 in May 2024.\n")
    model = extract_document(document_from_text("d", text), ruleset.lexicon)
    vote, launch = model.claims[0].id, model.claims[1].id
    note = "    note: checked with the Senate record\n    suppress:\n" \
           "      - {rule: self-contradiction, reason: counted twice}\n"
    rendered = render_claim_file(model, tmp_path)
    for cid in (vote, launch):
        at = rendered.index(f"  - id: {cid}\n")
        line_end = rendered.index("\n", rendered.index("    line: ", at)) + 1
        rendered = rendered[:line_end] + note + rendered[line_end:]
    path = tmp_path / "d.yaml"
    path.write_text(rendered, encoding="utf-8")
    changed = document_from_text("d", text.replace("70 to 29", "70-29").replace(
        "Lin said China launched Chang'e 6 in May 2024.", "A wholly different line of 2025."))
    merged, report = merge_claim_file(read_yaml(path), extract_document(
        changed, ruleset.lexicon), changed, tmp_path)
    assert report.removed == [vote, launch]
    new_vote = next(c for c in report.added)
    assert report.carried == [f"{vote} -> {new_vote}"] and report.lost == [launch]
    assert "removed with your note or suppression: " + launch in report.summary()
    path.write_text(merged, encoding="utf-8")
    loaded, errors = load_claim_file(path, "d.yaml")
    assert not errors and loaded is not None
    claim = next(c for c in loaded.model.claims if c.id == new_vote)
    assert "70-29" in claim.text and claim.note == "checked with the Senate record"
    assert [s.reason for s in claim.suppress] == ["counted twice"]


def test_a_trimmed_text_on_the_drafted_span_keeps_its_slots(tmp_path: Path,
                                                           ruleset: RuleSet) -> None:
    text = "Officials said on Monday that exports rose 5% in March to $2.1 billion.\n"
    doc = document_from_text("d", text)
    model = extract_document(doc, ruleset.lexicon)
    first = model.claims[0]
    rendered = render_claim_file(model, tmp_path).replace(
        f"text: {first.text}", "text: " + first.text[len("Officials said on Monday that "):])
    path = tmp_path / "d.yaml"
    path.write_text(rendered, encoding="utf-8")  # the span still covers the whole sentence
    merged, _ = merge_claim_file(read_yaml(path), extract_document(doc, ruleset.lexicon),
                                 doc, tmp_path)
    path.write_text(merged, encoding="utf-8")
    loaded, errors = load_claim_file(path, "d.yaml")
    assert not errors and loaded is not None
    assert _slots_point_at_their_text(loaded.model, text) == []


def test_a_reversed_sentence_does_not_take_the_editors_note(tmp_path: Path,
                                                            ruleset: RuleSet) -> None:
    text = "China is a member of the ISS programme since 2021, officials said.\n"
    model = extract_document(document_from_text("d", text), ruleset.lexicon)
    rendered = render_claim_file(model, tmp_path)
    line_end = rendered.index("\n", rendered.index("    line: ")) + 1
    path = tmp_path / "d.yaml"
    path.write_text(rendered[:line_end] + "    note: wrong, see the 1998 agreement\n"
                    + rendered[line_end:], encoding="utf-8")
    reversed_doc = document_from_text("d", text.replace("is a member", "is not a member"))
    _, report = merge_claim_file(read_yaml(path), extract_document(
        reversed_doc, ruleset.lexicon), reversed_doc, tmp_path)
    assert report.carried == [] and report.lost == [model.claims[0].id]


def test_an_editors_claim_stays_on_its_own_copy_of_a_repeated_text(tmp_path: Path,
                                                                   ruleset: RuleSet) -> None:
    text = ("Acme shares fell 5% on Monday, the exchange said.\n"
            "Markets were calm in Asia.\n"
            "Acme shares fell 5% on Monday, the exchange said.\n")
    doc = document_from_text("d", text)
    model = extract_document(doc, ruleset.lexicon)
    second = text.rindex("Acme")
    own = {"id": "editor-second", "text": "Acme shares fell 5% on Monday",
           "span": [second, second + 29], "line": 3}
    rendered = render_claim_file(model, tmp_path) + (
        f"  - id: {own['id']}\n    text: {own['text']}\n    span: {own['span']}\n"
        f"    line: 3\n")
    path = tmp_path / "d.yaml"
    path.write_text(rendered, encoding="utf-8")
    loaded, errors = load_claim_file(path, "d.yaml")
    assert not errors and loaded is not None
    merged, report = merge_claim_file(read_yaml(path), model, doc, tmp_path)
    assert report.editor_claims == ["editor-second"]
    path.write_text(merged, encoding="utf-8")
    loaded, _ = load_claim_file(path, "d.yaml")
    assert loaded is not None
    assert next(c for c in loaded.model.claims if c.id == "editor-second").line == 3


def test_a_repeated_sentences_second_draft_is_a_draft(tmp_path: Path, ruleset: RuleSet) -> None:
    text = "Acme shares fell 5% on Monday.\nAcme shares fell 5% on Monday.\n"
    doc = document_from_text("d", text)
    model = extract_document(doc, ruleset.lexicon)
    assert [c.id.endswith("-2") for c in model.claims] == [False, True]
    path = tmp_path / "d.yaml"
    path.write_text(render_claim_file(model, tmp_path), encoding="utf-8")
    # A later extractor drafts neither: both go; the `-2` one is no editor's claim.
    _, report = merge_claim_file(read_yaml(path), model.model_copy(update={"claims": []}),
                                 doc, tmp_path)
    assert report.removed == [c.id for c in model.claims] and report.editor_claims == []


def test_an_unknown_key_is_located_at_the_key(tmp_path: Path) -> None:
    """Not at the top of the claim holding it (a CI/review probe: `colour:` on line 166 was
    reported at 161:5, the claim's `- id:`)."""
    source = Path(__file__).resolve().parents[1] / "claims" / "002_52ff3da96645762c.yaml"
    lines = source.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  - id: c04c3f719b1"))
    lines.insert(at + 3, "    colour: red\n")
    path = tmp_path / "002_52ff3da96645762c.yaml"
    path.write_text("".join(lines), "utf-8")
    loaded, errors = load_claim_file(path, "claims/x.yaml")
    assert loaded is None
    [error] = errors
    assert (error.location.line, error.location.column, error.location.field) == (
        at + 4, 5, "claims[9].colour")
    assert "'colour' is not allowed" in error.message


def test_a_backwards_date_is_located(tmp_path: Path) -> None:
    """A date slot that ends before it starts overlaps nothing (an editor's probe: validate
    accepted 2024-11-01 to 2024-03-31)."""
    source = Path(__file__).resolve().parents[1] / "claims" / "000_157f4fd9ca80a9df.yaml"
    text = source.read_text("utf-8")
    start = text.index("start: '2024-")
    end_at = text.index("end: '", start)
    bad = text[:end_at] + "end: '2023-01-01'" + text[text.index("\n", end_at):]
    path = tmp_path / source.name
    path.write_text(bad, "utf-8")
    loaded, errors = load_claim_file(path, "claims/x.yaml")
    assert loaded is None and len(errors) == 1
    assert "is after end 2023-01-01" in errors[0].message
    # At the date slot's first line ("- text: Last year"), three lines above its `end:`.
    assert errors[0].location.line == bad[:end_at].count("\n") + 1 - 3
    assert errors[0].location.field == "claims[1].dates[0]"


def test_merge_keeps_comments_inside_the_document_block(tmp_path: Path,
                                                        ruleset: RuleSet) -> None:
    doc = document_from_text("d", TEXT)
    model = extract_document(doc, ruleset.lexicon)
    path = tmp_path / "d.yaml"
    rendered = render_claim_file(model, tmp_path)
    assert "\n  id: d\n" in rendered
    path.write_text(rendered.replace("\n  id: d\n", "\n  id: d  # checked by the desk\n", 1),
                    encoding="utf-8")
    moved = document_from_text("d", "A new first line is here now.\n" + TEXT)
    text, _ = merge_claim_file(read_yaml(path), extract_document(moved, ruleset.lexicon),
                               moved, tmp_path)
    assert "id: d  # checked by the desk" in text
    path.write_text(text, encoding="utf-8")
    loaded, errors = load_claim_file(path, "d.yaml")
    assert not errors and loaded is not None
    # What changed in the block (the document's hash) is still rewritten.
    assert loaded.model.document == extract_document(moved, ruleset.lexicon).document


def test_a_renamed_documents_claims_are_re_keyed_not_drafted_again(tmp_path: Path,
                                                                   ruleset: RuleSet) -> None:
    """A CI probe: after `git mv` of a document and its claim file, extract drafted every
    sentence again beside the old claims, which it took for an editor's own."""
    from checker.merge import with_drafted

    text = TEXT + WIRE
    old = document_from_text("old_id", text, path="seeds/old_id.txt")
    model = extract_document(old, ruleset.lexicon)
    first, gone = model.claims[0], model.claims[-1]
    rendered = _without_claim(render_claim_file(with_drafted(model), tmp_path), gone.id)
    rendered = rendered.replace(f"  - id: {first.id}\n",
                                f"  - id: {first.id}\n    # the desk\n    note: verified\n", 1)
    # The editor fixes the document block as the input error asks; the header is left.
    rendered = rendered.replace("\n  id: old_id\n", "\n  id: new_id\n", 1).replace(
        "\n  path: seeds/old_id.txt\n", "\n  path: seeds/new_id.txt\n", 1)
    path = tmp_path / "new_id.yaml"
    path.write_text(rendered, encoding="utf-8")
    new = document_from_text("new_id", text, path="seeds/new_id.txt")
    new_model = extract_document(new, ruleset.lexicon)
    merged, report = merge_claim_file(read_yaml(path), new_model, new, tmp_path)
    assert not report.added and not report.editor_claims and not report.removed
    assert len(report.kept) == len(report.renamed) == len(model.claims) - 1
    assert report.deleted == [new_model.claims[-1].id]  # still deleted, under its new id
    assert "re-keyed" in report.summary()
    assert "# the desk\n    note: verified\n" in merged
    assert "# Claims of seeds/new_id.txt," in merged and "old_id" not in merged
    path.write_text(merged, encoding="utf-8")
    loaded, errors = load_claim_file(path, "new_id.yaml")
    assert not errors and loaded is not None
    assert [c.id for c in loaded.model.claims] == [c.id for c in new_model.claims[:-1]]
    assert loaded.model.claims[0].note == "verified"
    assert loaded.model.drafted == sorted(c.id for c in new_model.claims)
