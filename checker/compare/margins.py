"""A gap between two figures told as a figure of its own: a winning margin, a lead, a
majority ("Her winning margin was 6,385 votes", "won by 9,114 votes", "a lead of 212
votes") is no tally ("won with 54,310 votes to 47,925"), though both count votes
(`exits.two_facts`). Desk probe Q6: a mayor's margin against her and her rival's votes,
four error-level conflicts among 165 pages."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from checker import rx
from checker.normclaim import NormClaim

# The gap's word, then up to eight words of its own clause before the figure: "margin of
# victory was", "lead of", "majority at the last general election was" (desk probe S),
# "majority fell from 12,000 to"; not across "and", "with", "won", ... (another figure's).
_GAP_BEFORE_RE = rx.compile(
    r"\b(?:margin|lead|majority|gap)\b"
    r"(?:[ \t]+(?!(?:and|but|with|while|as|after|when|which|who|won|took)\b)[^\s.;:,]+){0,8}"
    r"[ \t]+\Z")
# ... or after it: "a 6,385-vote margin", "6,385 votes ahead"; "won by 9,114 votes", "by
# three points" (a winner's score is told "with" its votes, or bare).
_GAP_AFTER_RE = rx.compile(
    r"\A(?:-|[ \t]+)(?:votes?|seats?|points?)?[ \t-]*(?:margin|lead|majority|ahead)\b")
_WON_BY_RE = rx.compile(
    r"\b(?:won|wins?|winning|beat|beaten|leads?|led|ahead)\b[^,;.]{0,40}?\bby[ \t]+\Z")


@lru_cache(maxsize=1 << 14)
def _gaps(text: str, figures: tuple[str, ...]) -> frozenset[str]:
    """The figures of a claim that are gaps (read once a claim, not once a pair). Words
    in lower case: "Lead Mining" is a name."""
    out = set()
    for fig in figures:
        at = text.find(fig)
        if at < 0:
            continue
        before, after = text[max(0, at - 60):at], text[at + len(fig):at + len(fig) + 20]
        if _GAP_BEFORE_RE.search(before) is not None or _GAP_AFTER_RE.match(after) is not None \
                or _WON_BY_RE.search(before) is not None:
            out.add(fig)
    return frozenset(out)


def _counts(c: NormClaim) -> tuple[str, ...]:
    """A claim's counts: a share's or a business's "margin" (an operating margin of 14.2%)
    is a ratio, not a gap."""
    return tuple(q.text for q in c.quantities if q.kind == "count")


# A gap told in one part of the count: "a recount in Millbrook ward, where the first count
# gave Varley a lead of 122 votes", "in the Eastfield constituency", "in the ward".
_LOCAL_RE = rx.compile(
    r"\b(?:in|at|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'-]*[ \t]+)*"
    r"(?:ward|constituency|district|precinct|county|borough|riding|division)\b")


def gap_against_tally(a: NormClaim, b: NormClaim, pairs: Sequence[tuple[str, str]]) -> bool:
    """Among figures that disagree (a's first), one is a gap and the other is not, or
    both are gaps and one is told of a part of the count (a ward's lead against the
    winner's margin: desk probe Q6, two error-level conflicts among 165 pages)."""
    if not pairs:
        return False
    ga = _gaps(a.text, _counts(a))
    gb = _gaps(b.text, _counts(b))
    if not ga and not gb:
        return False
    if any((x in ga) != (y in gb) for x, y in pairs):
        return True
    return (_LOCAL_RE.search(a.text) is None) != (_LOCAL_RE.search(b.text) is None)
