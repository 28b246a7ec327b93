"""claimcheck's term matcher as a command, timed like codespell and typos are:
`python -m bench.termscan RULES_FILE FILE_LIST` prints the number of hits.

Everything a command pays is in its time: interpreter start, imports, reading and checking
the rule file (`checker.rules.load_rules`, as `claimcheck check` reads its rules), compiling
the rules, reading the files, matching. The rule file is written beforehand, as the peers'
dictionaries are (`bench.peers.write_term_rules`): making the rules is not the command's.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    """Scan the listed files with N term rules; print the hit count."""
    args = sys.argv[1:] if argv is None else argv
    from checker.rules import load_rules
    from checker.rules.terms import TermMatcher

    ruleset, errors = load_rules([Path(args[0])])
    if errors:
        raise SystemExit(f"bad rule file {args[0]}: {errors[0]}")
    matcher = TermMatcher(ruleset.terms)
    files = Path(args[1]).read_text("utf-8").split()
    hits = 0
    for name in files:
        hits += len(matcher.find(Path(name).read_text("utf-8")))
    print(hits)


if __name__ == "__main__":
    main()
