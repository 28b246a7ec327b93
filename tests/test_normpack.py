"""The last run's normalised claims in one file: read at once, the same claims as the
cache's entries, and never trusted when damaged or written by other code."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.cache import NORMALISED, ClaimCache
from checker.normpack import PACK, NormPack
from checker.sealedfile import sealed_chunks
from tests.bench.corpora import report_json, write


def _pack(tmp_path: Path, entries: dict[str, bytes], code: str = "code") -> NormPack:
    pack = NormPack.read(tmp_path, code)
    for key, data in entries.items():
        pack.keep(key, data)
    pack.save()
    return NormPack.read(tmp_path, code)


def test_a_pack_gives_back_the_entries_it_kept(tmp_path: Path) -> None:
    entries = {"ab" * 32: b'[["d1","c1","Text, with \\"quotes\\" \\n and a break"]]',
               "cd" * 32: b"[]", "ef" * 32: "[[\"Ł\u2028\"]]".encode(),
               # Marshalled entries hold any byte: line breaks, spaces, NULs, digits.
               "12" * 32: b"\n7 \n\x00\r\n", "34" * 32: b""}
    pack = _pack(tmp_path, entries)
    assert {k: pack.take(k) for k in entries} == entries
    assert pack.take("00" * 32) is None
    assert not pack.changed()  # this run used what the file holds: nothing to write
    pack.keep("00" * 32, b"[]")
    assert pack.changed()


def test_a_pack_holds_only_what_the_last_run_used(tmp_path: Path) -> None:
    first = _pack(tmp_path, {"ab" * 32: b"[1]", "cd" * 32: b"[2]"})
    assert first.take("cd" * 32) == b"[2]"
    first.keep("ef" * 32, b"[3]")
    first.save()
    again = NormPack.read(tmp_path, "code")
    assert again.take("ab" * 32) is None  # not used by the run that wrote it
    assert (again.take("cd" * 32), again.take("ef" * 32)) == (b"[2]", b"[3]")


@pytest.mark.parametrize("damage", ["flip", "truncate", "other code", "not a pack"])
def test_a_damaged_or_foreign_pack_is_empty(tmp_path: Path, damage: str) -> None:
    _pack(tmp_path, {"ab" * 32: b"[1]", "cd" * 32: b"[2]"})
    path = tmp_path / PACK
    data = path.read_bytes()
    code = "code"
    if damage == "flip":
        path.write_bytes(data[:-3] + b"9" + data[-2:])
    elif damage == "truncate":
        path.write_bytes(data[:-4])
    elif damage == "other code":
        code = "other"
    else:
        path.write_bytes(b"not a pack\n")
    pack = NormPack.read(tmp_path, code)
    assert pack.take("ab" * 32) is None and pack.take("cd" * 32) is None


def test_an_edited_re_run_reads_the_pack_and_gives_the_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After one document changed, every other document's normalised claims come from the
    pack, none from its entry; a damaged pack is read past, entry by entry. The report is
    the report without cache either way."""
    root = write(tmp_path / "corpus", 30)
    cache = tmp_path / "cache"
    report_json(root, cache)
    assert (cache / PACK).is_file()
    reads: list[str] = []
    real = ClaimCache.get

    def get(self: ClaimCache, namespace: str, key: str) -> bytes | None:
        if namespace == NORMALISED:
            reads.append(key)
        return real(self, namespace, key)

    monkeypatch.setattr(ClaimCache, "get", get)
    docs = sorted((root / "seeds").glob("*.txt"))
    rng = random.Random(5)
    for damaged in (False, True):
        if damaged:
            (cache / PACK).write_bytes((cache / PACK).read_bytes()[:-10])
        victim = rng.choice(docs)
        victim.write_text(victim.read_text("utf-8") + "Norvex Dynamics employs 9,900 "
                          "people in Lahore.\n", "utf-8")
        reads.clear()
        cached = report_json(root, cache)
        # Only the edited document's new key is looked up, and missed (or every one).
        assert len(reads) == (len(docs) if damaged else 1), len(reads)
        assert cached == report_json(root, None)


@pytest.mark.parametrize("body", [
    b"ab 5\n123",  # shorter than it says
    b"ab -1\nx", b"ab x\n", b"ab\n", b"no line break", b"ab 1\nxcd 1",  # no key line
    b"ab 99999999999999999999\n",
])
def test_a_sealed_body_that_is_no_pack_is_empty(tmp_path: Path, body: bytes) -> None:
    """A body whose seal holds but whose entries do not parse (written by hand, sealed
    again) is no pack: empty, never an entry cut at the wrong place."""
    _pack(tmp_path, {"ab" * 32: b"[1]"})
    path = tmp_path / PACK
    head = path.read_bytes().partition(b"\n")[0]
    path.write_bytes(b"".join(sealed_chunks(head, [body])))
    pack = NormPack.read(tmp_path, "code")
    assert pack.take("ab") is None and pack.take("ab" * 32) is None and not pack._spans


def test_a_pack_is_written_again_only_when_more_than_a_few_entries_changed(
        tmp_path: Path) -> None:
    """One edit of 10,000 documents rewrote 20 MB of pack for one entry: a few keys it
    lacks are read from their entries by the next run instead (`memofile.STALE_SHARE`)."""
    held = {f"{k:064x}": b"[%d]" % k for k in range(300)}
    pack = _pack(tmp_path, held)
    for key in held:
        pack.take(key)
    pack.keep("ff" * 32, b"[]")  # one new key beside 300 held: 1 of 301
    assert not pack.changed()
    pack.save()
    assert NormPack.read(tmp_path, "code").take("ff" * 32) is None  # not written
    pack.keep("ee" * 32, b"[]")
    pack.keep("dd" * 32, b"[]")
    pack.keep("cc" * 32, b"[]")  # four new of 304: over 1 %
    assert pack.changed()
    pack.save()
    assert NormPack.read(tmp_path, "code").take("ff" * 32) == b"[]"
    small = _pack(tmp_path / "small", {"ab" * 32: b"[1]"})
    small.keep("cd" * 32, b"[2]")  # any change to a small pack is worth writing
    assert small.changed()
