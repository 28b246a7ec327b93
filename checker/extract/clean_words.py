"""Vocabulary of page clean-up: the words, cues and patterns that tell navigation, share
buttons, footers, bylines and datelines from content (checker.extract.clean uses them)."""

from __future__ import annotations

import re
from typing import Final

from checker import rx

UI_WORDS: Final = {
    "share", "tweet", "total", "shares", "comments", "comment", "subscribe", "read more",
    "read more:", "previous article", "next article", "you may also like", "trending posts",
    "trending", "related links", "related links:", "related", "related articles",
    "related posts", "related stories", "more stories", "most read", "popular", "advertisement",
    "print", "email", "menu", "search", "home", "about", "about us", "contact", "contact us",
    "select language", "select language:", "log in", "login", "sign in", "sign up", "register",
    "skip to content", "back to top", "close", "loading", "newsletter", "follow us", "pin",
    "whatsapp", "facebook", "twitter", "linkedin", "telegram", "reddit", "copy link", "x",
    "read next", "recommended", "latest", "latest news", "top stories", "see also",
    "tags", "tags:", "photo", "video", "videos", "watch", "listen",
    # a newsletter box's field beside its button (desk probes H and J: "Enter your email
    # address | Sign up" was a claim)
    "enter your email", "enter your email address", "your email", "your email address",
    "email address",
}
UI_PREFIX_RE: Final = rx.compile(
    r"^(?:watch more|read more|explore |content from other|input your search|follow us|"
    r"sign up|subscribe to|click here|share this|share on|download the|get the app|"
    r"image:|photo:|photo caption:|file photo|caption:|credit:|listen to this article|"
    r"skip to|(?:related|see also|also read|read also|more on this|recommended)\s*:|"
    r"\d+\s+min(?:ute)?s?\s+read$|advertisement|sponsored|"
    # a comment counter: "There are 14 comments.", "View all 14 comments" (a review: a
    # short statement of a figure, kept as a claim)
    r"(?:there\s+(?:are|is)\s+|(?:view|show|read|see)\s+(?:all\s+)?)?\d[\d,]*\s+comments?\.?$)",
    re.IGNORECASE,
)
URL_RE: Final = rx.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
MD_LINK_RE: Final = rx.compile(r"!?\[[^\]\n]*\]\([^)\s]*\)")
NUMBERISH_RE: Final = rx.compile(r"^[\d\s.,:/|()+-]*$")
# A bullet that states a figure: money, a percentage or a scaled amount ("Comments: 12
# readers" and "Most read: 5 ways to save" are page furniture).
FIGURE_BULLET_RE: Final = rx.compile(
    r"[$\u00a3\u20ac\u00a5\u20b9]\s?\d|\d\s?(?:%|per\s*cent\b|pc\b)|"
    r"\d\s?(?:million|billion|trillion|bn|tn)\b|\d(?:\.\d+)?[mb]n?\b")
# A bullet that opens with a count of something at a time: "612 stores at the end of the
# quarter", "3,200 employees as of 30 June" (desk probe C: a summary bullet, as it had no
# money or percentage); not "5 ways to save on tax".
COUNT_BULLET_RE: Final = rx.compile(
    r"\d{1,3}(?:,\d{3})*(?:\.\d+)?\s+[a-z]+s\s+(?:at\s+the\s+(?:end|close|start)\s+of|"
    r"as\s+(?:of|at)|at\s+year-end|in\s+(?:the\s+)?(?:quarter|year|half|\d{4}))\b")
