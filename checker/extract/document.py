"""A document in, its check-worthy claims with slots out (`checker.extract`)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import replace
from operator import attrgetter
from typing import Final

from checker import rx
from checker.charscan import count_words, has_letter_pair
from checker.currencies import document_rupee
from checker.defaults import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD
from checker.extract.attribution_cues import GATES as _ATTRIBUTION_GATES
from checker.extract.candidates import candidate_spans as candidate_spans
from checker.extract.clock_times import SEASONAL_UNITS, times_in_utc
from checker.extract.date_rules import april_to_march, quarters_of_accounts
from checker.extract.date_shift import dateline_end
from checker.extract.dates import GATES as _DATE_GATES
from checker.extract.dates import MONTH_BIT, Anchor, find_dates
from checker.extract.gates import JointGates
from checker.extract.ids import claim_file_of, claim_id
from checker.extract.interview import Turns, turns_of
from checker.extract.markup import Squeezed, squeeze_markup
from checker.extract.quantities import GATES as _QUANTITY_GATES
from checker.extract.quantities import RANK_CUES, find_quantities
from checker.extract.quantity_context import RANKED_RE
from checker.extract.quantity_cricket import page_of_cricket
from checker.extract.slots import date_slot, day_of, outside_units, placed, quantity_slot
from checker.extract.spans import within
from checker.extract.stance import (
    CORRECTION_RE,
    Attrib,
    attribution,
    future_of_folded,
    future_within,
    modality,
    polarity,
)
from checker.extract.triples import read_triple
from checker.extract.unwrap import unwrap
from checker.extract.verdicts import rated_claim, rated_claims, with_rated
from checker.extract.worktitles import quoted_titles, titled
from checker.extract.worthiness import (
    CORRECTION_BIT,
    CUE_GATES,
    ENTITY_BONUS,
    FIGURE_ROW_RE,
    score_of,
    text_features,
    with_entities,
)
from checker.ingest import Document, document_from_text
from checker.lexicon import Lexicon
from checker.models.claims import (
    Attribution,
    Claim,
    ClaimFile,
    DateSlot,
    EntitySlot,
    QuantitySlot,
    Triple,
)
from checker.models.common import partial_date_bounds
from checker.models.document import DocumentMeta
from checker.models.trusted import check_plain, full_fields, trusted
from checker.propernames import mid_sentence_names
from checker.textutil import LineCounter, fold, has_digit

# Two figures joined, as a bowler's or a side's are ("4-38", "287/6"): only then is the page
# asked whether it tells of cricket.
_FIGURES_JOINED_RE: Final = rx.compile(r"\d[-/]\d")
# Fields of the records a claim is read from, read in C (map) rather than by a generator.
_SPAN: Final = attrgetter("start", "end")
_GRANULARITY: Final = attrgetter("granularity")
_UNIT: Final = attrgetter("unit")
_KIND: Final = attrgetter("kind")
_NO_KINDS: Final[frozenset[str]] = frozenset()
# A clause whose figures are all ranks and clock times may state no number (claim()).
_RANK_OR_TIME: Final = frozenset({"rank", "time"})
# The quantity gates RANKED_RE needs of an ASCII clause (an ordinal, a superlative).
_ORDINAL_CUES, _SUPERLATIVE_CUES = RANK_CUES
# What the extractor sets on a Claim: the others keep their defaults.
_CLAIM_FIELDS_SET: Final = frozenset(Claim.model_fields) - {"suppress", "note"}
# Every field of a claim, in Claim's order (dumps follow it), each None until set.
_CLAIM_FIELDS: Final[dict[str, object]] = dict.fromkeys(Claim.model_fields)
# The cue gates of dates, quantities and attribution and the word cues' phrase needles of
# text_features, read in one scan of a clause's lower case text rather than one scan each
# (each part is exactly its own Gates' mask).
SENTENCE_GATES: Final = JointGates(_DATE_GATES, _QUANTITY_GATES, _ATTRIBUTION_GATES, CUE_GATES)
for _model in (Claim, EntitySlot, QuantitySlot, DateSlot, Attribution, Triple):
    check_plain(_model)
# Each slot model's set of all its fields, read once: full_fields returns this one set always.
_ENTITY_FIELDS: Final = full_fields(EntitySlot)
_ATTRIBUTION_FIELDS: Final = full_fields(Attribution)
_TRIPLE_FIELDS: Final = full_fields(Triple)


def anchor_of(meta: DocumentMeta) -> Anchor | None:
    """The publication date as an interval, if the metadata has one."""
    if not meta.published:
        return None
    # A corpus's pages share a few hundred dates; an anchor cost ~20,000 instructions to
    # make (the date parsed by interpreted code) and is immutable.
    anchor = _ANCHORS.get(meta.published)
    if anchor is None:
        if len(_ANCHORS) >= _ANCHORS_KEPT:
            _ANCHORS.clear()  # bounded: a long run's distinct dates would pile up
        first, last, granularity = partial_date_bounds(meta.published)
        anchor = _ANCHORS[meta.published] = Anchor(first, last, granularity)
    return anchor


_ANCHORS: Final[dict[str, Anchor]] = {}
_ANCHORS_KEPT: Final = 4096


def extract_document(
    doc: Document, lexicon: Lexicon, threshold: float = DEFAULT_THRESHOLD
) -> ClaimFile:
    """All claims of a document scoring at least threshold, in text order."""
    ctx = context_of(doc, lexicon)
    found = [claim for us, ue, s, e in candidate_spans(ctx.doc, ctx.folded, ctx.turns, ctx.text)
             if (claim := ctx.claim(us, ue, (s, e), threshold)) is not None]
    return claim_file_with(ctx, found, threshold)


def context_of(doc: Document, lexicon: Lexicon) -> _Context:
    """What every claim of a document shares, read once. Its `doc` is the page as read: a
    Markdown page, or one with HTML's leftovers, without its markup (`markup`)."""
    # A hard-wrapped page is read as its paragraphs (the wrap's line breaks as spaces); the
    # claims' own texts are the document's, line breaks and all.
    text = unwrap(doc.text)
    squeezed = squeeze_markup(text)
    page = doc
    if squeezed is not None:
        # Read as its prose; each claim is placed in the page as written when the file is
        # made (`claim_file_with`), its text and id the page's.
        text = squeezed.text
        doc = replace(doc, text=text, body_start=squeezed.index(doc.body_start))
    return _Context(doc, lexicon, anchor_of(doc.meta), mid_sentence_names(text), fold(text),
                    turns=turns_of(doc.text, lexicon, doc.meta.title), text=text,
                    page=page, squeezed=squeezed)


