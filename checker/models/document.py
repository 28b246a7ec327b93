"""Document metadata: sidecar `<stem>.meta.yaml` or Markdown front matter."""

from __future__ import annotations

from pydantic import Field

from checker.models.common import PartialDate, Strict


class DocumentMeta(Strict):
    """What an editor knows about a document: sidecar `<stem>.meta.yaml` or front matter."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: PartialDate | None = Field(
        None, description="publication date; relative dates are resolved against it"
    )
    language: str = "en"
    origin: str | None = Field(
        None, description="original source when the text is syndicated or copied"
    )
    note: str | None = None
