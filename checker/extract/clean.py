"""Page clean-up: tell content lines from navigation, share buttons, link lists and footers.

Nothing is removed from the text: each line gets a kind, so offsets and line numbers keep
pointing into the original file.
"""

from __future__ import annotations

from typing import Final

from checker import rx
from checker.extract import clean_words as cw
from checker.extract.clean_lines import (
    cued,
    ends_open,
    figure_bullet,
    has_sentence_end,
    is_contact,
    is_credit,
    is_front_or_back_matter,
    is_headline,
    is_live_entry,
    is_menu,
    may_open_byline,
    may_open_dateline,
    probed,
    word_count,
)
from checker.extract.clean_lists import Block as Block
from checker.extract.clean_lists import BlockKind as BlockKind
from checker.extract.clean_lists import ListNote, list_note, mark_link_lists
from checker.extract.clean_rows import mark_rows
from checker.extract.date_shift import dateline_end
from checker.textutil import fold, ignorecase_fold, line_spans


def classify_lines(text: str, start: int = 0, folded: str | None = None) -> list[Block]:
    """Classify every line of text[start:] as content, heading, boilerplate or blank.

    `folded` is fold(text) when the caller has it."""
    blocks: list[Block] = []
    notes: list[ListNote] = []
    if folded is None:
        folded = fold(text)  # once: folding keeps offsets, so lines are slices of it
    for pos, line_end in line_spans(text, start):
        line = folded[pos:line_end]
        inner = _markup_around(line) if "<" in line else None
        if inner is None:
            _add_line(blocks, notes, folded, pos, line_end)
        else:
            # A sentence with a scraper's tags around it: the tags are furniture of their
            # own, the sentence is classified without them (it ended in ">", no full stop).
            lo, hi = pos + inner[0], pos + inner[1]
            if lo > pos:
                blocks.append(Block(pos, lo, "boilerplate", "markup"))
                notes.append(list_note(folded[pos:lo], "boilerplate"))
            _add_line(blocks, notes, folded, lo, hi)
            if hi < line_end:
                blocks.append(Block(hi, line_end, "boilerplate", "markup"))
                notes.append(list_note(folded[hi:line_end], "boilerplate"))
    return mark_rows(mark_link_lists(blocks, notes, folded), folded)


def _add_line(blocks: list[Block], notes: list[ListNote], folded: str, start: int,
              end: int) -> None:
    """Classify folded[start:end] (a line, or a sentence's part of one) and append it."""
    line = folded[start:end]
    if len(line) > _MEMO_LINE_CHARS:
        block = _classify(line, start, end)
        note = list_note(line, block.kind)
    else:
        # A dict of its own, not lru_cache: through the cache's wrapper, each line was a
        # generic Python call (the function's kind needs no least-recently-used order).
        known = _LINE_KINDS.get(line)
        if known is None:
            known = _line_kind(line)
            if len(_LINE_KINDS) >= _MEMO_LINES:
                _LINE_KINDS.clear()
            _LINE_KINDS[line] = known
        kind, reason, note = known
        block = Block(start, end, kind, reason)
    blocks.append(block)
    notes.append(note)


# HTML a scraper left around a sentence: tags at the start of the line, and at its end tags
# with the link text between them ('Station. <a href="/more">Read more</a>', "<script>x
# </script>"). Text between tags ends no sentence: "a <b>member</b> of it." is one sentence.
_TAG: Final = r"<[A-Za-z/!][^<>]*>"
_MARKUP_HEAD_RE: Final = rx.compile(rf"\s*(?:{_TAG}\s*)+")
_MARKUP_TAIL_RE: Final = rx.compile(rf"(?:{_TAG}[^<>.!?]*)*{_TAG}\s*\Z")


