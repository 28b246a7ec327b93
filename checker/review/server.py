"""The review app's HTTP server: one page, its static files and a small JSON API.

    GET  /                  the page            GET  /api/findings   findings and documents
    GET  /static/<file>     CSS and JavaScript  GET  /api/decisions  decisions, read fresh
    POST /api/decisions     {"finding": fingerprint, "decision": "false-alarm" | ... | null,
                             "note": "...", "seen": version | null}
                            -> the saved decision (null clears it)
    GET  /api/status        {"stale": null | why the inputs no longer match the corpus shown}

Saves are optimistic: the page sends the `version` of the decision it showed (`seen`, null
when it showed none); when the file holds another one by then (another editor saved), the
answer is 409 with that decision (`current`) and nothing is written. A request without
`seen` (a script) is not checked. `"note_only": true` saves the note on the finding's
current decision, its value and the statements it was decided on kept (a re-opened decision
stays re-opened).

The corpus is read once, at start. When the documents, claim files or rules change after
that, every API call answers 409 with `"stale": true` and says to restart the review: the
page would otherwise show old sentences, and decisions on findings that no longer exist.

It listens on 127.0.0.1 only. Other web pages open in the same browser could still send it
requests, so it answers only requests addressed to its own host name (against DNS
rebinding), takes only JSON bodies from its own origin (against cross-site posts), and sends
a Content-Security-Policy that allows only its own script.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.decisions import (
    DECISIONS,
    Clock,
    Decision,
    DecisionsFile,
    DecisionValue,
    load_decisions,
    make_decision,
    save_decisions,
    timestamp,
    utc_now,
)
from checker.errors import ClaimcheckError
from checker.heap import paused_gc
from checker.models.report import Finding, Report
from checker.review.view import decision_view, decisions_data, page_data

InputStamp = dict[str, tuple[int, int]]

HOST = "127.0.0.1"
MAX_BODY = 64 * 1024
DRAIN_LIMIT = 1024 * 1024
MAX_NOTE = 5000
STATIC = {"app.js": "text/javascript", "app.css": "text/css"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
       "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class RequestError(Exception):
    """A request the API refuses, with the HTTP status to answer (and more to say, as JSON)."""

    def __init__(self, status: HTTPStatus, message: str,
                 data: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.data = dict(data or {})


def input_stamp(roots: Sequence[Path], skip: Path | None = None) -> InputStamp:
    """Size and modification time of every file under roots (hidden ones and `skip` aside):
    what the corpus was read from."""
    stamp: InputStamp = {}
    skipped = os.path.abspath(skip) if skip is not None else None
    pending = [os.path.abspath(root) for root in roots]
    while pending:
        top = pending.pop()
        try:
            entries = list(os.scandir(top))
        except OSError:  # gone (its files are then missing from the stamp), or unreadable
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.path == skipped:
                continue
            try:
                if entry.is_dir():
                    pending.append(entry.path)
                elif entry.is_file():
                    info = entry.stat()
                    stamp[entry.path] = (info.st_size, info.st_mtime_ns)
            except OSError:
                continue
    return stamp


def _changed(before: InputStamp, now: InputStamp) -> str | None:
    """The first file added, removed or changed between two stamps."""
    for path in sorted(before.keys() | now.keys()):
        if before.get(path) != now.get(path):
            return path
    return None


@dataclass
class ReviewApp:
    """The corpus under review and where decisions go; independent of HTTP."""

    report: Report
    texts: Mapping[str, str]
    decisions_path: Path
    decisions_shown: str
    editor: str | None = None
    clock: Clock = utc_now
    # What the corpus was read from (documents, claim files, rules): watched for changes.
    inputs: Sequence[Path] = ()
    _page: bytes = field(init=False, repr=False)
    _by_id: dict[str, Finding] = field(init=False, repr=False)
    _stamp: InputStamp = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {f.id: f for f in self.report.findings}
        # Collection paused while the page is built (millions of young objects at 10,000
        # documents: each collection walked them all); the server frees them afterwards.
        with paused_gc():
            data = page_data(self.report, self.texts, self.editor, self.decisions_shown)
            self._page = json.dumps(data, ensure_ascii=False).encode("utf-8")
            del data
        self._stamp = input_stamp(self.inputs, self.decisions_path)

    def stale(self) -> str | None:
        """Why the corpus shown no longer matches its inputs, or None when it does."""
        if not self.inputs:
            return None
        changed = _changed(self._stamp, input_stamp(self.inputs, self.decisions_path))
        if changed is None:
            return None
        root = Path.cwd()
        shown = os.path.relpath(changed, root) if changed.startswith(str(root)) else changed
        return (f"the documents, claim files or rules changed since this review started "
                f"({shown}): restart `claimcheck review` to review them as they are now "
                f"(decisions are saved only against the corpus shown)")

    def check_fresh(self) -> None:
        """Refuse to serve a corpus its inputs no longer match."""
        why = self.stale()
        if why is not None:
            raise RequestError(HTTPStatus.CONFLICT, why, {"stale": True})

    def status(self) -> dict[str, Any]:
        """Whether the corpus shown still matches its inputs."""
        return {"stale": self.stale()}

    def findings_json(self) -> bytes:
        """The page data (computed once: a change of the inputs is refused, not reloaded)."""
        self.check_fresh()
        return self._page

    def decisions(self) -> dict[str, Any]:
        """Recorded decisions with their state; raises when the file does not validate."""
        self.check_fresh()
        model, errors = load_decisions(self.decisions_path, self.decisions_shown)
        if errors:
            raise errors[0]
        return decisions_data(self._by_id, model.decisions)

    def _current(self, finding: Finding, model: DecisionsFile) -> dict[str, Any] | None:
        """The decision the page shows on finding now (its own, or one it carries)."""
        view = decisions_data(self._by_id, model.decisions).get(finding.id)
        return view if view is not None and view.get("state") != "resolved" else None

    def decide(self, body: Any) -> dict[str, Any]:
        """Record (or with decision null, clear) an editor's decision on a finding."""
        if not isinstance(body, dict):
            raise RequestError(HTTPStatus.BAD_REQUEST, "expected a JSON object")
        self.check_fresh()
        fp, value, note = body.get("finding"), body.get("decision"), body.get("note")
        finding = self._by_id.get(fp) if isinstance(fp, str) else None
        if finding is None:
            raise RequestError(HTTPStatus.NOT_FOUND, f"no finding {fp!r} in this corpus")
        note_only = body.get("note_only", False)
        if not isinstance(note_only, bool):
            raise RequestError(HTTPStatus.BAD_REQUEST, "note_only must be true or false")
        if not note_only and value is not None and value not in DECISIONS:
            raise RequestError(HTTPStatus.BAD_REQUEST,
                               f"decision must be one of {', '.join(DECISIONS)} or null")
        if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE):
            raise RequestError(HTTPStatus.BAD_REQUEST, f"note must be text of at most "
                                                       f"{MAX_NOTE} characters")
        checked = "seen" in body
        seen = body.get("seen")
        if seen is not None and not isinstance(seen, str):
            raise RequestError(HTTPStatus.BAD_REQUEST, "seen must be a decision version or null")
        made: list[Decision | None] = []

        def change(model: DecisionsFile) -> dict[str, Decision | None]:
            # Under the file's lock, with the file as it is now.
            current = self._current(finding, model)
            if checked and (current or {}).get("version") != seen:
                who = f" by {current['author']}" if current and current.get("author") else ""
                now = f"{current['decision']}{who}" if current else "undecided"
                raise RequestError(HTTPStatus.CONFLICT,
                                   f"changed since you looked: now {now}; nothing saved",
                                   {"finding": finding.id, "current": current})
            decision = self._decision(finding, value, note, note_only, current, model)
            made.append(decision)
            return {finding.id: decision}

        save_decisions(self.decisions_path, {}, self.decisions_shown, self.report.findings,
                       under_lock=change)
        saved = made[0]
        return {"finding": finding.id,
                "decision": None if saved is None else decision_view(finding, saved)}

    def _decision(self, finding: Finding, value: Any, note: str | None, note_only: bool,
                  current: dict[str, Any] | None, model: DecisionsFile) -> Decision | None:
        """The decision to save: a new one, none (cleared), or the current one's new note."""
        try:
            if note_only:
                if current is None:
                    # Not another editor's change (the version seen was checked): nothing
                    # decided yet, which a 409 made the page report as a concurrent edit.
                    raise RequestError(HTTPStatus.UNPROCESSABLE_ENTITY,
                                       "no decision to keep the note with: decide first "
                                       "(the decisions file keeps a note with a decision)",
                                       {"finding": finding.id})
                source = model.decisions[current.get("carried_from") or finding.id]
                # The decision and the statements it was made on are kept; the note is this
                # editor's, now.
                return Decision.model_validate({
                    **source.model_dump(), "note": (note or "").strip() or None,
                    "author": self.editor, "decided_at": timestamp(self.clock)})
            if value is None:
                return None
            chosen: DecisionValue = value
            return make_decision(finding, chosen, note, self.editor, self.clock)
        except ValidationError as exc:  # e.g. a note with unpaired surrogates
            raise RequestError(HTTPStatus.BAD_REQUEST,
                               str(exc.errors()[0]["msg"])) from None


