"""Normalisation: a claim becomes a comparable frame with its slots lifted out.

Entities become canonical ids (aliases, fuzzy variants, metonyms), quantities are in base
units with their precision interval, dates are intervals, and the remaining words are
stemmed content words (the frame). Pure: a claim and the lexicon in, a NormClaim out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker import rx
from checker.describe import describe
from checker.extract.markup import mask_markup
from checker.extract.stance import CORRECTION_RE, negators
from checker.initialname import initial_name
from checker.lexicon import Lexicon
from checker.models.claims import Claim
from checker.nlp import STOPWORDS, match_tokens, token_key, word_stem
from checker.normclaim import (
    CONTEXT,
    DATELINE,
    INITIAL,
    QUALIFIER,
    SOURCE,
    Mention,
    NormClaim,
    mention,
    norm_claim,
)
from checker.normdates import earlier, has_lifespan, month_of_year, ndate
from checker.normquantity import normal_quantity
from checker.pagetopic import national
from checker.particlewords import particle_nouns
from checker.reported import reported_quote, without_slots
from checker.subjects import (
    DATELINE_RE,
    MEASURE_FIRST_RE,
    PRONOUN_RE,
    coreferent,
    placed_pronoun,
    role,
    told_by,
)
from checker.telling import told_on
from checker.textutil import fold, one_line

# Frame words that say nothing about which fact a claim states.
FRAME_STOP = STOPWORDS | frozenset(
    """
    also said says told added noted stated reported according would could might may will
    shall must can further first last year years month months week weeks day days since
    ago later earlier percent cent per around about nearly some almost more less than
    including include includes new recently currently often ever never not no nor
    """.split()
)


def negated_words(text: str) -> frozenset[str]:
    """Stems of the words a negation governs: "NOT a member" -> {member}; "no sons" -> {son}."""
    return frozenset(w for governed in _governed(text) for w in governed)


def negated_heads(text: str) -> frozenset[str]:
    """The stem of the first word each negation governs: "did not break the record" ->
    {break}, the verb denied, not the things it is said of."""
    return frozenset(governed[0] for governed in _governed(text) if governed)


def _governed(text: str) -> list[list[str]]:
    """The stems of up to three words each negation governs, in the text's order."""
    folded = fold(text)
    found: list[list[str]] = []
    for m in negators(folded):
        out: list[str] = []
        found.append(out)
        # The "no X" alternative of NEGATION_RE ends inside X: start after the cue word.
        cue = m.group().split()[0] if m.group().split() else m.group()
        taken = 0
        for tok in match_tokens(folded, m.start() + len(cue)):
            key = token_key(tok.text)
            if key in _WH_WORDS and taken:
                # "not yet clear what had caused the fire": the negation governs "clear",
                # not the question after it (desk probe S: an error-level polarity
                # conflict with "the cause of the fire was under investigation").
                break
            if key in FRAME_STOP or key.isdigit() or key == "longer":
                continue
            out.append(word_stem(key))
            taken += 1
            if taken == 3:
                break
    return found


_WH_WORDS = frozenset({"what", "whether", "why", "how", "who", "whom", "which", "where", "when",
                       "if"})


_FRAME_PERIODS = frozenset({"quarter", "period"})


def entity_id(text: str, given: str | None, lexicon: Lexicon) -> str:
    """Canonical id: the editor's, else the lexicon's, else a slug of the name."""
    if given:
        return given
    return lexicon.entity_id(text)


_PLANS_TO_RE = rx.compile(r"\bplan(?:s|ned|ning)?\s+to\b", re.IGNORECASE)


# A description set off by commas after a name, closing the sentence or its clause:
# "Lusaka, the capital.", "Kestrel, the carmaker, said" (the, its, a, an; a few words).
_APPOSITIVE_RE = rx.compile(r",\s+(?:the|its|their|a|an)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}"
                            r"(?=\s*(?:[,;]|[.!?]?[\"'\u201d\u2019)]*\s*\Z))", re.IGNORECASE)


# The agency in a dateline's parentheses: "(Reuters)", "(Global Wire)".
_AGENCY_RE = rx.compile(r"\([^()\n]{2,40}\)")


def _appositives(text: str, offset: int, mentions: tuple[Mention, ...]) -> list[tuple[int, int]]:
    """Spans of descriptions set off after a name ("Lusaka, the capital"): they say what
    the name is, not what the claim states, so they are no words of its frame (a desk
    probe: "capital" kept a denial from covering the claim it denies)."""
    out = []
    for m in mentions:
        found = _APPOSITIVE_RE.match(text, m.end - offset)
        if found:
            out.append((offset + found.start(), offset + found.end()))
    return out


