"""A message survives the server being killed: once acknowledged it is delivered after a
restart, exactly once; and a sender that never saw its ack resends the same client_id and the
conversation still holds one copy, in order.

The server is a real uvicorn process (as scripts/serve starts it, one worker, the in-memory
layer) on a database of the module's own, a copy of a migrated one (root conftest): a SQLite
file in a temporary directory, or, when DATABASE_URL names a PostgreSQL server, a database made
for this module and dropped after it.
"Killed" is SIGKILL: no shutdown, no flush, nothing in memory survives. What was saved is read
back by a fresh process straight from the database (bench/chat_seed.py transcript).
"""

import json
import uuid

import pytest

from bench.chat_harness import ServerProcess, Site, drain, in_own_loop, receive_until


@pytest.fixture(autouse=True)
def _fresh_rate_limits_and_layer():
    """Nothing here runs in this process's cache or layer (the server has its own), so the
    chat tests' reset of both, which needs the test database, is not wanted here."""


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_site_database):
    site = Site(tmp_path_factory.mktemp("chat-durability"), **migrated_site_database)
    site.create_database()
    try:
        yield site
    finally:
        site.drop()


@pytest.fixture(scope="module")
def running(site):
    """The server that is up now; each test kills it and starts the next one, which the
    following test goes on with (one start fewer per test). The first one starts while
    ``site.chats`` (three conversations) are seeded."""
    up = [ServerProcess(site)]
    try:
        up[0].spawn()
        site.chats = site.seed(3)
        up[0].wait_until_up(60)
        yield up
    finally:
        for each in up:
            each.stop()


@pytest.fixture
def server(site, running):
    """A running server, with ``restart()``: SIGKILL it, start another, return that."""
    if not running or running[-1].process.poll() is not None:
        running[:] = [ServerProcess(site).start()]
    used = [running[-1]]

    def restart() -> ServerProcess:
        running[-1].kill()
        running[:] = [ServerProcess(site).start()]
        used.append(running[-1])
        return running[-1]

    used[0].restart = restart
    yield used[0]
    for each in used:
        print(f"The server on port {each.port} wrote:\n{each.own_log()}")  # shown on failure


def message(body: str, client_id: str | None = None) -> tuple[str, str]:
    client_id = client_id or str(uuid.uuid4())
    return client_id, json.dumps({"type": "message", "client_id": client_id, "body": body})


def is_message(client_id: str):
    return lambda f: f.get("type") == "message" and f.get("client_id") == client_id


def is_ack(client_id: str):
    return lambda f: f.get("type") == "ack" and f.get("client_id") == client_id


def chat_messages(frames: list[dict]) -> list[tuple[int, str]]:
    return [(f["seq"], f["client_id"]) for f in frames if f.get("type") == "message"]


@in_own_loop
async def test_an_acknowledged_message_reaches_the_listener_once_after_the_server_is_killed(
    server, site
):
    chat = site.chats[0]
    member = await server.connect(chat["id"], chat["member_session"])
    listener = await server.connect(chat["id"], chat["listener_session"])
    first, frame = message("Are you there?")
    await member.send(frame)
    await receive_until(member, is_ack(first))
    seen, _ = await receive_until(listener, is_message(first))
    last_seen = seen["seq"]
    await listener.close()  # the listener steps away

    pending, frame = message("I'll wait for you.")
    await member.send(frame)
    ack, _ = await receive_until(member, is_ack(pending))
    assert ack["seq"] == last_seen + 1

    server = server.restart()  # SIGKILL, then a fresh process

    listener = await server.connect(chat["id"], chat["listener_session"], after=last_seen)
    heard, before = await receive_until(listener, is_message(pending))
    frames = [*before, heard, *await drain(listener)]
    assert chat_messages(frames) == [(ack["seq"], pending)], frames
    assert heard["body"] == "I'll wait for you."
    assert heard["author"] == "member"
    await listener.close()
    stored = [m["client_id"] for m in site.transcript(chat["id"])]
    assert stored.count(first) == stored.count(pending) == 1


@in_own_loop
async def test_a_message_saved_but_never_acknowledged_is_resent_and_kept_once(server, site):
    chat = site.chats[1]
    member = await server.connect(chat["id"], chat["member_session"])
    listener = await server.connect(chat["id"], chat["listener_session"])
    before, frame = message("Thank you for listening.")
    await member.send(frame)
    await receive_until(member, is_ack(before))
    await receive_until(listener, is_message(before))

    # The member sends, and the server saves it (the listener hears it, and nothing is
    # delivered before it is saved) but the member reads nothing more: no ack seen.
    unacked, frame = message("It has been a hard week.")
    await member.send(frame)
    heard, _ = await receive_until(listener, is_message(unacked))

    server = server.restart()

    # The member's page, reconnecting, sends what it has no ack for again: same client_id.
    member = await server.connect(chat["id"], chat["member_session"], after=0)
    _, frame = message("It has been a hard week.", client_id=unacked)
    await member.send(frame)
    ack, replayed = await receive_until(member, is_ack(unacked))
    assert ack["seq"] == heard["seq"], "acknowledged at the seq it was saved with"
    after, frame = message("Work has been a lot.")
    await member.send(frame)
    next_ack, more = await receive_until(member, is_ack(after))
    assert next_ack["seq"] == heard["seq"] + 1, "order kept: the next message comes after it"
    frames = replayed + more + await drain(member)
    assert [c for _, c in chat_messages(frames)].count(unacked) == 1, frames
    await member.close()

    listener = await server.connect(chat["id"], chat["listener_session"], after=0)
    last, frames = await receive_until(listener, is_message(after))
    frames += [last, *await drain(listener)]
    said = [c for _, c in chat_messages(frames)]
    assert said[-3:] == [before, unacked, after], "each once, in the order written"
    assert said.count(unacked) == 1
    await listener.close()
    stored = site.transcript(chat["id"])
    assert [m["client_id"] for m in stored][-3:] == [before, unacked, after]
    assert [m["seq"] for m in stored] == list(range(1, len(stored) + 1))


@in_own_loop
async def test_a_message_the_server_never_read_is_resent_after_the_kill_and_kept_once(server, site):
    chat = site.chats[2]
    member = await server.connect(chat["id"], chat["member_session"])
    await drain(member)

    # The server is frozen, so the frame waits in the kernel, unread, until the kill.
    server.pause()
    lost_in_flight, frame = message("Hello?")
    await member.send(frame)
    server = server.restart()

    assert lost_in_flight not in [m["client_id"] for m in site.transcript(chat["id"])]
    member = await server.connect(chat["id"], chat["member_session"])
    _, frame = message("Hello?", client_id=lost_in_flight)
    await member.send(frame)
    ack, frames = await receive_until(member, is_ack(lost_in_flight))
    await member.send(frame)  # and once more, as an impatient page might
    again, more = await receive_until(member, is_ack(lost_in_flight))
    assert again["seq"] == ack["seq"]
    frames += more
    if not any(is_message(lost_in_flight)(f) for f in frames):
        echo, more = await receive_until(member, is_message(lost_in_flight))
        frames += [*more, echo]
    frames += await drain(member)
    await member.close()
    assert [c for _, c in chat_messages(frames)].count(lost_in_flight) == 1, frames
    stored = [m["client_id"] for m in site.transcript(chat["id"])]
    assert stored.count(lost_in_flight) == 1
