"""A capitalised first word no mention covers, guessed to be a name ("Meteora is ..."):
for comparison a shared first word is strong evidence (`normalize.normalise`)."""

from __future__ import annotations

from checker import rx
from checker.extract.quantity_words import WORD_NUMBERS
from checker.lexicon import UNKNOWN_PREFIX
from checker.nameids import TITLE_HEADS, TITLE_LEAD
from checker.nlp import STOPWORDS, token_key
from checker.normclaim import INITIAL, Mention
from checker.propernames import COMMON_STARTERS, GROUP_STARTERS, MONTHS_AND_DAYS
from checker.textutil import slug

_INITIAL_RE = rx.compile(r"^\W*([A-Z][\w'-]*[a-z0-9][\w'-]*)")


def initial_name(text: str, offset: int, mentions: tuple[Mention, ...]) -> Mention | None:
    """A capitalised first word no mention covers ("Meteora is ..."): probably a name.

    Extraction leaves sentence-initial capitals out of the claim file (it cannot tell
    "Meteora" from "Operating"); for comparison a shared first word is strong evidence.
    Not an adverb ("Sequentially, net profit ...": desk probe N). (A word the page also
    writes in lower case was tried and dropped: "Flights to Malatya airport were not
    suspended ..., and aid flights were landing" lost "Flights", which its twin on another
    page kept, and a desk probe's polarity conflict with it.)
    """
    m = _INITIAL_RE.match(text)
    if not m:
        return None
    at = offset + m.start(1)
    for x in mentions:  # a loop, not any() over a generator: most claims have a mention here
        if x.start <= at < x.end:
            return None
    word = m.group(1)
    low = token_key(word)
    if low in STOPWORDS or low in COMMON_STARTERS or low in MONTHS_AND_DAYS or len(low) < 3 \
            or low in GROUP_STARTERS or _LOWER_PART_RE.search(word) \
            or low in WORD_NUMBERS or all(part in WORD_NUMBERS for part in low.split("-")) \
            or _ADVERB_RE.search(low) or _title_word(low, text, m.end(1)):
        return None  # "Twelve people died": a number, not a name
    return Mention(UNKNOWN_PREFIX + slug(low), INITIAL, offset + m.start(1), offset + m.end(1))


def _title_word(low: str, text: str, end: int) -> bool:
    """A person's title opening the sentence before a word in lower case ("Chief executive
    Helen Marsh said ...", "Deputy leader ..."): a title, no name (desk probe W: two
    chief executives' quotes of two stories shared "name:chief")."""
    return (low in TITLE_LEAD or low in TITLE_HEADS) and _LOWER_NEXT_RE.match(text, end) is not None


_LOWER_NEXT_RE = rx.compile(r"\s+[a-z]")


# A compound of a time or an order ("First-time buyers", "Opening-night sales", "Year-to-
# date grosses": desk probe R), not a name ("Rolls-Royce", "Middle-earth": FEVER pairs).
_LOWER_PART_RE = rx.compile(r"\A(?:First|Second|Third|Year|Month|Week|Opening|Closing|Full|"
                            r"Half|All|Record|Mid)-[a-z]")


# The endings of adverbs of manner ("Sequentially", "Separately", "Typically"), not of
# names ("Italy", "Kelly", "Sicily").
_ADVERB_RE = rx.compile(r"(?:ial|al|ent|ant|ous|ive|ful|less|ing|ed|ate|ic|ab|ib)ly\Z")


