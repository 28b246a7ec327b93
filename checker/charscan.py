"""Character scans of a clause read by character codes or substring tests in C.

Each answers what a regex search, a split or str.isprintable() answered, without the match
object, the strings or the per-character look-ups those made (extraction reads every clause
with them). mypyc compiles `ord(text[i])` to a read of the character's code in C.
"""

from __future__ import annotations


def has_letter_pair(text: str) -> bool:
    """Whether text holds two ASCII letters in a row (a search of re's [A-Za-z]{2})."""
    # By character codes read in C (ord(text[i]) makes no string): most clauses open with
    # a word, and the search's set-up and match object cost ~1,500 instructions a clause.
    prev = False
    for i in range(len(text)):
        c = ord(text[i]) | 32  # an ASCII capital's code as its small letter's, others apart
        if 97 <= c <= 122:
            if prev:
                return True
            prev = True
        else:
            prev = False
    return False


def count_words(text: str, most: int) -> int:
    """min(len(text.split()), most): the words str.split() makes, counted up to `most`."""
    # Character codes read in C, up to the word that makes `most`; str.split(None, n) made
    # a string of each word (~1,000 instructions for three).
    words = 0
    inside = False
    for i in range(len(text)):
        c = ord(text[i])
        # str.split()'s blanks: ASCII's \t-\r, \x1c-\x1f and the space; others by isspace().
        if c == 32 or 9 <= c <= 13 or 28 <= c <= 31 or c >= 128 and text[i].isspace():
            inside = False
        elif not inside:
            inside = True
            words += 1
            if words >= most:
                return most
    return words


def ascii_single_spaced(text: str) -> bool:
    """single_spaced(text) of an ASCII text."""
    # Substring tests in C (each a memchr): ~1,000 instructions a clause, where
    # text.isprintable() or a loop over the characters' codes cost ~2,500. These are the
    # blanks str.split() and re's \s read in ASCII, but the space.
    return "  " not in text and "\t" not in text and "\n" not in text and "\r" not in text \
        and "\x0b" not in text and "\x0c" not in text and "\x1c" not in text \
        and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text


def single_spaced(text: str) -> bool:
    """Whether text's only whitespace is single spaces: no other blank, no two in a row (the
    text is then its own runs of whitespace made one space each)."""
    # Its callers tested "  " not in text and text.isprintable() before, which also refused
    # characters that are neither printable nor blanks ("\u200b", "\x00"): for those the
    # text is its own runs of whitespace made one space all the same.
    if text.isascii():
        return ascii_single_spaced(text)
    space = False
    for i in range(len(text)):
        c = ord(text[i])
        if c == 32:
            if space:
                return False
            space = True
        elif 9 <= c <= 13 or 28 <= c <= 31 or c >= 128 and text[i].isspace():
            return False  # str.isspace()'s blanks, which re's \s and str.split() read
        else:
            space = False
    return True
