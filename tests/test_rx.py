"""Regular expressions compiled once per interpreter: `rx.compile` gives what `re.compile`
gives, from the code a past run kept or compiled now, and a kept file that is damaged,
foreign or unwritable changes nothing but the time."""

from __future__ import annotations

import importlib
import marshal
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import checker
from checker import rx
from checker.sealedfile import value_of


@pytest.fixture(name="kept")
def kept_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """rx with a codes file of the test's own, and nothing read or made yet."""
    return kept(tmp_path, monkeypatch)


def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """See `kept_fixture`."""
    file = tmp_path / "__pycache__" / "patterns.test.marshal"
    _forget(monkeypatch)
    monkeypatch.setattr(rx, "FILE", file)
    # Whatever this machine says of bytecode (one test sets it): the file is written.
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return file


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process's start, as far as rx knows: nothing read, made or new."""
    monkeypatch.setattr(rx, "_stored", None)
    monkeypatch.setattr(rx, "_made", {})
    monkeypatch.setattr(rx, "_entries", {})
    monkeypatch.setattr(rx, "_fresh", False)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _same(made: re.Pattern[str], pattern: str, flags: int = 0) -> None:
    expected = re.compile(pattern, flags)
    # Equal patterns have equal compiled code (CPython compares it), flags and source.
    assert made == expected
    assert (made.groups, made.groupindex, made.flags) == \
        (expected.groups, expected.groupindex, expected.flags)


PATTERNS = [
    (r"\b(?P<y>\d{4})-(?P<m>\d{2})\b", 0),
    (r"(?i)per\s+cent", 0),
    (r"\bChang['’]?e\b", re.IGNORECASE | re.MULTILINE),
    (r"(?<![\w.])\d+(?:\.\d+)?\s*(?:bn|m)\b", re.VERBOSE),
    ("|".join(f"name{k}" for k in range(300)), re.I),
]


def test_every_pattern_of_the_package_is_the_one_re_compiles() -> None:
    """All modules imported: each pattern they made through rx, kept or compiled now."""
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if not info.name.endswith("__main__"):  # runs the command
            importlib.import_module(info.name)
    assert len(rx._made) > 300
    for (_, pattern, flags), made in rx._made.items():
        _same(made, pattern, flags)


def test_every_pattern_of_the_package_is_the_same_from_kept_codes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    keys = list(rx._made)  # every pattern this process made, before `kept` forgets them
    kept(tmp_path, monkeypatch)
    for key in keys:  # each compiled from its source here, then kept
        rx._compiled(key)
    rx.save()
    _forget(monkeypatch)
    compiled: list[object] = []
    monkeypatch.setattr(rx, "_compiled", compiled.append)
    for _, pattern, flags in keys:
        _same(rx.compile(pattern, flags), pattern, flags)
    assert compiled == [] and len(keys) > 300


