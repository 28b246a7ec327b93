"""Hypothesis strategies: hostile bytes and text, mutations of real files, random claims."""

from __future__ import annotations

from hypothesis import strategies as st

from checker.models.claims import (
    Attribution,
    Claim,
    ClaimFile,
    DateSlot,
    DocumentRef,
    EntitySlot,
    QuantitySlot,
    Triple,
)

# Characters that break naive parsers: YAML indicators, quotes, separators, controls,
# BOM, surrogates' neighbours, RTL marks, line and paragraph separators, non-BMP.
NASTY = ":-[]{}#&*!|>'\"%@`,?\t\r\n\x00\x0b\x0c\x1b\x7f\x85\u00a0\u2028\u2029\ufeff" \
        "\u200b\u202e\ufffd\U0001f600\u2019\u201c$%.0123456789"

nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8")), max_size=200)


@st.composite
def mutated(draw: st.DrawFn, source: str, max_edits: int = 4) -> str:
    """A real file with a few random edits: deletions, insertions, duplications, swaps."""
    text = source
    for _ in range(draw(st.integers(1, max_edits))):
        if not text:
            text = draw(nasty_text)
            continue
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "replace", "swap-lines"]))
        i = draw(st.integers(0, len(text) - 1))
        j = draw(st.integers(i, min(len(text), i + 40)))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(nasty_text) + text[i:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.sampled_from(NASTY)) + text[i + 1:]
        else:
            lines = text.splitlines(keepends=True)
            a = draw(st.integers(0, len(lines) - 1))
            b = draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "".join(lines)
    return text


@st.composite
def mutated_bytes(draw: st.DrawFn, source: bytes, max_edits: int = 3) -> bytes:
    """Raw bytes with random byte-level edits (invalid UTF-8, NULs, BOMs, CR)."""
    data = bytearray(source)
    for _ in range(draw(st.integers(1, max_edits))):
        piece = draw(st.one_of(
            st.binary(max_size=8),
            st.sampled_from([b"\xef\xbb\xbf", b"\r\n", b"\r", b"\xff\xfe", b"\xc3", b"\x00"])))
        i = draw(st.integers(0, len(data)))
        if draw(st.booleans()) and data:
            del data[i:i + len(piece)]
        data[i:i] = piece
    return bytes(data)


# Safe printable words for claim texts: renders must be loadable, so any str goes, but
# realistic words make the slots plausible too.
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                min_size=1, max_size=40)
span = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(lambda t: tuple(sorted(t)))
iso_day = st.dates().map(lambda d: d.isoformat())
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
rule_ids = st.from_regex(r"\A(\*|[a-z0-9][a-z0-9._-]{0,20})\Z")

suppressions = st.builds(dict, rule=rule_ids, reason=words.filter(lambda s: len(s) >= 3))
entities = st.builds(EntitySlot, text=words, id=st.none() | words, span=span)
# Value, low and high as a claim file may hold them: any may be missing, and a value lies
# in [low, high] (QuantitySlot refuses one outside).
_figures = st.tuples(finite, finite, finite).map(sorted).flatmap(lambda f: st.tuples(
    st.none() | st.just(f[1]), st.none() | st.just(f[0]), st.none() | st.just(f[2])))
quantities = _figures.flatmap(lambda vlh: st.builds(
    QuantitySlot, text=words, span=span,
    kind=st.sampled_from(["count", "money", "percent", "points", "measure", "ratio", "rank",
                          "time"]),
    value=st.just(vlh[0]), low=st.just(vlh[1]), high=st.just(vlh[2]),
    unit=st.none() | words, noun=st.none() | words, approximate=st.booleans(),
    bound=st.sampled_from(["exact", "lower", "upper", "range"])))
# Start and end as a claim file may hold them: either may be missing, never backwards.
_interval = st.tuples(st.none() | iso_day, st.none() | iso_day).map(
    lambda t: tuple(sorted(t)) if None not in t else t)
dates = _interval.flatmap(lambda se: st.builds(
    DateSlot, text=words, span=span, start=st.just(se[0]), end=st.just(se[1]),
    granularity=st.sampled_from(["day", "week", "month", "quarter", "year", "fiscal-year",
                                 "decade", "period"]),
    relative=st.booleans(), resolved=st.booleans(),
    open=st.sampled_from([None, "start", "end"])))
claims = st.builds(
    Claim,
    id=st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,30}\Z"),
    text=words, span=span, line=st.integers(1, 10**6),
    quote=st.none() | span, score=st.floats(0, 1),
    features=st.lists(words, max_size=3), entities=st.lists(entities, max_size=2),
    quantities=st.lists(quantities, max_size=2), dates=st.lists(dates, max_size=2),
    polarity=st.sampled_from(["positive", "negative"]),
    modality=st.sampled_from(["asserted", "planned", "reported", "hedged"]),
    attribution=st.none() | st.builds(Attribution, text=words, source=words, span=span),
    triple=st.none() | st.builds(Triple, subject=words, predicate=words, object=words),
    correction=st.booleans(), suppress=st.lists(suppressions, max_size=2),
    note=st.none() | words)
claim_files = st.builds(
    ClaimFile,
    document=st.builds(DocumentRef, id=words.filter(lambda s: len(s) <= 200),
                       path=words, sha256=st.from_regex(r"\A[0-9a-f]{64}\Z"),
                       published=st.none() | st.dates().map(lambda d: d.isoformat()[:7]),
                       title=st.none() | words),
    suppress=st.lists(suppressions, max_size=2),
    claims=st.lists(claims, max_size=3))
