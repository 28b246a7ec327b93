"""Fingerprints survive line moves; output order is deterministic."""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import CheckOptions, run_check
from tests.oracle import assert_built_as_validated


def run(root: Path) -> dict[str, tuple[str, int]]:
    result = run_check(CheckOptions(root=root, seeds=root / "seeds", claims=root / "claims",
                                    rules=root / "rules"))
    return {f.id: (f.kind, f.claims[0].line) for f in result.report.findings}


def test_fingerprints_survive_line_moves(make_corpus, repo: Path) -> None:  # type: ignore[no-untyped-def]
    text = ("China is a member of the International Space Station, the page said.\n"
            "The Chiang’e 6 probe landed on the far side of the moon.\n")
    rules = {p.name: p.read_text(encoding="utf-8") for p in (repo / "rules").glob("*.yaml")}
    root = make_corpus({"a.txt": text}, rules)
    before = run(root)
    (root / "seeds" / "a.txt").write_text("\n\nAn unrelated opening line.\n\n" + text,
                                          encoding="utf-8")
    after = run(root)
    assert before and set(before) == set(after)
    assert all(after[k][1] == before[k][1] + 4 for k in before)


def test_claim_references_equal_validated_ones(repo: Path) -> None:
    from checker.models.report import ClaimRef

    options = CheckOptions(root=repo, seeds=repo / "seeds", claims=repo / "claims",
                           rules=repo / "rules")
    refs = [ref for f in run_check(options).report.findings for ref in f.claims]
    assert refs
    for ref in refs:
        assert_built_as_validated(ref, ClaimRef.model_validate(ref.model_dump()))


def test_compared_findings_equal_validated_ones(repo: Path) -> None:
    """pair_finding and corroboration_finding build their findings trusted."""
    from checker.models.report import Finding

    options = CheckOptions(root=repo, seeds=repo / "seeds", claims=repo / "claims",
                           rules=repo / "rules")
    compared = [f for f in run_check(options).report.findings
                if f.kind in ("conflict", "self-contradiction", "corroboration")]
    assert len({f.kind for f in compared}) >= 2  # pairs and corroborations
    for f in compared:
        assert_built_as_validated(
            f, Finding(**{name: getattr(f, name) for name in f.model_fields_set}))


def test_of_two_findings_sharing_a_fingerprint_the_same_is_kept_in_any_order() -> None:
    from checker.checking import _unique
    from checker.models.common import Severity
    from checker.models.report import Finding

    def finding(message: str, fid: str = "f" * 20) -> Finding:
        return Finding(id=fid, kind="corroboration", severity=Severity.info, message=message,
                       confidence=0.8, reason="agree", claims=[])

    a, b, other = finding("Corroborated by 2"), finding("Corroborated by 3"), finding("x", "e" * 20)
    assert _unique([a, b, other]) == _unique([other, b, a]) == {a.id: a, other.id: other}


def test_a_long_sentences_span_is_shown_cut_around_it() -> None:
    """A CI probe: each misspelling of a page with no full stops carried the whole page."""
    from checker.findings import MAX_SPAN_CONTEXT, _around

    text = " ".join(f"w{i}" for i in range(5000)) + " Chiang'e " + " ".join(
        f"v{i}" for i in range(5000))
    start = text.index("Chiang'e")
    shown = _around(text, 0, len(text), start, start + 8)
    assert "Chiang'e" in shown and len(shown) <= MAX_SPAN_CONTEXT + 2
    assert shown.startswith("\u2026w") and shown.endswith("\u2026")
    assert " w" in shown and not shown[1:].startswith(" ")  # cut at a space
    short = "A short sentence with Chiang'e in it."
    assert _around(short, 0, len(short), 22, 30) == short
