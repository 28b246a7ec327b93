"""Source independence: copies and syndicated texts do not count as confirmation.

Two claims are copies when their texts are near-identical; two documents share an origin
when their metadata says so (`origin`) or when they share several copied claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from checker import rx
from checker.compare.memo import content_key
from checker.textutil import fold

if TYPE_CHECKING:  # checker.compare defines it and imports this module
    from checker.compare import PairResult

COPY_RATIO = 92.0
# Fewer words than this, and a sentence is a copy only word for word (`is_copy`).
SHORT_WORDS = 12
SYNDICATION_MIN_COPIES = 3


def copy_form(text: str) -> str:
    """The text as copies are compared: folded, lower case, single spaces."""
    return " ".join(fold(text).lower().split())


_DIGITS_RE = rx.compile(r"\d+")
_THOUSANDS_RE = rx.compile(r"(?<=\d)[,.\s](?=\d{3}(?!\d))")


def figures(form: str) -> list[str]:
    """The figures of a copy form, thousands separators ignored ("1,200" is "1200")."""
    return _DIGITS_RE.findall(_THOUSANDS_RE.sub("", form))


def is_copy(a: str, b: str) -> bool:
    """Near-identical wording (punctuation, quotes and case ignored) with the same figures:
    two reports in one news formula ("killed 12 people" / "killed 13 people") are two. A
    short sentence is a copy only word for word: one word in six is 92 % alike, and "took
    98 seats" / "won 98 seats" from two outlets are two reports (a desk probe)."""
    fa, fb = _form(a), _form(b)
    if _short(fa) or _short(fb):
        return _words(fa) == _words(fb)
    # The ratio first: in C, and most pairs are no copies.
    return fuzz.ratio(fa, fb) >= COPY_RATIO and figures(fa) == figures(fb)


# A claim is in a kept pair with each of its candidates, one after another (pairs come
# claim by claim): its copy form and words are remembered for the next pairs.
@lru_cache(maxsize=1 << 13)
def _form(text: str) -> str:
    """`copy_form`, remembered."""
    return copy_form(text)


_WORD_RE = rx.compile(r"\w+")


@lru_cache(maxsize=1 << 13)
def _words(form: str) -> tuple[str, ...]:
    """The words of a copy form, thousands separators ignored (punctuation is no wording)."""
    return tuple(_WORD_RE.findall(_THOUSANDS_RE.sub("", form)))


def _short(form: str) -> bool:
    """A copy form of fewer than SHORT_WORDS words (a copy only word for word)."""
    return form.count(" ") < SHORT_WORDS - 1


class UnionFind:
    """Disjoint sets over string keys; deterministic representatives (smallest key)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        """Representative of x's set."""
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        """Merge the sets of a and b."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def declared_origins(docs: Iterable[tuple[str, str | None, str | None]]
                     ) -> dict[str, str | None]:
    """Each document's declared origin, from (id, publisher, origin): a page that declares
    none has the origin others name it by, its id, or its publisher when it is the
    publisher's only page ("origin: Daily Times" on copies, "publisher: Daily Times" on the
    original), so the original counts with its copies (a review: four pages, two copies of
    one original, were three origins). A publisher of several pages names none of them:
    which one was copied is not said."""
    rows = list(docs)
    named = {_origin_key(origin) for _, _, origin in rows if origin}
    if not named:
        return {doc: None for doc, _, _ in rows}
    pages = Counter(_origin_key(p) for _, p, origin in rows if p and not origin)
    out: dict[str, str | None] = {}
    for doc, publisher, origin in rows:
        if not origin:
            if _origin_key(doc) in named:
                origin = doc
            elif publisher and pages[_origin_key(publisher)] == 1 \
                    and _origin_key(publisher) in named:
                origin = publisher
        out[doc] = origin
    return out


def _origin_key(origin: str) -> str:
    """An origin as origins are compared: case and spacing aside (`origins_of`)."""
    return " ".join(origin.lower().split())


def document_origins(declared: Mapping[str, str | None],
                     copied_pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Origin of each document: declared `origin`, or shared with documents it copies."""
    return origins_of(declared, copy_counts(copied_pairs))


