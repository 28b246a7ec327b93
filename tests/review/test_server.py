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
    ({"finding": "aaaa000000000000000a", "decision": "fixed", "seen": 3}, {}, 400),
    ({"finding": "aaaa000000000000000a", "note": "n", "note_only": "yes"}, {}, 400),
    ({"finding": "aaaa000000000000000a", "note": "n", "note_only": True, "seen": None}, {},
     422),  # undecided: no decision to keep the note with (no other editor's change)
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


def _serve_app(app: ReviewApp) -> tuple[ReviewServer, threading.Thread]:
    srv = ReviewServer(app, 0)
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return srv, thread


def _stop(srv: ReviewServer, thread: threading.Thread) -> None:
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def test_a_save_from_a_page_that_saw_another_decision_is_refused(server: ReviewServer,
                                                                 tmp_path: Path) -> None:
    """Two editors on one file: A's page showed the finding undecided; B decided since."""
    path = tmp_path / "reviews" / "decisions.yaml"
    other = ReviewApp(report(), TEXTS, path, "reviews/decisions.yaml", "Desk B", fixed_clock)
    b, thread = _serve_app(other)
    try:
        fid = findings()[0].id
        assert json.loads(request(server, "GET", "/api/decisions")[2]) == {}  # A's page
        status, _, body = request(b, "POST", "/api/decisions", {
            "finding": fid, "decision": "false-alarm", "note": "B: quoted to refute it",
            "seen": None})
        assert status == 200
        theirs = json.loads(body)["decision"]
        status, _, body = request(server, "POST", "/api/decisions", {
            "finding": fid, "decision": "confirmed", "note": "", "seen": None})
        assert status == 409
        answer = json.loads(body)
        current = answer["current"]
        assert (current["decision"], current["note"], current["author"]) == (
            "false-alarm", "B: quoted to refute it", "Desk B")
        assert current["version"] == theirs["version"]
        assert "Desk B" in answer["error"]
        saved = load_decisions(path)[0].decisions[fid]
        assert (saved.decision, saved.note, saved.author) == (
            "false-alarm", "B: quoted to refute it", "Desk B")
        # Having seen B's decision, A may change it.
        status, _, body = request(server, "POST", "/api/decisions", {
            "finding": fid, "decision": "confirmed", "seen": current["version"]})
        assert status == 200 and json.loads(body)["decision"]["author"] == "Desk A"
        # ... and a clear from a page that saw B's (older) decision is refused too.
        status, _, body = request(b, "POST", "/api/decisions", {
            "finding": fid, "decision": None, "seen": current["version"]})
        assert status == 409 and json.loads(body)["current"]["author"] == "Desk A"
        assert load_decisions(path)[0].decisions[fid].decision == "confirmed"
    finally:
        _stop(b, thread)


def test_decisions_carry_their_version(server: ReviewServer) -> None:
    fid = findings()[1].id
    request(server, "POST", "/api/decisions", {"finding": fid, "decision": "fixed"})
    listed = json.loads(request(server, "GET", "/api/decisions")[2])
    assert len(listed[fid]["version"]) == 16
    request(server, "POST", "/api/decisions", {"finding": fid, "decision": "confirmed"})
    assert json.loads(request(server, "GET", "/api/decisions")[2])[fid]["version"] != \
        listed[fid]["version"]


def test_a_note_is_saved_on_the_current_decision_without_changing_it(
        server: ReviewServer, tmp_path: Path) -> None:
    path = tmp_path / "reviews" / "decisions.yaml"
    fid = findings()[0].id
    status, _, body = request(server, "POST", "/api/decisions", {
        "finding": fid, "note": "alone", "note_only": True, "seen": None})
    assert status == 422 and "decide first" in json.loads(body)["error"]  # nothing to keep
    assert not path.exists()
    first = json.loads(request(server, "POST", "/api/decisions", {
        "finding": fid, "decision": "needs-source", "note": "ask"})[2])["decision"]
    status, _, body = request(server, "POST", "/api/decisions", {
        "finding": fid, "note": "asked the ministry", "note_only": True,
        "seen": first["version"]})
    assert status == 200
    saved = load_decisions(path)[0].decisions[fid]
    assert (saved.decision, saved.note, saved.text_hash) == (
        "needs-source", "asked the ministry", first["text_hash"])
    assert json.loads(body)["decision"]["note"] == "asked the ministry"


