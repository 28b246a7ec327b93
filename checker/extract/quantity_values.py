"""A written figure's value and interval: exact decimal arithmetic, the precision its digits
imply, and the bounds its modifier ("about", "more than", "as many as") gives."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from checker import rx
from checker.extract import quantity_words as qw

# Only a decimal comma leaves one or two digits after a comma (quantity_words.NUM).
_DECIMAL_COMMA_RE: Final = rx.compile(r"\d+,\d{1,2}")
# Decimal's context keeps 28 significant digits: a product of fewer digits is exact.
_EXACT_DIGITS: Final = 20
# Factors that are powers of ten (scales, metres in a kilometre), by their exponent: the
# nearest floats, whose repr Decimal reads as the power itself.
_POWERS_OF_TEN: Final = {float(f"1e{k}"): k for k in range(-6, 16)}


def plain_digits(text: str) -> str:
    """A written figure as a decimal: "1,250" -> "1250", "3 400" -> "3400", "3,4" -> "3.4"."""
    # (Most figures have no comma; a decimal comma has one or two digits after it, where
    # thousands have three: "1,250" is not matched.)
    if "," in text and len(text) - text.rfind(",") <= 3 and _DECIMAL_COMMA_RE.fullmatch(text):
        return text.replace(",", ".")
    return text.replace(",", "").replace(" ", "")


def number(text: str, factor: float = 1.0) -> float:
    """Exact decimal arithmetic, so "$2.135 billion" is 2135000000, not 2134999999.99."""
    digits = plain_digits(text)
    if factor == 1.0 and len(digits) <= _EXACT_DIGITS:
        # Times one the product is the written decimal itself, which float() rounds as it
        # rounds the product (both correctly): most figures have no scale or unit factor.
        return float(digits)
    power = _POWERS_OF_TEN.get(factor)
    if power is not None and len(digits) <= _EXACT_DIGITS and digits.isascii() \
            and digits.replace(".", "", 1).isdigit():
        # A scale's factor ("$2.1bn") is a power of ten: the product is the decimal with its
        # exponent, which float() reads as it reads the product (exact, rounded once).
        return float(f"{digits}e{power}")
    return float(Decimal(digits) * Decimal(repr(factor)))


def precision(num_text: str, scale: float, factor: float = 1.0) -> float:
    """Half a unit of the last written digit ("240" -> 5, "1.62" -> 0.005), times the scale
    word's `scale` ("million") and the unit's `factor`.

    Trailing zeros count as rounding only from three digits on: "240" may be rounded to
    the ten, but "10 per cent" is ten, not "somewhere from 5 to 15". Rounding to zeros is
    at most 5% of the value and to a scale word (or six zeros) a tenth, so that a round
    figure does not agree with a different one: "200 people" is not "240 people", "£90,000"
    not "£85,000", nor "$2 billion" "$2.4 billion" (a hedge, "about 200", widens it again);
    "3 per cent" keeps 2.5 to 3.5. (3% was tried: "the Dow fell 1,000 points" then
    conflicted with "1,033", "10,000 jobs" with "9,600": a review.)
    """
    digits = plain_digits(num_text)
    if "." in digits:
        return 0.5 * scale * factor / 10.0 ** len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped and len(digits) >= 3 else 0
    half_unit = 0.5 * scale * 10.0**zeros
    if stripped and (zeros or scale > 1):
        # A scale word rounds more than written zeros: "$2 billion" may be $2.1 billion,
        # but "fined £90,000" is no £85,000 (a desk probe: a tenth either way
        # corroborated the two fines).
        loose = scale > 1 or zeros >= 6  # "\u00a32,000,000" is "\u00a32 million" written out
        half_unit = min(half_unit, (0.1 if loose else 0.05) * float(digits) * scale)
    return half_unit * factor


def significant(num_text: str) -> int:
    """Significant digits of a written figure, a last 5 not counted (it halves a step, as
    "about 2.5%" is a rounder figure than "about 2.4%"): "70" 1, "2.5" and "1,500" 1, "41.3"
    and "38,400" 3."""
    digits = plain_digits(num_text).replace(".", "").lstrip("0")
    digits = digits.rstrip("0") if "." not in num_text else digits
    count = len(digits) - (len(digits) > 1 and digits.endswith("5"))
    return max(1, count)


# A hedge's slack, by the figure's significant digits: "about 70" may be 63 or 77, but
# "roughly 41.3 million" is no 38.5 million, nor "about 38,400" 35,000 (a desk probe: a
# tenth either way corroborated both).
_HEDGE_SLACK: Final = {1: 0.1, 2: 0.05}
_FINE_SLACK: Final = 0.025
# "just under 96 per cent" is near 96, below it: no ceiling all the way down (a desk
# probe: 91 per cent corroborated it).
_JUST_BELOW: Final = frozenset({"just under", "just below", "slightly under", "slightly below",
                                "just short of", "a little under", "a little below"})
_JUST_ABOVE: Final = frozenset({"just over", "just above", "slightly over", "slightly above",
                                "a little over", "a little above", "just more than",
                                "slightly more than"})


def bounds(value: float, prec: float, mod: str, unit: str | None = None,
           sig: int = 1) -> tuple[float | None, float | None, str, bool]:
    """Low, high, bound kind and approximate flag for a value (in `unit`) and its modifier;
    `sig` is the written figure's significant digits (1 for a number in words)."""
    m = " ".join(mod.lower().split())
    if not m:
        return value - prec, value + prec, "exact", False
    # A hedge widens a figure by a tenth of it (less for a figure of more digits), a
    # percentage by two points at most: "about 78%" may be 76 or 80, not 71 ("about 5%"
    # keeps 4.5 to 5.5).
    share = abs(value) * _HEDGE_SLACK.get(sig, _FINE_SLACK)
    slack = max(prec, min(share, 2.0) if unit == "%" else share)
    if m in _JUST_BELOW:
        return value - slack, value, "exact", True
    if m in _JUST_ABOVE:
        return value, value + slack, "exact", True
    if qw.LOWER_RE.fullmatch(m):
        return value, None, "lower", False
    if qw.UPPER_RE.fullmatch(m):
        return None, value, "upper", False
    if m in ("nearly", "almost", "close to"):
        return value - slack, value, "exact", True
    return value - slack, value + slack, "exact", True
