"""What one line of a page is, read alone: the tests `clean` asks of each line in turn
(page furniture of each kind, a figure's bullet, a live blog's entry, a headline). A fact
box's rows are read with the lines beside them (`clean_rows`)."""

from __future__ import annotations

import re
from typing import Final

from checker import rx
from checker.charscan import ascii_single_spaced
from checker.extract import clean_words as cw
from checker.extract.cues import any_in
from checker.extract.date_patterns import PHONE_RE, may_hold_phone
from checker.textutil import fold


def is_front_or_back_matter(body: str, words: list[str] | None = None) -> bool:
    """A journal page's author line, affiliation list or reference (cw.AUTHOR_DEGREE_RE and
    the patterns after it); `words` is body.split() (its first four at least) when the
    caller has it."""
    # Each branch of cw.REFERENCE_RE holds ";" or "doi" (no IGNORECASE): most lines hold
    # neither, and their words are not split off. Then the anchored authors' pattern first: it
    # fails on a line's first words, where the reference's search scans the whole line (both
    # are asked; the order changes nothing).
    if ";" in body or "doi" in body:
        if words is None:
            words = body.split(None, 4)
        if may_open_authors(words) and cw.REFERENCE_AUTHORS_RE.match(body) \
                and cw.REFERENCE_RE.search(body):
            return True
    if body.rstrip().endswith((".", "!", "?")) or ":" in body or (
            "," not in body and ";" not in body):
        return False  # a sentence, a labelled row ("Scorers: Kane (12), ..."), or no list
    return cw.AFFILIATION_RE.match(body) is not None \
        or len(cw.AUTHOR_DEGREE_RE.findall(body)) >= 2 \
        or len(cw.AUTHOR_MARK_RE.findall(body)) >= 2


def word_count(text: str) -> int:
    """len(text.split())."""
    # Most lines are ASCII, their words one space apart: then the spaces are counted, where
    # split() made a string of each word (5,000 instructions a line of 20 words).
    if text and text[0] != " " and text[-1] != " " and text.isascii() \
            and ascii_single_spaced(text):
        return text.count(" ") + 1
    return len(text.split())


# Characters seldom in running text (and letters seldom in English).
_RARE_CHARACTERS: Final = "\u00a9@[]():;-qjxzk"


