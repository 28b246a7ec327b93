"""Components carried whole into an edited re-run (`checker.compare.compmap`): the report
of a run without cache, from a run that made and named only the components its edit
reached."""

from __future__ import annotations

import random
import shutil
from array import array
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checker.compare import compmap
from checker.compare.compmap import COMPONENTS, ComponentMap, next_map, read_map, write_map
from checker.compare.store import Related, claim_hashes, pair_code
from checker.compare.verdict import Verdict
from checker.groupmemo import CORROBORATIONS
from checker.sealedfile import read_sealed, write_sealed
from tests.bench.corpora import report_json, write

SENTENCE = "Norvex Dynamics employs 9,900 people in Lahore.\n"


class _Carries:
    """What each run carried, (pairs not made, pairs carried), noted in a file: with jobs
    the comparison runs in a process of its own."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, notes: Path) -> None:
        self.notes = notes
        real = compmap.carry

        def carry(*args: Any, **kwargs: Any) -> compmap.Carry:
            made = real(*args, **kwargs)
            with notes.open("a", encoding="utf-8") as handle:
                handle.write(f"{sum(made.skip)} {len(made.skip)}\n")
            return made

        monkeypatch.setattr(compmap, "carry", carry)

    @property
    def runs(self) -> list[tuple[int, ...]]:
        """Each carry so far."""
        if not self.notes.exists():
            return []
        return [tuple(map(int, line.split()))
                for line in self.notes.read_text("utf-8").splitlines()]


def _docs(root: Path) -> list[Path]:
    return sorted((root / "seeds").glob("*.txt"))


def _edit(root: Path, rng: random.Random, kind: str) -> None:
    """One edit of the corpus: a sentence of another page appended, a line dropped, a page
    copied (a syndicated copy: origins change), a page deleted, an origin declared."""
    docs = _docs(root)
    victim = rng.choice(docs)
    if kind == "append":
        donor = rng.choice(docs).read_text("utf-8").splitlines(keepends=True)
        victim.write_text(victim.read_text("utf-8") + rng.choice(
            [line for line in donor if len(line.split()) > 5]), "utf-8")
    elif kind == "drop":
        lines = victim.read_text("utf-8").splitlines(keepends=True)
        del lines[rng.randrange(1, len(lines))]
        victim.write_text("".join(lines), "utf-8")
    elif kind == "copy":
        copy = victim.with_name(f"zz{rng.randrange(10**6):06d}.txt")
        shutil.copyfile(victim, copy)
    elif kind == "delete":
        victim.unlink()
        victim.with_suffix("").with_suffix(".meta.yaml").unlink(missing_ok=True)
    else:
        meta = victim.with_suffix("").with_suffix(".meta.yaml")
        for doc in (victim, rng.choice(docs)):
            side = doc.with_suffix("").with_suffix(".meta.yaml")
            side.write_text(side.read_text("utf-8") + 'origin: "Wire One"\n', "utf-8")
        assert meta.exists()


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_carry_components_and_give_the_report_without_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, seed: int) -> None:
    rng = random.Random(seed)
    root = write(tmp_path / "corpus", 40)
    cache = tmp_path / "cache"
    report_json(root, cache, jobs)
    carries = _Carries(monkeypatch, tmp_path / "carries")
    kinds = ["append", "drop", "copy", "delete", "origin", "append"]
    rng.shuffle(kinds)
    for kind in kinds:
        _edit(root, rng, kind)
        assert report_json(root, cache, jobs) == report_json(root, None, jobs), kind
    # Most runs carried most of the corroborating pairs whole.
    assert len(carries.runs) >= 3, carries.runs
    assert all(0 < skipped < total for skipped, total in carries.runs[:3]), carries.runs


@pytest.mark.parametrize(("jobs", "kind"), [(1, "append"), (2, "append"), (1, "copy"),
                                           (2, "origin"), (1, "drop")])
def test_a_carried_split_names_and_keeps_what_a_full_split_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, kind: str) -> None:
    """The same edited run twice from one cache, with its map and without: the group memo
    written is the same file (its components' names read the documents' origins), and the
    map holds the same components."""
    root = write(tmp_path / "corpus", 40)
    cache = tmp_path / "cache"
    report_json(root, cache, jobs)
    report_json(root, cache, jobs)  # a run the findings memo serves: writes no map
    if kind == "append":
        (_docs(root)[6]).write_text(_docs(root)[6].read_text("utf-8") + SENTENCE, "utf-8")
    else:
        _edit(root, random.Random(5), kind)
    bare = tmp_path / "bare"
    shutil.copytree(cache, bare)
    (bare / COMPONENTS).unlink()
    carries = _Carries(monkeypatch, tmp_path / "carries")
    carried = report_json(root, cache, jobs)
    assert len(carries.runs) == 1 and carries.runs[0][0] > 0
    assert report_json(root, bare, jobs) == carried
    assert len(carries.runs) == 1  # no map: nothing carried
    assert (cache / CORROBORATIONS).read_bytes() == (bare / CORROBORATIONS).read_bytes()
    assert _named(cache) == _named(bare)


def _named(cache: Path) -> tuple[dict[int, str], dict[int, Any], dict[str, Any]]:
    """A map by names, not by its components' numbers."""
    found = read_map(cache / COMPONENTS, _fingerprint(cache))
    assert found is not None
    return _by_name(found)


