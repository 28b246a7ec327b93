"""Normalisation: a claim becomes a comparable frame with its slots lifted out.

Entities become canonical ids (aliases, fuzzy variants, metonyms), quantities are in base
units with their precision interval, dates are intervals, and the remaining words are
stemmed content words (the frame). Pure: a claim and the lexicon in, a NormClaim out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from checker.extract.stance import CORRECTION_RE, NEGATION_RE
from checker.lexicon import Lexicon
from checker.models.claims import Claim, QuantitySlot
from checker.nlp import STOPWORDS, match_tokens, stem, token_key
from checker.textutil import fold, normalise_key, slug

UNKNOWN_PREFIX = "name:"
# Frame words that say nothing about which fact a claim states.
FRAME_STOP = STOPWORDS | frozenset(
    """
    also said says told added noted stated reported according would could might may will
    shall must can further first last year years month months week weeks day days since
    ago later earlier percent cent per around about nearly some almost more less than
    including include includes new recently currently often ever never not no nor
    """.split()
)


@dataclass(frozen=True, slots=True)
class NQuantity:
    """A quantity ready to compare: kind, unit, interval and what it counts (stemmed)."""

    kind: str
    unit: str | None
    value: float | None
    low: float | None
    high: float | None
    noun: str | None
    approximate: bool
    text: str


@dataclass(frozen=True, slots=True)
class NDate:
    """A resolved date interval."""

    first: date | None
    last: date | None
    granularity: str
    text: str
    open: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention: canonical id, how it was named, and where."""

    id: str
    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class NormClaim:
    """A claim normalised for comparison."""

    doc: str
    claim_id: str
    text: str
    span: tuple[int, int]
    entities: frozenset[str]
    mentions: tuple[Mention, ...]
    tokens: frozenset[str]
    frame: tuple[str, ...]
    predicates: tuple[tuple[str, int, int], ...]
    quantities: tuple[NQuantity, ...]
    dates: tuple[NDate, ...]
    polarity: str
    modality: str
    correction: bool

    @property
    def key(self) -> str:
        """Unique key across the corpus."""
        return f"{self.doc}#{self.claim_id}"


def entity_id(text: str, given: str | None, lexicon: Lexicon) -> str:
    """Canonical id: the editor's, else the lexicon's, else a slug of the name."""
    if given:
        return given
    found = lexicon.resolve(text)
    return found or UNKNOWN_PREFIX + slug(normalise_key(text))


PRONOUN_RE = re.compile(
    r"^\W*(?:he|she|it|they|his|her|its|their|the\s+(?:company|firm|group|film|album|band|"
    r"city|country|agency|station|mission|island|book|show|series|team|club|party|"
    r"government|ministry|organisation|organization|programme|program|project|state|"
    r"university|institute|movie|song|player|singer|actor|actress|writer|author))\b",
    re.IGNORECASE,
)


def subject_of(claim: Claim, lexicon: Lexicon) -> str | None:
    """The claim's first-named entity: the antecedent for a following "It"/"He"."""
    for e in claim.entities:
        return entity_id(e.text, e.id, lexicon)
    return None


def normalise(claim: Claim, doc_id: str, lexicon: Lexicon,
              antecedent: str | None = None) -> NormClaim:
    """Normalise one claim; a leading pronoun stands for `antecedent` when given."""
    start, end = claim.span
    offset = start
    text = claim.text
    mentions = tuple(
        Mention(entity_id(e.text, e.id, lexicon), _role(e.text, lexicon), e.span[0], e.span[1])
        for e in claim.entities
    )
    pronoun = PRONOUN_RE.match(text) if antecedent else None
    if pronoun and antecedent and not any(m.start < offset + pronoun.end() for m in mentions):
        # "It was established in 1993" after a sentence about Ingushetia.
        mentions = (Mention(antecedent, "coref", offset, offset + pronoun.end()), *mentions)
    lifted = [tuple(e.span) for e in claim.entities]
    lifted += [tuple(q.span) for q in claim.quantities] + [tuple(d.span) for d in claim.dates]
    if claim.attribution:
        lifted.append(tuple(claim.attribution.span))
    prefix = CORRECTION_RE.match(fold(text))
    if prefix:  # "Correction:" says how the fact is held, not what it is
        lifted.append((offset, offset + prefix.end()))
    negations = [(m.start() + offset, m.end() + offset) for m in NEGATION_RE.finditer(fold(text))]
    frame = []
    for tok in match_tokens(text):
        a, b = tok.start + offset, tok.end + offset
        if any(s <= a < e or s < b <= e for s, e in lifted + negations):
            continue
        key = token_key(tok.text)
        if key in FRAME_STOP or key.isdigit() or len(key) < 2:
            continue
        frame.append(stem(key))
    preds = tuple(
        (pid, s + offset, e + offset) for pid, s, e in lexicon.predicate_spans(text)
    )
    return NormClaim(
        doc=doc_id,
        claim_id=claim.id,
        text=text,
        span=(start, end),
        entities=frozenset(
            [m.id for m in mentions] + [p for m in mentions for p in lexicon.ancestors(m.id)]
        ),
        mentions=mentions,
        tokens=frozenset(frame),
        frame=tuple(frame),
        predicates=preds,
        quantities=tuple(_quantity(q) for q in claim.quantities),
        dates=tuple(
            NDate(
                date.fromisoformat(d.start) if d.start else None,
                date.fromisoformat(d.end) if d.end else None,
                d.granularity, d.text, d.open,
            )
            for d in claim.dates if d.resolved
        ),
        polarity=claim.polarity,
        modality=claim.modality,
        correction=claim.correction,
    )


def _role(text: str, lexicon: Lexicon) -> str:
    hit = lexicon.lookup(text)
    return hit[1] if hit else "name"


def _quantity(q: QuantitySlot) -> NQuantity:
    noun = stem(q.noun.lower()) if q.noun else None
    return NQuantity(q.kind, q.unit, q.value, q.low, q.high, noun, q.approximate, q.text)
