"""Benchmarks: speed and memory goals, reported as ratios and counts (not run by `make test`)."""
