"""A fact check's rated claims: the claim its box quotes, and the verdict given on it.

    Claim: "Britain has the highest inflation in Europe - 6.1% and rising."
    Verdict: False

The box line is no sentence of the page (`clean`: furniture), but what it says with its
verdict is the fact checker's finding: the quoted claim is false. So the quote is a claim
of the page with its verdict's polarity (a claim rated false is denied, one rated true is
asserted), and set against the page that made it, it is a conflict, not a corroboration
(desk probe O: the fact check corroborated the blog it refuted). Only clear verdicts are
read: "Misleading", "Half true" or "Missing context" neither assert nor deny the claim.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from checker import rx
from checker.extract.worthiness import score, with_feature
from checker.models.claims import Claim

# A verdict's label, lower case, and whether it says the claim is true.
VERDICTS: Final[dict[str, bool]] = {
    "false": False, "mostly false": False, "fake": False, "fabricated": False,
    "incorrect": False, "wrong": False, "inaccurate": False, "untrue": False,
    "pants on fire": False, "not true": False,
    "true": True, "mostly true": True, "correct": True, "accurate": True,
}
# The box's claim, quoted after its label ("Claim:", "Second claim:", "The claim:").
_CLAIM_RE: Final = rx.compile(
    r"^[ \t]*(?:(?:the|first|second|third|fourth|fifth|another|original|viral)\s+)?claim"
    r"\s*\d*\s*:\s*[\"\u201c](?P<quote>[^\"\u201c\u201d\n]{8,400})[\"\u201d][ \t]*\.?"
    r"(?P<rest>[^\n]*)$", re.IGNORECASE | re.MULTILINE)
# The verdict: on a line of its own below the claim, or after it on the same line.
_VERDICT_RE: Final = rx.compile(
    r"[ \t]*(?:our\s+)?(?:verdict|rating|ruling|conclusion)\s*:\s*(?P<label>[a-z][a-z ]{1,20}?)"
    r"[ \t]*(?:[.!]|$)", re.IGNORECASE | re.MULTILINE)
# A box of headings, the claim and the verdict each on the line below its own ("What was
# claimed" / the claim / "Our verdict" / "Incorrect. The UK's rate was 3.2% ...").
_HEADED_RE: Final = rx.compile(
    r"^[ \t]*(?:what\s+was\s+claimed|the\s+claim)[ \t]*:?[ \t]*\n[ \t]*[\"\u201c]?"
    r"(?P<quote>[^\n\"\u201c\u201d]{8,400}?)[\"\u201d]?[ \t]*\n(?:[^\n]*\n){0,2}?"
    r"[ \t]*(?:our\s+)?verdict[ \t]*:?[ \t]*\n[ \t]*(?P<label>[a-z][a-z ]{1,20}?)[ \t]*(?:[.!:]|$)",
    re.IGNORECASE | re.MULTILINE)
# How many lines below the claim its verdict may be ("Claim: ..." / "Verdict: ...", or a
# "Source of claim:" line between).
_LINES_BELOW: Final = 3


class RatedClaim(NamedTuple):
    """The quoted claim's span (inside the quotes), and whether the verdict calls it true."""

    start: int
    end: int
    true: bool
    label: str


def rated_claims(text: str, folded_lower: str) -> list[RatedClaim]:
    """The claims the page's fact-check boxes quote with a clear verdict, in text order."""
    if "claim" not in folded_lower or not any(
            w in folded_lower for w in ("verdict", "rating", "ruling", "conclusion")):
        return []  # most pages: no box
    out = []
    for m in _CLAIM_RE.finditer(text):
        verdict = _VERDICT_RE.match(m.group("rest")) or _below(text, m.end())
        if verdict is not None:
            out.append(_rated(m, verdict.group("label")))
    if "verdict" in folded_lower:
        out += [_rated(m, m.group("label")) for m in _HEADED_RE.finditer(text)]
    return sorted(r for r in out if r is not None)


def _rated(claim: re.Match[str], label: str) -> RatedClaim | None:
    """The claim quoted in `claim` with its verdict's label, if the label is a clear one."""
    key = " ".join(label.lower().split())
    return RatedClaim(claim.start("quote"), claim.end("quote"), VERDICTS[key], key) \
        if key in VERDICTS else None


def _below(text: str, at: int) -> re.Match[str] | None:
    """The verdict on one of the few lines below position `at` (the end of a claim line)."""
    for _ in range(_LINES_BELOW):
        if at >= len(text):
            return None
        end = text.find("\n", at + 1)
        end = len(text) if end < 0 else end
        found = _VERDICT_RE.fullmatch(text, at + 1, end)
        if found:
            return found
        if _CLAIM_RE.match(text, at + 1, end):
            return None  # the next box's claim: this one has no verdict
        at = end
    return None


def rated_claim(base: Claim | None, r: RatedClaim, threshold: float) -> Claim | None:
    """The claim read from the box's quote, with its verdict: denied when rated false (its
    polarity turned), asserted when rated true; None under the threshold."""
    if base is None or base.attribution is not None:
        # 'Claim: "The minister said there are no food banks in Surrey." Verdict: False':
        # whether he said it or it is so, the verdict does not say; turned, the claim would
        # put words in his mouth (a review).
        return None
    features = with_feature(base.features, "rated-true" if r.true else "rated-false")
    rated_score = score(features)
    if rated_score < threshold:
        return None
    said = base.polarity if r.true else "positive" if base.polarity == "negative" else "negative"
    return base.model_copy(update={"features": features, "score": rated_score,
                                   "polarity": said})


def with_rated(claims: list[Claim], rated: list[Claim]) -> list[Claim]:
    """The page's claims and its rated ones in text order; a claim of the box's own words
    ('Claim: "Crime has doubled." Verdict: False. ...' read as prose) gives way to the
    rated one."""
    kept = [c for c in claims if not any(c.span[0] <= r.span[0] and r.span[1] <= c.span[1]
                                         for r in rated)]
    return sorted(kept + rated, key=lambda c: c.span[0])
