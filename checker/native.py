"""Extraction's readers compiled to C by mypyc, loaded only while they are the sources' build.

`python -m checker.native_build` (run by `make install`) compiles the modules named in
`MODULES` into `build/native/` beside the package, with a manifest of what it compiled: each
source's hash, size and modification time, and the interpreter it was built for. When the
package is imported, `install()` reads the manifest and, if every source is still the one
built and the interpreter the same, puts a finder first on `sys.meta_path` that loads those
modules from their compiled files. Otherwise (no build, an edited source, another Python,
`CLAIMCHECK_PURE=1` set) nothing is installed and every module is the pure Python one:
results are the same either way (tests/test_native.py compares them), only the time differs.

The build lives outside the package, not beside each source: an extension module beside its
`.py` is imported in its place even after the source is edited, and a stale build would run
old code silently. A group of modules is compiled into one library whose modules call each
other directly, so a build is used whole or not at all.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

PURE_ENV = "CLAIMCHECK_PURE"
PACKAGE_DIR = Path(__file__).resolve().parent
BUILD_DIR = PACKAGE_DIR.parent / "build" / "native"
MANIFEST = "manifest.json"
GROUP = "claimcheck_native"

# What extraction runs per clause (issue 3's throughput), and nothing that is monkeypatched
# or introspected: each module here is a native one, whose functions call each other in C
# (a module attribute set from outside no longer changes what its callers call). Not
# `checker.extract` itself: a package's compiled __init__ crashed at import (mypyc).
MODULES: tuple[str, ...] = (
    "checker.extract.attribution", "checker.extract.attribution_cues",
    "checker.extract.attribution_patterns", "checker.extract.batch",
    "checker.extract.candidates", "checker.extract.clean", "checker.extract.clean_lines",
    "checker.extract.clean_lists", "checker.extract.clean_rows", "checker.extract.clean_words",
    "checker.extract.clock_times", "checker.extract.cues", "checker.extract.date_day_rules",
    "checker.extract.date_days", "checker.extract.date_patterns",
    "checker.extract.date_relative", "checker.extract.date_rules",
    "checker.extract.date_seasons", "checker.extract.date_shift", "checker.extract.date_types",
    "checker.extract.dates", "checker.extract.document", "checker.extract.gates",
    "checker.extract.ids", "checker.extract.interview", "checker.extract.markup",
    "checker.extract.named_counts", "checker.extract.quantities",
    "checker.extract.quantity_context", "checker.extract.quantity_cricket",
    "checker.extract.quantity_digits", "checker.extract.quantity_hits",
    "checker.extract.quantity_patterns", "checker.extract.quantity_ranges",
    "checker.extract.quantity_scales", "checker.extract.quantity_shares",
    "checker.extract.quantity_spelled", "checker.extract.quantity_stats",
    "checker.extract.quantity_type", "checker.extract.quantity_values",
    "checker.extract.quantity_words", "checker.extract.segment", "checker.extract.slots",
    "checker.extract.spans", "checker.extract.stance", "checker.extract.streaks",
    "checker.extract.triples", "checker.extract.units", "checker.extract.unwrap",
    "checker.extract.verb_forms", "checker.extract.verdicts", "checker.extract.worktitles",
    "checker.extract.worthiness", "checker.extract.worthiness_cues",
    "checker.extract.zero_counts", "checker.charscan", "checker.lexicon",
    "checker.models.trusted",
    "checker.namechunks",
    "checker.namebounds", "checker.nlp", "checker.predicatespans", "checker.propernames",
    "checker.textutil",
)


class Status(NamedTuple):
    """Whether the compiled modules are in use, and why (or why not)."""

    active: bool
    reason: str
    modules: tuple[str, ...] = ()


def source_of(module: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """The .py file of one of the package's modules."""
    parts = module.split(".")
    assert parts[0] == "checker", module
    return package_dir.joinpath(*parts[1:]).with_suffix(".py")


def interpreter_tag() -> str:
    """What a compiled module is built for: the interpreter, its version and its ABI."""
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    return f"{sys.implementation.cache_tag}{suffix}"


def file_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    import hashlib  # only when a source's time changed: not on every start

    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_manifest(manifest: dict[str, object], build_dir: Path,
                   package_dir: Path = PACKAGE_DIR) -> tuple[dict[str, Path], str]:
    """The compiled file of each module (empty when the build cannot be used) and why."""
    if manifest.get("interpreter") != interpreter_tag():
        return {}, f"built for {manifest.get('interpreter')}, running {interpreter_tag()}"
    entries = manifest.get("modules")
    if not isinstance(entries, dict) or set(entries) != set(MODULES):
        return {}, "built for another list of modules"
    files: dict[str, Path] = {}
    for module, entry in sorted(entries.items()):
        source = source_of(module, package_dir)
        try:
            stat = source.stat()
            # Size and time as built: the same file (a checkout rewrites the time, not the
            # bytes: then the hash decides).
            same = [stat.st_size, stat.st_mtime_ns] == [entry["size"], entry["mtime_ns"]] \
                or file_hash(source) == entry["sha256"]
        except (OSError, KeyError, TypeError):
            same = False
        compiled = build_dir / str(entry.get("file", ""))
        if not same:
            return {}, f"stale: {source.relative_to(package_dir.parent)} changed since the build"
        if not compiled.is_file():
            return {}, f"incomplete: {compiled.name} missing"
        files[module] = compiled
    library = manifest.get("library")
    if not isinstance(library, dict) or not (build_dir / str(library.get("file"))).is_file():
        return {}, "incomplete: the group's library is missing"
    files[str(library["name"])] = build_dir / str(library["file"])
    return files, f"compiled: {len(MODULES)} modules"


def checked_build(build_dir: Path = BUILD_DIR) -> tuple[dict[str, Path], str]:
    """check_manifest of the build in build_dir, or ({}, why there is none to check)."""
    try:
        manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, "not built (python -m checker.native_build)"
    except (OSError, ValueError) as exc:
        return {}, f"unreadable manifest ({exc})"
    if not isinstance(manifest, dict):
        return {}, "a manifest that is no object"
    return check_manifest(manifest, build_dir)


class _Finder:
    """Finds the compiled modules of a checked build (a meta path finder)."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        """The spec of a compiled module, or None for every other module."""
        compiled = self.files.get(fullname)
        if compiled is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(compiled))
        return importlib.util.spec_from_file_location(fullname, compiled, loader=loader)


_STATUS: Status | None = None


def install(build_dir: Path = BUILD_DIR) -> Status:
    """Load the compiled modules from now on, when the build is current (once a process)."""
    global _STATUS
    if _STATUS is not None:
        return _STATUS
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        _STATUS = Status(False, f"pure Python: {PURE_ENV} is set")
        return _STATUS
    files, reason = checked_build(build_dir)
    loaded = [m for m in MODULES if m in sys.modules]
    if files and loaded:  # imported before the finder: the two builds would mix
        files, reason = {}, f"{loaded[0]} was imported before checker"
    if not files:
        _STATUS = Status(False, f"pure Python: {reason}")
        return _STATUS
    sys.meta_path.insert(0, _Finder(files))
    _STATUS = Status(True, reason, MODULES)
    return _STATUS


def status() -> Status:
    """What `install` found (installing first if the package has not yet)."""
    return _STATUS if _STATUS is not None else install()
