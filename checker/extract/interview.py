"""Whose words a page's turns are: an interview's answers, a transcript's speakers.

    Hanna Lindqvist became energy secretary in September 2025 ...
    Q: The grid connection queue is now more than 700 gigawatts. Isn't that ...
    A: It was 722GW at the end of last year, yes.

    Chief Financial Officer Dana Ruiz: Sure. We expect gross margin of 37% to 38% ...

An interview's answers name no speaker: the page named the interviewee before the first
question (desk probe O: every answer attributed to no one). An answer's claims are
attributed to the full name the page gives most often before its first question, at the
place it is named last there; a tie, or no name given twice, attributes nothing. A
transcript labels each turn with its speaker (desk probe P's earnings call: the label was
read as the claim's subject, and nobody said the guidance): a line opening with a name of
two capitalised words or more and a colon is that speaker's, when the page has two such
lines at least; the label is no part of the claim.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final, NamedTuple

from checker import rx
from checker.extract.attribution import Attrib
from checker.extract.cues import any_in
from checker.lexicon import Lexicon
from checker.textutil import ODD_CASE_LETTERS, blanks_end

# A turn's label at the start of a line; an answer runs to the next label or blank line.
_QUESTION_RE: Final = rx.compile(r"^[ \t]*Q:[ \t]", re.MULTILINE)
_ANSWER_RE: Final = rx.compile(r"^[ \t]*A:[ \t]", re.MULTILINE)
_TURN_END_RE: Final = rx.compile(r"\n[ \t]*(?:[QA]:[ \t]|\n)")
# At least this many answers make a page an interview ("A: 1" in a list is no turn), and
# this many labelled lines a transcript.
_MIN_ANSWERS: Final = 2
_MIN_LABELLED: Final = 2
# A speaker's label: capitalised words (a title and a name), maybe a comma and who they
# speak for ("Mark Feld, Bernstein"), a colon, and speech opening with a capital or a quote.
_WORD: Final = r"[A-Z][\w.'\u2019-]*"
_LABEL_RE: Final = rx.compile(
    rf"^[ \t]*(?P<label>(?P<name>{_WORD}(?:[ \t]+{_WORD}){{1,5}})"
    rf"(?:,[ \t]+{_WORD}(?:[ \t]+(?:&[ \t]+)?{_WORD}){{0,3}})?):[ \t]+(?=[A-Z\"\u201c\u2018'])",
    re.MULTILINE)
# ... and one in capitals, of one word or more, a broadcast transcript's ("WOLF BLITZER, CNN
# ANCHOR:", then "BLITZER:") or a call's ("DANA RUIZ:"): a speaker only on a page with a
# transcript's cue, when the page labels them twice ("WASHINGTON DC:" is a dateline).
_CAPS_WORD: Final = r"[A-Z][A-Z.'\u2019-]+"
_CAPS_LABEL_RE: Final = rx.compile(
    rf"^[ \t]*(?P<label>(?P<name>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,5}})"
    rf"(?:,[ \t]+{_WORD}(?:[ \t]+(?:&[ \t]+)?{_WORD}){{0,3}})?):[ \t]+(?=[A-Z\"\u201c\u2018'])",
    re.MULTILINE)
# Labels that head a line but name no speaker ("Editor's Note:", "Key Figures:").
_NOT_SPEAKERS: Final = frozenset("""note notes figures facts points takeaways highlights summary
    update updates source sources claim claims verdict rating correction clarification
    news coverage credit credits more reading links disclosure disclaimer breaking live
    watch read analysis exclusive opinion editor warning alert fact check""".split())


class Turns(NamedTuple):
    """The page's attributed turns: (start, end, speaker) each, and where the speech after
    each speaker's label starts (by the label's start)."""

    spans: list[tuple[int, int, Attrib]]
    speech: dict[int, int]

    def speaker_of(self, start: int) -> Attrib | None:
        """Who says what starts at `start`, if a turn holds it."""
        for s, e, speaker in self.spans:
            if s <= start < e:
                return speaker
        return None


# What makes a page of questions and answers an interview, not an explainer or an FAQ
# ("Q: What happened? A: Three girls were killed ..." named the convicted man twice before
# its first question, and his name took the answers: a review).
_INTERVIEW_CUE_RE: Final = rx.compile(
    r"\b(?:interview(?:ed)?|spoke\s+(?:to|with)|talked\s+to|sat\s+down\s+with|"
    r"in\s+conversation\s+with)\b", re.IGNORECASE)
# ... and a transcript's, beside a speaker labelled twice: its operator or its name.
_TRANSCRIPT_CUE_RE: Final = rx.compile(
    r"^[ \t]*Operator:|\btranscripts?\b|\b(?:earnings|conference)\s+call\b",
    re.IGNORECASE | re.MULTILINE)
# IGNORECASE also matches "\u0130", "\u0131" for "i" and "\u017f" for "s", which lower() does
# not turn into them: a page holding one is scanned (textutil.ODD_CASE_LETTERS).


def _transcript_cue(text: str) -> bool:
    """_TRANSCRIPT_CUE_RE.search(text) is not None, after a cheap test of its words."""
    if text.isascii() or not any_in(text, ODD_CASE_LETTERS):
        # IGNORECASE is lower-casing here (each character the pattern's letters match
        # lowers to one of them, and spaces stay), and \s is str.isspace: the pattern needs
        # one of its words, "earnings" and "conference" before spaces and "call". Business
        # pages hold "earnings" and news conferences without a call, and were scanned whole
        # (a page with a curly quote too: 400,000 instructions each).
        lower = text.lower()
        if "operator:" not in lower and "transcript" not in lower \
                and not _call_after(lower, "earnings") and not _call_after(lower, "conference"):
            return False
    return _TRANSCRIPT_CUE_RE.search(text) is not None


def _call_after(lower: str, word: str) -> bool:
    """Whether `word` stands before whitespace and "call" somewhere in lower."""
    at = lower.find(word)
    while at >= 0:
        after = at + len(word)
        call = blanks_end(lower, after)
        if call > after and lower.startswith("call", call):
            return True
        at = lower.find(word, at + 1)
    return False


def turns_of(text: str, lexicon: Lexicon, title: str | None = None) -> Turns | None:
    """The page's interview answers or transcript turns, or None (most pages); `title` is
    the page's headline from its metadata: an interview's answers are attributed only to a
    name it gives."""
    return _interview(text, lexicon, title) or _transcript(text) or _own_lines(text)


def _interview(text: str, lexicon: Lexicon, title: str | None) -> Turns | None:
    if text.count("A:") < _MIN_ANSWERS or "Q:" not in text:
        return None
    first_q = _QUESTION_RE.search(text)
    answers = [(m.start(), _turn_end(text, m.end())) for m in _ANSWER_RE.finditer(text)]
    if first_q is None or len(answers) < _MIN_ANSWERS or not title \
            or not _INTERVIEW_CUE_RE.search(text, 0, first_q.start()):
        return None
    speaker = _interviewee(text, first_q.start(), lexicon, title)
    return Turns([(s, e, speaker) for s, e in answers], {}) if speaker is not None else None


def _transcript(text: str) -> Turns | None:
    if text.count(":") < _MIN_LABELLED:
        return None
    cue = _transcript_cue(text)
    labels = [m for m in _LABEL_RE.finditer(text) if _speaker(m)]
    # A list of names with a colon each ("Tony Blair: Labour, in office from 1997",
    # "Johnson Matthey: Shares fell 12%", a line-up, a cabinet) is no transcript: one speaker
    # labelled twice, or the call's operator or name, says it is (a review).
    speakers = Counter(m.group("name") for m in labels)
    names = {m.start(): _untitled(m.group("name")) for m in labels}
    if cue:
        names.update(_capitals(text))
    if len(names) < _MIN_LABELLED or (max(speakers.values(), default=0) < 2 and not cue):
        return None
    spans = []
    found = {m.start(): m for m in labels}
    found.update((m.start(), m) for m in _CAPS_LABEL_RE.finditer(text) if m.start() in names)
    for at in sorted(names):
        m = found[at]
        end = text.find("\n", m.end())
        spans.append((m.end(), len(text) if end < 0 else end,
                      Attrib(m.group("label"), names[at], m.start("label"), m.end("label"))))
    return Turns(spans, {found[at].start("label"): found[at].end() for at in names})


# A speaker named on a line of their own, the turn on the lines after it, as call
# transcripts print them ("Dana Ruiz -- Chief Financial Officer", then her answer; "Operator").
_LINE_LABEL_RE: Final = rx.compile(
    r"^[ \t]*(?P<label>(?P<name>[A-Z][\w.'\u2019-]+(?:[ \t]+[A-Z][\w.'\u2019-]+){1,3})[ \t]+"
    r"(?:--|-|\u2013|\u2014)[ \t]+[A-Z][^\n]{1,80}?|Operator)[ \t]*$", re.MULTILINE)


def _own_lines(text: str) -> Turns | None:
    """A transcript's turns whose speakers head lines of their own: on a page with a
    transcript's cue, when a speaker heads two turns at least."""
    if "\n" not in text or not _transcript_cue(text):
        return None
    labels = list(_LINE_LABEL_RE.finditer(text))
    speakers = Counter(m.group("name") for m in labels if m.group("name"))
    if len(labels) < _MIN_LABELLED or max(speakers.values(), default=0) < 2:
        return None
    spans = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        if m.group("name"):  # the operator's turns are nobody's claims
            spans.append((m.end(), end, Attrib(m.group("label"), _untitled(m.group("name")),
                                               m.start("label"), m.end("label"))))
    # The label's line is no sentence: a block that opens with it starts after it.
    return Turns(spans, {m.start("label"): m.end() for m in labels})