SEPARATOR_RE: Final = rx.compile(r"^[-=_*~#.\u2022\s]{3,}$")
FOOTER_RE: Final = rx.compile(
    r"(?:\u00a9|\(c\)\s*\d{4}|copyright\s+(?:\u00a9|\(c\)|\d{4})|all rights reserved|"
    r"this site is designed by|(?:we|site)\s+uses?\s+cookies|use\s+of\s+cookies|"
    r"accept\s+(?:all\s+)?cookies|cookie\s+settings|our standards:|"
    r"originally published (?:on|by|in)|"
    # A cookie notice: the site speaks to the reader of cookies, and of the device, the
    # browsing, the consent ("We and our 214 partners use cookies to store information on
    # your device"). News about cookies, even in the second person, names no such thing.
    r"^(?=.*\bcookies?\b)(?=.*\b(?:you|your|we|our)\b)(?=.*\b(?:device|computer|browser|"
    r"brows(?:e|er|ing)|experience|(?:web)?site|consent|privacy|settings|preferences|"
    r"accept|reject|agree)\b)|"
    # The page's note on its own making: "this story has not been edited by NDTV staff and
    # is published from a syndicated feed", "auto-generated from a syndicated feed".
    r"\bsyndicated\s+feed\b|"
    r"\bthis\s+(?:story|article|report|piece|post|content)\s+(?:has\s+not\s+been|was\s+not|"
    r"is\s+not)\s+edited\b|"
    # A newsletter's pitch: "Get the latest market data sent to your inbox every Friday"
    # (desk probe J: a claim, dated Friday).
    # Not "texts landing in your inbox" (a review: a news line).
    r"\b(?:sent|delivered|straight|direct)\s+(?:straight\s+|direct\s+)?to\s+your\s+inbox\b|"
    # A market page's notice on its own figures: "Markets data delayed by at least 15
    # minutes", "Quotes delayed 20 minutes" (desk probe K: a claim of 15 minutes).
    # Its sentence ends at the minutes: "All market data delayed by 15 minutes caused 300
    # erroneous trades" is news (a review).
    # ... after a source note too: "Data: CME Group, Euronext. Prices are delayed by at least
    # 10 minutes." (desk probe Q)
    r"(?:^|(?<=\.\s))(?:all\s+)?(?:market|markets|stock|price|prices|quote|quotes|data)"
    r"(?:\s+(?:data|prices|quotes))?\s+(?:are\s+|is\s+)?delayed\b[^.]{0,40}?"
    r"\bmin(?:ute)?s?\b(?:\.(?:\s|$)|\s*$)|"
    # A release's contact line: "Contact: Labour Market Statistics section | Press office:
    # see Contact page" (desk probe Q: a claim of four names).
    r"^(?:contact|contacts|press\s+office|media\s+(?:enquiries|inquiries|contact))\s*:|"
    # A site's note on its own funding: "EarthDesk News is funded by readers." (desk probe
    # L), its sentence whole ("... is funded by readers, and reported a loss" is news: a
    # review)
    r"\bis\s+(?:funded|supported|paid\s+for)\s+by\s+(?:its\s+|our\s+)?readers"
    r"(?:\s+like\s+you)?(?:\.(?:\s|$)|\s*$)|"
    # A site's pitch for its own pages: "(Catch all the Business News, Stock Market News and
    # Earnings updates on The Economic Ledger.)" (desk probe N: a claim)
    r"^\(?catch\s+(?:all\s+)?the\s+(?:latest\s+)?[^.]{0,80}?\b(?:news|updates)\b|"
    # A call's operator closing it: "This concludes today's question-and-answer session."
    # (desk probe P)
    r"\bthis\s+concludes\s+(?:today'?s|the|our|this)\s+(?:[\w-]+\s+){0,2}?(?:call|conference|"
    r"session|presentation|webcast)\b)",
    re.IGNORECASE,
)
# Footer words that also occur in news ("Meta changed its privacy policy"): only on short
# lines, the way page footers list them.
WEAK_FOOTER_RE: Final = rx.compile(
    r"(?:privacy policy|terms of use|terms of service|cookie policy|copyright|contact us|"
    r"about us|sitemap)", re.IGNORECASE)
WEAK_FOOTER_WORDS: Final = 12
# A literal of every alternative of the regexes above and below (case-folded): a line without
# any of them cannot match, and the regex, tried at every position of the line, is skipped.
# A cue holds a blank only where its pattern holds that very space: "press\s+office" is cued
# by "office" ("press office" missed "Press  office:", a line then read as a claim).
FOOTER_CUES: Final = ("\u00a9", "(c)", "copyright", "all rights reserved", "designed by", "cookie",
                       "our standards:", "originally published", "feed", "edited", "inbox",
                       "delayed", "readers", "catch", "concludes", "contact", "office",
                       "enquiries", "inquiries")
WEAK_FOOTER_CUES: Final = ("privacy policy", "terms of", "cookie policy", "copyright", "contact us",
                            "about us", "sitemap")
# A fact check's box: the claim it checks, quoted after its label ('Claim: "Britain has the
# highest inflation in Europe"'), and its list of sources ("Sources: ONS, ...; Eurostat,
# ..."). Desk probe O: the checked claim was the site's own assertion, and corroborated
# the blog that made it.
CHECKED_CLAIM_RE: Final = rx.compile(
    r"(?:(?:the|first|second|third|fourth|fifth|another|original|viral)\s+)?claim\s*\d*\s*:"
    r"\s*[\"'\u201c\u2018][^\"\u201d]*[\"'\u201d\u2019]\s*\.?\s*$", re.IGNORECASE)
