"""The word cues of check-worthiness: verbs of events, opinion, feelings, puffery,
speculation, advice and the first person (`worthiness.text_features` reads them)."""

from __future__ import annotations

import re
from typing import Final

from checker import rx
from checker.extract.cues import Cue

# Verbs of events, changes, measures and membership: what records and documents can confirm.
# A verb counts in each of its forms: the past participle of the perfect and the passive
# ("has risen", "has not conceded", "was named"), the base form after do-support ("did not
# raise", _factual_after_do). Acts that put something on the record (declaring, conceding,
# naming, cancelling, revoking) are events like signing and resigning; so are a court's
# and a party's acts ("did not admit wrongdoing", "will appeal", "upheld the verdict": a
# desk probe's court story scored 0.45 and was dropped), and so is what caused an accident
# (desk probe Q: investigators' "may have contributed to the excursion" scored 0.45).
FACTUAL_VERBS: Final = Cue(
    """
    sign signs signed launch launches launched announces announced held holds met meets
    visits visited agreed approves approved delivers delivered develops developed deployed
    inducted establishes established founded built builds joins joined won wins lost loses
    rose rises fell falls grew grows increased decreased declined dropped doubled tripled
    halved reaches reached records recorded totals totalled totaled amounts amounted account
    accounts accounted ranked ranks imports imported exports exported invests invested supply
    supplies supplied bought buys sold sells paid pays employ employs employed own owns owned
    include includes included participated attended proposed arrived flew landed carried
    carries killed died injured wounded tested struck strikes hit hits beat beats erupted
    collapsed crashed elected appointed resigned hosted opened closed
    released published
    issued notified awarded funded operate operates operated produced produces completed
    started began ended became becomes prohibit prohibits prohibited banned bans require
    requires required dominate dominates dominated surpassed exceeded recovered turned put
    puts received acquired merged partnered collaborated negotiated borrowed lent cut raised
    hit member members located based born scheduled planned consist consists consisted
    passed voted adopted ruled sentenced convicted arrested charged sued fined grossed earned
    spent cost costs worth valued
    risen fallen grown begun beaten flown
    declare declares declared concede concedes conceded name names named nominate nominates
    nominated dismiss dismisses dismissed suspend suspends suspended cancel cancels cancelled
    canceled postpone postpones postponed withdraw withdraws withdrew withdrawn ratify
    ratifies ratified veto vetoes vetoed impose imposes imposed allocate allocates allocated
    evacuate evacuates evacuated detain detains detained deport deports deported seize seizes
    seized capture captures captured reject rejects rejected repeal repeals repealed revoke
    revokes revoked grant grants granted score scores scored
    admit admits admitted appeal appeals appealed settle settles settled plead pleads
    pleaded acquit acquits acquitted overturn overturns overturned uphold upholds upheld
    deny denies denied testify testifies testified
    caused contribute contributes contributed
    diagnosed enrolled randomised randomized
    """,
    # A study's finding: "ten years of night work was associated with a hazard ratio of
    # 1.45" (desk probe L: 0.45 once "HR 1" was no name, and dropped).
    [r"rolled\s+out", r"made\s+up", r"makes\s+up", r"dates\s+back",
     r"associated\s+with", r"linked\s+(?:to|with)",
     # a company's acts told in the present ("Telvio is appealing that fine", "has set up a
     # helpline": desk probe R's lines under the threshold); not "the offer is appealing."
     r"is\s+appealing\s+(?:the|that|this|its|their|a|an|against)",
     r"are\s+appealing\s+(?:the|that|this|its|their|a|an|against)",
     r"has\s+set\s+up", r"have\s+set\s+up", r"had\s+set\s+up"],
)
_AUXILIARIES: Final = frozenset("is are was were has have had been will would can could do does did"
                                .split())
