"""The command line: parses options, calls the core, writes files, sets the exit code.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 bad input,
bad rules or usage; 3 the run failed for a reason of its own (a bug, memory). Errors are
printed as `path:line:col: field: message`, never tracebacks (but a bug's).
"""

from __future__ import annotations

import errno
import importlib
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from checker import __version__
from checker import native as _native
from checker.cliutil import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    IGNORE_OPTION,
    SELECT_OPTION,
    THRESHOLD_OPTION,
    check_options,
    config_or_exit,
    decisions_of,
    echo_errors,
    guard_write,
    load_rules_of,
)
from checker.cpus import AUTO_MAX_JOBS, AUTO_MIN_DOCUMENTS, jobs_for
from checker.defaults import CACHE_DIR, DECISIONS_PATH, DEFAULT_THRESHOLD
from checker.errors import (
    ClaimcheckError,
    Location,
    UsageError,
    printable_path,
)
from checker.interrupt import clear, quiet_exits, raised, terminate

# The command line imports a command's machinery when the command runs, not before:
# `claimcheck --version` took 1.0 s and `claimcheck validate` imported extraction and
# comparison it never calls (the modules a command needs are imported in its body, and
# the other commands' modules by `_Main.get_command`).
if TYPE_CHECKING:
    from checker.models.report import Report
    from checker.pipeline import CheckResult
    from checker.reporting import Format

# What --jobs does when not given (`cpus.auto_jobs`), as --help shows it.
AUTO_JOBS = (f"one per CPU (at most {AUTO_MAX_JOBS}) from {AUTO_MIN_DOCUMENTS} documents, "
             "else 1")


# Commands defined in modules of their own, imported when named (`module:attribute`).
_LAZY_COMMANDS = {
    "rules": "checker.rules.cli:rules_command",
    "validate": "checker.validate_cli:validate_command",
    "eval": "checker.eval_cli:eval_command",
    "review": "checker.review.cli:review_command",
    "export": "checker.export.cli:export_command",
}
# Their help's first sentence, for `--help` to list them without importing them (the
# review server, the evaluation, every model: half a second); tests/cli/test_startup.py
# checks each is the command's own.
_LAZY_HELP = {
    "rules": "List the rules, or run their self-tests.",
    "validate": "Check claim, rule, metadata and decisions files as `check` reads them "
                "(default: all of them; with PATHS, the errors in those files and "
                "directories).",
    "eval": "Measure the comparison on labelled data.",
    "review": "Review findings in a local web app; decisions go to reviews/decisions.yaml.",
    "export": "Export reviewed findings for other tools.",
}


