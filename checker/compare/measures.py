"""What a claim's figures measure: "Zambia's maize harvest" and "Zambia's wheat harvest",
or "revenue" and "operating profit", are two measures of one entity, and their figures are
neither one fact told twice nor two answers to one question."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker import rx
from checker.nlp import word_stem
from checker.normclaim import INITIAL, NormClaim, NQuantity

# Nouns a news figure measures, as written, by their frame stem ("sales" and "turnover"
# are revenue to the frame, "earnings" profit): a claim's frame says which it names, and
# only those forms are searched for.
_WORDS = (
    "harvest harvests crop crops output revenue revenues sales turnover profit profits "
    "earnings income loss losses export exports import imports deficit deficits surplus "
    "surpluses budget budgets spending debt debts wage wages salary salaries price prices "
    "cost costs population turnout unemployment inflation investment investments dividend "
    "dividends vote votes applications enrolments enrollments admissions").split()
# Measures whose verb shares their stem ("voted"): named only by the noun itself ("28.6%
# of the vote"; a desk probe: turnout and a party's share of the vote conflicted).
_NOUN_ONLY = frozenset({word_stem("vote")})
_FORMS: dict[str, re.Pattern[str]] = {
    stem: rx.compile(r"\b(?:" + "|".join(w for w in _WORDS if word_stem(w) == stem) + r")\b",
                     re.IGNORECASE)
    for stem in {word_stem(w) for w in _WORDS}}
_STEMS = frozenset(_FORMS)
# Measures news copy names for one another, read as one: a result and its opposite
# ("profit" / "loss"), and words used alike ("inflation" / "consumer prices", "net income" /
# "net profit", "maize output" / "maize harvest", "defence spending" / "defence budget").
_GROUPS = {word_stem(w): word_stem(g) for w, g in (
    ("loss", "profit"), ("income", "profit"), ("surplus", "deficit"), ("inflation", "price"),
    ("cost", "price"), ("crop", "harvest"), ("output", "harvest"), ("budget", "spending"),
    ("salary", "wages"))}
# The words that make one measure two, each against another of the list: "core" / "headline"
# inflation, "operating" / "net" profit, "maize" / "wheat" harvest, "budget" / "trade"
# deficit, "import" / "export" prices. A closed list: any other word before a measure
# ("home" / "house" prices, "defence" / "military" spending, "weaker", "solid") leaves it
# one measure, since news copy varies those freely. Words used alike are one kind.
_KIND_WORDS = """
    core headline food fuel energy services goods merchandise operating net gross underlying
    pretax maize wheat rice corn=maize soybean soy=soybean barley sorghum cassava coffee tea
    cocoa sugar cotton tobacco oil crude=oil petroleum=oil gas coal copper gold iron steel
    lithium nickel diamond aluminium aluminum=aluminium lumber timber=lumber wood=lumber
    beef pork poultry dairy fish seafood=fish wine textile electronics semiconductor
    chip=semiconductor car auto=car vehicle=car fertiliser fertilizer=fertiliser
    import export budget trade account public government=public
    private domestic foreign overseas=foreign international=foreign youth urban rural
    consumer producer wholesale retail""".split()
_KINDS = {word_stem(w.split("=")[0]): word_stem(w.split("=")[-1]) for w in _KIND_WORDS}
# Periods are another axis: "quarterly" / "annual" profit are two facts, "quarterly" / "net"
# profit may be one.
_PERIODS = frozenset(word_stem(w) for w in ("quarterly", "annual", "monthly", "weekly"))
# What may open a claim before its first word.
_OPENING = " \t\"'\u201c\u2018(-\u2013\u2014\u2022*"
# The word before a measure, with nothing but spaces between.
_BEFORE_RE = rx.compile(r"([\w'\u2019-]+)[ \t]+\Z")

Measures = Mapping[str, frozenset[str]]


def measures_of(text: str, tokens: frozenset[str]) -> dict[str, frozenset[str]]:
    """The measures a claim names in its frame (`tokens`: a measure word inside a name or
    a figure, as "Inland Revenue", is none), each with the kinds and periods that qualify it
    ("maize" in "maize harvest", "import" in "import prices"; empty for a bare "revenue")."""
    named = _STEMS & tokens
    if not named:  # most claims: no measure, and no search
        return {}
    found: dict[str, set[str]] = {}
    for stem in named:
        if stem in _NOUN_ONLY and not _FORMS[stem].search(text):
            continue
        mods = found.setdefault(_GROUPS.get(stem, stem), set())
        for m in _FORMS[stem].finditer(text):
            before = _BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            # A capital that starts the claim is no name ("Core inflation eased").
            mod = _qualifier(before.group(1), not text[:before.start(1)].strip(_OPENING)) \
                if before else None
            if mod is not None:
                mods.add(mod)
    return {head: frozenset(mods) for head, mods in found.items()}


def measure_tokens(c: NormClaim) -> frozenset[str]:
    """The words a claim may name its measures by: its frame, and its first word when
    normalisation guessed it a name (`INITIAL`): a measure opening a sentence ("Turnout was
    64.9%") is still the measure its figure is of (a desk probe: turnout and a party's share
    of the vote conflicted)."""
    if not any(m.role == INITIAL for m in c.mentions):
        return c.tokens
    return c.tokens | frozenset(word_stem(c.text[m.start - c.span[0]:m.end - c.span[0]].lower())
                                for m in c.mentions if m.role == INITIAL)


def figure_measures(text: str, tokens: frozenset[str], quantities: Sequence[NQuantity]
                    ) -> tuple[frozenset[str] | None, ...]:
    """For each figure, the measures of the noun phrase named last before it in the claim,
    or None: in "raised its full-year profit forecast after third-quarter revenue rose 6.9%
    to 4.82 billion pounds" both figures are revenue's, none is profit's; "oil export
    earnings rose to $4.1 billion" is a figure of exports and of earnings."""
    named = _STEMS & tokens
    if not named:  # most claims: no measure
        return (None,) * len(quantities)
    mentions = sorted((m.start(), m.end(), _GROUPS.get(stem, stem))
                      for stem in named for m in _FORMS[stem].finditer(text))
    out: list[frozenset[str] | None] = []
    for q in quantities:
        at = text.find(q.text)
        after = _OF_THE_RE.match(text, at + len(q.text)) if at >= 0 else None
        of = [m for m in mentions if after is not None and m[0] == after.start(1)]
        if of:  # "33.4% of the vote": the share's whole is its measure
            out.append(frozenset({of[0][2]}))
            continue
        before = [m for m in mentions if m[0] < at] if at >= 0 else []
        out.append(_phrase(text, before) if before else None)
    return tuple(out)


