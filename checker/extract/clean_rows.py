"""A fact box's rows without list marks: "Review time: 210 days", "Patients given the drug:
4,206", "Available from: Feb. 1" under a "Key figures" heading. Without a bullet, and with
no full stop, each line read as a title (`clean._classify`: "unpunctuated") and was no
claim; a bulleted row already reads as content (desk probe Q6: seven rows of a US page's
"Key figures" list lost)."""

from __future__ import annotations

from typing import Final

from checker import rx
from checker.extract.clean_lists import Block

# A short label, a colon, and a value holding a figure: the row states a measure.
_ROW_RE: Final = rx.compile(r"[A-Z][\w'\u2019&()/., -]{0,60}?:[ \t]+[^\s:][^:]{0,60}\Z")
_DIGIT_RE: Final = rx.compile(r"\d")

_TITLES: Final = frozenset({"unpunctuated", "headline"})  # "Available from: Feb. 1" is title case


def _row(text: str) -> bool:
    body = text.strip()
    if not _ROW_RE.match(body):
        return False
    value = body.split(":", 1)[1]
    return _DIGIT_RE.search(value) is not None and len(body.split(":", 1)[0].split()) <= 8


def mark_rows(blocks: list[Block], text: str) -> list[Block]:
    """Title-like lines that are rows, in a run of lines (no blank between) holding two
    rows or more, become content lines (reason "row"): a row beside a label without a
    figure ("Dose: one tablet twice daily") is still the box's."""
    rows = [b.reason in _TITLES and _row(text[b.start:b.end]) for b in blocks]
    if sum(rows) < 2:
        return blocks  # most pages: no fact box
    out = list(blocks)
    run: list[int] = []
    for i in range(len(blocks) + 1):
        if i < len(blocks) and blocks[i].kind != "blank":
            run.append(i)
            continue
        if sum(rows[j] for j in run) >= 2:
            for j in run:
                if rows[j]:
                    out[j] = Block(blocks[j].start, blocks[j].end, "content", "row")
        run = []
    return out
