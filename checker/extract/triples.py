"""A subject-predicate-object reading of a sentence, where it allows one."""

from __future__ import annotations

import re
from typing import Final

from checker import rx
from checker.extract.cues import must_lower_twin
from checker.lexicon import Lexicon
from checker.propernames import EntityMatch
from checker.textutil import fold, matches

_VERB_RE: Final = rx.compile(
    r"\b(?:is|are|was|were|has been|have been|had been|has|have|had|will be|will|would|"
    r"signed|launched|announced|said|says|reported|rose|fell|grew|increased|decreased|"
    r"declined|reached|recorded|became|joined|delivered|developed|carried|put|made|"
    r"agreed|approved|held|met|dominates|dominate|included|includes|accounts|accounted|"
    r"amounted|ranked|supplied|invested|signed|\w{3,}ed)\b",
    re.IGNORECASE,
)


# In ASCII text, _VERB_RE's lower-case twin in the lower-case text (cues.lower_twin): the
# engine skips its 45 branches on their first letters. 2x faster than the word-by-word set
# lookups it replaces, which were 2-3x faster than _VERB_RE under IGNORECASE.
_VERB_TWIN: Final = must_lower_twin(_VERB_RE)


# _VERB_TWIN with the character before the word in place of its first \b, and its words
# grouped by their first letter: the engine skips from one non-word character to the next
# by itself (a pattern that opens with \b is tried at every position) and tries one group
# at each, not all 45 words. Searched in " " + the lower-case text, its match is
# _VERB_TWIN's one character on (tests/test_speed52_names.py): 0.65% of extraction. In
# that text (ASCII, no capital) \W is [^a-z0-9_] and \w [a-z0-9_], which the engine reads
# from a table of bits, not Unicode's categories (a fifth of verb_at's cost again).
_VERB_AFTER: Final = rx.compile(
    r"[^a-z0-9_](?:i(?:s|ncreased|ncluded|ncludes|nvested)|a(?:re|nnounced|greed|pproved|"
    r"ccounts|ccounted|mounted)|w(?:as|ere|ill be|ill|ould)|h(?:as been|ave been|ad been|"
    r"as|ave|ad|eld)|s(?:igned|aid|ays|upplied)|launched|r(?:eported|ose|eached|ecorded|"
    r"anked)|fell|grew|d(?:ecreased|eclined|elivered|eveloped|ominates|ominate)|became|"
    r"joined|carried|put|m(?:ade|et)|[a-z0-9_]{3,}ed)\b")


# _VERB_AFTER's words: a run of [a-z0-9_] that is one, or that ends in "ed" after three
# characters or more, is its match, or with the second word of "has been", "have been",
# "had been" or "will be" after one space (tried first).
_VERB_WORDS: Final = frozenset("""is increased included includes invested are announced agreed
    approved accounts accounted amounted was were will would has have had held signed said
    says supplied launched reported rose reached recorded ranked fell grew decreased
    declined delivered developed dominates dominate became joined carried put made
    met""".split())
_VERB_SECONDS: Final = {"has": "been", "have": "been", "had": "been", "will": "be"}
# Each ASCII byte as itself in such a run (a capital as its small letter), else a space.
_VERB_RUNS: Final = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57
                          or c == 95 else 32 for c in range(256))


def verb_at(folded: str) -> tuple[int, int] | None:
    """The span of _VERB_RE.search(folded), passing over participles that describe a
    counted noun (`_describes_a_count`)."""
    if not folded.isascii():
        pos = 0
        while True:
            m = _VERB_RE.search(folded, pos)
            if m is None or not (_describes_a_count(folded, m.start(), m.end())
                                 or names_word(folded, m.start())):
                return m.span() if m else None
            pos = m.end()
    # In ASCII, _VERB_AFTER's matches are its words' runs of [a-z0-9_] in turn: the runs
    # by one translation and split (each run a part, a part starting one character after
    # the last ended), each looked up in a set; not the pattern tried at every character
    # that is no word's (tests/test_speed56_names.py).
    parts = folded.encode().translate(_VERB_RUNS).decode().split(" ")
    count = len(parts)
    start = 0
    for k in range(count):
        word = parts[k]
        size = len(word)
        if size > 1 and (word in _VERB_WORDS or size > 4 and word.endswith("ed")):
            end = start + size
            second = _VERB_SECONDS.get(word)  # "has been": both words, one space between
            if second is not None and k + 1 < count and parts[k + 1] == second \
                    and folded[end] == " ":
                end += 1 + len(second)  # (the second word is no verb's by itself)
            if not (_describes_a_count(folded, start, end) or names_word(folded, start)):
                return start, end
        start += size + 1
    return None


