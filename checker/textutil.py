"""Text helpers shared by every stage: length-preserving folding, tokens, line index."""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import accumulate
from operator import add, attrgetter
from typing import Final, NamedTuple

from checker import rx

# One character in, one character out: folding never moves an offset, so spans found in the
# folded text are spans in the original text.
_FOLD_TABLE: Final = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'",
        "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
        "\u00bb": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\u3000": " ",
        "\ufeff": " ", "\u200b": " ",
    }
)


_FOLD_CHARS: Final = {chr(k): v for k, v in _FOLD_TABLE.items() if isinstance(v, str)}
# str.translate with a dict looks up every character (about 0.3 us each): a regex that only
# stops at the few characters to fold is ten times faster, and ASCII text needs no scan.
_FOLD_RE: Final = rx.compile("[" + re.escape("".join(_FOLD_CHARS)) + "]")


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD_CHARS[m.group()]


# Each character to fold with its ASCII one, for a long text (below).
_FOLD_PAIRS: Final = tuple(_FOLD_CHARS.items())
_FOLD_BY_REPLACE: Final = 200


def fold(text: str) -> str:
    """Fold typographic quotes, dashes and odd spaces to ASCII, keeping the length."""
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    if len(text) < _FOLD_BY_REPLACE:
        return _FOLD_RE.sub(_fold_char, text)
    # A page: each character to fold looked for, and replaced where it is (a few kinds in
    # a page, each replaced in C), where the substitution called _fold_char for every one
    # of them (~24,000 instructions a page). No character folds to one that folds again.
    for char, ascii in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, ascii)
    return text


# The letters re's IGNORECASE reads as ASCII ones that lower() leaves non-ASCII ("\u017f" and
# "\u0131") or makes two characters ("\u0130" -> "i\u0307"); the Kelvin sign lowers to "k".
_IGNORECASE_LETTERS: Final = {"\u017f": "s", "\u0131": "i", "\u0130": "i"}
ODD_CASE_LETTERS: Final = tuple(_IGNORECASE_LETTERS)  # a text without them lowers as re reads
_IGNORECASE_TABLE: Final = str.maketrans(_IGNORECASE_LETTERS)


def ignorecase_key(word: str) -> str:
    """word lower-cased as re's IGNORECASE reads it: what a table of lower-case ASCII words
    is looked up by, for a word a case-insensitive pattern matched ("thou\u017fands",
    "f\u0131ve" would otherwise be missing keys)."""
    lower = word.lower()
    return lower if lower.isascii() else word.translate(_IGNORECASE_TABLE).lower()


def ignorecase_fold(text: str) -> str:
    """text.casefold(), with "\u0131" and "\u0130" read as "i" as re's IGNORECASE reads them
    (casefold() keeps the one, makes the other two characters): a case-insensitive pattern's
    lower-case ASCII literal occurs in it wherever the pattern can match that literal."""
    if text.isascii() or ("\u0131" not in text and "\u0130" not in text):
        return text.casefold()  # "\u017f" and the Kelvin sign fold to "s" and "k"
    return text.translate(_IGNORECASE_TABLE).casefold()


# A named tuple's own __new__ (Cls(...)) is interpreted Python even where its caller is
# compiled (~4,000 instructions); TUPLE_NEW(Cls, values) builds the same tuple in C.
TUPLE_NEW: Final = tuple.__new__

_DIGIT_RE: Final = rx.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether text holds a decimal digit (a match of re's `\\d`)."""
    if not text.isascii():
        return _DIGIT_RE.search(text) is not None
    # ASCII's only decimal digits are 0-9: ten substring tests in C cost a tenth of the
    # regex's search, which tests every character's Unicode category.
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text)


