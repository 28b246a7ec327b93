"""`python -m checker.rules` prints the snapshot of the shipped rules (see builtin.py)."""

import sys

from checker.rules.builtin import snapshot

sys.stdout.write(snapshot())