# Linking verbs other than "be", which state as it does: "Fourteen people remain missing" is
# "are still missing" (desk probe Q5: the plural "remain", no inflected form, made it a
# too-short fragment, 0.109, and its planted conflict was lost).
_LINKING: Final = frozenset("remain remains remained stay stays stayed".split())
VERB_WORDS: Final = _AUXILIARIES | _LINKING
OPINION: Final = Cue(
    """
    believe believes feel feels great greatest wonderful amazing astounding
    terrible awesome beautiful ugly shameful should ought arguably undoubtedly
    clearly obviously hopefully unfortunately fortunately
    """,
    [r"i\s+think", r"we\s+think", r"in\s+my\s+view", r"in\s+our\s+view", r"a\s+lot\s+more",
     r"it\s+is\s+time", r"need\s+to", r"needs\s+to",
     # ... but what was hit or sold most is a measure: "Gatwick was the worst hit, with 190
     # cancellations", "the best-selling album" (desk probe W: scored 0.475 and lost)
     r"best(?![\s-]+(?:selling|sellers?|performing|paid|hit|affected))",
     r"worst(?![\s-]+(?:hit|affected|performing|paid))",
     # ... but a court's opinion is its ruling, and an opinion poll a survey ("Justice
     # Moraes, who wrote the majority opinion, said ...": a desk probe's missed line)
     r"opinion(?<!majority\sopinion)(?<!dissenting\sopinion)(?<!concurring\sopinion)"
     r"(?<!advisory\sopinion)(?<!unanimous\sopinion)(?<!legal\sopinion)"
     r"(?!\s+(?:polls?|surveys?)\b)"],
)
# Feelings and wishes: a spokesperson's hope is not a fact about the world. Congratulating
# and thanking voice one in the present ("we congratulate the team"); told in the past they
# are acts addressed to someone, on the record like a visit ("Fiala conceded defeat and
# congratulated Babis", a desk probe: the concession scored under the threshold).
SENTIMENT: Final = Cue(
    """
    hope hopes hoped hoping glad pleased delighted happy appreciate appreciated appreciates
    welcome welcomed welcomes optimism optimistic confident enthusiasm
    enthusiastic aspiration proud congratulate congratulates wish wishes wished
    grateful
    """,
    [r"honored\s+to", r"honoured\s+to",
     # ... but a study's confidence interval, a survey's consumer confidence and a vote of
     # confidence are measured or done (desk probe Q: "a hazard ratio of 1.28, with a 95%
     # confidence interval of 1.07 to 1.40" was dropped as a feeling)
     r"confidence(?!\s+(?:intervals?|index|indicator|survey|votes?|motion|level|ratings?)\b)"
     r"(?<!consumer\sconfidence)(?<!business\sconfidence)(?<!investor\sconfidence)"
     r"(?<!of\sconfidence)(?<!no\sconfidence)(?<!no-confidence)"],
)
# Puffery and interpretation: words that grade or read meaning into facts.
EVALUATIVE: Final = Cue(
    """
    significant significantly immense immensely meaningful substantial tremendous remarkable
    crucial vital integral cornerstone constructive promising proactive impactful
    transformative strategically underscores underscored underscoring reinforces reinforced
    reinforcing signal signals signaling signalling symbolised symbolized reflects reflecting
    groundwork potential flourish increasingly emphasised emphasized acknowledged
    conveyed stressed
    """,
    [r"forward-looking", r"new\s+heights", r"true\s+objective",
     r"strategic\s+(?:value|significance|bond)", r"mutually\s+beneficial",
     r"close\s+and\s+growing", r"align\s+well", r"aligns\s+well", r"shared\s+destiny",
     r"paving\s+the\s+way", r"yet\s+another", r"a\s+lot", r"well\s+beyond",
     r"demonstration\s+of", r"mutual\s+benefit", r"win-win", r"common\s+development",
     r"shared\s+future", r"all-weather", r"new\s+level", r"higher\s+level",
     # ... but an injury, a patient's condition or a crash are told, not graded: "suffered
     # serious burns", "in a critical condition" (a desk probe's reports scored as opinion)
     r"serious(?!\s+(?:injur\w*|burns?|condition|wounds?|head|harm|crash|accident|damage|"
     r"fraud|offences?|assault))", r"critical(?!\s+(?:condition|care|list))"],
)
# Case matters: the modal "may", not the month "May".
SPECULATION: Final = Cue("could might can perhaps possibly probably potentially",
                         [r"may", r"not\s+necessarily"], flags=0)
# Plans reported as decided ("agreed that ... will") are facts about the decision.
DECIDED_WORDS: Final = frozenset(
    "agreed decided decision announced signed approved confirmed said says stated".split())
ADVICE_RE = rx.compile(r"^(?:please\s+|let's\s+|let\s+us\s+|do\s+not\s+|don't\s+|make\s+sure|"
                       r"remember|try|consider|click|visit|read|watch|join|follow|subscribe|"
                       r"(?:one|the\s+best|the\s+only|another)\s+way\s+to)\b(?!-)",
                       re.IGNORECASE)
# "US" (the country) is not "us".
FIRST_PERSON_RE: Final = rx.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
FIRST_PERSON_WORDS: Final = frozenset("i we our us my me".split())
# A company's guidance in its own statement: "We now expect full-year adjusted operating
# profit of between £810m and £840m." The "we" is the company, and its forecast with a
# figure is on record (the wires repeat it as "Marlow now expects ..."); a desk probe's
# release scored it 0.45 and dropped it. Only "We" opening the sentence, with a verb of
# guidance: "We think ...", "I expect ..." stay first person.
GUIDANCE_RE: Final = rx.compile(
    r"\W*we\s+(?:now\s+|still\s+|currently\s+|continue\s+to\s+)?"
    r"(?:expect|forecast|anticipate|project|target|guide)\b", re.IGNORECASE)
