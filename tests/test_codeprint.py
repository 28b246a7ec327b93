"""checker.codeprint: the code's fingerprint follows the code, the Python version and the
libraries' versions, read from their dist-info directories as importlib.metadata reads
them."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import codeprint
from checker.codeprint import code_fingerprint


def test_code_fingerprint_follows_the_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    before = code_fingerprint()
    monkeypatch.setattr(codeprint, "_versions", lambda: "rapidfuzz=0.0.1")
    code_fingerprint.cache_clear()
    try:
        assert code_fingerprint() != before
    finally:
        monkeypatch.undo()
        code_fingerprint.cache_clear()
    assert code_fingerprint() == before


def test_the_libraries_versions_are_their_metadata_versions() -> None:
    """Read from the dist-info directories' names, as importlib.metadata would give them."""
    from importlib import metadata

    expected = ",".join(f"{name}={metadata.version(name)}"
                        for name in codeprint._LIBRARIES)
    assert codeprint._versions() == expected


def test_a_distribution_is_found_first_on_the_path_whatever_its_name_spelling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for directory, names in ((first, ["Ruamel.Yaml-9.1.dist-info", "notes.txt"]),
                             (second, ["ruamel_yaml-9.0.dist-info", "py_stemmer-1.0.dist-info",
                                       "broken.dist-info"])):
        for name in names:
            (directory / name).mkdir(parents=True)
    monkeypatch.setattr("sys.path", [str(tmp_path / "gone"), str(first), str(second)])
    assert codeprint._installed() == {"ruamel_yaml": "9.1", "py_stemmer": "1.0"}


@pytest.mark.parametrize("shadow", ["egg", "zip"])
def test_the_scan_stops_where_a_distribution_may_be_shadowed_unseen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shadow: str) -> None:
    """An .egg-info directory or a zip on the path is read by importlib.metadata only: the
    versions after it are not taken from directory names, but asked of the metadata."""
    first, later = tmp_path / "first", tmp_path / "later"
    (first / "rapidfuzz-1.0.dist-info").mkdir(parents=True)
    (later / "pydantic-9.9.dist-info").mkdir(parents=True)
    if shadow == "egg":
        between = tmp_path / "eggs"
        (between / "pydantic.egg-info").mkdir(parents=True)
    else:
        between = tmp_path / "site.zip"
        between.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    monkeypatch.setattr("sys.path", [str(first), str(between), str(later)])
    assert codeprint._installed() == {"rapidfuzz": "1.0"}
