"""Page clean-up: tell content lines from navigation, share buttons, link lists and footers.

Nothing is removed from the text: each line gets a kind, so offsets and line numbers keep
pointing into the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from checker.textutil import fold

BlockKind = Literal["content", "heading", "boilerplate", "blank"]


@dataclass(frozen=True, slots=True)
class Block:
    """A line of the document (start/end exclude the newline) and what it is."""

    start: int
    end: int
    kind: BlockKind
    reason: str = ""


_UI_WORDS = {
    "share", "tweet", "total", "shares", "comments", "comment", "subscribe", "read more",
    "read more:", "previous article", "next article", "you may also like", "trending posts",
    "trending", "related links", "related links:", "related", "related articles",
    "related posts", "related stories", "more stories", "most read", "popular", "advertisement",
    "print", "email", "menu", "search", "home", "about", "about us", "contact", "contact us",
    "select language", "select language:", "log in", "login", "sign in", "sign up", "register",
    "skip to content", "back to top", "close", "loading", "newsletter", "follow us", "pin",
    "whatsapp", "facebook", "twitter", "linkedin", "telegram", "reddit", "copy link", "x",
    "read next", "recommended", "latest", "latest news", "top stories", "see also",
    "tags", "tags:", "photo", "video", "videos", "watch", "listen",
}
_UI_PREFIX_RE = re.compile(
    r"^(?:watch more|read more|explore |content from other|input your search|follow us|"
    r"sign up|subscribe to|click here|share this|share on|download the|get the app|"
    r"image:|photo:|file photo|caption:|credit:)",
    re.IGNORECASE,
)
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_NUMBERISH_RE = re.compile(r"^[\d\s.,:/|()+-]*$")
_SEPARATOR_RE = re.compile(r"^[-=_*~#.\u2022\s]{3,}$")
_FOOTER_RE = re.compile(
    r"(?:\u00a9|\(c\)\s*\d{4}|copyright|all rights reserved|privacy policy|terms of use|"
    r"terms of service|cookie policy|this site is designed by)",
    re.IGNORECASE,
)
_BIO_RE = re.compile(
    r"(?:reach out at|follow (?:him|her|them) on|\[at\]|@\w+\.\w+|is the editor-in-chief|"
    r"can be reached at|writes for|is a (?:freelance|staff) (?:writer|journalist))",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(r"^(?:by|source|via|press desk|staff report|edited by)\b[: ]", re.I)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATELINE_RE = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:\s*[,|-]?\s*\d{1,2}:\d{2}\s*(?:am|pm)?)?\.?$",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u2043*]|-(?=\s))\s*")
_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "vs", "with", "amid", "over", "after", "s",
}
_END_PUNCT = tuple('.!?:"\u201d\u2019)\'')


def classify_lines(text: str, start: int = 0) -> list[Block]:
    """Classify every line of text[start:] as content, heading, boilerplate or blank."""
    blocks: list[Block] = []
    pos = start
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        end = length if nl < 0 else nl
        line_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        blocks.append(_classify(text, pos, line_end))
        if nl < 0:
            break
        pos = nl + 1
    return _mark_link_lists(blocks, text)


def _classify(text: str, start: int, end: int) -> Block:
    raw = fold(text[start:end])
    stripped = raw.strip()
    if not stripped:
        return Block(start, end, "blank")
    bullet = _BULLET_RE.match(raw)
    body = raw[bullet.end():].strip() if bullet else stripped
    lower = body.lower().rstrip(" :")
    words = body.split()
    reason = ""
    if _URL_RE.match(body):
        reason = "url"
    elif lower in _UI_WORDS or lower + ":" in _UI_WORDS or _UI_PREFIX_RE.match(body):
        reason = "ui"
    elif _NUMBERISH_RE.match(body):
        reason = "counter"
    elif _SEPARATOR_RE.match(stripped):
        reason = "separator"
    elif _FOOTER_RE.search(body) and len(words) < 60:
        reason = "footer"
    elif _BIO_RE.search(body) and len(words) < 40:
        reason = "bio"
    elif _DATELINE_RE.match(body):
        reason = "dateline"
    elif _BYLINE_RE.match(body) and len(words) <= 25 and not _has_sentence_end(body):
        reason = "byline"
    elif bullet and len(words) <= 6 and not _has_sentence_end(body):
        reason = "nav"
    if not reason and bullet and len(words) <= 25 and not _has_sentence_end(body):
        return Block(start, end, "heading", "summary-bullet")
    if reason:
        return Block(start, end, "boilerplate", reason)
    if is_headline(body):
        return Block(start, end, "heading", "headline")
    return Block(start, end, "content")


def _has_sentence_end(text: str) -> bool:
    return text.rstrip().endswith(_END_PUNCT)


def is_headline(text: str) -> bool:
    """A short line in title case with no sentence-final punctuation."""
    body = fold(text).strip()
    if not body or _has_sentence_end(body) or len(body.split()) > 22:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'&.-]*", body)]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


_LIST_MARKERS = {
    "related links", "related", "related articles", "related posts", "related stories",
    "you may also like", "trending posts", "trending", "read more", "more stories",
    "most read", "recommended", "read next", "see also", "latest", "latest news",
    "top stories", "previous article", "next article", "popular",
}


def _mark_link_lists(blocks: list[Block], text: str) -> list[Block]:
    """Headlines under a 'Related links' style marker are other articles, not content."""
    out: list[Block] = []
    in_list = False
    for block in blocks:
        body = fold(text[block.start:block.end]).strip().lower().rstrip(" :")
        if block.kind == "boilerplate" and body in _LIST_MARKERS:
            in_list = True
        elif block.kind == "content" and _is_prose(text[block.start:block.end]):
            in_list = False
        if in_list and block.kind in ("heading", "content") and not _is_prose(
            text[block.start:block.end]
        ):
            block = Block(block.start, block.end, "boilerplate", "related-link")
        out.append(block)
    return out


def _is_prose(line: str) -> bool:
    """Running text: several words and sentence punctuation."""
    body = line.strip()
    return len(body.split()) >= 8 and _has_sentence_end(body)
