"""The in-memory layer sweeps expired messages once a second, not on every message, and
still delivers and expires as Channels' layer does."""

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor

from channels.layers import InMemoryChannelLayer as ChannelsLayer

from nearer.chat import layers


def run(test):
    """Run an async test on a fresh loop in a thread of its own. These tests use no database,
    so they run after the browser tests, whose Playwright keeps an event loop running in the
    main thread for the rest of the session."""

    @functools.wraps(test)  # keeps the signature, so pytest still passes fixtures
    def sync(*args, **kwargs):
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, test(*args, **kwargs)).result()

    return sync


@run
async def test_groups_deliver_as_before():
    layer = layers.InMemoryChannelLayer()
    a, b = await layer.new_channel(), await layer.new_channel()
    await layer.group_add("chat.x", a)
    await layer.group_add("chat.x", b)
    await layer.group_send("chat.x", {"type": "chat.message", "seq": 1})
    assert (await layer.receive(a))["seq"] == 1
    assert (await layer.receive(b))["seq"] == 1


@run
async def test_the_sweep_runs_at_most_once_a_second(monkeypatch):
    sweeps = []
    monkeypatch.setattr(ChannelsLayer, "_clean_expired", lambda self: sweeps.append(1))
    layer = layers.InMemoryChannelLayer()
    channel = await layer.new_channel()
    await layer.group_add("chat.y", channel)
    for n in range(50):
        await layer.group_send("chat.y", {"type": "chat.message", "seq": n})
        await layer.receive(channel)
    assert len(sweeps) == 1


@run
async def test_expired_messages_still_go(monkeypatch):
    monkeypatch.setattr(layers, "SWEEP_EVERY", 0.0)
    layer = layers.InMemoryChannelLayer(expiry=0.01)
    channel = await layer.new_channel()
    await layer.send(channel, {"type": "chat.message"})
    await asyncio.sleep(0.02)
    layer._clean_expired()
    assert channel not in layer.channels