# What a share is of, right after it: "33.4% of the vote".
_OF_THE_RE = rx.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?([\w-]+)")
# Between a measure and one that only qualifies it: "Turnout in the vote".
_QUALIFIED_BY_RE = rx.compile(r"\s+(?:in|of|for|at|on)\s+(?:the\s+|its\s+|their\s+)?")


def _phrase(text: str, before: list[tuple[int, int, str]]) -> frozenset[str]:
    """The measures of the noun phrase that ends with the last of `before` (mentions as
    (start, end, measure)): with the mentions written right before it ("export earnings"),
    and the measure it qualifies instead when it is only the other's complement ("Turnout
    in the vote was 63.9%": turnout). A part of a measure is a measure of its own
    ("like-for-like sales": `_PARTS`)."""
    phrase = [before[-1]]
    for m in reversed(before[:-1]):
        gap = text[m[1]:phrase[-1][0]]
        if _QUALIFIED_BY_RE.fullmatch(gap):
            phrase = [m]  # the head measure, and what is written right before it
            continue
        if not gap.isspace():
            break
        phrase.append(m)
    lead = _BEFORE_RE.search(text, max(0, phrase[-1][0] - 40), phrase[-1][0])
    part = _PARTS.get(lead.group(1).lower()) if lead else None
    return frozenset(f"{head}:{part}" if part else head for _, _, head in phrase)


