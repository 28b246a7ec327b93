"""Atomic writes: a reader sees the old file or the new one, never half of either.

Ctrl-C and SIGTERM (which the CLI turns into SystemExit) wait for a write in progress to
finish (checker.interrupt.critical), so they leave no temporary file. SIGKILL or a power cut
between creating the temporary file and renaming it can leave one behind:
`.<name>.<random>.tmp` beside the target. No loader reads these (documents, claim and rule
files are matched by suffix; dot-files are skipped), and they are safe to delete
(tests/robustness/test_interrupt.py checks this is the only kind).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from checker.errors import Location, WriteRefusedError
from checker.interrupt import critical
from checker.safepaths import leads_out


def atomic_write(path: Path, data: str | bytes | Iterable[bytes | memoryview],
                 durable: bool = True) -> None:
    """Write to a temporary file in the same directory, fsync, then rename over path.

    Refused (WriteRefusedError) when a symlink inside the working directory (the
    repository) would carry the write outside it. `durable=False` skips the fsync: still
    atomic for every reader while the system runs, but a power cut may leave an empty or
    torn file, so only for data that is checked when read (the cache). Data given as an
    iterable of byte chunks is written as it comes (a large file never whole in memory).
    """
    refuse_symlink_out(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    chunks = [data.encode("utf-8")] if isinstance(data, str) else \
        [data] if isinstance(data, bytes) else data
    # A signal between mkstemp and `try` would strand the temporary file: defer it.
    with critical():
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            raise _named(exc, path) from None
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
                handle.flush()
                if durable:
                    os.fsync(handle.fileno())
            if path.exists():
                # Keep the mode of the file being replaced (a user's file stays theirs).
                os.chmod(tmp, path.stat().st_mode & 0o777)
            else:
                os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise _named(exc, path) from None
            raise


def _named(exc: OSError, path: Path) -> OSError:
    """The error as the user should read it: about the file they asked for, not the
    temporary file beside it ("reports/report.md: Is a directory")."""
    exc.filename, exc.filename2 = os.fspath(path), None
    return exc


def refuse_symlink_out(path: Path) -> None:
    """Raise WriteRefusedError when a symlink on the way to `path`, which is written inside
    the repository, leads out of it (reports/ -> /elsewhere): a checked-out repository must
    not redirect the tool's writes (`safepaths.leads_out`, which reads refuse too)."""
    if leads_out(path):
        what = "a directory" if not path.is_symlink() else "a file"
        shown = Path(os.path.abspath(path)).relative_to(Path.cwd().resolve()).as_posix()
        raise WriteRefusedError(f"is a symlink to {what} outside the repository (refused)",
                                Location(shown))


def owned_by_us(path: Path, signature: re.Pattern[bytes]) -> bool:
    """Whether an existing file is one claimcheck wrote: its head (first 4 KiB) has the
    signature of that kind of output. A file that merely mentions claimcheck (a claim
    file, a pyproject.toml, notes) is not: replacing it would lose a user's work."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return signature.search(head) is not None
