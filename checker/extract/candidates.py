"""The candidate claims of a page: each content sentence's clauses, with the page's
furniture, list marks, time stamps, speakers' labels and section headings left out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from checker import rx
from checker.extract.clean import content_blocks
from checker.extract.clean_words import LIVE_STAMP_RE
from checker.extract.interview import Turns
from checker.extract.segment import split_sentences
from checker.extract.units import claim_units
from checker.extract.unwrap import unwrap
from checker.ingest import Document
from checker.textutil import fold

# Bullet marks before an item ("  \u2022 ", "- "), but not the sign of "-5%".
_BULLET_PREFIX_RE: Final = rx.compile(r"(?:\s*[\u2022\u25cf\u25aa\u2023\u2043*>-]+(?=\s))*\s*")
# A live blog's time stamp before an entry, and its label ("12.04pm GMT: Breaking: "):
# when the entry was posted, not what it says (clean_words.LIVE_STAMP_RE).
_STAMP_PREFIX_RE: Final = LIVE_STAMP_RE
_BULLET_MARKS: Final = "\u2022\u25cf\u25aa\u2023\u2043*>-"  # _BULLET_PREFIX_RE's


def lead_end(text: str, start: int, end: int) -> int:
    """Where text[start:end] goes on after its bullet marks and its time stamp (for
    0 <= start <= end <= len(text), as its callers' spans are)."""
    # Each pattern matches something only from its first characters: a blank or a mark,
    # a digit (\d is str.isdecimal, which isdigit holds). Most blocks open with a letter,
    # and are not matched (2,000 instructions a pattern, however soon it failed).
    if start < end and (text[start].isspace() or text[start] in _BULLET_MARKS):
        lead = _BULLET_PREFIX_RE.match(text, start, end)
        start = lead.end() if lead else start
    if start < end and text[start].isdigit():
        stamp = _STAMP_PREFIX_RE.match(text, start, end)
        start = stamp.end() if stamp else start
    return start


# An interview's turn labels ("Q: When will bills come down?", "A: They are coming down."):
# who speaks, not what is said (desk probe O: "A: It was 722GW" as the claim's text and
# its triple's subject).
_SPEAKER_PREFIX_RE: Final = rx.compile(r"(?:[QA]|Operator):[ \t]+")  # a call's operator too
# A structured abstract's headings ("Results: During follow-up, 3,104 participants ..."):
# the part of the paper, not a name of the claim (desk probe Q: two papers' "Conclusions"
# made one anchor, and a false conflict of their figures).
_SECTION_PREFIX_RE: Final = rx.compile(
    r"(?i:background|context|importance|introduction|purpose|aims?|objectives?|design|"
    r"setting|participants|interventions?|exposures?|methods?|main\s+outcomes?(?:\s+and\s+"
    r"measures)?|measurements|results?|findings|conclusions?(?:\s+and\s+relevance)?|"
    r"interpretation|discussion|limitations|funding|trial\s+registration)"
    r":[ \t]+(?=[A-Z0-9\"\u201c])")


def candidate_spans(doc: Document, folded: str | None = None,
                    turns: Turns | None = None,
                    text: str | None = None) -> Iterator[tuple[int, int, int, int]]:
    """(unit start, unit end, sentence start, sentence end) of every content sentence.

    `text` is unwrap(doc.text) and `folded` fold(text) when the caller has them; `turns`
    the page's speakers, whose labels are no words of a sentence."""
    text = unwrap(doc.text) if text is None else text
    folded = fold(text) if folded is None else folded
    for block in content_blocks(text, doc.body_start, folded):
        begin = lead_end(text, block.start, block.end)
        # A turn's label and a section's heading end in a colon: most blocks hold none.
        turn = (_SPEAKER_PREFIX_RE.match(text, begin, block.end)
                or _SECTION_PREFIX_RE.match(text, begin, block.end)) \
            if text.find(":", begin, block.end) >= 0 else None
        begin = turn.end() if turn else begin
        if turns is not None:
            begin = turns.speech.get(begin, begin)  # "Chief Executive Sam Okafor: "
        # Segmentation and clause splitting read fold(text) only, and folding twice is
        # folding once: given the folded document, they do not fold each block again.
        for s, e in split_sentences(folded, begin, block.end, is_folded=True):
            for us, ue in claim_units(folded, s, e, is_folded=True):
                yield us, ue, s, e