def _markup_around(line: str) -> tuple[int, int] | None:
    """(start, end) in line of a sentence with tags before or after it, or None when the
    line has no such tags or nothing between them ends a sentence."""
    head = _MARKUP_HEAD_RE.match(line)
    lo = head.end() if head else 0
    tail = _MARKUP_TAIL_RE.search(line, lo)
    hi = tail.start() if tail else len(line)
    if (lo, hi) == (0, len(line)) or not line[lo:hi].strip() \
            or not has_sentence_end(line[lo:hi]):
        return None
    return lo, hi


# Page furniture repeats from page to page of a site ("Follow us on Twitter", "Read More:
# ..."): the same line is read once (in the generated bench corpus, 7,500 distinct lines in
# 17,500). The kind depends on the line's text only. Long lines are running text, seldom
# repeated: they are not kept (the memo stays a few MB).
_MEMO_LINE_CHARS: Final = 200
_MEMO_LINES: Final = 1 << 14
_LINE_KINDS: Final[dict[str, tuple[BlockKind, str, ListNote]]] = {}


def _line_kind(raw: str) -> tuple[BlockKind, str, ListNote]:
    """(kind, reason, what mark_link_lists reads of it) of one (folded) line."""
    block = _classify(raw, 0, 0)
    return block.kind, block.reason, list_note(raw, block.kind)


# A line of this many words is longer than any footer's or bio's: their cues are not read.
_CUED_WORDS: Final = max(60, cw.WEAK_FOOTER_WORDS + 1)
_FOOTER_CUES: Final = probed(cw.FOOTER_CUES)
_WEAK_FOOTER_CUES: Final = probed(cw.WEAK_FOOTER_CUES)
_BIO_CUES: Final = probed(cw.BIO_CUES)


def _classify(raw: str, start: int, end: int) -> Block:
    """The kind of one (folded) line spanning text[start:end]."""
    stripped = raw.strip()
    if not stripped:
        return Block(start, end, "blank")
    bullet = cw.BULLET_RE.match(raw) if stripped[0] in _BULLET_MARKS else None
    body = raw[bullet.end():].strip() if bullet else stripped
    plain = body.strip("*_ ")  # Markdown emphasis: "**Share this article**"
    lower = plain.lower().rstrip(" :")
    words = word_count(body)
    first = _first(body)
    plain_first = _first(plain)
    # The cues of footers and bios are read in it (lines longer than any of them have none).
    casefolded = ignorecase_fold(body) if words < _CUED_WORDS else ""
    reason = ""
    if first in _URL_FIRSTS and cw.URL_RE.match(body):
        reason = "url"
    elif len(lower) <= _UI_WORD_CHARS and (lower in cw.UI_WORDS or lower + ":" in cw.UI_WORDS) or (
            plain_first in _UI_FIRSTS and may_open_ui(plain, plain_first)
            and cw.UI_PREFIX_RE.match(plain)):
        reason = "ui"
    elif "|" in lower and all(part.strip() in cw.UI_WORDS for part in lower.split("|")):
        reason = "ui"  # "Enter your email | Sign up": a newsletter box (desk probe H)
    elif "](" in body and len(cw.MD_LINK_RE.sub(" ", body).replace("|", " ").split()) < 3:
        # Markdown links and little else: "[Tweet](…) | [Email](…)", "* [Headline](…)".
        reason = "links"
    elif stripped[0] in _SEPARATOR_MARKS and cw.SEPARATOR_RE.match(stripped):
        reason = "separator"
    elif body.startswith("(") and cw.WIRE_TAG_RE.match(body):
        reason = "wire-tag"
    elif first in _NUMBERISH_FIRSTS and cw.NUMBERISH_RE.match(body):
        reason = "counter"
    elif words < 60 and cued(body, casefolded, _FOOTER_CUES, cw.FOOTER_RE) or (
            words <= cw.WEAK_FOOTER_WORDS
            and cued(body, casefolded, _WEAK_FOOTER_CUES, cw.WEAK_FOOTER_RE)):
        reason = "footer"
    elif words < 40 and cued(body, casefolded, _BIO_CUES, cw.BIO_RE):
        reason = "bio"
    elif first in _DATELINE_FIRSTS and may_open_dateline(body, first) \
            and cw.DATELINE_RE.match(body) or (
            first in _STAMP_FIRSTS and cw.STAMP_RE.match(body)):
        reason = "dateline"
    elif first in _BYLINE_FIRSTS and may_open_byline(body) and cw.BYLINE_RE.match(body) \
            and words <= 25 and (
            not has_sentence_end(body) or body.startswith("(") or cw.SOURCE_RE.match(body)) \
            or words <= 30 and is_credit(body):
        reason = "byline"
    elif first in _CITATION_FIRSTS and ":" in body and cw.CITATION_RE.match(body):
        reason = "citation"
    elif ":" in plain and (plain_first in _CHECKED_FIRSTS and cw.CHECKED_CLAIM_RE.match(plain) or (
            plain_first in _SOURCES_FIRSTS and cw.SOURCES_LINE_RE.match(plain)) and (
            ";" in plain or words <= cw.SOURCES_MAX_WORDS)
            and not cw.SENTENCE_AFTER_RE.search(plain.rstrip(". "))):
        reason = "fact-check"
    elif is_front_or_back_matter(body):
        reason = "scholarly"
    elif words <= cw.CONTACT_MAX_WORDS and is_contact(body):
        reason = "contact"
    elif is_menu(body):
        reason = "menu"
    elif bullet and words <= 6 and not has_sentence_end(body) and \
            not figure_bullet(body):
        reason = "nav"
    if not reason and bullet and figure_bullet(body):
        # "Russia: $109 billion, up 24%": a list of figures is a table written as prose,
        # each line a fact, though none ends in a full stop.
        return Block(start, end, "content")
    if not reason and bullet and words <= 25 and not has_sentence_end(body):
        return Block(start, end, "heading", "summary-bullet")
    if reason:
        return Block(start, end, "boilerplate", reason)
    if is_live_entry(body):
        return Block(start, end, "content")
    if is_headline(body):
        return Block(start, end, "heading", "headline")
    if words <= cw.TITLE_MAX_WORDS and (not has_sentence_end(body) or caption_end(body)) \
            and not ends_open(body):
        # A short line without final punctuation is a title in sentence case ("China ready
        # to strengthen space ties as ..."), not running text.
        return Block(start, end, "heading", "unpunctuated")
    return Block(start, end, "content")