# Words that make a measure a part of itself, never the whole: "like-for-like sales" grew
# 4.2% while revenue grew 9.6% (desk probe C); "core inflation", "underlying profit".
_PARTS = {"like-for-like": "like-for-like", "same-store": "like-for-like",
          "comparable": "like-for-like", "organic": "organic", "underlying": "underlying",
          "core": "core"}


def _qualifier(word: str, initial: bool) -> str | None:
    """The kind or period a word gives the measure after it, or None. A capitalised word
    inside the claim is a name ("China exports": an entity of the claim), not a kind."""
    if not word.isalpha() or (word[0].isupper() and not initial):
        return None
    stem = word_stem(word.lower())
    return _KINDS.get(stem) or (stem if stem in _PERIODS else None)


def measures_differ(ma: Measures, mb: Measures, tokens_a: frozenset[str],
                    tokens_b: frozenset[str]) -> bool:
    """Two claims whose figures measure different things: each names a measure the other
    does not ("revenue" / "operating profit"), or they name one measure of two kinds or two
    periods ("maize harvest" / "wheat harvest", "quarterly" / "annual profit"), each absent
    from the other claim."""
    if not ma or not mb:
        return False
    shared = ma.keys() & mb.keys()
    if not shared:
        return True
    kinds_a = {_KINDS.get(t, t) for t in tokens_a}
    kinds_b = {_KINDS.get(t, t) for t in tokens_b}

    def apart(qa: frozenset[str], qb: frozenset[str]) -> bool:
        return bool(qa) and bool(qb) and qa.isdisjoint(kinds_b) and qb.isdisjoint(kinds_a)

    return all(apart(ma[h] - _PERIODS, mb[h] - _PERIODS)
               or apart(ma[h] & _PERIODS, mb[h] & _PERIODS) for h in shared)


def measured_alike(words_a: Mapping[str, frozenset[str]],
                   words_b: Mapping[str, frozenset[str]]) -> bool:
    """Both claims' figures are of one named measure, written with the same word before it
    (their `measure_words`): "Net profit rose to $610 million" / "Net profit came in at $580
    million", with an entity in common, are one fact however common its name is in the
    corpus (a desk probe). "Oil revenue" / "tax revenue", "core" / "annual inflation" are two
    measures, and a bare "the vote" may be what a turnout was of."""
    return any(words - {""} and words == words_b.get(head)
               for head, words in words_a.items())


# Words before a measure that say nothing of which measure it is.
_DETERMINERS = frozenset("the its their his her our a an this that".split())


def measure_words(text: str, tokens: frozenset[str]) -> dict[str, frozenset[str]]:
    """For each measure the claim names by its noun ("earned" is no "earnings"), the stems
    of the word right before each mention: "" at the sentence's start or after an owner
    ("Kenya's") or a determiner."""
    found: dict[str, set[str]] = {}
    for stem in _STEMS & tokens:
        for m in _FORMS[stem].finditer(text):
            before = _BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(1).lower() if before else ""
            if word.endswith(("'s", "\u2019s")) or word in _DETERMINERS:
                word = ""
            found.setdefault(_GROUPS.get(stem, stem), set()).add(word_stem(word) if word else "")
    return {head: frozenset(words) for head, words in found.items()}


# What happened to the people a figure counts, by frame stem: "injured 300 people" and
# "killed 40 people" count two things (a desk probe: an error-level conflict, and "at least
# 300 injured" / "at least 40 killed" a corroboration). Forms of one fate are one group.
_FATE_WORDS = {
    "killed": "kill killed killing die died dead death deaths fatal fatalities toll drown "
              "drowned perish perished",
    "injured": "injure injured injuring injury injuries wound wounded hurt hospital "
               "hospitalised hospitalized",
    "rescued": "rescue rescued save saved alive survive survived survivor survivors",
    "missing": "missing",
    "arrested": "arrest arrested detain detained custody",
    "displaced": "evacuate evacuated displace displaced homeless",
}
_FATES = {word_stem(w): fate for fate, words in _FATE_WORDS.items() for w in words.split()}


