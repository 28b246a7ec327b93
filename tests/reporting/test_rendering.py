"""Every chosen format rendered before any is written, the lighter share of them in a
process beside with --jobs (`checker.reporting.rendering`): the same bytes either way."""

from __future__ import annotations

import itertools
import os

import pytest

from checker.models.report import Report
from checker.reporting import FORMATS, Format, json_report, sarif
from checker.reporting.rendering import BESIDE_MIN, COST, render_all, shares

NAMES = list(FORMATS)


def _one_by_one(report: Report, names: list[str], texts: dict[str, str]) -> list[bytes | str]:
    from checker.reporting import html

    out: list[bytes | str] = []
    for name in names:
        fmt = FORMATS[name]
        if fmt.filename is None:
            out.append(fmt.render(report))
        elif name == "html":  # each document shown in full
            out.append(html.render_with_sources(report, texts).encode("utf-8"))
        else:
            out.append(fmt.render(report).encode("utf-8"))
    return out


def test_a_format_encoded_without_texts_shows_no_document(
        report: Report, texts: dict[str, str]) -> None:
    from checker.reporting import html

    page = FORMATS["html"]
    assert page.encoded(report) == html.render(report).encode("utf-8")
    assert page.encoded(report, lambda: texts) == \
        html.render_with_sources(report, texts).encode("utf-8")
    assert FORMATS["json"].encoded(report, lambda: texts) == \
        json_report.render(report).encode("utf-8")


@pytest.mark.parametrize("names", [["json", "md"], ["md", "json"], NAMES, NAMES[::-1],
                                   ["html", "text"], ["sarif"], ["github", "json", "sarif"]])
@pytest.mark.parametrize("jobs", [1, 2])
def test_outputs_are_each_format_rendered_alone_in_the_order_asked(
        report: Report, texts: dict[str, str], names: list[str], jobs: int) -> None:
    outputs = render_all(report, [FORMATS[n] for n in names], lambda: texts, jobs)
    assert outputs == _one_by_one(report, names, texts)
    assert [isinstance(o, str) for o in outputs] == [FORMATS[n].filename is None
                                                     for n in names]


def test_the_json_and_sarif_bytes_are_their_texts_encoded(report: Report) -> None:
    assert json_report.render_bytes(report) == json_report.render(report).encode("utf-8")
    assert sarif.render_bytes(report) == sarif.render(report).encode("utf-8")
    assert json_report.render_bytes(report).endswith(b"}\n")


def test_formats_are_shared_by_cost_the_heavier_share_made_here() -> None:
    def named(here: list[Format], there: list[Format]) -> tuple[list[str], list[str]]:
        return [f.name for f in here], [f.name for f in there]

    assert named(*shares([FORMATS["json"], FORMATS["md"]])) == (["json"], ["md"])
    assert named(*shares([FORMATS["md"], FORMATS["json"]])) == (["json"], ["md"])
    assert named(*shares([FORMATS[n] for n in NAMES])) == (
        ["html"], ["sarif", "json", "md", "github", "text"])
    for count in range(1, len(NAMES) + 1):
        for names in itertools.permutations(NAMES, count):
            here, there = shares([FORMATS[n] for n in names])
            assert sorted(f.name for f in here + there) == sorted(names)
            assert sum(COST[f.name] for f in here) >= sum(COST[f.name] for f in there)


def test_the_documents_texts_are_asked_for_by_the_html_alone(
        report: Report, texts: dict[str, str]) -> None:
    asked: list[int] = []

    def counted() -> dict[str, str]:
        asked.append(os.getpid())
        return texts

    render_all(report, [FORMATS["json"], FORMATS["md"], FORMATS["sarif"]], counted, 1)
    assert asked == []
    render_all(report, [FORMATS["json"], FORMATS["html"]], counted, 1)
    assert asked == [os.getpid()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_renderer_that_fails_beside_fails_here(report: Report, jobs: int) -> None:
    def broken(_: Report) -> str:
        raise RuntimeError(f"renderer bug in {os.getpid()}")

    # The lighter share (made beside with jobs 2) holds the broken format.
    formats = [FORMATS["html"], Format("sarif", "report.sarif", broken)]
    with pytest.raises(RuntimeError, match="renderer bug") as caught:
        render_all(report, formats, dict, jobs)
    assert (str(os.getpid()) in str(caught.value)) == (jobs == 1)


@pytest.mark.parametrize(("names", "beside"), [
    (["json", "md"], False), (["md", "text"], False), (["json", "md", "github"], False),
    (["html", "md"], False), (["html", "sarif"], True), (["html", "json", "md"], True),
    (["sarif", "json", "md"], True)])
def test_a_share_lighter_than_a_process_is_made_here(report: Report, names: list[str],
                                                     beside: bool) -> None:
    made: dict[str, int] = {}

    def recording(fmt: Format) -> Format:
        def render(r: Report) -> str:
            made[fmt.name] = os.getpid()
            return fmt.render(r)
        return Format(fmt.name, fmt.filename, render)

    formats = [recording(FORMATS[n]) for n in names]
    outputs = render_all(report, formats, dict, 2)
    assert outputs == [f.encoded(report) if f.filename else f.render(report)
                       for f in (FORMATS[n] for n in names)]
    lighter = shares(formats)[1]
    assert (sum(COST[f.name] for f in lighter) >= BESIDE_MIN) == beside
    # Made beside, the lighter share's renderers ran in another process (not recorded here).
    assert set(made) == ({n for n in names} - {f.name for f in lighter} if beside
                         else set(names))


@pytest.mark.parametrize("names", [["json", "md"], ["md", "text", "json"],
                                   ["html", "sarif", "json", "md"]])
@pytest.mark.parametrize("jobs", [1, 2])
def test_each_output_is_told_as_soon_as_it_is_made(report: Report, texts: dict[str, str],
                                                   names: list[str], jobs: int) -> None:
    told: list[tuple[str, bytes | str]] = []
    formats = [FORMATS[n] for n in names]
    outputs = render_all(report, formats, lambda: texts, jobs,
                         each=lambda fmt, output: told.append((fmt.name, output)))
    assert sorted(told, key=lambda t: names.index(t[0])) == list(zip(names, outputs, strict=True))
    here, there = shares(formats)
    if jobs > 1 and sum(COST[f.name] for f in there) >= BESIDE_MIN:
        # Those made here are told first, in turn; then those made beside.
        assert [n for n, _ in told] == [f.name for f in here] + [f.name for f in there]
    else:
        assert [n for n, _ in told] == names
