"""The corroboration findings of the last run, by component, for the next run to reuse.

After an edit to one document of 10,000, almost every component of corroborating pairs
(`checker.compare.components`) is the last run's: its pairs, claims, documents and
origins, with verdicts read from the same store. Its findings are then the last run's, so
the run reads them here instead of grouping and building them again (11,700
corroborations at 10,000 generated documents).

The file (`.claimcheck-cache/corroborations.json`, safe to delete) holds a header line
(format, code, the name of the verdict store the findings were made with, the components'
names), the seal of the rest (BLAKE3), and per component a line of its name, the number of its
findings and the size of their array, apart by spaces, then the array and a newline. The
array is the findings as `report.json` holds them, byte for byte
(`json_report.findings_array`), so that the JSON report splices a reused finding's bytes
instead of rendering it again (`json_report.RenderedFindings`: 0.3 s of an edited re-run's
report at 10,000 documents). Anything else, a damaged or foreign file, reads as empty:
every component is grouped again, never a wrong one reused. The header alone
(`GroupMemo.head`) tells the comparison which components it may reuse; the 30 MB of
findings at 10,000 documents are read meanwhile.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from checker.atomic import atomic_write
from checker.cache import code_fingerprint
from checker.models.report import Finding
from checker.reporting.json_report import (
    RenderedFindings,
    finding_bytes,
    findings_array,
    read_findings,
)
from checker.sealedfile import open_sealed, sealed_chunks

CORROBORATIONS = "corroborations.json"
FORMAT = 3  # 2: the components' names in the header; 3: the arrays as report.json has them


class GroupMemo:
    """The last run's corroboration findings by component name (raw JSON arrays)."""

    def __init__(self, path: Path, token: str | None = None,
                 entries: dict[str, tuple[int, bytes | memoryview]] | None = None,
                 rendered: RenderedFindings | None = None,
                 read_from: tuple[bytes, dict[str, tuple[int, int]]] | None = None) -> None:
        self.path = path
        self.token = token  # the verdict store's name the entries were made with
        self.entries = entries or {}  # component name -> (count, JSON array)
        # The file's bytes the entries were read from, and where each entry lies in them
        # (its line and array): an entry kept is written again as these bytes, a run of
        # entries kept one after the other as one slice (`save`).
        self._read_from = read_from
        # The findings read, with the bytes they were read from.
        self.rendered = rendered if rendered is not None else RenderedFindings()
        self._read: dict[str, list[Finding]] | None = None
        self._unreadable = False

    @staticmethod
    def head(root: Path) -> tuple[str | None, frozenset[str]]:
        """The name of the store and the components' names the memo of a cache directory
        says it holds, read from its first line only (nothing when missing or foreign).
        The body is not checked here: an entry that is not there or does not read is
        found out when its findings are asked for (`findings`)."""
        try:
            with (root / CORROBORATIONS).open("rb") as handle:
                header = _header(handle.readline())
        except OSError:
            return None, frozenset()
        names = header.get("names") if header is not None else None
        if header is None or not isinstance(names, list) \
                or not all(isinstance(name, str) for name in names):
            return None, frozenset()
        return header["token"], frozenset(names)

    @classmethod
    def read(cls, root: Path, rendered: RenderedFindings | None = None) -> GroupMemo:
        """The memo of a cache directory; empty when missing, damaged or foreign. The
        findings read from it are known to `rendered` with their bytes."""
        path = root / CORROBORATIONS
        # The body (30 MB at 10,000 documents) hashed and cut where it lies, not copied;
        # read ahead while the claims were normalised.
        opened = open_sealed(path, _header)
        found = _entries(opened[0], opened[2]) if opened is not None else None
        if opened is None or found is None:
            return cls(path, rendered=rendered)
        entries, spans = found
        return cls(path, opened[1]["token"], entries, rendered, (opened[0], spans))

    def read_all(self) -> None:
        """Read every entry's findings now (a process waiting for the comparison reads
        them while it waits)."""
        if self._read is not None or self._unreadable:
            return
        read: dict[str, list[Finding]] = {}
        for name in self.entries:
            found = self._entry(name)
            if found is None:
                self._unreadable = True
                return
            read[name] = found
        self._read = read

    def findings(self, names: Iterable[str]) -> list[Finding] | None:
        """The findings kept for these components, in their order; None when one is not
        kept or does not read as findings (the caller groups them again)."""
        if self._unreadable:
            return None
        read = self._read
        out: list[Finding] = []
        for name in names:
            found = read.get(name) if read is not None else self._entry(name)
            if found is None:
                return None
            out += found
        return out

    def _entry(self, name: str) -> list[Finding] | None:
        """The findings of one entry; None when it is missing or does not read as the
        findings it counts."""
        entry = self.entries.get(name)
        if entry is None:
            return None
        count, found = entry
        made = read_findings(bytes(found))
        if made is None or len(made[0]) != count:
            return None
        self.rendered.add(*made)
        return made[0]

    def save(self, token: str | None, components: Sequence[str],
             built: Mapping[str, list[Finding]]) -> None:
        """Keep each component's findings for the next run: `built` for those grouped this
        run, this memo's entry for the others. Nothing is kept without a store's name (the
        findings would vouch for verdicts no store holds); a file that cannot be written is
        skipped (the next run groups everything)."""
        if token is None:
            return
        chunks: list[bytes | memoryview] = []
        names: list[str] = []
        data, spans = self._read_from if self._read_from is not None else (b"", {})
        view = memoryview(data)
        run = (0, 0)  # the entries kept one after the other, as where they lie in `data`
        for name in components:
            made = built.get(name)
            span = spans.get(name) if made is None else None
            if span is not None:
                # Kept, it is written again as the bytes it was read from: 11,000
                # components at 10,000 documents are a few slices, not 33,000 chunks.
                if run[1] > run[0] and run[1] == span[0]:
                    run = (run[0], span[1])
                else:
                    run = _flushed(run, view, chunks, span)
                names.append(name)
                continue
            found = self.entries.get(name) if made is None else _array(made)
            if found is not None:
                run = _flushed(run, view, chunks)
                chunks += (b"%s %d %d\n" % (name.encode("ascii"), found[0], len(found[1])),
                           found[1], b"\n")
                names.append(name)
        _flushed(run, view, chunks)
        header = json.dumps({"format": FORMAT, "code": code_fingerprint(), "token": token,
                             "names": names})
        try:
            # The body hashed and written in its chunks: 30 MB not copied.
            atomic_write(self.path, sealed_chunks(header.encode("utf-8"), chunks),
                         durable=False)
        except OSError:
            return


