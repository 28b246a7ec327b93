"""Flat per-claim arrays carried from one run to the next: each claim's slice, found
through an array of offsets, copied a run of consecutive claims at a time."""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from typing import Any


def spliced(where: array[int], at: array[int], flats: tuple[array[Any], ...],
             made: Mapping[int, tuple[Sequence[Any], ...]]
             ) -> tuple[Any, ...]:
    """Flat per-claim arrays for this run's claims: the last run's slices (copied a run of
    consecutive claims at a time) except the claims `made` gives; then the offsets."""
    out = tuple(array(f.typecode) for f in flats)
    out_at = array("q", [0])
    i, count = 0, len(where)
    while i < count:
        a = where[i]
        if a < 0 or i in made:
            parts = made[i]
            for o, part in zip(out, parts, strict=True):
                o.extend(part)
            out_at.append(len(out[0]))
            i += 1
            continue
        end = i + 1
        while end < count and where[end] == a + end - i and end not in made:
            end += 1
        last = a + end - i
        shift = len(out[0]) - at[a]
        for o, f in zip(out, flats, strict=True):
            o.extend(f[at[a]:at[last]])
        out_at.extend([x + shift for x in at[a + 1:last + 1]])
        i = end
    return (*out, out_at)
