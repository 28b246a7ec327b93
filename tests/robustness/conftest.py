"""Hypothesis profiles for the robustness suite.

CI (CI=true) runs derandomized, so a failure reproduces on every machine; locally the
examples are random, so repeated runs explore more. No deadline in either: a loaded CI
machine must not turn a slow example into a failure (the tests assert behaviour, not speed).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "claimcheck-ci", deadline=None, derandomize=True, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile(
    "claimcheck-dev", deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
settings.load_profile("claimcheck-ci" if IN_CI else "claimcheck-dev")
