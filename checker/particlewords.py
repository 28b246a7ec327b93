"""A noun written as a verb and its particle joined by a hyphen ("play-offs", "lay-offs",
"take-over", "sell-off") is one word of a claim's frame, as "playoffs" is: not the verb
("Wales play Norway in Oslo" said nothing of "Wales have not yet qualified for the
play-offs", which shared "play" with it: desk probe Q4, an error-level polarity conflict)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.textutil import Token

# Particles that make a verb a noun after a hyphen; not "in" or "on" ("year-on-year",
# "editor-in-chief", "Stratford-on-Avon" are no such nouns).
_PARTICLES = frozenset({"off", "offs", "out", "outs", "up", "ups", "down", "downs", "over",
                        "overs", "back", "backs"})


def particle_nouns(text: str, toks: Sequence[Token], keys: Sequence[str]) -> dict[int, str]:
    """{index of the verb's token: the joined word, lower-case} for each verb-particle noun
    ("play-offs" -> "playoffs"); the particle's token is the next one. A compound going on
    after the particle ("follow-up-to-date") is left alone."""
    out: dict[int, str] = {}
    size = len(text)
    for i in range(len(toks) - 1):
        tok, nxt = toks[i], toks[i + 1]
        if keys[i + 1] in _PARTICLES and nxt.start == tok.end + 1 and text[tok.end] == "-" \
                and keys[i].isalpha() and (nxt.end >= size or text[nxt.end] != "-") \
                and (i == 0 or toks[i - 1].end != tok.start - 1 or text[tok.start - 1] != "-"):
            out[i] = keys[i] + keys[i + 1]
    return out
