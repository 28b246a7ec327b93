"""Arithmetic inside one document: stated changes, shares and ages checked against the
figures they are computed from. A finding is raised only when no reading of the figures
agrees with the statement, so correct figures are never flagged."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from checker import rx
from checker.extract.markup import mask_markup
from checker.models.claims import Claim, DateSlot, QuantitySlot
from checker.textutil import fold

UP_RE = rx.compile(r"\b(?:increase[sd]?|rise|rose|risen|up|grew|growth|gain(?:ed)?|jump(?:ed)?|"
                   r"higher|climb(?:ed)?|surge[sd]?)\b", re.I)
DOWN_RE = rx.compile(r"\b(?:decrease[sd]?|decline[sd]?|fell|fall(?:en)?|down|drop(?:ped)?|"
                     r"lower|slump(?:ed)?|shrank|cut|loss)\b", re.I)
SHARE_RE = rx.compile(r"\b(?:accounting\s+for|accounts?\s+for|accounted\s+for|share\s+of|"
                      r"making\s+up|made\s+up|represent(?:ing|s|ed)?)\b", re.I)
RESPECTIVELY_RE = rx.compile(r"\brespectively\b", re.I)
COMPARISON_RE = rx.compile(r"\b(?:from|compared|than|against|versus|vs|year\s+earlier|"
                           r"last\s+year|a\s+year\s+ago)\b", re.I)
AGE_RE = rx.compile(r"\bturns?\s+(?P<n>\d+)(?:\s+years?\s+old)?|\bturn\s+(?P<n2>\d+)\s+years?\s+old"
                    r"|\b(?P<n3>\d+)(?:th)?\s+anniversary\b", re.I)
FOUNDED_RE = rx.compile(r"\b(?:launched|founded|established|set\s+up|created|started|formed|"
                        r"incorporated|opened|began)\s+in\s+(?P<y>1[89]\d\d|20\d\d)\b", re.I)


@dataclass(frozen=True)
class ArithmeticIssue:
    """A stated figure that does not follow from the figures it is computed from."""

    claim_id: str
    other_ids: tuple[str, ...]
    kind: str  # percent-change | share | points | ratio | age
    stated: str
    computed: float
    expected: str
    message: str


_NUMBER_RE = rx.compile(r"\d[\d,\u2009\u202f ]*(?:\.(\d+))?")


def _rel_prec(q: QuantitySlot) -> float:
    """Relative rounding of a figure as written: "$1.62 billion" is +-0.005 billion.

    Round numbers are taken at face value ("$100 million" is +-0.5 million): a wider reading
    would hide every error made with round figures.
    """
    m = _NUMBER_RE.search(q.text)
    if q.value is None or q.value == 0 or not m:
        return 0.0
    number = float(re.sub(r"[,\u2009\u202f ]", "", m.group(0)))
    if number == 0:
        return 0.0
    decimals = len(m.group(1) or "")
    return float(0.5 * 10.0**-decimals / number)


def _tolerance(stated: QuantitySlot, *inputs: QuantitySlot) -> float:
    """Half a unit of the stated figure's last digit, plus rounding carried from inputs."""
    own = (stated.high - stated.low) / 2 if stated.high is not None and stated.low is not None \
        else 0.5
    carried = sum(_rel_prec(q) for q in inputs) * 100
    return max(own, 0.05) + carried + 0.05


def _values(claim: Claim, kinds: Sequence[str] = ("money", "count", "measure")) -> list[
        QuantitySlot]:
    return [q for q in claim.quantities if q.kind in kinds and q.value is not None
            and q.bound == "exact"]


def _direction(text: str) -> int:
    up, down = UP_RE.search(text), DOWN_RE.search(text)
    if up and not down:
        return 1
    if down and not up:
        return -1
    return 0