def test_a_note_on_a_re_opened_decision_leaves_it_re_opened(tmp_path: Path) -> None:
    items = findings()
    a = items[0]
    path = tmp_path / "decisions.yaml"
    save_decisions(path, {a.id: make_decision(a, "confirmed", None, "B", fixed_clock)})
    reworded = a.model_copy(update={"id": "0123456789abcdef0123", "claims": [
        a.claims[0].model_copy(update={"text": "China is a partner of the ISS."})]})
    app = ReviewApp(report([reworded, *items[1:]]), TEXTS, path, "decisions.yaml", "Desk A",
                    fixed_clock)
    seen = app.decisions()[reworded.id]
    assert seen["state"] == "reopened"
    saved = app.decide({"finding": reworded.id, "note": "still wrong", "note_only": True,
                        "seen": seen["version"]})
    assert saved["decision"]["state"] == "reopened"
    assert (saved["decision"]["decision"], saved["decision"]["note"]) == (
        "confirmed", "still wrong")
    assert sorted(load_decisions(path)[0].decisions) == [reworded.id]


def test_documents_carry_their_publisher_and_publication_date(server: ReviewServer) -> None:
    data = json.loads(request(server, "GET", "/api/findings")[2])
    assert data["documents"][0] == {"id": "doc-a", "path": "seeds/doc-a.txt",
                                    "title": "Space news", "publisher": "Daily Orbit",
                                    "published": "2025-03-01"}


def test_changed_inputs_are_refused_until_the_review_restarts(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "doc-a.txt").write_text("one\n", encoding="utf-8")
    path = tmp_path / "reviews" / "decisions.yaml"
    app = ReviewApp(report(), TEXTS, path, "reviews/decisions.yaml", "Desk A", fixed_clock,
                    inputs=[seeds, tmp_path / "claims"])
    srv, thread = _serve_app(app)
    try:
        fid = findings()[0].id
        assert json.loads(request(srv, "GET", "/api/status")[2]) == {"stale": None}
        assert request(srv, "POST", "/api/decisions",
                       {"finding": fid, "decision": "confirmed"})[0] == 200
        # Decisions saved beside the inputs are not a change of the corpus.
        assert request(srv, "GET", "/api/findings")[0] == 200
        status, _, body = request(srv, "POST", "/api/decisions",
                                  {"finding": "ffff000000000000000f", "decision": "confirmed"})
        assert status == 404 and "no finding 'ffff000000000000000f'" in json.loads(body)["error"]
        (seeds / "doc-a.txt").write_text("one, reworded\n", encoding="utf-8")
        for method, where, body_sent in (("GET", "/api/findings", None),
                                         ("GET", "/api/decisions", None),
                                         ("POST", "/api/decisions",
                                          {"finding": fid, "decision": "fixed"})):
            status, _, body = request(srv, method, where, body_sent)
            answer = json.loads(body)
            assert status == 409 and answer["stale"] is True, (where, answer)
            assert "restart `claimcheck review`" in answer["error"]
            assert "doc-a.txt" in answer["error"]
        assert "restart" in json.loads(request(srv, "GET", "/api/status")[2])["stale"]
        assert load_decisions(path)[0].decisions[fid].decision == "confirmed"
        # A file added (a new document) is a change too.
        assert app.stale() is not None
    finally:
        _stop(srv, thread)
    fresh = ReviewApp(report(), TEXTS, path, "reviews/decisions.yaml", "Desk A", fixed_clock,
                      inputs=[seeds])
    assert fresh.stale() is None
    (seeds / "new.md").write_text("new\n", encoding="utf-8")
    assert fresh.stale() is not None and "new.md" in (fresh.stale() or "")
