"""Benchmarks: run with ``.venv/bin/python -m tests.bench.bench_vault`` (or ``bench_audit``)."""
