"""Benchmarks for claimcheck: a deterministic corpus generator and `python -m bench.run`."""