# ... the box alone: 'Claim: "Crime has doubled." Verdict: False. Recorded crime rose 7% ...'
# on one line is the check's paragraph (a review: the whole paragraph was dropped).
SENTENCE_AFTER_RE: Final = rx.compile(r"\.\s+[A-Z][a-z]+\s+[a-z]")
SOURCES_LINE_RE: Final = rx.compile(r"sources?\s*:\s", re.IGNORECASE)
SOURCES_MAX_WORDS: Final = 8  # "Source: ONS, Eurostat" under a chart; longer lists hold ";"


BIO_CUES: Final = ("reach out at", "follow", "[at]", "@", "editor-in-chief", "reached at",
                    "writes for", "freelance", "staff")
BIO_RE: Final = rx.compile(
    r"(?:reach out at|follow (?:him|her|them) on|\[at\]|@\w+\.\w+|is the editor-in-chief|"
    r"can be reached at|writes for|is a (?:freelance|staff) (?:writer|journalist))",
    re.IGNORECASE,
)
BYLINE_RE: Final = rx.compile(
    r"^\(?(?:by|source|via|press desk|staff report|edited by|(?:additional\s+)?reporting by|"
    r"writing by|editing by|compiled by)\b[: ]", re.I)
# "Source: SIPRI Military Expenditure Database, April 2024.": a credit, full stop or not.
SOURCE_RE: Final = rx.compile(r"^sources?:", re.I)
# Credits of the people who made the story, full stop or not: "Reporting by Ruma Paul;
# Editing by Alison Williams.", "Associated Press writer Karel Janicek contributed to this
# report.", "Jane Doe contributed reporting from Kyiv."
CREDIT_PART_RE: Final = rx.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research|"
    r"graphics|photos?|video|produced)\s+by\s+\S", re.I)
CONTRIBUTED_RE: Final = rx.compile(
    r"\bcontributed\s+(?:(?:additional\s+)?reporting\b|(?:reporting\s+)?to\s+this\s+"
    r"(?:report|story|article)\b)", re.I)
# A reference to cite the page by, not a sentence: "Citable reference: World Health
# Organization (11 September 2026). Disease Outbreak News; Dengue - Bangladesh."
CITATION_RE: Final = rx.compile(
    r"^(?:citable\s+reference|suggested\s+citation|citation|how\s+to\s+cite(?:\s+this)?|"
    r"cite\s+(?:this(?:\s+\w+)?|as)|references?)\s*:", re.I)
# A journal page's front matter and back matter (desk probe L: its author line, its list of
# affiliations and its references were claims). Authors: two with a degree after the name
# ("Ingrid Halvorsen, MD, PhD (1); Tomasz Wrzesniak, MSc (2)") or with an affiliation's mark
# ("Halvorsen I (1,3);"); affiliations: a line that opens with a mark and a department;
# references: a reference's volume and pages ("Eur Heart J 2019; 40: 1123-31") or its DOI.
# None of them ends as a sentence does, and a review found news lines of each shape: "said
# Jane Smith, MD, PhD, a cardiologist", "Hattiesburg, MS, and Gulfport, MS", "Jason Smith
# (32), of Naas", "Scorers: Kane (12), Saka (45)", "1. University of Oxford scored 98.5"; a
# reference also opens with its authors' names and initials ("The study, published in
# Nature (doi:10.1038/...), found" is news).
AUTHOR_DEGREE_RE: Final = rx.compile(
    r",\s*(?:MD|PhD|MSc|BSc|MPH|DPhil|MBBS|MBChB|FRCP|FRCS|RN|DrPH|DSc)\b")
AUTHOR_MARK_RE: Final = rx.compile(
    r"[A-Za-z.]\s*\((?:[1-9]|1[0-9])(?:\s*,\s*(?:[1-9]|1[0-9]))*\)\s*(?:[;,]|$)")
AFFILIATION_RE: Final = rx.compile(
    r"^[(\[]\d{1,2}[)\]]\s*(?:Department|Dept\.?|Institute|Centre|Center|School|Faculty|"
    r"Division|Laboratory|Hospital|University|Unit|College)\b")
REFERENCE_RE: Final = rx.compile(
    r"\b(?:19|20)\d\d[a-z]?\s*;\s*\d+\s*(?:\(\d+\))?\s*:\s*[eE]?\d+|"
    r"\bdoi:\s*10\.\d|\bdoi\.org/10\.\d")
REFERENCE_AUTHORS_RE: Final = rx.compile(
    r"^(?:\[?\d{1,3}[.\])]\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?\s+[A-Z]{1,3}[,.]")
