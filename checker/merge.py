"""Re-extraction that keeps an editor's work: claims already in the file keep their
(possibly corrected) content and comments; new claims are added; claims whose text has left
the document are dropped; the editor's own added claims stay while their text is there.

A claim whose id is the one the extractor derives from its text was drafted, not written
by an editor; when the current extractor no longer drafts it, it goes (unless it carries an
editor's note or suppression and its sentence is still there). An editor who added
a claim (or rewrote one's text) keeps it: its id no longer matches its text. A document
renamed changes every drafted id: the claims drafted under its old id are re-keyed."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from checker import rx
from checker.claimfiles import (
    HEADER,
    _comment_safe,
    _to_yaml_tree,
    _yaml,
    claim_file_data,
    render_claim_file,
)
from checker.errors import ClaimcheckError
from checker.extract import claim_id
from checker.extract.stance import polarity
from checker.ingest import Document
from checker.models.claims import Claim, ClaimFile
from checker.relocate import drafted, nearest
from checker.textutil import fold
from checker.yamlio import to_plain

SLOT_LISTS = ("entities", "quantities", "dates")
EDITOR_KEYS = ("note", "suppress")  # written by editors only, never by the extractor
# Similarity (0-100) at which a new claim is the old one's sentence reworded.
SAME_SENTENCE = 80
# The header line naming the document (`claimfiles.HEADER`), with the path it names.
_TITLE_RE = rx.compile(r"# Claims of (?P<path>.*), drafted by `claimcheck extract`\.\n?")


@dataclass
class MergeReport:
    """What a re-extraction changed in a claim file."""

    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    editor_claims: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # deleted by the editor, not re-added
    carried: list[str] = field(default_factory=list)  # "old -> new": note, suppress moved
    lost: list[str] = field(default_factory=list)  # removed with a note or suppression
    renamed: list[str] = field(default_factory=list)  # "old -> new": kept, document renamed
    redrafted: list[str] = field(default_factory=list)  # kept, ids of disabled entities redone

    def summary(self) -> str:
        """One line for the terminal."""
        return (f"{len(self.added)} added, {len(self.kept)} kept"
                + (f" ({len(self.renamed)} re-keyed to the renamed document)"
                   if self.renamed else "")
                + f", {len(self.removed)} removed"
                + (f", {len(self.editor_claims)} editor-added kept" if self.editor_claims else "")
                + (f", {len(self.redrafted)} with a disabled entity's id redrafted"
                   if self.redrafted else "")
                + (f", {len(self.deleted)} you deleted left out" if self.deleted else "")
                + (f"; notes/suppressions moved to reworded claims: {', '.join(self.carried)}"
                   if self.carried else "")
                + (f"; removed with your note or suppression: {', '.join(self.lost)}"
                   if self.lost else ""))


def _carry_edits(cid: str, node: CommentedMap, added: dict[str, tuple[str, CommentedMap]],
                 report: MergeReport) -> None:
    """A claim that goes loses nothing of the editor's: its note and suppressions move to
    the new claim of the same sentence reworded ("70 to 29" became "70-29"), or the report
    names it."""
    edits = [k for k in EDITOR_KEYS if k in node]
    if not edits:
        return
    text = fold(str(node.get("text", "")))
    # Reworded, not reversed: "China is a member" does not carry to "China is not a member".
    scored = sorted((-fuzz.ratio(text, fold(new_text)), new_id)
                    for new_id, (new_text, _) in added.items()
                    if polarity(new_text) == polarity(text))
    if scored and -scored[0][0] >= SAME_SENTENCE:
        target = added.pop(scored[0][1])[1]  # one old claim's edits to one new claim
        for key in edits:
            target[key] = node[key]
        report.carried.append(f"{cid} -> {scored[0][1]}")
    else:
        report.lost.append(cid)


def with_drafted(model: ClaimFile) -> ClaimFile:
    """A freshly drafted claim file that remembers which claims it drafted."""
    return model.model_copy(update={"drafted": sorted(c.id for c in model.claims)})


def _flow_ids(ids: list[str]) -> CommentedSeq:
    seq = CommentedSeq(ids)
    seq.fa.set_flow_style()
    return seq


# Whether an entity slot's id (with its text) is one extract drafted under an entity rule
# since disabled (`RuleSet.drafted_by_disabled`).
StaleEntity = Callable[[str, str], bool]


def merge_claim_file(old_root: Any, new: ClaimFile, doc: Document, claims_dir: Path,
                     stale: StaleEntity | None = None) -> tuple[str, MergeReport]:
    """YAML text of the merged file and what changed; old_root is the parsed old file. A
    kept claim's entity ids that `stale` says were drafted under a disabled entity rule are
    drafted again."""
    report = MergeReport()
    if not isinstance(old_root, CommentedMap) or not isinstance(old_root.get("claims"), list):
        report.added = [c.id for c in new.claims]
        return render_claim_file(with_drafted(new), claims_dir), report
    old_items = [c for c in old_root["claims"] if isinstance(c, CommentedMap) and "id" in c]
    old_by_id = {str(c["id"]): c for c in old_items}
    new_ids = {c.id for c in new.claims}
    drafted_before = old_root.get("drafted")
    listed = {str(i) for i in drafted_before} if isinstance(drafted_before, list) else set()
    deleted = listed - set(old_by_id)
    # Before the document block is updated: it may still name the old document.
    old_docs = _old_doc_ids(old_root) - {new.document.id}
    renamed = _renamed(new, old_docs, listed - new_ids)
    rekeyed = set(renamed.values())
    merged: list[tuple[int, Any]] = []
    added: dict[str, tuple[str, CommentedMap]] = {}  # new claims: text and node
    data = claim_file_data(new)
    folded_doc = fold(doc.text)
    for claim, plain in zip(new.claims, data["claims"], strict=True):
        old_id = renamed.get(claim.id, claim.id)
        if old_id in old_by_id:
            node = old_by_id[old_id]
            if old_id != claim.id:
                # In place: its position, the editor's keys and comments stay.
                node["id"] = claim.id
                report.renamed.append(f"{old_id} -> {claim.id}")
            # Same id, same sentence drafted; only its place may have moved. An editor who
            # trimmed the text keeps the trimmed span, found again in the drafted one.
            span = _edited_span(node, claim.text, claim.span, folded_doc) or list(claim.span)
            _set_place(node, span, doc.lines.line_of(span[0]),
                       list(claim.quote) if claim.quote else None, folded_doc)
            merged.append((span[0], node))
            report.kept.append(claim.id)
            if stale is not None and _redraft_entities(node, claim, stale):
                report.redrafted.append(claim.id)
        elif old_id in deleted:
            report.deleted.append(claim.id)  # drafted before and deleted by the editor
        else:
            fresh = _to_yaml_tree(plain)
            merged.append((claim.span[0], fresh))
            added[claim.id] = (claim.text, fresh)
            report.added.append(claim.id)
    for cid, node in old_by_id.items():
        if cid in new_ids or cid in rekeyed:
            continue
        text = str(node.get("text", ""))
        # Of several copies of its text, the one nearest where it was.
        start = nearest(folded_doc, fold(text), _start(node.get("span"))) if text else -1
        # A drafted claim the current extractor no longer drafts goes, unless an editor
        # noted or suppressed it and its sentence is still there: a threshold or scoring
        # change must not take an editor's note with it (a CI probe lost one so).
        kept_for_edits = start >= 0 and any(k in node for k in EDITOR_KEYS)
        if any(drafted(cid, d, text) for d in {new.document.id, *old_docs}) \
                and not kept_for_edits:
            # Drafted by an earlier extractor and untouched: the current one replaces it.
            _carry_edits(cid, node, added, report)
            report.removed.append(cid)
            continue
        if start >= 0 and (len(text.split()) >= 3 or kept_for_edits):
            # An editor's claim: its text is still in the document.
            _set_place(node, [start, start + len(text)], doc.lines.line_of(start), None,
                       folded_doc)
            merged.append((start, node))
            report.editor_claims.append(cid)
        else:
            _carry_edits(cid, node, added, report)
            report.removed.append(cid)
    merged.sort(key=lambda item: item[0])
    seq = CommentedSeq([node for _, node in merged])
    old_root["schema_version"] = new.schema_version
    # In place: an editor's comments inside these blocks stay (a CI probe lost them).
    for block in ("document", "extractor"):
        if block in data:
            _update(old_root, block, data[block])
    old_root["claims"] = seq
    _retitle(old_root, doc.path)
    # Every id drafted this time, deleted ones included: a deletion stays remembered for
    # as long as the extractor drafts that sentence.
    if "drafted" in old_root:
        del old_root["drafted"]  # re-added last, after the claims
    old_root["drafted"] = _flow_ids(sorted(new_ids))
    buf = io.StringIO()
    _yaml().dump(old_root, buf)
    return buf.getvalue(), report


def _redraft_entities(node: CommentedMap, claim: Claim, stale: StaleEntity) -> bool:
    """Give a kept claim's entity slots whose id extract drafted under a rule since
    disabled the id drafted now (none for a name no rule knows), and its triple the names
    drafted now where it named such an id; whether anything changed. Without this the
    file drafted earlier fails `validate` until edited by hand (a first-time-user probe);
    an id an editor chose (not the rule's name for the slot's text) stays, and `validate`
    says its rule is disabled."""
    now = {slot.text: slot.id for slot in reversed(claim.entities)}  # the first of a text
    gone: set[str] = set()
    for slot in _entity_slots(node):
        eid, text = slot.get("id"), slot.get("text")
        if not (isinstance(eid, str) and isinstance(text, str) and stale(eid, text)):
            continue
        gone.add(eid)
        if now.get(text) is not None:
            slot["id"] = now[text]
        else:
            del slot["id"]  # no rule knows the name now: an unknown name has no id
    triple = node.get("triple")
    if gone and isinstance(triple, CommentedMap) and claim.triple is not None:
        for key in ("subject", "object"):
            if triple.get(key) in gone:
                triple[key] = getattr(claim.triple, key)
    return bool(gone)


def _entity_slots(node: CommentedMap) -> list[CommentedMap]:
    """A claim node's entity slots (mappings only: an editor's file may hold anything)."""
    slots = node.get("entities")
    return [s for s in slots if isinstance(s, CommentedMap)] if isinstance(slots, list) \
        else []


def _old_doc_ids(root: CommentedMap) -> set[str]:
    """Ids the file's document may have had: its `document` block (id, path's stem) and
    the path its header names, which an editor fixing the block after a rename leaves."""
    ids: set[str] = set()
    block = root.get("document")
    if isinstance(block, dict):
        ids |= {str(block["id"])} if block.get("id") else set()
        ids |= {_stem(str(block["path"]))} if block.get("path") else set()
    for token in _header(root):
        m = _TITLE_RE.fullmatch(token.value)
        if m:
            ids.add(_stem(m["path"]))
    return ids


def _stem(path: str) -> str:
    """A document path's file stem: its document id."""
    return Path(path).stem