def _static(name: str) -> bytes:
    return (resources.files("checker.review") / "static" / name).read_bytes()


class Handler(BaseHTTPRequestHandler):
    """Routes requests to the app; every answer carries the security headers."""

    server: ReviewServer
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may stall a request before its thread gives up

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib's name)
        """Quiet: the terminal shows the URL, not every request."""

    def _send(self, status: HTTPStatus, body: bytes, content_type: str,
              close: bool = False) -> None:
        self.send_response(status)
        if close:
            self.send_header("Connection", "close")  # also makes the handler close it
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: HTTPStatus, data: Any) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: HTTPStatus, message: str,
               data: Mapping[str, Any] | None = None) -> None:
        # A refused request may leave an unread body on the connection: never reuse it.
        body = json.dumps({**(data or {}), "error": message},
                          ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", close=True)

    def _host_ok(self) -> bool:
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in (f"{HOST}:{port}", f"localhost:{port}")

    def do_GET(self) -> None:  # noqa: N802 (stdlib's name)
        """The page, its static files and the read API."""
        if not self._host_ok():
            self._error(HTTPStatus.FORBIDDEN, "unexpected Host header")
            return
        path = self.path.split("?", 1)[0]
        app = self.server.app
        try:
            if path == "/":
                self._send(HTTPStatus.OK, _static("index.html"), "text/html; charset=utf-8")
            elif path.startswith("/static/") and path[8:] in STATIC:
                name = path[8:]
                self._send(HTTPStatus.OK, _static(name), f"{STATIC[name]}; charset=utf-8")
            elif path == "/favicon.ico":  # browsers ask; an empty answer keeps logs clean
                self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
            elif path == "/api/findings":
                self._send(HTTPStatus.OK, app.findings_json(), "application/json; charset=utf-8")
            elif path == "/api/decisions":
                self._json(HTTPStatus.OK, app.decisions())
            elif path == "/api/status":
                self._json(HTTPStatus.OK, app.status())
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found")
        except RequestError as exc:
            self._error(exc.status, str(exc), exc.data)
        except ClaimcheckError as exc:
            self._error(HTTPStatus.CONFLICT, str(exc))

    def do_POST(self) -> None:  # noqa: N802 (stdlib's name)
        """Save a decision."""
        try:
            body = self._read_json()
            if self.path != "/api/decisions":
                raise RequestError(HTTPStatus.NOT_FOUND, "not found")
            with self.server.write_lock:
                result = self.server.app.decide(body)
        except RequestError as exc:
            self._error(exc.status, str(exc), exc.data)
        except ClaimcheckError as exc:
            self._error(HTTPStatus.CONFLICT, str(exc))
        else:
            self._json(HTTPStatus.OK, result)

    def _read_json(self) -> Any:
        if not self._host_ok():
            raise RequestError(HTTPStatus.FORBIDDEN, "unexpected Host header")
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{self.headers.get('Host')}":
            raise RequestError(HTTPStatus.FORBIDDEN, "cross-origin request refused")
        # A cross-site form cannot send application/json without a preflight we never allow.
        if self.headers.get_content_type() != "application/json":
            raise RequestError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "expected application/json")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            raise RequestError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from None
        if MAX_BODY < length <= DRAIN_LIMIT:
            self.rfile.read(length)  # read it, so closing sends our answer, not a reset
        if not 0 < length <= MAX_BODY:
            raise RequestError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE
                               if length > MAX_BODY else HTTPStatus.BAD_REQUEST,
                               f"body must be 1 to {MAX_BODY} bytes")
        try:
            return json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            # RecursionError: "[[[[..." nested deeper than the parser recurses.
            raise RequestError(HTTPStatus.BAD_REQUEST, "body is not JSON") from None


class ReviewServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the app."""

    daemon_threads = True
    # Editors saving at once must queue, not be reset (the default backlog is 5).
    request_queue_size = 128

    def __init__(self, app: ReviewApp, port: int = 0) -> None:
        super().__init__((HOST, port), Handler)
        self.app = app
        # The file lock orders writers across processes; this orders this server's threads
        # so one editor's double click cannot interleave two saves.
        self.write_lock = threading.Lock()

    @property
    def url(self) -> str:
        """Where the page is."""
        return f"http://{HOST}:{self.server_address[1]}/"