# Where an anchored pattern of _classify can match, its first character (its letters in lower
# case): a line opening with another is not matched. Most lines open with a capital letter,
# and each match call cost some 2,000 instructions however soon it failed.
_BULLET_MARKS: Final = "\u2022\u25cf\u25aa\u2023\u2043*-"  # cw.BULLET_RE after its spaces
_SEPARATOR_MARKS: Final = "-=_*~#.\u2022"  # cw.SEPARATOR_RE, of a stripped line
_DIGITS: Final = "0123456789"
_UI_FIRSTS: Final = "acdefgilmprstvw" + _DIGITS  # cw.UI_PREFIX_RE
# cw.NUMBERISH_RE (its \s: ASCII spaces, the non-ASCII ones pass as any such character)
_NUMBERISH_FIRSTS: Final = ".,:/|()+- \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f" + _DIGITS
_DATELINE_FIRSTS: Final = "adfjmnostw" + _DIGITS  # cw.DATELINE_RE: days, months, digits
_URL_FIRSTS: Final = "hw"  # cw.URL_RE
_STAMP_FIRSTS: Final = "lmpu"  # cw.STAMP_RE
_BYLINE_FIRSTS: Final = "(abceprsvw"  # cw.BYLINE_RE
_CITATION_FIRSTS: Final = "chrs"  # cw.CITATION_RE
_CHECKED_FIRSTS: Final = "acfostv"  # cw.CHECKED_CLAIM_RE
_SOURCES_FIRSTS: Final = "s"  # cw.SOURCES_LINE_RE


