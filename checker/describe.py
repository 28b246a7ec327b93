"""A claim that describes its subject: "X is a [Pakistani] [cricketer]", read as the subject,
the head noun of the description and its nationalities (two descriptions of one subject
answer one question: `compare.verdict`)."""

from __future__ import annotations

import re

from checker import rx
from checker.lexicon import Lexicon
from checker.nlp import match_tokens, stem, token_key
from checker.normclaim import Description, Mention
from checker.textutil import Token, fold

# The (?=...) hint: at each space the engine tests one class of first letters, not ten
# case-insensitive words in turn (under IGNORECASE the class matches what the words' first
# letters match, "\u0131" and "\u0130" included).
COPULA_RE = rx.compile(
    r"\s(?=[iwarhb])(?:is|was|are|were|has\s+been|had\s+been|remains|remained|became|becomes)"
    r"\s+(?:(?:a|an|the|one\s+of\s+the)\s+)?", re.IGNORECASE)
NP_STOP = frozenset(
    """
    of in on at by for from with that which who whose where when as to set directed created
    produced written released located based founded known made starring featuring developed
    published owned operated run who's whom than since after before during until while
    named called born
    """.split()
)
_COPULA_WORDS = frozenset("is was are were has had remains remained became becomes".split())
# Characters between two words that end a noun phrase (a set: one isdisjoint per word).
_NP_BREAKS = frozenset(",;:()\"[]")


def describe(text: str, offset: int, mentions: tuple[Mention, ...],
             lexicon: Lexicon) -> Description | None:
    """The copular description of a claim's subject, if the claim is one."""
    folded = fold(text)
    # COPULA_RE's verb stands between spaces: in ASCII text (where IGNORECASE is lower-casing)
    # it is one of the whitespace-split words, lower-cased. Three claims in four have none,
    # and a set test on the words costs a third of the search.
    if folded.isascii() and _COPULA_WORDS.isdisjoint(folded.lower().split()):
        return None
    m = COPULA_RE.search(folded)
    if not m:
        return None
    subjects = [x for x in mentions if x.end <= offset + m.start()]
    if not subjects:
        return None
    words: list[Token] = []
    for tok in match_tokens(folded, m.end()):
        gap = folded[words[-1].end:tok.start] if words else ""
        if tok.text.lower() in NP_STOP or not _NP_BREAKS.isdisjoint(gap) or len(words) > 8:
            break
        words.append(tok)
    if not words or words[-1].text.isdigit():
        return None
    start, end = offset + words[0].start, offset + words[-1].end
    nations = frozenset(
        x.id for x in mentions if start <= x.start < end
        and (x.role == "demonym" or (lexicon.entities.get(x.id) and
                                     lexicon.entities[x.id].type == "country"))
    )
    return Description(subjects[0].id, stem(token_key(words[-1].text)), nations,
                       folded[words[0].start:words[-1].end])
