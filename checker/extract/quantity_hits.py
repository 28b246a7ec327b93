"""A number match read with the currency and the modifier written before it ("more than
US$5", "about 70"), as one match."""

from __future__ import annotations

import re
from typing import Final

from checker import rx
from checker.extract import quantity_patterns as qp
from checker.extract.cues import must_lower_twin

# "a 4.5% rise over two years": "over" a span of time says how long, not "more than".
_OVER_RE: Final = rx.compile(r"over\s*", re.IGNORECASE)
# ... unless a verb of duration comes before it: "lasted over three hours" is more than.
_FOR_BEFORE_RE: Final = rx.compile(r"\b(?:lasted|lasting|lasts|took|takes|taking|for|waited|spent|"
                                   r"in)\s+\Z", re.IGNORECASE)
_DURATION_RE: Final = rx.compile(r"[\w.,]+\s+(?:years?|months?|weeks?|days?|decades?|hours?|"
                                 r"quarters?|centuries)\b", re.IGNORECASE)


class Hit:
    """A match with the currency and modifier written before it, read as one match.

    `head` is where the whole hit starts (start()); a part other than "cur" and "mod" starts
    where the match's own does (m.start(name)): the readers of figures read both so, without
    a Python call each."""

    def __init__(self, folded: str, m: re.Match[str], currency: bool = True,
                 floor: int = 0) -> None:
        self.m = m
        self.spans: dict[str, tuple[int, int]] = {}
        self.head, cur, mod = read_before(folded, m.start(), currency, floor)
        if cur is not None:
            self.spans["cur"] = cur
        if mod is not None:
            self.spans["mod"] = mod
        self.groups = m.groupdict()
        for name, (a, b) in self.spans.items():
            self.groups[name] = folded[a:b]
        # The readers ask a hit for its parts a score of times: native methods reading a
        # dict and an int (a bound dict.get or m.end held in an attribute is a generic
        # Python call each, ~250 instructions compiled).
        self.stop = m.end()

    def group(self, name: str) -> str | None:
        """A part's text, or None when absent."""
        return self.groups.get(name)

    def end(self, name: str | None = None) -> int:
        """Where the whole hit (the match), or a named part, ends (a part's end is the
        match's)."""
        return self.stop if name is None else self.m.end(name)

    def start(self, name: str | None = None) -> int:
        """Where the whole hit, or a named part, starts."""
        if name is None:
            return self.head
        return self.spans[name][0] if name in self.spans else self.m.start(name)


def read_before(folded: str, start: int, currency: bool, floor: int
                ) -> tuple[int, tuple[int, int] | None, tuple[int, int] | None]:
    """Where a hit whose match starts at `start` starts, and the spans of the currency and
    the modifier written before it (None where there is none)."""
    head = start
    # Nothing before `floor`, where the window searched starts, is part of a hit.
    cur = currency_before(folded, max(floor, head - 8), head) if currency else None
    if cur is not None:
        head = cur[0]
    # The modifier ends in whitespace right before the number: test that first.
    mod = (modifier_before(folded, max(floor, head - 25), head)
           if head > floor and folded[head - 1].isspace() else None)
    if mod is None or (_OVER_RE.fullmatch(folded[mod[0]:mod[1]])
                       and _DURATION_RE.match(folded, start)
                       and not _FOR_BEFORE_RE.search(folded, max(0, mod[0] - 12), mod[0])):
        return head, cur, None
    return mod[0], cur, mod


class NumberHit:
    """A match of NUMBER_RE with the currency and modifier written before it, its parts
    as attributes (what Hit's group() and end() read, without a dict or a Python call
    each: from_match asked a Hit ~17 times a number).

    `regs` is the match's regs (one attribute read for every span): `at` and `num_end`
    are where the number itself starts and ends, `stop` where the match ends and `head`
    where the hit does; a part absent is None."""

    def __init__(self, folded: str, regs: tuple[tuple[int, int], ...], floor: int) -> None:
        at, num_end = regs[1]
        self.at = at
        self.num_end = num_end
        self.stop = regs[0][1]
        self.num = folded[at:num_end]
        # NUMBER_RE's groups: num 1, cur2 2, num2 3, scale 4, unit 5 (the test checks them)
        self.cur2 = _part(folded, regs[2])
        self.num2 = _part(folded, regs[3])
        self.scale = _part(folded, regs[4])
        self.unit = _part(folded, regs[5])
        self.head, cur, mod = read_before(folded, at, True, floor)
        self.cur = None if cur is None else folded[cur[0]:cur[1]]
        self.mod = None if mod is None else folded[mod[0]:mod[1]]


