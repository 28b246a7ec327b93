"""Corroborations kept by component: a re-run takes the last run's findings of every
component its edit did not reach, and its report is a run's without cache."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from checker import groupmemo
from checker.cache import code_fingerprint
from checker.groupmemo import CORROBORATIONS, GroupMemo
from checker.models.report import Finding
from checker.sealedfile import seal_of
from tests.bench.corpora import report_json, write

SENTENCE = "Norvex Dynamics employs 9,900 people in Lahore.\n"


def _finding(fid: str, text: str) -> Finding:
    return Finding.model_validate({
        "id": fid, "kind": "corroboration", "severity": "info", "message": text,
        "confidence": 0.9, "reason": "agree", "claims": [], "details": {"shared": ["x"]},
        "documents": 2, "origins": 2})


def test_findings_kept_read_back_as_they_were(tmp_path: Path) -> None:
    kept = {"a" * 32: [_finding("f1", "one"), _finding("f2", "two \u201cquoted\u201d")],
            "b" * 32: [], "c" * 32: [_finding("f3", "line\nbreak")]}
    GroupMemo(tmp_path / CORROBORATIONS).save("run-1", sorted(kept), kept)
    memo = GroupMemo.read(tmp_path)
    assert memo.token == "run-1" and set(memo.entries) == set(kept)
    assert memo.findings(sorted(kept)) == [f for name in sorted(kept) for f in kept[name]]
    assert memo.findings(["c" * 32]) == kept["c" * 32]
    assert memo.findings([]) == []
    assert memo.findings(["d" * 32]) is None  # not kept: the caller groups it


def test_a_component_not_built_again_keeps_its_entry(tmp_path: Path) -> None:
    GroupMemo(tmp_path / CORROBORATIONS).save("run-1", ["a", "b"],
                                              {"a": [_finding("f1", "one")], "b": []})
    memo = GroupMemo.read(tmp_path)
    memo.save("run-2", ["a", "c"], {"c": [_finding("f2", "two")]})  # "b" is gone
    again = GroupMemo.read(tmp_path)
    assert again.token == "run-2" and set(again.entries) == {"a", "c"}
    assert again.findings(["a", "c"]) == [_finding("f1", "one"), _finding("f2", "two")]


def test_without_a_store_s_name_nothing_is_kept(tmp_path: Path) -> None:
    GroupMemo(tmp_path / CORROBORATIONS).save(None, ["a"], {"a": [_finding("f1", "one")]})
    assert not (tmp_path / CORROBORATIONS).exists()


@pytest.mark.parametrize("damage", ["empty", "truncated", "flipped", "other code", "no token"])
def test_a_damaged_or_foreign_memo_reads_as_empty(tmp_path: Path, damage: str) -> None:
    path = tmp_path / CORROBORATIONS
    GroupMemo(path).save("run-1", ["a"], {"a": [_finding("f1", "one")]})
    data = path.read_bytes()
    head, _, rest = data.partition(b"\n")
    header = json.loads(head)
    if damage == "empty":
        data = b""
    elif damage == "truncated":
        data = data[:-10]
    elif damage == "flipped":
        data = data.replace(b'"one"', b'"One"')
    else:
        if damage == "other code":
            header["code"] = "0" * 64
        else:
            del header["token"]
        data = json.dumps(header).encode() + b"\n" + rest
    path.write_bytes(data)
    memo = GroupMemo.read(tmp_path)
    assert memo.entries == {} and memo.token is None


def _body(entries: dict[str, tuple[int, bytes]]) -> bytes:
    """A memo's body of these entries (name -> (count, array))."""
    return b"".join(b"%s %d %d\n%s\n" % (name.encode(), count, len(array), array)
                    for name, (count, array) in entries.items())


