"""A claim of a hard-wrapped page (its text holding the wrap's line breaks) is compared as
the same claim on one line: normalisation reads it through textutil.one_line."""

from __future__ import annotations

from pathlib import Path

from checker.extract import extract_text
from checker.models.claims import Claim
from checker.models.document import DocumentMeta
from checker.normalize import normalise
from checker.rules import RuleSet
from checker.textutil import one_line

PAGES = Path(__file__).resolve().parents[1] / "acceptance" / "desk" / "pages"


def _wrapped(text: str, width: int = 40) -> str:
    """text with the space nearest each `width`-th character a line break."""
    out = list(text)
    last = 0
    for i, ch in enumerate(text):
        if ch == " " and i - last >= width:
            out[i] = "\n"
            last = i
    return "".join(out)


def test_one_line_keeps_the_length() -> None:
    assert one_line("a\nb\r\nc") == "a b  c"
    text = "no break"
    assert one_line(text) is text


def test_a_wrapped_claim_normalises_as_its_line(ruleset: RuleSet) -> None:
    checked = 0
    for page in sorted(PAGES.glob("[kxz]*.txt")):
        meta = DocumentMeta(published="2026-03-20")
        for claim in extract_text(page.read_text("utf-8"), page.stem, ruleset.lexicon,
                                  meta).claims:
            text = _wrapped(claim.text)
            if text == claim.text:
                continue
            broken = Claim.model_validate({**claim.model_dump(), "text": text})
            flat, wrapped = (normalise(c, page.stem, ruleset.lexicon) for c in (claim, broken))
            assert wrapped.text == flat.text
            assert wrapped == flat, claim.text
            checked += 1
    assert checked > 50
