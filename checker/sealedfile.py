"""A value of the cache kept in one marshalled file, sealed: the verdict store
(`checker.compare.store`), the block index (`checker.compare.keptindex`), the conflicts'
memo (`checker.pairmemo`) and the patterns' codes (`checker.rx`).

The file is a line naming what it holds (its kind, format, byte order and the fingerprint
of the code and rules that made it), a line with the BLAKE3 hash of the body (`seal_of`:
6 GB/s, where sha256 hashed 1.1 GB/s), then the body: a line with the size of the
marshalled part, that part, then the raw bytes of the value's arrays. A value that is a
dict has each of its `array.array` values written raw after the rest (the marshalled part
names their type codes and places): read back, each is made once from the file's bytes,
where a marshalled bytes value was a copy to copy again (36 MB of the block index at
10,000 documents, 0.03 s and 9,000 page faults each way). A file of another kind, format,
byte order or fingerprint is foreign; a torn or flipped byte fails the seal before
anything is decoded. Both read as None, a miss. marshal never runs code, but it is not
hardened against bytes crafted to harm it, so the cache directory is trusted as
`__pycache__` is (README, "The cache"). Writes are atomic and never fsynced: a file torn
by a power cut fails its seal.

    write_sealed(path, "verdicts 5", fingerprint, {"n": 2.0, "hashes": codes})  # an array
    value = read_sealed(path, "verdicts 5", fingerprint)  # None: a miss
"""

from __future__ import annotations

import marshal
import sys
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from blake3 import blake3

from checker import readahead
from checker.atomic import atomic_write

# Version 2: no references between objects, which later versions write by how many
# references an object has in the process, so that equal values give equal files (a store
# written by an edited run is the one a full run writes).
VERSION = 2
BLOCK = 1 << 20  # bytes hashed at a time (`hashed`)
T = TypeVar("T")


def write_sealed(path: Path, kind: str, fingerprint: str, value: Any) -> None:
    """Write the value; a file that cannot be written is skipped (the next run misses)."""
    try:
        atomic_write(path, sealed(kind, fingerprint, value), durable=False)
    except OSError:
        return


def sealed(kind: str, fingerprint: str, value: Any) -> list[bytes | memoryview]:
    """A sealed file's bytes, in chunks: the head line, the seal line, then the value's
    body (for a writer of its own: `rx.save` writes with bytecode's mode)."""
    return sealed_chunks(_header(kind, fingerprint), body_of(value))


def body_of(value: Any) -> list[bytes | memoryview]:
    """The body of a sealed file holding the value (`value_of` reads it): the size line,
    the marshalled part, the raw arrays of a dict's values."""
    rest, raw, places, at = value, [], {}, 0
    if isinstance(value, dict):
        rest = {}
        for name, item in value.items():
            if isinstance(item, array):
                data = memoryview(item).cast("B")  # the array's own bytes, not a copy
                places[name] = (item.typecode, at, len(data))
                raw.append(data)
                at += len(data)
            else:
                rest[name] = item
    head = marshal.dumps((rest, places), VERSION)
    return [b"%d\n" % len(head), head, *raw]


def value_of(body: bytes | memoryview) -> Any:
    """The value of a body `body_of` made; raises ValueError, EOFError, TypeError (or what
    marshal raises on bytes it cannot read) when the body is not one."""
    view = memoryview(body)
    line = bytes(view[:24]).find(b"\n")
    if line < 0:
        raise ValueError("no size line")
    size = int(bytes(view[:line]))
    if size < 0:
        raise ValueError("a negative size")
    start = line + 1
    rest, places = marshal.loads(view[start:start + size])
    if type(places) is not dict or (places and type(rest) is not dict):
        raise TypeError("not a sealed value")
    base = start + size
    end = 0  # the arrays lie one after the other, to the body's end
    for name, (typecode, at, length) in places.items():
        if type(at) is not int or type(length) is not int or at != end or length < 0 \
                or base + at + length > len(view):
            raise ValueError("an array outside its place in the body")
        found = array(typecode)
        found.frombytes(view[base + at:base + at + length])
        rest[name] = found
        end += length
    if base + end != len(view):
        raise ValueError("a body longer or shorter than its parts")
    return rest


