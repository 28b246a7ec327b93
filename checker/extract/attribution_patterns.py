"""The attribution patterns (`ATTRIBUTION_RES`): each a way news text names who told a fact
("according to SIPRI", "..., the ministry said", "The study suggests that ...", "Jamie Holt,
managing director of Holt & Vance, said"), with the words they are built of. Read by
`attribution.attribution`; their cue words are `attribution_cues`' (one entry a pattern, in
this order)."""

from __future__ import annotations

import re
from typing import Final

from checker import rx

_NAME: Final = r"[A-Z][\w.'&-]*(?:\s+(?:[A-Z][\w.'&-]*|of|the|and|for|de|al|bin))*"
_SOURCE: Final = rf"(?P<source>{_NAME})"
# A denial tells what it denies, a clause ("The ministry denied the village had fallen",
# "denied that ..."), not a thing refused ("The court denied bail to 3 men", "The board
# denied the request": a review).
_DENIED: Final = (r"denie[sd](?=\s+that\b|\s+(?:(?!who\b|which\b|to\b)[a-z][\w'-]*\s+){1,3}?"
                  r"(?:had|has|have|was|were|is|are|would|will)\s)")
# Who knows what they tell: "two officials familiar with the matter said", "sources close
# to the talks said", "people briefed on the plans said" (desk probe L: no attribution).
_PRIVY: Final = (r"(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|"
                 r"involved\s+in|aware\s+of)")
# A source's abbreviation in brackets after it: "the World Meteorological Organization (WMO)
# said", "the China National Space Administration (CNSA) said" (desk probe L: no
# attribution). Lower-case letters too, so that the case-blind patterns keep their twins.
_ABBR: Final = r"(?:\s+\([\w.&-]{2,12}\))?"
# "claimed" tells a fact only in a that-clause or closing its clause ("..., the article
# claimed."): "claimed the lives of 40 people", "claimed a record", "Al-Qaeda claimed the
# attack" take something.
_CLAIMED: Final = r"claimed(?=\s+that\b|\s*(?:[,.;:\"]|$))"
# Where a source said it, between the verb and "that" or after a closing verb: "said on
# Monday that", "estimated in its latest outlook that", "..., analysts forecast in a note."
_TOLD_IN: Final = (r"\s+(?:on\s+\w+day|in\s+(?:a|an|its|their|his|her|the)\s+(?:[\w'-]+\s+){0,2}?"
                   r"(?:statement|report|note|release|interview|filing|letter|paper|study|survey|"
                   r"update|outlook|forecast|briefing|post|speech|review|bulletin))\b")
# "added" tells in a that-clause, before its quote or closing its clause ("..., he added.",
# "added in a statement"); "Netflix added 7.66 million subscribers" added something (a
# probe: "Netflix added" was the claim's attribution, its "the company said" lost).
_ADDED: Final = rf"added(?=\s+that\b|\s*(?:[,.;:\"\u201c\u201d]|$)|{_TOLD_IN})"
# Between a source's auxiliary and its verb: "The council had earlier said".
_ADVERBS: Final = "also|earlier|previously|later"
# The verbs of telling alone, without those that find or show ("The court, which sat for 3
# days, found the company guilty": a review read an attribution).
_TOLD: Final = (rf"said|says|told|{_ADDED}|noted|stated|announced|wrote|confirmed|warned|insisted|"
                r"argued|explained|reported")
# ... and those that find, show, claim or deny: what a source says in any way
_SAY: Final = rf"{_TOLD}|{_CLAIMED}|estimated|shows?|showed|found|tweeted|posted|denied|denies"