def names_word(folded: str, start: int) -> bool:
    """Whether the word at start is capitalised inside the sentence, a name's word and not
    its verb: "Dundee United", "the United States" (a desk probe: "Hibs travel to Dundee"
    did "united"). A sentence's first word, after any quote or bracket, is not."""
    return folded[start].isupper() and folded[:start].strip(" \"'([") != ""


# A figure right before a word, and a word right after it that is no function word.
_FIGURE_BEFORE_RE: Final = rx.compile(r"\d[\d,.]*\s+\Z")
_NOUN_AFTER_RE: Final = rx.compile(
    r"\s+(?!(?:in|on|at|by|for|to|from|with|into|outside|inside|near|after|before|during|"
    r"since|as|when|while|and|or|but|the|a|an|this|that|last|over|under|across|"
    r"yesterday|today)\b)[a-z]+\b")


def _describes_a_count(folded: str, start: int, end: int) -> bool:
    """A participle between a figure and its noun, an adjective: "4,000 planned
    surgeries", "200 injured people" (desk probe C: "planned" was the predicate); not
    "Some 300 gathered outside the court"."""
    lo = max(0, start - 20)
    return folded[end - 2:end].lower() == "ed" and \
        _mark_before_blanks(folded, lo, start, _FIGURE_ENDS) and \
        _FIGURE_BEFORE_RE.search(folded, lo, start) is not None and \
        _NOUN_AFTER_RE.match(folded, end) is not None


# The characters a figure of _FIGURE_BEFORE_RE may end with (str.isdigit holds of every \d).
_FIGURE_ENDS: Final = ",."
# ... and the last letters of _PREPOSITION_BEFORE_RE's words and "the", in either case (no
# other character matches one of these under IGNORECASE: textutil.ODD_CASE_LETTERS).
_PREPOSITION_ENDS: Final = "ontmhfryeONTMHFRYE"


def _mark_before_blanks(text: str, lo: int, pos: int, marks: str) -> bool:
    """Whether text[lo:pos] ends in blanks after a character of `marks` or a digit: what a
    match of _FIGURE_BEFORE_RE or _PREPOSITION_BEFORE_RE ending at pos ends with (its last
    \\s+ takes all the blanks, as the character before them is no blank), so a text
    without is not searched (the patterns open with a class or \\b: tried at every place;
    tests/test_speed55_names.py)."""
    k = pos - 1
    while k >= lo and text[k].isspace():
        k -= 1
    if k == pos - 1 or k < lo:
        return False
    return text[k] in marks or text[k].isdigit()


_AUXILIARY: Final = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would",
                               "has been", "have been", "had been", "will be"})
# "have also announced", "was jointly developed": the auxiliary and its participle together.
_PARTICIPLE_RE: Final = rx.compile(
    r"(?:\s+(?:also|already|been|being|not|never|now|just|recently|jointly|officially|"
    r"formally|still|later|previously))*\s+(?P<verb>\w{3,}(?:ed|en)|built|held|made|put|set)\b",
    re.IGNORECASE)


CLAUSE_END_PLAIN: Final = r"[,;:]\s|\s-\s"
# CLAUSE_END_PLAIN starting with a class (the engine skips to it by itself): the same
# matches (tests/extract/test_regex_rewrites.py). Found by str methods (_clause_end); the
# patterns are its reference in the tests.
_CLAUSE_END_RE: Final = rx.compile(r"[,;:\s](?:(?<=[,;:])\s|(?<=\s)-\s)")