def _by_name(found: ComponentMap) -> tuple[dict[int, str], dict[int, Any], dict[str, Any]]:
    pairs = {c: found.names[k] for c, k in zip(found.codes, found.comps, strict=True)}
    claims = {c: (found.names[k], found.doc_names[d])
              for c, k, d in zip(found.claims, found.claim_comps, found.claim_docs, strict=True)}
    docs = {name: [(d, found.digests[found.doc_names.index(d)],
                    found.origins[found.doc_names.index(d)]) for d in found.docs_of(k)]
            for k, name in enumerate(found.names)}
    return pairs, claims, {"docs": docs, "copies": found.copies()}


def _fingerprint(cache: Path) -> str:
    head = (cache / COMPONENTS).read_bytes().split(b"\n", 1)[0].decode()
    return head.split(" ")[-1]


def test_a_map_beside_another_store_carries_nothing(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = write(tmp_path / "corpus", 30)
    cache = tmp_path / "cache"
    report_json(root, cache)
    kept = (cache / COMPONENTS).read_bytes()
    _docs(root)[3].write_text(_docs(root)[3].read_text("utf-8") + SENTENCE, "utf-8")
    report_json(root, cache)  # a store and a map of another run
    (cache / COMPONENTS).write_bytes(kept)  # the first run's map, sealed and whole
    _docs(root)[5].write_text(_docs(root)[5].read_text("utf-8") + SENTENCE, "utf-8")
    carries = _Carries(monkeypatch, tmp_path / "carries")
    assert report_json(root, cache) == report_json(root, None)
    assert carries.runs == []


def _claim(key: str, text: str = "") -> Any:
    return type("C", (), {"key": key, "doc": key.split("#")[0], "text": text or key})()


def _pair(a: Any, b: Any, copy: bool = False, label: str = "corroboration") -> Any:
    return type("R", (), {"a": a, "b": b, "copy": copy,
                          "verdict": Verdict(label, None, 0.9, 0.9)})()


def _hash(key: str) -> int:
    return claim_hashes([_claim(key)])[0]  # type: ignore[list-item]


def _map() -> ComponentMap:
    """Two components: d1#a-d2#b, and d1#c-d3#d-d2#e (a copy of d1#c in d3)."""
    a, b, c, d, e = (_claim(k) for k in ("d1#a", "d2#b", "d1#c", "d3#d", "d2#e"))
    parts = [("n0", [_pair(a, b)]), ("n1", [_pair(c, d, True), _pair(d, e)])]
    return next_map("run-1", parts, None, _hash, {"d1": "s1", "d2": "s2", "d3": "s3"},
                    {"d1": "d1", "d2": "d2", "d3": "d1"}, Counter({("d1", "d3"): 4}))


def test_a_map_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / COMPONENTS
    write_map(path, "fp", _map())
    found = read_map(path, "fp")
    assert found == _map()
    assert read_map(path, "other") is None
    assert found.names == ["n0", "n1"] and found.docs_of(1) == ["d1", "d2", "d3"]
    assert found.comp_of_claim(_hash("d3#d")) == 1 and found.comp_of_claim(_hash("x#y")) == -1
    assert found.doc_of_claim(_hash("d2#e")) == "d2" and found.doc_of_claim(1) is None
    assert found.copies() == Counter({("d1", "d3"): 4})
    assert found.origins[found.doc_names.index("d3")] == "d1"
    codes = {pair_code(_hash(x), _hash(y)): k
             for x, y, k in (("d1#a", "d2#b", 0), ("d1#c", "d3#d", 1), ("d3#d", "d2#e", 1))}
    assert dict(zip(found.codes, found.comps, strict=True)) == codes


@pytest.mark.parametrize("damage", ["truncated", "flipped", "comp out of range",
                                    "claims unsorted", "names not text", "columns differ",
                                    "not arrays", "no token", "offsets off", "doc out of range"])
def test_a_damaged_or_odd_map_reads_as_none(tmp_path: Path, damage: str) -> None:
    path = tmp_path / COMPONENTS
    write_map(path, "fp", _map())
    if damage in ("truncated", "flipped"):
        data = bytearray(path.read_bytes())
        if damage == "truncated":
            del data[-5:]
        else:
            data[-3] ^= 1
        path.write_bytes(bytes(data))
    else:
        value: Any = read_sealed(path, f"components {compmap.FORMAT}", "fp")
        if damage == "comp out of range":
            value["comps"] = array("q", [0, 2, 0])
        elif damage == "claims unsorted":
            value["claims"] = array("q", reversed(value["claims"]))
        elif damage == "names not text":
            value["names"] = ["n0", 1]
        elif damage == "columns differ":
            value["comps"] = array("q", [0, 1])
        elif damage == "not arrays":
            value["codes"] = list(value["codes"])
        elif damage == "offsets off":
            value["comp_doc_at"] = array("q", [0, 3, 2])
        elif damage == "doc out of range":
            value["copy_b"] = array("q", [7])
        else:
            del value["run"]
        write_sealed(path, f"components {compmap.FORMAT}", "fp", value)
    assert read_map(path, "fp") is None


def test_what_reaches_a_component_leaves_it_to_be_grouped_again() -> None:
    """Three components of two pairs each, one per three documents; what makes each one
    dirty, one thing at a time: a pair dropped, a fresh corroboration touching a claim or
    a claim's text, a document's digest or origin changed, a name the group memo does not
    keep; and a copy dropped or found, which moves the origins."""
    claims = [_claim(f"d{k % 3}#c{k}", f"text {k}") for k in range(9)]
    hashes = claim_hashes(claims)  # type: ignore[arg-type]
    edges = [(0, 1), (1, 2), (3, 4), (4, 5), (6, 7), (7, 8)]
    digests = {"d0": "s0", "d1": "s1", "d2": "s2"}
    copied = {(6, 7)}  # d0 copies d1 once: below the syndication threshold
    parts = [(f"n{k}", [_pair(claims[i], claims[j], (i, j) in copied)
                        for i, j in edges[2 * k:2 * k + 2]]) for k in range(3)]
    found = next_map("run", parts, None, dict(zip((c.key for c in claims), hashes,
                                                  strict=True)).__getitem__,
                     digests, {d: d for d in digests}, Counter({("d0", "d1"): 2}))
    related = Related()
    for code in found.codes:
        i, j = next((i, j) for i, j in edges if pair_code(hashes[i], hashes[j]) == code)
        related.append(hashes[i], hashes[j], Verdict("corroboration", None, 0.9, 0.9),
                       (i, j) in copied)
    everything = b"\x01" * len(related)

    def carried(stay: bytes = everything, fresh: tuple[Any, ...] = (),
                known: frozenset[str] = frozenset({"n0", "n1", "n2"}),
                now: dict[str, str] = digests,
                declared: dict[str, str | None] | None = None) -> list[str]:
        made = compmap.carry(found, found.codes, related, stay, fresh, claims, hashes,
                             known, now, declared or {d: None for d in digests})
        assert made is not None and sum(made.skip) == 2 * len(made.names)
        return made.names

    assert carried() == ["n0", "n1", "n2"]
    lost = bytes(0 if code == pair_code(hashes[3], hashes[4]) else 1 for code in found.codes)
    assert carried(stay=lost) == ["n0", "n2"]
    assert carried(fresh=(_pair(claims[8], _claim("d1#new", "other")),)) == ["n0", "n1"]
    assert carried(fresh=(_pair(_claim("d0#x", "text 4"), _claim("d1#y", "new")),)) \
        == ["n0", "n2"]
    # Either end of the fresh corroboration, by its text too.
    assert carried(fresh=(_pair(_claim("d1#y", "new"), _claim("d0#x", "text 4")),)) \
        == ["n0", "n2"]
    assert carried(fresh=(_pair(_claim("d1#y", "new"), claims[1]),)) == ["n1", "n2"]
    # A conflict found afresh joins nothing, whatever it touches.
    assert carried(fresh=(_pair(claims[1], claims[4], label="conflict"),)) \
        == ["n0", "n1", "n2"]
    assert carried(known=frozenset({"n1"})) == ["n1"]
    assert carried(now={**digests, "d2": "changed"}) == []  # every component holds d2
    assert carried(declared={"d0": "Wire", "d1": "Wire", "d2": None}) == []
    # A third copy between d0 and d1 makes them one origin: what holds either moves.
    third = _pair(_claim("d0#p", "copied"), _claim("d1#q", "copied"), True)
    assert carried(fresh=(third,)) == []
    made = compmap.carry(found, found.codes, related, everything, (third,), claims, hashes,
                         frozenset({"n0"}), digests, {d: None for d in digests})
    assert made is not None and made.origins["d1"] == "d0"
    assert made.copies == Counter({("d0", "d1"): 3})
    # The copy dropped (d0#c6 gone or unsettled) is counted out.
    drop = bytes(0 if code == pair_code(hashes[6], hashes[7]) else 1 for code in found.codes)
    made = compmap.carry(found, found.codes, related, drop, (), claims, hashes,
                         frozenset({"n0"}), digests, {d: None for d in digests})
    assert made is not None and made.copies == Counter({("d0", "d1"): 1})
    # Conflicts that are copies count for no origin, dropped or found afresh.
    conflicted = Related(related.xs, related.ys, [
        Verdict("conflict", "number", 0.9, 0.9) if copy else v
        for v, copy in zip(related.verdicts, related.copies, strict=True)], related.copies)
    made = compmap.carry(found, found.codes, conflicted, drop,
                         (_pair(claims[0], claims[4], True, "conflict"),), claims, hashes,
                         frozenset({"n0"}), digests, {d: None for d in digests})
    assert made is not None and made.copies == Counter({("d0", "d1"): 2})
    # A map whose pairs the store does not all hold is not this store's: nothing carried.
    assert compmap.carry(found, found.codes[1:], Related(related.xs[1:], related.ys[1:],
                                                          related.verdicts[1:],
                                                          related.copies[1:]),
                         everything[1:], (), claims, hashes, frozenset({"n0"}), digests,
                         {d: None for d in digests}) is None
    # The next map, from the carried components and those named again, is the one a full
    # split makes; a document no component holds any more is not in it.
    hash_of = dict(zip((c.key for c in claims), hashes, strict=True)).__getitem__
    made = compmap.carry(found, found.codes, related, lost, (), claims, hashes,
                         frozenset({"n0", "n2"}), digests, {d: None for d in digests})
    assert made is not None and made.names == ["n0", "n2"]
    again = [("n1b", [_pair(claims[4], claims[5])])]
    carried_map = next_map("run2", again, made, hash_of, digests, made.origins, made.copies)
    full = next_map("run2", [parts[0], parts[2], *again], None, hash_of, digests,
                    made.origins, made.copies)
    assert _by_name(carried_map) == _by_name(full)
    alone = next_map("run3", [], compmap.Carry(b"", ["n0"], made.origins, Counter(),
                                                carried_map, [0]), hash_of, digests,
                     made.origins, Counter())
    assert alone.doc_names == ["d0", "d1", "d2"] and alone.names == ["n0"]
    none = next_map("run3", [], compmap.Carry(b"", [], made.origins, Counter(), carried_map,
                                               []), hash_of, digests, made.origins, Counter())
    assert none.doc_names == [] and len(none.claims) == len(none.codes) == 0