def _renamed(new: ClaimFile, old_docs: set[str], listed: set[str]) -> dict[str, str]:
    """New id -> the id the same sentence was drafted under (listed in `drafted:`) in one
    of old_docs: ids derive from the document id, so a renamed document's claims would
    all look like an editor's own and be drafted again beside themselves (a CI probe)."""
    out: dict[str, str] = {}
    for claim in new.claims:
        # A repeated sentence's second claim is `<id>-2` under either id.
        suffix = claim.id.removeprefix(claim_id(new.document.id, claim.text))
        found = sorted(c for c in (claim_id(d, claim.text) + suffix for d in old_docs)
                       if c in listed)
        if found:
            out[claim.id] = found[0]
    return out


def _header(root: CommentedMap) -> list[Any]:
    """The comment tokens above the file's first key."""
    comment = getattr(root.ca, "comment", None)
    return list(comment[1] or []) if isinstance(comment, list) and len(comment) > 1 else []


def _retitle(root: CommentedMap, path: str) -> None:
    """The header names the document's path now (it named the old one after a rename)."""
    title = HEADER.format(path=_comment_safe(path)).splitlines(keepends=True)[0]
    for token in _header(root):
        if _TITLE_RE.fullmatch(token.value):
            token.value = title


def _set_place(node: CommentedMap, span: list[int], line: int, quote: list[int] | None,
               folded_doc: str) -> None:
    """Move a kept claim to its place in the new text, its slots with it: the claim's text
    is unchanged, so every slot (the editor's corrections included) moves by as much."""
    delta = span[0] - _start(node.get("span"))
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
    for slot in _slots(node):
        _shift(slot, delta, folded_doc)


