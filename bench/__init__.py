"""Benchmarks and load tests: scripts that print numbers (never timed assertions)."""
