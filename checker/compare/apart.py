"""Figures that keep two claims apart, or tie them: some figure of one measures what one
of the other does, written otherwise (`figures_differ`); no figure of one is the other's
(`figures_apart`), nor a bare count, a measure or a clock time (`bare_counts_apart`,
`measures_apart`, `times_apart`); one sum in two currencies (`currency_slip`), or sums in
currencies that never meet (`other_currencies`). Re-exported by `slots`, where the
comparison has always read them."""

from __future__ import annotations

from checker import rx
from checker.compare.figures import agree, aligned, confirms
from checker.normclaim import NormClaim


def figures_differ(a: NormClaim, b: NormClaim) -> bool:
    """Some figure of one claim measures what a figure of the other does, written
    otherwise: with two dates, two periods of one series ("grew 15.5 % in 2022" / "15.6 %
    in 2023"), not one event dated twice ("with three rovers in 2028" / "... in 2029")."""
    return any(qa.text != qb.text and aligned(qa, qb)
               for qa in a.quantities for qb in b.quantities)


def figures_apart(a: NormClaim, b: NormClaim) -> bool:
    """Both claims give figures, and no figure of one is a figure of the other, whatever it
    counts ("employs 3,200 people" / "plans to cut 300 jobs"; "3,200 staff" and "3,200
    workers" are one figure). Clock times are no such figures (`times_apart` reads them):
    "struck at 14:32" / "the 7.2-magnitude quake struck" is one fact (a review)."""
    fa = [q for q in a.quantities if q.kind != "time"]
    fb = [q for q in b.quantities if q.kind != "time"] if fa else []
    return bool(fa) and bool(fb) and not any(
        qa.kind == qb.kind and _currency(qa.unit) == _currency(qb.unit) and agree(qa, qb)
        and confirms(qa, qb)
        for qa in fa for qb in fb)


def bare_counts_apart(a: NormClaim, b: NormClaim) -> bool:
    """Each claim gives a count or a percentage of nothing named that no figure of the
    other agrees with: "scored 74 off 48 balls" / "scored 47 off 48 balls" agree on the
    balls only; "uptake is 81%, below the 95% needed" / "is 78%, short of the 95% target"
    on the target only (desk probe K: corroborated). Such figures are too vague to conflict
    (`aligned`; a percentage beside another has two candidates), but not to deny a
    corroboration."""
    return _unmatched_bare(a, b) and _unmatched_bare(b, a)


def measures_apart(a: NormClaim, b: NormClaim) -> bool:
    """Both claims measure in one unit (or give sums in one currency), and no measure of one
    in it agrees with one of the other: "retained his 1500m title in 3:34.19, with Solis
    second in 3:34.60" / "retained the 1500m title in 3:35.19" (desk probe M: the metres
    agreed, the times had two candidates and conflicted with none, and the pair
    corroborated); "revenue rose 9.4% to Rs 4,250 crore, from Rs 3,885 crore" / "rose 9.4%
    to ₹4,520 crore" (desk probe N: so, on the 9.4%)."""
    ma = [q for q in a.quantities if q.kind in _MEASURED]
    mb = [q for q in b.quantities if q.kind in _MEASURED] if ma else []
    if not mb:
        return False
    units = {q.unit for q in ma} & {q.unit for q in mb}
    return any(not any(agree(qa, qb) for qa in ma if qa.unit == unit
                       for qb in mb if qb.unit == unit) for unit in units)


_MEASURED = ("measure", "money")


def times_apart(a: NormClaim, b: NormClaim) -> bool:
    """Both claims tell a clock time in one zone, and no time of one agrees with one of the
    other: "struck at 14:32" / "hit at 14:47, killing 12" (a desk probe: corroborated). A
    time told in other words aligns with nothing (`aligned`), yet denies a corroboration."""
    ta = [q for q in a.quantities if q.kind == "time"]
    tb = [q for q in b.quantities if q.kind == "time"] if ta else []
    pairs = [(qa, qb) for qa in ta for qb in tb if qa.unit == qb.unit]
    return bool(pairs) and not any(agree(qa, qb) for qa, qb in pairs)


def _unmatched_bare(a: NormClaim, b: NormClaim) -> bool:
    return any(not qa.noun and (qa.kind == "count" and not qa.unit or qa.kind == "percent")
               and not any(qb.kind == qa.kind and agree(qa, qb) for qb in b.quantities)
               for qa in a.quantities)


def currency_slip(a: NormClaim, b: NormClaim) -> tuple[str, str] | None:
    """The one sum of each claim, of one value in two currencies, as their texts: "a strike
    fund of $50 million" / "a strike fund of 50 million euros" (desk probe B, K10). A claim
    giving two sums (a conversion: "50 million euros ($54 million)") gives none."""
    ma = [q for q in a.quantities if q.kind == "money"]
    mb = [q for q in b.quantities if q.kind == "money"]
    if len(ma) != 1 or len(mb) != 1:
        return None
    qa, qb = ma[0], mb[0]
    ca, cb = _currency(qa.unit), _currency(qb.unit)
    if ca is None or cb is None or ca == cb or not (agree(qa, qb) and confirms(qa, qb)):
        return None
    if ca in _DOLLARS and cb in _DOLLARS and (_BARE_DOLLAR_RE.search(qa.text)
                                              or _BARE_DOLLAR_RE.search(qb.text)):
        return None  # a bare "$" may be the other dollar: a Canadian page's "$2 billion"
    return qa.text, qb.text


_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "TTD", "BSD",
                      "BBD", "BZD", "FJD", "LRD", "NAD", "ZWL"})
_BARE_DOLLAR_RE = rx.compile(r"(?<![A-Za-z])\$")


def other_currencies(a: NormClaim, b: NormClaim) -> bool:
    """Both claims give sums of money, but in currencies that never meet: "C$2 billion"
    and "US$2 billion" compare no figure, and confirm nothing."""
    return currencies_apart(currencies(a), currencies(b))


def currencies(c: NormClaim) -> frozenset[str | None]:
    """The currencies of a claim's sums of money, as `other_currencies` matches them."""
    return frozenset(_currency(q.unit) for q in c.quantities if q.kind == "money")


def currencies_apart(ua: frozenset[str | None], ub: frozenset[str | None]) -> bool:
    """`other_currencies` given both claims' `currencies` (a judge reads them once a
    claim)."""
    return bool(ua) and bool(ub) and not ua & ub


# "Rs" is read as the rupee of the country a page names most (`currencies.document_rupee`),
# and as Pakistani rupees on a page that names none: "Rs 2,000 crore" there and "₹2,000
# crore" may be one sum, so rupees are one currency for this test.
_RUPEES = {"PKR": "rupee", "INR": "rupee", "LKR": "rupee", "NPR": "rupee"}


def _currency(unit: str | None) -> str | None:
    """A unit as sums are matched: rupees of either kind are one."""
    return _RUPEES.get(unit or "", unit)
