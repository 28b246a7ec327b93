"""Every chosen format rendered before any is written (a renderer that fails leaves the
last run's reports as they were), over two processes when the run has them and the formats
are heavy enough to gain by it: the HTML of 10,000 documents beside the rest, while the
JSON and the Markdown are made in turn here (`BESIDE_MIN`).

    outputs = render_all(report, formats, texts, jobs)  # bytes for a file, text for stdout
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from checker.aside import beside
from checker.heap import paused_gc
from checker.models.report import Report
from checker.reporting import Format
from checker.reporting.json_report import RenderedFindings

# Seconds each format took to render the report of 10,000 generated documents (14,484
# findings) on the 2-core machine, the HTML without the documents' texts: what decides
# which formats are made beside. A format not named here counts as the JSON.
COST = {"html": 3.3, "sarif": 0.97, "json": 0.36, "md": 0.23, "github": 0.22, "text": 0.13}
# A lighter share costing less (in COST's seconds) is made here after the other: the process
# beside is a fork of this large one, and every page it touches is copied. The Markdown of
# 10,000 documents took 0.21-0.40 s beside against 0.13 s here, and six edited re-runs
# alternated with the JSON and the Markdown side by side were each faster made in turn.
BESIDE_MIN = 0.5

# A file's bytes (whole, or in pieces: `Format.written`), or the text printed to standard
# output.
Output = bytes | list[bytes] | str
Texts = Callable[[], Mapping[str, str]]  # the documents' texts (document id -> text)
Made = Callable[[Format, Output], object]  # told of each output as soon as it is made


def render_all(report: Report, formats: Sequence[Format], texts: Texts,
               jobs: int = 1, known: RenderedFindings | None = None,
               each: Made | None = None) -> list[Output]:
    """Each format's output, in the order given: bytes for a file (or its pieces), text for
    standard output.
    `texts` is called by the HTML only (it shows each document in full); `known` are
    findings whose bytes the JSON splices in (`json_report.RenderedFindings`); `each` is
    given each output as soon as it is made (to write it while the next is rendered).
    With `jobs` over 1 and a lighter share of the formats (`shares`) costing BESIDE_MIN or
    more, that share is made in a process beside while this one makes the other; the
    outputs are the same."""
    def told(fmt: Format, output: Output) -> Output:
        if each is not None:
            each(fmt, output)
        return output

    def render(fmt: Format) -> Output:
        return told(fmt, _render(fmt, report, texts, known))

    # Collection paused: the HTML of 10,000 documents is millions of young objects, and
    # each collection while they pile up walked them all (10.0 s -> 3.9 s to render).
    with paused_gc():
        here, there = shares(formats)
        if jobs <= 1 or sum(COST.get(f.name, COST["json"]) for f in there) < BESIDE_MIN:
            return [render(f) for f in formats]
        with beside(lambda _: [_render(f, report, texts, known) for f in there],
                    jobs) as theirs:
            made = {f.name: render(f) for f in here}
            made.update((f.name, told(f, output))
                        for f, output in zip(there, theirs(), strict=True))
    return [made[f.name] for f in formats]


def shares(formats: Sequence[Format]) -> tuple[list[Format], list[Format]]:
    """The formats split in two by their cost, heaviest first each to the lighter share:
    (the heavier share, made here with no copy back; the other, made beside)."""
    loads = [0.0, 0.0]
    parts: tuple[list[Format], list[Format]] = ([], [])
    for fmt in sorted(formats, key=lambda f: -COST.get(f.name, COST["json"])):
        side = 0 if loads[0] <= loads[1] else 1
        parts[side].append(fmt)
        loads[side] += COST.get(fmt.name, COST["json"])
    return parts if loads[0] >= loads[1] else (parts[1], parts[0])


def _render(fmt: Format, report: Report, texts: Texts,
            known: RenderedFindings | None) -> Output:
    return fmt.render(report) if fmt.filename is None else fmt.written(report, texts, known)
