"""Channels' in-memory layer, with its housekeeping made cheap.

``InMemoryChannelLayer`` looks through every channel and every group for expired messages on
each receive and each group send: with a few hundred sockets open that sweep costs more than
everything else a message does. Here the sweep runs at most once a second; messages still
expire after ``expiry`` (60 s), a second later at worst. Nothing else changes.
"""

import time

from channels.layers import InMemoryChannelLayer as ChannelsInMemoryChannelLayer

SWEEP_EVERY = 1.0


class InMemoryChannelLayer(ChannelsInMemoryChannelLayer):
    _swept_at = 0.0

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._swept_at >= SWEEP_EVERY:
            self._swept_at = now
            super()._clean_expired()