# The word each branch of cw.UI_PREFIX_RE opens with (but its digit's), in lower case.
_UI_OPENERS: Final = (
    "watch", "read", "explore", "content", "input", "follow", "sign", "subscribe", "click",
    "share", "download", "get", "image", "photo", "file", "caption", "credit", "listen", "skip",
    "related", "see", "also", "more", "recommended", "advertisement", "sponsored", "there",
    "view", "show")
_UI_HEAD: Final = max(map(len, _UI_OPENERS))
_UI_OPENERS_BY_FIRST: Final = {
    first: tuple(word for word in _UI_OPENERS if word[0] == first)
    for first in sorted({word[0] for word in _UI_OPENERS})}


def may_open_ui(plain: str, first: str) -> bool:
    """A cheap necessary condition of cw.UI_PREFIX_RE.match(plain): it opens with a digit or
    one of _UI_OPENERS in any case, or a character of its head is none of ASCII. `first`
    is _first(plain)."""
    # In ASCII, IGNORECASE is lower-casing. Most lines open with a letter of _UI_FIRSTS
    # ("The", "A", "In", "She") and were matched, 6,400 instructions each; only the openers
    # of the line's first letter are compared (all of them cost 4,000).
    openers = _UI_OPENERS_BY_FIRST.get(first)
    if openers is None:
        return first == "" or first.isdigit()  # "": empty, or no ASCII first character
    head = plain[:_UI_HEAD]
    return not head.isascii() or head.lower().startswith(openers)


# Each UI word's length at most: a longer line is none of them (nor is it with a colon), and
# is not hashed to be looked up (its whole length read, twice).
_UI_WORD_CHARS: Final = max(map(len, cw.UI_WORDS))


def _first(text: str) -> str:
    """What `_first(text) in firsts` asks: whether text may open a match of a pattern whose
    matches open with one of `firsts` (ASCII; letters in lower case, matched
    case-insensitively or not). "" (in every string) when text is empty or its first
    character is none of ASCII (IGNORECASE lets "\u017f" match "s" and "\u212a" "k", and \\d
    any decimal digit), else that character lower-cased."""
    # Read once a line: each test of a first character re-read it (2 method calls, 600
    # instructions; eight a line). Then looked up: isascii() was a generic method call.
    return _ASCII_LOWER.get(text[:1], "")


# Each ASCII character, lower-cased (what _first answers of a text opening with it).
_ASCII_LOWER: Final = {chr(code): chr(code).lower() for code in range(128)}


# A title's closing label in brackets is no sentence's end: "Bahrain Grand Prix,
# classification (57 laps)", "Timeline (all times UTC, Monday 16 March)" (desk probe P:
# claims). After a sentence's full stop the label is its source's ("... by 41 seconds.
# (Reuters)", a Markdown page's "([source](https://...))"): the line is that sentence.
_CAPTION_END_RE: Final = rx.compile(
    r"(?<![.!?])(?<![.!?][\"'\u2019\u201d])\s\([^().!?]{1,40}\)\s*$")


def caption_end(body: str) -> bool:
    """Whether body ends in a title's label in brackets (_CAPTION_END_RE)."""
    # The pattern ends in "\)\s*$": only whitespace (\s is what str.isspace calls space,
    # the set rstrip removes) may follow its ")", so a line whose stripped end is no ")"
    # cannot match, and is not searched (the lookbehinds at every position made this search
    # one of extraction's costliest).
    return body.rstrip().endswith(")") and _CAPTION_END_RE.search(body) is not None


