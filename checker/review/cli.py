"""`claimcheck review`: serve the review app on 127.0.0.1 and open it in a browser."""

from __future__ import annotations

import signal
import sys
import webbrowser
from pathlib import Path

import click

from checker.cliutil import EXIT_BAD_INPUT
from checker.review.options import corpus_options, load_corpus_for_review


@click.command("review")
@corpus_options
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1; 0 chooses a free one.")
@click.option("--no-browser", is_flag=True, help="Print the URL without opening a browser.")
def review_command(seeds: Path | None, claims_dir: Path | None, rules_dir: Path | None,
                   decisions: Path | None, select: tuple[str, ...], ignore: tuple[str, ...],
                   editor: str | None, port: int, no_browser: bool) -> None:
    """Review findings in a local web app; decisions go to reviews/decisions.yaml.

    \b
    Keys: j/k next/previous, c confirmed, f false alarm, x fixed, s needs source,
    n note, u undecided only. `claimcheck check` honours the decisions.
    """
    loaded = load_corpus_for_review(seeds, claims_dir, rules_dir, decisions, select, ignore,
                                    editor)
    if not loaded.editor:
        # A decision without its author cannot be audited, and export skips it.
        click.echo("who is deciding? name yourself with --editor NAME (or $CLAIMCHECK_EDITOR, "
                   "or `editor` in claimcheck.toml): every decision records its author",
                   err=True)
        sys.exit(EXIT_BAD_INPUT)
    # Imported here: the web server's modules (http.server, email) are for this command only,
    # and every other command would pay for them at start-up.
    from checker.review.server import ReviewApp, ReviewServer

    texts = {dc.doc.id: dc.doc.text for dc in loaded.result.corpus.docs}
    app = ReviewApp(loaded.result.report, texts, loaded.decisions_path, loaded.decisions_shown,
                    loaded.editor, inputs=loaded.inputs)
    try:
        server = ReviewServer(app, port)
    except OSError as exc:
        click.echo(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    count = len(loaded.result.report.findings)
    click.echo(f"claimcheck review: {count} findings at {server.url} "
               f"(decisions in {loaded.decisions_shown}; Ctrl+C stops)")
    if not no_browser:
        webbrowser.open(server.url)
    # Ctrl-C is how a review ends: a clean stop, not an interrupted run (exit 130).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.server_close()
