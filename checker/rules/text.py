"""The text term and consistency rules match on: folded, then lower-cased in place.

Spans found in it must be spans in the document, so neither step may change the length:
`fold` keeps it, and `lower_in_place` lower-cases only the characters whose lower case is
one character ("İ".lower() is "i" and a combining dot: two characters, which would move
every offset after it).
"""

from __future__ import annotations

from functools import lru_cache

from checker import rx
from checker.textutil import fold


def lower_in_place(text: str) -> str:
    """text.lower(), except characters whose lower case is longer, which are kept."""
    lowered = text.lower()
    if len(lowered) == len(text):  # no character grew (none shrinks): one for one
        return lowered
    return "".join(map(_lower_char, text))


@lru_cache(maxsize=1024)
def _lower_char(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def match_key(text: str, case_sensitive: bool) -> str:
    """A variant or form as the text it is looked for in is read."""
    folded = fold(text)
    return folded if case_sensitive else lower_in_place(folded)


# `\x{2019}`, `\x92`-style escapes: RE2 reads them as the character itself.
_ESCAPE_RE = rx.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}|\\x([0-9A-Fa-f]{2})")


def fold_pattern(pattern: str) -> tuple[str, str | None]:
    """A pattern as the folded text needs it (a curly apostrophe written in it is the
    straight one the text has), or a reason it cannot be: an escape naming a character
    that folding removes from the text would never match."""
    for m in _ESCAPE_RE.finditer(pattern):
        code = int(m.group(1) or m.group(2), 16)
        ch = chr(code) if code <= 0x10FFFF else ""
        if ch and fold(ch) != ch:
            return pattern, (f"{m.group()} never matches: the text is folded first "
                             f"(typographic quotes, dashes and spaces to ASCII); write "
                             f"{fold(ch)!r}")
    return fold(pattern), None