def read_triple(text: str, start: int, end: int, entities: list[EntityMatch],
                lexicon: Lexicon, folded: str | None = None) -> tuple[str, str, str] | None:
    """(subject, predicate, object) of text[start:end], or None; `folded` is fold(text),
    when the caller has it."""
    # A predicate reading needs a name on each side of it; with fewer than two names, do not
    # look for predicate phrases at all (same result, less work).
    spans = lexicon.predicate_spans(text, start, end) if len(entities) >= 2 else []
    for pid, ps, pe in spans:
        obj = [m for m in entities if m.start >= pe]
        who = _subject_for(text, start, [m for m in entities if m.end <= ps], ps) \
            if obj else None
        if who is not None and _CLAUSE_BREAK_RE.search(text, pe, obj[0].start) is None:
            return _name(who), pid, _name(obj[0])
    folded = fold(text[start:end]) if folded is None else folded[start:end]
    verb = verb_at(folded)
    if not verb or verb[0] == 0:
        return None
    verb_start, verb_end = verb
    # "Turkey, which joined ...": the relative clause's subject is the name before it
    # (Only a subject with a comma can end in one's relative pronoun: most have none.)
    subject = folded[:verb_start]
    subject = (_TRAILING_RELATIVE_RE.sub("", subject) if "," in subject else subject) \
        .strip(" ,\"'")
    predicate = folded[verb_start:verb_end].lower()
    if predicate in _AUXILIARY:
        part = _PARTICIPLE_RE.match(folded, verb_end)
        if part:
            predicate, verb_end = f"{predicate} {part.group('verb').lower()}", part.end()
    rest = _clause_rest(folded, verb_end)
    if not subject or not rest or len(subject.split()) > 10:
        return None
    # A name stands for the subject only when it is the subject's head ("China", "SMIC's"),
    # not a modifier ("A Pakistani astronaut").
    # (Blanks between them are none of the subject's: a link's address read as spaces.)
    at = start + verb_start
    head = [e for e in entities if at - 4 <= e.end <= at or (
        e.end < at and e.start >= start and text[e.end:at].isspace())]
    if head:
        subject = _name(head[-1])
    return subject, predicate, " ".join(rest.split()[:14])


def _clause_rest(folded: str, at: int) -> str:
    """The words from `at` to the clause's end (`_clause_end`), quotes and points cut."""
    return folded[at:_clause_end(folded, at)].strip(" .\"'")


def _clause_end(folded: str, at: int) -> int:
    """Where `_CLAUSE_END_RE.search(folded, at)` starts, else len(folded): the first ",", ";"
    or ":" from `at` on with a blank after it, or blank before a "-" and a blank after it.

    Found by str.find of each mark, each search ending where the best so far starts (the
    pattern, opening with a class of blanks, was tried at every blank); str.isspace is the
    pattern's \\s (tests/test_speed55_names.py)."""
    size = len(folded)
    stop = size
    for mark in (",", ";", ":"):
        pos = folded.find(mark, at, stop)
        while pos >= 0 and not (pos + 1 < size and folded[pos + 1].isspace()):
            pos = folded.find(mark, pos + 1, stop)
        if pos >= 0:
            stop = pos
    # The "-" of " - " comes one after where the match starts (and not where a mark is).
    pos = folded.find("-", at + 1, stop)
    while pos >= 0 and not (folded[pos - 1].isspace() and pos + 1 < size
                            and folded[pos + 1].isspace()):
        pos = folded.find("-", pos + 1, stop)
    return stop if pos < 0 else pos - 1


# Where a predicate's object can no longer be: past a clause's end ("Pakistan, which joined
# in 2023, will send a rover to the Moon" joined no Moon; desk probe L).
_CLAUSE_BREAK_RE: Final = rx.compile(r"[,;:]|\s[-\u2013\u2014]\s")
# The auxiliaries and adverbs right before a predicate ("has not joined"), read off the gap
# between a name and it.
_BEFORE_PREDICATE_RE: Final = rx.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|will|would|not|never|also|already|been|be|to|"
    r"did|does|do|now|since|then|formally|officially|jointly|a|an|the|became|become|becomes|"
    r"remain|remains|remained))*\s*\Z", re.IGNORECASE)
# ... as words (lower-case), for ASCII gaps (_gap).
_BEFORE_PREDICATE_WORDS: Final = frozenset("""has have had is are was were will would not never
    also already been be to did does do now since then formally officially jointly a an the
    became become becomes remain remains remained""".split())
_PREPOSITION_BEFORE_RE: Final = rx.compile(
    r"\b(?:to|in|at|from|on|with|of|for|by|into|onto|near|over|under|than)\s+(?:the\s+)?\Z",
    re.IGNORECASE)
_TRAILING_RELATIVE_RE: Final = rx.compile(r",\s*(?:which|who)\s*\Z", re.IGNORECASE)
_RELATIVE_RE: Final = rx.compile(r"\b(?:which|who|that|whom)\b", re.IGNORECASE)


# A relative clause closed by its commas: "India, which joined the group in 2009, is a
# member of BRICS" (a review: the aside's verb kept India from being the subject).
_ASIDE_RE: Final = rx.compile(r",\s*(?:which|who)\b[^,;]*,", re.IGNORECASE)