def test_codes_kept_by_one_run_make_the_same_patterns_in_the_next(
        kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        _same(rx.compile(pattern, flags), pattern, flags)
    assert rx._fresh
    rx.save()
    mode = (Path(rx.__file__).stat().st_mode | 0o200) & 0o666 & ~_umask()
    assert kept.is_file() and kept.stat().st_mode & 0o777 == mode  # as bytecode's
    _forget(monkeypatch)
    compiled = []
    real = rx._compiled
    monkeypatch.setattr(rx, "_compiled", lambda key: compiled.append(key) or real(key))
    for pattern, flags in PATTERNS:
        made = rx.compile(pattern, flags)
        _same(made, pattern, flags)
        assert made is rx.compile(pattern, flags)  # made once a process
    assert compiled == [] and not rx._fresh  # all from the kept codes: nothing to save
    found = rx.compile(PATTERNS[0][0]).search("launched 2021-07 and")
    assert found is not None and found.group("y", "m") == ("2021", "07")


def test_a_pattern_new_to_the_file_is_added_and_the_others_kept(
        kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rx.compile(PATTERNS[0][0])
    rx.save()
    _forget(monkeypatch)
    rx.compile(PATTERNS[1][0])
    rx.save()
    assert set(_table(kept)) == {(PATTERNS[0][0], 0), (PATTERNS[1][0], 0)}


def test_bytes_patterns_are_kept_apart_from_text_ones(kept: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    made = rx.compile(rb"\A# claimcheck report\r?\n")
    assert made == re.compile(rb"\A# claimcheck report\r?\n")
    assert rx.compile(r"\A# claimcheck report\r?\n") == re.compile(r"\A# claimcheck report\r?\n")
    rx.save()
    _forget(monkeypatch)
    again = rx.compile(rb"\A# claimcheck report\r?\n")
    assert again == made and again.match(b"# claimcheck report\n")
    assert not rx._fresh


@pytest.mark.parametrize("content", [
    b"", b"not marshal at all", marshal.dumps([1, 2, 3]), marshal.dumps({("x", 0): "y"}),
])
def test_a_file_of_another_shape_is_compiled_past(kept: Path, content: bytes) -> None:
    kept.parent.mkdir()
    kept.write_bytes(content)
    for pattern, flags in PATTERNS:
        _same(rx.compile(pattern, flags), pattern, flags)


def _table(file: Path) -> dict[tuple[object, int], object]:
    """The codes a file holds, past its head and seal."""
    return value_of(file.read_bytes().split(b"\n", 2)[2])  # type: ignore[no-any-return]


@pytest.mark.parametrize("damage", ["flip", "truncate", "other version", "unsealed"])
def test_a_damaged_or_foreign_file_is_compiled_past(
        kept: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    """A flipped byte could give a code that _sre accepts and that matches otherwise (the
    code of one pattern under another's name): the file's seal catches it first. A patch
    release of the interpreter may compile otherwise: its file is not read."""
    pattern = PATTERNS[0][0]
    rx.compile(pattern)
    rx.save()
    data = kept.read_bytes()
    if damage == "flip":
        data = data[:-5] + bytes([data[-5] ^ 1]) + data[-4:]
    elif damage == "truncate":
        data = data[:-7]
    elif damage == "other version":
        data = data.replace(sys.version.encode(), b"3.11.0", 1)
    else:
        data = marshal.dumps(_table(kept))
    kept.write_bytes(data)
    _forget(monkeypatch)
    _same(rx.compile(pattern), pattern)
    assert rx._fresh  # compiled from its source, to be saved right


def test_a_code_that_does_not_build_is_compiled_again(
        kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = PATTERNS[0][0]
    bad: dict[tuple[object, int], object] = {(pattern, 0): (0, [1, 2, 3], 2, {}, (None,))}
    monkeypatch.setattr(rx, "_stored", {(str, k[0], k[1]): v for k, v in bad.items()})
    _same(rx.compile(pattern), pattern)
    assert rx._fresh


def test_a_bad_pattern_raises_as_re_compile_does(kept: Path) -> None:
    with pytest.raises(re.error, match="missing \\)"):
        rx.compile(r"(unclosed")


def test_nothing_is_written_where_bytecode_would_not_be(
        kept: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    rx.compile(PATTERNS[0][0])
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    rx.save()
    assert not kept.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the directory would be", "utf-8")
    monkeypatch.setattr(rx, "FILE", blocked / "patterns.test.marshal")
    rx.save()  # cannot be written: no error, as with bytecode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]


def test_past_the_limit_a_save_keeps_only_its_own_run(
        kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rx, "LIMIT", 3)
    for pattern, flags in PATTERNS[:3]:
        rx.compile(pattern, flags)
    rx.save()
    _forget(monkeypatch)
    rx.compile(PATTERNS[3][0], PATTERNS[3][1])
    rx.save()
    assert set(_table(kept)) == {PATTERNS[3][:2]}


def test_the_command_saves_the_codes_though_it_leaves_by_os_exit(tmp_path: Path) -> None:
    """`claimcheck check` ends by os._exit, which skips atexit: `cli.finish` saves them."""
    prefix = tmp_path / "prefix"
    env = {**os.environ, "PYTHONPYCACHEPREFIX": os.fspath(prefix)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    root = Path(__file__).parents[1]
    code = ("import sys; from checker import cli; sys.argv = ['claimcheck', *sys.argv[1:]]; "
            "cli.run(); print('not ended by finish')")
    done = subprocess.run(
        [sys.executable, "-c", code, "check", "--seeds", os.fspath(root / "seeds"),
         "--claims", os.fspath(root / "claims"), "--rules", os.fspath(root / "rules"),
         "--out", os.fspath(tmp_path / "out"), "--no-cache", "--fail-on", "never",
         "--jobs", "1"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "not ended by finish" not in done.stdout  # the os._exit way out was taken
    found = list(prefix.rglob("patterns.*.marshal"))
    assert len(found) == 1
    assert len(_table(found[0])) > 100
