"""Shared fixtures: the repository, its rules, and small corpora built in tmp_path."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from checker import interrupt, readahead
from checker.rules import RuleSet, load_rules

REPO = Path(__file__).resolve().parents[1]

# No test asserts a time: Hypothesis's per-example deadline (200 ms) is one, and failed a
# property test on a loaded machine (292 ms). Speed is measured by `make bench`.
settings.register_profile("claimcheck", deadline=None)
settings.load_profile("claimcheck")


@pytest.fixture(autouse=True)
def _no_signal_raised() -> Iterator[None]:
    """A test that raises a signal's exit in this process (`interrupt.terminate`) leaves
    no later test's writes refused (`interrupt._RAISED`)."""
    yield
    interrupt.clear()


@pytest.fixture(autouse=True)
def _nothing_read_ahead_left() -> Iterator[None]:
    """A test that stops a run half way leaves no file read ahead for a later test to take
    (`checker.readahead`)."""
    yield
    readahead.forget()


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository root (seeds/, claims/, rules/)."""
    return REPO


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    """The shipped rules."""
    rules, errors = load_rules([REPO / "rules"])
    assert not errors, errors
    return rules


@pytest.fixture()
def project(tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's seeds, claims and rules as the working directory."""
    for name in ("seeds", "claims", "rules"):
        shutil.copytree(repo / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write documents (and optional rules) into tmp_path; return the root."""

    def build(docs: dict[str, str], rules: dict[str, str] | None = None,
              claims: dict[str, str] | None = None) -> Path:
        (tmp_path / "seeds").mkdir(exist_ok=True)
        (tmp_path / "rules").mkdir(exist_ok=True)
        (tmp_path / "claims").mkdir(exist_ok=True)
        for name, text in docs.items():
            (tmp_path / "seeds" / name).write_text(text, encoding="utf-8")
        for name, text in (rules or {}).items():
            (tmp_path / "rules" / name).write_text(text, encoding="utf-8")
        for name, text in (claims or {}).items():
            (tmp_path / "claims" / name).write_text(text, encoding="utf-8")
        return tmp_path

    return build
