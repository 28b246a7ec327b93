"""Sentence segmentation with exact spans, robust to abbreviations, initials and quotes."""

from __future__ import annotations

from typing import Final

from checker import rx
from checker.textutil import fold

# Words that end with a period without ending the sentence (lower-cased, no final period).
ABBREVIATIONS: Final = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft no nos vs etc e.g i.e cf al approx est fig figs vol vols
    pp p ch sec gen col lt maj capt cmdr adm sgt gov sen rep rev hon pres supt insp det
    inc ltd co corp bros plc llc dept univ assn ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.a.e u.s.a p.m a.m
    rs tk
    """.split()
)
# Abbreviations that may also end a sentence ("... sanctions by the U.S. The company ..."):
# they end one when the next word is a typical sentence opener. Titles ("Dr.") never do.
_MAY_END: Final = frozenset(
    "etc inc ltd co corp bros plc llc u.s u.k u.n e.u u.a.e u.s.a p.m a.m "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_OPENERS: Final = frozenset(
    """
    the a an it its he she they we i this that these those there his her their our but
    however in on at as and so yet meanwhile also after before when while since despite
    according officials analysts
    """.split()
)
# Terminal punctuation or an ellipsis, then closing quotes/brackets (the text is folded):
CANDIDATE_PLAIN: Final = r"(?:\.\.\.|\u2026|[.!?]+)[\"')\]]*"
# written with a literal first in every branch ("." then ".." or more of [.!?], "!" or "?"
# then more): the engine then skips to those four characters by itself instead of trying a
# match at every position (a third of the time of a (?=[.!?\u2026]) hint). The same matches
# (tests/extract/test_regex_rewrites.py).
_CANDIDATE: Final = rx.compile(r"(?:\.(?:\.\.|[.!?]*)|\u2026|![.!?]*|\?[.!?]*)[\"')\]]*")
_WORD_BEFORE_RE: Final = rx.compile(r"[\w.]+$")
_DOTTED_RE: Final = rx.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    is_folded: bool = False) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], leading/trailing whitespace trimmed;
    `is_folded`: text is folded already (a folded document's blocks are not folded again)."""
    stop = len(text) if end is None else end
    folded = text[start:stop] if is_folded else fold(text[start:stop])
    spans: list[tuple[int, int]] = []
    begin = 0
    for punct_start, cut in candidate_marks(folded):
        if _is_boundary(folded, punct_start, cut):
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


_MARKS: Final = ".\u2026!?"  # what a match of _CANDIDATE opens with