class _Main(click.Group):
    """The command group; a write that fails (refused, disk full, permission) is bad input:
    a located message and exit 2, never a traceback. A run that fails for a reason of its
    own (a killed --jobs worker, memory, a bug) exits 3, never 1 (findings)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_LAZY_COMMANDS})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's list of commands, with the help of those not imported yet from
        `_LAZY_HELP`."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in _LAZY_COMMANDS and name not in self.commands:
                # Shortened as click shortens a command's own help.
                stand_in = click.Command(name, help=_LAZY_HELP[name])
                rows.append((name, stand_in.get_short_help_str(limit)))
            else:
                command = self.get_command(ctx, name)
                if command is not None and not command.hidden:
                    rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _LAZY_COMMANDS and cmd_name not in self.commands:
            module, _, attribute = _LAZY_COMMANDS[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        failure: str | None = None
        try:
            return super().invoke(ctx)
        except ClaimcheckError as exc:
            _exit_if_stopped()
            echo_errors([exc])
        except BrokenPipeError:
            # The reader went away ("claimcheck rules list | head -2"): nothing to say, and
            # 128 + SIGPIPE as the shell's own commands exit, not "bad input".
            _quiet_stdout()
            sys.exit(_EXIT_PIPE)
        except OSError as exc:
            _exit_if_stopped()
            if exc.errno in _NO_ROOM and exc.filename is None:
                failure = _OUT_OF_MEMORY  # a fork or an allocation refused: no file's fault
            else:
                from checker.ingest import display_path

                # A file descriptor (an int) names no file the user knows.
                named = isinstance(exc.filename, str | os.PathLike)
                where = display_path(Path(exc.filename), Path.cwd()) if named \
                    else "claimcheck"
                click.echo(f"{printable_path(str(where))}: {exc.strerror or exc}", err=True)
        except (click.exceptions.ClickException, click.exceptions.Exit,
                click.exceptions.Abort):
            raise  # usage errors and exits: click reports them as it does
        except MemoryError:
            _exit_if_stopped()
            failure = _OUT_OF_MEMORY
        except Exception as exc:  # noqa: BLE001 - a bug: its traceback is the report to file
            _exit_if_stopped()
            if _broken_pool(exc):
                failure = ("a --jobs worker process ended abruptly (killed, perhaps for lack "
                           "of memory); run again with fewer --jobs")
            else:
                traceback.print_exc()
                failure = "internal error (a bug: please report it with the traceback above)"
        # Reported out of the except clauses: by now the failed run's frames, and all the
        # data they held, are freed (a message printed in memory that short could fail).
        if failure is not None:
            _failed(failure)
        sys.exit(EXIT_BAD_INPUT)


def _exit_if_stopped() -> None:
    """Exit with 128 + signal when a signal's exit was raised: the error being handled is
    that exit turned into another by the code it landed in (a class being made at an import
    wraps it in a RuntimeError, its `__set_name__`; a write cut short says OSError). The run
    was stopped, not broken, and says nothing more (`finish` exits so too)."""
    signalled = raised()
    if signalled is not None:
        sys.exit(128 + signalled)


_NO_ROOM = (errno.ENOMEM, errno.EAGAIN)
_OUT_OF_MEMORY = "out of memory; run with fewer --jobs, or check a smaller corpus"


def _broken_pool(exc: Exception) -> bool:
    """Whether a process pool broke (a worker was killed): only a run that imported the
    pool can raise that, so the check imports nothing."""
    pools = sys.modules.get("concurrent.futures.process")
    return pools is not None and isinstance(exc, pools.BrokenProcessPool)


# Set by the console script (`run`); a test that invokes `main` in its own process is not
# ended by `finish`.
_HARD_EXIT = False


def run() -> None:
    """The `claimcheck` command: `main`, whose `check` and `extract` end the process as
    soon as their files are written and their output flushed (`finish`)."""
    global _HARD_EXIT
    _HARD_EXIT = True
    main()


def finish(code: int) -> NoReturn:
    """Exit with `code`. From the console script, a command whose every file is written
    leaves without freeing what it built (as mypy's `hard_exit` does): freeing a corpus of
    10,000 documents, its claims and its report took 0.4-0.5 s after the reports were
    written. Not while a process it started is still running (the usual exit waits for it),
    nor when its output cannot be flushed (the usual exit reports that)."""
    signalled = raised()
    if signalled is not None:
        code = 128 + signalled  # a signal whose exit Python ignored (`interrupt._RAISED`)
    processes = sys.modules.get("multiprocessing")
    if _HARD_EXIT and (processes is None or not processes.active_children()):
        from checker import rx

        rx.save()  # atexit does not run on this way out
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


_EXIT_PIPE = 128 + 13  # SIGPIPE


def _quiet_stdout() -> None:
    """Point stdout at /dev/null: the interpreter's last flush would fail on the closed pipe
    (and print "Exception ignored ... BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _failed(message: str) -> NoReturn:
    click.echo(f"claimcheck: {message}; the run did not complete", err=True)
    sys.exit(EXIT_FAILED)


@click.group(cls=_Main,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="claimcheck",
                      message=f"%(prog)s, version %(version)s ({_native.status().reason})")
def main() -> None:
    """claimcheck: extract the factual claims of news and research documents, compare them
    across sources and with correction rules, and report conflicts and corroborations.

    \b
    Typical use, in a repository with seeds/, claims/ and rules/:
      claimcheck extract seeds --out claims   # draft claim files for editors
      claimcheck validate                     # schema-check claim and rule files
      claimcheck check                        # compare, apply rules, write reports/
      claimcheck review                       # decide on findings in a local web app

    \b
    Exit codes: 0 clean; 1 findings at or above --fail-on; 2 bad input, rules or usage;
    3 the run failed (a killed --jobs worker, memory, a bug); 130/143 interrupted
    (Ctrl-C/SIGTERM), every file left either old or new.
    """
    # SIGTERM unwinds the stack like Ctrl-C (after a write in progress), so every target
    # stays either old or new; 128 + signal is the shell convention.
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    hook = sys.unraisablehook
    sys.unraisablehook = quiet_exits(hook)
    signal.signal(signal.SIGTERM, terminate)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        # Not click's "Aborted!" with exit 1, which CI would read as "findings".
        signal.signal(signal.SIGINT, terminate)
    # Once the command is over, its files are written and its exit code decided: a signal
    # during the interpreter's exit (multiprocessing's atexit finalizers) must not raise
    # SystemExit there, which prints a traceback. The handlers in place before return.
    click.get_current_context().call_on_close(lambda: _restore(before, hook))


def _restore(handlers: dict[signal.Signals, Any],
             hook: Callable[[sys.UnraisableHookArgs], Any]) -> None:
    for sig, handler in handlers.items():
        if handler is not None:
            signal.signal(sig, handler)
    sys.unraisablehook = hook
    clear()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="Directory for the claim files (<document-id>.yaml); claimcheck.toml's "
                   "`claims` when it sets one.")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path),
              show_default="rules", help="Rules (entity aliases resolve names).")
