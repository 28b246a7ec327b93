"""checker.native: a build is used only while it is the sources' build, whole, and gives the
pure Python modules' results (the compiled extraction is compared with the pure one)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checker import native
from checker.native import GROUP, MODULES, check_manifest, file_hash, interpreter_tag

ROOT = Path(__file__).resolve().parent.parent
# CI builds the modules and requires them (.ci/run): there, not running them is a failure.
REQUIRED = os.environ.get("CLAIMCHECK_REQUIRE_NATIVE", "") not in ("", "0")


def _fake_build(build: Path) -> dict[str, Any]:
    """A build directory of empty files and the manifest describing the sources as they are."""
    modules = {}
    for module in MODULES:
        name = f"{module.replace('.', '/')}.so"
        (build / name).parent.mkdir(parents=True, exist_ok=True)
        (build / name).write_bytes(b"")
        stat = native.source_of(module).stat()
        modules[module] = {"file": name, "sha256": file_hash(native.source_of(module)),
                           "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    (build / "lib.so").write_bytes(b"")
    return {"interpreter": interpreter_tag(), "modules": modules,
            "library": {"name": f"{GROUP}__mypyc", "file": "lib.so"}}


def test_a_build_of_the_sources_as_they_are_is_used_whole(tmp_path: Path) -> None:
    files, reason = check_manifest(_fake_build(tmp_path), tmp_path)
    assert reason == f"compiled: {len(MODULES)} modules"
    assert set(files) == {*MODULES, f"{GROUP}__mypyc"}
    assert files["checker.extract.document"] == tmp_path / "checker/extract/document.so"


def test_a_source_whose_time_changed_but_not_its_bytes_is_still_the_one_built(
        tmp_path: Path) -> None:
    manifest = _fake_build(tmp_path)
    manifest["modules"]["checker.lexicon"]["mtime_ns"] += 1  # a checkout's new time
    assert check_manifest(manifest, tmp_path)[0]


@pytest.mark.parametrize("change, why", [
    (lambda m: m["modules"]["checker.lexicon"].update(mtime_ns=1, sha256="0" * 64),
     "stale: checker/lexicon.py changed since the build"),
    (lambda m: m.update(interpreter="cpython-310.so"), "built for cpython-310.so"),
    (lambda m: m["modules"].pop("checker.nlp"), "built for another list of modules"),
    (lambda m: m["modules"]["checker.nlp"].update(file="gone.so"), "incomplete: gone.so"),
    (lambda m: m["library"].update(file="gone.so"), "incomplete: the group's library"),
    (lambda m: m["modules"]["checker.nlp"].pop("size"), "stale: checker/nlp.py"),
])
def test_a_build_that_is_not_the_sources_is_not_used(tmp_path: Path, change: Any,
                                                     why: str) -> None:
    manifest = _fake_build(tmp_path)
    change(manifest)
    files, reason = check_manifest(manifest, tmp_path)
    assert files == {}
    assert reason.startswith(why)


def test_a_build_found_after_its_modules_were_imported_is_not_mixed_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.extract.document  # noqa: F401  (one of the modules, imported already)

    manifest = _fake_build(tmp_path)
    (tmp_path / native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(native, "_STATUS", None)
    finders = list(sys.meta_path)
    status = native.install(tmp_path)
    assert not status.active
    assert "was imported before checker" in status.reason
    assert sys.meta_path == finders


@pytest.mark.parametrize("manifest, why", [
    (None, "pure Python: not built"),
    ("{not json", "pure Python: unreadable manifest"),
    ("[]", "pure Python: a manifest that is no object"),
])
def test_no_build_or_a_broken_manifest_is_pure_python(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, manifest: str | None,
        why: str) -> None:
    if manifest is not None:
        (tmp_path / native.MANIFEST).write_text(manifest, encoding="utf-8")
    monkeypatch.setattr(native, "_STATUS", None)
    status = native.install(tmp_path)
    assert (status.active, status.reason[:len(why)]) == (False, why)


_STATUS = """
import json, sys
import checker.native, checker.extract.document as d
s = checker.native.status()
print(json.dumps([s.active, s.reason, d.__file__]))
"""


def _status(env: dict[str, str]) -> list[Any]:
    done = subprocess.run([sys.executable, "-c", _STATUS], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **env}, check=True, timeout=120)
    found: list[Any] = json.loads(done.stdout)
    return found


def test_claimcheck_pure_set_runs_the_python_modules() -> None:
    active, reason, where = _status({native.PURE_ENV: "1"})
    assert (active, reason) == (False, "pure Python: CLAIMCHECK_PURE is set")
    assert where.endswith("extract/document.py")


def _built() -> bool:
    active, _, _ = _status({native.PURE_ENV: ""})
    return bool(active)


def test_the_build_is_used_where_ci_requires_it() -> None:
    active, reason, where = _status({native.PURE_ENV: ""})
    if not REQUIRED and not active:
        pytest.skip(f"no native build here ({reason}); CI requires one")
    assert active, reason
    assert Path(where).is_relative_to(native.BUILD_DIR)
    assert not where.endswith(".py")


_EXTRACT = """
import hashlib, sys
from pathlib import Path
from checker.extract import extract_text
from checker.extract.batch import extract_batch
from checker.ingest import discover, load_documents
from checker.rules import load_rules
root = Path(sys.argv[1])
ruleset, _ = load_rules([root / "rules"])
out = hashlib.sha256()
count = 0
for corpus in sys.argv[2:]:
    docs, _ = load_documents(discover(root / corpus), root)
    count += len(docs)
    for threshold in (0.0, 0.5):
        for f in extract_batch(docs, ruleset.lexicon, threshold):
            out.update(f.model_dump_json().encode())
