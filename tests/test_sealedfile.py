"""Sealed files: chunks hashed and written in blocks, read back whole."""

from __future__ import annotations

import random
import sys
from array import array
from pathlib import Path

import pytest
from blake3 import blake3

from checker.atomic import atomic_write
from checker.sealedfile import hashed, sealed_chunks, unseal, value_of


@pytest.mark.parametrize("seed", range(6))
def test_chunks_hashed_in_blocks_hash_as_their_bytes_joined(seed: int) -> None:
    rng = random.Random(seed)
    chunks: list[bytes | memoryview] = [
        rng.randbytes(rng.choice([0, 1, 7, 40, 300, 5000])) for _ in range(400)]
    chunks[3] = memoryview(array("q", [1, -2, 3])).cast("B")  # a view of an array's bytes
    size = rng.choice([1, 64, 1000, 1 << 20])
    assert hashed(blake3(b"key"), chunks, size).hexdigest() == \
        blake3(b"key" + b"".join(chunks)).hexdigest()


def test_blocks_are_hashed_as_they_fill(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of small chunks is joined once it reaches the size, a large chunk is hashed
    as it is: never one call a piece, nor the body joined whole."""
    fed: list[int] = []

    class Counting:
        def update(self, data: bytes | memoryview) -> None:
            fed.append(len(data))

    big = b"x" * 100
    hashed(Counting(), [b"a", b"b", big, b"c"], 10)  # type: ignore[arg-type]
    assert fed == [2, 100, 1]
    fed.clear()
    hashed(Counting(), [b"abc", b"def", b"g"], 4)  # type: ignore[arg-type]
    assert fed == [6, 1]


def test_a_file_sealed_in_chunks_unseals_to_its_body(tmp_path: Path) -> None:
    chunks = [b"%d," % k for k in range(70_000)]
    path = tmp_path / "memo"
    atomic_write(path, sealed_chunks(b"head", chunks), durable=False)
    data = path.read_bytes()
    found = unseal(data, lambda head: head if head == b"head" else None)
    assert found is not None and found[0] == b"head"
    assert data[found[1]:] == b"".join(chunks)
    flipped = data[:-1] + bytes([data[-1] ^ 1])
    assert unseal(flipped, lambda head: head) is None


def test_a_value_with_arrays_is_read_back_with_its_arrays(tmp_path: Path) -> None:
    from array import array

    from checker.sealedfile import read_sealed, value_of, write_sealed

    value = {"n": 2.0, "names": ["a", "b"], "hashes": array("q", [3, -1, 2**62]),
             "weights": array("d", [0.5]), "none": array("q"), "raw": b"\0\1"}
    path = tmp_path / "store"
    write_sealed(path, "verdicts 9", "fp", value)
    found = read_sealed(path, "verdicts 9", "fp")
    assert found == value and type(found["hashes"]) is array
    assert read_sealed(path, "verdicts 8", "fp") is None
    assert read_sealed(path, "verdicts 9", "other") is None
    # Values that are not dicts, or dicts with other keys, are marshalled whole.
    for plain in ([1, 2], {(1, "x"): [3]}, None):
        write_sealed(path, "k 1", "fp", plain)
        assert read_sealed(path, "k 1", "fp") == plain
    # A body whose arrays lie outside it, or that has no size line, does not read.
    for bad in (b"", b"12", b"99\n" + b"x" * 10):
        with pytest.raises((ValueError, EOFError, TypeError)):
            value_of(bad)


@pytest.mark.parametrize(("places", "tail"), [
    ({"a": ("q", 8, 8)}, 8),  # past the end, a whole number of items
    ({"a": ("q", 0, 8), "b": ("q", 0, 8)}, 8),  # overlapping
    ({"a": ("q", 0, 8)}, 16),  # the body longer than its parts
])
def test_a_body_whose_arrays_are_not_its_tail_does_not_read(
        tmp_path: Path, places: dict[str, object], tail: int) -> None:
    import marshal

    from checker.sealedfile import read_sealed

    head = marshal.dumps(({"n": 1}, places), 2)
    path = tmp_path / "store"
    header = b"claimcheck verdicts 9 " + sys.byteorder.encode() + b" fp"
    atomic_write(path, sealed_chunks(header, [b"%d\n" % len(head), head, b"\0" * tail]),
                 durable=False)
    assert read_sealed(path, "verdicts 9", "fp") is None
    with pytest.raises(ValueError):
        value_of(path.read_bytes().split(b"\n", 2)[2])


def test_the_seal_is_the_bodys_blake3_and_an_older_sha256_seal_is_a_miss(
        tmp_path: Path) -> None:
    """Files sealed by an older claimcheck (sha256) read as misses, never as values."""
    import hashlib

    from blake3 import blake3

    from checker.sealedfile import read_sealed, seal_holds, seal_of, write_sealed

    path = tmp_path / "store"
    write_sealed(path, "verdicts 5", "fp", {"n": 2.0})
    head, seal, body = path.read_bytes().split(b"\n", 2)
    assert seal == seal_of(body) == blake3(body).hexdigest().encode("ascii")
    assert seal_holds(path.read_bytes()) and read_sealed(path, "verdicts 5", "fp") == {"n": 2.0}
    path.write_bytes(b"\n".join([head, hashlib.sha256(body).hexdigest().encode(), body]))
    assert not seal_holds(path.read_bytes())
    assert read_sealed(path, "verdicts 5", "fp") is None
