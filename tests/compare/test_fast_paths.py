"""The comparison fast paths give exactly what the plain definitions give: weight tables vs
idf calls (bit-identical floats), the pair pre-filter vs judging every pair, the streamed
pair deduplication vs a set of every pair seen."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from bench.claims import checker_corpus
from checker.compare import judge_pairs, kept_verdicts, worth_judging
from checker.compare.blocking import BlockIndex, claim_keys, rounded_count, unique_pairs
from checker.compare.independence import UnionFind, count_origins, is_copy
from checker.compare.memo import UNIQUE, VerdictMemo, content_ids, content_key
from checker.compare.similarity import coverage, similarity
from checker.compare.stories import guesses_only, lent_topic
from checker.compare.verdict import Verdict, judge
from checker.corpusnorm import normalise_corpus
from checker.lexicon import UNKNOWN_PREFIX
from checker.normclaim import NormClaim, has_lent
from checker.rules import RuleSet
from tests.bench.corpora import generated


def _norm(ruleset: RuleSet, docs: int = 40) -> list[NormClaim]:
    norm, _ = normalise_corpus(checker_corpus(generated(docs)), ruleset)
    return norm


def test_weight_tables_are_the_idf_formula(ruleset: RuleSet) -> None:
    norm = _norm(ruleset)
    index = BlockIndex(norm)
    for key, df in index.df.items():
        assert index.idf(key) == math.log((index.n + 1) / (rounded_count(df) + 1)) + 1.0
    assert index.idf("e:never-seen") == math.log((index.n + 1) / 1) + 1.0


def _reference_coverage(a: NormClaim, b: NormClaim, idf: Callable[[str], float]) -> float:
    """coverage() as first written: key sets built per pair."""
    keys_a, keys_b = set(claim_keys(a)), set(claim_keys(b))
    small, large = (keys_a, keys_b) if len(keys_a) <= len(keys_b) else (keys_b, keys_a)
    total = math.fsum(idf(k) for k in small)
    return math.fsum(idf(k) for k in small & large) / total if total else 0.0


def test_similarity_from_tables_is_bit_identical(ruleset: RuleSet) -> None:
    norm = _norm(ruleset)
    index = BlockIndex(norm)

    def plain(key: str) -> float:  # a plain callable takes the generic path
        return index.idf(key)

    for i, j in list(index.pairs())[:3000]:
        a, b = norm[i], norm[j]
        assert similarity(a, b, index.idf) == similarity(a, b, plain)
        assert coverage(a, b, index.idf) == coverage(a, b, plain) == \
            _reference_coverage(a, b, plain)


def test_prefilter_drops_only_pairs_that_would_be_dropped(ruleset: RuleSet) -> None:
    norm = _norm(ruleset, 60)
    index = BlockIndex(norm)
    skipped = [(i, j) for i, j in index.pairs() if not worth_judging(norm[i], norm[j])]
    assert skipped
    for i, j in skipped:
        a, b = norm[i], norm[j]
        verdict = judge(a, b, index, ruleset.lexicon)
        kept = verdict.label != "unrelated" and (
            a.doc != b.doc or (verdict.label == "conflict" and verdict.reason == "polarity"))
        assert not kept, (a.text, b.text, verdict)
    assert judge_pairs(norm, skipped, index, ruleset.lexicon) == []


def _reference_pairs(candidates: list[list[int]]) -> list[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    out = []
    for i, found in enumerate(candidates):
        for j in found:
            pair = (i, j) if i < j else (j, i)
            if pair not in seen:
                seen.add(pair)
                out.append(pair)
    return out


def test_unique_pairs_matches_a_set_of_seen_pairs() -> None:
    rng = random.Random(5)
    for n in (0, 1, 2, 10, 200):
        candidates = [rng.sample([j for j in range(n) if j != i], min(n - 1, rng.randint(0, 8)))
                      for i in range(n)]
        assert list(unique_pairs(candidates)) == _reference_pairs(candidates)


def test_memo_gives_the_verdicts_of_judging_every_pair(ruleset: RuleSet) -> None:
    norm = _norm(ruleset, 120)  # syndicated copies repeat statements across documents
    index = BlockIndex(norm)
    pairs = list(index.pairs())
    memo = VerdictMemo(content_ids(norm))
    assert judge_pairs(norm, pairs, index, ruleset.lexicon, memo=memo) == \
        judge_pairs(norm, pairs, index, ruleset.lexicon)
    assert memo.hits > 0  # the corpus repeats statements, so the memo was used


def test_content_ids_mark_only_repeated_contents(ruleset: RuleSet) -> None:
    norm = _norm(ruleset, 120)
    ids = content_ids(norm)
    keys = [content_key(c) for c in norm]
    for i, cid in enumerate(ids):
        repeats = keys.count(keys[i]) > 1
        assert (cid != UNIQUE) == repeats
        if repeats:
            assert cid == keys.index(keys[i])


def test_memo_answers_for_pairs_across_documents_only(ruleset: RuleSet) -> None:
    # `judge` reads whether two claims are in one document (a correction note and what it
    # corrects): a verdict remembered for two contents in two documents is not theirs in one.
    def claim(doc: str, i: int, polarity: str, correction: bool) -> NormClaim:
        return NormClaim(doc=doc, claim_id=f"c{i}", text=f"China is {polarity}.",
                         span=(10 * i, 10 * i + 5), entities=frozenset({"china", "iss"}),
                         mentions=(), tokens=frozenset({"member"}), frame=(), predicates=(),
                         quantities=(), dates=(), polarity=polarity, modality="asserted",
                         correction=correction)

    claims = [claim("d1", 0, "positive", False), claim("d1", 1, "negative", True),
              claim("d2", 2, "positive", False), claim("d3", 3, "negative", True)]
    index = BlockIndex(claims)
    memo = VerdictMemo(content_ids(claims))
    key = memo.key(2, 3)
    assert key is not None and key == memo.key(0, 1)  # one pair of contents, twice
    remembered = Verdict("corroboration", "agree", 0.99, 0.99, {})
    memo.put(key, remembered)
    within = kept_verdicts(claims, [(0, 1)], index, ruleset.lexicon, memo=memo)
    across = kept_verdicts(claims, [(2, 3)], index, ruleset.lexicon, memo=memo)
    assert [v for _, _, v, _ in across] == [remembered]
    assert [v for _, _, v, _ in within] == \
        [v for v in [judge(claims[0], claims[1], index, ruleset.lexicon)] if v.label != "unrelated"]
    assert all(v is not remembered for _, _, v, _ in within)


def test_content_ids_tell_apart_claims_of_one_text_that_say_different_things() -> None:
    def claim(i: int, text: str, polarity: str) -> NormClaim:
        return NormClaim(doc=f"d{i}", claim_id=f"c{i}", text=text, span=(10 * i, 10 * i + 5),
                         entities=frozenset({"x"}), mentions=(), tokens=frozenset({"rise"}),
                         frame=(), predicates=(), quantities=(), dates=(), polarity=polarity,
                         modality="asserted", correction=False)

    claims = [claim(0, "X rose.", "positive"), claim(1, "X did not rise.", "negative"),
              claim(2, "X rose.", "negative"), claim(3, "X rose.", "positive"),
              claim(4, "Y fell.", "positive")]
    # Claims 0 and 3 say one thing in two places; claim 2 has their text, not their content.
    assert list(content_ids(claims)) == [0, UNIQUE, UNIQUE, 0, UNIQUE]


def _reference_origins(members: list[tuple[str, str]], origins: dict[str, str]) -> int:
    """count_origins as first written: every pair of members compared."""
    items = sorted(set(members))
    uf = UnionFind()
    for doc, _ in items:
        uf.find(origins.get(doc, doc))
    for i, (da, ta) in enumerate(items):
        for db, tb in items[i + 1:]:
            if da != db and is_copy(ta, tb):
                uf.union(origins.get(da, da), origins.get(db, db))
    return len({uf.find(origins.get(d, d)) for d, _ in items})


def test_count_origins_matches_comparing_every_pair() -> None:
    rng = random.Random(11)
    wordings = ["China launched 12 satellites in 2024.", "China launched 12 satellites in 2024",
                "CHINA launched 12 satellites in 2024!", "China launched 13 satellites in 2024.",
                "In 2024 China put 12 satellites into orbit.", "Chang’e 6 returned samples.",
                "Chang'e 6 returned samples", "Chang'e 6 returned lunar samples in June."]
    for _ in range(300):
        docs = [f"d{k}" for k in range(rng.randint(1, 8))]
        members = [(rng.choice(docs), rng.choice(wordings)) for _ in range(rng.randint(1, 12))]
        origins = {d: rng.choice(docs[:3]) for d in docs if rng.random() < 0.5}
        assert count_origins(members, origins) == _reference_origins(members, origins)


def test_count_origins_of_many_templated_wordings_from_few_origins() -> None:
    """Where the joins skip most comparisons: wordings that are mostly copies of each other
    (one template, two words varied), held by documents of a few declared origins."""
    rng = random.Random(5)
    words = ["estimate", "harbour", "payment", "railway", "council", "region", "pipeline"]
    for _ in range(40):
        docs = [f"d{k}" for k in range(rng.randint(2, 12))]
        members = [(rng.choice(docs), f"Analysts expect the {rng.choice(words)} to grow as the "
                    f"{rng.choice(words)} improves.") for _ in range(rng.randint(2, 30))]
        origins = {d: f"o{rng.randint(0, 2)}" for d in docs if rng.random() < 0.7}
        assert count_origins(members, origins) == _reference_origins(members, origins)


def test_remembered_totals_belong_to_their_claim(ruleset: RuleSet) -> None:
    import pickle
    from dataclasses import replace

    norm = _norm(ruleset)
    weights = BlockIndex(norm).weights
    for c in norm[:50]:
        t = weights.totals(c)
        assert t.keys == math.fsum(weights(k) for k in c.keys)
        assert weights.totals(c) is t  # remembered
        other = replace(c, tokens=frozenset({"zzz-unseen"}))  # another claim, another total
        assert weights.totals(other).tokens == weights.unseen
    assert pickle.loads(pickle.dumps(weights))._totals == {}  # no claims carried along


def _reference_distinct(own_a: set[str], own_b: set[str]) -> bool:
    """scope._distinct as first written: every own entity tested against every other."""
    from checker.compare.scope import _maybe_same_name

    if not own_a or not own_b:
        return False
    kept_a = [x for x in own_a if not any(_maybe_same_name(x, y) for y in own_b)]
    return bool(kept_a) and any(not any(_maybe_same_name(x, y) for x in kept_a) for y in own_b)


def test_distinct_scopes_match_testing_every_pair_of_names() -> None:
    from checker.compare.scope import _distinct

    names = ["name:faroe-islands", "name:faeroes", "name:steiboum-robotics",
             "name:treideiteil-robotics", "name:chang-e-9", "name:chiang-e-5", "china",
             "peru", "name:hereditary-kingdom-of-norway", "name:kingdom-of-norway"]
    rng = random.Random(3)
    for _ in range(2000):
        own_a = set(rng.sample(names, rng.randint(0, 3)))
        own_b = set(rng.sample(names, rng.randint(0, 3))) - own_a
        assert _distinct(own_a, own_b) == _reference_distinct(own_a, own_b)


def test_facts_worked_out_later_are_those_worked_out_at_once(ruleset: RuleSet) -> None:
    from checker.compare.facts import Facts
    from checker.compare.figures import changes_done, counted_nouns, counts_done, sums_named
    from checker.compare.measures import measure_words
    from checker.compare.slots import events

    norm = _norm(ruleset)
    index = BlockIndex(norm)
    facts = Facts(ruleset.lexicon)
    for c in norm:
        f = facts(c, index)
        assert facts.pair(c, norm[0], index) == (f, facts(norm[0], index))  # remembered
        assert f.told == events(c, c.told)
        assert f.counts_done == (counts_done(c) | changes_done(c) | sums_named(c)
                                 if c.quantities else frozenset())
        assert f.counted == (counted_nouns(c) if c.quantities else frozenset())
        assert f.measure_words == (measure_words(c.text, c.tokens) if f.measures else {})
        assert f.counts_done is f.counts_done  # kept once worked out
        assert f.lent == lent_topic(c)
        assert f.unlent == (None if has_lent(c) else index.weights.totals(c))


def test_facts_of_the_judge_are_the_claims_own(ruleset: RuleSet) -> None:
    """What `judge` reads of each claim from its facts, worked out once a claim, is what
    it read of the claim itself, pair by pair: the page's topic lent to it, and the
    similarity of a pair (bit for bit, through the tables when neither claim was lent an
    entity, the generic path otherwise), on claims lent a topic and not."""
    from dataclasses import replace

    from checker.compare.facts import Facts, pair_similarity
    from checker.compare.similarity import unlent_similarity, weighted_similarity
    from checker.normclaim import TOPIC, mention

    norm = _norm(ruleset, 60)
    # Every third claim lent, as its page's topic, a name of the next claim's it does not say.
    for k in range(0, len(norm) - 1, 3):
        c, given = norm[k], sorted(norm[k + 1].entities - norm[k].entities)
        if given:
            norm[k] = replace(c, mentions=(*c.mentions, mention(given[0], TOPIC, 0, 0)),
                              entities=c.entities | {given[0]})
    index = BlockIndex(norm)
    weights = index.weights
    facts = Facts(ruleset.lexicon)

    def plain(key: str) -> float:
        return index.idf(key)

    lent = unlent = guessed = 0
    for i, j in list(index.pairs())[:4000]:
        a, b = norm[i], norm[j]
        fa, fb = facts.pair(a, b, index)
        assert fa.lent | fb.lent == lent_topic(a) | lent_topic(b)
        shared = tuple(sorted(a.entities & b.entities))
        assert guesses_only(shared) == (bool(shared) and shared[0].startswith(UNKNOWN_PREFIX)
                                        and guesses_only(shared))
        guessed += guesses_only(shared)
        expected = similarity(a, b, plain)
        assert pair_similarity(a, b, fa, fb, index) == expected
        assert weighted_similarity(a, b, weights, weights.totals(a), weights.totals(b)) \
            == expected
        if not has_lent(a) and not has_lent(b):
            unlent += 1
            assert unlent_similarity(a, b, weights, weights.totals(a), weights.totals(b)) \
                == expected
        else:
            lent += 1
    assert lent and unlent and guessed


def test_a_verdict_through_its_dict_is_the_verdict_its_init_makes(ruleset: RuleSet) -> None:
    """`verdict._verdict` (what `judge` returns) makes the object `Verdict(...)` makes: the
    same fields in the same order, equal, pickled to the same bytes."""
    import pickle

    from checker.compare.verdict import _verdict

    norm = _norm(ruleset)
    index = BlockIndex(norm)
    labels = set()
    for i, j in list(index.pairs())[:2000]:
        made = judge(norm[i], norm[j], index, ruleset.lexicon)
        plain = Verdict(made.label, made.reason, made.confidence, made.similarity,
                        made.details)
        labels.add(made.label)
        assert type(made) is Verdict and made == plain
        assert list(made.__dict__.items()) == list(plain.__dict__.items())
        assert pickle.dumps(made) == pickle.dumps(plain)
    assert labels == {"unrelated", "corroboration", "conflict"}
    assert _verdict("unrelated", None, 0.5, 0.25, {}) == Verdict("unrelated", None, 0.5, 0.25)


def test_standings_cue_in_c_finds_what_the_patterns_find(ruleset: RuleSet) -> None:
    """`standings.standings_of` tests an ASCII text's lower-cased words before its two
    case-blind cue patterns: the same standings, cue or none, in any case."""
    from checker.compare.standings import (
        _CUE_RE,
        _PLACE_CUE_RE,
        _maybe_cued,
        standings,
        standings_of,
    )

    texts = [c.text for c in _norm(ruleset, 60)] + [
        "It is the world's LARGEST wheat exporter.", "Sales rose for the Third Consecutive "
        "quarter.", "Acme was the 2ND biggest bank.", "Orla was the second named storm of "
        "the season.", "She finished 21st.", "The 3RD time.", "It is the most populous state.",
        "the world\u2019s largest", "the f\u0131rst time", "Back-To-Back titles",
        "a best-selling book", "the Best Selling album", "the first", "FIRST", "1St", "west",
        "no cue at all", "the 10th-largest", "x" * 50, ""]
    found = 0
    for text in texts:
        for t in (text, text.upper(), text.title()):
            cued = bool(_CUE_RE.search(t) or _PLACE_CUE_RE.search(t))
            if t.isascii() and cued:
                assert _maybe_cued(t.lower())
            assert standings_of(t) == (standings(t) if cued else {})
            found += bool(standings_of(t))
    assert found


def test_tests_remembered_by_text_are_the_tests(ruleset: RuleSet) -> None:
    """`totals.so_far` and `scope._national`, remembered by a claim's text, give what their
    patterns give, asked once or many times."""
    from checker.compare.scope import _ACROSS_ANY_RE, _ACROSS_RE, _national
    from checker.compare.totals import _DAMAGE_ESTIMATE, _RUNNING, _TOLL, so_far
    from checker.pagetopic import national

    norm = _norm(ruleset, 60)
    texts = [c.text for c in norm] + ["The death toll has risen to 40 so far.",
                                      "Across England there have been 1,480 cases.",
                                      "Rents rose by 5.1% nationally."]
    for text in texts * 2:
        assert so_far(text) == (_RUNNING.search(text) is not None
                                or _TOLL.search(text) is not None
                                or _DAMAGE_ESTIMATE.search(text) is not None)

    def reference(c: NormClaim) -> bool:  # `scope._national` as written before
        if national(c.text):
            return True
        if _ACROSS_ANY_RE.search(c.text) is None:
            return False
        for m in c.mentions:
            info = ruleset.lexicon.entities.get(m.id)
            at = m.start - c.span[0]
            if info is not None and info.type == "country" and at > 0 \
                    and _ACROSS_RE.search(c.text, max(0, at - 20), at):
                return True
        return False

    from checker.corpusnorm import normalise_document
    from checker.extract import extract_text

    text = ("Across England there have been 1,480 cases. Rents rose by 5.1% nationally. "
            "Across the board, prices in France rose 2%.\n")
    model = extract_text(text, "d1", ruleset.lexicon, threshold=0.0)
    claims = normalise_document("d1", model.claims, ruleset.lexicon)
    told = 0
    for c in (norm + claims) * 2:
        assert _national(c, ruleset.lexicon) == reference(c)
        told += reference(c)
    assert told


def test_figures_none_comparable_settle_nothing(ruleset: RuleSet) -> None:
    """`slots.quantities_compared` returns at once when no figure of one claim may be
    compared with a figure of the other: what settling those figures gives, and what it
    gives for the pairs that do have comparable figures."""
    from checker.compare.facts import Facts
    from checker.compare.slots import comparable_figures, figures_settled, quantities_compared

    norm = _norm(ruleset, 60)
    index = BlockIndex(norm)
    facts = Facts(ruleset.lexicon)
    none = some = 0
    for i, j in index.pairs():
        a, b = norm[i], norm[j]
        if not a.quantities or not b.quantities or a.earlier != b.earlier:
            continue
        fa, fb = facts.pair(a, b, index)
        rows = comparable_figures(a, b, fa.when, fb.when, fa.figures_of, fb.figures_of)
        settled = figures_settled(a, b, [list(row) for row in rows])
        assert quantities_compared(a, b, fa.when, fb.when, fa.figures_of,
                                   fb.figures_of) == settled
        if any(rows):
            some += 1
        else:
            none += 1
            assert settled == ([], [])
    assert none and some
def test_facts_share_one_empty_set(ruleset: RuleSet) -> None:
    """A claim lent no topic holds the one shared empty set, not a set of its own (memory at
    200,000 claims)."""
    from checker.compare.facts import Facts

    norm = _norm(ruleset)
    index = BlockIndex(norm)
    facts = Facts(ruleset.lexicon)
    empty = [f for f in (facts(c, index) for c in norm) if not f.lent]
    assert empty
    assert len({id(f.lent) for f in empty}) == 1