def _edited_span(node: CommentedMap, drafted: str, span: tuple[int, int],
                 folded_doc: str) -> list[int] | None:
    """Where an editor's changed text (a part of the drafted sentence) is now, or None
    when the text is the drafted one or is no longer found inside it."""
    text = node.get("text")
    if not isinstance(text, str) or not text or text == drafted:
        return None
    at = folded_doc.find(fold(text), span[0], span[1])
    return [at, at + len(text)] if at >= 0 else None


def _update(parent: CommentedMap, key: str, value: Any) -> None:
    """parent[key] = value, keeping the nodes (and their comments) of what is unchanged:
    a mapping is updated key by key, other values replaced only when they differ."""
    old = parent.get(key)
    if isinstance(value, dict) and isinstance(old, CommentedMap):
        for k in [k for k in old if k not in value]:
            del old[k]
        for k, v in value.items():
            _update(old, k, v)
    elif key not in parent or _as_read(old) != value:
        parent[key] = _to_yaml_tree(value, key)


def _as_read(node: Any) -> Any:
    """A YAML node as plain data, as a claim file is read (None where it cannot be read:
    an alias, nesting too deep; then it is written anew)."""
    try:
        return to_plain(node, "")
    except ClaimcheckError:
        return None


def _start(span: Any) -> int:
    """Where a stored span starts (0 when it is not a pair of integers: nothing to shift)."""
    if isinstance(span, list) and len(span) == 2 and all(_is_int(x) for x in span):
        return int(span[0])
    return 0


