"""`claimcheck review` as a command: prints its loopback URL, serves, refuses bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.review.cli import review_command

LAUNCH = "from checker.review.cli import review_command; review_command()"


@contextmanager
def _serving(project: Path) -> Iterator[str]:
    """`claimcheck review` started in the project on a free port, as Desk B: its URL."""
    env = {**os.environ, "CLAIMCHECK_EDITOR": "Desk B", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "--no-browser", "--port", "0"],
                            cwd=project, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("claimcheck review: "), proc.stderr.read() if proc.stderr else ""
        yield line.split(" at ")[1].split(" ")[0]
    finally:
        proc.terminate()
        proc.wait(10)


def test_serves_on_a_free_loopback_port(project: Path) -> None:
    with _serving(project) as url:
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/")
        with urllib.request.urlopen(url + "api/findings", timeout=10) as response:
            data = json.load(response)
        assert data["editor"] == "Desk B" and data["findings"]
        assert data["decisions_file"] == "reviews/decisions.yaml"


def test_bad_decisions_file_exits_2_with_a_located_message(project: Path) -> None:
    (project / "reviews").mkdir()
    (project / "reviews" / "decisions.yaml").write_text(
        "decisions:\n  aaaa0000:\n    decision: maybe\n", encoding="utf-8")
    result = CliRunner().invoke(review_command, ["--no-browser"])
    assert result.exit_code == 2
    assert "reviews/decisions.yaml:3:5: decisions.aaaa0000.decision: 'maybe'" in result.output
    assert "reviews/decisions.yaml:2:3: decisions.aaaa0000: 'decided_at' is a required" \
        in result.output
    assert "Traceback" not in result.output


def test_port_in_use_exits_2(project: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(review_command, ["--no-browser", "--port", str(port),
                                                     "--editor", "Desk A"])
    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.output


def test_review_needs_to_know_who_decides(project: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CLAIMCHECK_EDITOR", "USER", "LOGNAME"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(review_command, ["--no-browser"])
    assert result.exit_code == 2 and "who is deciding? name yourself with --editor" in \
        result.output


def test_review_loads_what_check_checks(project: Path) -> None:
    """The configuration's threshold (and the rest) reach review as they reach check."""
    from checker.cli import main
    from checker.review.options import load_corpus_for_review

    shutil.rmtree(project / "claims")  # claims drafted on the fly, so the threshold counts
    (project / "claimcheck.toml").write_text("threshold = 0.99\n", encoding="utf-8")
    loaded = load_corpus_for_review(None, None, None, None, (), (), None)
    assert loaded.result.corpus.docs and not any(dc.claims for dc in loaded.result.corpus.docs)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    report = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    ids = sorted(f["id"] for f in report["findings"])
    assert ids == sorted(f.id for f in loaded.result.report.findings)


def test_a_document_changed_after_start_is_reported_not_served_old(project: Path) -> None:
    with _serving(project) as url:
        with urllib.request.urlopen(url + "api/findings", timeout=10) as response:
            fid = json.load(response)["findings"][0]["id"]
        doc = next((project / "seeds").glob("002_*.txt"))
        doc.write_text(doc.read_text("utf-8").replace("has a wide network of global",
                                                      "has a vast network of"), "utf-8")
        post = urllib.request.Request(url + "api/decisions", method="POST",
                                      headers={"Content-Type": "application/json"},
                                      data=json.dumps({"finding": fid,
                                                       "decision": "confirmed"}).encode())
        for req in (url + "api/findings", post):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(req, timeout=10)
            assert caught.value.code == 409
            answer = json.load(caught.value)
            assert answer["stale"] is True and "restart `claimcheck review`" in answer["error"]
            assert doc.name in answer["error"]
        assert not (project / "reviews" / "decisions.yaml").exists()
