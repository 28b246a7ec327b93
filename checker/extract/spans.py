"""A set of taken character spans with logarithmic overlap tests.

The extractors refuse a match that overlaps one already taken. Scanning the list of taken
spans for each match was quadratic in the matches of one sentence ("between 3 and " * 10_000
took 45 s); this keeps the spans merged and sorted and answers by bisection instead.

"Overlaps" keeps the exact meaning of the scan it replaces, `a < e and s < b` for some taken
(s, e), including the corner cases of empty spans, so results do not change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

_NO_SPANS: Final[tuple[tuple[int, int], ...]] = ()


class SpanSet:
    """Taken spans: `overlaps(a, b)` is `any(a < e and s < b for s, e in spans added)`.

    Non-empty spans are stored as disjoint intervals: two that share an inner point are merged
    (the union of two overlapping open intervals is one open interval, so the answers stay the
    same), spans that only touch are kept apart (merging "1-3" and "3-5" would make the empty
    query at 3 overlap). Sorted by start, disjoint intervals also have sorted ends.
    Empty spans (s == e) only overlap a query strictly around them: they are kept as points.
    """

    __slots__ = ("_starts", "_ends", "_points", "_reversed")

    def __init__(self, spans: Iterable[tuple[int, int]] = _NO_SPANS) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        # Empty spans are rare and reversed ones never seen: their lists are made when one
        # is added (each clause's readers make a set; four lists each cost as much as the
        # set's own work).
        self._points: list[int] | None = None
        self._reversed: list[tuple[int, int]] | None = None
        if spans is not _NO_SPANS:
            for s, e in spans:
                self.add(s, e)

    def overlaps(self, a: int, b: int) -> bool:
        """Whether some taken (s, e) has a < e and s < b; queries have a <= b (match spans).

        (A reversed query would ask for a span strictly around (b, a), which merging loses.)
        """
        ends = self._ends
        # The first interval ending after a is the only candidate: later ones start later.
        i = _right(ends, a, 0)
        if i < len(ends) and self._starts[i] < b:
            return True
        points = self._points
        if points is not None and a < b:
            j = _right(points, a, 0)
            if j < len(points) and points[j] < b:
                return True
        # Reversed spans are never seen in practice: no generator for an empty list.
        return self._reversed is not None and any(a < e and s < b for s, e in self._reversed)

    def add(self, s: int, e: int) -> None:
        """Take (s, e)."""
        if s >= e:
            if s == e:
                if self._points is None:
                    self._points = []
                self._points.insert(_right(self._points, s, 0), s)  # bisect.insort
            else:
                if self._reversed is None:
                    self._reversed = []
                self._reversed.append((s, e))
            return
        starts, ends = self._starts, self._ends
        # Intervals j..k-1 share an inner point with (s, e): end after s, start before e.
        j = _right(ends, s, 0)
        k = _left(starts, e, j)
        if j == k:  # none: (s, e) goes between them (most spans)
            starts.insert(j, s)
            ends.insert(j, e)
            return
        # They and (s, e) become one interval, in place of j..k-1.
        starts[j] = min(s, starts[j])
        ends[j] = max(e, ends[k - 1])
        del starts[j + 1:k]
        del ends[j + 1:k]


# bisect's functions, compiled: a call of bisect's is a generic one of a builtin looked up by
# name, and the lists bisected here usually hold a span or two.
def _right(a: list[int], x: int, lo: int) -> int:
    """bisect.bisect_right(a, x, lo)."""
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _left(a: list[int], x: int, lo: int) -> int:
    """bisect.bisect_left(a, x, lo)."""
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def within(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of `spans` (a few, as a sentence's titles or
    units: a scan)."""
    for s, e in spans:  # noqa: SIM110 -- any() over a generator is resumed for each span
        if s <= start and end <= e:
            return True
    return False
