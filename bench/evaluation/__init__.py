"""Evaluation against gold data sets: used by `bench/` scripts and the quality gates in tests."""
