"""Review decisions: `reviews/decisions.yaml`, keyed by finding fingerprint.

An editor's decision on a finding (confirmed, false alarm, fixed, needs a source) is kept
with the note, the editor's name, the time and a hash of the finding's statements as they
read when it was made. Later checks honour it (`apply_decisions`): a false alarm is reported
as suppressed, a decision whose finding is gone is reported as resolved, and a decision
whose statements changed, or a "fixed" finding that still occurs, is re-opened.

Saving takes an exclusive lock (a lock file beside the decisions file), re-reads the file
and merges, then replaces it atomically: two editors saving at once lose nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError
from rapidfuzz import fuzz

from checker import rx
from checker.atomic import atomic_write
from checker.decisions_format import (
    has_comments,
    parse_canonical,
    render_mapping,
    update_keeping_comments,
)
from checker.errors import ClaimcheckError
from checker.models.common import Strict
from checker.models.report import COPY_OF, Finding, Suppressed
from checker.schemacheck import validate_model
from checker.schemas import load as load_schema
from checker.schemas import schema_file
from checker.textutil import fold
from checker.yamlio import MAX_YAML_BYTES, read_yaml

DecisionValue = Literal["confirmed", "false-alarm", "fixed", "needs-source"]
DECISIONS: tuple[DecisionValue, ...] = ("confirmed", "false-alarm", "fixed", "needs-source")
Clock = Callable[[], datetime]
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{8,64}$")]
HEADER = (
    "# Review decisions, keyed by finding fingerprint (`claimcheck review` writes them).\n"
    "# `claimcheck check` honours them: a false alarm is suppressed; a decision is re-opened\n"
    "# when its statements change or a finding marked fixed still occurs.\n"
)


class Decision(Strict):
    """One editor's decision on one finding."""

    decision: DecisionValue
    note: Annotated[str, Field(max_length=5000)] | None = None
    author: str | None = None
    decided_at: Annotated[str, Field(
        pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$",
        description="when it was decided (ISO 8601, UTC)")]
    text_hash: Annotated[str, Field(
        pattern=r"^[0-9a-f]{16}$",
        description="hash of the finding's statements when decided: a change re-opens it")]
    # For people reading the file: what the fingerprint stood for.
    kind: str | None = None
    message: str | None = None
    documents: list[str] = Field(default_factory=list)
    # The statements' words when decided: a decision is carried only to a finding on like
    # words (`successors_of`), not to any finding of the same rule in the document.
    statements: list[str] = Field(default_factory=list)
    # The rule that made the finding: a run that leaves the rule out does not call the
    # decision resolved.
    rule_id: str | None = None


class DecisionsFile(Strict):
    """Review decisions keyed by finding fingerprint: `reviews/decisions.yaml`."""

    schema_version: Literal["1"] = "1"
    decisions: dict[Fingerprint, Decision] = Field(default_factory=dict)


@dataclass(frozen=True)
class DecisionStatus:
    """A decision the check could not simply apply: its finding is gone, or it is re-opened."""

    finding: str
    status: Literal["resolved", "reopened"]
    why: str
    decision: Decision

    def line(self) -> str:
        """One line for the report's notes."""
        d = self.decision
        who = f" by {d.author}" if d.author else ""
        about = f": {d.message}" if d.message else ""
        return (f"decision {self.status}: {self.finding} ({d.decision}{who}, "
                f"{d.decided_at[:10]}) {self.why}{about}")


def utc_now() -> datetime:
    """The default clock."""
    return datetime.now(UTC)


def timestamp(clock: Clock = utc_now) -> str:
    """The clock's time as an ISO 8601 UTC timestamp with seconds."""
    return clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def editor_name(explicit: str | None = None, configured: str | None = None,
                env: Mapping[str, str] | None = None) -> str | None:
    """Who decides: the option, else CLAIMCHECK_EDITOR, else the config's `editor`, else USER."""
    env = os.environ if env is None else env
    for value in (explicit, env.get("CLAIMCHECK_EDITOR"), configured, env.get("USER")):
        if value and value.strip():
            return value.strip()
    return None