def _nearest_date(claim: Claim, q: QuantitySlot) -> DateSlot | None:
    dated = [d for d in claim.dates if d.resolved and d.start]
    if not dated:
        return None
    mid = (q.span[0] + q.span[1]) / 2
    return min(dated, key=lambda d: abs((d.span[0] + d.span[1]) / 2 - mid))


def _same_period(a: DateSlot | None, b: DateSlot | None) -> bool:
    if a is None or b is None or not (a.start and a.end and b.start and b.end):
        return True
    return date.fromisoformat(a.start) <= date.fromisoformat(b.end) and \
        date.fromisoformat(b.start) <= date.fromisoformat(a.end)


def check_percent_change(claim: Claim) -> ArithmeticIssue | None:
    """'$2.17 billion, a 34% increase compared to ... ($1.62 billion)'."""
    percents = [q for q in claim.quantities if q.kind == "percent" and q.value is not None]
    if not percents:
        return None  # tested first: most claims have none, and the searches below cost
    text = _read(claim)
    if RESPECTIVELY_RE.search(text) or not COMPARISON_RE.search(text):
        return None  # figures paired by position, or no old value to compare with
    for p in percents:
        rel = p.span[0] - claim.span[0], p.span[1] - claim.span[0]
        if re.search(r"\b(?:from|to|at|of|was|were|is)\s*$", text[:rel[0]]) or re.match(
                r"\s*of\b", text[rel[1]:]):
            continue  # "up from 84%", "86.4% of sales": a level, not a change
        window = text[max(0, rel[0] - 25):rel[1] + 40]  # "rose 50%", "a 34% increase"
        direction = _direction(window)
        if not direction or SHARE_RE.search(text[:p.span[0] - claim.span[0]][-30:]):
            continue
        values = [q for q in _values(claim) if q.unit == _unit_peer(claim, p)]
        if len(values) != 2 or values[0].unit != values[1].unit:
            continue
        first, second = values
        before = text[:first.span[0] - claim.span[0]]
        if not _OLD_BEFORE_RE.search(text[:second.span[0] - claim.span[0]]) \
                and not re.search(r"\bfrom\s*$", before):
            continue  # "a profit of £140m on revenue of £1.2bn, up 12%": no old value said
        new, old = (second, first) if re.search(r"\bfrom\s*$", before) else (first, second)
        assert new.value is not None and old.value is not None and p.value is not None
        if old.value == 0:
            continue
        computed = (new.value - old.value) / abs(old.value) * 100
        stated = direction * p.value
        if abs(computed - stated) <= _tolerance(p, new, old):
            continue
        return ArithmeticIssue(
            claim.id, (), "percent-change", p.text, round(computed, 2),
            f"{new.text} vs {old.text}",
            f"states a {p.text} {'increase' if direction > 0 else 'decrease'}, but "
            f"{new.text} against {old.text} is {computed:+.1f}%")
    return None


# What names the old value right before it: "up from £1.2bn", "against $1.62 billion", "than
# 40", "compared with 3.1 million a year earlier" (a few words between at most).
_OLD_BEFORE_RE = rx.compile(r"\b(?:from|than|against|versus|vs\.?|compared\s+(?:with|to)|"
                            r"(?:year|period|quarter)\s+earlier|a\s+year\s+ago|last\s+year)"
                            r"(?:\s+[\w'-]+){0,3}?\s*[(:,]?\s*\Z", re.IGNORECASE)


def _unit_peer(claim: Claim, p: QuantitySlot) -> str | None:
    units = [q.unit for q in _values(claim)]
    return max(set(units), key=units.count) if units else None


