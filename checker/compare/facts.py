"""What judging reads of each claim, worked out once per claim: a claim is in a pair with
each of its candidates (`verdict.judge`). With the index's weight tables, the similarity
and coverage of a pair sum from each claim's remembered totals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from checker.compare.blocking import Totals, Weights
from checker.compare.dateslots import base_then
from checker.compare.figures import (
    change_counted,
    changes_done,
    counted_nouns,
    counts_done,
    sums_named,
)
from checker.compare.fillers import owned
from checker.compare.lexical import opposable
from checker.compare.measures import (
    fates_of,
    figure_measures,
    measure_tokens,
    measure_words,
    measures_of,
    outcomes_of,
)
from checker.compare.roles import roles_of
from checker.compare.scope import scope_of
from checker.compare.similarity import (
    Similarity,
    coverage,
    similarity,
    unlent_similarity,
    weighted_coverage,
    weighted_similarity,
)
from checker.compare.slots import currencies, events, figure_dates, moments_of
from checker.compare.standings import Standing, standings_of
from checker.compare.stories import lent_topic
from checker.compare.titles import Title, titles
from checker.lexicon import Lexicon
from checker.marketdays import of_its_day
from checker.nlp import word_stem
from checker.normclaim import NDate, NormClaim, has_lent


class Stats(Protocol):
    """Corpus statistics the verdict needs (the block index provides them)."""

    def idf(self, key: str) -> float: ...  # noqa: D102

    def specific(self, key: str) -> bool: ...  # noqa: D102


# Units of time say how often or how long, never which fact: "£142 per weekly dose" and
# "cleared Halvorsen's weekly injection on 2 March" share "week", rare in a small corpus, and
# were corroborated by it (desk probe U).
_TIME_UNITS = frozenset(word_stem(w) for w in """week weekly month monthly year yearly annual
    day daily hour minute quarter quarterly decade century""".split())


def _counts_done(f: ClaimFacts) -> frozenset[tuple[str, str]]:
    c = f.claim
    return counts_done(c) | changes_done(c) | sums_named(c) if c.quantities else frozenset()


def _counted(f: ClaimFacts) -> frozenset[str]:
    c = f.claim
    return counted_nouns(c) if c.quantities else frozenset()


def _measure_words(f: ClaimFacts) -> dict[str, frozenset[str]]:
    c = f.claim
    return measure_words(c.text, c.tokens) if f.measures else {}


def _told(f: ClaimFacts) -> list[NDate]:
    c = f.claim
    return events(c, c.told)


_NONE: frozenset[str] = frozenset()


class ClaimFacts:
    """What judging reads of one claim in every pair it is in, worked out once: the facts
    of `_LATER` on first use (most claims are in no pair that reads them)."""

    __slots__ = ("change_counted", "claim", "counted", "counts_done", "currencies", "events",
                 "fates", "figures_of", "lent", "measure_words", "measures", "moments",
                 "opposable", "outcomes", "owned", "rankings", "roles", "scope",
                 "spec_entities", "spec_tokens", "titles", "told", "totals", "unlent", "when")
    # What its counts count and what is done to them (`figures.counted_alike`), the
    # changes its shares measure ("slowed cognitive decline by 27%"), and the sums it names
    # by what they are ("a fee of £33m"); the nouns its figures count; its measures' words;
    # the days it was told on. Set by `__getattr__` when first read.
    counts_done: frozenset[tuple[str, str]]
    counted: frozenset[str]
    measure_words: dict[str, frozenset[str]]
    told: list[NDate]
    # The outcomes it names a risk of, and its places in rankings (`measures.outcomes_of`,
    # `standings.standings_of`): none for most claims.
    outcomes: frozenset[str]
    rankings: dict[tuple[str, str], Standing]
    # The nouns its names own ("Kestrel's shares", `fillers.owned`) and the one-holder
    # titles it gives (`titles.titles`): none for most claims.
    owned: dict[str, set[str]]
    # What a bare percentage of a claim naming no measure changes (`figures.change_counted`).
    change_counted: str | None
    titles: dict[tuple[str, str], Title]

    def __init__(self, c: NormClaim, stats: Stats, lexicon: Lexicon) -> None:
        self.claim = c  # held, so the claim's id (the memo key) is not reused
        specific = stats.specific
        self.spec_entities = frozenset(e for e in c.entities if specific(f"e:{e}"))
        self.spec_tokens = frozenset(t for t in c.tokens
                                     if t not in _TIME_UNITS and specific(f"t:{t}"))
        self.events: list[NDate] = events(c)
        self.when = figure_dates(c, self.events) if c.quantities else {}
        if c.told and not c.dates and c.quantities and of_its_day(c):
            # A market's move that gives no day is its page's (`marketdays`), so its figures
            # are of that day: "Marlowe's shares rose 27 per cent to 402p in early trading"
            # (7 September) is no price of "Pennant Group's 360 pence-a-share bid in March"
            # (desk probe Q2: an error-level conflict).
            self.when = dict.fromkeys(range(len(c.quantities)), c.told[0])
        if self.events and c.quantities and "when" in c.text:
            # a base that dates its own figure dates no event of the claim (`base_then`)
            self.events = [d for d in self.events if not base_then(c, d)]
        self.moments = moments_of(c.text) if c.quantities else frozenset()
        self.scope = scope_of(c, lexicon)
        self.opposable = opposable(c.tokens)
        self.currencies = currencies(c)
        words = measure_tokens(c)
        self.measures = measures_of(c.text, words)
        # The measure each figure is of, when the claim names one before it.
        self.figures_of = figure_measures(c.text, words, c.quantities) \
            if self.measures and c.quantities else ()
        self.roles = roles_of(c)
        self.fates = fates_of(c.tokens, c.text)
        # The page's topic lent to it (`stories.lent_topic`): none for most claims.
        # (Empty, one shared set: an empty frozenset is an object of 216 bytes, and a set
        # or two a claim were 67-110 MB more at the peak of 200,000 claims.)
        self.lent = lent_topic(c) or _NONE
        idf = stats.idf
        self.totals: Totals | None = idf.totals(c) if isinstance(idf, Weights) else None
        # Its totals again when it was lent no entity (`normclaim.has_lent`), else None: a
        # pair of two such claims sums its similarity from them at once.
        self.unlent = self.totals if self.totals is not None and not has_lent(c) else None

    def __getattr__(self, name: str) -> Any:
        """A fact of `_LATER`, worked out when first read and kept in its slot (read from
        there after: this is only called for a slot not set yet)."""
        make = _LATER.get(name)
        if make is None:
            raise AttributeError(name)
        value = make(self)
        object.__setattr__(self, name, value)
        return value


_LATER: dict[str, Callable[[ClaimFacts], Any]] = {
    "counts_done": _counts_done, "counted": _counted, "measure_words": _measure_words,
    "told": _told, "outcomes": lambda f: outcomes_of(f.claim.text),
    "rankings": lambda f: standings_of(f.claim.text), "titles": lambda f: titles(f.claim),
    "owned": lambda f: owned(f.claim),
    "change_counted": lambda f: change_counted(f.claim) if not f.measures else None,
}


class Facts:
    """Each claim's `ClaimFacts`, made on first use: a claim is in a pair with each of its
    candidates. For one corpus statistics (always passed the same) and one lexicon; the
    statistics are not held, so an index can keep its facts without a reference cycle."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._made: dict[int, ClaimFacts] = {}

    def __call__(self, c: NormClaim, stats: Stats) -> ClaimFacts:
        """The facts of claim c."""
        found = self._made.get(id(c))
        if found is not None and found.claim is c:
            return found
        made = self._made[id(c)] = ClaimFacts(c, stats, self.lexicon)
        return made

    def pair(self, a: NormClaim, b: NormClaim, stats: Stats) -> tuple[ClaimFacts, ClaimFacts]:
        """The facts of claims a and b, as two calls would give them (one call a judged
        pair: a million at 200,000 claims)."""
        made = self._made
        fa = made.get(id(a))
        if fa is None or fa.claim is not a:
            fa = made[id(a)] = ClaimFacts(a, stats, self.lexicon)
        fb = made.get(id(b))
        if fb is None or fb.claim is not b:
            fb = made[id(b)] = ClaimFacts(b, stats, self.lexicon)
        return fa, fb


def pair_similarity(a: NormClaim, b: NormClaim, fa: ClaimFacts, fb: ClaimFacts,
                    stats: Stats) -> Similarity:
    """`similarity.similarity` of a pair, from the claims' totals where the index has them."""
    ta, tb, idf = fa.unlent, fb.unlent, stats.idf
    # (isinstance, not typing.cast: a call of a Python function every pair.)
    if ta is not None and tb is not None and isinstance(idf, Weights):
        return unlent_similarity(a, b, idf, ta, tb)  # most pairs: no entity lent
    if isinstance(idf, Weights) and fa.totals is not None and fb.totals is not None:
        return weighted_similarity(a, b, idf, fa.totals, fb.totals)
    return similarity(a, b, idf)


def pair_coverage(a: NormClaim, b: NormClaim, fa: ClaimFacts, fb: ClaimFacts,
                  stats: Stats) -> float:
    """`similarity.coverage` of a pair, from the claims' totals where the index has them."""
    idf = stats.idf
    if isinstance(idf, Weights) and fa.totals is not None and fb.totals is not None:
        return weighted_coverage(a, b, idf, fa.totals, fb.totals)
    return coverage(a, b, idf)
