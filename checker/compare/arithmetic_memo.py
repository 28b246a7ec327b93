"""Each document's arithmetic issues, remembered across runs by its claims' key.

`check_document` reads one document's claims and nothing else, and the cache already keys
those claims (`ClaimCache.documents`: the key of a document's normalised claims, which
changes whenever its claims do). A warm run of 10,000 documents looks their issues up
instead of checking 56,000 claims again (a third of a second).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from checker.compare.arithmetic import ArithmeticIssue, check_document
from checker.corpus import DocClaims
from checker.memofile import MemoFile, remembered

# Arithmetic checks take ~35 us a document: only tens of thousands repay forking for them.
SPREAD_ARITHMETIC = 20_000


def _issues(_: None, dc: DocClaims) -> list[ArithmeticIssue]:
    return check_document(dc.claims)


def document_issues(docs: Sequence[DocClaims], keys: Mapping[str, str],
                    memo: MemoFile | None = None, jobs: int = 1) -> list[list[ArithmeticIssue]]:
    """`check_document` of each document (over `jobs` processes); with a memo, looked up by
    the key of the document's claims in `keys` (document id -> key)."""
    from checker.parallel import map_items

    return remembered(memo, [keys.get(dc.doc.id) for dc in docs], lambda _, rows: _stored(rows),
                      lambda todo: [[_row(issue) for issue in issues] for issues in map_items(
                          _issues, None, [docs[i] for i in todo], jobs,
                          at_least=SPREAD_ARITHMETIC)])


def _row(issue: ArithmeticIssue) -> list[Any]:
    return [issue.claim_id, list(issue.other_ids), issue.kind, issue.stated, issue.computed,
            issue.expected, issue.message]


def _stored(rows: Any) -> list[ArithmeticIssue] | None:
    """The issues of stored rows; None when they are not rows `_row` wrote (a damaged
    memo: the document is checked again)."""
    if not isinstance(rows, list):
        return None
    out = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 7 and isinstance(row[1], list)
                and all(isinstance(x, str) for x in (row[0], *row[1], *row[2:4], *row[5:]))
                and isinstance(row[4], int | float) and not isinstance(row[4], bool)):
            return None
        # The figure as it was (an int stays an int: the finding shows it as computed).
        out.append(ArithmeticIssue(row[0], tuple(row[1]), row[2], row[3], row[4], row[5],
                                   row[6]))
    return out
