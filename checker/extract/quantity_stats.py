"""Figures of research papers: effect ratios by their abbreviation ("HR 1.71", "OR 2.3"),
confidence intervals ("95% CI 1.12-1.87") and p values ("p < 0.001"); and the numbers of a
paper that are no figures: citation marks ("[5]", "[1-4]") and a grant's number ("grant
301244"). A spread in brackets ("(SD 9.8)", "(IQR 30-52)") is a figure of its own.

Desk probe L: a journal article's "95% CI 1.12-1.87" was a percentage of 95 and a name "CI
1", its ends lost; "HR 1.71" a name "HR 1" and no figure (so "HR 1.45" corroborated "HR
1.54"); "p < 0.001" a count of 0.001 with no bound; "[14]" and "[15]" counts, from which the
arithmetic check drew a false warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from checker import rx
from checker.extract.quantity_type import Quantity, quantity
from checker.extract.quantity_values import precision
from checker.textutil import ignorecase_key, matches

# The abbreviations of effect ratios, as a paper writes them (upper case: "or 2" is a word).
RATIO_NAMES: Final = {"HR": "hazard ratio", "aHR": "hazard ratio", "OR": "odds ratio",
                      "aOR": "odds ratio", "RR": "relative risk", "aRR": "relative risk",
                      "IRR": "incidence rate ratio"}
# A ratio is written to its decimals, right after its label: not "Bend, OR, 3 people", "HR
# 1" (a bill), "HR 3684", "the chief of HR, 52", "IRR, 14.5%" (a review: false figures).
_LABELLED_RATIO_RE: Final = rx.compile(
    r"(?<![\w-])(?P<label>a?HR|a?OR|a?RR|IRR)(?:\s*[=:]\s*|\s+)(?P<v>\d{1,3}\.\d+)"
    r"(?![\d.]*\d)(?!\s*%)")
_NUM: Final = r"-?\d+(?:\.\d+)?"
_CI_RE: Final = rx.compile(
    rf"(?P<level>\d{{2}}(?:\.\d)?)\s?%\s*(?:CI|confidence\s+interval)\s*"
    # ... told in words too: "a 95% confidence interval of 1.07 to 1.40" (desk probe Q: a
    # percentage of 95 and a range of nothing, and an interval that disagreed corroborated)
    rf"(?:[,:=]|(?:was|is|of|from|between|ranging\s+from)\b)?\s*"
    rf"(?P<lo>{_NUM})\s*(?:-|\u2013|\u2014|to|,|and)\s*(?P<hi>{_NUM})(?![\d.]*\d)",
    re.IGNORECASE)
_P_RE: Final = rx.compile(
    r"(?<![\w.])p\s*(?P<op><=|>=|<|>|=|\u2264|\u2265)\s*(?P<v>0?\.\d+|1(?:\.0+)?)(?![\d.]*\d)",
    re.IGNORECASE)
_UPPER_OPS: Final = ("<", "<=", "\u2264")
_LOWER_OPS: Final = (">", ">=", "\u2265")
# A spread in brackets after a mean or a median: "(SD 9.8)", "(IQR 30-52)".
SPREAD_NAMES = {"sd": "standard deviation", "s.d.": "standard deviation",
                "se": "standard error", "sem": "standard error", "iqr": "interquartile range"}
_SPREAD_RE: Final = rx.compile(
    rf"(?<=\()(?P<label>SD|SE|SEM|IQR|s\.d\.)(?:\s*[=:,]\s*|\s+)(?P<v>{_NUM})"
    rf"(?:\s*(?:-|\u2013|to)\s*(?P<hi>{_NUM}))?(?=\))", re.IGNORECASE)
# What counts nothing: a citation mark, closing its clause ("[14], who found", "[5]."; not
# an editor's "[3,000]" or '"They took [12] of our cattle"': a review), and a grant's or an
# award's number, an identifier ("grant 301244", "award no. R01-HL12345"; not "under the
# contract 1500 nurses": a review).
# The lookahead on the first characters changes no match: it lets the engine refuse most
# positions at once, where the alternation was tried at each (no_figures: 7.4 -> 5.3 M
# instructions, 300 docs; tests/extract/test_speed52_quantities.py).
NO_FIGURE_PLAIN: Final = (
    r"\[(?!\d{1,3}(?:,\d{3})+\])\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\]"
    r"(?=\s*(?:[.,;:)\]]|$))|"
    r"\b(?:grant|award|contract)\s+(?:no\.?\s*|number\s+|#\s*)?"
    r"(?:[A-Z]{1,6}[-/]?\d[\d/-]{2,}\d|\d{5,})(?![\d,])(?!\s+[a-z])")
_NO_FIGURE_RE: Final = rx.compile(rf"(?=[\[gac])(?:{NO_FIGURE_PLAIN})", re.IGNORECASE)
# The estimate a confidence interval is of, in the words just before it.
_RATIO_BEFORE_RE: Final = rx.compile(r"\bratio\b|(?<![\w-])(?:a?HR|a?OR|a?RR|IRR)\b")


# A rate of a population: "2.1 per 1,000 person-years", "14.2 deaths per 100,000 people"
# (desk probe Q: a count of 2.1 and a count of 1,000). Read per one of what is counted, the
# noun the words between (deaths, cases) or what the rate is of.
_RATE_RE: Final = rx.compile(
    r"(?<![\d.,])(?P<v>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s+(?:(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s+)?"
    r"per\s+(?P<base>1,000|10,000|100,000|1000|10000|100000|1\s+million|million)\s+"
    r"(?P<of>person-years|person\s+years|people|population|residents|inhabitants|live\s+births|"
    r"births|adults|children|women|men|patients|pupils)\b", re.IGNORECASE)
_BASES: Final = {"1,000": 1e3, "1000": 1e3, "10,000": 1e4, "10000": 1e4, "100,000": 1e5,
                 "100000": 1e5, "1 million": 1e6, "million": 1e6}


# What may_hold tests the lower-case sentence for (and "[" and "%", the same in either
# case), but " per " and the case-sensitive labels: a sentence with none of them is
# answered by those alone.
LOWER_CUES: Final = ("[", "%", "<", "=", ">", "\u2264", "\u2265", "(s", "(iqr", "grant", "award",
                     "contract")


def may_hold(sentence: str, lower: str, cued: bool = True) -> bool:
    """A cheap necessary condition of `find_stats` and `no_figures` (a sentence of no paper
    has none of these); `cued` is False when lower holds none of LOWER_CUES."""
    if not cued:
        return "HR" in sentence or "OR" in sentence or "RR" in sentence or " per " in lower
    return "[" in sentence or "HR" in sentence or "OR" in sentence or "RR" in sentence \
        or ("%" in sentence and (" ci" in lower or "confidence" in lower)) \
        or "p" in lower and ("<" in lower or "=" in lower or ">" in lower
                             or "\u2264" in lower or "\u2265" in lower) \
        or "(s" in lower or "(iqr" in lower or "grant" in lower or "award" in lower \
        or "contract" in lower or " per " in lower


# What every match of _NO_FIGURE_RE opens with, in ASCII text lower-cased (IGNORECASE reads
# no other letters as those of the words).
_NO_FIGURE_OPENERS: Final = ("[", "grant", "award", "contract")


def no_figures(folded: str, start: int, end: int,
               lower: str | None = None) -> list[tuple[int, int]]:
    """Spans of folded[start:end] whose numbers count nothing (`lower` is that text
    lower-cased, when the caller has it)."""
    sentence = folded[start:end]
    if not sentence.isascii():
        return [m.span() for m in matches(_NO_FIGURE_RE, folded, start, end)]
    # A match opens where one of its openers is: the pattern is tried there alone, in order
    # and past the last match's end, as finditer would reach them (where it was tried at
    # each position: no_figures ~26,000 -> ~3,000 instructions a sentence).
    low = sentence.lower() if lower is None else lower
    starts: list[int] = []
    for opener in _NO_FIGURE_OPENERS:
        at = low.find(opener)
        while at >= 0:
            starts.append(start + at)
            at = low.find(opener, at + 1)
    starts.sort()
    spans: list[tuple[int, int]] = []
    done = start
    for at in starts:
        if at >= done:
            m = _NO_FIGURE_RE.match(folded, at, end)
            if m is not None:
                spans.append(m.span())
                done = m.end()
    return spans


def find_stats(text: str, folded: str, start: int, end: int,
               lower: str | None = None) -> Iterator[Quantity]:
    """The effect ratios, confidence intervals, spreads and p values of folded[start:end].

    `lower` is folded[start:end].lower() when the caller has it."""
    sentence = folded[start:end]
    lowered = sentence.lower() if lower is None else lower
    # Each pattern is tried only where its own words are (`may_hold` lets a sentence in on
    # any one of them: "contract", "[" and " per " let in most, and no pattern then
    # matches): find_stats 24.2 -> 1.1 M instructions, 300 docs. IGNORECASE reads a few other
    # letters as ASCII ones ("\u0131" as "i", "\u017f" as "s"): other text tries them all.
    every = not sentence.isascii()
    for m in matches(_CI_RE, folded, start, end) if every or "%" in lowered and (
            "ci" in lowered or "confidence" in lowered) else ():
        lo, hi = float(m["lo"]), float(m["hi"])
        if lo > hi:
            continue
        ratio = _RATIO_BEFORE_RE.search(folded, max(start, m.start() - 60), m.start())
        kind, unit = ("ratio", "x") if ratio else ("count", None)
        yield quantity(text[m.start():m.end()], m.start(), m.end(), kind, (lo + hi) / 2, lo, hi,
                       unit, "confidence interval", False, "range")
    for m in matches(_RATE_RE, folded, start, end) if every or "per" in lowered else ():
        yield _rate(text, m)
    for m in matches(_SPREAD_RE, folded, start, end) \
            if every or "(s" in lowered or "(i" in lowered else ():
        noun = SPREAD_NAMES[ignorecase_key(m["label"])]  # "(\u017fd 9.8)" is "(sd 9.8)"
        if m["hi"] is None:
            yield _exact(text, m, "count", None, noun)
        elif float(m["v"]) <= float(m["hi"]):
            lo, hi = float(m["v"]), float(m["hi"])
            yield quantity(text[m.start():m.end()], m.start(), m.end(), "count", (lo + hi) / 2,
                           lo, hi, None, noun, False, "range")
    # (Case-sensitive: its labels are in the sentence as written, whatever its letters.)
    for m in matches(_LABELLED_RATIO_RE, folded, start, end) \
            if "HR" in sentence or "OR" in sentence or "RR" in sentence else ():
        yield _exact(text, m, "ratio", "x", RATIO_NAMES[m["label"]])
    # ("\u2264" and "\u2265" make a sentence other text, which tries every pattern.)
    for m in matches(_P_RE, folded, start, end) if every or "p" in lowered and (
            "<" in lowered or "=" in lowered or ">" in lowered) else ():
        op = m["op"]
        if op in _UPPER_OPS or op in _LOWER_OPS:
            value = float(m["v"])
            low, high, bound = (None, value, "upper") if op in _UPPER_OPS \
                else (value, None, "lower")
            yield quantity(text[m.start():m.end()], m.start(), m.end(), "count", value, low,
                           high, None, "p value", False, bound)
        else:
            yield _exact(text, m, "count", None, "p value")


def _rate(text: str, m: re.Match[str]) -> Quantity:
    """A rate per one of its population, to its last digit: "2.1 per 1,000 person-years" is
    0.00205 to 0.00215 a person-year."""
    raw = m["v"].replace(",", "")
    base = _BASES[" ".join(m["base"].lower().split())]
    value, half = float(raw) / base, precision(raw, 1.0) / base
    of = " ".join(m["of"].lower().replace("-", " ").split())
    noun = m["noun"].lower() if m["noun"] else None
    return quantity(text[m.start():m.end()], m.start(), m.end(), "measure", value, value - half,
                    value + half, f"per {_PER.get(of, of)}", noun, False, "exact")


# What a rate is per, one way for each population ("per 100,000 people" / "residents").
_PER: Final = {"people": "person", "population": "person", "residents": "person",
               "inhabitants": "person", "person years": "person-year", "live births": "birth",
               "births": "birth", "adults": "adult", "children": "child", "women": "woman",
               "men": "man", "patients": "patient", "pupils": "pupil"}


def _exact(text: str, m: re.Match[str], kind: str, unit: str | None, noun: str) -> Quantity:
    """A figure written to its last digit: "HR 1.71" is 1.705 to 1.715."""
    value = float(m["v"])
    half = precision(m["v"], 1.0)
    return quantity(text[m.start():m.end()], m.start(), m.end(), kind, value, value - half,
                    value + half, unit, noun, False, "exact")
