"""Sentence segmentation with exact spans, robust to abbreviations, initials and quotes."""

from __future__ import annotations

import re

from checker.textutil import fold

# Words that end with a period without ending the sentence (lower-cased, no period).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft no nos vs etc e.g i.e cf al approx est fig figs vol vols
    pp p ch sec gen col lt maj capt cmdr adm sgt gov sen rep rev hon pres supt insp det
    inc ltd co corp bros plc llc dept univ assn ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.a.e u.s.a p.m a.m
    rs
    """.split()
)
_NEXT_LOWER = re.compile(r"\s+[a-z(]")
_CANDIDATE = re.compile(
    r"(?:[.!?]+|\.\.\.)"  # terminal punctuation
    r"[\"')\]]*"  # closing quotes/brackets (text is folded)
)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], leading/trailing whitespace trimmed."""
    stop = len(text) if end is None else end
    folded = fold(text[start:stop])
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _CANDIDATE.finditer(folded):
        cut = m.end()
        if not _is_boundary(folded, m.start(), cut):
            continue
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, len(folded)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        seg = folded[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            out.append((start + a + lead, start + b - trail))
    return out


def _is_boundary(text: str, punct_start: int, cut: int) -> bool:
    rest = text[cut:]
    if not rest.strip():
        return False  # end of block: the final span covers it
    punct = text[punct_start:cut]
    if punct.startswith("..."):
        # "challenges...In spite of": an ellipsis ends a sentence before a capital.
        return bool(re.match(r"\s*[\"(]?[A-Z]", rest))
    if not rest[:1].isspace():
        return False  # "2.17", "U.S", "aadil.s"
    if _NEXT_LOWER.match(rest):
        return False  # "U.S. sanctions", "e.g. the"
    if punct[0] == "." and _is_abbreviation(_word_before(text, punct_start), rest):
        return False
    return bool(re.match(r"\s*[\"(\[]?[\w$\u00a3\u20ac-]", rest))


def _word_before(text: str, index: int) -> str:
    m = re.search(r"([\w.]+)$", text[:index])
    return m.group(1) if m else ""


def _is_abbreviation(word: str, rest: str) -> bool:
    if not word:
        return False
    lower = word.lower()
    if lower in ABBREVIATIONS:
        # "No 4." ends a sentence; "No. 4" does not. "Jan. 17" does not; "in Jan." may.
        if lower in {"no", "nos"}:
            return bool(re.match(r"\s*\d", rest))
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Thomas G. Tsao"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True  # dotted acronym: "U.S", "e.g"
    return False
