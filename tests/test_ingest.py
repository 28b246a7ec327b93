"""Ingest: ids, metadata from sidecars and front matter, encodings, offsets."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from checker.errors import InputError, SchemaError
from checker.ingest import discover, display_path, load_documents, read_document


def test_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text('title: T\npublished: "2025-04"\n', encoding="utf-8")
    doc = read_document(tmp_path / "a.txt", "a.txt")
    assert (doc.id, doc.meta.title, doc.meta.published) == ("a", "T", "2025-04")


def test_markdown_front_matter_keeps_offsets(tmp_path: Path) -> None:
    text = "---\ntitle: Front\npublished: '2025-01-02'\n---\nBody line.\n"
    (tmp_path / "b.md").write_text(text, encoding="utf-8")
    doc = read_document(tmp_path / "b.md", "b.md")
    assert doc.meta.title == "Front" and doc.text == text
    assert doc.text[doc.body_start:].startswith("Body")
    assert doc.lines.line_of(doc.body_start) == 5


def test_bad_sidecar_is_located(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("title: T\npublished: yesterday\n", encoding="utf-8")
    with pytest.raises(SchemaError) as err:
        read_document(tmp_path / "a.txt", "a.txt")
    assert str(err.value).startswith("a.meta.yaml:2:")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_bad_front_matter_is_located_at_the_files_own_line(tmp_path: Path,
                                                           newline: str) -> None:
    text = newline.join(["---", "title: T", "publisher: P", 'published: "2025-13-45"', "---",
                         "China is a member of the ISS.", ""])
    (tmp_path / "doc.md").write_bytes(text.encode("utf-8"))
    with pytest.raises(SchemaError) as err:
        read_document(tmp_path / "doc.md", "doc.md")
    assert str(err.value).startswith("doc.md:4:")  # the line of `published:`


def test_bom_crlf_and_invalid_utf8(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffOne.\r\nTwo.\r\n".encode())
    doc = read_document(tmp_path / "bom.txt", "bom.txt")
    assert doc.text.startswith("One.") and doc.lines.position(doc.text.index("Two")) == (2, 1)
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    bad = read_document(tmp_path / "bad.txt", "bad.txt")
    assert "\ufffd" in bad.text and "byte offset 3" in bad.warnings[0]


def test_binary_and_missing_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        read_document(tmp_path / "bin.txt", "bin.txt")
    with pytest.raises(InputError, match="not found"):
        read_document(tmp_path / "none.txt", "none.txt")


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="over the"):
        read_document(tmp_path / "big.txt", "big.txt", max_bytes=1000)


def test_load_documents_goes_on_after_errors(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00")
    (tmp_path / "ok.md").write_text("Same id.", encoding="utf-8")
    docs, errors = load_documents(discover(tmp_path), tmp_path)
    assert [d.id for d in docs] == ["ok"]
    assert len(errors) == 2
    assert any("also used by" in str(e) for e in errors)


def test_symlink_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret text here.", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "seeds").mkdir(parents=True)
    (repo / "seeds" / "ok.txt").write_text("Fine text.", encoding="utf-8")
    (repo / "seeds" / "leak.txt").symlink_to(outside / "secret.txt")
    docs, errors = load_documents(discover(repo / "seeds"), repo)
    assert [d.id for d in docs] == ["ok"]
    assert len(errors) == 1 and "outside the repository" in str(errors[0])
    inside, none = load_documents(discover(repo / "seeds"), repo, allow_outside=True)
    assert not none and [d.id for d in inside] == ["leak", "ok"]


def test_claim_file_display_matches_display_path(tmp_path: Path) -> None:
    from checker.corpus import _claim_display

    root = tmp_path / "repo"
    (root / "claims").mkdir(parents=True)
    (root / "claims" / "real.yaml").write_text("x: 1\n")
    (root / "claims" / "link.yaml").symlink_to(root / "claims" / "real.yaml")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for claims_dir in (root / "claims", root, outside, Path("relative/claims")):
        shown = display_path(claims_dir, root)
        for name in ("a.yaml", "real.yaml", "link.yaml"):
            path = claims_dir / name
            assert _claim_display(path, shown, root) == display_path(path, root), path


def test_paths_place_as_pathlib_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.ingest import Listing, _display, _placed, discover_noted, escapes

    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text("x", "utf-8")
    (real / "sub" / "b.txt").write_text("x", "utf-8")
    (tmp_path / "linked-dir").symlink_to(real)
    (real / "link.txt").symlink_to(real / "sub" / "b.txt")
    (real / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text("x", "utf-8")
    (real / "away").symlink_to(tmp_path / "other", target_is_directory=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "c.txt").write_text("x", "utf-8")
    monkeypatch.chdir(real)
    paths = [real / "a.txt", real / "link.txt", real / "out.txt", real / "away" / "c.txt",
             tmp_path / "linked-dir" / "a.txt", tmp_path / "linked-dir" / "sub" / "b.txt",
             tmp_path / "other" / "c.txt", Path("a.txt"), Path("sub/../a.txt"),
             Path("away/c.txt"), Path("sub/.."), Path("."), real / "missing.txt",
             Path("sub/../sub/b.txt"), real / "sub" / ".." / "a.txt", Path("./a.txt")]
    # With no listing, and with the listings discovering the directories gives (symlinks
    # then told by the directory's entries, not by a stat).
    listings = [Listing()]
    for seeds in (real, Path("."), tmp_path):
        listings.append(Listing())
        discover_noted(seeds, listing=listings[-1])
    for listing in listings:
        for root in (real, Path("."), tmp_path, tmp_path / "linked-dir", real / "sub"):
            real_root = root.resolve()
            dirs: dict[str, tuple[str | None, bool, str]] = {}
            for path in paths + paths:  # the second time, from the directories remembered
                expected = (_display(path, path.resolve(), real_root), escapes(path, root),
                            os.path.abspath(path))
                assert _placed(path, root, real_root, dirs, listing) == expected, (root, path)


def test_a_listing_answers_as_a_stat_does(tmp_path: Path) -> None:
    from checker.ingest import Listing, discover_noted

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("x", "utf-8")
    (tmp_path / "a.meta.yaml").write_text("title: x\n", "utf-8")
    (tmp_path / "sub" / "b.txt").write_text("x", "utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    listing = Listing()
    found, _ = discover_noted(tmp_path, listing=listing)
    assert len(found) == 4
    for path in found:
        assert listing.is_symlink(path) == path.is_symlink(), path
        sidecar = path.parent / (path.stem + ".meta.yaml")
        assert listing.may_have_sidecar(path) == sidecar.exists(), path
    # A file it never listed: asked of the file system.
    assert listing.may_have_sidecar(tmp_path / "elsewhere.txt") is True
    # A sidecar named in another case or normalisation may be the document's on a file
    # system that ignores them: a stat tells.
    (tmp_path / "c.txt").write_text("x", "utf-8")
    (tmp_path / "C.META.yaml").write_text("title: x\n", "utf-8")
    (tmp_path / "caf\u00e9.txt").write_text("x", "utf-8")
    (tmp_path / "cafe\u0301.meta.yaml").write_text("title: x\n", "utf-8")
    listing = Listing()
    found, _ = discover_noted(tmp_path, listing=listing)
    assert listing.may_have_sidecar(tmp_path / "c.txt")
    assert listing.may_have_sidecar(tmp_path / "caf\u00e9.txt")
    assert not listing.may_have_sidecar(tmp_path / "sub" / "b.txt")
    (tmp_path / "late.txt").symlink_to(tmp_path / "a.txt")
    assert listing.is_symlink(tmp_path / "late.txt") is True


def _rglob_discover(seeds: Path) -> list[Path]:
    """What `discover` did before it walked directory entries itself (with the suffix in
    any case, and broken symlinks kept to be reported)."""
    if seeds.is_file():
        return [seeds]
    return sorted(p for p in seeds.rglob("*")
                  if (p.is_file() or p.is_symlink() and not p.exists())
                  and p.suffix.lower() in (".txt", ".md") and not p.name.startswith("."))


def test_discover_finds_what_rglob_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.ingest import discover

    seeds = tmp_path / "seeds"
    for name in ("a.txt", "b.md", "c.yaml", ".hidden.txt", "d.meta.yaml", "x.", "e.TXT",
                 "sub/f.txt", "sub/deeper/g.md", ".dot-dir/h.txt", "a-b/i.txt", "a/j.txt"):
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text("x", "utf-8")
    (seeds / "dir.txt").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "k.txt").write_text("x", "utf-8")
    (seeds / "linked-dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (seeds / "linked.txt").symlink_to(seeds / "a.txt")
    (seeds / "broken.txt").symlink_to(seeds / "missing.txt")
    (seeds / "to-dir.md").symlink_to(seeds / "sub", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for where in (seeds, Path("seeds"), Path("seeds/sub"), seeds / "a.txt", seeds / "missing",
                  seeds / "linked-dir"):
        assert discover(where) == _rglob_discover(where), where
    # a, b, e, f, g, h, i, j, the linked file and the broken link
    assert len(discover(seeds)) == 10


def test_claim_files_exist_as_pathlib_says(tmp_path: Path) -> None:
    from checker.corpus import _claim_files

    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "a.yaml").write_text("x: 1\n")
    (claims / "dir.yaml").mkdir()
    (claims / "link.yaml").symlink_to(claims / "a.yaml")
    (claims / "broken.yaml").symlink_to(claims / "missing.yaml")
    present, links = _claim_files(claims)
    assert present == {p.name for p in claims.iterdir() if p.exists()}
    assert present == {"a.yaml", "dir.yaml", "link.yaml"}
    assert links == {"link.yaml", "broken.yaml"}
    assert _claim_files(tmp_path / "none") == (set(), set())
    assert _claim_files(claims / "a.yaml") == (set(), set())


def test_a_parent_path_is_not_a_symlink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.ingest import discover, escapes, load_documents

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("China launched a probe in 2024.\n", "utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    paths = discover(Path("../seeds"))
    assert paths == [Path("../seeds/a.txt")] and not escapes(paths[0], Path("."))
    docs, errors = load_documents(paths, Path("."))
    assert not errors and [d.id for d in docs] == ["a"]
    (tmp_path / "link").symlink_to(tmp_path / "seeds")
    assert escapes(Path("../link/a.txt"), Path("."))  # a real symlink out of the root


def test_a_nul_byte_anywhere_makes_a_binary_file(tmp_path: Path) -> None:
    late = b"Filler sentence here. " * 400 + b"\nChina launched 9 sat\x00ellites in 2023.\n"
    (tmp_path / "n.txt").write_bytes(late)
    with pytest.raises(InputError) as err:
        read_document(tmp_path / "n.txt", "n.txt")
    assert "binary file (NUL bytes)" in str(err.value)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_are_counted_as_editors_count_them(tmp_path: Path, newline: str) -> None:
    text = newline.join(["Intro.", "Second.", "China launched 7 satellites in 2023.", ""])
    (tmp_path / "d.txt").write_bytes(text.encode("utf-8"))
    doc = read_document(tmp_path / "d.txt", "d.txt")
    start = doc.text.index("China")
    assert doc.lines.position(start) == (3, 1)
    s, e = doc.lines.line_span(3)
    assert doc.text[s:e] == "China launched 7 satellites in 2023."


def test_front_matter_never_closed_is_said(tmp_path: Path) -> None:
    (tmp_path / "fm.md").write_text("---\ntitle: X\nChina launched 7 satellites.\n",
                                    encoding="utf-8")
    doc = read_document(tmp_path / "fm.md", "fm.md")
    assert doc.meta.title is None
    assert any("never closed" in w for w in doc.warnings)
    (tmp_path / "rule.md").write_text("---\n\nA page that opens with a rule.\n",
                                      encoding="utf-8")
    assert read_document(tmp_path / "rule.md", "rule.md").warnings == ()


def test_no_document_is_skipped_silently(tmp_path: Path) -> None:
    """A probe: UPPER.TXT, x.markdown and a broken symlink in the seeds were not read, and
    nothing said so. An upper-case suffix is read (front matter too); a Markdown file under
    another name is noted; the broken link is an error located at the link."""
    from checker.ingest import discover_noted

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sentence = "China is a member of the International Space Station.\n"
    (seeds / "UPPER.TXT").write_text(sentence, "utf-8")
    (seeds / "y.MD").write_text("---\ntitle: Y\n---\n" + sentence, "utf-8")
    (seeds / "x.markdown").write_text(sentence, "utf-8")
    (seeds / "notes.csv").write_text("a,b\n", "utf-8")  # no text a writer means: no note
    (seeds / "dangling.txt").symlink_to("nowhere.txt")
    paths, notes = discover_noted(seeds, tmp_path)
    assert [p.name for p in paths] == ["UPPER.TXT", "dangling.txt", "y.MD"]
    assert notes == ["seeds/x.markdown: not read: documents are .txt or .md files "
                     "(rename it x.md to check it)"]
    docs, errors = load_documents(paths, tmp_path)
    assert [(d.id, d.path, d.meta.title) for d in docs] == [
        ("UPPER", "seeds/UPPER.TXT", None), ("y", "seeds/y.MD", "Y")]
    assert docs[1].text[docs[1].body_start:] == sentence
    assert [str(e) for e in errors] == [
        "seeds/dangling.txt: is a broken symlink (its target 'nowhere.txt' does not exist), "
        "not a document"]



def test_a_sidecar_beside_no_document_is_noted(tmp_path: Path) -> None:
    """A document renamed without its sidecar left metadata no run read, and nothing said
    so; a sidecar beside its document says nothing (in another case of its name, only where
    the file system ignores case: there the document reads it)."""
    from checker.ingest import discover_noted

    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "a.txt").write_text("Text.\n", "utf-8")
    (seeds / "a.meta.yaml").write_text("title: A\n", "utf-8")
    (seeds / "B.md").write_text("Text.\n", "utf-8")
    (seeds / "b.meta.yaml").write_text("title: B\n", "utf-8")
    (seeds / "sub" / "old.meta.yaml").write_text("title: Old\n", "utf-8")
    (seeds / "a.meta.yml").write_text("title: A\n", "utf-8")  # no sidecar's name: no note
    paths, notes = discover_noted(seeds, tmp_path)
    assert [p.name for p in paths] == ["B.md", "a.txt"]
    ignores_case = (seeds / "B.meta.yaml").exists()
    assert notes == [
        *([] if ignores_case else ["seeds/b.meta.yaml: not read: metadata of no document "
                                   "(no b.txt or b.md beside it)"]),
        "seeds/sub/old.meta.yaml: not read: metadata of no document (no old.txt or old.md "
        "beside it)"]


def test_text_not_read_is_noted_in_any_case(tmp_path: Path) -> None:
    from checker.ingest import discover_noted

    for name in ("a.markdown", "B.MARKDOWN", "c.Text", "d.mkd", ".hidden.markdown"):
        (tmp_path / name).write_text("x", "utf-8")
    notes = discover_noted(tmp_path, tmp_path)[1]
    assert [n.split(":")[0] for n in notes] == ["B.MARKDOWN", "a.markdown", "c.Text", "d.mkd"]


def test_document_names_by_their_extension() -> None:
    """A name is a document's (or noted unread) exactly when `os.path.splitext` gives it
    one of the suffixes, in any case, and it is not hidden."""
    from checker.ingest import DOCUMENT_SUFFIXES, is_document_name

    rng = random.Random(5)
    pieces = ["a", ".", "txt", "TXT", "md", "Md", "markdown", "x", "..", " "]
    for _ in range(20_000):
        name = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        plain = not name.startswith(".") and \
            os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES
        assert is_document_name(name) == plain, name


def test_two_byte_order_marks_are_no_text(tmp_path: Path) -> None:
    # a review (a property test's rare case): the second mark stayed the text's first
    (tmp_path / "doc.txt").write_bytes("\ufeff\ufeffTitle\n\nBody text here.\n".encode())
    doc = read_document(tmp_path / "doc.txt", "seeds/doc.txt")
    assert doc.text == "Title\n\nBody text here.\n"
