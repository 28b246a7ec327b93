"""Quantities in news text: value, unit, currency, scale, precision, bounds.

A precise rule set rather than a generic parser: years, times, fiscal years, model names
("J-10CE", "Chang'e 6") and compound adjectives ("five-year") are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checker.textutil import fold

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
    "crore": 1e7, "lakh": 1e5, "hundred": 1e2,
}
CURRENCIES = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "a$": "AUD", "c$": "CAD",
    "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "\u00a3": "GBP", "gbp": "GBP", "\u20ac": "EUR",
    "eur": "EUR", "\u00a5": "JPY", "\u20b9": "INR", "inr": "INR", "rs": "PKR", "rs.": "PKR",
    "pkr": "PKR", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "dollars": "USD",
    "rupees": "PKR", "euros": "EUR", "pounds": "GBP",
}
# unit -> (canonical unit, factor to it)
MEASURES = {
    "km": ("m", 1e3), "kilometres": ("m", 1e3), "kilometers": ("m", 1e3),
    "kilometre": ("m", 1e3), "kilometer": ("m", 1e3), "metres": ("m", 1.0),
    "meters": ("m", 1.0), "miles": ("m", 1609.344), "mile": ("m", 1609.344),
    "kg": ("kg", 1.0), "kilograms": ("kg", 1.0), "tonnes": ("kg", 1e3), "tons": ("kg", 1e3),
    "tonne": ("kg", 1e3), "mw": ("W", 1e6), "gw": ("W", 1e9), "kw": ("W", 1e3),
    "kwh": ("Wh", 1e3), "mwh": ("Wh", 1e6), "gwh": ("Wh", 1e9), "hectares": ("m2", 1e4),
    "acres": ("m2", 4046.86), "years": ("year", 1.0), "year": ("year", 1.0),
    "months": ("month", 1.0), "days": ("day", 1.0), "hours": ("hour", 1.0),
    "km/h": ("m/s", 1 / 3.6), "mph": ("m/s", 0.44704), "gb": ("byte", 1e9),
    "tb": ("byte", 1e12), "mb": ("byte", 1e6),
}
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000, "a million": 1e6, "a billion": 1e9,
}
# Vague amounts: (low, high)
VAGUE = {
    "dozens": (24, 144), "scores": (40, 200), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 9.99e8),
    "tens of millions": (2e7, 9.99e7), "hundreds of millions": (2e8, 9.99e8),
    "billions": (2e9, 9.99e11),
}
RATIOS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
APPROX = r"about|around|approximately|approx\.|roughly|nearly|almost|some|close\s+to|an\s+estimated|estimated|circa|~"
LOWER = r"more\s+than|over|at\s+least|above|exceeding|upwards\s+of|in\s+excess\s+of|just\s+over"
UPPER = r"less\s+than|fewer\s+than|under|below|up\s+to|at\s+most|no\s+more\s+than|just\s+under"

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:\.\d+)?"
_CUR = r"US\$|U\.S\.\s?\$|A\$|C\$|HK\$|S\$|NZ\$|\$|\u00a3|\u20ac|\u00a5|\u20b9|Rs\.?\s?|PKR\s?|USD\s?|EUR\s?|GBP\s?|INR\s?|RMB\s?|CNY\s?"
_SCALE = r"trillion|billion|million|thousand|crore|lakh|bn|mn|mln|bln|tn|[mkb](?![\w'])"
_UNIT = (
    r"%|per\s?cent|percent|pct|percentage\s+points?|pp|basis\s+points|bps|"
    + "|".join(sorted((re.escape(u) for u in MEASURES), key=len, reverse=True))
    + r"|dollars|rupees|euros|pounds|yuan"
)
QUANTITY_RE = re.compile(
    rf"(?P<mod>\b(?:{APPROX}|{LOWER}|{UPPER})\s+)?"
    rf"(?P<cur>{_CUR})?"
    rf"(?P<num>{_NUM})"
    rf"(?:\s?-\s?(?P<cur2>{_CUR})?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"(?:\s?(?P<unit>{_UNIT})(?![\w]))?",
    re.IGNORECASE,
)
WORDS_RE = re.compile(
    rf"(?P<mod>\b(?:{APPROX}|{LOWER}|{UPPER})\s+)?"
    r"\b(?P<vague>tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|"
    r"dozens|hundreds|thousands|millions|billions)\b(?=\s+of\b|\s+\w)"
    r"|(?P<mod2>\b(?:nearly|almost|more than|roughly|about)\s+)?\b(?P<ratio>doubled|tripled|trebled|quadrupled|halved)\b"
    r"|(?P<mod3>\b(?:{APPROX}|{LOWER}|{UPPER})\s+)?\b(?P<word>a dozen|a hundred|a thousand|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b(?!-)"
    rf"(?:\s(?P<wscale>{_SCALE})\b)?"
    r"(?=\s+\w)",
    re.IGNORECASE,
)
ORDINAL_RE = re.compile(r"\b(?:No\.?\s?(?P<no>\d+)\b|(?P<ord>\d+)(?:st|nd|rd|th)\b)")
_TIME_AFTER = re.compile(r"^\s?(?:am|pm|a\.m\.|p\.m\.|gmt|utc|hrs)\b|^:\d", re.IGNORECASE)
_NOUN_STOP = frozenset(
    """
    a an the of in on at by for to from with and or but as than that which who is are was
    were be been has have had will would this these those its their his her it its last
    year years month months week weeks day days since between during after before per
    respectively compared same into onto over under across through toward towards among via
    within amid about around against up down out off
    """.split()
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed quantity (see QuantitySlot for the meaning of the fields)."""

    text: str
    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    noun: str | None
    approximate: bool
    bound: str


