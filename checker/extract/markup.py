"""Markdown's markup, HTML's inline tags and character references, read as the prose they
wrap.

Scraped pages often come as Markdown: every paragraph has inline links ("[according to
customs data](https://example.com/customs?id=42)"), figures in bold ("**4.2 million
tonnes**"), names in italics; a scraper that did not decode HTML leaves "&#8217;" and
"&nbsp;" in the text. Read as they are, a link's address gave figures ("42"), names
("International_Space_Station") and an attribution ("customs data](https"), and a figure
lost its unit to "&nbsp;".

`squeeze_markup` gives the page without them (a link's words without its brackets and
address, an image or an autolink as nothing, emphasis without its markers, a character
reference as its character) and where each character of it stands in the page, so the
extractor reads prose and every span it finds maps back into the original file.
`mask_markup` gives the same text with the markup as blanks, the same length: what reads a
claim's own text with spans into it (normalisation) reads the words, not the markup.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from dataclasses import dataclass
from typing import Final

from checker import rx

# The address of a link: no blank, and one level of brackets (Wikipedia's "..._(band)").
_ADDRESS: Final = r"[^()\s]*(?:\([^()\s]*\)[^()\s]*)*"
_TITLE: Final = r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?"
# An inline link or image ("[words](address)", "![alt](address "title")"), or a reference
# link ("[words][1]"). A label holds no bracket or line break.
_LINK_RE: Final = rx.compile(
    r"(?P<bang>!?)\[(?P<label>[^\[\]\n]{0,400})\]"
    rf"(?:\({_ADDRESS}{_TITLE}\)|\[[^\[\]\n]{{0,60}}\])")
# A link's tail whose "[" is before the text (a claim's text cut from a page).
_TAIL_RE: Final = rx.compile(rf"\A[^\[\]\n]{{0,400}}(?P<tail>\]\({_ADDRESS}{_TITLE}\))")
# A line that is one link and nothing else, a list's mark before it or not: a related-links
# list ("- [Fernleigh half-year profits rise 8%](https://...)"), a newsletter's or a section's
# link. It is the page's navigation, not its prose: read as its words, a bulleted headline
# with a figure was a claim (desk probe Q8).
_LINK_LINE_RE: Final = rx.compile(
    r"(?m)^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?!?\[[^\[\]\n]{1,400}\]"
    rf"\({_ADDRESS}{_TITLE}\)[ \t]*$")
# A reference link's definition ("[1]: https://example.com/x") and an autolink
# ("<https://example.com>"): an address only.
_DEFINITION_RE: Final = rx.compile(r"(?m)^[ \t]{0,3}\[[^\[\]\n]{1,60}\]:[ \t]+\S[^\n]*")
_AUTOLINK_RE: Final = rx.compile(r"<(?:https?|ftp|mailto):[^\s<>]*>")
# Emphasis: "**words**", "__words__", "*words*", "_words_", the markers hugging the words
# and apart from the words outside ("snake_case", "5*3", a "* " bullet are none).
_STRONG_RE = rx.compile(r"(?<![\w*])(\*\*|__)(?=[^\s*_])[^\n]{0,400}?(?<=[^\s*_])\1(?![\w*])")
_EMPHASIS_RE = rx.compile(r"(?<![\w*])([*_])(?=[^\s*_])[^\n*_]{0,400}?(?<=[^\s*_])\1(?![\w*])")
# A reference's marker after a word or a full stop, as an encyclopaedia's page has them:
# "in 2024.[3]", "[[3]](https://...#cite_note-3)", "^[4]^", "[citation needed]" (a copied
# page's sentence ending ".[3]" was no sentence, and the note's address gave figures).
_CITATION_RE: Final = rx.compile(
    rf"(?<=[\w.,;:!?\"'\u2019\u201d)])(?:\[\[?\d{{1,3}}\]?\]\({_ADDRESS}\)|\^?\[(?:\d{{1,3}}|[a-z]|"
    r"citation needed|clarification needed|according to whom\?|by whom\?|when\?|who\?|"
    r"dubious[^\[\]\n]{0,20}|failed verification)\]\^?)"
    # ... and a source's link in brackets after a sentence's end: "... in 2024. ([source](...))"
    rf"|(?<=[.!?\"'\u2019\u201d])[ \t]*\(\[[^\[\]\n]{{1,30}}\]\({_ADDRESS}\)\)")
# HTML's inline tags a scraper left inside a sentence ("rose <b>12%</b>", "<a href=
# "https://...?id=42">according to customs data</a>"): markup, the words between kept; a
# line break tag is the space it makes. (Tags around a whole line are the cleaner's.)
_INLINE_TAG_RE: Final = rx.compile(
    r"</?(?i:a|b|i|u|s|em|strong|span|sup|sub|small|big|mark|abbr|cite|q|del|ins|font|time|"
    r"code|var|dfn|bdi|bdo)(?:\s[^<>]{0,400})?>")
_BREAK_TAG_RE: Final = rx.compile(r"<(?i:br|wbr)\s*/?>")
# A character reference: named ("&amp;", "&nbsp;") or numbered ("&#8217;", "&#x2019;").
_REFERENCE_RE = rx.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# A character every piece of the above holds: most pages hold none (a substring search
# each, in C, costs a hundredth of one regex search for any of them).
_CUES: Final = ("]", "&", "*", "_", "<")
_NBSP: Final = "\u00a0"

# An edit of the page: (start, end, what stands there instead).
Edit = tuple[int, int, str]


@dataclass(frozen=True)
class Squeezed:
    """A page without its markup, and for each of its characters where it stands in the
    page: `starts[i]` and `ends[i]` bound character i's source (a reference's character
    stands for all of "&#8217;")."""

    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where text[start:end] stands in the page."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return at, at
        return self.starts[start], self.ends[end - 1]

    def index(self, offset: int) -> int:
        """The first character of text at or after the page's offset."""
        return bisect_left(self.starts, offset)  # starts never decrease


