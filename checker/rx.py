"""Regular expressions compiled once per interpreter, not once per run: `rx.compile` is
`re.compile`, with what each pattern compiles to kept across runs as Python keeps bytecode.

The extractor, the normaliser and the rules compile about 440 patterns when they are first
imported: 0.10 s of a 0.47 s check of the five seeds, 0.09 s of an edited re-run at 10,000
documents, every run. `re` cannot save a compiled pattern, but what it compiles one to is a
list of integers (`re._compiler._code`), which `_sre.compile` (the last step of every
`re.compile`) turns into the pattern in microseconds. Those lists are kept in
`__pycache__/patterns.<tag>.marshal` beside this module, where the interpreter keeps the
package's bytecode (under PYTHONPYCACHEPREFIX when it is set; never with
PYTHONDONTWRITEBYTECODE), when it can write there; the tag names the interpreter and its regular
expression engine, so another never reads them. `_sre.compile` checks the code it is given
(a damaged entry is a RuntimeError, never a crash), and whatever goes wrong (a file of
another shape, a private function of another signature) falls back to `re.compile`: a
pattern is the same object either way (`re.Pattern.__eq__` compares the compiled code:
tests/test_rx.py compares every pattern of the package).

    WORD = rx.compile(r"\\w+", re.I)  # module level, as re.compile
    rx.save()  # at the end of a run (the CLI's exit): codes compiled anew written
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, AnyStr

try:  # the private parts `re.compile` is made of (CPython 3.11 on)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _TAG: str | None = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # another interpreter: `re.compile` alone
    _TAG = None



def _file() -> Path | None:
    """Where this module's bytecode goes (`__pycache__`, or under PYTHONPYCACHEPREFIX),
    named for the interpreter; None on another interpreter."""
    if _TAG is None:
        return None
    return Path(importlib.util.cache_from_source(__file__)).with_name(f"patterns.{_TAG}.marshal")


FILE = _file()  # the codes file (None: none read or written)
# Patterns kept at most: rules written by users add theirs; past this, a save keeps only
# the patterns its own run compiled.
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
    """The codes kept by past runs (empty when there is no readable file)."""
    global _stored
    if _stored is None:
        _stored = {}
        if FILE is not None:
            with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
                found = marshal.loads(FILE.read_bytes())
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
    data = marshal.dumps({(k[1], k[2]): v for k, v in table.items()})
    with contextlib.suppress(OSError):
        FILE.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{FILE.name}.", dir=FILE.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)  # as the bytecode beside it (mkstemp made it 0600)
            os.replace(tmp, FILE)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# A process leaving by os._exit (`cli.finish`, forked workers) skips this: the CLI saves.
atexit.register(save)
