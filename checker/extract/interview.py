"""An interview in questions and answers: whose words the answers are.

    Hanna Lindqvist became energy secretary in September 2025 ...
    Q: The grid connection queue is now more than 700 gigawatts. Isn't that ...
    A: It was 722GW at the end of last year, yes.

The answers name no speaker: the page named the interviewee once, before the first
question (desk probe O: every answer attributed to no one). An answer's claims are
attributed to the full name the page gives most often before its first question, at the
place it is named last there; a tie, or no name given twice, attributes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from checker import rx
from checker.extract.attribution import Attrib
from checker.lexicon import Lexicon

# A turn's label at the start of a line; an answer runs to the next label or blank line.
_QUESTION_RE = rx.compile(r"^[ \t]*Q:[ \t]", re.MULTILINE)
_ANSWER_RE = rx.compile(r"^[ \t]*A:[ \t]", re.MULTILINE)
_TURN_END_RE = rx.compile(r"\n[ \t]*(?:[QA]:[ \t]|\n)")
# At least this many answers make a page an interview ("A: 1" in a list is no turn).
_MIN_ANSWERS = 2


class Interview(NamedTuple):
    """The answers' spans, and who gives them (an attribution of no words of its own)."""

    answers: list[tuple[int, int]]
    speaker: Attrib

    def speaker_of(self, start: int) -> Attrib | None:
        """The interviewee, when position `start` is in an answer."""
        return self.speaker if any(s <= start < e for s, e in self.answers) else None


def interview_of(text: str, lexicon: Lexicon) -> Interview | None:
    """The page's interview, or None (most pages: no "A:" turns, or no interviewee)."""
    if text.count("A:") < _MIN_ANSWERS or "Q:" not in text:
        return None
    first_q = _QUESTION_RE.search(text)
    answers = [(m.start(), _turn_end(text, m.end())) for m in _ANSWER_RE.finditer(text)]
    if first_q is None or len(answers) < _MIN_ANSWERS:
        return None
    speaker = _interviewee(text, first_q.start(), lexicon)
    return Interview(answers, speaker) if speaker is not None else None


def _turn_end(text: str, at: int) -> int:
    found = _TURN_END_RE.search(text, at)
    return found.start() if found else len(text)


def _interviewee(text: str, end: int, lexicon: Lexicon) -> Attrib | None:
    """The full name (two words or more, no rule's entity) given most often before `end`,
    counted by its last word ("Energy Secretary Hanna Lindqvist", "Hanna Lindqvist"), and
    given twice at least; None on a tie. Named as it is written with the fewest words, the
    last time so."""
    names = [m for m in lexicon.find_entities(text, 0, end)
             if m.id is None and len(m.text.split()) >= 2]
    counts = Counter(_surname(m.text) for m in names)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    forms = [m for m in names if _surname(m.text) == ranked[0][0]]
    shortest = min(len(m.text.split()) for m in forms)
    last = [m for m in forms if len(m.text.split()) == shortest][-1]
    return Attrib(last.text, last.text, last.start, last.end)


def _surname(name: str) -> str:
    return name.split()[-1].lower()
