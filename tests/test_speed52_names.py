"""Names and triples read with less work give what the code they replaced gave: each test
holds the replaced code as it was and compares on the cases that matter."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from checker import propernames
from checker.propernames import lower_word_count, mid_sentence_names

# The lower-case words mid_sentence_names counted, as it found them.
_LOWER_WORD_PLAIN = r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*"


def _old_mid_sentence_names(text: str) -> frozenset[str]:
    """mid_sentence_names as it was before each name's lower-case twin was counted alone."""
    found = Counter(propernames._MID_NAME_RE.findall(text))
    for word in propernames._STAMPED_WORD_RE.findall(text) if ":" in text else ():
        if found.get(word, 0) > 1:
            found[word] -= 1
        else:
            found.pop(word, None)
    if not found:
        return frozenset()
    for word in found:
        if word.lower() in text:
            break
    else:
        return frozenset(found)
    lower = Counter(re.findall(_LOWER_WORD_PLAIN, text))
    return frozenset(w for w, n in found.items() if lower.get(w.lower(), 0) < n)


# Words around a name and its twin: marks that join a word ("_", "'", "\u2019", "-"),
# digits, letters outside ASCII, a dotted "I" whose lower case is two characters, and
# stamps of a live blog.
_WORDS = ["Lin", "lin", "lin's", "lin\u2019s", "_lin", "lin_", "-lin", "lin-", "2lin",
          "lin2", "xlin", "linx", "Wu-Lin", "wu-lin", "Will", "will", "WILL", "wills",
          "\u00e9lin", "lin\u00e9", "Ngo\u00e9", "ngo\u00e9", "\u0130stanbul", "i\u0307stanbul",
          "istanbul", "the", "said", "of", "and", ",", ";", ".", "(", ")", "\"", "'", "10:42",
          "\n", "\n10:42", "a", "B", "b", "x9", "Lin_Lin", "lin_lin", "linlin"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join))
def test_mid_sentence_names_as_before(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


@given(st.lists(st.sampled_from(_WORDS), max_size=40).map("".join))
def test_mid_sentence_names_as_before_glued(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


@given(st.text(alphabet="Lin lin,;.'-_\u2019\n:10\u00e9\u0130", max_size=80))
def test_mid_sentence_names_as_before_any_text(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


@given(st.text(alphabet="lin l,;.'-_\u2019\n2\u00e9x", max_size=60),
       st.sampled_from(["lin", "l", "li", "lin-lin", "lin'l", "l2"]), st.integers(1, 4))
def test_lower_word_count_as_findall(text: str, low: str, most: int) -> None:
    assert lower_word_count(text, low, most) == min(
        most, Counter(re.findall(_LOWER_WORD_PLAIN, text))[low])


def test_mid_sentence_names_cases() -> None:
    text = "He met Lin and Will, then Lin. lin said, and will: x-lin lin_x, Wu-Lin wu-lin's."
    assert mid_sentence_names(text) == _old_mid_sentence_names(text) == frozenset(
        {"Lin", "Wu-Lin"})
