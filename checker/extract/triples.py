"""A subject-predicate-object reading of a sentence, where it allows one."""

from __future__ import annotations

import re

from checker.lexicon import EntityMatch, Lexicon
from checker.textutil import fold

_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|has been|have been|had been|has|have|had|will be|will|would|"
    r"signed|launched|announced|said|says|reported|rose|fell|grew|increased|decreased|"
    r"declined|reached|recorded|became|joined|delivered|developed|carried|put|made|"
    r"agreed|approved|held|met|dominates|dominate|included|includes|accounts|accounted|"
    r"amounted|ranked|supplied|invested|signed|\w{3,}ed)\b",
    re.IGNORECASE,
)


def read_triple(text: str, start: int, end: int, entities: list[EntityMatch],
                lexicon: Lexicon) -> tuple[str, str, str] | None:
    """(subject, predicate, object) of text[start:end], or None."""
    for pid, ps, pe in lexicon.predicate_spans(text, start, end):
        subj = [m for m in entities if m.end <= ps]
        obj = [m for m in entities if m.start >= pe]
        if subj and obj:
            return _name(subj[-1]), pid, _name(obj[0])
    folded = fold(text[start:end])
    m = _VERB_RE.search(folded)
    if not m or m.start() == 0:
        return None
    subject = folded[:m.start()].strip(" ,\"'")
    rest = re.split(r"[,;:]\s|\s-\s", folded[m.end():], maxsplit=1)[0].strip(" .\"'")
    if not subject or not rest or len(subject.split()) > 10:
        return None
    subj_entities = [e for e in entities if e.end <= start + m.start()]
    if subj_entities:
        subject = _name(subj_entities[-1])
    return subject, m.group().lower(), " ".join(rest.split()[:14])


def _name(match: EntityMatch) -> str:
    return match.id or match.text
