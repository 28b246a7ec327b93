"""Deterministic corpus generator: news-like documents with planted truth.

    python -m bench.generate --docs 1000 [--seed 8] [--out bench/corpus/1000] [--claims]

Documents share entities (China in about half of all fact statements), state facts in
several wordings, and carry what a checker must find: conflicting numbers, dates and
polarity; corroborations; syndicated copies; misspelt "Chang'e"; and boilerplate
("Share", "Read More", copyright lines) that is not a claim. `truth.json` beside the
corpus says which sentence states which fact in which version, so recall and precision
of the pipeline's report can be measured.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import names
from bench import templates as t
from bench.facts import Fact, World, make_fact, misspell
from bench.templates import Sentence, Slot
from bench.words import ADJECTIVES, NOUNS, VERBS, misspellings

DEFAULT_SEED = 8
COPY_RATE = 0.05  # documents that are syndicated copies of an earlier one
CONFLICT_RATE = 0.15  # facts stated by 2+ documents where one document gets it wrong
MISSPELL_RATE = 0.35  # Chang'e statements with a wrong spelling
TYPO_RATE = 0.04  # filler sentences with a planted ordinary typo (for codespell/typos)
FILLERS = [
    "Officials said the {adj} {noun} would {verb} the {noun2} across the region.",
    "Officials in {K} said the {adj} {noun} would {verb} the {noun2} across the region.",
    "Analysts in {K} expect the {noun} to {verb} further as the {noun2} improves.",
    "Analysts expect the {noun} to {verb} further as the {noun2} improves.",
    "\u201cThe {noun} is {adj} for our {noun2},\u201d said {P}, a spokesperson for {C}.",
    "The {adj} {noun} has drawn criticism from local {noun2} groups.",
    "The {adj} {noun} in {K} has drawn criticism from {noun2} groups.",
    "{P} told reporters that the {noun} would {verb} {adj} {noun2}.",
]
SECTIONS = "Business World Markets Science Economy Technology".split()
BOILERPLATE_TOP = ["Share", "Tweet", "Share on Facebook", "Listen to this article"]
BOILERPLATE_MID = ["Read More", "Advertisement", "Related: {headline}", "Read More: {headline}"]
BOILERPLATE_END = [
    "Follow us on Twitter", "Copyright \u00a9 2025 {publisher}. All rights reserved.",
    "Subscribe to our newsletter",
]


@dataclass
class GenDoc:
    """A generated document: metadata, layout, and the sentences it states."""

    id: str
    publisher: str
    published: date
    title: str
    section: str
    paragraphs: list[list[Sentence]]
    boiler: list[str]
    origin: str | None = None
    copy_of: str | None = None
    text: str = ""
    spans: list[tuple[int, int, Sentence]] = field(default_factory=list)


@dataclass
class Corpus:
    """The generated documents, the facts they state, and the parameters used."""

    docs: list[GenDoc]
    facts: dict[str, Fact]
    seed: int
    typos: list[tuple[str, str]]


def _world(rng: random.Random, n_docs: int) -> World:
    taken: set[str] = set()
    scale = max(1, n_docs)
    return World(
        companies=names.companies(rng, max(30, scale // 3), taken),
        organisations=names.organisations(rng, max(10, scale // 40), taken),
        satellites=names.satellites(rng, max(40, scale // 4), taken),
        people=names.people(rng, max(30, scale // 2), taken),
        countries=names.COUNTRIES,
        cities=names.CITIES,
    )


def _deal_facts(rng: random.Random, world: World, n_docs: int) -> tuple[
        dict[str, Fact], list[list[str]]]:
    """Facts with how many documents state each, dealt at random to the documents."""
    per_doc = [rng.randint(3, 6) for _ in range(n_docs)]
    total = sum(per_doc)
    facts: dict[str, Fact] = {}
    taken: dict[tuple[str, ...], Fact] = {}
    slots: list[str] = []
    while len(slots) < total:
        fact = make_fact(len(facts), rng, world, taken)
        facts[fact.id] = fact
        times = rng.choices((1, 2, 3, 4, 6), weights=(30, 30, 20, 12, 8))[0]
        slots.extend([fact.id] * times)
    slots = slots[:total]
    rng.shuffle(slots)
    out: list[list[str]] = []
    pos = 0
    for k in per_doc:
        chosen = list(dict.fromkeys(slots[pos:pos + k]))
        pos += k
        out.append(chosen)
    return facts, out


def _filler(rng: random.Random, world: World, typos: list[tuple[str, str]]) -> Sentence:
    values = {
        "adj": t.text(rng.choice(ADJECTIVES)), "noun": t.text(rng.choice(NOUNS)),
        "noun2": t.text(rng.choice(NOUNS)), "verb": t.text(rng.choice(VERBS)),
        "P": t.entity(rng.choice(world.people)), "C": t.entity(rng.choice(world.companies)),
        "K": t.entity("China", "china"),
    }
    if typos and rng.random() < TYPO_RATE:
        wrong, right = rng.choice(typos)
        key = "verb" if right in VERBS else "adj" if right in ADJECTIVES else "noun"
        values[key] = t.text(wrong)
    sentence = t.render(rng.choice(FILLERS), values)
    sentence.variant = "filler"
    return sentence


def _statements(rng: random.Random, facts: dict[str, Fact], chosen: list[str],
                conflicted: dict[str, int], seen: dict[str, int]) -> list[Sentence]:
    out = []
    for fid in chosen:
        fact = facts[fid]
        index = seen.get(fid, 0)
        seen[fid] = index + 1
        sentence = fact.statement(rng, alt=conflicted.get(fid) == index)
        if fact.kind == "change" and rng.random() < MISSPELL_RATE:
            sentence = misspell(sentence, rng)
        out.append(sentence)
    return out


def _paragraphs(rng: random.Random, sentences: list[Sentence]) -> list[list[Sentence]]:
    out: list[list[Sentence]] = []
    i = 0
    while i < len(sentences):
        k = rng.choice((1, 2, 2, 3))
        out.append(sentences[i:i + k])
        i += k
    return out


def _boiler(rng: random.Random, publisher: str, headline: str) -> list[str]:
    return [rng.choice(BOILERPLATE_TOP),
            rng.choice(BOILERPLATE_MID).format(headline=headline),
            rng.choice(BOILERPLATE_END).format(publisher=publisher)]


def _conflicts(rng: random.Random, facts: dict[str, Fact], dealt: list[list[str]],
               copies: list[bool]) -> dict[str, int]:
    """Which statement (by order of appearance) of which fact is the wrong one."""
    counts: dict[str, int] = {}
    for chosen, is_copy in zip(dealt, copies, strict=True):
        for fid in [] if is_copy else chosen:
            counts[fid] = counts.get(fid, 0) + 1
    return {fid: rng.randint(1, n - 1) for fid, n in sorted(counts.items())
            if n >= 2 and facts[fid].conflict and rng.random() < CONFLICT_RATE}


def generate(n_docs: int, seed: int = DEFAULT_SEED) -> Corpus:
    """The whole corpus, deterministic for (n_docs, seed)."""
    rng = random.Random(seed)
    world = _world(rng, n_docs)
    publishers = [f"{w} {rng.choice(['Times', 'Post', 'Herald', 'Daily', 'Ledger'])}"
                  for w in names.unique_words(rng, 30, set())]
    facts, dealt = _deal_facts(rng, world, n_docs)
    copies = [i > 0 and rng.random() < COPY_RATE for i in range(n_docs)]
    conflicted = _conflicts(rng, facts, dealt, copies)
    typos = misspellings(1000)
    seen: dict[str, int] = {}
    docs: list[GenDoc] = []
    for i, chosen in enumerate(dealt):
        doc_id = f"{i:06d}_{rng.getrandbits(32):08x}"
        publisher = rng.choice(publishers)
        published = date(2025, 1, 1) + timedelta(days=rng.randint(0, 300))
        section = rng.choice(SECTIONS)
        if copies[i]:
            docs.append(_copy(rng, doc_id, rng.choice(docs), publisher, published))
            continue
        sentences = _statements(rng, facts, chosen, conflicted, seen)
        for _ in range(rng.randint(2, 3)):
            sentences.insert(rng.randint(0, len(sentences)), _filler(rng, world, typos))
        title = f"{section} briefing from {publisher}"
        docs.append(GenDoc(doc_id, publisher, published, title, section,
                           _paragraphs(rng, sentences), _boiler(rng, publisher, title)))
    for doc in docs:
        assemble(doc)
    return Corpus(docs, facts, seed, typos)


def _copy(rng: random.Random, doc_id: str, original: GenDoc, publisher: str,
          published: date) -> GenDoc:
    """A syndicated copy: same body, another publisher; half declare their origin."""
    source = original.copy_of or original.id
    declared = rng.random() < 0.5
    return GenDoc(doc_id, publisher, published, original.title, original.section,
                  original.paragraphs, _boiler(rng, publisher, original.title),
                  origin=original.publisher if declared else None, copy_of=source)


def assemble(doc: GenDoc) -> None:
    """Lay the document out as text and record each sentence's absolute span."""
    lines: list[str] = [f"{doc.section} News", f"By staff reporter | {doc.publisher}",
                        doc.boiler[0]]
    pending: list[tuple[int, list[Sentence]]] = []
    mid = len(doc.paragraphs) // 2
    for i, para in enumerate(doc.paragraphs):
        if i == mid and i:
            lines.append(doc.boiler[1])
        pending.append((len(lines), para))
        lines.append(" ".join(s.text for s in para))
    lines.append(doc.boiler[2])
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    doc.text = "\n".join(lines) + "\n"
    doc.spans = []
    for line_no, para in pending:
        pos = starts[line_no]
        for s in para:
            doc.spans.append((pos, pos + len(s.text), s))
            pos += len(s.text) + 1


