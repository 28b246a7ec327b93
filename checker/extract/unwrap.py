"""Hard-wrapped documents read as their paragraphs: the line breaks a wrap put inside a
paragraph become spaces, keeping every offset.

Wire copy, e-mailed releases and plain-text exports of papers break each paragraph into
lines of a fixed width ("... in the third quarter of 2024, up" / "12% from a year
earlier."). Read line by line, such a page loses a claim at every break that looks like the
end of a title, splits names ("Leeds Crown" / "Court") and dates ("11 and 12" / "November")
in two, and takes the first word of every line for a sentence's. `unwrap` finds the width a
page is wrapped at and replaces the breaks that width made with spaces, so the cleaner, the
splitter and every reader see one line per paragraph; the text keeps its length, so spans
and line numbers still point into the original file.

A page is taken as wrapped at width W when at least `_MIN_WRAPPED` of its lines stop
mid-sentence and go on in lower case on the next line (certainly wrapped), most of them
within a narrow band of lengths whose top is W. A break is a wrap's when the line is no
longer than W and the next line's first word would not have fitted on it: a title, a
byline or a list item that stops short is left alone, and a page of long unwrapped
paragraphs has no lines to join.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from checker import rx
from checker.extract.segment import ends_sentence

# The certainly wrapped lines a page needs before its width is trusted, and the band their
# lengths fall in: a wrap leaves lines between W minus a long word and W.
_MIN_WRAPPED: Final = 2
_BAND, _OVER = 0.5, 1.25
# ... and most of the page's lines that go on in lower case are such lines.
_SHARE: Final = 0.75
# The width is the longest of those lines; a line the wrap filled to the last column is
# as often followed by a figure or a name, so a line a little longer is still the wrap's.
_SLACK: Final = 3
_WIDTHS: Final = (30, 160)
# A line that goes on in lower case: the cheap test a page passes before its lines are
# measured (most pages have none). It opens on the line break, a literal the engine skips
# to by itself (a pattern opening on a class of the character before ran 30 times slower).
_GOES_ON_RE: Final = rx.compile(r"\n[ \t]*[a-z]")
_BULLET_RE = rx.compile(r"[ \t]*(?:[\u2022\u25cf\u25aa\u2023\u2043*>|]|-[ \t]|\d{1,2}[.)][ \t])")
_SENTENCE_END: Final = (".", "!", "?", ":", ";", '."', ".\u201d", "?\"", "?\u201d")


def unwrap(text: str) -> str:
    """text with the line breaks of a hard wrap replaced by spaces (same length); text
    itself when it is not hard-wrapped."""
    if _GOES_ON_RE.search(text) is None:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out = list(text)
    pos = 0
    for line, after in pairwise(lines):
        pos += len(line) + 1
        if _wrapped_break(line, after, width):
            out[pos - 1] = " "
            if line.endswith("\r"):
                out[pos - 2] = " "
    return "".join(out)


def wrap_width(lines: list[str]) -> int | None:
    """The width a page's lines are wrapped at, or None when they are not wrapped."""
    lengths = sorted(len(line.rstrip()) for line, after in pairwise(lines)
                     if _goes_on(line, after))
    if len(lengths) < _MIN_WRAPPED:
        return None
    # The wrap's lines cluster just under its width; a long URL or a short line before a
    # lower-case one ("Comments" / "https://...") is no wrap's and is left out.
    middle = lengths[len(lengths) // 2]
    top = middle * _OVER
    wrapped = [n for n in lengths if middle * _BAND <= n <= top]
    if len(wrapped) < _MIN_WRAPPED or len(wrapped) < len(lengths) * _SHARE:
        return None
    width = wrapped[-1]
    return width if _WIDTHS[0] <= width <= _WIDTHS[1] else None


def _goes_on(line: str, after: str) -> bool:
    """A line stopping mid-sentence, the next one going on in lower case."""
    body = line.rstrip()
    rest = after.lstrip()
    return bool(body) and bool(rest) and rest[0].islower() and not body.endswith(_SENTENCE_END) \
        and _goes_on_under(line, after)


def _wrapped_break(line: str, after: str, width: int) -> bool:
    """Whether the wrap broke `line` before `after`: the line fits the width, the next
    line's first word would not have fitted on it, and the next line opens no new item."""
    body = line.rstrip()
    rest = after.lstrip()
    if not body or not rest or len(body) > width + _SLACK or not _goes_on_under(line, after) \
            or _BULLET_RE.match(after) is not None:
        return False
    first = rest.split(None, 1)[0]
    if len(first) > width:
        return False  # a URL or another word longer than a line: on a line of its own
    # A sentence that ends at the break ends there joined or not: the line break is kept
    # (a heading under it stays a line of its own); "... the U.S." / "Geological Survey"
    # goes on.
    return len(body) + 1 + len(first) > width and not ends_sentence(body, rest)


def _goes_on_under(line: str, after: str) -> bool:
    """Whether `after` is indented as a line going on from `line` is: no deeper, or, under a
    list item, as deep as the item's text ("- Revenue rose 8 per cent to" / "  £2.4bn", a
    release's hanging indent; desk probe Q5: the item's second line was read alone, "cent
    in July to September 2026, ...")."""
    deep = _indent(after)
    if deep <= _indent(line):
        return True
    item = _BULLET_RE.match(line)
    if item is None:
        return False
    # the column the item's text starts at, past the marker and the blanks after it
    return deep == len(line) - len(line[item.end():].lstrip(" \t"))


def _indent(line: str) -> int:
    """The blanks a line opens with."""
    return len(line) - len(line.lstrip(" \t"))
