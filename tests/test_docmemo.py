"""Documents known by their files' stat signatures: served unread when unchanged, read again
when anything about them changed, and never a different text."""

from __future__ import annotations

import os
import pickle
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from checker import docmemo, parallel
from checker.cache import DOCUMENTS, EXTRACTED, ClaimCache, code_fingerprint
from checker.cachegc import RECHECK, REFRESH, SWEPT
from checker.docmemo import DeferredDocument, DocumentMemo
from checker.errors import InputError
from checker.ingest import Document, Listing, discover, discover_noted, load_documents
from checker.memofile import read_memo, write_memo
from checker.pipeline import CheckOptions, Inputs, load_inputs
from checker.sidecars import SidecarMemo
from tests.bench.corpora import RULES, write

REPO = Path(__file__).resolve().parents[1]


def _load(root: Path, memo: DocumentMemo | None, listed: bool = True) -> list[Document]:
    """The documents as a run loads them: with the listing discovering them made (whether
    each has a sidecar is told by it), or with `listed` false by a stat of each."""
    listing = Listing()
    paths = discover_noted(root / "seeds", listing=listing)[0] if listed \
        else discover(root / "seeds")
    docs, errors = load_documents(paths, root, known=memo, listing=listing)
    assert not errors
    return docs


def _memo(path: Path) -> DocumentMemo:
    """A memo as a run makes it; its entries are taken as if well after the files' last
    change (a test's files are seconds old: the racy rule would read them all again)."""
    memo = DocumentMemo(path, "code")
    memo.seen = time.time_ns() + 2 * docmemo.RACY_NS
    return memo


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The deferred documents' files read, in order."""
    read: list[str] = []
    real = docmemo._read_again

    def counted(file: str, display: str, sha256: str, memo: str | None = None) -> str:
        read.append(display)
        return real(file, display, sha256, memo)

    monkeypatch.setattr(docmemo, "_read_again", counted)
    return read


