"""Reporters: pure `render(report) -> str` functions, one per output format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.models.report import Report
from checker.reporting import github, html, json_report, markdown, sarif, text


@dataclass(frozen=True)
class Format:
    """An output format: file name in the output directory and its renderer."""

    name: str
    filename: str | None  # None: printed to standard output
    render: Callable[[Report], str]


FORMATS: dict[str, Format] = {
    "json": Format("json", "report.json", json_report.render),
    "md": Format("md", "report.md", markdown.render),
    "html": Format("html", "report.html", html.render),
    "sarif": Format("sarif", "report.sarif", sarif.render),
    "text": Format("text", None, text.render),
    "github": Format("github", None, github.render),
}


def parse_formats(value: str) -> list[Format]:
    """`json,md` -> formats; unknown names raise ValueError naming the choices."""
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    return [FORMATS[n] for n in dict.fromkeys(names)]
