"""`make bench`: Nearer measured through the real stack. See BENCHMARKS.md and bench/run.py."""
