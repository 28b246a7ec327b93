"""Polarity (negation), modality (asserted, planned, reported, hedged), attribution and
correction notes: how a sentence holds its fact."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.textutil import fold

NEGATION_RE = re.compile(
    r"\b(?:not|never|no longer|n't|cannot|neither|nor|none|nobody|nothing|nowhere|"
    r"without|denied|denies|deny|refused|refuses|false that|untrue that)\b|n't\b"
    r"|\bno\s+(?!doubt\b|matter\b|longer\b|one\s+else\b|later\b|more\s+than\b|less\s+than\b|"
    r"fewer\s+than\b|sooner\b)[a-z]",
    re.IGNORECASE,
)
# Negators that do not negate the main fact.
_NOT_NEGATING_RE = re.compile(
    r"\bnot\s+only\b|\bnot\s+necessarily\b|\bnot\s+just\b|\bno\s+doubt\b|\bnot\s+least\b|"
    r"\bif\s+not\b|\bwhether\s+or\s+not\b|\bnot\s+to\s+mention\b|\bnone\s+other\s+than\b",
    re.IGNORECASE,
)
HEDGE_RE = re.compile(
    r"\b(?:may|might|could|possibly|perhaps|probably|likely|unlikely|reportedly|allegedly|"
    r"apparently|seemingly|believed\s+to|thought\s+to|said\s+to\s+be|appears?\s+to|seems?\s+to|"
    r"suggests?|estimated|potentially|rumou?red|unconfirmed|claims?\s+that|purportedly)\b",
    re.IGNORECASE,
)
FUTURE_RE = re.compile(
    r"\b(?:will|won't|shall|'ll|is\s+to|are\s+to|is\s+set\s+to|are\s+set\s+to|is\s+due\s+to|"
    r"are\s+due\s+to|scheduled\s+to|plans?\s+to|planning\s+to|aims?\s+to|intends?\s+to|"
    r"expected\s+to|expects?\s+to|would\s+soon|is\s+going\s+to|are\s+going\s+to|envisions?|"
    r"upcoming|next\s+year|to\s+be\s+delivered|aspires?\s+to)\b",
    re.IGNORECASE,
)
_SOURCE = r"(?P<source>[A-Z][\w.'&-]*(?:\s+(?:[A-Z][\w.'&-]*|of|the|and|for|de|al))*)"
ATTRIBUTION_RES = [
    re.compile(r"\baccording\s+to\s+(?P<source>(?:the\s+|a\s+|data\s+from\s+)?[^,.;:\"]{2,80}?)"
               r"(?=\s*(?:[,.;:\"]|$|\s+(?:which|who|that|in\s+a)\b))", re.IGNORECASE),
    re.compile(rf"[,\"]\s*(?:said|says|told\s+\w+|added|noted|stated|reported|wrote)\s+{_SOURCE}"),
    re.compile(rf"(?:^|[,.\"]\s*|\b(?:and|but)\s+){_SOURCE}\s+(?:said|says|told|added|noted|"
               r"stated|reported|announced|wrote|confirmed|claimed|estimated)\b"),
    re.compile(r"\b(?P<source>(?:he|she|they|it))\s+(?:said|says|told|added|noted)\b",
               re.IGNORECASE),
    re.compile(r"\b(?:based\s+on|citing|quoting)\s+(?P<source>[^,.;]{2,60}?)(?=[,.;]|$)",
               re.IGNORECASE),
]
CORRECTION_RE = re.compile(
    r"^\W*(?:correction|clarification|update|editor'?s\s+note|erratum)\s*[:\-]", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Attrib:
    """An attribution found in a sentence."""

    text: str
    source: str
    start: int
    end: int


def polarity(sentence: str) -> str:
    """`negative` when the sentence negates its fact ("NOT", "never", "no longer")."""
    folded = _NOT_NEGATING_RE.sub(" ", fold(sentence))
    return "negative" if NEGATION_RE.search(folded) else "positive"


def is_future(sentence: str) -> bool:
    """Whether the sentence talks about something planned or expected."""
    return bool(FUTURE_RE.search(fold(sentence)))


def modality(sentence: str, attributed: bool) -> str:
    """planned (future), hedged, reported (attributed) or asserted."""
    folded = fold(sentence)
    if FUTURE_RE.search(folded):
        return "planned"
    if HEDGE_RE.search(folded):
        return "hedged"
    if attributed:
        return "reported"
    return "asserted"


def attribution(text: str, start: int, end: int) -> Attrib | None:
    """The first attribution in text[start:end], with its span."""
    folded = fold(text)
    best: Attrib | None = None
    for pattern in ATTRIBUTION_RES:
        m = pattern.search(folded, start, end)
        if not m:
            continue
        source = m.group("source").strip()
        if source.lower() in ("it",) or len(source) < 2:
            continue
        begin = m.start("source") if pattern in ATTRIBUTION_RES[2:4] else m.start()
        raw = fold(text[begin:m.end()])
        begin += len(raw) - len(raw.lstrip(' ,."'))
        cand = Attrib(text[begin:m.end()], text[m.start("source"):m.end("source")].strip(),
                      begin, m.end())
        if best is None or cand.start < best.start:
            best = cand
    return best


def is_correction(sentence: str) -> bool:
    """A correction or clarification note ("Correction: China is NOT a member ...")."""
    return bool(CORRECTION_RE.match(fold(sentence)))