def copy_counts(copied_pairs: Iterable[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """How many copied statements each pair of documents (in order) shares."""
    return Counter((a, b) if a < b else (b, a) for a, b in copied_pairs if a != b)


def origins_of(declared: Mapping[str, str | None],
               counts: Mapping[tuple[str, str], int]) -> dict[str, str]:
    """`document_origins`, given the copies counted (`copy_counts`)."""
    # A set's representative is its smallest document (`UnionFind.union`), whatever the order
    # of the unions: documents are taken as they come, and only those a union touched are
    # looked up (most documents declare no origin and copy nothing: their own origin).
    uf = UnionFind()
    by_origin: dict[str, str] = {}
    for doc, origin in declared.items():
        if origin:
            first = by_origin.setdefault(_origin_key(origin), doc)
            if first != doc:
                uf.union(doc, first)
    for (a, b), n in counts.items():
        if n >= SYNDICATION_MIN_COPIES:
            uf.union(a, b)
    joined = uf.parent
    return {doc: uf.find(doc) if doc in joined else doc for doc in declared}


def count_origins(members: Iterable[tuple[str, str]], origins: Mapping[str, str],
                  forms: dict[str, str] | None = None) -> int:
    """Independent origins among (document, text) members: same origin or copied text = one.

    Documents are joined through the texts they hold: one wording in several documents
    joins them all, and two wordings that are copies (`is_copy`) join their holders. A
    statement repeated in thousands of documents is thus one pass, not every pair of
    members; only distinct wordings are compared with each other, in C. `forms` keeps the
    copy forms of texts across calls (a reduce counts the origins of thousands of groups).
    """
    known = {} if forms is None else forms
    holders: dict[str, list[str]] = {}
    for doc, text in members:
        form = known.get(text)
        if form is None:
            form = known[text] = copy_form(text)
        holders.setdefault(form, []).append(origins.get(doc, doc))
    if len(holders) == 1:
        return 1  # one wording joins all its holders (most groups: copies of one sentence)
    # The count is that of the sets the joins make, whatever order they come in (the ratio
    # and the figures compare both ways alike): members are not sorted.
    uf = UnionFind()
    for group in holders.values():
        for origin in group:
            uf.union(group[0], origin)
    forms_held = list(holders)
    for i, form in enumerate(forms_held[:-1]):
        later = forms_held[i + 1:]
        if _short(form):  # as `is_copy`: a short wording is copied word for word
            words = _words(form)
            close = [j for j, f in enumerate(later) if _short(f) and _words(f) == words]
        else:
            close = [j for j in _close(form, later) if not _short(later[j])]
        # The figures only of a wording with close ones (892 of 11,619 at 10,000 documents):
        # two regular expressions over the text, 13% of the reduce when made for all.
        own = figures(form) if close else []
        for j in close:
            if figures(later[j]) == own:  # as `is_copy`
                uf.union(holders[form][0], holders[later[j]][0])
    return len({uf.find(o) for group in holders.values() for o in group})


def _close(form: str, later: list[str]) -> list[int]:
    """The indices of the later wordings within COPY_RATIO of `form`, as process.extract
    finds them; against one wording (half the groups have two) the ratio alone, a third of
    what extract costs for a list of one."""
    if len(later) == 1:
        return [0] if fuzz.ratio(form, later[0], score_cutoff=COPY_RATIO) >= COPY_RATIO else []
    return [j for _, _, j in process.extract(form, later, scorer=fuzz.ratio,
                                             score_cutoff=COPY_RATIO, limit=None)]


def one_per_origin(conflicts: Sequence[PairResult], origins: Mapping[str, str]
                   ) -> list[PairResult]:
    """Conflicts between the same two statements from the same two origins, once: a
    syndicated copy repeating a wrong figure is one disagreement, not one per outlet that
    printed it. The first in order stands for the others and lists their claims.

    A copy need not be word for word: another document of the same origin disputing the
    same statement with the same value ("Aug 12 (PTI) ... Rs 800 crore" and "Rs 800 crore"
    printed without the dateline) is the same disagreement too."""
    kept: dict[tuple[object, ...], int] = {}
    out: list[PairResult] = []
    for r in conflicts:
        # Each claim's (origin, content key) made once for both keys (a deep tuple, 6,000
        # of them at 10,000 documents).
        of_a = (origins.get(r.a.doc, r.a.doc), content_key(r.a))
        of_b = (origins.get(r.b.doc, r.b.doc), content_key(r.b))
        key = (r.a.doc == r.b.doc, r.verdict.reason, *_sides(of_a, of_b))
        loose = _loose_keys(r, of_a, of_b)
        at = kept.get(key)
        if at is None:
            at = next((kept[k] for k, doc in loose if k in kept
                       and doc not in (out[kept[k]].a.doc, out[kept[k]].b.doc)), None)
        if at is None:
            kept[key] = len(out)
            for k, _ in loose:
                kept.setdefault(k, len(out))
            out.append(r)
            continue
        first = out[at]
        # The copy is the side whose document the standing conflict does not have; it
        # repeats the standing side of its origin.
        side_a = origins.get(first.a.doc, first.a.doc)
        extra = tuple((c.key, 0 if origins.get(c.doc, c.doc) == side_a else 1)
                      for c in (r.a, r.b) if c.doc not in (first.a.doc, first.b.doc))
        out[at] = replace(first, copies=first.copies + extra)
    return out


# A conflict's details that give each side's disputed value, as [a's, b's] pairs or one
# [a's, b's] pair.
_PAIRED = ("quantities", "dates")


def _loose_keys(r: PairResult, side_a: Side, side_b: Side
                ) -> list[tuple[tuple[object, ...], str]]:
    """For each side: a key of the other side's statement with this side's origin and
    disputed value, and this side's document (a copy must come from another one);
    `side_a` and `side_b` are the (origin, content key) of `r.a` and `r.b`."""
    details = r.verdict.details
    found = next((k for k in _PAIRED if details.get(k)), None)
    if found is not None:
        pairs = details[found]
        values = (tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))
    elif r.verdict.reason == "polarity" and details.get("polarity"):
        values = (details["polarity"][0],), (details["polarity"][1],)
    else:
        return []
    same_doc = r.a.doc == r.b.doc
    origin_a, origin_b = side_a[0], side_b[0]
    # Keys name the fixed statement first, so either order of a pair finds them.
    return [((same_doc, r.verdict.reason, "loose", side_a, origin_b, values[1]), r.b.doc),
            ((same_doc, r.verdict.reason, "loose", side_b, origin_a, values[0]), r.a.doc)]


Side = tuple[str, Hashable]  # (origin, content key) of a conflict's claim


def _sides(sa: Side, sb: Side) -> tuple[Side, Side]:
    """The (origin, content key) of both claims, in the order of their reprs.

    repr((origin, key)) is "(" + repr(origin) + ", " + repr(key) + ")": where the origins'
    reprs differ before the shorter ends, they decide, and the content keys' reprs (500
    characters each, written in Python) are never made. Claims of one origin (or of origins
    whose reprs begin alike, one the other's prefix) are ordered by their whole reprs."""
    ra, rb = repr(sa[0]), repr(sb[0])
    if ra.startswith(rb) or rb.startswith(ra):
        ra, rb = repr(sa), repr(sb)
    return (sb, sa) if rb < ra else (sa, sb)
