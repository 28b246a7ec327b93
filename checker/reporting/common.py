"""Helpers the reporters share: rule names, locating the flagged part of a statement, order."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from checker import rx
from checker.models.common import Severity
from checker.models.report import ClaimRef, ErrorOut, Finding

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
ROLE_LABELS = {"claim": "statement", "evidence": "evidence", "correction": "correction note",
               "match": "found in"}


# Each severity's plain string, by the enum or the string (a StrEnum hashes as its value):
# one lookup, where the enum's `value` property cost 0.02 s over 15,000 findings.
_PLAIN: dict[object, str] = {**{s: s.value for s in Severity},
                             **{s.value: s.value for s in Severity}}


def severity(finding: Finding) -> str:
    """The severity as a plain string (`error`, `warning`, `info`)."""
    value = finding.severity
    plain = _PLAIN.get(value)
    return plain if plain is not None else str(value)


def rule_key(finding: Finding) -> str:
    """The rule id a finding reports under: its rule, else `claimcheck/<kind>`."""
    return finding.rule_id or f"claimcheck/{finding.kind}"


def short_rule(finding: Finding) -> str:
    """What a one-line report names: the rule id, else the finding kind."""
    return finding.rule_id or finding.kind


def error_key(error: ErrorOut) -> str:
    """The rule id an input error reports under."""
    return f"claimcheck/input/{error.code}"


# Control characters (C0 but tab and line breaks, DEL, C1), Unicode line separators and the
# bidirectional marks and overrides: a terminal runs escape sequences, readers split lines
# at more than "\n", and U+202E shows a terminal or an annotation the text reversed.
CONTROL_RE = rx.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f"
                        "\u202a-\u202e\u2066-\u2069]")


def no_controls(text: str) -> str:
    """Text with every control character replaced by a space."""
    return CONTROL_RE.sub(" ", text)


def flat(text: str) -> str:
    """One line: every run of whitespace (newlines included) becomes one space, and control
    characters (terminal escapes) become spaces too."""
    return " ".join(no_controls(str(text)).split())


def primary_ref(finding: Finding) -> ClaimRef | None:
    """The statement a finding is located at: its first reference."""
    return finding.claims[0] if finding.claims else None


def across_documents(finding: Finding) -> bool:
    """Whether a finding's statements come from more than one document."""
    return len({r.document for r in finding.claims}) > 1


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Most severe first, report order otherwise (a stable sort)."""
    return sorted(findings, key=lambda f: -SEVERITY_RANK.get(severity(f), 0))


def editor_order(findings: list[Finding]) -> list[Finding]:
    """Active before suppressed, then report.json's order: most severe first, then by kind
    (conflicts first), then most confident, then report order. The review queue orders by
    severity too: an info finding of confidence 1.00 never comes before an error of 0.95."""
    # Imported here: checker.findings pulls in the rules and the corpus, which a run has
    # loaded before it writes a report, but importing the reporters alone should not.
    from checker.findings import KIND_ORDER

    # Ties keep report order (the sort is stable).
    keys = [editor_key(f, severity(f), KIND_ORDER) for f in findings]
    return [findings[i] for i in sorted(range(len(findings)), key=keys.__getitem__)]


def editor_key(finding: Finding, sev: str, kind_order: Mapping[str, int]
               ) -> tuple[bool, int, int, float]:
    """A finding's place in the editor order (`editor_order`), its severity (`severity`)
    and the kinds' order (`findings.KIND_ORDER`) given."""
    return (finding.suppressed is not None, -SEVERITY_RANK.get(sev, 0),
            kind_order.get(finding.kind, len(kind_order)), -finding.confidence)


# A note's variable parts: paths (a document's, its claim file's) and numbers.
_NOTE_PATH = rx.compile(r"[^\s()\[\]{}:;,'\"“”‘’]*/[^\s()\[\]{}:;,'\"“”‘’]*")
_NOTE_NUMBER = rx.compile(r"\d+")
# Both in one pass: a path is matched first where one starts, as replacing the paths, then
# the numbers left, does (tests/reporting/test_common.py).
_NOTE_VARIABLE = rx.compile(f"{_NOTE_PATH.pattern}|{_NOTE_NUMBER.pattern}")
NOTE_GROUP_MIN = 3  # notes of one shape listed one by one up to this many
NOTE_EXAMPLES = 3  # other files named on the line of notes saying the same of many


