"""Nearer's own settings, with one difference: a key prefix of the run's own in Redis.

`make bench-chat` and the chat process tests serve this so that runs sharing one Redis (a
developer's and CI's, or xdist workers) never read each other's rate-limit counters or channel
groups, and so that a run can remove exactly its own keys afterwards. Without REDIS_URL, or
without BENCH_CHAT_PREFIX, nothing differs from production.
"""

import os

from nearer.settings import *  # noqa: F403
from nearer.settings import CACHES, CHANNEL_LAYERS

_prefix = os.environ.get("BENCH_CHAT_PREFIX", "")
if _prefix:
    for _cache in CACHES.values():
        _cache["KEY_PREFIX"] = _prefix
    for _layer in CHANNEL_LAYERS.values():
        if _layer["BACKEND"].startswith("channels_redis."):
            _layer.setdefault("CONFIG", {})["prefix"] = _prefix