def check_share(claim: Claim, previous: Sequence[Claim]) -> ArithmeticIssue | None:
    """'$1.875 billion, accounting for 86.4% of total sales' against the stated total."""
    text = _read(claim)
    for p in (q for q in claim.quantities if q.kind == "percent" and q.value is not None):
        # the last 40 characters of words before it (blanks of a link's address as one)
        lead = " ".join(text[max(0, p.span[0] - claim.span[0] - 400):
                             p.span[0] - claim.span[0]].split())[-40:]
        if not SHARE_RE.search(lead):
            continue
        parts = [q for q in _values(claim) if q.span[1] <= p.span[0]]
        if not parts or p.value is None:
            continue
        part = parts[-1]
        period = _nearest_date(claim, p)
        totals = [(c, q) for c in previous for q in _values(c)
                  if q.unit == part.unit and q is not part and q.value
                  and (q.noun == p.noun or q.noun is None)
                  and _same_period(_nearest_date(c, q), period)]
        strong = [t for t in totals if t[1].noun == p.noun and p.noun]
        if not strong:
            continue
        readings = [(c, q, part.value / q.value * 100) for c, q in totals
                    if part.value is not None and q.value]
        if any(abs(v - p.value) <= _tolerance(p, part, q) for _, q, v in readings):
            continue
        c, q, v = next(r for r in readings if r[1] is strong[0][1])
        return ArithmeticIssue(
            claim.id, (c.id,), "share", p.text, round(v, 2), f"{part.text} of {q.text}",
            f"states {part.text} is {p.text} of the total, but {part.text} of {q.text} "
            f"is {v:.1f}%")
    return None


# "P% of its T", "P% of total sales of T": words, no figure, between the share and the whole.
_OF_TOTAL_RE = rx.compile(r"\s+of\s+(?:[a-z'-]+\s+){0,3}?(?:of\s+)?\Z", re.I)


def check_share_of(claim: Claim) -> ArithmeticIssue | None:
    """'cut 1,100 jobs, about 18% of its 13,750 workers': a part, its share, and the whole
    it is a share of, in one sentence."""
    text = _read(claim)
    base = claim.span[0]
    values = _values(claim)
    for p in (q for q in claim.quantities if q.kind == "percent" and q.value is not None):
        wholes = [q for q in values if q.span[0] >= p.span[1]
                  and _OF_TOTAL_RE.match(text[p.span[1] - base:q.span[0] - base] + " ")]
        parts = [q for q in values if q.span[1] <= p.span[0]]
        if not wholes or not parts:
            continue
        part, whole, stated = parts[-1], wholes[0], p.value
        if part.unit != whole.unit or not whole.value or part.value is None or stated is None:
            continue
        share = part.value / whole.value * 100
        if abs(share - stated) <= _tolerance(p, part, whole):
            continue
        return ArithmeticIssue(
            claim.id, (), "share", p.text, round(share, 2), f"{part.text} of {whole.text}",
            f"states {part.text} is {p.text} of {whole.text}, but that is {share:.1f}%")
    return None


# "to" (with "reach", "of" and the like not counted) right before a figure: its new value.
_TO_RE = rx.compile(r"\bto\s*$", re.IGNORECASE)


def _at(claim: Claim, q: QuantitySlot) -> int:
    """Where a slot starts in the claim's text (slot spans are document offsets)."""
    return max(0, q.span[0] - claim.span[0])


def check_points(claim: Claim, previous: Sequence[Claim]) -> ArithmeticIssue | None:
    """'up 7 percentage points from ... 74 per cent' against the current share."""
    for p in (q for q in claim.quantities if q.kind == "points" and q.value is not None):
        direction = _direction(_read(claim)) or 1
        own = [q for q in claim.quantities if q.kind == "percent" and q.value is not None]
        # The share it changed from is stated after the change ("up 7 points from ...
        # 74 per cent"); a share before it is where it stands now ("stood at 27.3%, up 0.4
        # points on a year earlier"), and with no earlier share there is nothing to check
        # (a percentage of the sentence before is likely of something else).
        after = [q for q in own if q.span[0] >= p.span[1]]
        # "rose 3.5 points to 68.9%": the share after "to" is the new one, and the sentence
        # then gives its own (a share of the sentence before is of something else).
        to = [q for q in after if _TO_RE.search(claim.text, 0, _at(claim, q)) is not None]
        olds = [q for q in after if q not in to]
        news = to or [q for c in reversed(previous[-2:]) for q in c.quantities
                      if q.kind == "percent" and q.value is not None] + own
        if not olds or not news:
            continue
        assert p.value is not None
        pairs = [(n, o) for n in news for o in olds if n is not o]
        if not pairs:
            continue
        if any(abs((n.value or 0) - (o.value or 0) - direction * p.value)
               <= _tolerance(p) + 0.5 for n, o in pairs):
            continue
        n, o = pairs[0]
        diff = (n.value or 0) - (o.value or 0)
        return ArithmeticIssue(
            claim.id, (), "points", p.text, round(diff, 2), f"{n.text} - {o.text}",
            f"states a change of {p.text}, but {n.text} against {o.text} is {diff:+.1f} points")
    return None