def _number(text: str, factor: float = 1.0) -> float:
    """Exact decimal arithmetic, so "$2.135 billion" is 2135000000, not 2134999999.99."""
    return float(Decimal(text.replace(",", "").replace(" ", "")) * Decimal(repr(factor)))


def precision(num_text: str, scale: float) -> float:
    """Half a unit of the last written digit ("240" -> 5, "1.62" -> 0.005), scaled."""
    digits = num_text.replace(",", "").replace(" ", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 0.5 * 10**zeros * scale


def _bounds(value: float, prec: float, mod: str) -> tuple[float | None, float | None, str, bool]:
    """Low, high, bound kind and approximate flag for a value and its modifier."""
    m = re.sub(r"\s+", " ", mod.strip().lower())
    if not m:
        return value - prec, value + prec, "exact", False
    if re.fullmatch(LOWER.replace(r"\s+", " "), m):
        return value, None, "lower", False
    if re.fullmatch(UPPER.replace(r"\s+", " "), m):
        return None, value, "upper", False
    slack = max(prec, abs(value) * 0.1)
    if m in ("nearly", "almost", "close to"):
        return value - slack, value, "exact", True
    return value - slack, value + slack, "exact", True


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """All quantities in text[start:end]; spans in `skip` (dates) are left alone."""
    stop = len(text) if end is None else end
    folded = fold(text)
    taken = list(skip or [])
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(folded, start, stop):
        q = _from_match(folded, text, m)
        if q and not _overlaps(q.start, q.end, taken):
            out.append(q)
            taken.append((q.start, q.end))
    for m in WORDS_RE.finditer(folded, start, stop):
        q = _from_words(folded, text, m)
        if q and not _overlaps(q.start, q.end, taken):
            out.append(q)
            taken.append((q.start, q.end))
    for m in ORDINAL_RE.finditer(folded, start, stop):
        if not _overlaps(m.start(), m.end(), taken):
            value = float(m.group("no") or m.group("ord"))
            out.append(Quantity(text[m.start():m.end()], m.start(), m.end(), "rank", value,
                                value, value, None, None, False, "exact"))
    out.sort(key=lambda q: q.start)
    return out


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _is_part_of_name(folded: str, m: re.Match[str]) -> bool:
    """Numbers glued to names ("J-10CE", "Chang'e 6", "Tech7") or adjectives ("five-year")."""
    s, e = m.start("num"), m.end()
    before = folded[max(0, s - 25):s]
    after = folded[e:e + 12]
    if m.group("cur") or m.group("scale") or m.group("unit"):
        return False
    if re.search(r"[A-Za-z][-']?$", before) or re.match(r"[A-Za-z]", after):
        return True
    if re.match(r"-[A-Za-z]", after):
        return True  # "4.5-generation", "10-year"
    if re.search(r"\b[A-Z][\w']*\s$", before) and not re.search(
        r"\b(?:In|On|At|By|Since|From|To|And|The|Of|With|About|Around|Over|Some|Only|All|"
        r"Nearly|Almost|Than|Top|Between|Until|Of|For)\s$", before
    ):
        return True  # "Chang'e 8", "Block 3" (a capitalised word right before)
    return False


def _is_year_like(m: re.Match[str]) -> bool:
    num = m.group("num")
    if m.group("cur") or m.group("scale") or m.group("unit") or "," in num or "." in num:
        return False
    return len(num) == 4 and 1800 <= int(num) <= 2100


def _from_match(folded: str, text: str, m: re.Match[str]) -> Quantity | None:
    num = m.group("num")
    s = m.start()
    if _is_year_like(m) or _is_part_of_name(folded, m):
        return None
    if _TIME_AFTER.match(folded[m.end("num"):m.end("num") + 6]) and not m.group("unit"):
        return None  # "2.15pm", "10:30"
    if re.match(r"[/:]\d", folded[m.end("num"):m.end("num") + 2]) or folded[s - 1:s] in "/:":
        return None  # "24/7", ratios and times
    if m.group("num2") and re.fullmatch(r"\d{4}", num):
        return None  # "2020-2024" is a period (dates)
    scale_word = (m.group("scale") or "").lower()
    scale = SCALES.get(scale_word, 1.0)
    unit_word = re.sub(r"\s+", " ", (m.group("unit") or "").lower())
    cur = (m.group("cur") or m.group("cur2") or "").strip().lower().replace(" ", "")
    kind, unit = "count", None
    factor = 1.0
    if unit_word in ("%", "per cent", "percent", "pct", "percentcent"):
        kind, unit = "percent", "%"
    elif unit_word.startswith("percentage point") or unit_word == "pp":
        kind, unit = "points", "pp"
    elif unit_word in ("basis points", "bps"):
        kind, unit, factor = "points", "pp", 0.01
    elif unit_word in ("dollars", "rupees", "euros", "pounds", "yuan"):
        kind, unit = "money", CURRENCIES[unit_word]
    elif unit_word in MEASURES:
        kind, (unit, factor) = "measure", MEASURES[unit_word]
    if cur:
        kind, unit = "money", CURRENCIES.get(cur.rstrip("."), CURRENCIES.get(cur, "USD"))
    value = _number(num, scale * factor)
    prec = precision(num, scale * factor)
    mod = m.group("mod") or ""
    if m.group("num2"):
        high_num = _number(m.group("num2"), scale * factor)
        if high_num < value:
            return None
        low, high, bound, approx = value, high_num, "range", bool(mod)
        center = (value + high_num) / 2
    else:
        low, high, bound, approx = _bounds(value, prec, mod)
        center = value
    end = m.end()
    return Quantity(text[s:end].strip(), s, s + len(text[s:end].rstrip()), kind, center,
                    low, high, unit, _noun_after(folded, end), approx, bound)


def _from_words(folded: str, text: str, m: re.Match[str]) -> Quantity | None:
    s, e = m.start(), m.end()
    mod = m.group("mod") or m.group("mod2") or m.group("mod3") or ""
    if m.group("vague"):
        low, high = VAGUE[m.group("vague").lower()]
        noun = _noun_after(folded, e)
        if noun in CURRENCIES:  # "billions of dollars"
            return Quantity(text[s:e], s, e, "money", None, float(low), float(high),
                            CURRENCIES[noun], None, True, "range")
        return Quantity(text[s:e], s, e, "count", None, float(low), float(high), None,
                        noun, True, "range")
    if m.group("ratio"):
        value = RATIOS[m.group("ratio").lower()]
        approx = bool(mod)
        low, high = (value * 0.85, value * 1.15) if approx else (value * 0.95, value * 1.05)
        return Quantity(text[s:e], s, e, "ratio", value, low, high, "x", None, approx, "exact")
    word = m.group("word").lower()
    value = float(WORD_NUMBERS[word]) * SCALES.get((m.group("wscale") or "").lower(), 1.0)
    low, high, bound, approx = _bounds(value, 0.0, mod)
    return Quantity(text[s:e], s, e, "count", value, low, high, None, _noun_after(folded, e),
                    approx, bound)


def _noun_after(folded: str, end: int) -> str | None:
    """What is counted: the noun phrase right after the number ("600 VT-4 battle tanks")."""
    words = re.findall(r"[A-Za-z][\w'-]*|[,.;:()\-]", folded[end:end + 60])
    if words[:1] in (["of"], ["in"]) and len(words) > 1:
        words = words[1:]  # "81 per cent of imports", "$2.1 billion in sales"
    phrase: list[str] = []
    for w in words[:3]:
        if not re.match(r"[A-Za-z]", w) or w.lower() in _NOUN_STOP:
            break
        phrase.append(w)
    if not phrase:
        return None
    return phrase[-1].lower().strip("'")
