"""Readers rewritten to do less work give what the code they replaced gave: each test holds
the replaced code as it was, and compares on generated texts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checker import propernames
from checker.extract import attribution, clean, extract_document
from checker.extract import clean_words as cw
from checker.extract.clean_lines import is_front_or_back_matter
from checker.ingest import read_document
from checker.models.claims import ClaimFile
from checker.propernames import mid_sentence_names
from checker.rules import RuleSet

REPO = Path(__file__).resolve().parents[2]

# Words of a page: capitals after lower-case words, the same words in lower case, a live
# blog's stamps, apostrophes and accents.
_PAGE_WORDS = ["Lin", "lin", "Will", "will", "Turnout", "turnout", "Operating", "the",
               "said", "10:42", "\n", "\n10:42", ",", ";", ".", "'s", "\u2019s", "Ngo\u00e9",
               "ngo\u00e9", "Wu-Lin", "wu-lin", "a", "B", "b", "x9"]


def _old_mid_sentence_names(text: str) -> frozenset[str]:
    """mid_sentence_names as it was before its words were counted by Counter."""
    found: dict[str, int] = {}
    for word in propernames._MID_NAME_RE.findall(text):
        found[word] = found.get(word, 0) + 1
    for word in propernames._STAMPED_WORD_RE.findall(text) if ":" in text else ():
        if found.get(word, 0) > 1:
            found[word] -= 1
        else:
            found.pop(word, None)
    if not found:
        return frozenset()
    wanted = {low: w for w in found if (low := w.lower()) in text}
    if not wanted:
        return frozenset(found)
    lower: dict[str, int] = {}
    for word in propernames._LOWER_WORD_RE.findall(text):
        if word in wanted:
            lower[word] = lower.get(word, 0) + 1
    return frozenset(w for w, n in found.items() if lower.get(w.lower(), 0) < n)


@given(st.lists(st.sampled_from(_PAGE_WORDS), max_size=30).map(" ".join))
def test_mid_sentence_names_as_before(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


@given(st.text(alphabet="LinWl ,;.'\n:10\u00e9", max_size=60))
def test_mid_sentence_names_as_before_any_text(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


_LINES = ["10:42 Lin said so.", "10:42 Will said.", "with Lin and Will.", "as lin did",
          "then Turnout fell", "the turnout fell", " 9:05\tLin spoke", "of Will, Lin."]


@given(st.lists(st.sampled_from(_LINES), max_size=8).map("\n".join))
def test_mid_sentence_names_of_stamped_lines_as_before(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


def test_claim_file_as_validated(ruleset: RuleSet) -> None:
    """claim_file_of builds the file around the claims unvalidated: the same model a
    validated ClaimFile(document=..., extractor=..., claims=...) is, dump for dump."""
    for path in sorted((REPO / "seeds").glob("*.txt"))[:20]:
        doc = read_document(path, path.name)
        built = extract_document(doc, ruleset.lexicon, 0.2)
        validated = ClaimFile(document=built.document, extractor=built.extractor,
                              claims=list(built.claims))
        assert built == validated
        assert built.model_dump_json() == validated.model_dump_json()
        assert built.model_fields_set == validated.model_fields_set
        assert list(vars(built)) == list(vars(validated))
        assert built.claims is not validated.claims


@given(st.text(alphabet="ab1_.\n \u00e9", max_size=12))
def test_unstopped_as_before(source: str) -> None:
    """_unstopped skips the substitution where the source does not end in "."."""
    assert attribution._unstopped(source) == attribution._FULL_STOP_RE.sub("", source)


# clean.caption_end tests the line's end before searching _CAPTION_END_RE: the labels of
# titles, a sentence's source after its full stop, and whitespace of every kind after ")".
_CAPTIONS = ["Timeline (all times UTC, Monday 16 March)", "Bahrain Grand Prix (57 laps)  ",
             "by 41 seconds. (Reuters)", "Results (final)\n", "Results (final)\n\n",
             "Results (final)\u00a0", "Results (final)\u2028", "Results (final)\u3000",
             "Results (final) x", "(Reuters)", " (a)", "said 'so' (AP)", "so.\u201d (AP)",
             "a (b) (c)", "a (b.)", "a ()", "a (" + "b" * 41 + ")", "a (b)\t\r\x1c"]


@given(st.one_of(st.sampled_from(_CAPTIONS),
                 st.text(alphabet="ab .!'\u2019()\n\t\u00a0\u2028\x1c", max_size=14)))
def test_caption_end_as_searched(body: str) -> None:
    assert clean.caption_end(body) == (clean._CAPTION_END_RE.search(body) is not None)


def _old_front_or_back_matter(body: str) -> bool:
    """is_front_or_back_matter as it was before its two reference patterns were swapped."""
    if cw.REFERENCE_RE.search(body) and cw.REFERENCE_AUTHORS_RE.match(body):
        return True
    if body.rstrip().endswith((".", "!", "?")) or ":" in body or (
            "," not in body and ";" not in body):
        return False
    return cw.AFFILIATION_RE.match(body) is not None \
        or len(cw.AUTHOR_DEGREE_RE.findall(body)) >= 2 \
        or len(cw.AUTHOR_MARK_RE.findall(body)) >= 2


_REFERENCES = ["Smith J, Jones AB. Title of it. Lancet 2019;393(10):e1234",
               "[12] Smith J. A study. doi:10.1038/x", "1. Wu-Lin AB, Lee C. BMJ 2020; 5: 7",
               "Smith J. doi.org/10.1/x", "The study, published in Nature (doi:10.1038/n)",
               "Lee C, Wu D (2021) 2021a; 3 (4): 55", "John Smith, MD, PhD, Ann Lee, MD",
               "Smith J, Jones AB. A title, in part", "Kane H, of Leeds; 2019; 3: 4",
               "The Lancet 2019;393:e12, Smith J"]


@given(st.one_of(st.sampled_from(_REFERENCES),
                 st.lists(st.sampled_from(["Smith", "J.", "AB,", "2019;", "3(4):", "e12",
                                           "doi:10.1", "[1]", "the", ",", ";", "."]),
                          max_size=8).map(" ".join)))
def test_front_or_back_matter_as_before(body: str) -> None:
    assert is_front_or_back_matter(body) == _old_front_or_back_matter(body)
