"""Reporters: pure `render(report) -> str` functions, one per output format."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from checker import rx
from checker.models.report import Report
from checker.reporting import github, html, json_report, markdown, sarif, text


@dataclass(frozen=True)
class Format:
    """An output format: file name in the output directory and its renderer."""

    name: str
    filename: str | None  # None: printed to standard output
    render: Callable[[Report], str]
    # How the head of a file this format wrote begins: a file without it is not replaced
    # unless --force (`atomic.owned_by_us`). None for what goes to standard output.
    signature: re.Pattern[bytes] | None = None
    # The file's bytes made without a str between, where the renderer can (JSON: 41 MB at
    # 10,000 documents, which decoding and encoding again took 0.09 s); else `render`'s
    # text encoded.
    render_bytes: Callable[[Report], bytes] | None = None
    # The renderer that shows each document in full, given their texts (the HTML): `render`
    # alone shows none of them.
    render_sourced: Callable[[Report, Mapping[str, str]], str] | None = None
    # `render_bytes` in pieces, splicing in the findings whose bytes are known (the JSON).
    render_known: Callable[[Report, json_report.RenderedFindings], list[bytes]] | None = None

    def encoded(self, report: Report,
                texts: Callable[[], Mapping[str, str]] | None = None,
                known: json_report.RenderedFindings | None = None) -> bytes:
        """What this format writes to its file, UTF-8 encoded. `texts` gives the documents'
        texts (document id -> text), asked for only by a format that shows them; `known`,
        findings whose bytes in this format are known (the same bytes either way)."""
        made = self.written(report, texts, known)
        return made if isinstance(made, bytes) else b"".join(made)

    def written(self, report: Report,
                texts: Callable[[], Mapping[str, str]] | None = None,
                known: json_report.RenderedFindings | None = None) -> bytes | list[bytes]:
        """`encoded`, or its bytes in pieces where the renderer has them (for a writer to
        write as they are: `atomic.write_all`)."""
        if self.render_sourced is not None and texts is not None:
            return self.render_sourced(report, texts()).encode("utf-8")
        if self.render_known is not None and known:
            return self.render_known(report, known)
        if self.render_bytes is not None:
            return self.render_bytes(report)
        return self.render(report).encode("utf-8")


FORMATS: dict[str, Format] = {
    "json": Format("json", "report.json", json_report.render, rx.compile(
        rb'\A\{\s*"schema_version":\s*"[^"]*",\s*"tool":\s*\{\s*"name":\s*"claimcheck"'),
        json_report.render_bytes, render_known=json_report.render_pieces),
    "md": Format("md", "report.md", markdown.render, rx.compile(rb"\A# claimcheck report\r?\n")),
    "html": Format("html", "report.html", html.render, rx.compile(
        rb'\A<!DOCTYPE html>[^\0]*?<meta name="generator" content="claimcheck '),
        render_sourced=lambda report, texts: html.render_with_sources(report, texts)),
    "sarif": Format("sarif", "report.sarif", sarif.render, rx.compile(
        rb'\A\{\s*"\$schema":[^\n]*sarif[^\n]*\s*"version":\s*"2\.1\.0",\s*"runs":\s*\[\s*'
        rb'\{\s*"tool":\s*\{\s*"driver":\s*\{\s*"name":\s*"claimcheck"'), sarif.render_bytes),
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