def test_an_entry_resealed_around_other_json_is_not_findings(tmp_path: Path) -> None:
    body = _body({"a": (1, b'[{"id": 3}]')})
    header = json.dumps({"format": groupmemo.FORMAT, "code": code_fingerprint(),
                         "token": "run-1"}).encode()
    (tmp_path / CORROBORATIONS).write_bytes(
        header + b"\n" + seal_of(body) + b"\n" + body)
    memo = GroupMemo.read(tmp_path)
    assert set(memo.entries) == {"a"} and memo.findings(["a"]) is None


def _append(root: Path, k: int, text: str) -> None:
    doc = sorted((root / "seeds").glob("*.txt"))[k]
    doc.write_text(doc.read_text("utf-8") + text, "utf-8")


class _Reuses:
    """How many components each run took from the memo, and whether any failed to read."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.taken: list[int] = []
        real = GroupMemo.findings

        def findings(memo: GroupMemo, names: list[str]) -> list[Finding] | None:
            found = real(memo, names)
            self.taken.append(len(list(names)) if found is not None else -1)
            return found

        monkeypatch.setattr(GroupMemo, "findings", findings)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("seed", [1, 2])
def test_random_edits_reuse_components_and_give_the_report_without_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, seed: int) -> None:
    rng = random.Random(seed)
    root = write(tmp_path / "corpus", 40)
    cache = tmp_path / "cache"
    report_json(root, cache, jobs)
    reuses = _Reuses(monkeypatch)
    docs = sorted((root / "seeds").glob("*.txt"))
    for _ in range(3):
        donor = rng.choice(docs).read_text("utf-8").splitlines(keepends=True)
        _append(root, rng.randrange(len(docs)),
                rng.choice([line for line in donor if len(line.split()) > 5]))
        assert report_json(root, cache, jobs) == report_json(root, None, jobs)
    assert reuses.taken and min(reuses.taken) > 0, reuses.taken


def test_a_memo_beside_another_store_is_not_reused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = write(tmp_path / "corpus", 30)
    cache = tmp_path / "cache"
    report_json(root, cache)
    kept = (cache / CORROBORATIONS).read_bytes()
    _append(root, 3, SENTENCE)
    report_json(root, cache)  # a store and a memo of another run
    (cache / CORROBORATIONS).write_bytes(kept)  # the first run's memo, sealed and whole
    _append(root, 5, SENTENCE)
    reuses = _Reuses(monkeypatch)
    assert report_json(root, cache) == report_json(root, None)
    assert reuses.taken == []


@pytest.mark.parametrize("jobs", [1, 2])  # 2: read while the comparison runs beside
def test_a_memo_that_does_not_read_is_grouped_again(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   jobs: int) -> None:
    root = write(tmp_path / "corpus", 30)
    cache = tmp_path / "cache"
    report_json(root, cache, jobs)
    path = cache / CORROBORATIONS
    head, stamp, body = path.read_bytes().split(b"\n", 2)
    entries = GroupMemo.read(cache).entries
    assert entries
    body = _body({name: (1, b"[{}]") for name in entries})
    path.write_bytes(head + b"\n" + seal_of(body) + b"\n" + body)
    _append(root, 4, SENTENCE)
    reuses = _Reuses(monkeypatch)
    assert report_json(root, cache, jobs) == report_json(root, None, jobs)
    assert reuses.taken == [-1]  # asked, did not read, compared again


def test_the_header_names_the_components_without_reading_their_findings(
        tmp_path: Path) -> None:
    kept = {"a" * 32: [_finding("f1", "one")], "b" * 32: []}
    GroupMemo(tmp_path / CORROBORATIONS).save("run-1", sorted(kept), kept)
    assert GroupMemo.head(tmp_path) == ("run-1", frozenset(kept))
    path = tmp_path / CORROBORATIONS
    head, _, rest = path.read_bytes().partition(b"\n")
    path.write_bytes(head + b"\n" + rest[:-5])  # the body torn: the header still reads
    assert GroupMemo.head(tmp_path) == ("run-1", frozenset(kept))
    assert GroupMemo.read(tmp_path).findings(sorted(kept)) is None  # found out here
    for damaged in (b"", b"{not json\n", b'{"format": 1, "token": "run-1"}\n' + rest):
        path.write_bytes(damaged)
        assert GroupMemo.head(tmp_path) == (None, frozenset())
    assert GroupMemo.head(tmp_path / "nowhere") == (None, frozenset())


def test_a_memo_written_again_after_its_header_was_read_is_not_used(tmp_path: Path) -> None:
    from checker.checking import _Kept

    kept = {"a" * 32: [_finding("f1", "one")]}
    GroupMemo(tmp_path / CORROBORATIONS).save("run-1", sorted(kept), kept)
    token, names = GroupMemo.head(tmp_path)
    taken = _Kept(tmp_path, token, lambda: pytest.fail("not compared here"))
    # Another run on the same cache writes its memo in between.
    GroupMemo(tmp_path / CORROBORATIONS).save("run-2", sorted(kept), kept)
    assert taken.memo.entries == {} and taken.memo.findings(names) is None
    same = _Kept(tmp_path, "run-2", lambda: pytest.fail("not compared here"))
    assert same.memo.findings(sorted(kept)) == kept["a" * 32]


def test_findings_read_are_known_with_their_bytes_in_the_report(tmp_path: Path) -> None:
    from checker.reporting.json_report import finding_bytes

    kept = {"a" * 32: [_finding("f1", "one"), _finding("f2", "two \u201cquoted\u201d")],
            "b" * 32: [], "c" * 32: [_finding("f3", "line\nbreak")]}
    GroupMemo(tmp_path / CORROBORATIONS).save("run-1", sorted(kept), kept)
    memo = GroupMemo.read(tmp_path)
    found = memo.findings(sorted(kept))
    assert found is not None and len(memo.rendered) == 3
    for finding in found:
        item = memo.rendered.get(finding)
        assert item is not None and bytes(item) == finding_bytes(finding)
    # An equal finding that is another object is not known: only what was read is.
    assert memo.rendered.get(_finding("f1", "one")) is None


@pytest.mark.parametrize("damage", [b"a 1 999\n", b"a 1\n", b"a x 3\n[1]\n", b"a 1 3\n[1]]"])
def test_an_entry_not_framed_as_its_size_says_reads_as_empty(tmp_path: Path,
                                                           damage: bytes) -> None:
    header = json.dumps({"format": groupmemo.FORMAT, "code": code_fingerprint(),
                         "token": "run-1", "names": ["a"]}).encode()
    body = _body({"b": (0, b"[]")}) + damage
    (tmp_path / CORROBORATIONS).write_bytes(
        header + b"\n" + seal_of(body) + b"\n" + body)
    memo = GroupMemo.read(tmp_path)
    assert memo.entries == {} and memo.token is None


def test_entries_kept_are_written_again_as_the_bytes_of_a_memo_made_afresh(
        tmp_path: Path) -> None:
    """Entries kept are written as slices of the file read (runs of them one slice), in
    any order and beside entries built again: the file is byte for byte the one written
    from every component's findings."""
    found = {name: [_finding(f"{name}{k}", f"{name} {k}") for k in range(n)]
             for name, n in zip("abcdefg", [2, 0, 1, 3, 1, 2, 1], strict=True)}
    GroupMemo(tmp_path / CORROBORATIONS).save("run-1", list("abcdefg"), found)
    memo = GroupMemo.read(tmp_path)
    built = {"x": [_finding("x0", "new")], "b": [_finding("b9", "built again")]}
    order = ["a", "b", "x", "d", "g", "e", "f"]  # c gone, e and f swapped, x new
    memo.save("run-2", order, built)
    afresh = tmp_path / "afresh"
    afresh.mkdir()
    GroupMemo(afresh / CORROBORATIONS).save("run-2", order, {**found, **built})
    assert (tmp_path / CORROBORATIONS).read_bytes() == (afresh / CORROBORATIONS).read_bytes()
    again = GroupMemo.read(tmp_path)
    assert again.findings(order) == [f for name in order for f in {**found, **built}[name]]
