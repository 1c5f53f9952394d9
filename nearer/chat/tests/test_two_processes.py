"""Two real server processes share one Redis channel layer and one database: a message sent
through one process reaches the other side connected to the other process, and back.

The servers are uvicorn serving nearer.asgi as scripts/serve does, on free loopback ports.
Their database is the module's own, a copy of a migrated one (root conftest): a SQLite file in
a temporary directory, or, when DATABASE_URL names a PostgreSQL server, a database made for
this module and dropped after it (never pytest's test_nearer). Their Redis keys carry a
prefix of the module's own, removed at the end (bench/chat_settings.py), so runs that share
the Redis never meet.
"""

import asyncio
import json
import os
import uuid

import pytest

from bench.chat_harness import (
    ServerProcess,
    Site,
    drain,
    in_own_loop,
    receive_until,
    redis_reachable,
)

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


@pytest.fixture(autouse=True)
def _fresh_rate_limits_and_layer():
    """Nothing here runs in this process's cache or layer (the servers have their own), so
    the chat tests' reset of both, which needs the test database, is not wanted here."""


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_site_database):
    if not redis_reachable(REDIS_URL):
        pytest.skip(f"Redis does not answer at {REDIS_URL}; two processes need it to talk")
    site = Site(
        tmp_path_factory.mktemp("chat-two-processes"),
        redis_url=REDIS_URL,
        **migrated_site_database,
    )
    site.create_database()
    try:
        yield site
    finally:
        site.drop()


@pytest.fixture(scope="module")
def servers(site):
    """Both servers, and ``site.conversations``: three, seeded while the servers start."""
    a, b = ServerProcess(site), ServerProcess(site)
    try:
        a.spawn()
        b.spawn()
        site.conversations = site.seed(3)
        a.wait_until_up(60)
        b.wait_until_up(60)
        yield a, b
    finally:
        for each in (a, b):
            each.stop()
            print(f"The server on port {each.port} wrote:\n{each.own_log()}")  # on failure


def message(body: str) -> tuple[str, str]:
    client_id = str(uuid.uuid4())
    return client_id, json.dumps({"type": "message", "client_id": client_id, "body": body})


def is_message(client_id: str):
    return lambda f: f.get("type") == "message" and f.get("client_id") == client_id


def is_ack(client_id: str):
    return lambda f: f.get("type") == "ack" and f.get("client_id") == client_id


@in_own_loop
async def test_member_on_one_process_and_listener_on_the_other_hear_each_other(servers, site):
    a, b = servers
    assert a.pid != b.pid
    chat = site.conversations[0]
    member = await a.connect(chat["id"], chat["member_session"])
    listener = await b.connect(chat["id"], chat["listener_session"])
    try:
        # The member writes through process A; the listener hears it on process B.
        hello, frame = message("Hello from the first process")
        await member.send(frame)
        ack, member_frames = await receive_until(member, is_ack(hello))
        heard, listener_frames = await receive_until(listener, is_message(hello))
        assert heard["body"] == "Hello from the first process"
        assert heard["author"] == "member"
        assert heard["name"] == chat["member_pseudonym"]
        assert heard["seq"] == ack["seq"]
        assert heard["mine"] is False

        # The listener answers through process B; the member hears it on process A.
        answer, frame = message("Hello back from the second process")
        await listener.send(frame)
        ack_back, more = await receive_until(listener, is_ack(answer))
        listener_frames += [heard, *more]
        got, more = await receive_until(member, is_message(answer))
        member_frames += more
        assert got["body"] == "Hello back from the second process"
        assert got["author"] == "listener"
        assert got["name"] == chat["listener_pseudonym"]
        assert got["seq"] == ack_back["seq"] == ack["seq"] + 1

        # Each socket had each message once, in order, its own marked "mine"; nothing more.
        member_frames += [got, *await drain(member)]
        if not any(is_message(answer)(f) for f in listener_frames):
            echo, more = await receive_until(listener, is_message(answer))
            listener_frames += [*more, echo]
        listener_frames += await drain(listener)
        for frames, role in ((member_frames, "member"), (listener_frames, "listener")):
            chats = [f for f in frames if f.get("type") == "message" and f["author"] != "system"]
            assert [(f["client_id"], f["mine"]) for f in chats] == [
                (hello, role == "member"),
                (answer, role == "listener"),
            ], frames
    finally:
        await member.close()
        await listener.close()


@in_own_loop
async def test_a_quick_exchange_across_processes_arrives_once_and_in_order(servers, site):
    a, b = servers
    chat = site.conversations[1]
    member = await a.connect(chat["id"], chat["member_session"])
    listener = await b.connect(chat["id"], chat["listener_session"])
    try:
        # Both write at once, ten messages each, without waiting for each other.
        sent = {"member": [], "listener": []}

        async def write(ws, role):
            for n in range(10):
                client_id, frame = message(f"{role} says {n}")
                sent[role].append(client_id)
                await ws.send(frame)

        await asyncio.gather(write(member, "member"), write(listener, "listener"))
        everything = set(sent["member"]) | set(sent["listener"])

        def is_theirs(f: dict) -> bool:
            return f.get("type") == "message" and f["author"] != "system"

        async def hear_all(ws) -> list[dict]:
            heard: list[dict] = []
            while not everything <= {f["client_id"] for f in heard}:
                frame, _ = await receive_until(ws, is_theirs)
                heard.append(frame)
            return heard + [f for f in await drain(ws) if is_theirs(f)]

        for ws in (member, listener):
            heard = await hear_all(ws)
            ids = [f["client_id"] for f in heard]
            assert len(ids) == len(set(ids)) == 20, "each message exactly once"
            seqs = sorted(f["seq"] for f in heard)
            assert seqs == list(range(seqs[0], seqs[0] + 20)), "no gap in the numbers"
            by_seq = [f["client_id"] for f in sorted(heard, key=lambda f: f["seq"])]
            for role in ("member", "listener"):  # each side's messages keep their order
                assert [c for c in by_seq if c in sent[role]] == sent[role]
    finally:
        await member.close()
        await listener.close()


# A socket left in silence must still hear the next message. (With the list-based Redis layer,
# whose blocking pop waits 5 s, redis-py 8's default 5 s read timeout ended quiet sockets:
# channels_redis#422.)
QUIET_SECONDS = 6


@in_own_loop
async def test_sockets_left_quiet_longer_than_the_layers_wait_still_hear_the_next_message(
    servers, site
):
    a, b = servers
    chat = site.conversations[2]
    member = await a.connect(chat["id"], chat["member_session"])
    listener = await b.connect(chat["id"], chat["listener_session"])
    try:
        await drain(member)
        await drain(listener)
        await asyncio.sleep(QUIET_SECONDS)
        for ws, other in ((member, listener), (listener, member)):
            client_id, frame = message("Still there?")
            await ws.send(frame)
            await receive_until(ws, is_ack(client_id))
            heard, _ = await receive_until(other, is_message(client_id))
            assert heard["body"] == "Still there?"
    finally:
        await member.close()
        await listener.close()
