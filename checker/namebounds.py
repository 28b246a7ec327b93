"""Where a name ends. checker.namechunks reads a run of capitalised words and connectors
as one chunk; this says where that chunk holds two names joined by "and" ("the towns of
Kitwe and Ndola", not "Trinidad and Tobago" or "Ministry of Science and Technology"), and
where a dash dateline ends ("LUSAKA - A cholera case").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from checker import rx

# A dash dateline opening a sentence: "LUSAKA - ", "KITWE, Zambia (Reuters) \u2014 ". The
# word after it starts the sentence proper (a name only if the page names it elsewhere).
_DASH_DATELINE_RE: Final = rx.compile(
    r"[\W_]{0,3}[A-Z][\w'\u2019.]*(?:[ \t]+[A-Z][\w'\u2019.]*){0,3}"
    r"(?:,[ \t]+[A-Z][\w'\u2019.]*(?:[ \t]+[A-Z][\w'\u2019.]*){0,2})?"
    r"(?:[ \t]*\([^()\n]{2,40}\))?[ \t]+[-\u2013\u2014]+[ \t]+")


def after_dash_dateline(text: str, start: int, pos: int) -> bool:
    """Whether text[start:pos], the sentence before pos, is a dash dateline and nothing else."""
    # The pattern ends in blanks after a dash: text before pos that does not is no dateline,
    # and the pattern (15 K instructions a fullmatch) is not tried.
    end = at = min(pos, len(text))  # (as the pattern reads it)
    while at > start and text[at - 1] in " \t":
        at -= 1
    if at == end or at <= start or text[at - 1] not in "-\u2013\u2014":
        return False
    return _DASH_DATELINE_RE.fullmatch(text, start, pos) is not None


# Names of one word, "and" and one word: one name, not two, of places, companies and a party
# (a name the lexicon knows, such as "Bosnia and Herzegovina", is matched before the chunks
# are read and never comes here).
AND_NAMES: Final = frozenset(
    f"{a} and {b}" for a, b in (pair.split("-") for pair in """
    trinidad-tobago antigua-barbuda bosnia-herzegovina turks-caicos wallis-futuna
    marks-spencer procter-gamble johnson-johnson ernst-young barnes-noble simon-schuster
    heard-mcdonald ashmore-cartier
    mayors-independents
    """.split()))


def _pairs_joined(words: Sequence[str], parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts with each two whose words around their "and" make a name of AND_NAMES
    ("Trinidad", "Tobago"; "Shares of Marks", "Spencer") as one."""
    out: list[tuple[int, int]] = []
    for lo, hi in parts:
        if out and f"{words[out[-1][1] - 1]} and {words[lo]}".lower() in AND_NAMES:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def coordinated_parts(
    words: Sequence[str], skip: Callable[[str], bool],
    known: Callable[[str], bool] = lambda _: False, listed: bool = False,
) -> list[tuple[int, int]]:
    """The (start, end) word ranges of the names a chunk's words hold: one range for the
    whole chunk, or one per name when it is names joined by "and".

    In a list (`listed`), two names of capitalised words only are two (`_plain_names`).
    Otherwise split only when every part has one capitalised word ("Kitwe", "Chang-e 8") or is a
    name `known` knows or one of AND_NAMES, and the whole is no known name; a part may
    open with ordinary words `skip` says are no name ("In Kitwe and Ndola"). A part with
    more capitalised words keeps the chunk whole: "Ministry of Science and Technology" and
    "Space and Upper Atmosphere Research Commission" are one name, not a name and another.
    """
    whole = [(0, len(words))]
    cuts = [k for k, w in enumerate(words) if w == "and"]
    if not cuts or cuts[0] == 0 or cuts[-1] == len(words) - 1 or known(" ".join(words)):
        return whole
    # "and the" starts another name: "the Bank of England and the European Central Bank" (no
    # name holds "and the"; desk probe K's "Bank of England" made one of the two).
    the_cuts = [k for k in cuts if words[k + 1] == "the"]
    if the_cuts:
        edges = [-1, *the_cuts, len(words)]
        return [(edges[n] + 1, edges[n + 1]) for n in range(len(edges) - 1)]
    body_end = _body_ended(words, cuts)
    if body_end is not None:
        # "the Competition and Markets Authority and Brussels" (desk probe R: one name,
        # which took the place of the CMA on the other page): a body's name ends at its
        # head word, and the "and" after it joins another name.
        return [(0, body_end), (body_end + 1, len(words))]
    bounds = [-1, *cuts, len(words)]
    parts = _pairs_joined(words, [(bounds[n] + 1, bounds[n + 1])
                                  for n in range(len(bounds) - 1)])
    if len(parts) == 1:
        return whole  # "Trinidad and Tobago"
    if _acronym_first(words, parts, skip):
        return parts  # "the RMT and Network Rail": a union and a company
    if listed and _plain_names(words, parts):
        return parts  # "Andalusia, Extremadura, Castilla-La Mancha and Madrid"
    if _place_after_one_word(words, parts, skip):
        return parts  # "Apapa and Tin Can Island": two ports
    if _two_word_names(words, parts, skip):
        return parts  # "Virat Kohli and Shreyas Iyer"
    for lo, hi in parts:
        while lo < hi - 1 and skip(words[lo]):
            lo += 1  # "In Kitwe": the ordinary word is dropped later (is_name_chunk)
        name = words[lo:hi]
        # An empty part: two "and"s in a row ("Lin and and Xu") split nothing cleanly.
        if not name or not name[0][:1].isupper():
            return whole
        capitals = sum(1 for w in name if w[:1].isupper())
        if capitals > 1 and not known(" ".join(name)) and \
                " ".join(name).lower() not in AND_NAMES:
            return whole
    return parts