def content_blocks(text: str, start: int = 0, folded: str | None = None) -> list[Block]:
    """The content of text[start:], hard-wrapped lines of one paragraph joined into a block.

    A line is joined to the next when it stops mid-phrase ("... over the" / "lazy dog.") or
    the next one starts in lower case; blocks still point into the original text. `folded`
    is fold(text) when the caller has it.
    """
    out: list[Block] = []
    prev: Block | None = None
    for block in classify_lines(text, start, folded):
        line = text[block.start:block.end]
        # A fact box's row is a line of its own (`clean_rows`): "... in New York" over
        # "Review time: 210 days" is no name split by a wrap.
        joinable = (block.kind == "content" or block.reason == "unpunctuated") \
            and block.reason != "row"
        if prev is not None and joinable and prev.reason != "row" \
                and _joins(text[prev.start:prev.end], line, prev.kind == "content"):
            prev = Block(prev.start, block.end, "content", "paragraph")
            out[-1] = prev
            continue
        if prev is not None and prev.reason == "" and _title_over(text[prev.start:prev.end],
                                                                   line):
            out[-1] = Block(prev.start, prev.end, "heading", "unpunctuated")
        if block.kind == "content":
            out.append(block)
            prev = block
        else:
            prev = block if block.reason == "unpunctuated" else None
            if prev is not None:
                out.append(prev)
    return [b for b in out if b.kind == "content"]


# Characters of a hard-wrapped line of running text (lines are wrapped at 60-80).
_WRAPPED_WIDTH: Final = 50
_SENTENCE_INSIDE_RE: Final = rx.compile(r"[a-z0-9][.!?][\"')\u201d\u2019]?\s+[A-Z]")


def _joins(above: str, line: str, above_is_content: bool = True) -> bool:
    body = line.lstrip()
    if not body or cw.BULLET_RE.match(line) or _opens_a_story(body):
        return False
    above = above.rstrip()
    if has_sentence_end(above):
        return False
    # "... worth an estimated / $4.5 billion, would ...": a wrapped line may start with a
    # figure; only a line as long as running text is taken to stop mid-sentence.
    # A title ("Pakistan and China sign a space pact in Beijing") is no such line: the
    # line above is running text, or holds a sentence end of its own.
    running = above_is_content or _SENTENCE_INSIDE_RE.search(above) is not None
    figure = running and len(above) >= _WRAPPED_WIDTH and \
        (body[0].isdigit() or body[0] in "$\u00a3\u20ac\u00a5\u20b9")
    return body[0].islower() or (figure or ends_open(above)) and _wrapped(above, body) or (
        above_is_content and _splits_a_name(above, body))


def _title_over(above: str, line: str) -> bool:
    """A short line stopping on a word like "on" that a wrap did not break, over a line
    that starts a sentence: the title it would be without that word ("Turnout rebounds as
    Unity holds on"), not a claim of its own."""
    body = line.lstrip()
    return bool(body) and body[0].isupper() and not has_sentence_end(above) and \
        len(above.split()) <= cw.TITLE_MAX_WORDS and ends_open(above) and \
        (_opens_a_story(body) or not _wrapped(above, body))


def _wrapped(above: str, body: str) -> bool:
    """Whether the wrap broke the line above: the next line's first word would not have fit
    on it, the next line being as long. "Turnout rebounds as Unity holds on" over a longer
    sentence is a title that stops on "on", not a line that stops mid-phrase (a desk probe:
    the headline opened the story's first claim)."""
    last = above[above.rfind("\n") + 1:]
    return len(last) + 1 + len(body.split(maxsplit=1)[0]) > len(body.rstrip())


def _opens_a_story(body: str) -> bool:
    """A line opening with a wire dateline ("RIGA - Turnout ...", "Paris, March 3 (AFP) -
    ..."): a desk probe's headline above one ran into its first sentence."""
    return cw.WIRE_DATELINE_RE.match(body) is not None or \
        dateline_end(body, 0, len(body)) is not None


_LAST_WORD_RE: Final = rx.compile(r"([A-Z][\w'\u2019-]*)\Z")


def _splits_a_name(above: str, body: str) -> bool:
    """A name broken across the wrap: running text that stops on a capitalised word, and a
    line that goes on with one ("... a member of the International" / "Space Station and
    ..."; a CI probe: the false statement escaped its fact rule). A title is no such line."""
    return body[0].isupper() and len(above.split()) >= 5 and \
        _LAST_WORD_RE.search(above) is not None and not is_headline(above)