def candidate_marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each match of _CANDIDATE in text, as its finditer finds them."""
    # Read by str.find: finditer cost 3,600 instructions a match. Each branch opens with
    # one of _MARKS and needs nothing more, so a match starts at the next of them; then
    # "..." (the branch tried first after a "."), or the run of [.!?] after any but "\u2026",
    # and the run of closers (greedy, and nothing after them can fail).
    n = len(text)
    ahead = [text.find(mark) for mark in _MARKS]  # the next of each mark (-1: none)
    out: list[tuple[int, int]] = []
    while True:
        start = n
        for at in ahead:
            if 0 <= at < start:
                start = at
        if start == n:
            return out
        end = start + 1
        mark = text[start]
        # (characters compared, not text.startswith("..", end): a method call with a start
        # argument is a generic call, 950 instructions a mark)
        if mark == "." and end + 1 < n and text[end] == "." and text[end + 1] == ".":
            end += 2
        elif mark != "\u2026":
            while end < n and text[end] in ".!?":
                end += 1
        while end < n and text[end] in "\"')]":
            end += 1
        out.append((start, end))
        for k in range(len(_MARKS)):
            if 0 <= ahead[k] < end:
                ahead[k] = text.find(_MARKS[k], end)


def _is_boundary(text: str, punct_start: int, cut: int) -> bool:
    """Whether the punctuation text[punct_start:cut] ends a sentence."""
    # punct, text[punct_start:cut], opens with "..." or "\u2026" (read by its characters:
    # startswith of a tuple built one a mark)
    mark = text[punct_start]
    ellipsis = mark == "\u2026" or mark == "." and cut - punct_start >= 3 \
        and text[punct_start + 1] == "." and text[punct_start + 2] == "."
    if not ellipsis and not text[cut:cut + 1].isspace():
        return False  # "2.17", "U.S", "aadil.s" (told before the next word is matched)
    word = next_word(text, cut)
    if not word:
        return False  # end of block (the final span covers it) or no word follows
    if ellipsis:
        # "challenges...In spite of": an ellipsis ends a sentence only before a capital.
        return word[0].isupper()
    if word[0].islower() and not word[0].isdigit():
        return False  # "U.S. sanctions", "e.g. the", "he said?" asked
    if word.strip("-") == "":
        return False  # a dash: "CAPE CANAVERAL, Fla. - A SpaceX rocket ..." (desk probe K)
    if mark == "." and _after_a_list_label(text, punct_start):
        return False  # a rank in a list run into its line: "final: 1. Yanis Mbeki (FRA) 7.41;
        # 2. Tomasz Wierzba ..." (desk probe M: cut into claims at each rank)
    if mark == ".":
        return not _is_abbreviation(word_before(text, max(0, punct_start - 40), punct_start),
                                    word)
    return True


# The word after a sentence's end, as a pattern: what next_word reads by hand (the tests
# compare them).
_NEXT_RE: Final = rx.compile(r"\s*[\"'(\[]?(?P<word>[\w$\u00a3\u20ac-][\w.'-]*)")
_WORD_OPENERS: Final = "$\u00a3\u20ac-_"  # a word's first character, but a letter or digit
_WORD_MARKS: Final = ".'-_"  # ... and its next ones


def next_word(text: str, at: int) -> str:
    """The word after text[at:]'s blanks and one opening quote or bracket, or "" for none:
    the group "word" of _NEXT_RE matched at `at` (0 <= at <= len(text))."""
    # Read a character at a time (\s is str.isspace, \w str.isalnum or "_"): the match and
    # its group cost 3,300 instructions a full stop. No backtracking can find another
    # match: neither a blank nor an opening mark opens a word.
    n = len(text)
    while at < n and text[at].isspace():
        at += 1
    if at < n and text[at] in "\"'([":
        at += 1
    if at >= n or not (text[at].isalnum() or text[at] in _WORD_OPENERS):
        return ""
    end = at + 1
    while end < n and (text[end].isalnum() or text[end] in _WORD_MARKS):
        end += 1
    return text[at:end]


_LIST_NUMBER_RE: Final = rx.compile(r"[:;]\s+\d{1,2}\Z")


def _after_a_list_label(text: str, at: int) -> bool:
    """_LIST_NUMBER_RE.search(text, max(0, at - 6), at) is not None (for at <= len(text))."""
    # Its match ends in a digit (\d: str.isdecimal, which isdigit holds) right before at: most
    # full stops follow a letter, and the search is not made (1,500 instructions).
    return at > 0 and text[at - 1].isdigit() \
        and _LIST_NUMBER_RE.search(text, max(0, at - 6), at) is not None


_FINAL_PUNCT_RE: Final = rx.compile(rf"{CANDIDATE_PLAIN}\Z")


def ends_sentence(before: str, after: str) -> bool:
    """Whether a sentence ends where `before` meets `after` (a line and the next one, read
    as if one space joined them): "... the U.S." / "Geological Survey" goes on."""
    head = fold(before.rstrip())
    punct = _FINAL_PUNCT_RE.search(head)
    if punct is None:
        return False
    return _is_boundary(f"{head} {fold(after.lstrip())}", punct.start(), len(head))


def word_before(text: str, lo: int, hi: int) -> str:
    """What _WORD_BEFORE_RE.search(text, lo, hi) finds ("" for nothing): the run of word
    characters and periods ending at hi.

    Read backwards from hi: the search tried every position of the window, running to its
    end from each (tests/extract/test_segment.py)."""
    hi = min(hi, len(text))
    lo = max(lo, 0)  # (as the search's pos: a negative one read from the text's end)
    if hi > lo and text[hi - 1] == "\n":  # "$" also matches before a final newline
        before = _WORD_BEFORE_RE.search(text, lo, hi)
        return before.group() if before else ""
    # Walked back a character at a time (\w is str.isalnum or "_"): a match of the reversed
    # window cost 3,800 instructions a word.
    at = hi
    while at > lo:
        char = text[at - 1]
        if not (char.isalnum() or char == "_" or char == "."):
            break
        at -= 1
    return text[at:hi]


def _is_abbreviation(word: str, following: str) -> bool:
    """Whether `word.` (before `following`) is an abbreviation rather than a sentence end."""
    if not word:
        return False
    lower = word.lower()
    if lower in ABBREVIATIONS:
        # "No 4." ends a sentence; "No. 4" does not. "Jan. 17" does not; "in Jan. The" does.
        if lower in {"no", "nos"}:
            return following[:1].isdigit()
        if lower in _MAY_END:
            return following.lower() not in _OPENERS
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Thomas G. Tsao"
    # (a dotted acronym holds a ".": most words have none, and are not matched)
    if "." in word and _DOTTED_RE.fullmatch(word):
        return following.lower() not in _OPENERS  # dotted acronym: "U.S", "e.g"
    return False