def _array(findings: list[Finding]) -> tuple[int, bytes] | None:
    """An entry of findings: their number and their array; None for findings that have no
    bytes (a lone surrogate in a text: the report cannot be written either)."""
    try:
        return len(findings), findings_array([finding_bytes(f) for f in findings])
    except ValueError:  # UnicodeEncodeError included
        return None


def _flushed(run: tuple[int, int], view: memoryview, chunks: list[bytes | memoryview],
             then: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """The run of entries kept added to the chunks (if any); the run that follows."""
    if run[1] > run[0]:
        chunks.append(view[run[0]:run[1]])
    return then


def _entries(body: bytes, at: int = 0) -> tuple[dict[str, tuple[int, bytes | memoryview]],
                                                dict[str, tuple[int, int]]] | None:
    """The entries of a memo's body, from offset `at` on (name -> (count, array), by
    views of the body, not copies), and where each lies (name -> (start of its line, end
    after its newline)); None when it does not read as entries."""
    entries: dict[str, tuple[int, bytes | memoryview]] = {}
    spans: dict[str, tuple[int, int]] = {}
    view = memoryview(body)
    end = len(body)
    while at < end:
        line_end = body.find(b"\n", at)
        fields = body[at:line_end].split(b" ") if line_end >= 0 else []
        if len(fields) != 3 or not fields[1].isdigit() or not fields[2].isdigit():
            return None
        size = int(fields[2])
        start, first = line_end + 1, at
        at = start + size + 1
        if at > end or body[at - 1:at] != b"\n":
            return None
        name = fields[0].decode("ascii", "replace")
        entries[name] = (int(fields[1]), view[start:at - 1])
        spans[name] = (first, at)
    return entries, spans


def _header(line: bytes) -> dict[str, Any] | None:
    """A memo's first line when it is of this format and code and names a store, else
    None (`head` also reads the components' names from it)."""
    try:
        header = json.loads(line)
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("format") != FORMAT \
            or header.get("code") != code_fingerprint() \
            or not isinstance(header.get("token"), str):
        return None
    return header
