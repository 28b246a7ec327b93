"""Re-extraction that keeps an editor's work: claims already in the file keep their
(possibly corrected) content and comments; new claims are added; claims whose text has left
the document are dropped; the editor's own added claims stay while their text is there.

A claim whose id is the one the extractor derives from its text was drafted, not written
by an editor; when the current extractor no longer drafts it, it goes. An editor who added
a claim (or rewrote one's text) keeps it: its id no longer matches its text."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from checker.claimfiles import _to_yaml_tree, _yaml, claim_file_data, render_claim_file
from checker.extract import claim_id
from checker.ingest import Document
from checker.models.claims import ClaimFile
from checker.textutil import fold


@dataclass
class MergeReport:
    """What a re-extraction changed in a claim file."""

    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    editor_claims: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the terminal."""
        return (f"{len(self.added)} added, {len(self.kept)} kept, {len(self.removed)} removed"
                + (f", {len(self.editor_claims)} editor-added kept" if self.editor_claims else ""))


def merge_claim_file(old_root: Any, new: ClaimFile, doc: Document,
                     claims_dir: Path) -> tuple[str, MergeReport]:
    """YAML text of the merged file and what changed; old_root is the parsed old file."""
    report = MergeReport()
    if not isinstance(old_root, CommentedMap) or not isinstance(old_root.get("claims"), list):
        report.added = [c.id for c in new.claims]
        return render_claim_file(new, claims_dir), report
    old_items = [c for c in old_root["claims"] if isinstance(c, CommentedMap) and "id" in c]
    old_by_id = {str(c["id"]): c for c in old_items}
    new_ids = {c.id for c in new.claims}
    merged: list[tuple[int, Any]] = []
    data = claim_file_data(new)
    for claim, plain in zip(new.claims, data["claims"], strict=True):
        if claim.id in old_by_id:
            node = old_by_id[claim.id]
            # Same id means same text; only its place may have moved.
            _set_place(node, list(claim.span), claim.line,
                       list(claim.quote) if claim.quote else None)
            merged.append((claim.span[0], node))
            report.kept.append(claim.id)
        else:
            merged.append((claim.span[0], _to_yaml_tree(plain)))
            report.added.append(claim.id)
    folded_doc = fold(doc.text)
    for cid, node in old_by_id.items():
        if cid in new_ids:
            continue
        text = str(node.get("text", ""))
        if cid == claim_id(new.document.id, text):
            # Drafted by an earlier extractor and untouched: the current one replaces it.
            report.removed.append(cid)
            continue
        start = folded_doc.find(fold(text)) if text else -1
        if start >= 0 and len(text.split()) >= 3:
            # An editor's claim: its text is still in the document.
            _set_place(node, [start, start + len(text)], doc.lines.line_of(start), None)
            merged.append((start, node))
            report.editor_claims.append(cid)
        else:
            report.removed.append(cid)
    merged.sort(key=lambda item: item[0])
    seq = CommentedSeq([node for _, node in merged])
    old_root["schema_version"] = new.schema_version
    old_root["document"] = _to_yaml_tree(data["document"])
    if "extractor" in data:
        old_root["extractor"] = _to_yaml_tree(data["extractor"])
    old_root["claims"] = seq
    buf = io.StringIO()
    _yaml().dump(old_root, buf)
    return buf.getvalue(), report


def _set_place(node: CommentedMap, span: list[int], line: int, quote: list[int] | None) -> None:
    span_seq = CommentedSeq(span)
    span_seq.fa.set_flow_style()
    node["span"] = span_seq
    node["line"] = line
    if quote is not None:
        quote_seq = CommentedSeq(quote)
        quote_seq.fa.set_flow_style()
        node["quote"] = quote_seq
    elif "quote" in node:
        del node["quote"]
