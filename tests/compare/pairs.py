"""Two sentences judged as a pair: each extracted (every sentence kept), normalised, and
judged against the other over an index of the two; `on_page` and `page_verdict` normalise
each as its page's claim (the page's text and publication date: market days, topics);
`case_findings` checks a case file's pages as `claimcheck check` does."""

from __future__ import annotations

import re
from pathlib import Path

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.models.report import Finding
from checker.normalize import normalise
from checker.normclaim import NormClaim
from checker.pipeline import CheckOptions, run_check
from checker.rules import RuleSet

REPO = Path(__file__).resolve().parents[2]


def norm(ruleset: RuleSet, text: str, doc: str, published: str | None = None) -> NormClaim:
    """The first claim of `text`, normalised, as document `doc` published then."""
    meta = DocumentMeta(published=published)
    cf = extract_text(text, doc, ruleset.lexicon, meta=meta, threshold=0.0)
    return normalise(cf.claims[0], doc, ruleset.lexicon)


def verdict(ruleset: RuleSet, a: str, b: str, pa: str | None = None,
            pb: str | None = None) -> tuple[str, str | None]:
    """(label, reason) of the pair of a's and b's first claims."""
    na, nb = norm(ruleset, a, "a", pa), norm(ruleset, b, "b", pb)
    v = judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon)
    return v.label, v.reason


def on_page(ruleset: RuleSet, text: str, doc: str, published: str) -> NormClaim:
    """The first claim of `text`, normalised as a claim of page `doc` published then."""
    cf = extract_text(text, doc, ruleset.lexicon, DocumentMeta(published=published),
                      threshold=0.0)
    return normalise_document(doc, cf.claims, ruleset.lexicon, text, published)[0]


def page_verdict(ruleset: RuleSet, a: str, b: str, pa: str, pb: str
                 ) -> tuple[str, str | None]:
    """`verdict`, each sentence normalised `on_page`."""
    na, nb = on_page(ruleset, a, "a", pa), on_page(ruleset, b, "b", pb)
    v = judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon)
    return v.label, v.reason


def case_findings(tmp_path: Path, case: Path) -> list[Finding]:
    """The findings of `claimcheck check` over a case file's pages (`=== <name> <published>
    <publisher>`, then the page; line numbers are the page's own)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = case.read_text("utf-8")
    for page in re.split(r"^=== ", text, flags=re.M)[1:]:
        head, body = page.split("\n", 1)
        name, published, *_ = head.split()
        (seeds / f"{name}.txt").write_text(body.strip() + "\n", "utf-8")
        (seeds / f"{name}.meta.yaml").write_text(f'published: "{published}"\n', "utf-8")
    return run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                  rules=REPO / "rules")).report.findings


def finding_lines(f: Finding) -> str:
    """"doc:line doc:line" of a finding's claims, each page by its id's first part."""
    return " ".join(sorted(f"{(c.path or '').rsplit('/', 1)[-1].split('_')[0]}:{c.line}"
                           for c in f.claims))


def case_errors(tmp_path: Path, case: Path) -> set[tuple[str, str | None, str]]:
    """(kind, reason, "doc:line doc:line") of a case file's error-level findings."""
    return {(f.kind, f.reason, finding_lines(f))
            for f in case_findings(tmp_path, case) if f.severity == "error"}


def case_conflicts(tmp_path: Path, case: Path) -> set[tuple[str, str | None, str, str]]:
    """(kind, reason, severity, "doc:line doc:line") of a case file's conflicts."""
    return {(f.kind, f.reason, f.severity, finding_lines(f))
            for f in case_findings(tmp_path, case) if f.kind == "conflict"}