def _capitals(text: str) -> dict[int, str]:
    """Labels in capitals of a speaker the page labels twice, by where each starts, with the
    speaker's name as a name is written: "BLITZER:" after "WOLF BLITZER, CNN ANCHOR:" is
    Wolf Blitzer."""
    found = [m for m in _CAPS_LABEL_RE.finditer(text) if not _heading(m.group("name"))]
    # A broadcast names its speakers with their role once ("WOLF BLITZER, CNN ANCHOR:"), a
    # call has its operator: without either, labels in capitals are datelines ("KINGSTON:")
    # or boxes, even on a page that mentions transcripts (a review).
    if not any(m.group("label") != m.group("name") or m.group("name") == "OPERATOR"
               for m in found):
        return {}
    counts = Counter(m.group("name").split()[-1] for m in found)
    full: dict[str, str] = {}
    out: dict[int, str] = {}
    for m in found:
        words = m.group("name").split()
        if counts[words[-1]] < 2:
            continue
        name = _untitled(" ".join(w.title() for w in words))
        if len(words) > 1:
            full[words[-1]] = name
        out[m.start()] = full.get(words[-1], name)
    return out


def _speaker(m: re.Match[str]) -> bool:
    """Whether a label names a speaker: mixed case (no dateline's "WASHINGTON DC"), and no
    word of a box's heading."""
    words = m.group("name").split()
    return not _heading(m.group("name")) and any(not w.isupper() for w in words)


