"""The HTML report's view model: findings in editor order, documents cut into blocks.

A block is a paragraph of the document (when its text is known) or a flagged statement
(when only the report is), cut into segments so overlapping highlights nest correctly.
Plain data only: the template does all the escaping.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.models.report import ClaimRef, DocumentOut, Finding, Report
from checker.reporting.common import (
    ROLE_LABELS,
    SEVERITY_RANK,
    NoteGroup,
    across_documents,
    disputed,
    editor_order,
    flagged_range,
    group_notes,
    severity,
)
from checker.textutil import LineIndex

AGREEMENT = ("corroboration", "rule-support")
# Above this many paragraphs or statements in the documents section, each document's body
# is parsed but not rendered (a <template>) until the editor opens it or follows a link
# into it: 500 documents made 94,544 elements and a page 20 s to load.
LAZY_BLOCKS = 300
LAZY_FINDINGS = 200  # likewise the findings beyond a page of the list
PAGE = 100  # findings listed at a time on a large report
MAX_OTHERS = 4  # other statements quoted on a card beside the text
Ref = tuple[int, int, Finding, ClaimRef]  # finding index, reference index, finding, reference


@dataclass
class Other:
    """Another statement of the same finding, shown as evidence."""

    role: str
    where: str
    text: str
    anchor: str


@dataclass
class Card:
    """A finding shown beside one of its statements."""

    fid: str
    finding: Finding
    tone: str
    others: list[Other]
    more: int = 0  # other statements not repeated on the card (the finding lists them)


@dataclass
class Segment:
    """A run of text, highlighted when findings cover it."""

    text: str
    fids: list[str] = field(default_factory=list)
    tone: str = ""
    title: str = ""


@dataclass
class Block:
    """A paragraph or statement with its highlights and the cards beside it."""

    line: int
    anchor: str
    segments: list[Segment]
    cards: list[Card]


@dataclass
class DocView:
    """A document section."""

    key: str
    doc: DocumentOut
    full_text: bool
    blocks: list[Block]


@dataclass
class FindingView:
    """A finding in the list, with what the filters read."""

    fid: str
    finding: Finding
    severity: str
    tone: str
    doc_keys: str
    # reference, role label, anchor of its block, and its page's publication date when the
    # finding spans documents (a desk tells an update from an error by the dates)
    refs: list[tuple[ClaimRef, str, str, str]]


@dataclass
class View:
    """Everything the template shows."""

    report: Report
    findings: list[FindingView]
    documents: list[DocView]
    kinds: list[tuple[str, int]]
    severities: list[tuple[str, int]]
    table: list[tuple[str, list[int]]]
    notes: list[NoteGroup] = field(default_factory=list)
    # Statements that conflict with two documents or more (with their document's anchor),
    # and those documents (id, anchor).
    disputed: list[tuple[ClaimRef, str, list[tuple[str, str]]]] = field(default_factory=list)
    lazy: bool = False  # built in the browser: documents when opened, findings a page at a time
    page: int = PAGE

    def active(self, kind: str) -> int:
        """Unsuppressed findings of a kind: what the table by kind counts."""
        return dict(self.kinds).get(kind, 0)


def tone(finding: Finding) -> str:
    """Highlight colour: agreement green, else by severity."""
    return "agree" if finding.kind in AGREEMENT else severity(finding)


def _segments(text: str, offset: int, marks: list[tuple[int, int, str, Finding]]) -> list[Segment]:
    """Cut text[offset:] into runs; each run lists the findings covering it."""
    end = offset + len(text)
    cuts = {offset, end}
    for s, e, _, _ in marks:
        cuts.update(x for x in (s, e) if offset < x < end)
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:], strict=False):
        cover = [(fid, f) for s, e, fid, f in marks if s <= a and b <= e and s < e]
        seg = Segment(text[a - offset:b - offset])
        if cover:
            seg.fids = sorted({fid for fid, _ in cover}, key=lambda x: int(x[1:]))
            worst = max((f for _, f in cover), key=lambda f: (f.kind not in AGREEMENT,
                                                                  SEVERITY_RANK[severity(f)]))
            seg.tone = tone(worst)
            seg.title = "\n".join(dict.fromkeys(f"{f.kind}: {f.message}" for _, f in cover))
        out.append(seg)
    return out


Pending = list[tuple[int, int, Finding]]  # (finding index, reference index, finding)


class _Builder:
    def __init__(self, report: Report, texts: Mapping[str, str]) -> None:
        self.report = report
        self.texts = texts
        docs = list(report.documents)
        known = {d.id for d in docs}
        for f in report.findings:
            for ref in f.claims:
                if ref.document not in known:  # referenced but not listed: still shown
                    known.add(ref.document)
                    docs.append(DocumentOut(id=ref.document, path=ref.path))
        self.docs = docs
        self.doc_key = {d.id: f"d{i}" for i, d in enumerate(docs)}
        self.published = {d.id: d.published or "" for d in docs}
        # Each document's references, in finding then reference order, gathered in one pass:
        # a scan of every finding per document took hours at 10,000 documents.
        self.refs: dict[str, list[Ref]] = {}
        for fi, f in enumerate(report.findings):
            for ri, r in enumerate(f.claims):
                self.refs.setdefault(r.document, []).append((fi, ri, f, r))
        self.anchors: dict[tuple[int, int], str] = {}  # (finding, reference) -> its block
        self.pending: list[tuple[Block, Pending]] = []

    def build(self, lazy: bool | None = None) -> View:
        documents = [self._document(d) for d in self.docs]
        # Cards link to the blocks of the other statements, so they wait for every block.
        for block, items in self.pending:
            block.cards = [self._card(fi, ri, f) for fi, ri, f in
                           {fi: (fi, ri, f) for fi, ri, f in reversed(items)}.values()]
            block.cards.sort(key=lambda c: int(c.fid[1:]))
        findings = self.report.findings
        active = [f for f in findings if f.suppressed is None]
        kinds = sorted({f.kind for f in findings})
        sevs = [s for s in ("error", "warning", "info") if any(severity(f) == s for f in findings)]
        index = {id(f): i for i, f in enumerate(findings)}
        return View(
            report=self.report,
            findings=[self._finding(index[id(f)], f) for f in editor_order(findings)],
            documents=documents,
            kinds=[(k, sum(1 for f in active if f.kind == k)) for k in kinds],
            severities=[(s, sum(1 for f in active if severity(f) == s)) for s in sevs],
            table=[(k, [sum(1 for f in active if f.kind == k and severity(f) == s)
                        for s in ("error", "warning", "info")]) for k in kinds],
            notes=group_notes(list(self.report.notes)),
            disputed=[(ref, self.doc_key.get(ref.document, ""),
                       [(d, self.doc_key.get(d, "")) for d in docs])
                      for ref, docs in disputed(findings)],
            lazy=(sum(len(d.blocks) for d in documents) > LAZY_BLOCKS
                  or len(findings) > LAZY_FINDINGS) if lazy is None else lazy,
        )

    def _finding(self, fi: int, f: Finding) -> FindingView:
        several = across_documents(f)
        refs = [(r, ROLE_LABELS.get(r.role, r.role), self.anchors.get((fi, i), ""),
                 self.published.get(r.document, "") if several else "")
                for i, r in enumerate(f.claims)]
        keys = " ".join(dict.fromkeys(self.doc_key[r.document] for r in f.claims))
        return FindingView(f"f{fi}", f, severity(f), tone(f), keys, refs)

    def _card(self, fi: int, ri: int, f: Finding) -> Card:
        others = [Other(ROLE_LABELS.get(r.role, r.role), f"{r.document}:{r.line}", r.text,
                        self.anchors.get((fi, i), ""))
                  for i, r in enumerate(f.claims) if i != ri]
        # A corroboration of 27 documents put 26 others on each of its 27 cards: 2.2 of a
        # 500-document page's 5 MB. The finding in the list shows them all.
        return Card(f"f{fi}", f, tone(f), others[:MAX_OTHERS],
                    max(0, len(others) - MAX_OTHERS))

    def _document(self, doc: DocumentOut) -> DocView:
        key = self.doc_key[doc.id]
        refs = self.refs.get(doc.id, [])
        text = self.texts.get(doc.id)
        if text is None:
            return DocView(key, doc, False, self._statements(key, refs))
        return DocView(key, doc, True, self._paragraphs(key, text, refs))

    def _paragraphs(self, key: str, text: str, refs: list[Ref]) -> list[Block]:
        lines = LineIndex(text)  # lines as the text report counts them (CR, LF, CRLF)
        size = len(text)
        marks = [(min(r.span[0], size), min(r.span[1], size), f"f{fi}", f)
                 for fi, _, f, r in refs]
        by_line: dict[int, Pending] = {}
        for fi, ri, f, r in refs:
            by_line.setdefault(lines.line_of(min(r.span[0], size)), []).append((fi, ri, f))
        blocks = []
        for n in range(1, lines.lines + 1):
            start, end = lines.line_span(n)
            mine = by_line.get(n, [])
            if not text[start:end].strip() and not mine:
                continue
            anchor = f"{key}-l{n}"
            for fi, ri, _ in mine:
                self.anchors[(fi, ri)] = anchor
            line_marks = [m for m in marks if m[0] < end and m[1] > start]
            block = Block(n, anchor, _segments(text[start:end], start, line_marks), [])
            self.pending.append((block, mine))
            blocks.append(block)
        return blocks

    def _statements(self, key: str, refs: list[Ref]) -> list[Block]:
        groups: dict[str, list[Ref]] = {}
        for item in sorted(refs, key=lambda x: (x[3].span[0], x[0], x[1])):
            groups.setdefault(item[3].text, []).append(item)
        blocks = []
        for n, (sentence, items) in enumerate(groups.items(), 1):
            anchor = f"{key}-s{n}"
            marks = []
            for fi, ri, f, r in items:
                self.anchors[(fi, ri)] = anchor
                part = flagged_range(r, f) or (0, len(sentence))
                marks.append((part[0], part[1], f"f{fi}", f))
            line = min(r.line for _, _, _, r in items)
            block = Block(line, anchor, _segments(sentence, 0, marks), [])
            self.pending.append((block, [(fi, ri, f) for fi, ri, f, _ in items]))
            blocks.append(block)
        return blocks


def build_view(report: Report, texts: Mapping[str, str] | None = None,
               lazy: bool | None = None) -> View:
    """The view model; `texts` maps document ids to their full text when known. `lazy`:
    findings and documents built in the browser (None: above LAZY_BLOCKS or LAZY_FINDINGS)."""
    return _Builder(report, texts or {}).build(lazy)