@dataclass
class NoteGroup:
    """Run notes that say the same thing of different files."""

    shape: str  # the note with its paths and numbers as "…"
    notes: list[str]

    def also(self) -> tuple[list[str], int]:
        """The other notes' files to name beside the first (NOTE_EXAMPLES at most), and how
        many more there are."""
        others = self.examples[1:1 + NOTE_EXAMPLES]
        return others, len(self.notes) - 1 - len(others)

    @property
    def examples(self) -> list[str]:
        """What tells the notes apart: each one's first path (else the note itself)."""
        out = []
        for note in self.notes:
            found = _NOTE_PATH.search(note)
            out.append(found.group(0) if found else note)
        return out


def note_shape(note: str) -> str:
    """A note with its paths and numbers replaced by "…"."""
    return _NOTE_VARIABLE.sub("…", note)


def group_notes(notes: list[str]) -> list[NoteGroup]:
    """The run notes in their order, those of one shape seen NOTE_GROUP_MIN times or more
    in one group at the place of the first: 500 documents without a claim file are one
    line, not 500 (a desk probe's report.md was mostly these). A note alone is a group of
    one whose shape is the note. The groups of the last notes asked for are kept: the
    Markdown report and the command's standard error group the same notes (10,000 at
    10,000 documents, 0.035 s each time); callers read the groups, never change them."""
    return list(_grouped(tuple(notes)))


@functools.lru_cache(maxsize=1)
def _grouped(notes: tuple[str, ...]) -> list[NoteGroup]:
    shapes = [note_shape(n) for n in notes]
    counts = Counter(shapes)
    groups: dict[str, NoteGroup] = {}
    out: list[NoteGroup] = []
    for note, shape in zip(notes, shapes, strict=True):
        if counts[shape] < NOTE_GROUP_MIN:
            out.append(NoteGroup(note, [note]))
            continue
        group = groups.get(shape)
        if group is None:
            group = groups[shape] = NoteGroup(shape, [])
            out.append(group)
        group.notes.append(note)
    return out


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 conflict', '2 conflicts' (`many` for an irregular plural)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def kind_counts(kinds: Counter[Any]) -> list[str]:
    """The summary's counts of active findings by kind: conflicts between sources,
    self-contradictions apart (when there are any), corroborations, rule violations."""
    counts = [plural(kinds["conflict"], "conflict")]
    if kinds["self-contradiction"]:
        counts.append(plural(kinds["self-contradiction"], "self-contradiction"))
    return counts + [plural(kinds["corroboration"], "corroboration"),
                     plural(kinds["rule-violation"], "rule violation")]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def flagged_range(ref: ClaimRef, finding: Finding | None = None) -> tuple[int, int] | None:
    """Offsets of the flagged span inside `ref.text`, or None when they cannot be told.

    A reference carries its sentence but spans may cover only a word of it (a misspelling),
    and the report does not say where the sentence starts. The span's text is then recovered
    from the finding's details (`found`, the forms seen) when exactly one candidate of the
    span's length occurs exactly once in the sentence.
    """
    start, end = ref.span
    length = end - start
    if length == len(ref.text):
        return 0, length
    if finding is None or length <= 0:
        return None
    hits = sorted({s for s in _strings(finding.details)
                   if len(s) == length and ref.text.count(s) == 1})
    if len(hits) != 1:
        return None
    at = ref.text.index(hits[0])
    return at, at + length


def explanation(finding: Finding) -> str | None:
    """A rule's explanation, when the message does not already say it (a rule-support
    finding's message is "Agrees with <rule>: <explanation>")."""
    value = finding.details.get("explanation")
    if not isinstance(value, str) or not value.strip():
        return None
    return None if " ".join(value.split()) in " ".join(finding.message.split()) else value


def is_web_url(value: str | None) -> bool:
    """True for http(s) URLs: the only references made into links."""
    return bool(value) and str(value).lower().startswith(("https://", "http://"))


def disputed(findings: list[Finding]) -> list[tuple[ClaimRef, list[str]]]:
    """Each unsuppressed conflict's statement that conflicts with two documents or more,
    with those documents (sorted), most disputed first: a desk sees the one wrong figure
    before the conflicts it gives with each page that has it right (a desk probe: "54%"
    against three pages saying 45% was three findings, read as three problems)."""
    against: dict[tuple[str, int, int], tuple[ClaimRef, set[str]]] = {}
    for f in findings:
        if f.kind != "conflict" or f.suppressed is not None:
            continue
        sides = [c for c in f.claims if c.role in ("claim", "evidence")][:2]
        if len(sides) < 2:
            continue
        for ref, other in ((sides[0], sides[1]), (sides[1], sides[0])):
            key = (ref.path, ref.line, ref.column)
            against.setdefault(key, (ref, set()))[1].add(other.document)
    many = sorted(((key, ref, docs) for key, (ref, docs) in against.items() if len(docs) > 1),
                  key=lambda x: (-len(x[2]), x[0]))
    return [(ref, sorted(docs)) for _, ref, docs in many]