def _subject_for(text: str, start: int, before: list[EntityMatch],
                 ps: int) -> EntityMatch | None:
    """The subject of the predicate phrase at ps among the names before it: the last one
    outside a closed relative clause when it is the phrase's own (`_own_subject`), else the
    clause's first name when the phrase is its second verb ("Egypt signed the agreement in
    2024 and is now a member of the ILRS"; "ESA ended its cooperation ... on the ExoMars
    rover and has not joined the ILRS" is ESA's)."""
    for aside in matches(_ASIDE_RE, text, before[0].end if before else ps, ps):
        before = [m for m in before if not aside.start() <= m.start < aside.end()]
    if not before:
        return None
    if _own_subject(text, before[-1], ps):
        return before[-1]
    first = before[0]
    gap = _gap(text, first.end, ps)
    if gap.rstrip().endswith(" and") and ";" not in gap and _full_verb(gap) \
            and not _full_verb(text[start:first.start]):
        return first
    return None


def _own_subject(text: str, name: EntityMatch, ps: int) -> bool:
    """Whether the name right before a predicate phrase is its subject: no verb of another
    clause between them, no coordinated verb ("ESA ended its cooperation with Roscosmos on
    the ExoMars rover and has not joined the ILRS" is ESA's), and a relative clause only
    right after the name ("Turkey, which joined the project"; not "the Artemis Accords, a
    US-led framework, ..., two of which also belong to the ILRS": desk probe L)."""
    lo = max(0, name.start - 12)
    if _mark_before_blanks(text, lo, name.start, _PREPOSITION_ENDS) and \
            _PREPOSITION_BEFORE_RE.search(text, lo, name.start) and \
            not name.text.endswith(("'s", "\u2019s")) and \
            not text.startswith(("'s", "\u2019s"), name.end):
        # "will send a rover to the Moon aboard Chang'e-8": the Moon is no subject ("74 per
        # cent of Pakistan's arms imports came from China": Pakistan's are)
        return False
    gap = _gap(text, name.end, ps)
    if ";" in gap or gap.rstrip().endswith((" and", " but", " or")):
        return False
    # Each of _RELATIVE_RE's words holds "wh" or is "that", in any case (no character
    # outside ASCII matches these letters under IGNORECASE): a gap with neither is not
    # searched (the pattern opens with \b, tried at every position).
    low = gap.lower()
    relative = _RELATIVE_RE.search(gap) if "wh" in low or "that" in low else None
    if relative is not None:
        return gap[:relative.start()].strip(" ,") == "" and not _full_verb(gap[relative.end():])
    return not _full_verb(gap)


def _gap(text: str, lo: int, ps: int) -> str:
    """The words between a name ending at lo and the predicate phrase at ps, closed relative
    clauses left out and the predicate's own auxiliaries and adverbs cut off its end."""
    gap = text[lo:ps]
    if "," in gap:  # (each aside holds two)
        gap = _ASIDE_RE.sub(" ", gap)
    if not gap.isascii():
        tail = _BEFORE_PREDICATE_RE.search(gap)
        return gap[:tail.start()] if tail else gap
    # In ASCII, _BEFORE_PREDICATE_RE's match is the run of its words at the end (each after
    # a blank, any case), read off word by word: the pattern, opening with a group, was
    # tried at every position of the gap (tests/test_speed53_names.py).
    head = gap.rstrip()
    while True:
        parts = head.rsplit(None, 1)
        if not parts or parts[-1].lower() not in _BEFORE_PREDICATE_WORDS:
            return gap[:len(head)]
        if len(parts) == 1:  # the word opens the gap: taken only after a blank
            return "" if head[0].isspace() else gap[:len(head)]
        head = parts[0]  # (rsplit drops the blanks before the word too)


def _full_verb(text: str) -> bool:
    """Whether text holds a verb other than an auxiliary ("is one of the members of" is the
    predicate's own copula; "ended its cooperation" another clause's verb)."""
    low = text.lower()
    if not low.isascii():
        return any(m.group() not in _AUXILIARY for m in _VERB_TWIN.finditer(low))
    # _VERB_TWIN's matches in turn as verb_at finds them: _VERB_AFTER in " " + the text, each
    # search from where the last word ended.
    spaced = " " + low
    pos = 0
    while True:
        m = _VERB_AFTER.search(spaced, pos)
        if m is None:
            return False
        pos = m.end() - 1
        if spaced[m.start() + 1:pos + 1] not in _AUXILIARY:
            return True


def _name(match: EntityMatch) -> str:
    return match.id or match.text