def text_hash(finding: Finding) -> str:
    """Hash of the finding's statements (document and text; spacing and quote style ignored)."""
    parts = sorted(f"{c.document}\x1e{' '.join(fold(c.text).split())}" for c in finding.claims)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def make_decision(finding: Finding, decision: DecisionValue, note: str | None,
                  author: str | None, clock: Clock = utc_now) -> Decision:
    """A decision on finding, stamped with the time and the hash of its statements."""
    return Decision(
        decision=decision, note=(note or "").strip() or None, author=author,
        decided_at=timestamp(clock), text_hash=text_hash(finding), kind=finding.kind,
        message=finding.message, documents=sorted({c.document for c in finding.claims}),
        statements=[c.text for c in finding.claims], rule_id=finding.rule_id,
    )


def schema_header(path: Path) -> str:
    """The yaml-language-server line, pointing at the shipped schema relative to the file."""
    rel = os.path.relpath(schema_file("decisions"), path.parent.resolve())
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}\n"


def render_decisions(model: DecisionsFile, path: Path) -> str:
    """Deterministic YAML text: fingerprints sorted, empty fields left out."""
    return schema_header(path) + HEADER + render_body(model)


def render_body(model: DecisionsFile) -> str:
    """The decisions in canonical YAML, without the file's header comments."""
    entries = {fp: model.decisions[fp].model_dump(mode="json", exclude_defaults=True)
               for fp in model.decisions}
    return render_mapping(model.schema_version, entries)


def load_decisions(path: Path, display: str | None = None
                   ) -> tuple[DecisionsFile, list[ClaimcheckError]]:
    """Read and schema-check a decisions file; a missing or empty file has no decisions."""
    shown = display or str(path)
    if not path.exists():
        return DecisionsFile(), []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""  # the full reader below says what is wrong, located
    data = parse_canonical(text) if len(text) <= MAX_YAML_BYTES else None
    if data is not None:
        try:
            return DecisionsFile.model_validate(data), []
        except ValidationError:
            pass  # the full reader below locates the error
    try:
        root = read_yaml(path, shown)
    except ClaimcheckError as exc:
        return DecisionsFile(), [exc]
    if root is None:
        return DecisionsFile(), []
    model, errors = validate_model(root, DecisionsFile, load_schema("decisions"), shown)
    return (model or DecisionsFile()), list(errors)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `.<name>.lock` beside path (blocks other writers)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(f".{path.name}.lock")
    with lock.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def save_decisions(path: Path, changes: Mapping[str, Decision | None],
                   display: str | None = None,
                   findings: Sequence[Finding] = (),
                   under_lock: Callable[[DecisionsFile], Mapping[str, Decision | None]]
                   | None = None) -> DecisionsFile:
    """Merge changes (None removes) into the file under the lock; return what was written.

    With the current findings, a change on a finding that carries a reworded finding's
    decision (`successors_of`) replaces that decision: the editor has looked again.
    A file that does not validate is never overwritten: its first error is raised.
    `under_lock`, when given, is called with the file as re-read under the lock: it may
    raise to refuse the save (another editor changed what this one saw), and the changes it
    returns are merged too (a change made from the decision as it is now).
    """
    with locked(path):
        # Re-read under the lock: another editor may have saved since we last looked.
        current, errors = load_decisions(path, display)
        if errors:
            raise errors[0]
        if under_lock is not None:
            changes = {**changes, **under_lock(current)}
        carried = successors_of(findings, current.decisions) if findings else {}
        changes = {**{carried[fp]: None for fp in changes if fp in carried}, **changes}
        merged = dict(current.decisions)
        for fp, decision in changes.items():
            if decision is None:
                merged.pop(fp, None)
            else:
                merged[fp] = decision
        model = DecisionsFile(decisions=merged)
        text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
        if has_comments(text, HEADER):
            # An editor's notes in the file itself are kept (the canonical form has none).
            text = update_keeping_comments(text, {
                fp: None if d is None else d.model_dump(mode="json", exclude_defaults=True)
                for fp, d in changes.items()}, render_body(model))
        else:
            text = render_decisions(model, path)
        atomic_write(path, text)
        return model


def review_state(finding: Finding, decision: Decision) -> tuple[str, str | None]:
    """`decided`, or `reopened` with why (statements changed; marked fixed but still there)."""
    when = decision.decided_at[:10]
    if decision.text_hash != text_hash(finding):
        return "reopened", f"the statements changed since it was decided ({when})"
    if decision.decision == "fixed":
        return "reopened", f"marked fixed on {when} but still occurs"
    return "decided", None


