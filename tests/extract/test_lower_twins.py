"""Lower-case twins (cues.lower_twin): in ASCII text, the pattern without IGNORECASE in the
lower-case text finds what the IGNORECASE pattern finds, at the same spans."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract.cues import lower_twin
from checker.extract.stance import (
    _CLAUSE_BREAK_RE,
    _NOT_NEGATING_RE,
    ATTRIBUTION_RES,
    FUTURE_RE,
    NEGATION_RE,
)
from checker.extract.worthiness import ADVICE_RE, SUPERSEDED_RE

_WORDS = """according to the ministry said says statement officials official data showed
    he she they told added citing quoting based on figures report an earlier version of
    this article was corrected please let's do not try click read follow one way to will
    would plans is expected next year Reuters China a it not never no longer n't denied
    was yet remains only without doubt cannot forecasts forecast estimates estimated suggests
    cautioned claimed claims central bank study opposition analysts economists office of
    growth lives more than as on monday in statement also has""".split()
_WORD = st.sampled_from(_WORDS).flatmap(
    lambda w: st.sampled_from([w, w.upper(), w.capitalize()]))
_TEXT = st.builds(lambda ws, seps: "".join(w + s for w, s in zip(ws, seps, strict=False)),
                  st.lists(_WORD, max_size=10),
                  st.lists(st.sampled_from([" ", ", ", ". ", '"', " - ", "  "]), min_size=10,
                           max_size=10))
_TWINNED = [p for p, _ in ATTRIBUTION_RES if lower_twin(p) is not None] + [
    FUTURE_RE, ADVICE_RE, SUPERSEDED_RE, NEGATION_RE, _NOT_NEGATING_RE, _CLAUSE_BREAK_RE]


@pytest.mark.parametrize("pattern", _TWINNED, ids=lambda p: p.pattern[:30])
@given(text=_TEXT)
def test_twin_finds_the_same_spans(pattern: re.Pattern[str], text: str) -> None:
    twin = lower_twin(pattern)
    assert twin is not None
    found = [(m.span(), {k: m.span(k) for k in m.groupdict()}) for m in pattern.finditer(text)]
    assert found == [(m.span(), {k: m.span(k) for k in m.groupdict()})
                     for m in twin.finditer(text.lower())]


def test_no_twin_for_case_sensitive_patterns() -> None:
    assert lower_twin(re.compile(r"[A-Z]\w+ said", re.I)) is None
    assert lower_twin(re.compile(r"(?-i:may)|might", re.I)) is None
    assert lower_twin(re.compile(r"said")) is None
    assert lower_twin(re.compile(r"(?P<source>\w+)\s+said\Z", re.I)) is not None
