"""Writing the claim files `claimcheck extract` drafted: a new file, or a merge into the
editor's file (edits kept, never clobbered); what is not a claim file is left alone unless
forced. The command prints what this returns, in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.atomic import atomic_write
from checker.claimfiles import render_claim_file, same_newlines
from checker.corpus import claim_file_for
from checker.errors import ClaimcheckError, Location, UsageError, printable_path
from checker.ingest import Document, display_path
from checker.merge import merge_claim_file, with_drafted
from checker.models.claims import ClaimFile
from checker.rules import RuleSet
from checker.yamlio import read_yaml


@dataclass
class Drafted:
    """What writing the drafts did: the lines to print (True: to standard error), the
    files it refused, and counts of files written new, merged, and their claims."""

    lines: list[tuple[str, bool]] = field(default_factory=list)
    errors: list[ClaimcheckError] = field(default_factory=list)
    written: Counter[str] = field(default_factory=Counter)


def write_drafts(docs: Sequence[Document], models: Sequence[ClaimFile], out: Path, root: Path,
                 ruleset: RuleSet, force: bool) -> Drafted:
    """Each document's claim file in `out`: written, or merged with the one there."""
    done = Drafted()
    for doc, model in zip(docs, models, strict=True):
        target = claim_file_for(out, doc.id)
        shown = display_path(target, root)
        out.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            atomic_write(target, render_claim_file(with_drafted(model), out))
            done.lines.append((f"{printable_path(shown)}: {len(model.claims)} claims", False))
            done.written.update(new=1, claims=len(model.claims))
            continue
        old, refused = _existing(target, shown, force)
        if refused is not None:
            done.errors.append(refused)
            continue
        legacy = old is not None and "drafted" not in old  # the merge adds the list
        text, merged = merge_claim_file(old, model, doc, out, ruleset.drafted_by_disabled)
        with target.open("rb") as handle:
            atomic_write(target, same_newlines(text, handle.read(4096)))
        done.lines.append((f"{printable_path(shown)}: {merged.summary()}", False))
        done.written.update(merged=1, claims=len(merged.added) + len(merged.kept)
                            + len(merged.editor_claims))
        if legacy and merged.added:
            # A file from before `drafted:` cannot tell a claim an editor deleted from a
            # new sentence: said once, as the list it gets now remembers deletions.
            done.lines.append((f"{printable_path(shown)}: note: the file had no drafted: "
                               f"list, so claims deleted from it earlier may be among those "
                               f"added; deletions are remembered from now on", True))
    return done


def _existing(target: Path, shown: str, force: bool) -> tuple[Any, ClaimcheckError | None]:
    """The claim file at `target` as read (None when unreadable and forced), or why it is
    not overwritten: it is no readable claim file and `force` is off."""
    try:
        old = read_yaml(target, shown)
    except ClaimcheckError as exc:
        if not force:
            return None, UsageError(f"exists and is not a readable claim file ({exc.message});"
                                    " use --force to overwrite", Location(shown))
        return None, None
    if not (hasattr(old, "get") and old.get("document")) and not force:
        return None, UsageError("exists and is not a claim file; use --force to overwrite",
                                Location(shown))
    return old, None
