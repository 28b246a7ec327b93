"""The lexicon built from entity and predicate rules: names -> canonical ids, phrases ->
predicate ids. Used by extraction (entity slots), normalisation and fact rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from itertools import accumulate, repeat
from typing import Final

from rapidfuzz import fuzz, process

from checker import rx
from checker.models.rules import EntityRule, PredicateRule
from checker.namechunks import unknown_names
from checker.nameids import unknown_slug
from checker.nlp import (
    ASCII_RUN_SPLIT_RE,
    ASCII_TOKEN_SPLIT_RE,
    AUXILIARIES,
    MATCH_TOKEN_RE,
    TOKEN_SPLIT_RE,
    ascii_lower_words,
    ascii_runs,
    ascii_tokens,
    ascii_words,
    cased_key,
    match_tokens,
    stem,
    token_key,
    token_split_re,
)
from checker.predicatespans import PredicateInfo, index_phrases, phrases_in
from checker.predicatespans import predicate_spans as _predicate_spans
from checker.propernames import (
    EntityMatch,
    inside_longer_name,
    negated_prefix,
    team_name_end,
)
from checker.textutil import START, TUPLE_NEW, Token, fold

# Id prefix of names no entity rule knows: `name:` + a slug of the name.
UNKNOWN_PREFIX: Final = "name:"

@dataclass(frozen=True)
class EntityInfo:
    """A canonical entity."""

    id: str
    name: str
    type: str | None
    parent: str | None = None

    def __reduce__(self) -> tuple[Callable[..., EntityInfo], tuple[str | None, ...]]:
        """Pickled as its fields, rebuilt by __init__: a compiled frozen class cannot be
        set attribute by attribute (checker.native)."""
        return EntityInfo, (self.id, self.name, self.type, self.parent)

# What makes a match token's cased_key differ from it: an apostrophe (any nlp.MATCH_TOKEN_RE
# takes in a word) or "&".
_KEYED_CHARS_RE: Final = rx.compile("['\u2019\u2018\u02bc&]")
# Letters and points: "U.S", "U.K", "E.U" (a known name matched without its last point).
_INITIALISM_RE: Final = rx.compile(r"(?:[A-Z]\.)+[A-Z]")


# Characters outside ASCII that no match token holds (\W, no apostrophe of MATCH_TOKEN_RE,
# not "&"): a space in the place of one leaves the tokens and their places as they were.
_GAP_CHARS: Final = "\u201c\u201d\u00a9\u2014\u2013\u00a0\u2026\u00ab\u00bb\u00b0\u00ae\u2122"


def _spaced_gaps(text: str) -> str:
    """text with each of _GAP_CHARS a space."""
    for ch in _GAP_CHARS:
        if ch in text:
            text = text.replace(ch, " ")
    return text


def phrase_stems(text: str) -> tuple[str, ...]:
    """Stems of a phrase with auxiliaries and articles removed."""
    out = []
    for tok in match_tokens(fold(text)):
        key = token_key(tok.text)
        if key not in AUXILIARIES:
            out.append(stem(key))
    return tuple(out)


# The number of bits set in each 16-bit number (a table read in the compiled loop of
# Lexicon._reachable, where int.bit_count() was a Python method call): bytes, whose items
# the compiled code reads as ints, two reads for a choice where a list of 256 took four.
# Built as 256 rows of 256 (row hi: each byte's count plus hi's, by a translation that adds
# it), not 65,536 counts made one by one at import.
_BYTE_BITS: Final = bytes(bin(n).count("1") for n in range(256))
_BITS: Final[bytes] = b"".join(_BYTE_BITS.translate(bytes(range(n, 256)) + bytes(n))
                               for n in _BYTE_BITS)


_NO_SECONDS: Final[set[str]] = set()


def _char_bits(text: str) -> int:
    """The characters of text as bits of an int: bit (code % 32) for each."""
    bits = 0
    data = text.encode()
    if len(data) == len(text):
        # ASCII (a byte a character): the codes read from its bytes as ints, not a string
        # of one character made and its ord() taken for each.
        for k in range(len(data)):
            bits |= 1 << (data[k] & 31)
        return bits
    for ch in text:
        bits |= 1 << (ord(ch) & 31)
    return bits


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass
class Lexicon:
    """Entity aliases and predicate phrases, ready to match."""

    entities: dict[str, EntityInfo] = field(default_factory=dict)
    predicates: dict[str, PredicateInfo] = field(default_factory=dict)
    fuzzy_threshold: float = 0.9
    _ci: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    _cs: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    # ... their one-word keys by the word: a string's cached hash, where a look-up in the
    # tables above built a tuple and hashed it for each word.
    _ci1: dict[str, tuple[str, str]] = field(default_factory=dict)
    _cs1: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Lower-cased first token -> the lengths (longest first) of the aliases starting with it:
    # most tokens start no alias, and the others try only the lengths that exist.
    _starts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # ... and the lower-case second tokens of its aliases of two tokens or more: a longer
    # key is looked up only when the next token is one (most are not).
    _seconds: dict[str, set[str]] = field(default_factory=dict)
    _phrase_index: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    _choices: dict[str, str] | None = None
    _choice_keys: list[str] = field(default_factory=list)
    # (query length, threshold) -> the choices whose length lets them reach the cutoff, in
    # _choice_keys order (see _near_choices).
    _near: dict[tuple[int, float], list[str]] = field(default_factory=dict)
    # Each choice's characters as bits (`_char_bits`), built with the choices; and for each
    # query length, its near choices, their bits and the most bits they may differ in, as
    # parallel lists (_reachable), at the threshold _rows_threshold.
    _choice_bits: dict[str, int] = field(default_factory=dict)
    _rows: dict[int, tuple[list[str], list[int], list[int]]] = field(default_factory=dict)
    _rows_threshold: float = -1.0
    _resolved: dict[str, str | None] = field(default_factory=dict)
    _looked_up: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    _ids: dict[str, str] = field(default_factory=dict)
    # The last span tokenised, kept for the next call: extraction asks for the entities and
    # then the predicates of the same sentence, and tokens are a large part of the cost.
    _last: tuple[str, int, int | None, list[str], list[int], list[int], list[str],
                 list[str]] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def build(
        cls, entity_rules: Iterable[EntityRule], predicate_rules: Iterable[PredicateRule]
    ) -> Lexicon:
        """Index the aliases and phrases of the given rules."""
        lex = cls()
        for rule in entity_rules:
            lex.add_entity(rule)
        for prule in predicate_rules:
            lex.add_predicate(prule)
        return lex

    def add_entity(self, rule: EntityRule) -> None:
        """Register an entity and its aliases, demonyms and metonyms."""
        self.entities[rule.id] = EntityInfo(rule.id, rule.name, rule.type, rule.parent)
        for alias in [rule.name, *rule.aliases]:
            self._add_alias(alias, rule.id, "name")
        for alias in rule.demonyms:
            self._add_alias(alias, rule.id, "demonym")
        for alias in rule.metonyms:
            self._add_alias(alias, rule.id, "metonym")

    def _add_alias(self, alias: str, entity_id: str, role: str) -> None:
        # A demonym is written with its capital; in lower case it is another word: "the
        # south pole" is no Pole (a desk probe: Poland, and a false corroboration), "polish"
        # no Polish.
        keep_case = _is_acronym(alias) or role == "demonym"
        key = tuple(token_key(t.text, keep_case) for t in match_tokens(fold(alias)))
        if not key:
            return
        table = self._cs if keep_case else self._ci
        table.setdefault(key, (entity_id, role))
        if len(key) == 1:
            (self._cs1 if keep_case else self._ci1).setdefault(key[0], (entity_id, role))
        first = key[0].lower()
        self._starts[first] = tuple(sorted({*self._starts.get(first, ()), len(key)},
                                           reverse=True))
        if len(key) > 1:
            self._seconds.setdefault(first, set()).update((key[1], key[1].lower()))
        self._choices = None
        self._resolved.clear()
        self._looked_up.clear()
        self._ids.clear()

    def add_predicate(self, rule: PredicateRule) -> None:
        """Register a predicate and its phrases."""
        phrases = tuple(p for p in (phrase_stems(x) for x in rule.phrases) if p)
        info = PredicateInfo(rule.id, phrases, tuple(rule.antonyms), rule.single_valued)
        self.predicates[rule.id] = info
        index_phrases(self._phrase_index, phrases, rule.id)

    # -- entities -----------------------------------------------------------------------

    def find_entities(
        self, text: str, start: int = 0, end: int | None = None,
        names_vocab: frozenset[str] | None = None, body: int | None = None,
    ) -> list[EntityMatch]:
        """Known names (longest alias first), then unknown proper-noun chunks; `body` is
        where the sentence proper starts when something else opens it (a dateline)."""
        words, starts, ends, cased, lower = self.words(text, start, end)
        taken = [False] * len(words)
        found: list[EntityMatch] = []
        # Only the words some alias starts with are tried (one in eight): a compiled loop's
        # dict look-up for each word, not a bound method map() calls (0.7% of extraction's
        # instructions); a name found takes its words.
        alias_starts = self._starts
        free = 0
        for i, word in enumerate(lower):
            if word not in alias_starts or i < free:
                continue
            hit = self._longest(lower, cased, i)
            end_char = ends[i + hit[0] - 1] if hit else 0
            # "US$5 billion" is a currency, "non-Chinese" is not China, "OPEC+" is not OPEC
            # (a desk probe: a false conflict), and the "Jordan" of "Michael Jordan" or the
            # "China" of "South China Morning Post" is a longer name.
            if hit and not negated_prefix(text, words, starts, i) \
                    and text[end_char:end_char + 1] not in ("$", "+") \
                    and not inside_longer_name(text, words, starts, ends, i, hit) \
                    and not self._team_name_follows(text, words, starts, ends, i + hit[0]):
                length, (eid, role) = hit
                s, e = starts[i], ends[i + length - 1]
                if length > 1 and text[e:e + 1] == "." and _INITIALISM_RE.fullmatch(text, s, e):
                    e += 1  # "U.S." with its last point, not "U.S"
                # TUPLE_NEW builds in C what EntityMatch(...)'s Python __new__ builds.
                found.append(TUPLE_NEW(EntityMatch, (text[s:e], s, e, eid, role)))
                for k in range(i, i + length):
                    taken[k] = True
                free = i + length
        found.extend(unknown_names(text, words, starts, ends, taken,
                                   start if body is None else body, names_vocab, self.resolve))
        # (A stable sort of names already in order of their starts, such as those of a
        # sentence with no known name or no unknown one, is the same list: not called.)
        for k in range(1, len(found)):
            if found[k][1] < found[k - 1][1]:  # (the starts)
                found.sort(key=START)
                break
        return found

    def _team_name_follows(self, text: str, words: list[str], starts: list[int],
                           ends: list[int], j: int) -> bool:
        """Whether a known name ends right before a team's plural demonym: "American" of
        "American Indians" starts the name with it (propernames.team_name_end)."""
        if j >= len(words):
            return False
        hit = self._cs1.get(cased_key(words[j]))
        return hit is not None and hit[1] == "demonym" \
            and team_name_end(text, words, starts, ends, j)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the last tokenised text (it may be a whole document): its fields
        one by one, as a compiled Lexicon has no __dict__ (checker.native)."""
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["_last"] = None
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        """Unpickled: the fields __getstate__ gave."""
        for name, value in state.items():
            setattr(self, name, value)

    def tokens(self, text: str, start: int = 0,
               end: int | None = None) -> tuple[list[Token], list[str], list[str]]:
        """Match tokens of text[start:end] with their cased and lower-case token_key (`words`
        as Tokens, for a caller that reads them so)."""
        words, starts, ends, cased, lower = self.words(text, start, end)
        # map() over C functions and tuple.__new__ (Token's own __new__ is Python code).
        toks: list[Token] = list(map(tuple.__new__, repeat(Token),
                                     zip(words, starts, ends, strict=True)))
        return toks, cased, lower

    def words(self, text: str, start: int = 0, end: int | None = None
              ) -> tuple[list[str], list[int], list[int], list[str], list[str]]:
        """The texts of text[start:end]'s match tokens, where each starts and ends, and their
        cased and lower-case token_key; the last span asked for is remembered (entities,
        frame and predicates read it in turn). Parallel lists: no Token built for each."""
        last = self._last
        if last is not None and last[0] is text and last[1] == start and last[2] == end:
            return last[3], last[4], last[5], last[6], last[7]
        # The tokens of match_tokens from one split() call, not a match object per token:
        # the words are the odd parts, and the running sums of the parts' lengths are where
        # each part starts and ends (parts 0, 1, 2, ...: gap, word, gap, ...).
        part = text if start == 0 and end is None else text[start:end]
        splitter = token_split_re(part)
        if splitter is TOKEN_SPLIT_RE:
            # Outside ASCII only by quotes, dashes or signs between the words (most such
            # sentences): the same words in the text with spaces there, read as ASCII.
            plain = _spaced_gaps(part)
            if plain.isascii():
                part = plain
                splitter = token_split_re(part)
        if splitter is ASCII_RUN_SPLIT_RE:
            # ASCII text with no "'" nor "&" (most): its runs by str methods, not the regex
            # (2.5% of extraction's instructions); none of _KEYED_CHARS_RE's characters
            # either, so each word is its own cased key.
            words, starts, ends = ascii_runs(part, start)
            cased = words
            # Their lower case from one more translation of the text (ASCII capitals to
            # small letters), not str.lower called on each word (1.0% of extraction).
            lower = ascii_lower_words(part)
            self._last = (text, start, end, words, starts, ends, cased, lower)
            return words, starts, ends, cased, lower
        if splitter is ASCII_TOKEN_SPLIT_RE:
            # ASCII with "'" or "&": the regex reads only the words that hold one.
            words, starts, ends = ascii_tokens(part, start)
        else:
            parts = splitter.split(part)
            words = parts[1::2]
            bounds = list(accumulate(map(len, parts), initial=start))
            starts, ends = bounds[1:-1:2], bounds[2::2]
        # A word's cased key is the word itself unless it holds an apostrophe (folded, and a
        # possessive dropped) or is "&" ("and"): a sentence with neither needs no look-ups.
        cased = words if not _KEYED_CHARS_RE.search(part) else list(map(cased_key, words))
        # What token_key gives without keep_case: str.lower called directly in a compiled loop,
        # not through map() and the method's descriptor.
        lower = [word.lower() for word in cased]
        self._last = (text, start, end, words, starts, ends, cased, lower)
        return words, starts, ends, cased, lower

    def _longest(
        self, lower: list[str], cased: list[str], i: int
    ) -> tuple[int, tuple[str, str]] | None:
        room = len(lower) - i
        seconds: set[str] | None = None
        for length in self._starts.get(lower[i], ()):
            if length > room:
                continue
            if length == 1:
                # A one-word key looked up by the word (most aliases are one word).
                hit = self._ci1.get(lower[i]) or self._cs1.get(cased[i])
            else:
                # (a key's tokens are the words: its second is the next word's lower case)
                if seconds is None:
                    seconds = self._seconds.get(lower[i], _NO_SECONDS)
                if lower[i + 1] not in seconds:
                    continue
                hit = self._ci.get(tuple(lower[i:i + length])) or self._cs.get(
                    tuple(cased[i:i + length]))
            if hit:
                return length, hit
        return None

    def resolve(self, name: str) -> str | None:
        """Canonical id of a whole name: exact alias, else a fuzzy variant above threshold."""
        if name not in self._resolved:
            self._resolved[name] = self._resolve(name)
        return self._resolved[name]

    def entity_id(self, name: str) -> str:
        """`resolve`, or for a name no rule knows `name:` and a slug of it."""
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = self.resolve(name) or UNKNOWN_PREFIX + unknown_slug(name)
        return found

    def _resolve(self, name: str) -> str | None:
        # The words are read once for the exact lookup and the fuzzy one.
        if name.isascii() and "'" not in name and "&" not in name and "`" not in name:
            # Runs of letters and digits, each its own cased key and its lower case its key
            # (token_key changes only an apostrophe's word or "&"): str methods, not the
            # regex and a call of token_key for each word (0.6% of extraction).
            words = ascii_words(name)
            # (a name has a few words: str.lower on each, not a second translation of it)
            key = tuple([word.lower() for word in words])
            hit = self._lookup(name, words, key, False)
        else:
            words = MATCH_TOKEN_RE.findall(fold(name))  # the texts of match_tokens
            key = tuple(map(token_key, words))
            hit = self._lookup(name, words, key)
        return hit[0] if hit else self._fuzzy(key)

    def lookup(self, name: str) -> tuple[str, str] | None:
        """(id, role) of a name that is exactly an alias, demonym or metonym."""
        if name in self._looked_up:  # a corpus names the same few thousand things again
            return self._looked_up[name]
        words = MATCH_TOKEN_RE.findall(fold(name))
        return self._lookup(name, words, tuple(map(token_key, words)))

    def _lookup(self, name: str, words: list[str], lower: tuple[str, ...],
                keyed: bool = True) -> tuple[str, str] | None:
        """lookup(name), given its words and their lower-case keys; not `keyed`: each word
        is its own cased key (ASCII with no apostrophe, "&" nor "`"), which is then not
        looked up word by word, and only when no lower-case alias is the name."""
        if name in self._looked_up:
            return self._looked_up[name]
        found = self._ci.get(lower)
        if found is None:
            found = self._cs.get(tuple(map(cased_key, words)) if keyed else tuple(words))
        self._looked_up[name] = found
        return found

    def _fuzzy(self, key: tuple[str, ...]) -> str | None:
        if not key or self.fuzzy_threshold >= 1:
            return None
        query = " ".join(key)
        if len(query) < 5:
            return None
        if self._choices is None:
            self._choices = {" ".join(k): v[0] for k, v in self._ci.items() if v[1] == "name"}
            self._choice_keys = list(self._choices)  # built once, not per unknown name
            self._choice_bits = {c: _char_bits(c) for c in self._choice_keys}
            self._near.clear()
            self._rows.clear()
        choices = self._choices
        near = self._reachable(query)
        if not near:
            return None  # (extractOne finds nothing in no choices)
        best = process.extractOne(query, near, scorer=fuzz.ratio,
                                  score_cutoff=self.fuzzy_threshold * 100)
        if best is None:
            return None
        candidate = best[0]
        # "Chang'e 6" and "Chang'e 8" are near in spelling and different missions. (The
        # query's words with digits read only here: most queries reach no candidate.)
        digits = [k for k in key if any(c.isdigit() for c in k)]
        if [k for k in candidate.split() if any(c.isdigit() for c in k)] != digits:
            return None
        return choices[candidate]

    def _near_choices(self, length: int) -> list[str]:
        """The choices a query of this length can reach the cutoff with, in order.

        fuzz.ratio is 100 * (1 - d / (a + b)) for lengths a, b and an Indel distance d of at
        least |a - b|: a choice whose length is further off scores under the cutoff, so
        extractOne, which keeps the first best at or above it, picks the same one from
        these (6x fewer; one character of slack keeps float rounding out of the question).
        """
        key = (length, self.fuzzy_threshold)
        near = self._near.get(key)
        if near is None:
            slack = 1 - self.fuzzy_threshold
            near = self._near[key] = [
                c for c in self._choice_keys
                if abs(len(c) - length) <= slack * (len(c) + length) + 1]
        return near

    def _reachable(self, query: str) -> list[str]:
        """The near choices whose characters let them reach the cutoff, in order.

        The Indel distance is at least the number of bits in which the characters of the
        query and a choice differ (`_char_bits`: each such bit is a character one of them
        lacks, to delete or insert), so a choice differing in more than the cutoff lets it
        differ in characters (with one of slack, as _near_choices) cannot reach it: most
        queries are left with none, and extractOne (21 K instructions a call) is not called.
        """
        size = len(query)
        # Rows by the length alone (an int's hash, not a tuple's with a float's), dropped
        # when the threshold changes.
        if self._rows_threshold != self.fuzzy_threshold:
            self._rows.clear()
            self._rows_threshold = self.fuzzy_threshold
        rows = self._rows.get(size)
        if rows is None:
            slack = 1 - self.fuzzy_threshold
            near = self._near_choices(size)
            # (a count of bits is whole: at most the bound is at most its whole part)
            rows = self._rows[size] = (near, [self._choice_bits[c] for c in near],
                                       [int(slack * (len(c) + size) + 1) for c in near])
        choices, held, most = rows
        bits = _char_bits(query)
        out: list[str] = []
        # Parallel lists read by index: no tuple unpacked for each choice.
        for k in range(len(choices)):
            diff = bits ^ held[k]
            if _BITS[diff & 65535] + _BITS[diff >> 16] <= most[k]:
                out.append(choices[k])
        return out

    def ancestors(self, entity_id: str) -> list[str]:
        """Parents of an entity, nearest first (cycles are cut)."""
        out: list[str] = []
        info = self.entities.get(entity_id)
        while info and info.parent and info.parent not in out and info.parent != entity_id:
            out.append(info.parent)
            info = self.entities.get(info.parent)
        return out

    def display_name(self, entity_id: str) -> str:
        """Display name of a known entity, else the id."""
        info = self.entities.get(entity_id)
        return info.name if info else entity_id

    # -- predicates ---------------------------------------------------------------------

    def find_predicates(self, stems: list[str]) -> list[tuple[str, int, int]]:
        """Predicate ids whose phrase occurs in stems (auxiliaries removed): (id, i, j)."""
        return phrases_in(self._phrase_index, stems)

    def predicate_spans(self, text: str, start: int = 0,
                        end: int | None = None) -> list[tuple[str, int, int]]:
        """Predicate phrases in text[start:end] with character spans (`predicatespans`)."""
        return _predicate_spans(self, text, start, end)
