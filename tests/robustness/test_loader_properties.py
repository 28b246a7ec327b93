"""Properties of every loader: random and mutated input never raises anything but the
tool's own located errors, and rendering a claim file is a fixed point of loading it."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.claimfiles import load_claim_file, render_claim_file
from checker.config import load_config
from checker.decisions import load_decisions
from checker.errors import ClaimcheckError
from checker.ingest import load_documents, read_document
from checker.models.claims import ClaimFile
from checker.rules import load_rules
from checker.yamlio import parse_yaml
from tests.conftest import REPO
from tests.robustness.strategies import claim_files, mutated, mutated_bytes, nasty_text

CLAIM_FILE = (REPO / "claims" / "000_157f4fd9ca80a9df.yaml").read_text(encoding="utf-8")[:6000]
RULE_FILES = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "rules").glob("*.yaml")}
DOCUMENT = (REPO / "seeds" / "000_157f4fd9ca80a9df.txt").read_bytes()[:3000]
META = (REPO / "seeds" / "000_157f4fd9ca80a9df.meta.yaml").read_text(encoding="utf-8")
DECISIONS = """schema_version: "1"
decisions:
  0123456789abcdef:
    decision: false-alarm
    note: "quoted, not asserted"
    author: Desk A
    decided_at: "2025-05-01T10:00:00Z"
    text_hash: 0123456789abcdef
    kind: conflict
    documents: ["000", "001"]
"""
CONFIG = """seeds = "seeds"
fail-on = "warning"
ignore = ["style"]
threshold = 0.5
jobs = 2
"""


@contextmanager
def workdir() -> Iterator[Path]:
    # Hypothesis runs many examples per test: a fresh directory each, not a fixture.
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def _errors_are_located(errors: list[ClaimcheckError], name: str) -> None:
    for error in errors:
        assert isinstance(error, ClaimcheckError)
        assert error.location is not None and name in error.location.path, error


@settings(max_examples=60)
@given(st.one_of(mutated(CLAIM_FILE), nasty_text))
def test_claim_file_loader_never_crashes(text: str) -> None:
    with workdir() as tmp:
        path = tmp / "doc.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        loaded, errors = load_claim_file(path, "claims/doc.yaml")
        _errors_are_located(errors, "claims/doc.yaml")
        assert loaded is not None or errors


@settings(max_examples=30)
@given(mutated_bytes(CLAIM_FILE.encode("utf-8")))
def test_claim_file_loader_survives_bytes(raw: bytes) -> None:
    with workdir() as tmp:
        path = tmp / "doc.yaml"
        path.write_bytes(raw)
        _, errors = load_claim_file(path, "claims/doc.yaml")
        _errors_are_located(errors, "claims/doc.yaml")


@settings(max_examples=40)
@given(claim_files)
def test_claim_file_render_load_render_is_a_fixed_point(model: ClaimFile) -> None:
    with workdir() as tmp:
        path = tmp / "doc.yaml"
        first = render_claim_file(model, tmp)
        path.write_text(first, encoding="utf-8")
        loaded, errors = load_claim_file(path, "doc.yaml")
        assert not [e for e in errors if e.code != "consistency"], errors
        assert loaded is not None
        assert loaded.model == model
        assert render_claim_file(loaded.model, tmp) == first


@settings(max_examples=40)
@given(st.sampled_from(sorted(RULE_FILES)).flatmap(lambda n: mutated(RULE_FILES[n])))
def test_rule_loader_never_crashes(text: str) -> None:
    with workdir() as tmp:
        (tmp / "rules.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        ruleset, errors = load_rules([tmp], {tmp / "rules.yaml": "rules/rules.yaml"})
        for error in errors:
            assert isinstance(error, ClaimcheckError)
        assert ruleset.lexicon is not None


@settings(max_examples=40)
@given(st.one_of(mutated_bytes(DOCUMENT), st.binary(max_size=300)),
       st.sampled_from([".txt", ".md"]))
def test_document_reader_never_crashes(raw: bytes, suffix: str) -> None:
    with workdir() as tmp:
        path = tmp / f"doc{suffix}"
        path.write_bytes(raw)
        try:
            doc = read_document(path, f"seeds/doc{suffix}")
        except ClaimcheckError as exc:
            assert exc.location is not None and exc.location.path == f"seeds/doc{suffix}"
            return
        assert "\ufeff" not in doc.text[:1]  # a BOM is never part of the text
        assert 0 <= doc.body_start <= len(doc.text)


@settings(max_examples=30)
@given(st.one_of(mutated(META), nasty_text), st.booleans())
def test_metadata_never_crashes(meta: str, front_matter: bool) -> None:
    with workdir() as tmp:
        if front_matter:
            (tmp / "doc.md").write_text(f"---\n{meta}\n---\nText.\n", encoding="utf-8",
                                        errors="surrogatepass")
        else:
            (tmp / "doc.txt").write_text("Text.\n", encoding="utf-8")
            (tmp / "doc.meta.yaml").write_text(meta, encoding="utf-8", errors="surrogatepass")
        docs, errors = load_documents(sorted(tmp.iterdir()), tmp)
        for error in errors:
            assert isinstance(error, ClaimcheckError) and error.location is not None


@settings(max_examples=40)
@given(st.one_of(mutated(CONFIG), nasty_text, st.sampled_from([
    "tool = 5", "[tool]\nclaimcheck = 1", "out = 5", "select = \"x\"", "jobs = -1"])),
    st.sampled_from(["claimcheck.toml", "pyproject.toml", "pyproject-section"]))
def test_config_loader_never_crashes(text: str, where: str) -> None:
    with workdir() as tmp:
        body = f"[tool.claimcheck]\n{text}" if where == "pyproject-section" else text
        name = "claimcheck.toml" if where == "claimcheck.toml" else "pyproject.toml"
        (tmp / name).write_text(body, encoding="utf-8", errors="surrogatepass")
        try:
            load_config(tmp)
        except ClaimcheckError as exc:
            assert exc.location is not None and exc.location.path == name


@settings(max_examples=40)
@given(st.one_of(mutated(DECISIONS), mutated_bytes(DECISIONS.encode()).map(
    lambda b: b.decode("utf-8", "replace"))))
def test_decisions_loader_never_crashes(text: str) -> None:
    with workdir() as tmp:
        path = tmp / "decisions.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        _, errors = load_decisions(path, "reviews/decisions.yaml")
        _errors_are_located(errors, "reviews/decisions.yaml")


@settings(max_examples=40)
@given(nasty_text)
def test_yaml_parser_raises_only_located_errors(text: str) -> None:
    try:
        parse_yaml(text, "x.yaml")
    except ClaimcheckError as exc:
        assert exc.location is not None and exc.location.path == "x.yaml"


def test_decisions_fixture_text_is_valid() -> None:
    # The mutations start from a valid file, so they probe the edges of the format.
    with workdir() as tmp:
        path = tmp / "decisions.yaml"
        path.write_text(DECISIONS, encoding="utf-8")
        model, errors = load_decisions(path)
        assert not errors and len(model.decisions) == 1
        (tmp / "claimcheck.toml").write_text(CONFIG, encoding="utf-8")
        assert load_config(tmp)[0].jobs == 2
