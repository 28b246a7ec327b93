"""One of a kind picked out by its place among its owner's: "The museum bought its most
recent Verhulst, a small river scene, in 2004" tells of one work, not of "the paintings"
the other claim's museum "acquired in 1978" (desk probe Q6: trap T3.3, an error-level date
conflict). Two claims that each pick one ("its first store" / "its first store") still
tell one fact and may conflict."""

from __future__ import annotations

from functools import lru_cache

from checker import rx

# An owner's word, the place, and what is placed: "its most recent Verhulst", "the
# museum's latest acquisition", "their first album". Not a time ("its first time", "its
# last quarter": a period's words, read by `standings` and the date readers).
_PICKED_RE = rx.compile(
    r"\b(?:its|their|his|her|[A-Za-z][\w-]*'s)[ \t]+"
    r"(?:most[ \t]+recent|latest|newest|first|last|earliest|oldest|previous)[ \t]+"
    r"(?!(?:time|times|day|week|month|quarter|half|year|season|meeting|decade)\b)[\w-]+")


@lru_cache(maxsize=1 << 14)
def _picks(text: str) -> bool:
    return _PICKED_RE.search(text) is not None


def picked_apart(a_text: str, b_text: str) -> bool:
    """Exactly one of the two claims picks one of a kind out by its place."""
    return _picks(a_text) != _picks(b_text)
