"""claimcheck's term matcher as a command, timed like codespell and typos are:
`python -m bench.termscan RULES FILE_LIST` prints the number of hits.

Everything a command pays is in its time: interpreter start, imports, compiling the rules,
reading the files, matching.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    """Scan the listed files with N term rules; print the hit count."""
    args = sys.argv[1:] if argv is None else argv
    from bench.wordlist import term_rules
    from checker.rules.terms import TermMatcher

    matcher = TermMatcher(term_rules(int(args[0])))
    files = Path(args[1]).read_text("utf-8").split()
    hits = 0
    for name in files:
        hits += len(matcher.find(Path(name).read_text("utf-8")))
    print(hits)


if __name__ == "__main__":
    main()