def _heading(name: str) -> bool:
    return any(w.lower().removesuffix("'s").removesuffix("\u2019s") in _NOT_SPEAKERS
               for w in name.split())


# A title's words before a speaker's name: "Chief Financial Officer Dana Ruiz" is Dana Ruiz.
_TITLE_WORDS: Final = frozenset("""chief financial executive operating technology officer president
    vice senior head director chair chairman chairwoman chairperson managing ceo cfo coo
    minister secretary analyst""".split())


def _untitled(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower() in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def _turn_end(text: str, at: int) -> int:
    found = _TURN_END_RE.search(text, at)
    return found.start() if found else len(text)


def _interviewee(text: str, end: int, lexicon: Lexicon, head: str) -> Attrib | None:
    """The full name (two words or more, no rule's entity) given most often before `end`,
    counted by its last word ("Energy Secretary Hanna Lindqvist", "Hanna Lindqvist"), given
    twice at least and in `head`, the page's title ("She replaced Tom Ashworth ... Tom
    Ashworth had held the job" named the predecessor twice, the interviewee once: a review);
    None on a tie. Named as it is written with the fewest words, the last time so."""
    in_head = {w.lower() for w in _NAME_WORD_RE.findall(head)}
    names = [m for m in lexicon.find_entities(text, 0, end)
             if m.id is None and len(m.text.split()) >= 2 and _surname(m.text) in in_head]
    counts = Counter(_surname(m.text) for m in names)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    forms = [m for m in names if _surname(m.text) == ranked[0][0]]
    shortest = min(len(m.text.split()) for m in forms)
    last = [m for m in forms if len(m.text.split()) == shortest][-1]
    return Attrib(last.text, last.text, last.start, last.end)


_NAME_WORD_RE: Final = rx.compile(r"[A-Z][\w'\u2019-]+")


def _surname(name: str) -> str:
    return name.split()[-1].lower()
