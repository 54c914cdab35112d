"""Benchmarks of the vault core (``python -m bench``); not part of the test suite."""
