"""Verb forms a clause's features read: a factual verb after do-support, the denial of an
event, the past tense (`worthiness.text_features`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from checker import rx
from checker.extract.worthiness_cues import FACTUAL_VERBS

# After "did", "does" or "do" a verb is in its base form: "did not attend the summit" names
# the event "attended" does (a desk probe: denials of events scored under the threshold).
_DO_RE: Final = rx.compile(r"\b(?:did|does|do)(?:n't|\s+not)?\s+(?:never\s+|not\s+)?([a-z]+)\b",
                           re.IGNORECASE)
_DO_WORDS: Final = frozenset({"did", "does", "do", "didn't", "doesn't", "don't"})
_BASE_ENDINGS: Final = ("", "s", "es", "ed", "d")


def factual_after_do(text: str, toks: frozenset[str]) -> bool:
    """A factual verb in its base form after do-support ("did not sign", "does not own")."""
    if _DO_WORDS.isdisjoint(toks):
        return False
    words = FACTUAL_VERBS.words
    return any(base.lower() + end in words for m in _DO_RE.finditer(text)
               for base in (m.group(1),) for end in _BASE_ENDINGS)


# A denial of an event is as checkable as the event, whatever its verb: "had not requested
# aid", "did not cause a tsunami", "had no plans to sell" (a desk probe: each scored 0.426
# and was dropped). Not "will not" or "should not" (predictions, advice), nor "do not". The
# denial may be quoted: 'the government was "not involved"'.
_NEGATED_RE: Final = rx.compile(
    r"\b(?:(?:had|has|have|was|were|is|are)(?:n't|\s+[\"\u201c]?not)\s+(?:been\s+|yet\s+|ever\s+)?"
    r"(?P<done>[a-z]+)|(?:did|does)(?:n't|\s+not)\s+(?:ever\s+)?(?P<base>[a-z]+)|"
    r"never\s+(?P<never>[a-z]+)|(?:had|has|have)\s+no\s+(?:plans?|intention)\s+(?:to|of)\b)",
    re.IGNORECASE)
_NOT_WORDS: Final = frozenset({"not", "no", "never", "n't", "didn't", "doesn't", "hasn't", "hadn't",
                               "haven't", "wasn't", "weren't", "isn't", "aren't"})
# After "did not": no event, only a reply withheld or a state of mind.
_NOT_EVENTS: Final = frozenset("""respond reply return comment know think believe want expect say
    elaborate disclose specify immediately expected likely known clear""".split())


def negates_an_event(text: str, toks: frozenset[str]) -> bool:
    """A negated verb of an event: a participle after "had not"/"was not"/"never", a base
    form after "did not", or "had no plans to"."""
    if _NOT_WORDS.isdisjoint(toks):
        return False
    for m in _NEGATED_RE.finditer(text):
        word = (m.group("done") or m.group("never") or m.group("base") or "").lower()
        if word in _NOT_EVENTS:
            continue
        if not word or m.group("base") or word in IRREGULAR_PAST or word.endswith("en") \
                or (len(word) >= 5 and word.endswith("ed")):
            return True
    return False


# Past forms without "-ed": a sentence with one has its verb, and is no fragment.
IRREGULAR_PAST = frozenset("""led left made took gave went came ran fought stood held met sent
    spent kept brought caught told found shot quit flew threw drew broke spoke chose stole
    wrote drove began sank swam sang rang shrank sought taught thought lost won fled
    swept""".split())
# ... and "set" before what is set, after no determiner ("Ocean heat content set a record for
# the eighth consecutive year." scored 0.354 as a fragment and was lost, with a restatement:
# desk probe Q4; "A set of 12 stamps" stays one).
SET_VERB_RE = rx.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )\bset\s+(?:a|an|the|new|its|his|her|"
                          r"their|records?|up|out|off|fire)\b", re.IGNORECASE)


# A passive's participle that is no "-ed" form nor an irregular past above: "The terminal
# is run by Quillon Port Holdings." (0.45, lost with its restatement "is operated by":
# desk probe Q6). After "is" / "was" / "been" and before "by", it is no present tense.
PASSIVE_BY_RE: Final = rx.compile(
    r"\b(?:is|are|was|were|been|being)[ \t]+(?:run|built|owned|known|given|taken|driven|"
    r"shown|seen|written|drawn|grown|thrown|won|beaten|chosen|stolen|hit|cut|put|shut|"
    r"overseen|undertaken|withdrawn|forgiven|spun|bought|sold|held|kept|led|made|paid)"
    r"[ \t]+by\b", re.IGNORECASE)


def told_past(toks: frozenset[str]) -> bool:
    """A verb of the clause in the past tense: an irregular one, or a word in -ed."""
    # any() of a generator is a compiled loop calling the compiled test: any(map()) over an
    # lru_cache called it through Python's call protocol for each word (0.7% of extraction).
    return not IRREGULAR_PAST.isdisjoint(toks) or any(_is_past_form(t) for t in toks)


def _is_past_form(token: str) -> bool:
    """A regular past form ("declared", "cooperated"): not a possessive, a word in -eed
    ("indeed", "agreed" aside) nor a word in -ed that names or describes ("United States",
    "London-based", "advanced chips", "two hundred")."""
    return len(token) >= 5 and token.endswith("ed") and "'" not in token \
        and (not token.endswith("eed") or token == "agreed") and token not in _NOT_PAST


_NOT_PAST: Final = frozenset("""hundred united based limited advanced related detailed concerned
    interested sacred naked wicked beloved kindred rugged talented skilled armed""".split())


def is_inflected(token: str) -> bool:
    """A past or third-person form ("increased", "remains"): a verb, most likely."""
    if "'" in token:
        return False  # "Ukraine's" is a possessive
    return (len(token) >= 5 and token.endswith("ed")) or (len(token) >= 4 and token[-1] == "s")


def any_inflected(tokens: Iterable[str]) -> bool:
    """Whether any of the tokens is_inflected, in one compiled loop (any(map(...)) over an
    lru_cache of is_inflected looked up map, any and the cache by name and called the cache
    generically for each word)."""
    for token in tokens:  # noqa: SIM110 -- any() over a generator is resumed each word
        if is_inflected(token):
            return True
    return False