@click.option("--threshold", type=click.FloatRange(0, 1), show_default=str(DEFAULT_THRESHOLD),
              help="Minimum check-worthiness score of a claim.")
@click.option("--force", is_flag=True, help="Overwrite files that are not claim files.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), show_default=AUTO_JOBS,
              help="Processes for extraction (0: one per CPU); same claim files for any N.")
def extract(paths: tuple[Path, ...], out: Path | None, rules_dir: Path | None,
            threshold: float | None, force: bool, jobs: int | None) -> None:
    """Draft claim files for DOC_OR_DIR... (merged with existing ones: edits are kept)."""
    from checker.drafting import write_drafts
    from checker.heap import paused_gc
    from checker.ingest import discover, load_documents
    from checker.parallel import extract_documents
    from checker.reporting.common import plural

    root = Path.cwd()
    # The configuration's paths and threshold, as `check` reads them (a review: extract
    # drafted without the configured rules, and asked for --out the configuration set).
    cfg = config_or_exit(root)
    if out is None and not cfg.claims:
        raise click.MissingParameter(param_hint="'--out'", param_type="option")
    out = out or Path(str(cfg.claims))
    threshold = threshold if threshold is not None else (
        cfg.threshold if cfg.threshold is not None else DEFAULT_THRESHOLD)
    ruleset, errors = load_rules_of(rules_dir or Path(cfg.rules or "rules"),
                                    named=rules_dir is not None or cfg.rules is not None)
    files = [f for p in paths for f in (discover(p) if p.is_dir() else [p])]
    docs, doc_errors = load_documents(files, root)
    errors += doc_errors
    # Every document is extracted before the first file is written: an interrupted run
    # leaves each claim file old or new.
    # The claims live until the command ends: frozen, so the collections made while their
    # files are rendered do not walk them all again (checker.heap; 9 % of extraction's
    # time at 2,000 documents).
    with paused_gc(freeze_on_exit=True):
        models = extract_documents(docs, ruleset, threshold, jobs_for(jobs, len(docs)))
    drafted = write_drafts(docs, models, out, root, ruleset, force)
    for line, to_stderr in drafted.lines:
        click.echo(line, err=to_stderr)
    errors += drafted.errors
    written = drafted.written
    if len(docs) > 1:
        # After a corpus's one line per file, the whole in one line (on standard error, so
        # the lines per file stay a list to read by a script).
        click.echo(f"{plural(len(docs), 'document')}: {written['new']} claim files written, "
                   f"{written['merged']} merged, {plural(written['claims'], 'claim')}", err=True)
    echo_errors(errors)
    finish(EXIT_BAD_INPUT if errors else EXIT_OK)


@main.command()
@click.option("--seeds", type=click.Path(path_type=Path), show_default="seeds",
              help="Documents (.txt, .md; optional <stem>.meta.yaml).")
@click.option("--claims", "claims_dir", type=click.Path(path_type=Path), show_default="claims",
              help="Claim files.")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), show_default="rules",
              help="Rule files.")
@click.option("--out", type=click.Path(path_type=Path), show_default="reports",
              help="Directory for the reports.")
