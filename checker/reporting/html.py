"""`report.html`: one self-contained page for editors (inline CSS and JS, no network).

Everything taken from the report is escaped by Jinja2's autoescaping; no report data is
placed inside the script. A Content-Security-Policy allows only the page's own script (by
its hash), so even markup that slipped through could not run code.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from checker.models.report import Report
from checker.reporting.common import explanation, is_web_url

if TYPE_CHECKING:
    from jinja2 import Environment


def _asset(name: str) -> str:
    return (resources.files("checker.reporting") / "templates" / name).read_text("utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _noun(word: str, count: int) -> str:
    """'conflict' for one, 'conflicts' for any other count."""
    return word if count == 1 else word + "s"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Imported here: jinja2 and the view take a tenth of the command's start-up, and most
    # runs (CI: json, sarif, github) write no HTML.
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from markupsafe import Markup

    env = Environment(loader=PackageLoader("checker.reporting", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.tests["web_url"] = is_web_url
    env.filters["noun"] = _noun
    env.globals["explanation"] = explanation
    script = _asset("report.js")
    env.globals.update(
        # Our own static files, not report data: inserted verbatim.
        style=Markup(_asset("report.css")), script=Markup(script),
        csp=("default-src 'none'; style-src 'unsafe-inline'; "
             f"script-src {_csp_hash(script)}; base-uri 'none'; form-action 'none'"),
    )
    return env


def render_with_sources(report: Report, texts: Mapping[str, str],
                        lazy: bool | None = None) -> str:
    """The HTML report, each document shown in full (`texts`: document id -> its text).

    `lazy`: documents' bodies are built in the browser when opened (None: for a large
    report, `htmlview.LAZY_BLOCKS`)."""
    from checker.reporting.htmlview import build_view

    view = build_view(report, texts, lazy)
    return _environment().get_template("report.html.j2").render(view=view, report=report)


def render(report: Report) -> str:
    """The HTML report from the report alone: flagged statements shown in their sentences."""
    return render_with_sources(report, {})
