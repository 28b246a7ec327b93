"""Attribution: who a sentence says told its fact ("according to SIPRI", "..., the
ministry said", "The study suggests that ..."), with its span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract.attribution_cues import GATES as _ATTRIBUTION_GATES
from checker.extract.attribution_cues import PATTERN_NEEDS as _PATTERN_NEEDS
from checker.extract.cues import lower_twin
from checker.textutil import fold

_NAME = r"[A-Z][\w.'&-]*(?:\s+(?:[A-Z][\w.'&-]*|of|the|and|for|de|al|bin))*"
_SOURCE = rf"(?P<source>{_NAME})"
_SAY = (r"said|says|told|added|noted|stated|reported|announced|wrote|confirmed|claimed|"
        r"estimated|shows?|showed|found|explained|warned|insisted|argued|tweeted|posted|"
        r"denied|denies")
_LEAD_WORDS_RE = re.compile(
    r"^(?:the|a|an|its|their|data|figures|statistics|estimates|a\s+report|a\s+statement|"
    r"a\s+survey)"
    r"(?:\s+(?:from|by|of))?\s+", re.IGNORECASE)
ATTRIBUTION_RES: list[tuple[re.Pattern[str], bool]] = [
    # (pattern, whether the attribution text starts at the source rather than the match)
    # (?=...) hints: the possible first letters, so the engine skips other positions at once.
    (re.compile(r"(?=a)\baccording\s+to\s+(?P<source>[^,.;:\"]{2,80}?)"
                r"(?=\s*(?:[,.;:\"]|$|\s+(?:which|who|that|in\s+a|as|can|is|was)\b))",
                re.IGNORECASE), False),
    # '..., said Siemon Wezeman, a senior researcher': the name ends the clause.
    (re.compile(rf"[,\"]\s*(?:said|says|told\s+\w+|added|noted|stated|wrote)\s+{_SOURCE}"
                r"(?=\s*(?:[,.;\"]|$))"), False),
    # 'Song Zhongping, a military commentator, said ...': a name, an apposition, the verb.
    (re.compile(rf"^[\"']?{_SOURCE},\s+(?:a|an|the|who|chief|head)\b[^,;]{{2,90}},\s+"
                rf"(?:{_SAY})\b"), True),
    (re.compile(rf"(?:^[\"']?|[,.\"]\s+|\b(?:and|but|while)\s+){_SOURCE}\s+(?:has\s+|had\s+)?"
                rf"(?:{_SAY})\b"), True),
    # '..., the census bureau said', '..., officials in Washington said on Monday'
    (re.compile(r"[,\"]\s*(?P<source>(?:(?:the|its|their|a)\s+)?(?:[\w'-]+\s+){0,5}?"
                r"(?:statement|ministry|release|report|spokesperson|spokesman|spokeswoman|"
                r"embassy|agency|company|government|office|bureau|officials?|department|"
                r"authority|commission|police|army|military|sources?|data|database|article|"
                r"paper|newspaper|study|survey|analysts?|experts?)"
                r"(?:\s+(?:by|of|from|in)\s+[\w ]{2,40}?)?)\s+(?:said|says|stated|shows?|"
                r"reported|added|noted|claimed|found|estimated)\b", re.IGNORECASE), True),
    # '..., the IMD said', '..., an aide said', '..., the Federal Aviation Administration
    # said it handled ...': a short noun phrase after a comma, then the verb.
    # No (?=...) hint where the pattern starts with a character or a class of them (as here
    # and below): the engine then skips to them by itself, faster than through a lookahead.
    (re.compile(r"[,\"]\s*(?P<source>(?:the|an?|its|their)\s+(?:(?!(?:after|before|"
                r"when|since|while|as|that|which|because|until|if)\b)[\w'-]+\s+){0,4}?"
                r"[\w'-]+)\s+(?:said|says|told|added|noted|stated)\b"), True),
    # "Italy's prime minister, Giorgia Meloni, said": the name between commas.
    (re.compile(rf",\s+{_SOURCE},\s+(?:{_SAY})\b"), True),
    # 'Chief executive Ken Murphy said:', 'Finance Minister Ishaq Dar said'
    (re.compile(rf"(?:^|[,.\"]\s+)(?i:(?:[a-z]+\s+)?(?:chief\s+executive|chief\s+economist|"
                rf"prime\s+minister|finance\s+minister|minister|president|spokes(?:person|man|"
                rf"woman)|director|chair(?:man|woman)?|governor|ceo|analyst|professor))\s+"
                rf"{_SOURCE}\s+(?:{_SAY})\b"), True),
    # 'official data showed', 'customs figures show'
    (re.compile(r"(?=[ogctrfm])\b(?P<source>(?:official|government|customs|trade|ministry|"
                r"census|first)\s+(?:data|figures|statistics|estimates))\s+(?:showed|shows?)\b",
                re.IGNORECASE), False),
    (re.compile(r"(?=[hst])\b(?P<source>he|she|they)\s+(?:said|says|told|added|noted)\b",
                re.IGNORECASE), True),
    (re.compile(r"(?=[cq])\b(?:citing|quoting)\s+(?P<source>[^,.;]{2,60}?)(?=[,.;]|$)",
                re.IGNORECASE), False),
    # "based on" is attribution only with a named body of evidence ("Datareportal figures").
    (re.compile(r"(?=b)\bbased\s+on\s+(?P<source>[^,.;]{0,50}?\b(?:data|figures|statistics|"
                r"estimates|report|survey|analysis|research|database|census))(?=[,.;]|$)",
                re.IGNORECASE), False),
]
_ATTRIBUTION_TWINS = [lower_twin(pattern) for pattern, _ in ATTRIBUTION_RES]
_NOT_SOURCES = frozenset({"it", "this", "that", "there", "which", "these", "those"})


@dataclass(frozen=True, slots=True)
class Attrib:
    """An attribution found in a sentence."""

    text: str
    source: str
    start: int
    end: int


def attribution(text: str, start: int, end: int, folded: str | None = None) -> Attrib | None:
    """The first attribution in text[start:end], with its span."""
    sentence = (fold(text) if folded is None else folded)[start:end]
    lower = sentence.lower()
    gates = _ATTRIBUTION_GATES.mask(lower)
    if not gates & 1:
        return None
    if not sentence.isascii():
        gates = -1  # every pattern is tried (see attribution_cues)
    best: Attrib | None = None
    for (pattern, from_source), need, twin in zip(ATTRIBUTION_RES, _PATTERN_NEEDS,
                                                  _ATTRIBUTION_TWINS, strict=True):
        if gates & need != need:
            continue
        # In ASCII text the lower-case twin finds the same spans; the source's case is read
        # from the sentence (of the match, only its length and lower case are).
        m = twin.search(lower) if twin is not None and gates != -1 else pattern.search(sentence)
        if not m:
            continue
        source = m.group("source").strip()
        if source.lower() in _NOT_SOURCES or len(source) < 2:
            continue
        begin = m.start("source") if from_source else m.start()
        lead = sentence[begin:m.end()]
        begin += len(lead) - len(lead.lstrip(' ,."\''))
        clean = _LEAD_WORDS_RE.sub("", source)
        offset = len(source) - len(clean)
        src_start = start + m.start("source") + offset
        cand = Attrib(text[start + begin:start + m.end()],
                      text[src_start:src_start + len(clean)].strip(), start + begin,
                      start + m.end())
        if best is None or cand.start < best.start:
            best = cand
    return best
