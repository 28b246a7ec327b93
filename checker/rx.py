"""Regular expressions compiled once per interpreter, not once per run: `rx.compile` is
`re.compile`, with what each pattern compiles to kept across runs as Python keeps bytecode.

The extractor, the normaliser and the rules compile about 440 patterns when they are first
imported: 0.10 s of a 0.47 s check of the five seeds, 0.09 s of an edited re-run at 10,000
documents, every run. `re` cannot save a compiled pattern, but what it compiles one to is a
list of integers (`re._compiler._code`), which `_sre.compile` (the last step of every
`re.compile`) turns into the pattern in microseconds. Those lists are kept in
`__pycache__/patterns.<tag>.marshal` beside this module, where the interpreter keeps the
package's bytecode (under PYTHONPYCACHEPREFIX when it is set; never with
PYTHONDONTWRITEBYTECODE), when it can write there, with the mode bytecode gets. The tag
names the interpreter and its regular expression engine, and the file is sealed as the
cache's files are (`checker.sealedfile`: the exact interpreter version in its head, a
BLAKE3 hash of its contents): another interpreter, a patch release, a torn or damaged file is
compiled past, and so is a code `_sre.compile` refuses, or a private function of another
signature (`re.compile` then). A pattern is equal either way
(`re.Pattern.__eq__` compares the compiled code: tests/test_rx.py compares every pattern of
the package, kept and compiled). The file is trusted as bytecode is: whoever can write
`__pycache__` can change what the package runs.

Only patterns written in the code (module constants, or built from its own word lists)
are compiled here; a pattern made from a document's words is `re.compile`'s (it would keep
the document's text, and a new entry each run).

    WORD = rx.compile(r"\\w+", re.I)  # module level, as re.compile
    rx.save()  # at the end of a run (the CLI's exit): codes compiled anew written
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import re
import sys
from pathlib import Path
from typing import Any, AnyStr

from checker.sealedfile import read_sealed, sealed

try:  # the private parts `re.compile` is made of (CPython 3.11 on)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _TAG: str | None = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # another interpreter: `re.compile` alone
    _TAG = None
# The file's kind (`checker.sealedfile`); its fingerprint is the exact interpreter version:
# a patch release may compile a pattern otherwise.
_KIND = "patterns 2"  # 2: sealedfile's body (a size line, then the marshalled table)


def _file() -> Path | None:
    """Where this module's bytecode goes (`__pycache__`, or under PYTHONPYCACHEPREFIX),
    named for the interpreter; None on another interpreter, or one without bytecode."""
    if _TAG is None:
        return None
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except NotImplementedError:  # no cache tag: no bytecode, no codes either
        return None
    return Path(pyc).with_name(f"patterns.{_TAG}.marshal")


FILE = _file()  # the codes file (None: none read or written)
# Patterns kept at most (the package's are about 440): past this, a save keeps only the
# patterns its own run compiled, and none when they are more.
LIMIT = 4096

Key = tuple[type, Any, int]  # (str or bytes, the pattern, the flags)
Entry = tuple[int, list[int], int, dict[Any, int], tuple[Any, ...]]

_stored: dict[Key, Entry] | None = None  # the file's codes, read on the first compile
_made: dict[Key, re.Pattern[Any]] = {}  # this process's patterns
_entries: dict[Key, Entry] = {}  # the codes of this process's patterns
_fresh = False  # whether a pattern was compiled from its source (a save has news)


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:  # noqa: A001
    """`re.compile(pattern, flags)`, from the code a past run kept when there is one."""
    key: Key = (type(pattern), pattern, int(flags))
    made = _made.get(key)
    if made is None:
        made = _made[key] = _kept(key) or _compiled(key)
    return made


def _kept(key: Key) -> re.Pattern[Any] | None:
    """The pattern made from the kept code, or None (none kept, or it does not build)."""
    entry = _codes().get(key)
    if entry is None:
        return None
    try:
        made: re.Pattern[Any] = _sre.compile(key[1], *entry)
    except Exception:  # noqa: BLE001 - damaged or foreign: compiled from its source
        return None
    _entries[key] = entry
    return made


def _compiled(key: Key) -> re.Pattern[Any]:
    """The pattern compiled as `re._compiler.compile` compiles it, its code kept."""
    global _fresh
    kind, pattern, flags = key
    if _TAG is None or flags & (re.DEBUG | re.LOCALE):  # LOCALE: bytes read by the locale
        return re.compile(pattern, flags)
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Any] = [None] * parsed.state.groups
        for name, at in groupindex.items():
            indexgroup[at] = name
        # Opcodes are int subclasses, which marshal does not write: plain ints.
        entry: Entry = (flags | parsed.state.flags, list(map(int, code)), parsed.state.groups - 1,
                        groupindex, tuple(indexgroup))
        made: re.Pattern[Any] = _sre.compile(pattern, *entry)
    except re.error:
        raise  # a bad pattern says so as re.compile does
    except Exception:  # noqa: BLE001 - the private parts changed: re.compile alone
        return re.compile(pattern, flags)
    _entries[key] = entry
    _fresh = True
    return made


def _codes() -> dict[Key, Entry]:
    """The codes kept by past runs (empty when there is no file this interpreter wrote
    whole)."""
    global _stored
    if _stored is None:
        _stored = {}
        found = read_sealed(FILE, _KIND, sys.version) if FILE is not None else None
        if isinstance(found, dict):
            _stored = {(str if isinstance(k[0], str) else bytes, k[0], k[1]): v
                       for k, v in found.items()
                       if type(k) is tuple and len(k) == 2 and type(v) is tuple}
    return _stored


def save() -> None:
    """Write the codes of the patterns compiled anew by this process, with those kept;
    nothing when there are none, or the directory cannot be written (as bytecode)."""
    global _fresh
    if not _fresh or FILE is None or sys.dont_write_bytecode:
        return
    _fresh = False
    table = {**_codes(), **_entries}
    if len(table) > LIMIT:
        table = dict(_entries)
        if len(table) > LIMIT:
            return
    body = {(k[1], k[2]): v for k, v in table.items()}
    from checker.interrupt import critical

    # A signal between creating the temporary file and renaming it would leave it behind.
    with critical(), contextlib.suppress(OSError):
        FILE.parent.mkdir(exist_ok=True)
        tmp = f"{FILE}.{os.getpid()}.tmp"
        # Created with the mode bytecode gets (its source's, writable by its owner, and
        # the umask applied by the system).
        mode = (os.stat(__file__).st_mode | 0o200) & 0o666
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            with os.fdopen(fd, "wb") as handle:
                handle.writelines(sealed(_KIND, sys.version, body))
            os.replace(tmp, FILE)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)  # gone once renamed: only a failed write's is left


# A process leaving by os._exit (`cli.finish`, forked workers) skips this: the CLI saves.
atexit.register(save)