def sealed_chunks(head: bytes, body: Iterable[bytes | memoryview]
                  ) -> list[bytes | memoryview]:
    """The bytes of a file `unseal` reads, with a head line of the caller's and the body in
    chunks: hashed in blocks (`hashed`), written as they are (`atomic.write_all`: the
    memos' 20-30 MB bodies are never one string)."""
    chunks = list(body)
    digest = hashed(blake3(), chunks)
    return [head, b"\n", digest.hexdigest().encode("ascii"), b"\n", *chunks]


def hashed(digest: blake3, chunks: Iterable[bytes | memoryview], size: int = BLOCK
           ) -> blake3:
    """The hash fed the chunks in blocks of about `size` bytes, each a large chunk or a
    run of small ones joined, hashed and let go: BLAKE3 costs about a microsecond a call
    (the findings memo's 30,000 pieces at 10,000 documents: 38 ms one by one, 9 ms in
    blocks), and no block outlives its hashing (no copy of the body, nor its page faults,
    where joined blocks kept for the write made one)."""
    run: list[bytes | memoryview] = []
    held = 0
    for chunk in chunks:
        if len(chunk) >= size:
            if run:
                digest.update(b"".join(run))
                run, held = [], 0
            digest.update(chunk)
            continue
        run.append(chunk)
        held += len(chunk)
        if held >= size:
            digest.update(b"".join(run))
            run, held = [], 0
    if run:
        digest.update(b"".join(run))
    return digest


def read_sealed(path: Path, kind: str, fingerprint: str) -> Any | None:
    """The value `write_sealed` wrote with this kind and fingerprint; None when the file
    is missing, foreign or damaged."""
    header = _header(kind, fingerprint)
    opened = open_sealed(path, lambda head: True if head == header else None)
    if opened is None:
        return None
    try:
        return value_of(memoryview(opened[0])[opened[2]:])
    except (ValueError, EOFError, TypeError, MemoryError, SystemError):
        return None


def unseal(data: bytes, fits: Callable[[bytes], T | None], holds: bool | None = None
           ) -> tuple[T, int] | None:
    """Of a file's bytes laid out as a head line, a line with the seal of the rest, then
    the rest (the body): what `fits` makes of the head line, and where the body starts;
    None when `fits` makes nothing of it (asked first: a foreign file is not hashed) or the
    seal fails (`holds`: whether it does, when known already: `open_sealed`). By offsets,
    not partitions: each partition would copy the body (36 MB at 10,000 documents)."""
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1) if first >= 0 else -1
    if second < 0:
        return None
    head = fits(data[:first])
    if head is None or not (seal_holds(data) if holds is None else holds):
        return None
    return head, second + 1


def seal_holds(data: bytes) -> bool:
    """Whether a file's second line is the seal of what follows it (`unseal`'s check,
    for `readahead`: in a thread, where hashing does not hold the interpreter's lock)."""
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1) if first >= 0 else -1
    return second >= 0 and data[first + 1:second] == seal_of(memoryview(data)[second + 1:])


def open_sealed(path: Path, fits: Callable[[bytes], T | None]) -> tuple[bytes, T, int] | None:
    """A sealed file's bytes, what `fits` makes of its head line and where its body starts
    (`unseal`): taken as read ahead, seal checked, when it was (`checker.readahead`); None
    when the file is missing or cannot be read, foreign or damaged."""
    ahead = readahead.take(path)
    try:
        data, holds = ahead if ahead is not None else (path.read_bytes(), None)
    except OSError:
        return None
    found = unseal(data, fits, holds)
    return (data, *found) if found is not None else None


def _header(kind: str, fingerprint: str) -> bytes:
    return f"claimcheck {kind} {sys.byteorder} {fingerprint}".encode()


def seal_of(body: bytes | memoryview) -> bytes:
    """The seal of a body: its BLAKE3 hash, in hex (a file's second line)."""
    return blake3(body).hexdigest().encode("ascii")
