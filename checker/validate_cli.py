"""`claimcheck validate`: the input errors `check` would stop on (schemas, claim files for
unknown documents, misplaced files, suppressions of unknown rules, rules that do not load
together), without comparing anything, so a pre-commit hook fails where CI would."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from checker.claimfiles import load_claim_file
from checker.cliutil import EXIT_BAD_INPUT, EXIT_OK, check_options, config_or_exit, echo_errors
from checker.decisions import load_decisions
from checker.defaults import DECISIONS_PATH
from checker.errors import ClaimcheckError, Location, UsageError, printable_path
from checker.ingest import META_SUFFIX, discover, display_path, meta_from_node
from checker.pipeline import load_inputs
from checker.reporting.common import plural
from checker.rules import parse_rule_file, rule_files
from checker.rules.fastload import read_rule_file
from checker.terminal import note_lines
from checker.yamlio import read_yaml


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--seeds", show_default="seeds", type=click.Path(path_type=Path),
              help="Documents (and their .meta.yaml) as check reads them.")
@click.option("--claims", "claims_dir", show_default="claims", type=click.Path(path_type=Path),
              help="Claim files.")
@click.option("--rules", "rules_dir", show_default="rules", type=click.Path(path_type=Path),
              help="Rule files.")
def validate_command(paths: tuple[Path, ...], seeds: Path | None, claims_dir: Path | None,
                     rules_dir: Path | None) -> None:
    """Check claim, rule, metadata and decisions files as `check` reads them (default: all
    of them; with PATHS, the errors in those files and directories)."""
    root = Path.cwd()
    cfg = config_or_exit(root)
    # No cache and no drafts: validating writes nothing and extracts nothing. The paths
    # are check's (a review: a corpus laid out as in README use 2 could not be validated).
    options = replace(check_options(root, cfg, seeds=seeds, claims=claims_dir,
                                    rules=rules_dir), cache_dir=None)
    errors: list[ClaimcheckError] = [UsageError("no such file or directory", Location(str(p)))
                                     for p in paths if not p.exists()]
    named = [p for p in paths if p.exists()]
    read_by_check = [d for d in (options.seeds, options.claims, options.rules) if d.exists()]
    # The documents' metadata count among the files checked (a corpus of documents and
    # their sidecars alone said "nothing to validate" and checked none of them).
    files = rule_files(named) if paths else _metadata(options.seeds) + rule_files(
        [d for d in (options.claims, options.rules) if d.exists()])
    decisions = Path(cfg.decisions) if cfg.decisions else DECISIONS_PATH
    if not paths and decisions.is_file():
        files.append(decisions)  # the decisions file check reads
    if not files and not errors:
        # A CI step that validates nothing must not pass as if all were well.
        errors.append(UsageError(f"nothing to validate: no metadata, claim or rule files in "
                                 f"{options.seeds}/, {options.claims}/ or {options.rules}/; "
                                 f"name the files to check", Location(".")))
    if read_by_check and (not paths or any(_overlap(p, d) for p in named
                                           for d in read_by_check)):
        inputs = load_inputs(options, drafts=False)
        if inputs.cache is not None:
            inputs.cache.settle()  # the memos it writes beside
        found = inputs.errors
        # Files `check` would pass over (a sidecar of no document, "x.markdown"): said here
        # too, since a hook is where a renamed document's orphaned metadata is caught.
        unread = [n for n in inputs.corpus.notes if ": not read: " in n]
        for line in note_lines(unread):
            click.echo(printable_path(line), err=True)
        errors.extend(found if not paths else [e for e in found if _within(e, named, root)])
    for path in files:
        if not paths and path.name.endswith(META_SUFFIX):
            continue  # the corpus load read the documents' metadata, and said what is wrong
        kind = "rules" if _overlap(path, options.rules) else \
            "claims" if _overlap(path, options.claims) else None
        if kind is None or path.is_file():
            # Each file's own schema errors too (an orphan claim file's, which the corpus
            # load does not parse); what is no file in claims/ or rules/ it has reported.
            errors.extend(_validate_file(path, display_path(path, root), kind))
    errors = _unique(errors)
    echo_errors(errors)
    click.echo(f"{plural(len(files), 'file')} checked, {plural(len(errors), 'error')}",
               err=bool(errors))
    sys.exit(EXIT_BAD_INPUT if errors else EXIT_OK)


def _metadata(seeds: Path) -> list[Path]:
    """The metadata files `check` reads beside the documents under `seeds`, sorted (one
    beside no document is not read: the corpus load notes it)."""
    beside = (p.with_name(p.name[:-len(p.suffix)] + META_SUFFIX) for p in discover(seeds))
    return sorted(p for p in beside if p.is_file())


def _unique(errors: list[ClaimcheckError]) -> list[ClaimcheckError]:
    """Each error once: a file's schema error is met by itself and by the corpus load."""
    seen: set[str] = set()
    out = []
    for e in errors:
        key = repr(sorted(e.as_dict().items()))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _overlap(a: Path, b: Path) -> bool:
    """Whether one path is inside the other (or they are one)."""
    ra, rb = a.resolve(), b.resolve()
    return ra.is_relative_to(rb) or rb.is_relative_to(ra)


def _within(error: ClaimcheckError, named: list[Path], root: Path) -> bool:
    """Whether an error is located in one of the named files or directories."""
    where = error.location.path if error.location else None
    if not where:
        return False
    shown = [display_path(p, root).rstrip("/") for p in named]
    return any(where == s or where.startswith(f"{s}/") or s == "." for s in shown)


def _validate_file(path: Path, shown: str, kind: str | None) -> list[ClaimcheckError]:
    """Schema errors of one file: a rule file in the rules directory, a claim file in the
    claims directory, a document's metadata by its name (`<stem>.meta.yaml`); elsewhere (a
    decisions file, a file named from anywhere) its kind is read from its content."""
    if path.name.endswith(META_SUFFIX):
        try:
            meta_from_node(read_yaml(path, shown), shown)
        except ClaimcheckError as exc:
            return [exc]
        return []
    # A file whose kind is known goes straight to its loader, whose fast path reads a
    # valid file with the C parser (the round-trip parser read each claim file of the seeds
    # in about 0.1 s); a broken one falls to the careful path, which locates its errors.
    if kind == "claims":
        return load_claim_file(path, shown)[1]
    if kind == "rules" and read_rule_file(path, shown) is not None:
        return []
    try:
        root = read_yaml(path, shown)
    except ClaimcheckError as exc:
        return [exc]
    if kind == "rules" or (kind is None and hasattr(root, "get")
                           and root.get("rules") is not None):
        return parse_rule_file(root, shown)[1]
    if kind == "claims":
        return load_claim_file(path, shown)[1]
    if hasattr(root, "get") and root.get("decisions") is not None:
        return load_decisions(path, shown)[1]  # reviews/decisions.yaml
    return load_claim_file(path, shown)[1]