def fates_of(tokens: frozenset[str], text: str = "") -> frozenset[str]:
    """The fates a claim's frame names (killed, injured, rescued, ...); an obituary's
    "survived by" (in `text`) names the family, no one rescued."""
    found = frozenset(_FATES[t] for t in tokens if t in _FATES)
    if _ARRIVED_STEMS & tokens and _ARRIVED_RE.search(text):
        # People who landed or crossed are arrivals, not those a centre holds ("8,750 people
        # landed on Italian shores" / "reception centres ... held fewer than 200 people":
        # desk probe R's 61 pages, an error). Read in the text: "land" is also a noun.
        found |= {"arrived"}
    if "rescued" in found and _SURVIVED_BY_RE.search(text) and not any(
            _FATES[t] == "rescued" for t in tokens - _SURVIVE_STEMS if t in _FATES):
        return found - {"rescued"}
    return found


_SURVIVED_BY_RE = rx.compile(r"\bsurvived\s+by\b", re.IGNORECASE)
_ARRIVED_RE = rx.compile(r"\b(?:landed|arrived|arriving|arrivals?|disembarked|crossed)\b",
                         re.IGNORECASE)
_ARRIVED_STEMS = frozenset(word_stem(w) for w in "landed arrived arrival crossed disembarked"
                           .split())
_SURVIVE_STEMS = frozenset({word_stem("survive"), word_stem("survived")})


def fates_differ(fa: frozenset[str], fb: frozenset[str]) -> bool:
    """Each claim counts people of a fate the other does not name: two facts."""
    return bool(fa) and bool(fb) and fa.isdisjoint(fb)


# What a risk is of: "a higher risk of hip fracture (HR 1.28)" and "a higher risk of
# vertebral fracture (HR 1.11)" are two outcomes of one exposure, two facts (desk probe Q:
# a number conflict). The words after "risk of" (or odds, hazard, incidence), up to a
# figure, a bracket or a clause's end.
_OUTCOME_RE = rx.compile(
    r"\b(?:risk|risks|odds|hazard|incidence|likelihood)\s+of\s+(?:an?\s+|the\s+)?"
    r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", re.IGNORECASE)
_OUTCOME_CUE_RE = rx.compile(r"\b(?:risks?|odds|hazard|incidence|likelihood)\s+of\b",
                             re.IGNORECASE)
_OUTCOME_STOP = frozenset("in among for with by at from than and or who which that".split())


def _outcomes(text: str) -> frozenset[str]:
    words: set[str] = set()
    for m in _OUTCOME_RE.finditer(text):
        for w in m.group(1).lower().split():
            if w in _OUTCOME_STOP:
                break
            stem = word_stem(w)
            words.add(_SAME_OUTCOME.get(stem, stem))
    return frozenset(words)


# Outcomes told in other words (a review: "risk of death" / "risk of dying", "risk of a
# recession" / "of a downturn" lost their conflicts).
_SAME_OUTCOME = {word_stem(w): word_stem(first) for first, words in (
    ("death", "die dying died mortality fatality"),
    ("recession", "downturn slump contraction"),
    ("default", "defaulting insolvency"),
) for w in words.split()}


def outcomes_of(text: str) -> frozenset[str]:
    """The stems of the outcomes a claim names a risk of (none for most claims: read once a
    claim, `facts.ClaimFacts`, not once a pair)."""
    return _outcomes(text) if _OUTCOME_CUE_RE.search(text) else frozenset()


def outcomes_differ(oa: frozenset[str], ob: frozenset[str], tokens_a: frozenset[str],
                    tokens_b: frozenset[str]) -> bool:
    """Each claim names a risk of an outcome (`outcomes_of`) with a word the other claim does
    not have: "risk of hip fracture" / "risk of vertebral fracture" (not "risk of hip
    fracture" / "risk of fracture")."""
    return bool(oa - ob) and bool(ob - oa) and (oa - ob).isdisjoint(tokens_b) \
        and (ob - oa).isdisjoint(tokens_a)