# A multiple of a figure the claim does not give: "about 11.4 times its underlying EBITDA"
# (desk probe R: "£1.1bn to £5.3bn is x4.82", a false warning).
_MULTIPLE_OF_RE = rx.compile(r"\s+(?:its|their|his|her|our|the|a|an)\s+(?!(?:level|figure|"
                             r"total|amount|size|previous|prior|year)\b)", re.IGNORECASE)


def check_ratio(claim: Claim) -> ArithmeticIssue | None:
    """'nearly doubled ... from 69 million to 135 million'."""
    for r in (q for q in claim.quantities if q.kind == "ratio"):
        at = claim.text.find(r.text)
        if at >= 0 and _MULTIPLE_OF_RE.match(claim.text, at + len(r.text)):
            continue
        values = _values(claim, ("count", "money", "measure"))
        if len(values) != 2 or values[0].unit != values[1].unit:
            continue
        old, new = values
        if not old.value or new.value is None or r.low is None or r.high is None:
            continue
        ratio = new.value / old.value
        if r.low <= ratio <= r.high:
            continue
        return ArithmeticIssue(
            claim.id, (), "ratio", r.text, round(ratio, 3), f"{new.text} / {old.text}",
            f"says {r.text}, but {old.text} to {new.text} is x{ratio:.2f}")
    return None


def check_age(claim: Claim, previous: Sequence[Claim]) -> ArithmeticIssue | None:
    """'in 2025 is set to turn 30' against a founding year stated just before."""
    # The year first: few claims have one, and the search costs.
    years = [int(d.start[:4]) for d in claim.dates
             if d.granularity == "year" and d.start and d.resolved]
    if not years:
        return None
    m = AGE_RE.search(_read(claim))
    if not m:
        return None
    age = int(m.group("n") or m.group("n2") or m.group("n3"))
    founded = [(c, int(f.group("y"))) for c in list(previous[-3:]) + [claim]
               for f in FOUNDED_RE.finditer(fold(c.text))]
    if not founded:
        return None
    year = years[0]
    if any(abs(year - y - age) <= 1 for _, y in founded):
        return None
    c, y = founded[-1]
    return ArithmeticIssue(
        claim.id, (c.id,) if c.id != claim.id else (), "age", m.group(0), year - y,
        f"{year} - {y}", f"says it turns {age} in {year}, but founded in {y} makes it {year - y}")


def check_document(claims: Sequence[Claim]) -> list[ArithmeticIssue]:
    """All arithmetic issues of one document's claims (in text order)."""
    ordered = sorted(claims, key=lambda c: c.span[0])
    issues: list[ArithmeticIssue] = []
    for index, claim in enumerate(ordered):
        previous = ordered[max(0, index - 5):index]
        for found in (check_percent_change(claim),
                      check_share(claim, previous) or check_share_of(claim),
                      check_points(claim, previous), check_ratio(claim),
                      check_age(claim, previous)):
            if found:
                issues.append(found)
    return issues


def _read(claim: Claim) -> str:
    """The claim's text folded, a Markdown page's links and markers as blanks (same length:
    its slots' spans still point into it)."""
    return fold(mask_markup(claim.text))