def probed(cues: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each cue with its probe: the first of its characters in _RARE_CHARACTERS, or "" when
    it has none or is that character alone."""
    out = []
    for cue in cues:
        rare = [char for char in _RARE_CHARACTERS if char in cue]
        out.append(("" if not rare or cue == rare[0] else rare[0], cue))
    return tuple(out)


def any_probed(text: str, cues: tuple[tuple[str, str], ...]) -> bool:
    """Whether any cue of `probed(cues)` occurs in text: any_in(text, cues)."""
    # A cue holds its probe: where the probe is missing, so is the cue. The probe is one
    # character (a memchr, 90 instructions), the cue a search of the line (400 and more).
    for probe, cue in cues:  # noqa: SIM110 -- any() over a generator costs twice as much
        if (probe == "" or probe in text) and cue in text:
            return True
    return False


# The word each branch of cw.BYLINE_RE opens with, in lower case ("additional" may stand
# before "reporting by"), and where it ends at the latest (after an opening bracket).
_BYLINE_OPENERS: Final = ("by", "source", "via", "press desk", "staff report", "edited by",
                          "additional", "reporting by", "writing by", "editing by",
                          "compiled by")
_BYLINE_HEAD: Final = 1 + max(map(len, _BYLINE_OPENERS))


def may_open_byline(body: str) -> bool:
    """A cheap necessary condition of cw.BYLINE_RE.match(body): its head opens with one of
    _BYLINE_OPENERS in any case, after an optional "(", or is none of ASCII."""
    # In ASCII, IGNORECASE is lower-casing; a head with another character ("\u017f" reads
    # as "s") is matched. The match cost 3,000 instructions, however soon it failed.
    head = body[:_BYLINE_HEAD]
    if not head.isascii():
        return True
    head = head.lower()
    if head.startswith("("):
        head = head[1:]
    return head.startswith(_BYLINE_OPENERS)


# The first three letters of each day and month cw.DATELINE_RE may open with.
_DATELINE_OPENERS: Final = frozenset({
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec"})


def may_open_dateline(body: str, first: str) -> bool:
    """A cheap necessary condition of cw.DATELINE_RE.match(body): it opens with a digit,
    with a day's or a month's first three letters in any case, or with none of ASCII.
    `first` is body's first character, lower-cased when ASCII, else "" (clean._first)."""
    # Its branches open with a day, a month (three letters at least) or \d. In ASCII,
    # IGNORECASE is lower-casing; a head with another character is matched.
    if first == "" or first in "0123456789":
        return True
    head = body[:3]
    return not head.isascii() or head.lower() in _DATELINE_OPENERS


def may_open_authors(words: list[str]) -> bool:
    """A cheap necessary condition of cw.REFERENCE_AUTHORS_RE.match(body), of body's words:
    one of the second to fourth opens with an ASCII capital and holds "," or "." among its
    next three characters (the initials' "[A-Z]{1,3}[,.]")."""
    # The pattern's parts before the initials hold no whitespace and each ends where \s+
    # follows (str.split's whitespace is \s's): they are whole words, one to three of them.
    # The match cost 6,700 instructions a line, however soon it failed.
    for word in words[1:4]:
        if "A" <= word[0] <= "Z":
            initials = word[1:4]
            if "," in initials or "." in initials:
                return True
    return False


def is_contact(body: str) -> bool:
    """A line telling the reader whom to call, on a telephone number (cw.CONTACT_VERB_RE)."""
    # The substring tests first: the digit test walks the line a character at a time, and
    # PHONE_RE's search, its look-behind at every position, cost 38,000 instructions a line
    # (-0.3% of extraction's).
    return may_hold_phone(body) and may_tell_contact(body) and any(c.isdigit() for c in body) \
        and PHONE_RE.search(body) is not None and cw.CONTACT_VERB_RE.search(body) is not None


# A word of each branch of cw.CONTACT_VERB_RE, in lower case: in an ASCII line, where
# IGNORECASE is lower-casing, the pattern matches only where the lower case holds one.
_CONTACT_CUES: Final = ("call", "phone", "ring", "text", "contact", "reported")


def may_tell_contact(body: str) -> bool:
    """A cheap necessary condition of cw.CONTACT_VERB_RE.search(body)."""
    return not body.isascii() or any_in(body.lower(), _CONTACT_CUES)


def figure_bullet(body: str) -> bool:
    """A bullet stating a figure: money, a percentage, a scaled amount, or a count at a
    time ("612 stores at the end of the quarter")."""
    return cw.FIGURE_BULLET_RE.search(body) is not None or \
        cw.COUNT_BULLET_RE.match(body) is not None


def is_live_entry(body: str) -> bool:
    """A live blog's post after its time stamp: a statement even when, like a headline, it
    has no full stop ("12.04pm GMT: Breaking: Bank of England cuts interest rates to 3.25%"
    was a title, and no claim; a desk probe)."""
    # Each branch of the stamp opens with a digit (\d: an ASCII one, or another decimal
    # digit, which is no ASCII character): most lines open with neither, and are not matched.
    first = body[:1]
    stamp = cw.LIVE_STAMP_RE.match(body) if not first.isascii() or first.isdigit() else None
    return stamp is not None and len(body[stamp.end():].split()) >= cw.LIVE_ENTRY_WORDS


def is_credit(body: str) -> bool:
    """The story's credits, full stop or not: every ';' part names who reported, wrote or
    edited it ("Reporting by X; Editing by Y."), or the line says who contributed to it."""
    if "contributed" in body and cw.CONTRIBUTED_RE.search(body):
        return True
    return " by " in body and all(cw.CREDIT_PART_RE.match(part.strip())
                                  for part in body.split(";"))


# The marks of cw.MENU_SPLIT_RE's separators.
MENU_MARKS: Final = "|\u00b7\u2022\u00bb\u203a"


def menu_marks(body: str) -> int:
    """How many of MENU_MARKS body holds."""
    # A count of each: sum(map(body.count, MENU_MARKS)) made a Python call a mark, 7,000
    # instructions a line (-0.3% of extraction's). "|" is the only ASCII one: an ASCII line
    # (most, folded) holds none of the others, and is not read for them.
    if body.isascii():
        return body.count("|")
    return body.count("|") + body.count("\u00b7") + body.count("\u2022") \
        + body.count("\u00bb") + body.count("\u203a")


def is_menu(body: str) -> bool:
    """A menu on one line: several short items between bars or dots, none a sentence or a
    figure ("e-Paper | Subscribe | Sign in"). A Markdown table row starts with its bar."""
    # Each separator holds one of the marks: a line with fewer marks than a menu has
    # separators (most lines have none) is no menu, without splitting it.
    if body.startswith("|") or menu_marks(body) < cw.MENU_MIN_ITEMS - 1:
        return False
    items = cw.MENU_SPLIT_RE.split(body)
    return len(items) >= cw.MENU_MIN_ITEMS and all(
        item and len(item.split()) <= cw.MENU_ITEM_WORDS and not has_sentence_end(item)
        and not cw.FIGURE_BULLET_RE.search(item) for item in items)


def cued(text: str, casefolded: str, cues: tuple[tuple[str, str], ...],
         pattern: re.Pattern[str]) -> bool:
    """pattern.search(text), tried only when one of its literal cues occurs in casefolded,
    text.casefold() (read once for the cues of each kind); `cues` are probed(its cues)."""
    return any_probed(casefolded, cues) and pattern.search(text) is not None


def ends_open(text: str) -> bool:
    """cw.ENDS_OPEN_RE.search(text), read at the end only: its longest word has 5 letters."""
    return cw.ENDS_OPEN_RE.search(text, max(0, len(text.rstrip()) - 6)) is not None


def has_sentence_end(text: str) -> bool:
    """Whether the line ends as a sentence does (cw.END_PUNCT)."""
    return text.rstrip().endswith(cw.END_PUNCT)


_HEADLINE_WORD_RE: Final = rx.compile(r"[^\W\d_][\w'&.-]*")


def is_headline(text: str) -> bool:
    """A short line in title case with no sentence-final punctuation."""
    body = fold(text).strip()
    if not body or has_sentence_end(body) or len(body.split()) > 22:
        return False
    words = _HEADLINE_WORD_RE.findall(body)
    content = [w for w in words if w.lower() not in cw.SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75
