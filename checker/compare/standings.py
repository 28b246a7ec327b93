"""Where a claim ranks something among others, told in words: "the world's largest wheat
exporter" is first, "the world's second-largest" second; "for the third consecutive
quarter" is a third. Two claims that rank one thing differently disagree (desk probe Q:
"largest" / "second-largest" and "third" / "second consecutive" rise were corroborations,
the shared superlative a specific word in common)."""

from __future__ import annotations

import re

from checker import rx

_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL = r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)"
_SUPERLATIVE = (r"largest|biggest|greatest|highest|lowest|smallest|busiest|richest|poorest|"
                r"oldest|youngest|longest|shortest|fastest|slowest|deadliest|hottest|coldest|"
                r"wettest|driest|best[- ]selling|most\s+populous|most\s+valuable|top")
# A superlative after a determiner or an owner ("the", "its", "the world's"), with the
# ordinal before it when it is no first ("second-largest", "third biggest"); a sequence's
# place ("the third consecutive quarter", "a second straight year").
_STANDING_RE = rx.compile(
    rf"\b(?:the|its|their|his|her|[\w]+['\u2019]s)\s+(?:(?P<ord>{_ORDINAL})[- ]?)?"
    rf"(?P<sup>{_SUPERLATIVE})\b|"
    rf"\b(?P<seq_ord>first|{_ORDINAL})\s+(?P<seq>consecutive|straight|successive|"
    rf"back-to-back)\b", re.IGNORECASE)


def _place(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    if word == "first":
        return 1
    return _ORDINALS.get(word) or int(word[:-2])


def standings(text: str) -> dict[str, tuple[int, str]]:
    """Each superlative (or "consecutive", for a sequence) with its place and the words
    that tell it: {"largest": (2, "second-largest")}."""
    out: dict[str, tuple[int, str]] = {}
    for m in _STANDING_RE.finditer(text):
        if m.group("sup"):
            key = " ".join(m.group("sup").lower().replace("-", " ").split())
            begin = m.start("ord") if m.group("ord") else m.start("sup")
            out.setdefault(_SAME.get(key, key), (_place(m.group("ord")), text[begin:m.end()]))
        else:
            out.setdefault("consecutive", (_place(m.group("seq_ord")), m.group(0)))
    return out


# Superlatives news copy uses for one another.
_SAME = {"biggest": "largest"}


def standings_clash(a: str, b: str) -> list[tuple[str, str]]:
    """The places two texts give one standing differently, as (a's words, b's words)."""
    if not (_CUE_RE.search(a) and _CUE_RE.search(b)):
        return []  # most pairs: no superlative or sequence on one side
    sa, sb = standings(a), standings(b)
    return [(sa[k][1], sb[k][1]) for k in sorted(sa.keys() & sb.keys()) if sa[k][0] != sb[k][0]]


# A cheap first test: a superlative's ending, "top", or a sequence word.
_CUE_RE = rx.compile(r"est\b|\btop\b|\bmost\b|consecutive|straight|successive|back-to-back",
                     re.IGNORECASE)