def claim_file_with(ctx: _Context, found: list[Claim], threshold: float) -> ClaimFile:
    """The document's claim file: its candidates' claims `found`, in text order, with its
    fact check's rated claims, placed in the page as written, each id made unique."""
    doc = ctx.doc
    # A fact check's rated claims ("laim": "Claim:" in any case, a cheap test first).
    rated = rated_claims(doc.text, ctx.folded.lower()) if "laim" in ctx.folded else []
    if rated:
        found = with_rated(found, [c for r in rated if (c := rated_claim(
            ctx.claim(r.start, r.end, (r.start, r.end)), r, threshold)) is not None])
    page = ctx.page if ctx.page is not None else doc
    if ctx.squeezed is not None:
        found = [placed(c, ctx.squeezed, page) for c in found]
    return claim_file_of(page, threshold, _numbered(found))


def _numbered(found: list[Claim]) -> list[Claim]:
    """The claims with a repeated sentence's second id `<id>-2`, its third `<id>-3`, ..."""
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for claim in found:
        count = seen.get(claim.id, 0)
        seen[claim.id] = count + 1
        if count:
            claim = claim.model_copy(update={"id": f"{claim.id}-{count + 1}"})
        claims.append(claim)
    return claims


def extract_text(
    text: str, doc_id: str, lexicon: Lexicon, meta: DocumentMeta | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> ClaimFile:
    """Extract claims from text in memory (no file system)."""
    return extract_document(document_from_text(doc_id, text, meta), lexicon, threshold)


def build_claim(
    doc: Document, start: int, end: int, sentence: tuple[int, int], lexicon: Lexicon,
    anchor: Anchor | None, vocab: frozenset[str],
) -> Claim | None:
    """One candidate claim with all its slots, or None for a non-sentence."""
    text = unwrap(doc.text)
    return _Context(doc, lexicon, anchor, vocab, fold(text), text=text).claim(start, end,
                                                                              sentence)


class _Context:
    """What every claim of one document shares; the folded text is computed once.

    A plain class, compiled with its __init__ (a dataclass's __init__ is generated Python,
    interpreted even here: ~5,000 instructions a document)."""

    def __init__(self, doc: Document, lexicon: Lexicon, anchor: Anchor | None,
                 vocab: frozenset[str], folded: str, *, turns: Turns | None = None,
                 text: str = "", page: Document | None = None,
                 squeezed: Squeezed | None = None) -> None:
        self.doc = doc
        # doc's text and id, read by every clause: a compiled attribute each, not an
        # attribute of the dataclass looked up by name.
        self.doc_text: str = doc.text
        self.doc_id: str = doc.id
        # Claims' lines, counted as they come (doc.lines built an index of every line).
        self.lines = LineCounter(doc.text)
        self.lexicon = lexicon
        self.anchor = anchor
        self.vocab = vocab
        self.folded = folded
        self._sentence: tuple[int, int] = (-1, -1)
        self._stance: tuple[bool, Attrib | None, bool] = (False, None, False)
        self._rupee: str | None = None
        self._cricket: bool | None = None
        self.turns = turns
        # The document as its readers see it: unwrap(doc.text) (claims quote doc.text
        # itself); doc.text when not given.
        self.text = text or doc.text
        # A page read without its markup: the page as written, and where the text read
        # stands in it (None: the page is read as it is).
        self.page = page
        self.squeezed = squeezed

    def rupee(self) -> str:
        """The currency "Rs" and "rupees" mean in this document (read once, when needed)."""
        if self._rupee is None:
            self._rupee = document_rupee(self.folded.lower())
        return self._rupee

    def cricket(self) -> bool:
        """Whether the page tells of cricket (read once, when a figure may be a bowler's)."""
        if self._cricket is None:
            self._cricket = page_of_cricket(self.folded)
        return self._cricket

    def stance(self, sentence: tuple[int, int], gates: int | None = None,
               cues: int | None = None) -> tuple[bool, Attrib | None, bool]:
        """(future, attribution, correction) of a sentence, cached across its units;
        `gates` and `cues` are the attribution gates' and the cue gates' masks of the
        sentence, when the caller has them."""
        if sentence != self._sentence:
            s, e = sentence
            stext = self.folded[s:e]
            self._sentence = sentence
            # stext is a slice of the folded document, folded already: is_future and
            # is_correction of it, without folding it again; a correction's note only where
            # one of its words is (worthiness.CORRECTION_BIT).
            self._stance = (future_of_folded(stext),
                            attribution(self.text, s, e, self.folded, gates),
                            (cues is None or cues & CORRECTION_BIT != 0)
                            and CORRECTION_RE.match(stext) is not None)
        return self._stance

    def claim(self, start: int, end: int, sentence: tuple[int, int],
              threshold: float = 0.0) -> Claim | None:
        """One candidate claim with all its slots, or None for a non-sentence or a claim
        scoring under threshold."""
        out: list[Claim | None] = [None]
        for _ in self.claim_steps(start, end, sentence, out, 0, threshold):
            pass
        return out[0]

    def claim_steps(self, start: int, end: int, sentence: tuple[int, int],
                    out: list[Claim | None], at: int,
                    threshold: float = 0.0) -> Generator[None, None, None]:
        """claim(), read a stage at a time: it pauses (yields) between its readers' stages
        and puts the claim in out[at] (leaves it None for none). `extract.batch` runs many
        clauses' stages in turn, each reader over every clause of a batch (its code and
        data stay in the caches)."""
        # (The claim is not the generator's return value: that comes with a StopIteration
        # raised and caught, a traceback made for each claim; a generator that ends with
        # none is stopped with no exception object at all.)
        text, folded = self.text, self.folded
        # The clause as read (a hard wrap's line breaks as spaces) and as the page has it.
        seen = text[start:end]
        raw = self.doc_text[start:end] if text is not self.doc_text else seen
        # Only whether there are three words is asked, and whether two ASCII letters stand
        # together: both read by character codes (a split and a search cost ~2,600).
        if count_words(seen, 3) < 3 and not FIGURE_ROW_RE.match(seen) \
                or not has_letter_pair(seen):
            return  # a word or two, unless a row of figures ("Turnout: 71%")
        # Dates, quantities and attribution read the same lower-case text and digit test.
        clause = folded[start:end]  # fold(seen): the readers below fold no clause again
        lower = clause.lower()
        date_gates, quantity_gates, attribution_gates, cue_gates = SENTENCE_GATES.masks(lower)
        yield  # gates read
        whole = (start, end) == sentence
        future, attrib, correction = self.stance(sentence, attribution_gates, cue_gates) \
            if whole else self.stance(sentence)
        if not whole:
            if future:  # the clause's own plan, or one told across it ("said ... would")
                future = future_within(folded, sentence[0], sentence[1], start, end)
            # A clause split from its sentence has its own attribution when it names one
            # ("..., the ministry said, while imports fell, according to customs data").
            attrib = attribution(text, start, end, folded, attribution_gates) or attrib
        if attrib is None and self.turns is not None:
            attrib = self.turns.speaker_of(start)  # an answer, a speaker's turn: theirs
        yield  # stance read
        digits = has_digit(clause)
        dates = find_dates(text, start, end, anchor=self.anchor, future=future, folded=folded,
                           lower=lower, digits=digits, gates=date_gates)
        titles = quoted_titles(folded, start, end) if '"' in lower else []  # (its own test)
        if titles and dates:  # "Net Zero by 2050" names a report, no date
            dates = [d for d in dates if not within(d.start, d.end, titles)]
        yield  # dates read
        quantities = find_quantities(text, start, end,
                                     skip=[*map(_SPAN, dates), *titles] if dates else titles,
                                     folded=folded, lower=lower, digits=digits,
                                     gates=quantity_gates,
                                     cricket=digits and ("-" in lower or "/" in lower)
                                     and _FIGURES_JOINED_RE.search(lower) is not None
                                     and self.cricket())
        if dates and "fiscal-year" in map(_GRANULARITY, dates) \
                and self.rupee() == "INR":
            dates = quarters_of_accounts([april_to_march(d, folded) for d in dates],
                                         text)  # "FY26", "Q3 FY26" in India
        if quantities and not SEASONAL_UNITS.isdisjoint(map(_UNIT, quantities)):
            day = day_of(dates, self.anchor)
            quantities = quantities if day is None else times_in_utc(quantities, day)
        # A rank counts as a number when it ranks a thing of a closed list ("in the 64th
        # minute", "finished in 3rd place"), not "the 20th anniversary" (a desk probe).
        # A clock time is no number either: it dates a fact, as a date does (so it counts
        # as one: "The system was restored at 2.15pm." scored 0.354 with neither and was
        # lost, and with it a conflict of two times of one outage; desk probe W).
        # (The kinds read in C: no generator resumed for each figure.)
        yield  # quantities read
        kinds = set(map(_KIND, quantities)) if quantities else _NO_KINDS
        base = text_features(clause, has_number=not kinds <= _RANK_OR_TIME or (
                                 "rank" in kinds and any(q.noun is not None for q in quantities
                                                         if q.kind == "rank"))
                             or (quantity_gates & _ORDINAL_CUES != 0
                                 and quantity_gates & _SUPERLATIVE_CUES != 0
                                 or not clause.isascii())
                             and RANKED_RE.search(clause) is not None,
                             has_date=bool(dates) or "time" in kinds,
                             attributed=attrib is not None,
                             future=future, correction=correction, cue_gates=cue_gates,
                             folded=clause)
        # A dateline holds a day's digits and a month's name ("PARIS, March 3 - "), whose
        # first three letters set the dates' gates' MONTH_BIT.
        line = dateline_end(folded, start, end) if dates and start == sentence[0] \
            and digits and date_gates & MONTH_BIT else None
        if line is not None:
            # A dateline dates the report, not the event: no date slot of the claim (its
            # digits are still no quantity; the check-worthiness features are as before).
            dates = [d for d in dates if d.end > line]
        # Entity matching is the costliest step: skip it when even the best entity features
        # could not lift the score to the threshold (the result is the same, only faster).
        if threshold > 0 and score_of(tuple(base), ENTITY_BONUS) < threshold:
            return
        yield  # features read
        # After a dateline the sentence starts again: "DHAKA, Aug 10 - Dengue cases ..."
        # says no more that "Dengue" is a name than a sentence opening with it would.
        entities = self.lexicon.find_entities(text, start, end, self.vocab, body=line)
        if quantities:
            entities = outside_units(entities, quantities)
        if titles:
            entities = titled(entities, titles, text)
        # Distinct unknown names are counted only when there are two or more of them.
        known = 0
        for m in entities:  # (a compiled loop: no builtins looked up by name)
            if m.id:
                known += 1
        unknown = len(entities) - known
        found = with_entities(base, known, len(entities), unknown if unknown < 2
                              else len({m.text for m in entities if not m.id}))
        found_score = score_of(tuple(found), 0.0)  # score(found) without its wrapper's call
        if found_score < threshold:
            return
        # The reading starts after a dateline: its place and agency are no subject (desk
        # probe L: "Meridian Wire" member of the ILRS).
        triple = read_triple(text, start, end, entities, self.lexicon, folded) \
            if line is None else read_triple(text, line, end, [
                m for m in entities if m.start >= line], self.lexicon, folded)
        yield  # names and triple read (one stage: the triple reads the names' tokens)
        cid = claim_id(self.doc_id, raw, lower)
        pol = polarity(clause, clause)
        mod = modality(clause, attrib is not None, future, clause)
        yield  # stance of the claim read
        # Built as trusted models, not validated: every value below is the extractor's own, of
        # the declared types (test_construct.py checks the claims equal validated ones), and
        # validation cost ~60 us a claim (25 us a date). Claim files are validated when loaded.
        # The fields set are those a validated Claim(...) had: all but suppress and note.
        # The values set into a copy of the fields in Claim's order (a dict copied in C, its
        # values replaced), where a dict built of 17 items cost ~3,700 instructions.
        values = _CLAIM_FIELDS.copy()
        values["id"] = cid  # (fold() keeps each character's place: the clause's lower is raw's)
        values["text"] = raw
        values["span"] = (start, end)
        values["line"] = self.lines.line_of(start)
        values["quote"] = sentence if sentence != (start, end) else None
        values["score"] = found_score
        values["features"] = found
        values["entities"] = [trusted(EntitySlot, _ENTITY_FIELDS,
                                      {"text": m.text, "id": m.id, "span": (m.start, m.end)})
                              for m in entities] if entities else []
        values["quantities"] = [quantity_slot(q, self.rupee) for q in quantities] \
            if quantities else []
        values["dates"] = [date_slot(d) for d in dates]  # (a compiled call each)
        values["polarity"] = pol
        # The clause's own hedges: "Kyiv no longer has shells, and it may lose ground"
        # hedges the second clause, not the first.
        values["modality"] = mod
        values["attribution"] = trusted(Attribution, _ATTRIBUTION_FIELDS, {
            "text": attrib.text, "source": attrib.source,
            "span": (attrib.start, attrib.end)}) if attrib else None
        values["triple"] = trusted(Triple, _TRIPLE_FIELDS, {
            "subject": triple[0], "predicate": triple[1], "object": triple[2]}) \
            if triple else None
        values["correction"] = correction
        values["suppress"] = []
        out[at] = trusted(Claim, set(_CLAIM_FIELDS_SET), values)
