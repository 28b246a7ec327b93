"""A pool stopped while a worker is half-way through sending a result ends, not hangs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

# Run in its own interpreter: without the fix it hangs for ever (the pool's thread waits
# for the rest of a message), and a subprocess can be given up on.
SCRIPT = textwrap.dedent("""
    import os, struct, sys, time
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing
    from checker.workers import stop_pool

    POOL = None

    def half_a_result(ready):
        # What a worker terminated mid-send leaves: a length, then part of the message.
        writer = POOL._result_queue._writer
        os.write(writer.fileno(), struct.pack("!i", 1_000_000) + b"x" * 1000)
        os.close(os.open(ready, os.O_CREAT | os.O_WRONLY))
        time.sleep(600)

    POOL = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    ready = sys.argv[1]
    POOL.submit(half_a_result, ready)
    while not os.path.exists(ready):
        time.sleep(0.01)
    time.sleep(0.2)  # the pool's thread is reading the message now
    stop_pool(POOL)
    print("stopped")
""")


def test_a_pool_stopped_while_a_result_is_half_sent_ends(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    try:
        proc = subprocess.run([sys.executable, "-c", SCRIPT, str(ready)], cwd=REPO,
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        raise AssertionError("stop_pool hung on a half-sent result") from None
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "stopped"
