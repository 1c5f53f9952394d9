"""Nearer's own settings, plus one bench-only page: nothing else differs from production."""

from nearer.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