def blanks_end(text: str, at: int) -> int:
    """Where the run of whitespace starting at `at` ends (`at` itself when there is none)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def matches(pattern: re.Pattern[str], text: str, pos: int = 0,
            endpos: int = sys.maxsize) -> Iterable[re.Match[str]]:
    """pattern.finditer(text, pos, endpos), set up only where there is a first match."""
    # Most finditer calls of a clause find nothing, and a search that finds nothing costs a
    # third less than finditer's set-up (a scanner, a bound method, an iterator). From the
    # first match on, finditer finds what it would have from pos: a match depends on the
    # text around it (^, \b and lookbehinds read the whole string), not on where the scan
    # began.
    first = pattern.search(text, pos, endpos)
    return () if first is None else pattern.finditer(text, first.start(), endpos)


def one_line(text: str) -> str:
    """text with its line breaks as spaces, keeping the length: a claim of a hard-wrapped
    page read as the paragraph it is (offsets into it stay the claim's)."""
    if "\n" not in text and "\r" not in text:
        return text
    return text.replace("\r", " ").replace("\n", " ")


WORD_RE: Final = rx.compile(r"[^\W_](?:[\w]|['\u2019\u2018\u02bc](?=\w)|[-.&/](?=[^\W_]))*|&")


# A sort key read in C, not a lambda called for each record (names, figures, dates: every
# record with a start).
START: Final = attrgetter("start")


class Token(NamedTuple):
    """A word of the text with its span in the original string.

    A named tuple, not a frozen dataclass: made once per word of every sentence, and a frozen
    dataclass costs half as much again to build."""

    text: str
    start: int
    end: int


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Yield the words of text[start:end] with absolute spans."""
    stop = len(text) if end is None else end
    for m in WORD_RE.finditer(text, start, stop):
        yield Token(m.group(), m.start(), m.end())


_POSSESSIVE_RE: Final = rx.compile(r"['\u2019]s$", re.IGNORECASE)


def strip_possessive(word: str) -> str:
    """`China's` -> `China`; other words unchanged."""
    return _POSSESSIVE_RE.sub("", word)


def normalise_key(text: str) -> str:
    """A comparison key for names: folded, lower-case, `&` as `and`, single spaces."""
    words = [strip_possessive(t.text) for t in tokens(fold(text))]
    out = ["and" if w == "&" else w.lower() for w in words]
    return " ".join(w for w in out if w)


_LINE_BREAK_RE: Final = rx.compile(r"\r\n?|\n")


def line_spans(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of text[start:], the end before its line break."""
    # The lines LineIndex counts: a line ends at "\n", "\r\n" or a lone "\r", so a page
    # classified line by line agrees with the line numbers reported for it.
    if "\r" in text:
        return _broken_lines(text, start)
    if not 0 <= start <= len(text):
        return _newline_lines(text, start)
    # Only "\n": the lines' lengths from one split(), where they start and end by running
    # sums, all in C (no generator resumed, no find() called, for each line).
    lengths = list(map(len, text[start:].split("\n")))
    starts = list(accumulate(map(_ONE.__add__, lengths[:-1]), initial=start))
    return zip(starts, map(add, starts, lengths), strict=True)


_ONE: Final = 1


def _broken_lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """line_spans of a text with a "\r" in it."""
    pos = start
    for m in _LINE_BREAK_RE.finditer(text, start):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _newline_lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """line_spans of a text without "\r", line by line (a start outside the text)."""
    pos = start
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            yield pos, len(text)
            return
        yield pos, nl
        pos = nl + 1


class LineIndex:
    """Maps character offsets to 1-based (line, column) and back."""

    def __init__(self, text: str) -> None:
        # A line ends at "\n", "\r\n" or a lone "\r" (old Mac files), as editors count.
        if "\r" in text:
            breaks = list(_LINE_BREAK_RE.finditer(text))
            self._starts = [0] + [m.end() for m in breaks]
            self._ends = [m.start() for m in breaks] + [len(text)]
        else:
            # Only "\n": a line starts one past the end of the one before, the running sum
            # of the lines' lengths plus one (in C, not a match object per line).
            bounds = list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
            self._starts = bounds[:-1]
            self._ends = list(map((-1).__add__, bounds[1:]))
        self._length = len(text)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self._starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = self.line_of(offset)
        return line, offset - self._starts[line - 1] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets (end excludes the line break) of a 1-based line."""
        return self._starts[line - 1], self._ends[line - 1]

    @property
    def lines(self) -> int:
        """Number of lines."""
        return len(self._starts)


class LineCounter:
    """LineIndex(text).line_of for offsets read mostly in order, without the index: the
    line breaks counted on from the last offset asked (claims come in the text's order)."""

    def __init__(self, text: str) -> None:
        self._text = text
        # A text with "\r" ("\r\n" or a lone "\r" ends a line) is read by its LineIndex,
        # made when a line is first asked.
        self._crs = "\r" in text
        self._index: LineIndex | None = None
        self._at = 0
        self._line = 1

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        if self._crs:
            if self._index is None:
                self._index = LineIndex(self._text)
            return self._index.line_of(offset)
        if offset < self._at:
            if offset < 0:
                return 0  # (as LineIndex: before the first line)
            self._at, self._line = 0, 1  # back to the start: count from there
        # A line starts one past each "\n": the lines before offset's are the "\n"s before it.
        self._line += self._text.count("\n", self._at, offset)
        self._at = offset
        return self._line


# Runs of what is neither a letter nor a digit, in any script.
_SLUG_RE: Final = rx.compile(r"[\W_]+")
# Latin letters with no decomposition into a base letter and a mark.
_LATIN: Final = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i",
                               "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})


def slug(text: str) -> str:
    """A lower-case identifier for a name: `Chang'e 6` -> `change-6`, `Andrej Babiš` ->
    `andrej-babis` (accents dropped, so the name written without them is the same); names in
    other scripts keep their letters (`北京` and `東京` were both `x`, one name)."""
    folded = fold(text).lower().replace("'", "").replace("&", " and ").translate(_LATIN)
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded)
                         if not unicodedata.combining(c))
    return _SLUG_RE.sub("-", folded).strip("-") or "x"
