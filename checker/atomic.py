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
import errno
import os
import re
import stat
import tempfile
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from checker.errors import Location, WriteRefusedError
from checker.interrupt import critical, deferred
from checker.safepaths import leads_out


def atomic_write(path: Path, data: str | bytes | Iterable[bytes | memoryview],
                 durable: bool = True) -> None:
    """Write to a temporary file in the same directory, fsync, then rename over path.

    Refused (WriteRefusedError) when a symlink inside the working directory (the
    repository) would carry the write outside it. `durable=False` skips the fsync: still
    atomic for every reader while the system runs, but a power cut may leave an empty or
    torn file, so only for data that is checked when read (the cache). Data given as an
    iterable of byte chunks is written chunk by chunk (`write_all`: never joined into one
    string).
    """
    _ready(path)
    # A signal between mkstemp and `try` would strand the temporary file: defer it.
    with critical():
        staged = _stage(path, data, durable)
        try:
            staged.commit()
        except BaseException:
            staged.discard()
            raise


def _ready(path: Path) -> None:
    """Refuse a write a symlink would carry out of the repository; make its directory."""
    refuse_symlink_out(path)
    path.parent.mkdir(parents=True, exist_ok=True)


class Staged:
    """A file's new contents written (and synced) beside it, not yet in its place."""

    def __init__(self, path: Path, tmp: str) -> None:
        self.path = path
        self._tmp = tmp
        self.old: int | None = None  # the file replaced, held open (`hold_old`)

    def hold_old(self) -> None:
        """Keep the file this one replaces open, so that the rename does not free it: the
        caller closes `old` when it can spare the time (the old report.json of 10,000
        documents took 9 ms to free, on the rename). POSIX only: elsewhere an open file
        cannot be replaced."""
        if os.name != "posix":
            return
        try:
            # Not blocking: a FIFO in the way would wait for a writer for ever.
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            return
        if stat.S_ISREG(os.fstat(fd).st_mode):
            self.old = fd
        else:
            os.close(fd)

    def commit(self) -> None:
        """Put the new contents in place (a reader sees the old file or the new one)."""
        path, tmp = self.path, self._tmp
        try:
            if path.exists():
                # Keep the mode of the file being replaced (a user's file stays theirs).
                os.chmod(tmp, path.stat().st_mode & 0o777)
            else:
                os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except OSError as exc:
            raise _named(exc, path) from None

    def discard(self) -> None:
        """Remove the new contents; the file stays as it was."""
        with contextlib.suppress(OSError):
            os.unlink(self._tmp)
        _close([self])


def _close(staged: Iterable[Staged]) -> None:
    """Close the old files the staged writes held."""
    for item in staged:
        fd, item.old = item.old, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


def _iov_max() -> int:
    """Chunks given to one `os.writev` at most: POSIX's IOV_MAX (1024 on Linux and macOS),
    or 1024 where the system names no lower limit (sysconf gives -1 for none, and knows no
    such name on some systems)."""
    try:
        found = os.sysconf("SC_IOV_MAX")
    except (AttributeError, ValueError, OSError):
        return 1024
    return found if 0 < found < 1024 else 1024


_IOV_MAX = _iov_max()


def write_all(fd: int, chunks: Iterable[bytes | memoryview]) -> None:
    """Every chunk written to the file, in order, as they are: by `os.writev`, IOV_MAX
    chunks a call (the JSON report's 30,000 pieces at 10,000 documents are never joined
    into one string of 41 MB: 24 ms and as many page faults). Where the system has no
    writev, each IOV_MAX chunks are joined and written by `os.write`. A short write goes on
    where it stopped."""
    # Counted in bytes: a view of an array of 8-byte items has 8 bytes an item.
    pending: list[bytes | memoryview] = [
        c if type(c) is bytes else memoryview(c).cast("B") for c in chunks]
    pending = [c for c in pending if len(c)]
    writev = getattr(os, "writev", None)
    if writev is None:
        pending = [b"".join(pending[at:at + _IOV_MAX])
                   for at in range(0, len(pending), _IOV_MAX)]
    at = 0
    while at < len(pending):
        batch = pending[at:at + _IOV_MAX]
        done = writev(fd, batch) if writev is not None else os.write(fd, batch[0])
        if not done:  # a file that takes nothing would be written to for ever
            raise OSError(errno.EIO, "no byte written")
        for chunk in batch:
            if done < len(chunk):  # this one in part (or not at all): its rest next
                pending[at] = memoryview(chunk)[done:]
                break
            done -= len(chunk)
            at += 1


