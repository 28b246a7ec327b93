"""Project configuration: `claimcheck.toml`, or `[tool.claimcheck]` in pyproject.toml.

Command-line options win over the file; the file wins over the built-in defaults.

    # claimcheck.toml
    seeds = "corpus"
    fail-on = "warning"
    ignore = ["style"]          # rule ids or tags
    editor = "Desk A"           # recorded with review decisions
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, ValidationError

from checker.errors import Location, SchemaError
from checker.models.common import Strict

CONFIG_FILE = "claimcheck.toml"


class Config(Strict):
    """Settings a project can fix once instead of repeating on every command line."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    seeds: str | None = None
    claims: str | None = None
    rules: str | None = None
    out: str | None = None
    format: str | None = None
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(None, alias="fail-on")
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    threshold: Annotated[float, Field(ge=0, le=1)] | None = None
    fuzzy_threshold: Annotated[float, Field(gt=0, le=1)] | None = Field(
        None, alias="fuzzy-threshold")
    baseline: str | None = None
    decisions: str | None = None
    editor: str | None = None
    jobs: Annotated[int, Field(ge=0)] | None = None
    cache_dir: str | None = Field(None, alias="cache-dir")
    cache: bool = True


def _locate(text: str, key: str) -> int | None:
    # [ \t]*, not \s*: \s would run over blank lines and report the line above the key.
    m = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _parse(path: Path, shown: str) -> tuple[dict[str, Any], str] | None:
    try:
        text = path.read_text(encoding="utf-8-sig")  # editors on Windows may add a BOM
    except FileNotFoundError:
        return None
    except OSError as exc:  # a directory, no permission
        raise SchemaError(f"cannot read: {exc.strerror}", Location(shown)) from None
    except UnicodeDecodeError as exc:
        raise SchemaError(f"not UTF-8 (byte {exc.start})", Location(shown)) from None
    import tomllib  # only for a file to parse: a run in a directory with none imports none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        raise SchemaError(f"TOML syntax: {str(exc).split(' (at')[0]}",
                          Location(shown, line, col)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        section = tool.get("claimcheck") if isinstance(tool, dict) else None
        return (section, text) if isinstance(section, dict) else None
    return data, text


PATH_KEYS = {"seeds": "seeds", "claims": "claims", "rules": "rules", "out": "out",
             "baseline": "baseline", "decisions": "decisions", "cache_dir": "cache-dir"}


def _outside(value: str) -> str | None:
    """Why a configured path leaves the repository, or None when it stays inside."""
    path = Path(value)
    if path.is_absolute() or path.drive:
        return "is an absolute path"
    depth = 0
    for part in path.parts:
        depth += -1 if part == ".." else (0 if part == "." else 1)
        if depth < 0:
            return "leads outside the repository"
    return None


def _check_paths(config: Config, text: str, shown: str) -> None:
    # A configuration file arrives with the repository (a pull request can change it), so
    # unlike a path typed on the command line it may not point the tool outside the tree.
    for attr, key in PATH_KEYS.items():
        value = getattr(config, attr)
        why = _outside(value) if value else None
        if why:
            raise SchemaError(f"{value!r} {why}; paths in {shown} stay inside the repository "
                              "(give it on the command line instead)",
                              Location(shown, _locate(text, key), None, key))


def ignored_section(root: Path, used: str | None) -> str | None:
    """A warning when claimcheck.toml is read while pyproject.toml has a [tool.claimcheck]
    section too, which is then ignored (a CI probe changed one and nothing happened)."""
    if used != CONFIG_FILE:
        return None
    try:
        found = _parse(root / "pyproject.toml", "pyproject.toml")
    except SchemaError:
        return None  # not read, so nothing in it was ignored in favour of the other
    if found is None:
        return None
    return (f"{CONFIG_FILE} is read and [tool.claimcheck] in pyproject.toml is ignored; "
            "keep the settings in one of them")


def _unknown_key(key: str) -> str:
    """"unknown key", with the key meant when it is near one ("fail_on": "fail-on")."""
    import difflib

    known = sorted({f.alias or n for n, f in Config.model_fields.items()})
    near = difflib.get_close_matches(key.replace("_", "-"), known, n=1, cutoff=0.6)
    return f"unknown key (did you mean '{near[0]}'?)" if near else \
        f"unknown key (known: {', '.join(known)})"


def load_config(root: Path) -> tuple[Config, str | None]:
    """The project's configuration and the file it came from (None: defaults)."""
    for name in (CONFIG_FILE, "pyproject.toml"):
        found = _parse(root / name, name)
        if found is None:
            continue
        data, text = found
        try:
            config = Config.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            key = str(err["loc"][0]) if err["loc"] else ""
            message = _unknown_key(key) if err["type"] == "extra_forbidden" else str(err["msg"])
            raise SchemaError(message, Location(name, _locate(text, key), None,
                                                key or None)) from None
        _check_paths(config, text, name)
        return config, name
    return Config(), None
