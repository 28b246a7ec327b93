"""Claim files on disk: render (deterministic YAML), load (validated, located), and check
against their document (stale hash, spans, text, duplicate ids)."""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from checker.errors import ClaimcheckError, ConsistencyError, Location, SchemaError
from checker.ingest import Document
from checker.models.claims import Claim, ClaimFile
from checker.schemacheck import validate_model
from checker.schemas import load as load_schema
from checker.schemas import schema_file
from checker.textutil import fold
from checker.yamlfast import model_with_lines, read_small
from checker.yamlio import field_path, locate, parse_yaml, read_yaml

if TYPE_CHECKING:  # checker.claimmemo imports the models this module imports
    from checker.claimmemo import ClaimFileMemo

MIN_TEXT_SIMILARITY = 60.0
_BREAKS = frozenset("\x85\u2028\u2029")
HEADER = (
    "# Claims of {path}, drafted by `claimcheck extract`.\n"
    "# Edit freely: fix slots, delete non-claims, add `suppress: [{{rule, reason}}]` or `note`.\n"
    "# Re-running extract merges with your edits; `claimcheck validate` checks this file.\n"
)


@dataclass
class LoadedClaims:
    """A validated claim file with the line of each claim, for locating findings."""

    path: str
    model: ClaimFile
    lines: dict[str, int] = field(default_factory=dict)
    tree: Any = None  # the round-trip parse, with every position
    source: Path | None = None  # where to parse it from when the fast path left it out
    digest: str = ""  # of the bytes read fast: the parse must be of those same bytes

    def line_of(self, claim_id: str) -> int | None:
        """Line of `- id:` of a claim in the file."""
        return self.lines.get(claim_id)

    @property
    def root(self) -> Any:
        """The file's round-trip parse, for locating an error in it: made on first use when
        the file was read fast (most files never need it). A file saved since then gives
        no positions rather than another file's."""
        if self.tree is None and self.source is not None:
            raw = read_small(self.source)
            try:
                same = raw is not None and hashlib.sha256(raw).hexdigest() == self.digest
                self.tree = parse_yaml(raw.decode("utf-8-sig"), self.path) \
                    if same and raw is not None else {}
            except (ClaimcheckError, UnicodeDecodeError):
                self.tree = {}
        return self.tree