def _is_int(x: Any) -> bool:
    """An integer as the YAML reader gives it: ruamel's ScalarInt (which "0" may load as) is
    one; a boolean is not (a slot at offset 0 was never moved: an editor probe)."""
    return isinstance(x, int) and not isinstance(x, bool)


def _slots(node: CommentedMap) -> list[CommentedMap]:
    """The claim's slots that carry a span: entities, quantities, dates, attribution."""
    found = [slot for name in SLOT_LISTS if isinstance(node.get(name), list)
             for slot in node[name] if isinstance(slot, CommentedMap)]
    if isinstance(node.get("attribution"), CommentedMap):
        found.append(node["attribution"])
    return found


def _shift(slot: CommentedMap, delta: int, folded_doc: str) -> None:
    """The slot at the occurrence of its text nearest its old place moved by delta (an
    editor who trimmed the claim's text moved the claim, not its words, by the trim)."""
    span = slot.get("span")
    if not (isinstance(span, CommentedSeq) and len(span) == 2 and
            all(_is_int(x) for x in span)):
        return
    text = slot.get("text")
    at = nearest(folded_doc, fold(text), span[0] + delta) if isinstance(text, str) and text \
        else -1
    # In place: the sequence keeps its flow style and any comment on it.
    if at >= 0:
        span[0], span[1] = at, at + len(text)
    else:
        span[0] += delta
        span[1] += delta