def _detail(decision: Decision, state: str, why: str | None) -> dict[str, Any]:
    out = {"decision": decision.decision, "status": state, "why": why, "note": decision.note,
           "author": decision.author, "decided_at": decision.decided_at}
    return {k: v for k, v in out.items() if v is not None}


def apply_decisions(findings: Sequence[Finding], decisions: Mapping[str, Decision]
                    ) -> tuple[list[Finding], list[DecisionStatus], list[DecisionStatus]]:
    """Findings with decisions applied, the decisions resolved and those re-opened.

    A false alarm is marked suppressed (kept, not counted); confirmed and needs-source stay
    active; a re-opened decision leaves its finding active. Each decided finding carries the
    decision in `details["decision"]`.
    """
    if not decisions:
        # Most runs: the ids of 15,000 findings are not made twice for nothing (0.04 s).
        return list(findings), [], []
    out: list[Finding] = []
    reopened: list[DecisionStatus] = []
    seen: set[str] = set()
    successors = successors_of(findings, decisions)
    for finding in findings:
        decision = decisions.get(finding.id)
        carried = successors.get(finding.id) if decision is None else None
        if carried is not None:
            decision = decisions[carried]
            seen.add(carried)
        if decision is None:
            out.append(finding)
            continue
        seen.add(finding.id)
        state, why = review_state(finding, decision)
        if carried is not None:
            now = {c.document for c in finding.claims}
            moved = sorted(now) if now.isdisjoint(decision.documents) else []
            state, why = "reopened", carried_why(
                decision, carried, finding.details.get(COPY_OF) == carried, moved)
        update: dict[str, Any] = {
            "details": {**finding.details, "decision": _detail(decision, state, why)}}
        if state == "reopened":
            reopened.append(DecisionStatus(finding.id, "reopened", why or "", decision))
        elif decision.decision == "false-alarm" and finding.suppressed is None:
            update["suppressed"] = Suppressed(by="decision", reason=decision.note or "false alarm",
                                              author=decision.author)
        out.append(finding.model_copy(update=update))
    resolved = [DecisionStatus(fp, "resolved", "its finding no longer occurs", decisions[fp])
                for fp in sorted(decisions) if fp not in seen]
    return out, resolved, reopened


def carried_why(decision: Decision, carried: str, copied: bool = False,
                moved: Sequence[str] = ()) -> str:
    """Why a decision carried over from finding `carried` to its successor is re-opened
    (`copied`: to a copy of a sentence decided when it stood once; `moved`: to the same
    words in other documents, its own being gone)."""
    if moved:
        return (f"its document ({', '.join(decision.documents)}) is gone; the same words are "
                f"in {', '.join(moved)} (decided {decision.decided_at[:10]}, as {carried})")
    if copied:
        return (f"the sentence is written more than once now; decided when it stood once "
                f"({decision.decided_at[:10]}, as {carried}): decide each copy")
    return (f"its statements changed since it was decided ({decision.decided_at[:10]}, "
            f"as {carried})")


# Line numbers in a message ("contradicts itself: line 23 and line 30"): an edit above the
# statements moves them without changing the finding.
_LINE_NUMBER_RE = rx.compile(r"\bline \d+")


def _shape(message: str) -> str:
    """A message as successors are matched on: its line numbers left out."""
    return _LINE_NUMBER_RE.sub("line #", message)


def _unnamed(message: str, documents: Iterable[str]) -> str:
    """A message with the ids of its documents left out (longest first: one id may hold
    another)."""
    for doc in sorted(documents, key=len, reverse=True):
        message = message.replace(doc, "#doc")
    return message