def _words(words: str) -> str:
    """An alternation of the (lower-case) words, grouped by first letter: the engine tests a
    letter once for all the words it begins, not each word in turn (3-4x faster for the
    hundred heads below)."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(set(words.split()), key=lambda w: (-len(w), w)):
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(
        letter + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")")
        for letter, rest in sorted(by_letter.items())) + ")"


# Verbs that tell a fact in a that-clause ("The study suggests that ...", "The opposition
# claimed that ..."). Without the clause most are something else: "Lin suggested a
# meeting", "the estimates were revised", "claimed a record".
_THAT_VERBS: Final = _words("""said says stated states noted notes added adds reported reports
    announced announces confirmed confirms claimed claims alleged alleges estimated estimates
    forecast forecasts predicted predicts projected projects cautioned cautions warned warns
    suggested suggests found finds showed shows concluded concludes argued argues insisted
    insists acknowledged acknowledges admitted admits""")
# The that-clause, not a relative clause or a pronoun: "The IMF estimates that were
# revised", "the company said that was wrong".
_THAT: Final = (rf"(?=(?:{_TOLD_IN})?\s+that\b(?!\s+(?:is|are|was|were|has|have|had|will|would|"
                r"could|can|may|might|should|shows?|showed)\b))")
# Verbs whose object is the source's own figure ("The central bank forecasts growth of 1.2%",
# "The ministry estimated the damage at $3 billion"). A noun "forecasts", "estimates" is
# followed by a verb or a preposition instead ("IMF forecasts show", "estimates of the toll").
_OBJECT_VERBS: Final = r"forecasts?|predicted|predicts|projected|estimated|estimates|estimate"
_NOT_OBJECT: Final = _words("""of for from by in on at to with and or but as than that which who
    were was are is be been being have has had will would could can may might should do did
    does also now still only show shows showed suggest suggested point points pointed put puts
    indicate indicated see saw range ranged vary varied differ differed assume assumed imply
    implied made released published issued compiled revised cited prepared""")
_OBJECT: Final = rf"(?=\s+(?!{_NOT_OBJECT}\b)[\w$])"
# Verbs that close their clause after a comma: "..., the statistics office estimates.",
# "..., analysts forecast.", "..., the BBC reported on Monday."
_CLOSING_VERBS = _words("""estimates estimated forecast forecasts predicted predicts projected
    projects cautioned cautions warned warns alleged alleges suggested suggests reported reports
    announced claimed claims concluded believes""")
_CLOSING: Final = rf"(?=\s*(?:[,.;:!?\"')]|$)|{_TOLD_IN}\s*(?:[,.;:!?\"')]|$))"
# Who tells facts: the head of a source's noun phrase ("the statistics office", "the
# central bank", "opposition", "Chinese analysts").
_HEAD_WORDS: Final = """statement ministry ministries release report spokesperson spokesman
    spokeswoman embassy agency agencies company companies government office bureau official
    officials department authority authorities commission police army military source sources
    article newspaper paper study studies survey analyst analysts expert experts bank
    opposition fund institute council court committee union party regulator regulators
    researcher researchers scientist scientists economist economists group firm board
    organisation organization watchdog prosecutor prosecutors investigator investigators
    minister ministers president governor mayor administration campaigners critics activists
    lawyer lawyers doctors forecaster forecasters poll review audit assessment analysis team
    service association federation author authors journal airline insurer lender operator
    command agents brokers dealers organisers organizers traders witnesses diplomats rescuers
    figures statistics"""
_HEADS = _words(_HEAD_WORDS)
# (desk probe Q: "Wheat futures rose 2.1% in Chicago, traders said." and "..., the figures
# showed." were nobody's)
# ... and a military's general staff ("staff found a bomb" found it: a review)
_HEADS = rf"(?:{_HEADS}|general\s+staff)"
# Every word a source's head is made of, as a word of cues.tokens (a head stands between
# whitespace, a quote or a comma and whitespace or a comma in every pattern holding one), and
# the other heads of the pattern after a comma ("data", "database"): a sentence without one
# has no match of the four patterns of heads (attribution_cues.SOURCE_BIT).
HEAD_WORDS: Final = frozenset(_HEAD_WORDS.split()) | {"staff", "data", "database"}
# A word of a source's noun phrase before its head: not a preposition, a clause word or a
# verb ("The rise in bank lending suggests that" names no source; "than" in "more than
# analysts estimated" compares).
_NOT_MODIFIER: Final = _words("""the a an of in on at for with by from to over under about into than
    as after before since during against between without within per like amid that which who
    whom whose what when while where whether if because until although though and or but is
    are was were has have had will would""")
_MODIFIER: Final = rf"(?!{_NOT_MODIFIER}\b)[\w'.&-]+"
# The plural's verbs, for a noun phrase (not a name: "Estimates suggest that" names no
# source): "Most economists predict that", "Officials say".
_PLURAL_VERBS: Final = _words("""say state note report announce confirm claim allege estimate
    predict project caution warn suggest find show conclude argue insist acknowledge admit""")
# A source's noun phrase (its head one of _HEADS, then perhaps "of"/"in" and a name: "the
# statistics office", "officials in China", "a spokesman for the ministry", "a spokesperson
# for the Department for Transport", "officials of the Ministry of Health") and what it
# tells: "said ...", a that-clause, or its own figure.
_NOUN_PHRASE_CORE: Final = (
    rf"(?P<source>(?:(?:the|an?|its|their|his|her|our)\s+)?(?:{_MODIFIER}\s+){{0,3}}?{_HEADS}"
    rf"(?:\s+(?:of|in|at|for|from)\s+(?:(?:the|an?|its|their)\s+)?(?:{_MODIFIER}\s+)?"
    rf"{_MODIFIER}(?:\s+(?:of|for|and)\s+(?:the\s+)?(?:{_MODIFIER}\s+)?{_MODIFIER})?)?)"
    rf"{_ABBR}")
_NOUN_PHRASE: Final = rf"{_NOUN_PHRASE_CORE}\s+(?:(?:has|have|had)\s+)?(?:(?:{_ADVERBS}|since)\s+)?"
_TELLS: Final = (rf"(?:said|says|say|told|stated|noted)\b|{_DENIED}|{_ADDED}|"
                 rf"(?:{_THAT_VERBS}|{_PLURAL_VERBS})\b{_THAT}|(?:{_OBJECT_VERBS})\b{_OBJECT}")
# A person's title before the name: "Finance Minister Ishaq Dar said", "chief operating
# officer Sarah Quinn said".
_TITLE_WORDS = (r"chief\s+executive|chief\s+economist|prime\s+minister|finance\s+minister|"
                r"minister|president|spokes(?:person|man|woman)|director|chair(?:man|woman)?|"
                r"governor|ceo|analyst|professor|commander|chief|inspector|superintendent|"
                r"secretary|mayor|senator|coach|manager|officer|captain|economist|executive|"
                r"founder|editor|strategist|head|leader|partner|judge|prosecutor|scientist|"
                r"researcher|pilot|advis[eo]r|official|colonel|commissioner|chancellor|"
                r"ambassador|skipper")
# (A lead "data" is the source's only before "from / by / of": "according to data
# protection lawyers" named "protection lawyers", desk probe Q8.)
LEAD_WORDS_RE: Final = rx.compile(
    r"^(?:(?:the|a|an|its|their|a\s+report|a\s+statement|a\s+survey)(?:\s+(?:from|by|of))?|"
    r"(?:data|figures|statistics|estimates)\s+(?:from|by|of))\s+", re.IGNORECASE)
# A name and its verb, ATTRIBUTION_RES[NAMED_INDEX] after its opening ("STZA said").
_NAMED_TELLS: Final = (rf"{_SOURCE}{_ABBR}\s+(?:has\s+|had\s+)?(?:(?:{_ADVERBS})\s+)?"
                       rf"(?:(?:{_SAY})\b|(?:{_THAT_VERBS})\b{_THAT}|"
                       rf"(?:{_OBJECT_VERBS})\b{_OBJECT})")
ATTRIBUTION_RES: list[tuple[re.Pattern[str], bool]] = [
    # (pattern, whether the attribution text starts at the source rather than the match)
    # (?=...) hints: the possible first letters, so the engine skips other positions at once.
    # "according" opens it as a literal (its \b a look-behind after it), which the engine
    # skips to: a (?=a) hint and \b before it were tried at every position (8,000
    # instructions a search).
    (rx.compile(r"according(?<!\waccording)\s+to\s+(?P<source>[^,.;:\"]{2,80}?)"
                r"(?=\s*(?:[,.;:\"]|$|\s+(?:which|who|that|in\s+a|as|can|is|was)\b))",
                re.IGNORECASE), False),
    # '..., said Siemon Wezeman, a senior researcher': the name ends the clause.
    (rx.compile(rf"[,\"]\s*(?:said|says|told\s+\w+|added|noted|stated|wrote)\s+{_SOURCE}"
                r"(?=\s*(?:[,.;\"]|$))"), False),
    # 'Song Zhongping, a military commentator, said ...': a name, an apposition, the verb.
    # ... and "Jamie Holt, managing director of Holt & Vance, said", "Halvora, which has been
    # awarded $1.5 billion, said" (desk probe N: no attribution).
    (rx.compile(rf"^[\"']?{_SOURCE},\s+(?:(?:a|an|the|who|chief|head)\b[^,;]{{2,90}},\s+"
                rf"(?:{_SAY})|(?:which|whose|[a-z][\w-]*)\b[^,;]{{2,90}},\s+(?:{_TOLD}))\b"),
     True),
    # 'STZA said', 'Police alleged that ...', 'Analysts forecast growth of 2%'.
    # A dash opens a clause too: "LAHORE, March 3 (Reuters) - Police said".
    (rx.compile(rf"(?:^[\"']?|[,.\"-]\s+|\b(?:and|but|while)\s+){_NAMED_TELLS}"), True),
    # '..., the census bureau said', '..., officials in Washington said on Monday'
    # '..., the statistics office estimates.', '..., analysts forecast.'
    (rx.compile(r"[,\"]\s*(?P<source>(?:(?:the|its|their|a)\s+)?(?:(?!(?:than|as|what|when|"
                r"while|if|because|after|before|since|until|whether|which|who|that)\b)"
                rf"[\w'-]+\s+){{0,5}}?(?:{_HEADS}|data|database)"
                rf"(?:\s+(?:(?:by|of|from|in)\s+|{_PRIVY}\s+)[\w ]{{2,40}}?)?){_ABBR}\s+"
                rf"(?:(?:said|says|stated|shows?|noted|found|estimated)\b|{_ADDED}|"
                rf"(?:{_CLOSING_VERBS})\b{_CLOSING}|{_CLAIMED})",
                re.IGNORECASE), True),
    # '..., the IMD said', '..., an aide said', '..., the Federal Aviation Administration
    # said it handled ...': a short noun phrase after a comma, then the verb.
    # No (?=...) hint where the pattern starts with a character or a class of them (as here
    # and below): the engine then skips to them by itself, faster than through a lookahead.
    (rx.compile(r"[,\"]\s*(?P<source>(?:the|an?|its|their)\s+(?:(?!(?:after|before|"
                r"when|since|while|as|that|which|because|until|if)\b)[\w'-]+\s+){0,4}?"
                rf"[\w'-]+){_ABBR}\s+(?:(?:said|says|told|noted|stated)\b|{_ADDED}|"
                rf"(?:{_CLOSING_VERBS})\b{_CLOSING}|(?:{_THAT_VERBS})\b{_THAT})"), True),
    # "Italy's prime minister, Giorgia Meloni, said": the name between commas.
    (rx.compile(rf",\s+{_SOURCE},\s+(?:{_SAY})\b"), True),
    # 'Chief executive Ken Murphy said:', 'Finance Minister Ishaq Dar said', 'Civil protection
    # commander André Fernandes said' (a desk probe: the commander was read as the subject)
    # ... after the body's name ("Albion Airways chief operating officer Sarah Quinn said",
    # "England captain Harry Brook said": desk probes N and O, no attribution)
    (rx.compile(rf"(?:^[\"']?(?:[A-Z][\w&'.-]*\s+){{0,4}}|[,.\"]\s+)(?i:(?:[a-z]+\s+){{0,3}}"
                rf"(?:{_TITLE_WORDS}))\s+{_SOURCE}\s+(?:{_SAY})\b"), True),
    # "people familiar with the matter said": people who know what they tell (not "In 2024,
    # people found new ways to save": a review)
    (rx.compile(rf"[,\"]\s*(?P<source>(?:(?:two|three|four|several|some|many|the)\s+)?"
                rf"(?:people|persons)\s+{_PRIVY}\s+[\w ]{{2,40}}?)\s+(?:said|say|says|told)\b",
                re.IGNORECASE), True),
    # 'official data showed', 'customs figures show'; closing the sentence, '..., the
    # figures showed.' (desk probe Q), not '..., Bank of England data showed' (the bank's)
    (rx.compile(r"(?=[ogctrfmds])\b(?P<source>(?:official|government|customs|trade|ministry|"
                r"census|first)\s+(?:data|figures|statistics|estimates)|(?<=, )(?:the\s+)?"
                r"(?:data|figures|statistics))\s+(?:showed|shows?)\b", re.IGNORECASE), False),
    (rx.compile(r"(?=[hst])\b(?P<source>he|she|they)\s+(?:said|says|told|added|noted)\b",
                re.IGNORECASE), True),
    # ... a source cited, not a reason: "withdraw, citing budget constraints" (desk probe L:
    # the source "budget constraints"); a name, or a noun of who tells.
    (rx.compile(r"(?=[cq])\b(?:citing|quoting)\s+(?P<source>(?=[^,.;]{0,40}?(?:\b(?-i:[A-Z])|"
                r"\b(?:sources?|officials?|people|persons|documents?|data|figures|reports?|"
                r"statements?|estimates|analysts?|diplomats?|witnesses|residents|researchers|"
                r"experts|ministry|government|police|spokes\w+|survey|study|filings?)\b))"
                r"[^,.;]{2,60}?)(?=[,.;]|$)", re.IGNORECASE), False),
    # "based on" is attribution only with a named body of evidence ("Datareportal figures").
    (rx.compile(r"(?=b)\bbased\s+on\s+(?P<source>[^,.;]{0,50}?\b(?:data|figures|statistics|"
                r"estimates|report|survey|analysis|research|database|census))(?=[,.;]|$)",
                re.IGNORECASE), False),
    # 'The study suggests that ...', 'The opposition claimed that ...', 'The central bank
    # forecasts growth of 1.2%', 'The report said ...': a source's noun phrase in lower case
    # at the start, then the verb; and after a comma ('In its report, the IMF estimated
    # that ...'). Two patterns: with "^" in an alternation the engine tries every position,
    # while one starting with a class of characters skips to them.
    (rx.compile(rf"^[\"']?{_NOUN_PHRASE}(?:{_TELLS})", re.IGNORECASE), True),
    # After a comma it may close the sentence: '..., analysts at Goldman Sachs estimated.'
    # (or after a dateline's dash: "LAHORE, March 3 (Reuters) - The opposition claimed that")
    (rx.compile(rf"[,;:\"-]\s+{_NOUN_PHRASE}(?:{_TELLS}|(?:{_CLOSING_VERBS})\b{_CLOSING})",
                re.IGNORECASE), True),
    # 'figures from the Office for National Statistics showed', '..., Bank of England data
    # showed', '..., Rightmove data showed' (desk probe N: no attribution)
    (rx.compile(r"\b(?:data|figures|statistics)\s+(?:from|by|of)\s+(?:the\s+)?"
                rf"{_SOURCE}\s+(?:showed|shows?)\b"), False),
    (rx.compile(rf"\b{_SOURCE}\s+(?:data|figures|statistics)\s+(?:showed|shows?)\b"), False),
    # 'The airline, which operates 46 aircraft, said ...': a source's noun phrase, a clause
    # of its own between commas, the verb (desk probe N: no attribution).
    (rx.compile(rf"^[\"']?{_NOUN_PHRASE_CORE},\s+(?:which|who|whose)\b[^,;]{{2,90}},\s+"
                rf"(?:{_TOLD})\b", re.IGNORECASE), True),
    # '"...," said Mercia chief economist Priya Sandhu': a title between the verb and the name
    (rx.compile(rf"[,\"]\s*(?:said|says|added|noted|wrote)\s+(?:[A-Z][\w&'.-]*\s+){{0,3}}"
                rf"(?i:(?:[a-z]+\s+){{0,2}}(?:{_TITLE_WORDS}))\s+{_SOURCE}(?<!\.)"
                r"(?=\s*(?:[,.;\"]|$))"),
     False),
]


# ATTRIBUTION_RES[NAMED_INDEX] read as two patterns (`attribution._named_matches`): with "^"
# in its opening alternation the engine tried a match at every position of the sentence.
# Its match at the start is NAMED_AT_START's (.match), the others NAMED_AFTER's (.finditer
# from there on), whose alternatives each open with a literal: the engine skips to the
# seven characters they open with (a \b before "and" is a (?<!\w) before its "a"). Half the
# pattern's instructions, -0.6% of extraction's (tests/extract/test_speed52_clean.py).
NAMED_INDEX: Final = 3
# The two patterns of a source's noun phrase opening the sentence ("The study suggests that",
# "The airline, which operates 46 aircraft, said"): its head is one of the sentence's first
# five words (after a quote, the determiner and up to three words before it; a "general
# staff"'s "staff" the sixth).
LEAD_INDEXES: Final = (13, 17)
NAMED_AT_START: Final = rx.compile(rf"[\"']?{_NAMED_TELLS}")
NAMED_AFTER: Final = rx.compile(r"(?:,\s+|\.\s+|\"\s+|-\s+|a(?<!\wa)nd\s+|b(?<!\wb)ut\s+|"
                                rf"w(?<!\ww)hile\s+){_NAMED_TELLS}")