def schema_header(claims_dir: Path) -> str:
    """The yaml-language-server line, pointing at the shipped schema relative to the file."""
    target = schema_file("claims")
    try:
        rel = os.path.relpath(target, claims_dir.resolve())
    except ValueError:  # another drive on Windows
        rel = target.as_uri()
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}\n"


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 100_000  # one claim text per line: diffs stay readable
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def _flow(values: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _to_yaml_tree(data: Any, key: str | None = None) -> Any:
    if isinstance(data, dict):
        out = CommentedMap()
        for k, v in data.items():
            out[k] = _to_yaml_tree(v, k)
        return out
    if isinstance(data, list):
        items = [_to_yaml_tree(v) for v in data]
        if key in ("span", "quote", "features", "trigger") or (
            items and all(not isinstance(v, dict | list) for v in items) and key != "claims"
        ):
            return _flow(items)
        return CommentedSeq(items)
    if isinstance(data, str) and (_BREAKS.intersection(data) or data.startswith("?")):
        # ruamel writes these in single quotes, where a reader takes them for line breaks
        # and the text changes; double quotes escape them (\N, \L, \P). A leading "?"
        # is left plain in flow lists ([?0]), where a reader takes it for a mapping key.
        return DoubleQuotedScalarString(data)
    return data


def claim_file_data(model: ClaimFile) -> dict[str, Any]:
    """The claim file as plain data: defaults left out so files stay short."""
    data = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data = {"schema_version": model.schema_version, **data}
    data["claims"] = [
        c.model_dump(mode="json", by_alias=True, exclude_defaults=True) for c in model.claims
    ]
    return data


def render_claim_file(model: ClaimFile, claims_dir: Path) -> str:
    """Deterministic YAML text of a claim file, with the schema header."""
    buf = io.StringIO()
    _yaml().dump(_to_yaml_tree(claim_file_data(model)), buf)
    header = schema_header(claims_dir) + HEADER.format(path=_comment_safe(model.document.path))
    return header + buf.getvalue()


def same_newlines(text: str, like: bytes) -> str:
    """Text with the line endings and byte-order mark of an existing file (`like`, its
    first bytes): an editor's CRLF claim file stays CRLF when it is merged or fixed, not
    half of each, and a file saved with a BOM keeps it."""
    unified = text.removeprefix("\ufeff").replace("\r\n", "\n")
    first = like.split(b"\n", 1)[0]
    out = unified.replace("\n", "\r\n") if first.endswith(b"\r") else unified
    return "\ufeff" + out if like.startswith(b"\xef\xbb\xbf") else out


def _comment_safe(text: str) -> str:
    """Text for a YAML comment: a line break or control character in a document path would
    end the comment and inject YAML (or make the file unreadable), so it is escaped."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def load_claim_file(path: Path, display: str, memo: ClaimFileMemo | None = None
                    ) -> tuple[LoadedClaims | None, list[ClaimcheckError]]:
    """Read and validate a claim file; every error is located. With a memo, a file read
    fast before is looked up by its bytes."""
    raw = read_small(path)
    fast = _remembered_or_fast(raw, path, display, memo) if raw is not None else None
    if fast is not None:
        return fast, _duplicate_ids(fast)
    try:
        root = read_yaml(path, display)
    except ClaimcheckError as exc:
        return None, [exc]
    if not isinstance(root, dict):
        # An empty file, or a list: say what a claim file is rather than dump its content.
        what = "empty" if root is None else f"a {'list' if isinstance(root, list) else 'value'}"
        return None, [SchemaError(f"the file is {what}; a claim file is a mapping with "
                                  "`document:` and `claims:`", Location(display, 1, 1))]
    model, errors = validate_model(root, ClaimFile, load_schema("claims"), display)
    if errors or model is None:
        return None, list(errors)
    loaded = LoadedClaims(display, model, tree=root)
    for index, claim in enumerate(model.claims):
        line, _ = locate(root, ["claims", index])
        loaded.lines[claim.id] = line or 1
    return loaded, _duplicate_ids(loaded)


def _remembered_or_fast(raw: bytes, path: Path, display: str,
                        memo: ClaimFileMemo | None) -> LoadedClaims | None:
    """The memo's entry for these bytes, else the fast path's reading (then remembered)."""
    known = memo.get(raw) if memo is not None else None
    if known is not None:
        return LoadedClaims(display, known[0], known[1], source=path,
                            digest=hashlib.sha256(raw).hexdigest())
    fast = _load_fast(raw, path, display)
    if fast is not None and memo is not None:
        memo.put(raw, fast.model, fast.lines)
    return fast


def _load_fast(raw: bytes, path: Path, display: str) -> LoadedClaims | None:
    """A valid claim file (`raw`, the bytes of `path`) through the C parser, with each
    claim's line and no other position; None for any file that is not (the careful path
    locates what is wrong)."""
    found = model_with_lines(raw, display, ClaimFile, load_schema("claims"), "claims")
    if found is None:
        return None
    model, lines = found
    loaded = LoadedClaims(display, model, source=path, digest=hashlib.sha256(raw).hexdigest())
    for claim, line in zip(model.claims, lines, strict=True):
        loaded.lines[claim.id] = line
    return loaded


def _duplicate_ids(loaded: LoadedClaims) -> list[ClaimcheckError]:
    seen: dict[str, int] = {}
    errors: list[ClaimcheckError] = []
    for index, claim in enumerate(loaded.model.claims):
        if claim.id in seen:
            line, col = locate(loaded.root, ["claims", index, "id"])
            errors.append(ConsistencyError(
                f"duplicate claim id {claim.id!r} (first at claims[{seen[claim.id]}])",
                Location(loaded.path, line, col, f"claims[{index}].id")))
        else:
            seen[claim.id] = index
    return errors


def is_stale(loaded: LoadedClaims, doc: Document) -> bool:
    """The document's text changed since the claim file was extracted from it: a byte
    order mark or line endings alone (a Windows checkout with core.autocrlf) are no change,
    or `--fail-on warning` would fail on the same text."""
    return not same_bytes(loaded, doc) and \
        loaded.model.document.sha256 not in _newline_variants(doc.text)


def same_bytes(loaded: LoadedClaims, doc: Document) -> bool:
    """The document is byte for byte the one extracted: the claims' spans still hold (a
    document whose line endings changed has its offsets moved by each `\\r`)."""
    return loaded.model.document.sha256 == doc.sha256


def _newline_variants(text: str) -> frozenset[str]:
    """sha256 of the text as it may have been extracted: LF or CRLF line endings, with or
    without a UTF-8 BOM (the recorded hash is of the file's bytes, whichever they were)."""
    lf = text.replace("\r\n", "\n")
    return frozenset(hashlib.sha256((bom + body).encode("utf-8")).hexdigest()
                     for body in (lf, lf.replace("\n", "\r\n")) for bom in ("", "\ufeff"))


def check_spans(loaded: LoadedClaims, doc: Document) -> list[ClaimcheckError]:
    """Spans inside the document and claim texts equal to the text they point at."""
    errors: list[ClaimcheckError] = []
    size = len(doc.text)
    for index, claim in enumerate(loaded.model.claims):
        start, end = claim.span
        if end > size:
            line, col = locate(loaded.root, ["claims", index, "span"])
            errors.append(ConsistencyError(
                f"claim {claim.id}: span {list(claim.span)} is outside the document "
                f"({size} characters)", Location(loaded.path, line, col, f"claims[{index}].span")))
            continue
        errors.extend(_slot_spans(loaded, index, claim, doc, size))
        if start < end and claim.line != doc.lines.line_of(start):
            line, col = locate(loaded.root, ["claims", index, "line"])
            errors.append(ConsistencyError(
                f"claim {claim.id}: line {claim.line}, but its span starts on line "
                f"{doc.lines.line_of(start)} of {doc.path}",
                Location(loaded.path, line, col, f"claims[{index}].line")))
        # Editors may correct a claim's wording (and --fix rewrites spellings); only a text
        # that no longer resembles its span means the span is wrong.
        if not _resembles(doc.text[start:end], claim.text):
            line, col = locate(loaded.root, ["claims", index, "text"])
            errors.append(ConsistencyError(
                f"claim {claim.id}: text does not match the document at span {list(claim.span)}"
                f" ({doc.path}:{doc.lines.line_of(start)})",
                Location(loaded.path, line, col, f"claims[{index}].text")))
    return errors


def _slot_spans(loaded: LoadedClaims, index: int, claim: Claim, doc: Document,
                size: int) -> list[ClaimcheckError]:
    """Spans of the sentence and the slots: inside the document and in order (reports cut
    the document text at them), and each slot's text resembling the text at its span."""
    spans: list[tuple[list[str | int], tuple[int, int], str | None]] = []
    if claim.quote is not None:
        spans.append((["quote"], claim.quote, None))
    for name in ("entities", "quantities", "dates"):
        for i, slot in enumerate(getattr(claim, name)):
            spans.append(([name, i, "span"], slot.span, slot.text))
    if claim.attribution is not None:
        spans.append((["attribution", "span"], claim.attribution.span, claim.attribution.text))
    errors: list[ClaimcheckError] = []
    for keys, (start, end), text in spans:
        if start > end or end > size:
            why = "ends before it starts" if start > end else \
                f"is outside the document ({size} characters)"
        elif text is not None and not _resembles(doc.text[start:end], text):
            # A slot left at an old place (a hand edit, a merge of an older version) would
            # be compared and reported with words that are not its own.
            why = (f"cuts {doc.text[start:end][:60]!r} out of the document, not the slot's "
                   f"text {text[:60]!r}")
        else:
            continue
        path = ["claims", index, *keys]
        line, col = locate(loaded.root, path)
        errors.append(ConsistencyError(f"claim {claim.id}: span {[start, end]} {why}",
                                       Location(loaded.path, line, col, field_path(path))))
    return errors


def _resembles(found: str, text: str) -> bool:
    """Equal once folded, or near (editors may correct a slot's spelling)."""
    a, b = fold(found), fold(text)
    return a == b or fuzz.ratio(a, b) >= MIN_TEXT_SIMILARITY


def claim_by_id(model: ClaimFile) -> dict[str, Claim]:
    """Claims keyed by id."""
    return {c.id: c for c in model.claims}