# A line that tells the reader whom to call: "Customers can call the recall line free on
# 0800 046 7712 ...", "For the latest warnings, visit ... or call the council on 01632 960
# 455" (desk probe M: claims, their numbers counts).
CONTACT_VERB_RE: Final = rx.compile(r"\b(?:call|phone|ring|text|contact|reported\s+to)\b",
                                    re.IGNORECASE)
CONTACT_MAX_WORDS: Final = 40
# A menu written on one line: short items between bars or dots ("e-Paper | Subscribe | Sign
# in", "Menu \u00b7 Newsletter \u00b7 Donate"). A table row starts with its bar.
MENU_SPLIT_RE: Final = rx.compile(r"\s+[|\u00b7\u2022\u00bb\u203a]\s+")
MENU_MIN_ITEMS: Final = 3
MENU_ITEM_WORDS: Final = 3
# "Updated: 10:45 GMT, March 5, 2024", "Published 5 March 2024": page furniture.
STAMP_RE: Final = rx.compile(r"^(?:last\s+)?(?:updated|published|posted|modified)\b\s*"
                             r"(?:online|in\s+print|first)?\s*:?\s*(?:on\s+)?"
                             r"[\d\w,: .|-]{0,40}$", re.I)
MONTHS: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATELINE_RE: Final = rx.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:\s*[,|-]?\s*\d{1,2}:\d{2}\s*(?:am|pm)?)?\.?$",
    re.IGNORECASE,
)
# A wire story's dateline opening a line: "RIGA - ", "KITWE, Zambia (Reuters) - ",
# "LUSAKA, March 10 (Global Wire) -": the city in capitals, then a dash. The story starts
# there, so no sentence runs into it from the line above.
WIRE_DATELINE_RE: Final = rx.compile(
    r"[A-Z][A-Z'.\u2019-]{2,}(?:\s+[A-Z][A-Z'.\u2019-]+){0,3}(?:,\s+[^\n()\u2013\u2014-]{2,40}?)?"
    r"(?:\s*\([^()\n]{2,40}\))?\s+[-\u2013\u2014]+\s")
BULLET_RE: Final = rx.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u2043*]|-(?=\s))\s*")
SMALL_WORDS: Final = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "vs", "with", "amid", "over", "after", "s",
}
END_PUNCT: Final = tuple('.!?:"\u201d\u2019)\'')
TITLE_MAX_WORDS: Final = 20
# A line that stops mid-phrase continues on the next line (hard-wrapped text).
ENDS_OPEN_RE: Final = rx.compile(
    r"(?:[,;\u2013\u2014-]|\b(?:the|a|an|of|and|or|to|in|for|with|on|by|at|from|as|that|"
    r"which|its|their|his|her)\s*)$", re.IGNORECASE)


# A live blog's time stamp before an entry ("4:30 PM: ", "18:40: ", "9.15am - "): when the
# entry was posted, not what it says. Left in, it made "PM" a name and "18:40: Brentford"
# a subject (a desk probe); a clock time and a colon or spaced dash, at the line's start.
# A stamp may name its time zone ("12.10pm GMT: ", "23:48 CET: "); a 24-hour one may stand
# before the entry with a space alone ("10:42 Temperatures reached ...", as Euronews writes),
# when a capital follows: "12:30 is the time" speaks of the time.
LIVE_STAMP_RE: Final = rx.compile(
    r"(?:(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?)"
    r"(?:\s(?-i:GMT|BST|UTC|CET|CEST|EET|EST|EDT|CST|CDT|PST|PDT|ET))?"
    r"(?::|\s[-\u2013\u2014])\s+|\d{1,2}:\d{2}[ \t]+(?=(?-i:[A-Z])))"
    # the entry's label, no part of what it says ("Breaking" was a name)
    r"(?:(?:breaking(?:\s+news)?|update|latest|just\s+in)\s?:\s+)?", re.IGNORECASE)
# Words a stamped entry needs to be a post, punctuated or not ("12.04pm GMT: Breaking: Bank
# of England cuts interest rates to 3.25%"), rather than a programme's line ("10:30 Lunch").
LIVE_ENTRY_WORDS: Final = 5

# A wire story's tag for its new version, a line of its own in brackets: "(Adds economist
# comment, market reaction in paragraphs 9-11)", "(Updates with closing prices)" (desk
# probe Q5: a claim at 0.646).
WIRE_TAG_RE: Final = rx.compile(
    r"\((?:Adds|Updates|Recasts|Corrects|Changes|Rewrites|Refiles|Re-files|Repeats|Removes|"
    r"Inserts|Fixes|Deletes|Moves|Writes\s+through|Writethru|Advisory)\b[^()\n]{0,160}\)\s*$")