def _part(folded: str, span: tuple[int, int]) -> str | None:
    """A group's text from its span in regs, None for a group that took no part."""
    a, b = span
    return None if a < 0 else folded[a:b]


_LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# The characters a dollar sign of DOLLAR_BEFORE_RE follows inside its match (whitespace too).
_DOLLAR_AFTER: Final = "AaCcKkSsZz.\u017f\u212a"


def currency_before(folded: str, lo: int, head: int) -> tuple[int, int] | None:
    """The span of CUR_BEFORE_RE.search(folded, lo, head): a currency ending right before
    the number at head ("$", "US$ ", "Rs. ", "EUR ")."""
    # CUR_BEFORE_RE tries its forty-odd branches at each of the window's eight positions
    # (7 us a number in pure Python). In an ASCII window a match ends in "$", or in one of
    # CUR_WORDS (a full stop, one whitespace after): a window ending so is searched, "$"
    # by its dollars alone; no other can match (Hit.__init__ 39.5 -> 13.3 M instructions
    # with modifier_before's test of its last words, 300 docs).
    window = folded[lo:head]
    last = window[:-1] if window[-1:].isspace() else window
    if last.endswith("$"):
        # A dollar sign after a character no longer sign ends in ("US$", "HK$", "U.S. $":
        # IGNORECASE reads "\u017f" as "s" and "\u212a" as "k") is the match by itself.
        at = lo + len(last) - 1
        before = folded[lo:at][-2:]
        if not before or before[-1] not in _DOLLAR_AFTER and not (
                before[-1].isspace() and before[:-1] == "."):
            return at, head
        match = qp.DOLLAR_BEFORE_RE.search(folded, lo, head)
        return match.span() if match else None
    if not window.isascii():
        match = qp.CUR_BEFORE_RE.search(folded, lo, head)
        return match.span() if match else None
    if last.endswith("."):
        last = last[:-1]
    word = last[len(last.rstrip(_LETTERS)):]
    if word.lower() not in qp.CUR_WORDS:
        return None
    match = qp.CUR_BEFORE_RE.search(folded, lo, head)
    return match.span() if match else None


# MOD_BEFORE_RE without IGNORECASE, for the lower-case window (cues.lower_twin).
_MOD_TWIN: Final = must_lower_twin(qp.MOD_BEFORE_RE)


def modifier_before(folded: str, lo: int, head: int) -> tuple[int, int] | None:
    """The span of MOD_BEFORE_RE.search(folded, lo, head): a modifier ending right before
    the number at head ("more than ", "about ")."""
    window = folded[lo:head]
    if window.isascii():
        low = window.lower()
        # Its last two words first: "of", "to" and "as" end many windows ("a rise of 5",
        # "rose to 5", "was 5"), a modifier only after "excess", "up" or "many" (where the
        # last word alone was tested, 1,040 windows were searched to find no modifier:
        # modifier_before 11.2 -> 4.5 M instructions, 300 docs).
        words = low.rsplit(None, 2)
        if not words or not (words[-1].endswith(qp.MOD_ONE_WORDS) or len(words) > 1 and (
                words[-2].endswith(qp.MOD_WORDS_BEFORE.get(words[-1], ())))):
            return None
        # Searched lower-cased by the twin, as a string of its own: that changes nothing
        # unless a word runs on across lo (the \b at lo would differ).
        if lo == 0 or not _is_word(folded[lo - 1]):
            found = _MOD_TWIN.search(low)
            return (lo + found.start(), lo + found.end()) if found else None
    match = qp.MOD_BEFORE_RE.search(folded, lo, head)
    return match.span() if match else None


def _is_word(char: str) -> bool:
    """Whether the regex engine counts char as \\w (str patterns)."""
    return char.isalnum() or char == "_"


def _may_end_modifier(window: str) -> bool:
    """Whether MOD_BEFORE_RE can match at the end of this window (see MOD_LAST_WORDS)."""
    return not window.isascii() or window.rstrip().lower().endswith(qp.MOD_LAST_WORDS)