def _page_subject(text: str, claim: Claim, antecedent: str, offset: int,
                  mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A claim that names nothing it is about, given the page's subject."""
    if MEASURE_FIRST_RE.match(text):
        # "Second-quarter net profit fell to $380 million.": whose profit the page says
        # (a desk probe: two pages' profits, never compared). Only a measure opening the
        # sentence; "Analysts had expected revenue of ..." is the analysts'.
        return (Mention(antecedent, "coref", offset, offset), *mentions)
    lead = _FIGURE_FIRST_RE.match(text)
    if lead and any(q.span[0] - offset <= lead.end() for q in claim.quantities):
        # "About 2,100 people were evacuated" / "More than 3,000 people were evacuated":
        # a figure of the story the page tells (desk probe B: no entity in common, never
        # compared). Only a figure opening the sentence, as a measure must: "Analysts had
        # expected revenue of $4.05 billion" is the analysts'. As context only: a wrong
        # guess ("the GDL union" before "About 80% of trains were cancelled") must not
        # make two pages' one figure two facts.
        return (Mention(antecedent, CONTEXT, offset, offset), *mentions)
    return mentions


# The words a figure opening a sentence may follow: "About 2,100 people", "More than 3,000".
_FIGURE_FIRST_RE = rx.compile(
    r"\W*(?:(?:about|around|some|roughly|nearly|almost|approximately|over|only|just|"
    r"more\s+than|fewer\s+than|less\s+than|at\s+least|up\s+to|as\s+many\s+as|"
    r"an\s+estimated)\s+)?", re.IGNORECASE)


def normalise(claim: Claim, doc_id: str, lexicon: Lexicon,
              antecedent: str | None = None) -> NormClaim:
    """Normalise one claim; a leading pronoun stands for `antecedent` when given."""
    start, end = claim.span
    offset = start
    # A Markdown page's claim quotes its links' addresses and markers: no words of the fact.
    text = one_line(mask_markup(claim.text))
    quoted = reported_quote(text)
    if quoted is not None:
        claim = without_slots(claim, (offset + quoted[0], offset + quoted[1]))
    # entity_id() written out (`e.id or ...`): one call less per mention.
    mentions = tuple([
        mention(e.id or lexicon.entity_id(e.text), role(e.text, lexicon), e.span[0], e.span[1])
        for e in claim.entities
    ])
    if claim.attribution and told_by(claim):
        # Who said it is not what the claim is about: "..., the Health Ministry said" and
        # "..., according to the Red Cross" can tell one fact. (A leading "Norvik Shipping
        # reported revenue ..." or "Acme posted revenue ..." is the subject reporting itself.)
        a_start, a_end = claim.attribution.span
        mentions = tuple(mention(m.id, SOURCE, m.start, m.end)
                         if a_start <= m.start and m.end <= a_end else m for m in mentions)
    line = DATELINE_RE.match(text)
    agency = (0, 0)
    if line:
        filed = offset + line.end()
        mentions = tuple(Mention(m.id, DATELINE, m.start, m.end) if m.end <= filed else m
                         for m in mentions)
        found = _AGENCY_RE.search(text, 0, line.end())
        agency = (offset + found.start(), offset + found.end()) if found else agency
    initial = initial_name(text, offset, mentions)
    if initial:
        mentions = (initial, *mentions)
    pronoun = PRONOUN_RE.match(text) if antecedent else None
    if pronoun and antecedent and coreferent(pronoun, offset, mentions):
        # "It was established in 1993" after a sentence about Ingushetia.
        end = offset + pronoun.end()
        mentions = (Mention(antecedent, "coref", offset, end),
                    *[Mention(m.id, QUALIFIER, m.start, m.end) if m.start < end else m
                      for m in mentions])
    placed = placed_pronoun(text, mentions, offset) if antecedent and not pronoun else None
    if placed and antecedent:
        mentions = (Mention(antecedent, "coref", *placed), *mentions)
    if antecedent and not pronoun and all(m.role in (SOURCE, INITIAL) for m in mentions) \
            and not national(text):  # "rose by 5.1% nationally": no page's place of it
        mentions = _page_subject(text, claim, antecedent, offset, mentions)
    lifted = [(m.start, m.end) for m in mentions]
    lifted += _appositives(text, offset, mentions)
    # A place told in words ("came in third", "in third place") keeps its words in the
    # frame, as before it was a figure: two claims still share them.
    lifted += [(q.span[0], q.span[1]) for q in claim.quantities
               if q.kind != "rank" or not q.text[:1].islower()]
    # An unresolved quarter or half ("the third quarter" of a page without a date) is no
    # interval to compare: its words stay in the frame, where two claims can still share
    # them (an unresolved month is compared as a month of the year: `months`).
    lifted += [(d.span[0], d.span[1]) for d in claim.dates
               if d.resolved or d.granularity not in _FRAME_PERIODS]
    if claim.attribution:
        lifted.append((claim.attribution.span[0], claim.attribution.span[1]))
    if quoted is not None:
        lifted.append((offset + quoted[0], offset + quoted[1]))
    folded = fold(text)
    prefix = CORRECTION_RE.match(folded)
    if prefix:  # "Correction:" says how the fact is held, not what it is
        lifted.append((offset, offset + prefix.end()))
    lifted += [(m.start() + offset, m.end() + offset) for m in negators(folded)]
    # "plans to sell" is "will sell" (the modality says so), as "no plans to sell" is "will
    # not sell": the verb is no word of the fact (a desk probe: "had no plans to sell its
    # truck unit" / "denied a report that it plans to sell its truck unit" stayed apart).
    lifted += [(m.start() + offset, m.end() + offset) for m in _PLANS_TO_RE.finditer(folded)]
    frame = _frame(text, offset, lifted, lexicon)
    if has_lifespan(folded):
        # "Harold Macmillan (10 February 1894 -- 29 December 1986) was ...": the dates are a
        # birth and a death, as "born on 20 February 1894" says in words.
        frame += [w for w in ("born", "die") if w not in frame]
    preds = tuple([
        (pid, s + offset, e + offset) for pid, s, e in lexicon.predicate_spans(text)
    ])
    telling = told_on(claim)
    # Fahrenheit is read as Celsius unless the claim gives Celsius too: "44.6C (112.3F)" is
    # one reading told twice, whose Celsius figure is compared (acceptance case desk-probe-d).
    celsius = not any(q.unit == "degC" for q in claim.quantities)
    # The agency of a dateline ("LIMA, Oct 18 (Global Wire) -") is who filed the report, no
    # entity of its claim: it kept two reports of one quake below the bar (a desk probe).
    # Its place stays: it is often where the event was ("WILMINGTON" of a trial there).
    named = [m for m in mentions if not (agency[0] <= m.start and m.end <= agency[1])]
    # A source ("the Red Cross said") is an entity of the claim (often its actor too:
    # "..., SUPARCO said"), but no scope of it (`compare.scope.different_scopes`).
    entities = frozenset(
        [m.id for m in named] + [p for m in named for p in lexicon.ancestors(m.id)]
    )
    quantities = tuple([normal_quantity(q, text, offset, celsius) for q in claim.quantities])
    dates = tuple([ndate(d) for d in claim.dates if d.resolved and d.span not in telling])
    told = tuple([ndate(d) for d in claim.dates if d.resolved and d.span in telling])
    months = tuple([m for d in claim.dates if not d.resolved and not d.open
                    and d.span not in telling
                    for m in [month_of_year(d.text, d.granularity)] if m])
    negated = negated_words(text) if claim.polarity == "negative" else frozenset()
    description = describe(text, offset, mentions, lexicon)
    earlier_date = any(earlier(d, text, offset) for d in claim.dates)
    # `NormClaim(...)` through its slots (`normclaim.norm_claim`: the frozen dataclass's
    # __init__ set each of 22 fields through object.__setattr__, a ninth of normalising).
    return norm_claim(doc_id, claim.id, text, (start, end), entities, mentions,
                      frozenset(frame), tuple(frame), preds, quantities, dates,
                      claim.polarity, claim.modality, claim.correction, negated, description,
                      months, told, earlier_date)


def _frame(text: str, offset: int, lifted: list[tuple[int, int]], lexicon: Lexicon) -> list[str]:
    """Stems of the words that say which fact the claim states: not stop words, and no word
    that starts or ends inside a lifted span (names, quantities, dates, negators)."""
    # Which characters of the text are lifted, one byte each: a token is tested by its
    # first and last character, not against every span.
    size = len(text)
    mask = bytearray(size)
    for s, e in lifted:
        # Clipped to the text by comparisons, not max() and min() calls (most spans are in it).
        s = s - offset if s > offset else 0
        e = e - offset if e - offset < size else size
        if s < e:
            mask[s:e] = b"\1" * (e - s)
    toks, _, keys = lexicon.tokens(text)  # predicate_spans reads the same tokens next
    words = list(map(_frame_stem, keys))  # map() calls the cached _frame_stem from C
    if "-" in text:  # "play-offs" is one word, "playoffs" (`particlewords`)
        for i, joined in particle_nouns(text, toks, keys).items():
            words[i], words[i + 1] = _frame_stem(joined), None
    return [word for tok, word in zip(toks, words, strict=True)
            if word is not None and not mask[tok.start] and not mask[tok.end - 1]]


@lru_cache(maxsize=1 << 16)
def _frame_stem(key: str) -> str | None:
    """The stem a token (its lower-case token_key) adds to the frame, or None (stop word,
    number, one letter). Cached: a corpus repeats a small vocabulary."""
    if key in FRAME_STOP or key.isdigit() or len(key) < 2:
        return None
    return word_stem(key)
