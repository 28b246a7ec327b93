"""Run one measurement in this (fresh) process: `python -m bench.worker TASK JSON_KWARGS`.

Prints the result as one JSON line on standard output.
"""

from __future__ import annotations

import json
import sys


def main() -> None:
    """Dispatch to bench.measure.TASKS."""
    from bench.measure import TASKS

    task, kwargs = sys.argv[1], json.loads(sys.argv[2])
    result = TASKS[task](**kwargs)
    sys.stdout.write(json.dumps(result, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