def test_unchanged_documents_are_served_unread_and_equal(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _load(corpus, None)
    first = _memo(tmp_path / "documents.marshal")
    assert _load(corpus, first) == fresh and first.served == 0
    first.save()
    read = _reads(monkeypatch)
    second = DocumentMemo(tmp_path / "documents.marshal", "code")
    served = _load(corpus, second)
    assert second.served == len(fresh) and read == []
    assert all(isinstance(d, DeferredDocument) for d in served)
    # Metadata, hash and warnings without reading; the text read when asked for, once.
    assert [(d.id, d.path, d.meta, d.sha256, d.body_start, d.warnings) for d in served] == \
        [(d.id, d.path, d.meta, d.sha256, d.body_start, d.warnings) for d in fresh]
    assert served[0].text == fresh[0].text and served[0].text == fresh[0].text
    assert read == [fresh[0].path]
    assert served == fresh and fresh == served  # equal to a read document, either way
    assert served[1].lines.line_of(len(fresh[1].text)) == fresh[1].lines.line_of(
        len(fresh[1].text))
    # A worker process gets the document whole (its text read then, or before).
    assert pickle.loads(pickle.dumps(served[2])).text == fresh[2].text


@pytest.mark.parametrize("listed", [True, False])
@pytest.mark.parametrize("change", ["text", "same size", "sidecar", "sidecar added",
                                    "sidecar removed", "renamed root"])
def test_a_changed_document_is_read_again(corpus: Path, tmp_path: Path, change: str,
                                          listed: bool) -> None:
    first = _memo(tmp_path / "documents.marshal")
    docs = _load(corpus, first, listed)
    first.save()
    target = corpus / "seeds" / Path(docs[1].path).name
    sidecar = target.with_name(target.stem + ".meta.yaml")
    if change == "text":
        target.write_text(target.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    elif change == "same size":
        # One letter changed, its size kept: the times tell.
        text = target.read_text("utf-8")
        target.write_text(text.replace("the", "teh", 1), "utf-8")
    elif change == "sidecar":
        sidecar.write_text("title: Another title\n", "utf-8")
    elif change == "sidecar added":
        sidecar = corpus / "seeds" / (Path(docs[0].path).stem + ".meta.yaml")
        sidecar.unlink(missing_ok=True)
        first = _memo(tmp_path / "documents.marshal")
        docs = _load(corpus, first, listed)
        first.save()
        sidecar.write_text("title: Added\n", "utf-8")
        target = corpus / "seeds" / Path(docs[0].path).name
    elif change == "sidecar removed":
        target = corpus / "seeds" / Path(docs[0].path).name
        sidecar = target.with_name(target.stem + ".meta.yaml")
        assert sidecar.exists()
        sidecar.unlink()
    else:
        moved = tmp_path / "elsewhere"
        shutil.move(corpus, moved)
        corpus = moved
    second = DocumentMemo(tmp_path / "documents.marshal", "code")
    served = _load(corpus, second, listed)
    fresh = _load(corpus, None, listed)
    assert served == fresh
    if change == "renamed root":  # another place: every document read again
        assert second.served == 0
        return
    changed = [d for d in served if not isinstance(d, DeferredDocument)]
    assert [d.path for d in changed] == [target.relative_to(corpus).as_posix()]
    assert second.served == len(fresh) - 1


def test_a_file_changed_as_the_memo_was_taken_is_read_again(corpus: Path, tmp_path: Path
                                                            ) -> None:
    """Git's racy rule: an entry taken within RACY_NS of the file's last change may hold
    bytes older than the file's (a change within one tick of the clock)."""
    first = DocumentMemo(tmp_path / "documents.marshal", "code")  # taken now: files are new
    docs = _load(corpus, first)
    first.save()
    second = DocumentMemo(tmp_path / "documents.marshal", "code")
    assert _load(corpus, second) == docs and second.served == 0


def test_bytes_that_changed_under_the_same_signature_are_an_error(
        corpus: Path, tmp_path: Path) -> None:
    first = _memo(tmp_path / "documents.marshal")
    docs = _load(corpus, first)
    first.save()
    target = corpus / "seeds" / Path(docs[0].path).name
    stat = target.stat()
    data = target.read_bytes()
    # Same size and times, other bytes (a tool that sets the times back, a damaged disk):
    # the text read later does not hash as the memo said, and the run says so.
    target.write_bytes(data.replace(b"e", b"a", 1))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    memo = DocumentMemo(tmp_path / "documents.marshal", "code")
    memo.file._stored[os.fspath(target)][0][2] = target.stat().st_ctime_ns  # ctime kept too
    served = _load(corpus, memo)
    with pytest.raises(InputError) as caught:
        _ = served[0].text
    assert caught.value.location is not None and caught.value.location.path == docs[0].path
    assert "changed while it was being checked" in str(caught.value)
    # The memo is forgotten: the run again the message asks for reads every document (its
    # signatures would serve the stale entry, and fail, however often it is repeated).
    assert not (tmp_path / "documents.marshal").exists()
    again = DocumentMemo(tmp_path / "documents.marshal", "code")
    assert _load(corpus, again) == _load(corpus, None) and again.served == 0


def test_a_damaged_or_foreign_memo_is_empty(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "documents.marshal"
    first = _memo(path)
    docs = _load(corpus, first)
    first.save()
    other = DocumentMemo(path, "other code")
    assert _load(corpus, other) == docs and other.served == 0
    raw = path.read_bytes()
    assert b"title" in raw
    path.write_bytes(raw.replace(b"title", b"titel", 1))
    damaged = DocumentMemo(path, "code")
    assert _load(corpus, damaged) == docs and damaged.served == 0


def test_serving_documents_keeps_their_sidecars_remembered(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sidecar memo keeps what a run uses: a run that serves every document (reading no
    sidecar) must not empty it, or the next run that reads them parses every sidecar."""
    side_path, doc_path = tmp_path / "sidecars.marshal", tmp_path / "documents.marshal"
    sidecars = SidecarMemo(side_path, "code")
    first = _memo(doc_path)
    first.sidecars = sidecars
    docs, _ = load_documents(discover(corpus / "seeds"), corpus, sidecars=sidecars,
                             known=first)
    first.save()
    sidecars.save()
    remembered = side_path.read_bytes()
    assert sidecars.hits == 0 and read_memo(side_path, "code")
    # The next run from inside the corpus (relative paths): the same entries, all served.
    monkeypatch.chdir(corpus)
    again_sidecars = SidecarMemo(side_path, "code")
    again = DocumentMemo(doc_path, "code", again_sidecars)
    served, _ = load_documents(discover(Path("seeds")), Path("."), sidecars=again_sidecars,
                               known=again)
    again.save()
    again_sidecars.save()
    assert again.served == len(docs) and again_sidecars.hits == 0
    assert side_path.read_bytes() == remembered
    assert [d.meta for d in served] == [d.meta for d in docs]


def test_a_sidecar_made_after_the_listing_is_remembered_with_its_signature(
        corpus: Path, tmp_path: Path) -> None:
    """A document whose directory had no sidecar for it when listed, but has one when it
    is read: remembered with the sidecar's signature, so that a later run sees the
    sidecar change (a review probe: its metadata was served after it was deleted)."""
    seeds = corpus / "seeds"
    target = sorted(seeds.glob("*.txt"))[0]
    sidecar = target.with_name(target.stem + ".meta.yaml")
    sidecar.unlink(missing_ok=True)
    first = _memo(tmp_path / "documents.marshal")
    listing = Listing()
    paths = discover_noted(seeds, listing=listing)[0]
    assert not listing.may_have_sidecar(target)
    sidecar.write_text("title: From the sidecar\n", "utf-8")  # after the listing
    docs, errors = load_documents(paths, corpus, known=first, listing=listing)
    assert not errors and first.served == 0
    assert next(d for d in docs if d.id == target.stem).meta.title == "From the sidecar"
    first.save()
    sidecar.unlink()
    second = DocumentMemo(tmp_path / "documents.marshal", "code")
    served = _load(corpus, second)
    assert served == _load(corpus, None)
    assert next(d for d in served if d.id == target.stem).meta.title != "From the sidecar"
    assert second.served == len(served) - 1


# -- extraction keys kept ----------------------------------------------------------------
def _inputs(root: Path, cache_dir: Path, threshold: float = 0.5) -> Inputs:
    """The inputs as `check` loads them, the cache's writes waited for."""
    options = CheckOptions(root=root, seeds=root / "seeds", claims=root / "claims",
                           rules=RULES, cache_dir=cache_dir, threshold=threshold)
    inputs = load_inputs(options)
    assert inputs.cache is not None and not inputs.errors
    inputs.cache.settle()
    return inputs


def _asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the drafting asks: each key hashed ("key") and each draft looked for ("holds")."""
    asked: list[str] = []
    real_key, real_holds = parallel.extraction_key, ClaimCache.holds

    def key(*args: Any) -> str:
        asked.append("key")
        return real_key(*args)

    def holds(self: ClaimCache, namespace: str, key: str) -> bool:
        asked.append("holds")
        return real_holds(self, namespace, key)

    monkeypatch.setattr(parallel, "extraction_key", key)
    monkeypatch.setattr(ClaimCache, "holds", holds)
    return asked


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files trusted however new (a test's are seconds old: the racy rule reads them)."""
    monkeypatch.setattr(docmemo, "RACY_NS", -10 * docmemo.RACY_NS)


@pytest.mark.usefixtures("settled")
def test_a_served_document_s_extraction_key_is_the_one_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run takes each served document's extraction key from the documents' memo: no
    key hashed, no draft looked for, and the same keys and drafts; an edited document's
    key is made and asked for as before."""
    root, cache_dir = write(tmp_path / "corpus", 12), tmp_path / "cache"
    first = _inputs(root, cache_dir)
    asked = _asked(monkeypatch)
    second = _inputs(root, cache_dir)
    assert asked == [] and second.cache is not None and first.cache is not None
    assert second.cache.extracted == first.cache.extracted
    assert len(second.cache.extracted) == 12
    drafts = [dc.claims for dc in second.corpus.docs]
    assert drafts == [dc.claims for dc in _inputs(root, tmp_path / "fresh").corpus.docs]
    page = sorted((root / "seeds").glob("*.txt"))[3]
    page.write_text(page.read_text("utf-8") + "\nNorvex Dynamics employs 9,900 people.\n",
                    "utf-8")
    asked.clear()
    third = _inputs(root, cache_dir)
    assert asked == ["key", "holds"] and third.cache is not None
    assert {d for d, k in third.cache.extracted.items()
            if k != first.cache.extracted[d]} == {page.stem}


@pytest.mark.usefixtures("settled")
def test_a_key_kept_under_another_threshold_is_not_taken(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, cache_dir = write(tmp_path / "corpus", 6), tmp_path / "cache"
    _inputs(root, cache_dir)
    asked = _asked(monkeypatch)
    other = _inputs(root, cache_dir, threshold=0.8)
    assert asked.count("key") == 6 and other.cache is not None
    assert other.cache.extracted == _inputs(root, tmp_path / "fresh", 0.8).cache.extracted


@pytest.mark.usefixtures("settled")
def test_a_draft_gone_since_its_key_was_kept_is_extracted_again(tmp_path: Path) -> None:
    """The kept key says the draft was held: one removed since (by hand, by the sweep) is
    drafted again when its claims are first asked for, the same claims."""
    root, cache_dir = write(tmp_path / "corpus", 6), tmp_path / "cache"
    _inputs(root, cache_dir)
    shutil.rmtree(cache_dir / EXTRACTED)
    again = _inputs(root, cache_dir)
    fresh = _inputs(root, tmp_path / "fresh")
    assert [dc.claims for dc in again.corpus.docs] == [dc.claims for dc in fresh.corpus.docs]


@pytest.mark.usefixtures("settled")
def test_drafts_taken_by_a_kept_key_are_not_swept(tmp_path: Path) -> None:
    """Drafts named by kept keys are never read, so their times are never set again: the
    day's sweep keeps them as used (it removed every one of them, a month on, otherwise)."""
    root, cache_dir = write(tmp_path / "corpus", 6), tmp_path / "cache"
    _inputs(root, cache_dir)
    _inputs(root, cache_dir)
    entries = [p for p in (cache_dir / EXTRACTED).rglob("*.json") if p.is_file()]
    assert len(entries) == 6
    month_ago = time.time() - 40 * 86400
    for path in entries:
        os.utime(path, (month_ago, month_ago))
    (cache_dir / SWEPT).unlink(missing_ok=True)
    _inputs(root, cache_dir)  # sweeps at its end
    assert (cache_dir / SWEPT).is_file() and all(p.is_file() for p in entries)


def test_keys_noted_are_written_with_the_memo_and_never_into_the_stored_entries(
        corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "documents.marshal"
    first = _memo(path)
    docs = _load(corpus, first)
    first.note_keys("head", {d.id: f"key-{d.id}" for d in docs}, now=1000)
    first.save()
    second = _memo(path)
    served = _load(corpus, second)
    assert [docmemo.kept_key(d, "head", 1000) for d in served] == [f"key-{d.id}" for d in docs]
    assert [docmemo.kept_key(d, "head", 1001) for d in served] == [None] * len(docs)  # old
    assert [docmemo.kept_key(d, "another head", 0) for d in served] == [None] * len(docs)
    assert [docmemo.kept_key(d, "head", 0) for d in docs] == [None] * len(docs)  # read now
    assert not second.file.changed()
    # The documents that took their keys from the memo keep their entries as they are.
    second.note_keys("head", {d.id: f"key-{d.id}" for d in docs}, {d.id for d in docs}, 2000)
    assert not second.file.changed()
    second.note_keys("head 2", {docs[0].id: "k"}, now=2000)  # one of five changed: written
    file = second._files[docs[0].id]
    assert file is not None and second.file.peek(file)[9] == ["head", f"key-{docs[0].id}", 1000]
    assert second.file.taken(file)[9] == ["head 2", "k", 2000]
    assert second.file.changed()


@pytest.mark.usefixtures("settled")
def test_a_document_id_two_files_have_is_given_no_kept_key(tmp_path: Path) -> None:
    """Two files of one id (`a/x.txt`, `b/x.txt`): the second is refused as a duplicate,
    and neither entry keeps a key, or the second, once the first is gone, would be served
    with the first's drafts."""
    root, cache_dir = write(tmp_path / "corpus", 6), tmp_path / "cache"
    page = sorted((root / "seeds").glob("*.txt"))[2]
    for sub, text in (("a", "Norvex Dynamics employs 9,900 people in Lahore.\n"),
                      ("b", "Norvex Dynamics employs 1,200 people in Oslo.\n")):
        (root / "seeds" / sub).mkdir()
        (root / "seeds" / sub / page.name).write_text(text, "utf-8")
    page.unlink()
    options = CheckOptions(root=root, seeds=root / "seeds", claims=root / "claims",
                           rules=RULES, cache_dir=cache_dir)
    first = load_inputs(options)
    assert first.cache is not None
    first.cache.settle()
    assert any("also used by" in str(e) for e in first.errors)
    (root / "seeds" / "a" / page.name).unlink()
    again = _inputs(root, cache_dir)
    fresh = _inputs(root, tmp_path / "fresh")
    assert again.cache is not None and fresh.cache is not None
    assert again.cache.extracted == fresh.cache.extracted
    assert [dc.claims for dc in again.corpus.docs] == [dc.claims for dc in fresh.corpus.docs]


@pytest.mark.usefixtures("settled")
def test_a_kept_key_seen_long_ago_is_looked_for_again_and_its_draft_kept_fresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept key is taken for RECHECK after its draft was last seen: then the draft is
    looked for again (its time set again when old, as any read sets it), so that drafts
    runs name only by kept keys never grow old enough for the day's sweep (a run over a
    part of the corpus sweeps the drafts of the rest)."""
    root, cache_dir = write(tmp_path / "corpus", 6), tmp_path / "cache"
    _inputs(root, cache_dir)
    memo_path = cache_dir / DOCUMENTS
    entries = read_memo(memo_path, code_fingerprint())
    assert entries is not None and all(e[9] is not None for e in entries.values())
    long_ago = time.time() - RECHECK - 3600
    for entry in entries.values():
        entry[9][2] = int(long_ago)
    write_memo(memo_path, code_fingerprint(), entries)
    drafts = [p for p in (cache_dir / EXTRACTED).rglob("*.json") if p.is_file()]
    weeks_ago = time.time() - 2 * REFRESH
    for path in drafts:
        os.utime(path, (weeks_ago, weeks_ago))
    asked = _asked(monkeypatch)
    _inputs(root, cache_dir)
    assert asked.count("holds") == 6
    assert all(p.stat().st_mtime > time.time() - 3600 for p in drafts)
    again = read_memo(memo_path, code_fingerprint())
    assert again is not None and all(e[9][2] > long_ago + 3000 for e in again.values())
    asked.clear()
    _inputs(root, cache_dir)
    assert asked == []