def _stage(path: Path, data: str | bytes | Iterable[bytes | memoryview],
           durable: bool) -> Staged:
    """The contents written (and with `durable`, synced) to a temporary file beside
    `path`; none is left behind when this raises."""
    chunks = [data.encode("utf-8")] if isinstance(data, str) else \
        [data] if isinstance(data, bytes) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _named(exc, path) from None
    try:
        try:
            write_all(fd, chunks)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _named(exc, path) from None
        raise
    return Staged(path, tmp)


class WrittenTogether:
    """Files written together, or none of them: each one's contents written and synced
    by a thread of its own as soon as they are given (`add`: writing and syncing let go of
    the interpreter, so a report's 41 MB at 10,000 documents go to disk while the next
    report is rendered), all put in place by `commit`. Leaving the block any other way
    waits for the threads and removes what they wrote, signals deferred meanwhile
    (`interrupt.critical`), so that no temporary file is left behind."""

    def __init__(self) -> None:
        self._writing: list[tuple[threading.Thread, list[Staged | BaseException]]] = []
        self.closing: threading.Thread | None = None  # closing the files replaced

    def __enter__(self) -> WrittenTogether:
        return self

    def add(self, path: Path, data: str | bytes | Sequence[bytes | memoryview]) -> None:
        """Start writing `data` for `path` (refused now if a symlink leads it out); written
        here when no thread can be started."""
        _ready(path)
        done: list[Staged | BaseException] = []

        def write() -> None:
            try:
                staged = _stage(path, data, True)
                staged.hold_old()
                done.append(staged)
            except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
                done.append(exc)

        thread = threading.Thread(target=write, name=f"write {path.name}", daemon=True)
        with critical():  # once started, it is on the list the way out waits for
            try:
                thread.start()
            except RuntimeError:  # no thread left to start (a container's limit)
                write()
            self._writing.append((thread, done))

    def commit(self) -> None:
        """Put every file in place, in the order given: none when one could not be written
        or a directory stands where one goes; when a rename fails, the others after it are
        not put in place (the first failure is raised)."""
        with critical():  # the whole set, or, when a rename fails, what it had done
            staged, failure = _gathered(self._writing)
            self._writing = []
            if failure is None:
                failure = next((_named(IsADirectoryError(errno.EISDIR,
                                                         os.strerror(errno.EISDIR)), s.path)
                                for s in staged
                                if s.path.is_dir() and not s.path.is_symlink()), None)
            if failure is not None:  # refused before any rename is done
                _discarded(staged)
                raise failure
            for i, item in enumerate(staged):
                try:
                    item.commit()
                except BaseException:
                    _discarded(staged[i:])
                    _close(staged)
                    raise
        # The replaced files freed beside (the kernel frees what is left open at exit).
        self.closing = threading.Thread(target=_close, args=(staged,), name="close replaced",
                                        daemon=True)
        self.closing.start()

    def __exit__(self, *exc: object) -> None:
        writing, self._writing = self._writing, []
        if writing:  # not committed: nothing of the set is put in place
            with deferred():  # a second signal waits until what was written is removed
                _discarded(_gathered(writing)[0])


def _gathered(writing: Sequence[tuple[threading.Thread, list[Staged | BaseException]]]
              ) -> tuple[list[Staged], BaseException | None]:
    """Every file the threads wrote, once all are over, and the first failure."""
    staged: list[Staged] = []
    failure: BaseException | None = None
    for thread, done in writing:
        if thread.ident is not None:  # started (else written in the caller's thread)
            thread.join()
        for item in done:
            if isinstance(item, Staged):
                staged.append(item)
            elif failure is None:
                failure = item
    return staged, failure


def _discarded(staged: Iterable[Staged]) -> None:
    """Remove what each staged write wrote."""
    for item in staged:
        item.discard()


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