def _body_ended(words: Sequence[str], cuts: list[int]) -> int | None:
    """The last "and" of two or more that follows a body's head word ("Authority") and
    opens a capitalised word: where a body's name ends and another name starts."""
    if len(cuts) < 2:
        return None
    k = cuts[-1]
    return k if words[k - 1].lower() in _BODY_HEADS and words[k + 1][:1].isupper() else None


def _acronym_first(words: Sequence[str], parts: list[tuple[int, int]],
                   skip: Callable[[str], bool]) -> bool:
    """Two names whose first is an acronym ("RMT", "AT&T") and whose second opens with a
    capital: an acronym is a whole name, so the "and" joins two (a probe: "talks between the
    RMT and Network Rail" made one entity, and its page's conflicts with another on Network
    Rail's offer went unseen). "Ministry of Science and ICT" keeps its acronym second."""
    if len(parts) != 2:
        return False
    (lo, hi), (lo2, _) = parts
    first = [w for w in words[lo:hi] if not skip(w)]  # "The RMT"
    return len(first) == 1 and _ACRONYM_RE.fullmatch(first[0]) is not None \
        and words[lo2][:1].isupper()


# The last word of a place's name: "Tin Can Island", "Orange County", "Kwun Tong District".
_PLACE_TAILS: Final = frozenset("""island islands port harbour harbor bay county district province
    region state valley city town""".split())


def _place_after_one_word(words: Sequence[str], parts: list[tuple[int, int]],
                          skip: Callable[[str], bool]) -> bool:
    """Two names, a one-word one and a place's name of capitalised words after it ("Apapa
    and Tin Can Island", "Kowloon and Kwun Tong District"; desk probe N: one entity).
    "Bosnia and Herzegovina" ends in no place's word; "Science and Technology Park" is
    left whole by its ordinary first word."""
    if len(parts) != 2:
        return False
    (lo, hi), (lo2, hi2) = parts
    first = [w for w in words[lo:hi] if not skip(w)]
    second = words[lo2:hi2]
    return len(first) == 1 and first[0][:1].isupper() and len(second) >= 2 \
        and all(w[:1].isupper() for w in second) and second[-1].lower() in _PLACE_TAILS \
        and not skip(first[0])


# The last word of a body's name, and of other names that end one (a place's, a venue's).
_BODY_HEADS: Final = frozenset("""administration agency authority board bureau centre center
    commission committee council court department directorate exchange foundation fund
    institute institution library ministry museum office organisation organization registry
    service society trust union university college school hospital bank association
    federation league party group company corporation academy alliance tribunal
    inspectorate network programme program laboratory laboratories""".split())
_NAME_ENDS: Final = frozenset("creek flat river lake hill park road street square station airport "
                              "stadium arena hall".split())


def _two_word_names(words: Sequence[str], parts: list[tuple[int, int]],
                    skip: Callable[[str], bool]) -> bool:
    """Two names of two capitalised words or more each, after any ordinary words opening
    the first ("The"), no small word in either: "Virat Kohli and Shreyas Iyer", "Hanna
    Lindqvist and Tom Ashworth" (desk probe O: one name). "Ministry of Science and
    Technology" has its "of", "The Food and Drug Administration" one name word first."""
    if len(parts) != 2:
        return False
    for lo, hi in parts:
        while lo < hi and skip(words[lo]):
            lo += 1
        if hi - lo < 2 or not all(w[:1].isupper() for w in words[lo:hi]):
            return False
    if all(w.lower() in _BODY_HEADS for w in words[parts[1][0]:parts[1][1]]):
        return False  # "First Citizens Bank and Trust Company": one bank (a review)
    first, second = words[parts[0][1] - 1].lower(), words[parts[1][1] - 1].lower()
    # "National Oceanic and Atmospheric Administration", "Liberian International Ship and
    # Vessel Registry": a body's head ends the second part only, one body's name. Unless
    # the first ends as a name does too: "Harvard University and Stanford University",
    # "Corn Exchange and Northgate Leisure Centre", "Alder Creek and Pine Flat".
    return second not in _BODY_HEADS or first in _BODY_HEADS or first in _PLACE_TAILS \
        or first in _NAME_ENDS


def _plain_names(words: Sequence[str], parts: list[tuple[int, int]]) -> bool:
    """Two names closing a list ("`listed`": the chunk follows two names and commas), each of
    capitalised words only: "Castilla-La Mancha and Madrid", "West Sussex and Surrey" (a desk
    probe: one name, which the page's dateline "MADRID" then took). A part with a small word
    ("Ministry of Science and Technology") is one institution's name, listed or not."""
    return len(parts) == 2 and all(w[:1].isupper() for lo, hi in parts for w in words[lo:hi])


_ACRONYM_RE: Final = rx.compile(r"[A-Z][A-Z&.]*[A-Z]\.?")