out.update(extract_text("China said on Monday it had NOT joined the ISS, up 5% from 2021.",
                        doc_id="t", lexicon=ruleset.lexicon).model_dump_json().encode())
print(count, out.hexdigest())
"""


def _extracted(pure: bool) -> str:
    corpora = ["seeds", "tests/acceptance/desk/pages", "tests/extract/data/probes"]
    done = subprocess.run([sys.executable, "-c", _EXTRACT, str(ROOT), *corpora],
                          capture_output=True, text=True, cwd=ROOT, check=True, timeout=600,
                          env={**os.environ, native.PURE_ENV: "1" if pure else ""})
    return done.stdout


def test_compiled_extraction_gives_the_pure_modules_claims_byte_for_byte() -> None:
    if not _built():
        if REQUIRED:
            pytest.fail("CI requires the native build")
        pytest.skip("no native build here")
    compiled, pure = _extracted(pure=False), _extracted(pure=True)
    assert int(pure.split()[0]) > 100  # the desk corpus's pages were read
    assert compiled == pure


def test_the_version_line_says_whether_extraction_runs_compiled() -> None:
    done = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True,
                          text=True, cwd=ROOT, check=True, timeout=120,
                          env={**os.environ, native.PURE_ENV: "1"})
    assert done.stdout.strip() == \
        "claimcheck, version 0.1.0 (pure Python: CLAIMCHECK_PURE is set)"
    active, reason, _ = _status({native.PURE_ENV: ""})
    done = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True,
                          text=True, cwd=ROOT, check=True, timeout=120,
                          env={**os.environ, native.PURE_ENV: ""})
    assert done.stdout.strip().endswith(f"({reason})")
    assert (f"compiled: {len(native.MODULES)} modules" in done.stdout) == active


def test_the_manifest_records_the_sources_as_compiled_not_as_they_are_after(
        tmp_path: Path) -> None:
    # A source edited while mypyc ran: the build is of its text before (the stamps taken
    # first), so the manifest says that text, and the edited source is not taken as built.
    from checker import native_build
    lib = tmp_path / "lib"
    for module in MODULES:
        name = lib / f"{module.replace('.', '/')}.cpython-311-x86_64-linux-gnu.so"
        name.parent.mkdir(parents=True, exist_ok=True)
        name.write_bytes(b"")
    (lib / f"{GROUP}__mypyc.so").write_bytes(b"")
    stamps = [native_build._stamp(native.source_of(m)) for m in MODULES]
    stamps[0] = {**stamps[0], "sha256": "0" * 64, "mtime_ns": 1}  # the text it was built from
    manifest = native_build._manifest(lib, stamps)
    first = manifest["modules"][MODULES[0]]  # type: ignore[index]
    assert first["sha256"] == "0" * 64 and first["mtime_ns"] == 1
    assert first["file"].startswith(MODULES[0].replace(".", "/"))
    (tmp_path / "build").mkdir()
    for module in MODULES:
        target = tmp_path / "build" / manifest["modules"][module]["file"]  # type: ignore[index]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")
    (tmp_path / "build" / f"{GROUP}__mypyc.so").write_bytes(b"")
    files, reason = check_manifest(manifest, tmp_path / "build")
    assert not files and reason.startswith("stale: " + MODULES[0].replace(".", "/") + ".py")