@click.option("--format", "formats", show_default="json,md",
              help="Comma-separated: json, md, html, sarif (files in --out); text, github "
                   "(standard output).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              show_default="error", help="Lowest severity that fails the run.")
@SELECT_OPTION
@IGNORE_OPTION
@THRESHOLD_OPTION
@click.option("--baseline", type=click.Path(path_type=Path),
              help="Only findings not in this baseline count (see `claimcheck baseline`).")
@click.option("--fix", is_flag=True, help="Rewrite spelling (term) findings in claim files.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes as a unified diff without writing them.")
@click.option("--decisions", type=click.Path(path_type=Path),
              show_default=str(DECISIONS_PATH),
              help="Review decisions to honour (false alarms reported as suppressed).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), show_default=AUTO_JOBS,
              help="Processes for extraction and comparison; 0 = one per CPU. Output is "
                   "identical for any value.")
@click.option("--cache-dir", type=click.Path(path_type=Path), show_default=CACHE_DIR,
              help="Cache of extracted and normalised claims (safe to delete).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--force", is_flag=True, help="Overwrite report files claimcheck did not write.")
def check(seeds: Path | None, claims_dir: Path | None, rules_dir: Path | None,
          out: Path | None, formats: str | None, fail_on: str | None, select: tuple[str, ...],
          ignore: tuple[str, ...], threshold: float | None, baseline: Path | None, fix: bool,
          show_diff: bool, decisions: Path | None, jobs: int | None, cache_dir: Path | None,
          no_cache: bool, force: bool) -> None:
    """Compare claims across documents and with the rules; write reports.

    Defaults come from claimcheck.toml or [tool.claimcheck] in pyproject.toml when present.
    """
    from checker import terminal
    from checker.heap import keep_to_exit, paused_gc
    from checker.pipeline import run_check
    from checker.reporting import FORMATS, parse_formats
    from checker.reporting.outcome import exit_code

    root = Path.cwd()
    cfg = config_or_exit(root)
    out = out or Path(cfg.out or "reports")
    fail_level = fail_on or cfg.fail_on or "error"
    try:
        chosen = parse_formats(formats if formats is not None else cfg.format or "json,md")
        if not chosen:  # `--format ""` asks for nothing: not the defaults in silence
            raise ValueError(f"no format named; choose from {', '.join(FORMATS)}")
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None
    if claims_dir is not None and not claims_dir.exists():
        # Named on the command line, so meant to exist (a typo would draft every document on
        # the fly and pass); the default or configured directory may be absent.
        raise click.BadParameter(f"{printable_path(str(claims_dir))}: no such directory",
                                 param_hint="--claims")
    chosen_decisions = decisions_of(decisions, cfg)
    base = baseline or (Path(cfg.baseline) if cfg.baseline else None)
    options = check_options(
        root, cfg, seeds=seeds, claims=claims_dir, rules=rules_dir, select=select,
        ignore=ignore, threshold=threshold, baseline=base, decisions=chosen_decisions,
        jobs=jobs, cache_dir=cache_dir, no_cache=no_cache)
    err = terminal.console()
    if _HARD_EXIT:
        keep_to_exit()  # the run's data is never freed: `finish` ends the process
    # Only writing the reports is left after the run: no collection catches up (checker.heap).
    result: CheckResult | None = None
    try:
        with terminal.Progress(err) as progress, paused_gc(freeze_on_exit=True):
            # The cache's last writes (the findings kept, the verdict store) go on beside
            # while the reports are made: 0.13 s of waiting at 10,000 documents.
            result = run_check(options, progress, settle=False)
        if (fix or show_diff) and _fixes(result.report, root, write=fix):
            # The findings left once the fixes are written, as ruff's --fix reports: the
            # run's report and exit code counted the misspellings it had just fixed (a
            # review). Checked again, the cache serving all but the fixed claim files.
            _warn_unsettled(result)
            result = None
            with terminal.Progress(err) as progress, paused_gc(freeze_on_exit=True):
                result = run_check(options, progress, settle=False)
        _write_reports(result, chosen, out, force,
                       jobs_for(options.jobs, len(result.corpus.docs)))
    finally:
        if result is not None:
            _warn_unsettled(result)
    echo_errors(result.errors)
    for line in terminal.note_lines(result.report.notes):
        click.echo(printable_path(line), err=True)  # notes name files
    # The place escaped as the notes' files are: a tab or a newline in --out is shown, not
    # printed (a newline would start a line of its own in a CI log).
    err.print(terminal.summary(result.report, printable_path(str(out))
                               if any(f.filename for f in chosen) else ""))
    finish(exit_code(result.report, fail_level))


def _warn_unsettled(result: CheckResult) -> None:
    """Wait for the run's cache writes; say which failed."""
    for problem in result.settle():
        click.echo(f"claimcheck: warning: the cache was not written ({problem}); the next run "
                   "recomputes what it misses", err=True)


def _write_reports(result: CheckResult, chosen: Sequence[Format], out: Path,
                   force: bool = False, jobs: int = 1) -> None:
    from checker.atomic import WrittenTogether
    from checker.ingest import display_path
    from checker.reporting.rendering import Output, render_all

    if any(f.filename for f in chosen) and out.exists() and not out.is_dir():
        echo_errors([UsageError("is a file, not a directory for the reports (--out)",
                                Location(display_path(out, Path.cwd())))])
        sys.exit(EXIT_BAD_INPUT)
    for fmt in chosen:
        if fmt.filename is not None:
            guard_write(out / fmt.filename, force, fmt.signature)
    with WrittenTogether() as files:
        def write(fmt: Format, output: Output) -> None:
            if fmt.filename is not None:
                # Written and synced while the next format renders (the JSON's 41 MB at
                # 10,000 documents); none is put in place unless all are rendered.
                files.add(out / fmt.filename, output)

        # Texts only for the HTML: a re-run served from the cache reads no document
        # otherwise.
        rendered = render_all(result.report, chosen,
                              lambda: {dc.doc.id: dc.doc.text for dc in result.corpus.docs},
                              jobs, result.rendered, write)
        files.commit()
    for fmt, output in zip(chosen, rendered, strict=True):
        if fmt.filename is None:
            click.echo(output, nl=False)


def _fixes(report: Report, root: Path, write: bool) -> int:
    """Print the fixes as a diff, or write them; how many files were written."""
    from checker.atomic import atomic_write
    from checker.fixes import plan_fixes, render_diff, unfixable
    from checker.ingest import display_path

    plans = plan_fixes(report.findings, root)
    left = unfixable(report.findings)
    if left:
        click.echo(f"note: spelling fixes apply to claim files; {len(left)} document(s) "
                   f"without one ({printable_path(left[0])}{', ...' if len(left) > 1 else ''}): "
                   "run `claimcheck extract` first", err=True)
    if not write:
        click.echo(render_diff(plans, root), nl=False)
        return 0
    for path, (_, new) in sorted(plans.items()):
        atomic_write(path, new)
        click.echo(f"fixed {printable_path(display_path(path, root))}", err=True)
    return len(plans)


@main.group()
def baseline() -> None:
    """Record the current findings, so that `check --baseline` fails only on new ones."""


@baseline.command("write")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--seeds", show_default="seeds", type=click.Path(path_type=Path))
@click.option("--claims", "claims_dir", show_default="claims", type=click.Path(path_type=Path))
@click.option("--rules", "rules_dir", show_default="rules", type=click.Path(path_type=Path))
@click.option("--decisions", type=click.Path(path_type=Path), show_default=str(DECISIONS_PATH),
              help="Review decisions (a finding decided a false alarm is suppressed).")
@SELECT_OPTION
@IGNORE_OPTION
@THRESHOLD_OPTION
@click.option("--force", is_flag=True, help="Overwrite a file that is not a baseline.")
def baseline_write(path: Path, seeds: Path | None, claims_dir: Path | None,
                   rules_dir: Path | None, decisions: Path | None, select: tuple[str, ...],
                   ignore: tuple[str, ...], threshold: float | None, force: bool) -> None:
    """Write PATH: the fingerprints of every current (unsuppressed) finding.

    Paths, selection and threshold come from claimcheck.toml and the options as for
    `check` (a review: the selection a check ran with could not be given here)."""
    from checker.atomic import atomic_write
    from checker.baseline import SIGNATURE as baseline_signature
    from checker.baseline import render_baseline
    from checker.pipeline import run_check

    guard_write(path, force, baseline_signature)
    root = Path.cwd()
    cfg = config_or_exit(root)
    result = run_check(check_options(
        root, cfg, seeds=seeds, claims=claims_dir, rules=rules_dir, select=select,
        ignore=ignore, threshold=threshold, decisions=decisions_of(decisions, cfg)))
    echo_errors(result.errors)
    if result.errors:
        sys.exit(EXIT_BAD_INPUT)
    atomic_write(path, render_baseline(result.report))
    active = sum(1 for f in result.report.findings if f.suppressed is None)
    click.echo(f"{printable_path(str(path))}: {active} findings recorded", err=True)

