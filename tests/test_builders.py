"""Conflict messages say what disagrees, for every reason comparison gives."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from checker.builders import _conflict_message


@pytest.mark.parametrize(("reason", "details", "expected"), [
    ("roles", {"roles": ["argentina beat france", "france beat argentina"]},
     "Opposite roles in the same event: a says argentina beat france, b says france beat "
     "argentina"),
    ("value", {"descriptions": "an actress / a singer"},
     "a and b give different answers to one question (an actress / a singer)"),
    ("polarity", {}, "a and b state opposite things (positive vs negative)"),
])
def test_conflict_message(reason: str, details: dict[str, Any], expected: str) -> None:
    a = SimpleNamespace(doc="a", polarity="positive")
    b = SimpleNamespace(doc="b", polarity="negative")
    assert _conflict_message(reason, a, b, details) == expected  # type: ignore[arg-type]


def test_a_stale_finding_is_the_same_wherever_its_claim_file_is_shown_from() -> None:
    from checker.builders import stale_finding
    from checker.corpus import DocClaims
    from checker.ingest import document_from_text

    doc = document_from_text("d", "Text.\n")
    here = stale_finding(DocClaims(doc, [], claim_file="claims/d.yaml", stale=True))
    there = stale_finding(DocClaims(doc, [], claim_file="/ci/work/repo/claims/d.yaml",
                                    stale=True))
    other = stale_finding(DocClaims(doc, [], claim_file="claims/e.yaml", stale=True))
    assert here.id == there.id != other.id


def test_a_corroboration_says_which_document_copies_which() -> None:
    # a review: "1 not independent" named neither page, nor why
    from checker.builders import _copied
    from checker.compare import Corroboration

    def claim(doc: str, text: str) -> Any:
        return SimpleNamespace(doc=doc, text=text)

    said = "The project will employ 4,000 workers at its peak."
    copied = Corroboration((claim("b_gazette", said), claim("a_herald", " " + said.upper()),
                            claim("c_wire", "About 4,000 people will work on the dam.")),
                           3, 2, 0.9)
    assert _copied(copied) == ": b_gazette words it as a_herald does"
    apart = Corroboration((claim("a", "One wording."), claim("b", "Another wording.")), 2, 1,
                          0.9)
    assert _copied(apart) == ": a shared origin or a near-identical wording"


def test_a_corroboration_says_which_documents_share_an_origin() -> None:
    # a review: with origins declared, the message said "a shared origin or a
    # near-identical wording" and named no page
    from checker.builders import _copied
    from checker.compare import Corroboration

    def claim(doc: str, text: str) -> Any:
        return SimpleNamespace(doc=doc, text=text)

    claims = (claim("c_wire", "About 4,000 people will work on the dam."),
              claim("a_herald", "The project will employ 4,000 workers at its peak."),
              claim("b_gazette", "Some 4,000 workers will build the dam."),
              claim("d_post", "The dam will take 4,000 workers."))
    origins = {"a_herald": "a_herald", "b_gazette": "a_herald", "c_wire": "c_wire",
               "d_post": "a_herald"}
    shared = Corroboration(claims, 4, 2, 0.9)
    assert _copied(shared, origins) == ": b_gazette, d_post share an origin with a_herald"
    # pages that word it alike are said so once, not again as sharing an origin
    worded = Corroboration((claims[1], claim("b_gazette", claims[1].text), claims[0]), 3, 2,
                           0.9)
    assert _copied(worded, origins) == ": b_gazette words it as a_herald does"
    assert _copied(shared) == ": a shared origin or a near-identical wording"
