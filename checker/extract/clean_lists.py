"""A page's lines as blocks, and the lists and boxes they make: headlines under a "Related
links" marker are other articles, an "About" box is the publisher's blurb (`clean`)."""

from __future__ import annotations

from typing import Final, Literal

from checker import rx
from checker.extract.clean_lines import has_sentence_end

BlockKind = Literal["content", "heading", "boilerplate", "blank"]


class Block:
    """A line of the document (start/end exclude the newline) and what it is.

    A plain class, compiled: one is made for every line of every page, and a named tuple
    was built by an interpreted __new__ (~3,000 instructions, ten times this one)."""

    def __init__(self, start: int, end: int, kind: BlockKind, reason: str = "") -> None:
        self.start = start
        self.end = end
        self.kind: BlockKind = kind
        self.reason = reason

    def _key(self) -> tuple[int, int, str, str]:
        """Its fields' values, which equality and the hash read (as the tuple's were)."""
        return (self.start, self.end, self.kind, self.reason)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Block) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Block(start={self.start!r}, end={self.end!r}, kind={self.kind!r}, " \
            f"reason={self.reason!r})"


# What mark_link_lists reads of a line: (prose, list marker, about marker, the lines of a
# box the line heads when it is a heading of one, or 0).
ListNote = tuple[bool, bool, bool, int]


_LIST_MARKERS: Final = {
    "related links", "related", "related articles", "related posts", "related stories",
    "you may also like", "trending posts", "trending", "read more", "more stories",
    "most read", "recommended", "read next", "see also", "latest", "latest news",
    "top stories", "previous article", "next article", "popular",
}
_LIST_PREFIXES: Final = ("more from ", "more on ", "more in ", "also read", "read also",
                         "you might also like", "you might like", "explore more")
_LIST_MARKER_CHARS: Final = max(map(len, _LIST_MARKERS))
_LIST_PREFIX_FIRSTS: Final = "".join(sorted({prefix[0] for prefix in _LIST_PREFIXES}))
# A site's own "About" box: everything under the marker describes the publisher, not the
# news, up to the next piece of page furniture.
_ABOUT_MARKERS = {"about", "about us", "about the author", "about the publisher", "who we are"}
_ABOUT_MARKER_CHARS: Final = max(map(len, _ABOUT_MARKERS))
_ABOUT_MAX_LINES: Final = 4  # a blurb is short; a longer run is more likely real content
# A release's box after its story, headed by the company's name: "About Thornbury
# Instruments" (desk probe Q5: its blurb leaked "Founded in 1962 and headquartered in
# Bristol, it is listed on the London Stock Exchange."). (Notes to editors are no such box:
# a recall's notes give the models recalled, an unseen page's labelled claim.)
_ABOUT_HEADING_RE = rx.compile(r"About\s+(?:the\s+)?[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|of|and|"
                               r"for|&))*\s*:?\s*$")
_SHORT_LINE_WORDS: Final = 15


# A quote's headline in a list of links: "Alcaraz: 'My wrist is fine, I just didn't play
# well'" ends no list (desk probe P: the next related headline was a claim).
_QUOTE_HEADLINE_RE = rx.compile(r"[A-Z][\w .'-]{1,40}:\s*['\"\u2018\u201c].*['\"\u2019\u201d]\s*$")


def list_note(line: str, kind: BlockKind) -> ListNote:
    """Whether a line of this kind is prose, a 'Related links' marker, an 'About' marker."""
    body = line.strip().lower().rstrip(" :")
    # A question is a headline's, not prose that ends a list of links ("Read more:" /
    # "First-time buyers: how much deposit do you need in 2026?" / "Dublin rents hit another
    # record high": a desk probe took the last for a claim).
    # (The pattern holds a ":": a line without one is not matched, most prose lines. With
    # _is_prose's split, -0.5% of extraction's instructions.)
    prose = kind == "content" and _is_prose(line) and not body.endswith("?") \
        and (":" not in line or _QUOTE_HEADLINE_RE.match(line.strip()) is None)
    box = _ABOUT_MAX_LINES if body.startswith("about ") \
        and _ABOUT_HEADING_RE.match(line.strip()) else 0
    # (A line longer than every marker is none: it is not hashed to be looked up.)
    about = len(body) <= _ABOUT_MARKER_CHARS and body in _ABOUT_MARKERS
    return (prose, _is_list_marker(body), about, box)


def mark_link_lists(blocks: list[Block], notes: list[ListNote], text: str) -> list[Block]:
    """Headlines under a 'Related links' style marker are other articles, not content;
    the text of an 'About' box is the publisher's blurb; a title-case line that continues a
    run of short content lines ("Pakistan's from China, Netherlands and Turkey") is content.
    `notes` are the blocks' _list_note."""
    out: list[Block] = []
    mode = ""
    about_lines = 0
    limit = _ABOUT_MAX_LINES
    for block, (prose, marker, about, box) in zip(blocks, notes, strict=True):
        if box and block.kind == "heading":
            # A box's title line opens it, whatever came before.
            mode, about_lines, limit = "about", 0, box
            out.append(Block(block.start, block.end, "boilerplate", "about-box"))
            continue
        if block.kind == "boilerplate" or marker:
            if marker:
                mode = "list"
            elif about:
                mode, about_lines, limit = "about", 0, _ABOUT_MAX_LINES
            elif mode == "about":
                mode = ""
        elif prose and mode == "list":
            mode = ""
        if mode == "about" and block.kind in ("heading", "content"):
            about_lines += 1
            mode = "" if about_lines > limit else mode
        if mode == "about" and block.kind in ("heading", "content"):
            block = Block(block.start, block.end, "boilerplate", "about-box")
        elif mode == "list" and block.kind in ("heading", "content") and not prose:
            block = Block(block.start, block.end, "boilerplate", "related-link")
        elif block.reason in ("headline", "unpunctuated") and _continues_short_lines(out, text):
            block = Block(block.start, block.end, "content", "list-item")
        out.append(block)
    return out


def _continues_short_lines(previous: list[Block], text: str) -> bool:
    """The line right above (no blank between) is a short content sentence."""
    if not previous or previous[-1].kind != "content":
        return False
    above = text[previous[-1].start:previous[-1].end]
    return len(above.split()) < _SHORT_LINE_WORDS and has_sentence_end(above)


def _is_list_marker(body: str) -> bool:
    """'Related links', 'More from Science', 'Also read': a list of other articles follows."""
    # The prefix first: splitting every line of a page into words cost more than the rest.
    # A line longer than every marker is none, and is not hashed to be looked up; one opening
    # with no prefix's first letter is not compared with each.
    return len(body) <= _LIST_MARKER_CHARS and body in _LIST_MARKERS or (
        body[:1] in _LIST_PREFIX_FIRSTS and body.startswith(_LIST_PREFIXES)
        and len(body.split()) <= 5 and not has_sentence_end(body))


def _is_prose(line: str) -> bool:
    """Running text: several words and sentence punctuation."""
    body = line.strip()
    # Eight words at most split off: the rest of a long line is not cut into words no one
    # counts (len is 8 exactly when it has 8 words or more).
    return has_sentence_end(body) and len(body.split(None, 7)) >= 8