def squeeze_markup(text: str) -> Squeezed | None:
    """The page without Markdown's links, images and emphasis and with its character
    references decoded, or None when it holds none."""
    edits = _edits(text)
    if not edits:
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for start, end, instead in edits:
        out.append(text[at:start])
        starts.extend(range(at, start))
        ends.extend(range(at + 1, start + 1))
        for char in instead:
            out.append(char)
            starts.append(start)
            ends.append(end)
        at = end
    out.append(text[at:])
    starts.extend(range(at, len(text)))
    ends.extend(range(at + 1, len(text) + 1))
    return Squeezed("".join(out), starts, ends)


def mask_markup(text: str) -> str:
    """text with the markup `squeeze_markup` leaves out as blanks (a reference as its
    character and blanks), the same length."""
    edits = _edits(text, tail=True)
    if not edits:
        return text
    chars = list(text)
    for start, end, instead in edits:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
        if instead:
            chars[start] = instead
    return "".join(chars)


def _edits(text: str, tail: bool = False) -> list[Edit]:
    """The page's markup as edits, in order, none overlapping; `tail`: a link's tail at the
    text's start counts (its "[" cut off before it)."""
    if not any(cue in text for cue in _CUES):
        return []
    edits: list[Edit] = []
    head = _TAIL_RE.match(text) if tail and "](" in text else None
    if head is not None:
        edits.append((head.start("tail"), head.end("tail"), ""))
    for m in _LINK_RE.finditer(text, head.end() if head else 0):
        if m.group("bang"):
            edits.append((m.start(), m.end(), ""))  # an image's alt text is no prose
        else:
            edits += [(m.start(), m.start("label"), ""), (m.end("label"), m.end(), "")]
    for pattern in (_LINK_LINE_RE, _CITATION_RE, _DEFINITION_RE, _AUTOLINK_RE):
        edits += [(m.start(), m.end(), "") for m in pattern.finditer(text)]
    if "<" in text:
        edits += [(m.start(), m.end(), "") for m in _INLINE_TAG_RE.finditer(text)]
        edits += [(m.start(), m.end(), " ") for m in _BREAK_TAG_RE.finditer(text)]
    for m in _REFERENCE_RE.finditer(text):
        char = html.unescape(m.group())
        if len(char) == 1:  # a reference html knows; "&foo;" stays as written
            edits.append((m.start(), m.end(), " " if char == _NBSP else char))
    edits = _disjoint(edits)
    # Emphasis read with the links' addresses blanked: an address's "_" opens none.
    blanked = list(text)
    for start, end, _ in edits:
        blanked[start:end] = " " * (end - start)
    seen = "".join(blanked)
    for pattern in (_STRONG_RE, _EMPHASIS_RE):
        for m in pattern.finditer(seen):
            width = len(m.group(1))
            for start in (m.start(), m.end() - width):
                edits.append((start, start + width, ""))
                blanked[start:start + width] = " " * width  # "**" is no "*" then
        seen = "".join(blanked)
    return _disjoint(edits)


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """The edits in order, each one overlapping an earlier one left out (of two at one
    place, the longer kept: a reference's "[3](address)" whole, not a link's brackets)."""
    kept: list[Edit] = []
    end = -1
    for edit in sorted(edits, key=lambda e: (e[0], -e[1])):
        if edit[0] >= end:
            kept.append(edit)
            end = edit[1]
    return kept
