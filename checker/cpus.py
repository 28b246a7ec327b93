"""How many processes a run uses: `--jobs N`, `--jobs 0` (one per CPU this process may
use), or, when `--jobs` is not given, one per CPU for a corpus large enough to gain from
it and one for a few documents (forking costs more than it saves on a CI check of five
files)."""

from __future__ import annotations

import math
import os
from pathlib import Path

# Left unset, --jobs spreads a corpus of this many documents or more. Measured on the
# 2-core machine (`claimcheck check`, generated pages, no cache, medians of three): 100
# documents 1.05 s in one process, 1.45 s in two; 200: 1.83 / 1.47 s; 500: 3.50 / 2.94 s;
# 1,000: 6.6 / 4.6 s; 2,000: 11.7 / 8.9 s; the five seeds 0.83 / 0.98 s.
AUTO_MIN_DOCUMENTS = 200
# Left unset, --jobs uses at most this many processes: each forked worker holds its own
# copy of the pages it writes, so memory grows with the count (`--jobs N` goes further).
AUTO_MAX_JOBS = 8

_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def cgroup_quota(cpu_max: Path = _CPU_MAX) -> int | None:
    """CPUs a cgroup v2 quota allows ("200000 100000" -> 2), or None without a quota: a
    container limited to 2 CPUs on a 64-CPU host sees 64 in os.cpu_count()."""
    try:
        quota, period = cpu_max.read_text(encoding="ascii").split()[:2]
        return max(1, math.ceil(int(quota) / int(period))) if quota != "max" else None
    except (OSError, ValueError):
        return None


def available_cpus() -> int:
    """CPUs this process may run on: its affinity, within a cgroup CPU quota if any."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows: no affinity call
        count = os.cpu_count() or 1
    quota = cgroup_quota()
    return max(1, min(count, quota) if quota is not None else count)


def resolve_jobs(jobs: int) -> int:
    """`--jobs 0` means one per CPU; never fewer than one."""
    return max(1, jobs if jobs > 0 else available_cpus())


def auto_jobs(documents: int) -> int:
    """Processes for a run of `documents` when --jobs was not given."""
    if documents < AUTO_MIN_DOCUMENTS:
        return 1
    return min(AUTO_MAX_JOBS, available_cpus())


def jobs_for(jobs: int | None, documents: int) -> int:
    """The processes a stage over `documents` uses: --jobs as given (0: one per CPU), or
    `auto_jobs` when it was not."""
    return resolve_jobs(jobs) if jobs is not None else auto_jobs(documents)