def successors_of(findings: Iterable[Finding], decisions: Mapping[str, Decision]
                  ) -> dict[str, str]:
    """Undecided findings that take over a decision whose finding is gone: the one finding
    of the same kind, documents and message, line numbers aside, on like words (a
    document's sentence reworded changes the fingerprint, and a line added above it the
    message; the editor should see the decision re-opened, not resolved); and every copy
    of a sentence decided when it stood once (`models.report.COPY_OF`). Where several gone
    decisions could go to one finding (copies decided apart, one deleted), the one that
    hides least goes (`_STRICTNESS`): re-opened, never applied as it was."""
    findings = list(findings)
    present = {f.id for f in findings}
    if all(fp in present for fp in decisions):
        # No decision's finding is gone (always so without decisions): none is taken over,
        # and the keys of 15,000 findings below took 0.11 s for nothing.
        return {}
    candidates: dict[tuple[str, tuple[str, ...], str], list[Finding]] = {}
    copies: dict[str, list[str]] = {}
    for f in findings:
        if f.id not in decisions:
            key = (str(f.kind), tuple(sorted({c.document for c in f.claims})),
                   _shape(f.message))
            candidates.setdefault(key, []).append(f)
            copy_of = f.details.get(COPY_OF)
            if isinstance(copy_of, str):
                copies.setdefault(copy_of, []).append(f.id)
    documents = {c.document for f in findings for c in f.claims}
    wanted: dict[str, list[str]] = {}
    for fp, d in sorted(decisions.items()):
        if fp in present:
            continue
        if fp in copies:
            for fid in copies[fp]:
                wanted.setdefault(fid, []).append(fp)
        elif d.kind and d.message:
            key = (d.kind, tuple(sorted(d.documents)), _shape(d.message))
            found = [f for f in candidates.get(key, []) if _like(d, f)]
            if not found and d.statements and documents.isdisjoint(d.documents):
                # Its documents are gone: renamed, the same words stand under another id.
                # Messages are compared with the documents' ids left out: "002_x contradicts
                # itself" names the document (helper D: such decisions were dropped).
                shape = _shape(_unnamed(d.message, d.documents))
                found = [f for k, fs in candidates.items() if k[0] == d.kind
                         and _shape(_unnamed(k[2], k[1])) == shape
                         for f in fs if _same_words(d, f)]
            if len(found) == 1:
                wanted.setdefault(found[0].id, []).append(fp)
    return {fid: max(fps, key=lambda fp: (_STRICTNESS[decisions[fp].decision],
                                          decisions[fp].decided_at, fp))
            for fid, fps in wanted.items()}


# Of several decisions that could go to one finding, the one that hides least goes: a copy
# confirmed wrong is never shown as another copy's false alarm.
_STRICTNESS: dict[str, int] = {"false-alarm": 0, "fixed": 1, "needs-source": 2, "confirmed": 3}


# How alike (0-100, words in any order, the shorter's words found in the longer counting
# fully) a statement must be to one decided on to take its decision over: a reworded
# sentence is ("... a member of the International Space Station, the minister said." /
# "China is a partner of the ISS.": 72); another sentence that breaks the same rule is not
# ("Officials noted that Beijing is one of the partner nations of ...": 56; an editor
# probe: a false alarm's note was carried to it).
LIKE_WORDS = 65.0


def _same_words(decision: Decision, finding: Finding) -> bool:
    """The finding's statements are the words decided on (spacing and quotes aside)."""
    def words(texts: Iterable[str]) -> list[str]:
        return sorted(" ".join(fold(t).split()) for t in texts)
    return words(decision.statements) == words(c.text for c in finding.claims)


def _like(decision: Decision, finding: Finding) -> bool:
    """The finding's statements resemble those decided on (a decision written before
    statements were recorded resembles any)."""
    if not decision.statements:
        return True
    old = [fold(t).lower() for t in decision.statements]
    return any(fuzz.token_set_ratio(fold(c.text).lower(), o) >= LIKE_WORDS
               for c in finding.claims for o in old)


def apply_decisions_file(findings: Sequence[Finding], path: Path, display: str,
                         left_out: frozenset[str] = frozenset()
                         ) -> tuple[list[Finding], list[str], list[ClaimcheckError]]:
    """Load path and apply it: findings, notes for the report, and the file's errors. A
    decision on a finding of a rule in `left_out` (not run this time) is not resolved."""
    model, errors = load_decisions(path, display)
    if errors:
        return list(findings), [], errors
    applied, resolved, reopened = apply_decisions(findings, model.decisions)
    resolved = [s for s in resolved if s.decision.rule_id not in left_out]
    return applied, [s.line() for s in [*reopened, *resolved]], []
