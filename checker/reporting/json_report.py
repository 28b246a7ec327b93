"""`report.json`: the contract other tools rely on (schema: checker/schemas/report.schema.json).

A finding's bytes in the file depend on the finding alone, so findings whose bytes are
known already (`RenderedFindings`: the corroborations an edited re-run reuses, read from
the cache in this very form) are spliced in as they are and only the others are rendered:
the same bytes as rendering the whole report (tests/reporting/test_json_report.py).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence

from pydantic import ValidationError

from checker.models.report import Finding, Report
from checker.reporting.jsontext import dump_model, dump_model_bytes, floats_in

# A finding's depth in the file (report -> findings -> finding): each of its lines but the
# first is indented by four spaces more than the finding rendered alone.
_INDENT = b"\n    "
# Between two findings of the array. Inside a finding every line is indented by six spaces
# or more, but for its closing brace, and a string holds no raw newline: this occurs
# between findings only.
_BETWEEN = b"," + _INDENT
_NEXT = _BETWEEN + b"{"
_KEY = b'\n  "findings": []'  # the findings' key in the report rendered without them

class RenderedFindings:
    """Findings whose bytes in `report.json` are known, by the finding object: findings
    parsed from these very bytes (`finding_bytes` round-trips), and never changed after
    (a finding is changed by a copy, `model_copy`, which is not known here). Given a sort
    key (`keyed_by`), each finding's key is made as it is added, while the object just
    parsed is still in the processor's cache: sorting 15,271 findings at 10,000 documents
    read each one's fields again, 2 us a finding (0.047 s) once they had left it."""

    def __init__(self) -> None:
        # id -> (the finding, kept alive so that its id names no other; its bytes; its sort
        # key, or None when none was asked for)
        self._known: dict[int, tuple[Finding, bytes, tuple[object, ...] | None]] = {}
        self._key: Callable[[Finding], tuple[object, ...]] | None = None
        # The last findings whose array was asked for (`pieces`), and its pieces.
        self._pieces: tuple[list[Finding], list[bytes]] | None = None

    def __len__(self) -> int:
        return len(self._known)

    def keyed_by(self, key: Callable[[Finding], tuple[object, ...]]) -> None:
        """Make each finding's `key` as it is added from now on (`key_of` gives it)."""
        self._key = key

    def add(self, findings: Sequence[Finding], items: Sequence[bytes]) -> None:
        """Know each finding's bytes, in order (and its key, `keyed_by`)."""
        known, key = self._known, self._key
        for finding, item in zip(findings, items, strict=True):
            known[id(finding)] = (finding, item, key(finding) if key is not None else None)

    def key_of(self, finding: Finding) -> tuple[object, ...]:
        """The finding's key (`keyed_by`): made when it was added, else now."""
        hit = self._known.get(id(finding))
        if hit is not None and hit[0] is finding and hit[2] is not None:
            return hit[2]
        if self._key is None:
            raise ValueError("no key asked for (keyed_by)")
        return self._key(finding)

    def get(self, finding: Finding) -> bytes | None:
        """The finding's bytes when known."""
        hit = self._known.get(id(finding))
        return hit[1] if hit is not None and hit[0] is finding else None

    def bytes_of(self, finding: Finding) -> bytes:
        """The finding's bytes: known, or rendered now (`finding_bytes`)."""
        item = self.get(finding)
        return item if item is not None else finding_bytes(finding)

    def pieces(self, findings: Sequence[Finding]) -> list[bytes]:
        """`array_pieces` of the findings' bytes, made once for the same findings in the
        same order: the JSON report and the findings memo written beside it hold the same
        array (15,271 findings looked up at 10,000 documents, 0.03 s, once)."""
        last = self._pieces
        if last is not None and len(last[0]) == len(findings) \
                and all(map(operator.is_, last[0], findings)):
            return last[1]
        made = array_pieces([self.bytes_of(f) for f in findings])
        self._pieces = (list(findings), made)
        return made


def render(report: Report) -> str:
    """Stable JSON: model key order, two-space indent, UTF-8 kept, trailing newline."""
    return dump_model(report, _floats(report)) + "\n"


def render_bytes(report: Report, known: RenderedFindings | None = None) -> bytes:
    """`render`, UTF-8 encoded: what is written, with no str of 41 MB (10,000 documents)
    made between. Findings `known` are spliced in, not rendered again."""
    return b"".join(render_pieces(report, known))


def render_pieces(report: Report, known: RenderedFindings | None = None) -> list[bytes]:
    """`render_bytes` in pieces, for a writer to write them as they are: the findings
    `known` spliced in each as its own piece (at 10,000 documents, 41 MB never joined)."""
    if not known or not report.findings:
        return [dump_model_bytes(report, _floats(report)), b"\n"]
    # The report's other parts have no float (`_floats`).
    shell = dump_model_bytes(report.model_copy(update={"findings": []}), ())
    head, key, tail = shell.partition(_KEY)
    if not key:  # no such key: the model's shape is another's than this was made for
        return [dump_model_bytes(report, _floats(report)), b"\n"]
    return [head, key[:-2], *known.pieces(report.findings), tail, b"\n"]


def finding_bytes(finding: Finding) -> bytes:
    """A finding as `report.json` holds it, from its opening brace to its closing one."""
    return dump_model_bytes(finding, _floats_of(finding)).replace(b"\n", _INDENT)


def findings_array(items: Sequence[bytes]) -> bytes:
    """The array of findings as `report.json` holds it, of each finding's bytes."""
    return b"".join(array_pieces(items))


def array_pieces(items: Sequence[bytes]) -> list[bytes]:
    """`findings_array` in pieces, for a writer to write them without joining them."""
    if not items:
        return [b"[]"]
    pieces = [b"[", _INDENT]
    for item in items:
        pieces += (item, _BETWEEN)
    pieces[-1] = b"\n  ]"
    return pieces


def array_items(array: bytes) -> list[bytes]:
    """Each finding's bytes in an array `findings_array` made."""
    if array == b"[]":
        return []
    start, end = len(_INDENT) + 1, len(array) - len(b"\n  ]")
    out = []
    while (at := array.find(_NEXT, start, end)) >= 0:
        out.append(array[start:at])
        start = at + len(_BETWEEN)
    out.append(array[start:end])
    return out


def read_findings(array: bytes) -> tuple[list[Finding], list[bytes]] | None:
    """The findings of an array as `findings_array` makes it, each parsed from its own
    bytes, with them; None when the array does not read so. A finding known by its bytes
    is thus one JSON object that reads as that finding, whatever a file holds: a report
    splicing it is well formed (a cache file edited and sealed again can give other bytes
    of the same value, never other findings or broken JSON)."""
    items = array_items(array)
    try:
        return [Finding.model_validate_json(item) for item in items], items
    except ValidationError:
        return None


def _floats(report: Report) -> Iterator[float]:
    # A finding's confidence is the report's one float field, and its details the one field
    # of any type (tests/reporting/test_jsontext.py).
    for f in report.findings:
        yield from _floats_of(f)


def _floats_of(finding: Finding) -> Iterator[float]:
    yield finding.confidence
    yield from floats_in(finding.details)
