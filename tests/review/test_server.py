"""The review app's HTTP API on loopback: pages, decisions, and requests it must refuse."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.decisions import load_decisions, make_decision, save_decisions
from checker.review.server import ReviewApp, ReviewServer

from .sample import TEXTS, findings, fixed_clock, report


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[ReviewServer]:
    """The app over the sample report, served from a thread on a free port."""
    app = ReviewApp(report(), TEXTS, tmp_path / "reviews" / "decisions.yaml",
                    "reviews/decisions.yaml", "Desk A", fixed_clock)
    srv = ReviewServer(app, 0)
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def request(srv: ReviewServer, method: str, path: str, body: Any = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request; a JSON body unless it is already bytes."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.server_address[1], timeout=10)
    sent = {"Content-Type": "application/json"} if body is not None else {}
    sent.update(headers or {})
    payload = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    conn.request(method, path, body=payload, headers=sent)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), data


def test_binds_loopback_only(server: ReviewServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.server_address[1]}/"


def test_page_and_assets_with_security_headers(server: ReviewServer) -> None:
    status, headers, body = request(server, "GET", "/")
    assert status == 200 and b'<script src="/static/app.js" defer>' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    for name, kind in (("app.js", "text/javascript"), ("app.css", "text/css")):
        status, headers, body = request(server, "GET", f"/static/{name}")
        assert status == 200 and headers["Content-Type"].startswith(kind) and body
    for path in ("/static/../server.py", "/static/index.html", "/etc/passwd", "/api/nope"):
        assert request(server, "GET", path)[0] == 404


def test_findings_in_queue_order(server: ReviewServer) -> None:
    status, _, body = request(server, "GET", "/api/findings")
    data = json.loads(body)
    assert status == 200 and data["editor"] == "Desk A"
    assert [f["severity"] for f in data["findings"]] == [
        "error", "error", "warning", "warning", "info"]


def test_decide_then_read_back_then_clear(server: ReviewServer, tmp_path: Path) -> None:
    fid = findings()[1].id
    status, _, body = request(server, "POST", "/api/decisions",
                              {"finding": fid, "decision": "false-alarm", "note": "own fix"})
    assert status == 200
    saved = json.loads(body)["decision"]
    assert (saved["decision"], saved["note"], saved["author"], saved["state"]) == (
        "false-alarm", "own fix", "Desk A", "decided")
    model, _ = load_decisions(tmp_path / "reviews" / "decisions.yaml")
    assert model.decisions[fid].decided_at == "2025-05-01T12:00:00Z"
    listed = json.loads(request(server, "GET", "/api/decisions")[2])
    assert listed[fid]["note"] == "own fix"
    status, _, body = request(server, "POST", "/api/decisions", {"finding": fid, "decision": None})
    assert status == 200 and json.loads(body)["decision"] is None
    assert json.loads(request(server, "GET", "/api/decisions")[2]) == {}


def test_deciding_on_a_reworded_finding_replaces_the_decision_it_carried(
        tmp_path: Path) -> None:
    items = findings()
    a = items[0]
    path = tmp_path / "decisions.yaml"
    save_decisions(path, {a.id: make_decision(a, "confirmed", None, "B", fixed_clock)})
    # The document's sentence changed: the finding has a new fingerprint.
    reworded = a.model_copy(update={"id": "0123456789abcdef0123"})
    app = ReviewApp(report([reworded, *items[1:]]), TEXTS, path, "decisions.yaml", "Desk A",
                    fixed_clock)
    assert app.decisions()[reworded.id]["state"] == "reopened"
    app.decide({"finding": reworded.id, "decision": "false-alarm", "note": "quoted"})
    assert sorted(load_decisions(path)[0].decisions) == [reworded.id]
    # Clearing a carried decision clears it: it does not come back on the next load.
    save_decisions(path, {reworded.id: None, a.id: make_decision(a, "confirmed", None, "B",
                                                                 fixed_clock)})
    app.decide({"finding": reworded.id, "decision": None})
    assert load_decisions(path)[0].decisions == {}
    assert app.decisions() == {}


@pytest.mark.parametrize(("body", "headers", "status"), [
    ({"finding": "ffff0000", "decision": "confirmed"}, {}, 404),
    ({"finding": "aaaa000000000000000a", "decision": "maybe"}, {}, 400),
    ({"finding": "aaaa000000000000000a", "decision": "fixed", "note": 3}, {}, 400),
    ({"finding": "aaaa000000000000000a", "decision": "fixed", "note": "n" * 5001}, {}, 400),
    ({"finding": "aaaa000000000000000a", "decision": "fixed", "note": "\ud800"}, {}, 400),
    (["not", "an", "object"], {}, 400),
    (b"finding=aaaa000000000000000a", {"Content-Type": "application/x-www-form-urlencoded"},
     415),
    (b"{not json", {}, 400),
    (b"[" * 30_000 + b"]" * 30_000, {}, 400),  # deeper than the JSON parser recurses
    (b"x" * 70_000, {}, 413),
    ({"finding": "aaaa000000000000000a", "decision": "fixed"},
     {"Origin": "https://evil.example"}, 403),
    ({"finding": "aaaa000000000000000a", "decision": "fixed"}, {"Host": "evil.example"}, 403),
])
def test_refused_requests_change_nothing(server: ReviewServer, tmp_path: Path, body: Any,
                                         headers: dict[str, str], status: int) -> None:
    got, _, data = request(server, "POST", "/api/decisions", body, headers)
    assert got == status and "error" in json.loads(data)
    assert not (tmp_path / "reviews" / "decisions.yaml").exists()


def test_rebinding_host_is_refused_on_reads(server: ReviewServer) -> None:
    status, _, _ = request(server, "GET", "/api/findings", headers={"Host": "attacker.test"})
    assert status == 403
    port = server.server_address[1]
    assert request(server, "GET", "/", headers={"Host": f"localhost:{port}"})[0] == 200


def test_a_broken_decisions_file_is_reported_not_overwritten(server: ReviewServer,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "reviews" / "decisions.yaml"
    path.parent.mkdir()
    path.write_text("decisions: [\n", encoding="utf-8")
    status, _, body = request(server, "GET", "/api/decisions")
    assert status == 409 and json.loads(body)["error"].startswith("reviews/decisions.yaml:")
    status, _, _ = request(server, "POST", "/api/decisions",
                           {"finding": findings()[0].id, "decision": "confirmed"})
    assert status == 409
    assert path.read_text(encoding="utf-8") == "decisions: [\n"
