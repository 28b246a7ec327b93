"""Components carried whole into an edited re-run (`checker.compare.compmap`): the report
of a run without cache, from a run that made and named only the components its edit
reached."""

from __future__ import annotations

import random
import shutil
from array import array
from pathlib import Path
from typing import Any

import pytest

from checker.compare import compmap
from checker.compare.compmap import COMPONENTS, ComponentMap, read_map, write_map
from checker.compare.store import Related, claim_hashes
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


def _named(cache: Path) -> tuple[dict[int, str], dict[int, str], dict[str, Any]]:
    """A map by names, not by its components' numbers."""
    found = read_map(cache / COMPONENTS, _fingerprint(cache))
    assert found is not None
    pairs = {c: found.names[k] for c, k in zip(found.codes, found.comps, strict=True)}
    claims = {c: found.names[k] for c, k in zip(found.claims, found.claim_comps, strict=True)}
    docs = {name: (d, [found.states[x] for x in d])
            for name, d in zip(found.names, found.docs, strict=True)}
    return pairs, claims, docs


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


def _map() -> ComponentMap:
    return ComponentMap("run-1", array("q", [3, 9, 12]), array("q", [0, 1, 0]),
                        array("q", [1, 2, 5, 7]), array("q", [0, 0, 1, 1]), ["n0", "n1"],
                        [("d1",), ("d1", "d2")],
                        {"d1": ("s1", "d1"), "d2": ("s2", "d1")})


def test_a_map_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / COMPONENTS
    write_map(path, "fp", _map())
    assert read_map(path, "fp") == _map()
    assert read_map(path, "other") is None
    assert _map().comp_of_claim(5) == 1 and _map().comp_of_claim(6) == -1


@pytest.mark.parametrize("damage", ["truncated", "flipped", "comp out of range",
                                    "claims unsorted", "names not text", "columns differ",
                                    "not arrays", "no token"])
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
            value["claims"] = array("q", [1, 5, 2, 7])
        elif damage == "names not text":
            value["names"] = ["n0", 1]
        elif damage == "columns differ":
            value["comps"] = array("q", [0, 1])
        elif damage == "not arrays":
            value["codes"] = [3, 9, 12]
        else:
            del value["run"]
        write_sealed(path, f"components {compmap.FORMAT}", "fp", value)
    assert read_map(path, "fp") is None


def _claim(key: str, text: str) -> Any:
    doc = key.split("#")[0]
    return type("C", (), {"key": key, "doc": doc, "text": text})()


def _pair(a: Any, b: Any, copy: bool = False) -> Any:
    return type("R", (), {"a": a, "b": b, "copy": copy,
                          "verdict": Verdict("corroboration", None, 0.9, 0.9)})()


def test_what_reaches_a_component_leaves_it_to_be_grouped_again() -> None:
    """Three components of two pairs each; what makes each one dirty, one thing at a time:
    a pair dropped, a fresh corroboration touching a claim or a claim's text, a document's
    digest or origin changed, a name the group memo does not keep."""
    claims = [_claim(f"d{k % 3}#c{k}", f"text {k}") for k in range(9)]
    hashes = claim_hashes(claims)
    at = {x: i for i, x in enumerate(hashes)}
    pairs = [(0, 1), (1, 2), (3, 4), (4, 5), (6, 7), (7, 8)]
    from checker.compare.store import pair_code

    codes = array("q", sorted(pair_code(hashes[i], hashes[j]) for i, j in pairs))
    comp_of_pair = {pair_code(hashes[i], hashes[j]): i // 3 for i, j in pairs}
    by_claim = {hashes[i]: i // 3 for i in range(9)}
    digests = {"d0": "s0", "d1": "s1", "d2": "s2"}
    docs: list[tuple[str, ...]] = [("d0", "d1", "d2")] * 3
    found = ComponentMap("run", codes, array("q", [comp_of_pair[c] for c in codes]),
                         array("q", sorted(by_claim)),
                         array("q", [by_claim[x] for x in sorted(by_claim)]),
                         ["n0", "n1", "n2"], docs,
                         {d: (s, d) for d, s in digests.items()})
    code_pair = {pair_code(hashes[i], hashes[j]): (i, j) for i, j in pairs}
    staying_all = Related()
    for c in codes:
        i, j = code_pair[c]
        staying_all.append(hashes[i], hashes[j], Verdict("corroboration", None, 0.9, 0.9),
                           False)

    def carried(stay: bytes = b"\x01" * 6, fresh: tuple[Any, ...] = (),
                known: frozenset[str] = frozenset({"n0", "n1", "n2"}),
                now: dict[str, str] = digests,
                declared: dict[str, str | None] | None = None) -> list[str]:
        staying = Related()
        for k, keep in enumerate(stay):
            if keep:
                staying.append(staying_all.xs[k], staying_all.ys[k],
                               staying_all.verdicts[k], False)
        made = compmap.carry(found, codes, stay, staying, fresh, claims, hashes, at, known,
                             now, declared or {d: None for d in digests})
        assert sum(made.skip) == 2 * len(made.names)
        return made.names

    assert carried() == ["n0", "n1", "n2"]
    lost = bytes(0 if code_pair[c] == (3, 4) else 1 for c in codes)
    assert carried(stay=lost) == ["n0", "n2"]
    assert carried(fresh=(_pair(claims[8], _claim("d1#new", "other")),)) == ["n0", "n1"]
    assert carried(fresh=(_pair(_claim("d0#x", "text 4"), _claim("d1#y", "new")),)) \
        == ["n0", "n2"]
    assert carried(known=frozenset({"n1"})) == ["n1"]
    assert carried(now={**digests, "d2": "changed"}) == []
    assert carried(declared={"d0": "Wire", "d1": "Wire", "d2": None}) == []
