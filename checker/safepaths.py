"""Where a repository's files may lead: a symlink out of the repository is refused, so a
checked-out repository cannot make the tool read (and quote in its reports) a file from
elsewhere on the machine."""

from __future__ import annotations

import os
from pathlib import Path


def escapes(path: Path, root: Path, resolved: Path | None = None,
            resolved_root: Path | None = None) -> bool:
    """A symlink (in the path or its parents) leads outside the repository root.

    `resolved` and `resolved_root`, when given, are `path.resolve()` and `root.resolve()`
    (a corpus of 10,000 files resolves each once)."""
    resolved = resolved or path.resolve()
    if resolved == Path(os.path.abspath(path)):
        # No symlink (`..` taken lexically: `--seeds ../seeds` from a subdirectory is a
        # plain path): an explicit path is the user's choice.
        return False
    return not resolved.is_relative_to(resolved_root or root.resolve())


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def leads_out(path: Path) -> bool:
    """A path named inside the working directory (the repository) that a symlink, on the
    file or on a directory above it, takes outside it: to be neither read nor written (a
    file need not exist yet). A path named outside the repository is the user's choice
    and never refused."""
    cwd = os.getcwd()
    absolute = os.path.abspath(path)
    return _within(absolute, cwd) and not _within(os.path.realpath(absolute),
                                                  os.path.realpath(cwd))
