"""A set of taken character spans with logarithmic overlap tests.

The extractors refuse a match that overlaps one already taken. Scanning the list of taken
spans for each match was quadratic in the matches of one sentence ("between 3 and " * 10_000
took 45 s); this keeps the spans merged and sorted and answers by bisection instead.

"Overlaps" keeps the exact meaning of the scan it replaces, `a < e and s < b` for some taken
(s, e), including the corner cases of empty spans, so results do not change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable


class SpanSet:
    """Taken spans: `overlaps(a, b)` is `any(a < e and s < b for s, e in spans added)`.

    Non-empty spans are stored as disjoint intervals: two that share an inner point are merged
    (the union of two overlapping open intervals is one open interval, so the answers stay the
    same), spans that only touch are kept apart (merging "1-3" and "3-5" would make the empty
    query at 3 overlap). Sorted by start, disjoint intervals also have sorted ends.
    Empty spans (s == e) only overlap a query strictly around them: they are kept as points.
    """

    __slots__ = ("_starts", "_ends", "_points", "_reversed")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._points: list[int] = []
        self._reversed: list[tuple[int, int]] = []  # s > e: never seen, kept for exactness
        for s, e in spans:
            self.add(s, e)

    def overlaps(self, a: int, b: int) -> bool:
        """Whether some taken (s, e) has a < e and s < b; queries have a <= b (match spans).

        (A reversed query would ask for a span strictly around (b, a), which merging loses.)
        """
        ends = self._ends
        # The first interval ending after a is the only candidate: later ones start later.
        i = bisect_right(ends, a)
        if i < len(ends) and self._starts[i] < b:
            return True
        points = self._points
        if points and a < b:
            j = bisect_right(points, a)
            if j < len(points) and points[j] < b:
                return True
        # Reversed spans are never seen in practice: no generator for an empty list.
        return bool(self._reversed) and any(a < e and s < b for s, e in self._reversed)

    def add(self, s: int, e: int) -> None:
        """Take (s, e)."""
        if s >= e:
            if s == e:
                insort(self._points, s)
            else:
                self._reversed.append((s, e))
            return
        starts, ends = self._starts, self._ends
        # Intervals j..k-1 share an inner point with (s, e): end after s, start before e.
        j = bisect_right(ends, s)
        k = bisect_left(starts, e, j)
        if j < k:
            s = min(s, starts[j])
            e = max(e, ends[k - 1])
        starts[j:k] = [s]
        ends[j:k] = [e]


def within(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of `spans` (a few, as a sentence's titles or
    units: a scan)."""
    for s, e in spans:  # noqa: SIM110 -- any() over a generator is resumed for each span
        if s <= start and end <= e:
            return True
    return False
