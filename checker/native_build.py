"""Compile `checker.native.MODULES` with mypyc into build/native/ (`make install` runs it).

    python -m checker.native_build           # build when a source changed; else nothing
    python -m checker.native_build --force   # build anyway
    python -m checker.native_build --require # fail (exit 1) when it cannot build

It needs mypy (which ships mypyc), setuptools and a C compiler. Without one of them it says
why and exits 0: the package runs as pure Python (`--require` makes that a failure, for CI).
The new build is made in a directory of its own and moved into place whole, its manifest
last, so an interrupted build leaves the previous one or none, never half of one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checker.native import (
    BUILD_DIR,
    GROUP,
    MANIFEST,
    MODULES,
    PACKAGE_DIR,
    checked_build,
    file_hash,
    interpreter_tag,
    source_of,
)

# The script run in a fresh interpreter, in an empty directory: setuptools reads the
# configuration of the directory it runs in, and the project's is not a build of this.
_SETUP = """
import sys
from concurrent.futures import ThreadPoolExecutor
from setuptools import setup
from setuptools._distutils import ccompiler
from mypyc.build import mypycify
sources, config, target, lib, tmp, jobs, group = sys.argv[1:8]

def compile_in_parallel(self, sources, output_dir=None, macros=None, include_dirs=None,
                        debug=0, extra_preargs=None, extra_postargs=None, depends=None):
    # distutils compiles an extension's C files one at a time; the group's library is
    # one extension of ~60 files (each a compiler process: threads are enough).
    macros, objects, extra_postargs, pp_opts, build = self._setup_compile(
        output_dir, macros, include_dirs, sources, depends, extra_postargs)
    cc_args = self._get_cc_args(pp_opts, debug, extra_preargs)
    def one(obj):
        src, ext = build[obj]
        self._compile(obj, src, ext, cc_args, extra_postargs, pp_opts)
    with ThreadPoolExecutor(int(jobs)) as pool:
        list(pool.map(one, objects))
    return objects

ccompiler.CCompiler.compile = compile_in_parallel
setup(name=group, ext_modules=mypycify(
          sources.split(";") + ["--config-file", config], target_dir=target,
          group_name=group, multi_file=True),
      script_args=["build_ext", "--build-lib", lib, "--build-temp", tmp, "--parallel", jobs])
"""

def current(build_dir: Path = BUILD_DIR) -> bool:
    """Whether build_dir holds a build of the sources as they are now."""
    return bool(checked_build(build_dir)[0])


def build(build_dir: Path = BUILD_DIR, jobs: int = 0) -> Path:
    """Compile the modules into build_dir (replaced whole); the manifest's path."""
    root = PACKAGE_DIR.parent
    sources = [source_of(m) for m in MODULES]
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="native-", dir=build_dir.parent) as tmp:
        work = Path(tmp)
        lib = work / "lib"
        # The sources as compiled: read before mypyc reads them, so a file edited during
        # the build is recorded as it was, and the build is not taken for its new text.
        built = [_stamp(source) for source in sources]
        args = [sys.executable, "-c", _SETUP, ";".join(map(str, sources)),
                str(root / "pyproject.toml"), str(work / "c"), str(lib), str(work / "obj"),
                str(jobs or os.cpu_count() or 1), GROUP]
        done = subprocess.run(args, cwd=work, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"mypyc failed ({done.returncode}):\n"
                               f"{done.stdout[-4000:]}{done.stderr[-4000:]}")
        manifest = _manifest(lib, built)
        (lib / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")
        old = work / "old"
        if build_dir.exists():
            build_dir.rename(old)
        lib.rename(build_dir)
    return build_dir / MANIFEST


def _stamp(source: Path) -> dict[str, object]:
    """A source's hash, size and modification time, as a manifest records them."""
    stat = source.stat()
    return {"sha256": file_hash(source), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _manifest(lib: Path, built: list[dict[str, object]]) -> dict[str, object]:
    """What was built: each module's compiled file and its source's stamp as compiled
    (`built`, in the order of MODULES), the group's library."""
    modules: dict[str, object] = {}
    for module, stamp in zip(MODULES, built, strict=True):
        parent = lib.joinpath(*module.split(".")[:-1])
        found = sorted(parent.glob(module.rsplit(".", 1)[1] + ".*"))
        if len(found) != 1:
            raise RuntimeError(f"{module}: {len(found)} compiled files in {parent}")
        modules[module] = {"file": found[0].relative_to(lib).as_posix(), **stamp}
    libraries = sorted(lib.glob(f"{GROUP}__mypyc.*"))
    if len(libraries) != 1:
        raise RuntimeError(f"{len(libraries)} group libraries in {lib}")
    return {"interpreter": interpreter_tag(), "modules": modules,
            "library": {"name": f"{GROUP}__mypyc", "file": libraries[0].name}}


def main(argv: list[str] | None = None) -> int:
    """Build when needed; 0 when built or current (or, without --require, when it cannot)."""
    parser = argparse.ArgumentParser(prog="python -m checker.native_build",
                                     description=__doc__.split("\n", 1)[0])
    parser.add_argument("--force", action="store_true", help="build even when current")
    parser.add_argument("--require", action="store_true",
                        help="exit 1 when the build fails (CI), rather than run pure Python")
    parser.add_argument("--jobs", type=int, default=0, help="C files compiled at once")
    args = parser.parse_args(argv)
    if not args.force and current():
        print("claimcheck native build: current")
        return 0
    started = time.monotonic()
    try:
        import mypyc  # noqa: F401  (only whether it is installed)
    except ImportError:
        return _cannot("mypy (which ships mypyc) is not installed", args.require)
    try:
        build(jobs=args.jobs)
    except (RuntimeError, OSError) as exc:
        return _cannot(str(exc), args.require)
    print(f"claimcheck native build: {len(MODULES)} modules compiled in "
          f"{time.monotonic() - started:.0f} s into {BUILD_DIR}")
    return 0


def _cannot(why: str, require: bool) -> int:
    """Say why there is no build; the exit code --require asks for."""
    print(f"claimcheck native build: not built, the package runs as pure Python: {why}",
          file=sys.stderr)
    return 1 if require else 0


if __name__ == "__main__":
    sys.exit(main())
