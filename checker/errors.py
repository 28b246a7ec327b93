"""The tool's own errors: each names the file, line and field it is about.

The CLI maps them to exit code 2. Nothing else should escape to the user as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


def printable_path(path: str) -> str:
    """A path with its non-printable characters escaped (`\\n`, `\\x1b`): a file name with a
    newline must not start a line of its own (a forged `::error` annotation in CI logs)."""
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


@dataclass(frozen=True)
class Location:
    """Where an error is: a path, and where known a 1-based line and column and a field."""

    path: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        text = printable_path(self.path)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class ClaimcheckError(Exception):
    """Base class of every error the tool reports about its input or usage."""

    code = "error"

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        field = f"{self.location.field}: " if self.location and self.location.field else ""
        return f"{prefix}{field}{self.message}"

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form for reports."""
        loc = self.location
        return {
            "code": self.code,
            "message": self.message,
            "path": loc.path if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "field": loc.field if loc else None,
        }


def located_order(error: ClaimcheckError) -> tuple[str, int, int, str]:
    """Where an error is, for listing errors alike everywhere (terminal, reports): by path,
    line, column (a flow list's items on one line in file order) and message."""
    loc = error.location
    if loc is None:
        return ("", 0, 0, error.message)
    return (loc.path, loc.line or 0, loc.column or 0, error.message)


class InputError(ClaimcheckError):
    """A document cannot be read (missing, binary, too large, bad encoding)."""

    code = "input"


class YamlSyntaxError(ClaimcheckError):
    """A YAML file is not well-formed (syntax, duplicate keys, aliases, nesting)."""

    code = "yaml"


class SchemaError(ClaimcheckError):
    """A claim, rule, decision or config file does not satisfy its schema."""

    code = "schema"


class RuleError(ClaimcheckError):
    """A rule is well-formed but unusable (bad pattern, unknown reference)."""

    code = "rule"


class ConsistencyError(ClaimcheckError):
    """Files disagree with each other (claim file for an unknown document, span outside text)."""

    code = "consistency"


class UsageError(ClaimcheckError):
    """The command line or configuration asks for something impossible."""

    code = "usage"


class WriteRefusedError(ClaimcheckError):
    """A write would clobber a file the tool did not create, or leave the repository."""

    code = "write"
