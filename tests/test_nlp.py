"""checker.nlp: the stemmer in use is the Snowball English algorithm, word for word."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st
from snowballstemmer.english_stemmer import EnglishStemmer

from checker import nlp
from tests.conftest import REPO

WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def _vocabulary() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    with (REPO / "benchmarks" / "data" / "fever_symmetric_dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            texts += [str(v) for v in row.values() if isinstance(v, str)]
    return sorted({w.lower() for text in texts for w in WORD_RE.findall(text)})


def test_stems_are_the_pure_python_snowball_stems() -> None:
    # PyStemmer (C) is used when installed; a version drift between it and snowballstemmer
    # would silently change frames, blocks and verdicts.
    reference = EnglishStemmer()
    words = _vocabulary() + ["running", "generously", "Chang’e".lower(), "naïve", "ﬁnance"]
    assert len(words) > 3000
    assert [nlp.stem(w) for w in words] == [reference.stemWord(w) for w in words]


def test_the_c_stemmer_is_in_use() -> None:
    # A dependency (pyproject.toml): without it extraction is markedly slower.
    assert type(nlp._STEMMER).__module__ == "Stemmer"


def test_synonyms_share_one_frame_stem() -> None:
    from checker.nlp import word_stem

    assert word_stem("passed") == word_stem("approved") == word_stem("approve")
    assert word_stem("positions") == word_stem("jobs")
    assert word_stem("sales") == word_stem("revenue")
    assert word_stem("deals") == word_stem("agreement") == word_stem("pact")
    # Not "contract" (the economy contracted) nor "accord" (in accordance with), which stem
    # with verbs and phrases; nor "signed" and "agreed", two steps with two dates.
    assert word_stem("contracted") != word_stem("deal") != word_stem("accordance")
    assert word_stem("signed") != word_stem("agreed")
    assert word_stem("fell") == word_stem("declined") != word_stem("rose")
    assert word_stem("budget") == "budget"  # outside every group: its stem


def test_british_and_american_spellings_share_one_frame_stem() -> None:
    from checker.nlp import american, word_stem

    for british, us in [("hospitalised", "hospitalized"), ("organisation", "organization"),
                        ("labour", "labor"), ("defence", "defense"), ("centres", "centers"),
                        ("programmes", "programs"), ("tonnes", "tons")]:
        assert word_stem(british) == word_stem(us), british
    # words that only end like -ise keep their spelling, in every inflection
    assert [american(w) for w in ("praise", "cruise", "raise", "exercise", "promised")] == \
        ["praise", "cruise", "raise", "exercise", "promised"]
    for word in ("promise", "exercise", "compromise", "surprise", "enterprise"):
        assert len({word_stem(w) for w in (word, word + "s", word + "d")}) == 1, word


@given(st.text(alphabet="aZ09_'-& .\u2019\u00e9", max_size=24))
def test_ascii_match_tokens_are_match_tokens(text: str) -> None:
    # ASCII text is tokenised by ASCII_MATCH_TOKEN_RE (Lexicon.tokens, match_tokens): the same
    # tokens as MATCH_TOKEN_RE finds there.
    ascii_text = text.encode("ascii", "ignore").decode()
    for t in (text, ascii_text):
        if t.isascii():
            assert [m.span() for m in nlp.ASCII_MATCH_TOKEN_RE.finditer(t)] == \
                [m.span() for m in nlp.MATCH_TOKEN_RE.finditer(t)]
            assert nlp.ASCII_TOKEN_SPLIT_RE.split(t) == nlp.TOKEN_SPLIT_RE.split(t)
        assert nlp.token_split_re(t).split(t) == nlp.TOKEN_SPLIT_RE.split(t)


def test_irregular_past_forms_share_their_verbs_stem() -> None:
    # "did not win any seats" denies "won four seats": one word in both frames.
    from checker.nlp import word_stem

    for past, base in [("won", "win"), ("held", "hold"), ("paid", "pay"), ("rose", "rise"),
                       ("fallen", "fall"), ("sold", "sell"), ("struck", "strike")]:
        assert word_stem(past) == word_stem(base), past
    # Forms that are often no verb keep their own stems.
    for word, verb in [("left", "leave"), ("found", "find"), ("fed", "feed")]:
        assert word_stem(word) != word_stem(verb), word