def iter_sentences(corpus: Corpus) -> Iterator[tuple[GenDoc, int, int, Sentence]]:
    """Every content sentence of every document, with its absolute span."""
    for doc in corpus.docs:
        for start, end, sentence in doc.spans:
            yield doc, start, end, sentence


CHINA_IDS = frozenset({"china", "cnsa"})  # CNSA's parent is China: it counts as China


def china_share(corpus: Corpus) -> float:
    """Share of all content sentences (claims) that mention China."""
    flags = [any(slot.entity_id in CHINA_IDS for slot, _, _ in s.slots)
             for _, _, _, s in iter_sentences(corpus)]
    return round(sum(flags) / max(1, len(flags)), 3)


def meta_yaml(doc: GenDoc) -> str:
    """The sidecar metadata of a document."""
    lines = [f"title: {json.dumps(doc.title)}", f"publisher: {json.dumps(doc.publisher)}",
             f'published: "{doc.published.isoformat()}"']
    if doc.origin:
        lines.append(f"origin: {json.dumps(doc.origin)}")
    return "\n".join(lines) + "\n"


def _slot_json(slot: Slot) -> dict[str, object]:
    return {"kind": slot.kind, "text": slot.text, "value": slot.value}


def truth(corpus: Corpus) -> dict[str, Any]:
    """The planted truth: who states what, which pairs conflict, which facts corroborate."""
    from bench.truth import expected

    sentences = [
        {"doc": doc.id, "span": [a, b], "fact": s.fact, "variant": s.variant,
         "misspelling": [a + s.misspelling[0], a + s.misspelling[1], s.misspelling[2]]
         if s.misspelling else None}
        for doc, a, b, s in iter_sentences(corpus)
    ]
    facts = {fid: {"kind": f.kind, "conflict": f.conflict,
                   "slots": {k: _slot_json(v) for k, v in sorted(f.slots.items())}}
             for fid, f in sorted(corpus.facts.items())}
    copies = {d.id: d.copy_of for d in corpus.docs if d.copy_of}
    return {"seed": corpus.seed, "documents": len(corpus.docs), "sentences": sentences,
            "china_share": china_share(corpus),
            "facts": facts, "copies": copies, **expected(sentences),
            "typos": [list(p) for p in corpus.typos]}


def write_corpus(corpus: Corpus, out: Path) -> None:
    """Write seeds/ (text + sidecar metadata) and truth.json under out."""
    seeds = out / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for doc in corpus.docs:
        (seeds / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
        (seeds / f"{doc.id}.meta.yaml").write_text(meta_yaml(doc), encoding="utf-8")
    (out / "truth.json").write_text(json.dumps(truth(corpus), indent=None), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Command line: generate a corpus into a directory."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="number of documents")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="default: bench/corpus/<docs>")
    parser.add_argument("--claims", action="store_true",
                        help="also write claims/ (claim files built without extraction)")
    args = parser.parse_args(argv)
    out = args.out or Path("bench/corpus") / str(args.docs)
    corpus = generate(args.docs, args.seed)
    write_corpus(corpus, out)
    if args.claims:
        from bench.claims import write_claim_files

        write_claim_files(corpus, out / "claims")
    print(f"{len(corpus.docs)} documents, {len(corpus.facts)} facts -> {out}")


if __name__ == "__main__":
    main()
