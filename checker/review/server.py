"""The review app's HTTP server: one page, its static files and a small JSON API.

    GET  /                  the page            GET  /api/findings   findings and documents
    GET  /static/<file>     CSS and JavaScript  GET  /api/decisions  decisions, read fresh
    POST /api/decisions     {"finding": fingerprint, "decision": "false-alarm" | ... | null,
                             "note": "..."}  -> the saved decision (null clears it)

It listens on 127.0.0.1 only. Other web pages open in the same browser could still send it
requests, so it answers only requests addressed to its own host name (against DNS
rebinding), takes only JSON bodies from its own origin (against cross-site posts), and sends
a Content-Security-Policy that allows only its own script.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
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
    DecisionValue,
    load_decisions,
    make_decision,
    save_decisions,
    utc_now,
)
from checker.errors import ClaimcheckError
from checker.models.report import Finding, Report
from checker.review.view import decision_view, decisions_data, page_data

HOST = "127.0.0.1"
MAX_BODY = 64 * 1024
DRAIN_LIMIT = 1024 * 1024
MAX_NOTE = 5000
STATIC = {"app.js": "text/javascript", "app.css": "text/css"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
       "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class RequestError(Exception):
    """A request the API refuses, with the HTTP status to answer."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class ReviewApp:
    """The corpus under review and where decisions go; independent of HTTP."""

    report: Report
    texts: Mapping[str, str]
    decisions_path: Path
    decisions_shown: str
    editor: str | None = None
    clock: Clock = utc_now
    _page: bytes = field(init=False, repr=False)
    _by_id: dict[str, Finding] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {f.id: f for f in self.report.findings}
        data = page_data(self.report, self.texts, self.editor, self.decisions_shown)
        self._page = json.dumps(data, ensure_ascii=False).encode("utf-8")

    def findings_json(self) -> bytes:
        """The page data (computed once: the corpus does not change while the app runs)."""
        return self._page

    def decisions(self) -> dict[str, Any]:
        """Recorded decisions with their state; raises when the file does not validate."""
        model, errors = load_decisions(self.decisions_path, self.decisions_shown)
        if errors:
            raise errors[0]
        return decisions_data(self._by_id, model.decisions)

    def decide(self, body: Any) -> dict[str, Any]:
        """Record (or with decision null, clear) an editor's decision on a finding."""
        if not isinstance(body, dict):
            raise RequestError(HTTPStatus.BAD_REQUEST, "expected a JSON object")
        fp, value, note = body.get("finding"), body.get("decision"), body.get("note")
        finding = self._by_id.get(fp) if isinstance(fp, str) else None
        if finding is None:
            raise RequestError(HTTPStatus.NOT_FOUND, f"no finding {fp!r} in this corpus")
        if value is not None and value not in DECISIONS:
            raise RequestError(HTTPStatus.BAD_REQUEST,
                               f"decision must be one of {', '.join(DECISIONS)} or null")
        if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE):
            raise RequestError(HTTPStatus.BAD_REQUEST, f"note must be text of at most "
                                                       f"{MAX_NOTE} characters")
        if value is None:
            save_decisions(self.decisions_path, {finding.id: None}, self.decisions_shown,
                           self.report.findings)
            return {"finding": finding.id, "decision": None}
        chosen: DecisionValue = value
        try:
            decision = make_decision(finding, chosen, note, self.editor, self.clock)
        except ValidationError as exc:  # e.g. a note with unpaired surrogates
            raise RequestError(HTTPStatus.BAD_REQUEST,
                               str(exc.errors()[0]["msg"])) from None
        save_decisions(self.decisions_path, {finding.id: decision}, self.decisions_shown,
                       self.report.findings)
        return {"finding": finding.id, "decision": decision_view(finding, decision)}


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

    def _error(self, status: HTTPStatus, message: str) -> None:
        # A refused request may leave an unread body on the connection: never reuse it.
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
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
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found")
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
            self._error(exc.status, str(exc))
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
