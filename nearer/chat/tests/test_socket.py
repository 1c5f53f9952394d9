"""Talking over the socket: saved before it is acknowledged or delivered, never twice, and a
client that reconnects gets what it missed, in order."""

import asyncio
import uuid

import pytest
from asgiref.sync import sync_to_async

from nearer.chat import actions
from nearer.chat.models import Message
from nearer.chat.tests.sockets import closed_with, connect, frames, next_of, send

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]


@sync_to_async
def saved(conversation) -> list[tuple[int, str, str]]:
    return list(
        Message.objects.filter(conversation=conversation)
        .order_by("seq")
        .values_list("seq", "author", "body")
    )


async def test_both_sides_see_each_message_with_their_own_names(chat, alice, listener):
    member, ok, _ = await connect(alice, chat.pk, after=1)
    assert ok
    sam, ok, _ = await connect(listener.user, chat.pk, after=1)
    assert ok

    client_id = await send(member, "It's been a long week.")
    ack = await next_of(member, "ack")
    assert ack == {"type": "ack", "client_id": client_id, "seq": 2}
    own = await next_of(member, "message")
    heard = await next_of(sam, "message")
    for frame in (own, heard):
        assert frame["seq"] == 2
        assert frame["client_id"] == client_id
        assert frame["author"] == "member"
        assert frame["name"] == chat.member_pseudonym
        assert frame["body"] == "It's been a long week."
        assert frame["created_at"].startswith("20")
    assert own["mine"] is True
    assert heard["mine"] is False

    await send(sam, "That sounds like a lot to carry.")
    reply = await next_of(member, "message")
    assert (reply["seq"], reply["name"], reply["mine"]) == (3, "Sam", False)
    assert (await next_of(sam, "message"))["mine"] is True
    assert await saved(chat) == [
        (1, "system", "Sam has joined. There's no rush: start whenever you're ready."),
        (2, "member", "It's been a long week."),
        (3, "listener", "That sounds like a lot to carry."),
    ]
    await member.disconnect()
    await sam.disconnect()


async def test_a_message_is_saved_before_it_is_acknowledged(chat, alice):
    member, _, _ = await connect(alice, chat.pk, after=1)
    client_id = await send(member, "Saved first")
    ack = await next_of(member, "ack")
    # The ack names a row that is already in the database.
    row = await sync_to_async(Message.objects.get)(conversation=chat, client_id=client_id)
    assert row.seq == ack["seq"]
    await member.disconnect()


async def test_the_same_client_id_is_saved_once_and_acknowledged_again(chat, alice, listener):
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    client_id = str(uuid.uuid4())
    await send(member, "Only once", client_id)
    first = await next_of(member, "ack")
    await frames(member)
    await send(member, "Only once", client_id)  # a resend after a lost ack
    again = await next_of(member, "ack")
    assert again == first
    assert [f for f in await frames(member) if f["type"] == "message"] == []
    heard = [f for f in await frames(sam) if f["type"] == "message"]
    assert [f["body"] for f in heard] == ["Only once"]
    assert len(await saved(chat)) == 2
    await member.disconnect()
    await sam.disconnect()


async def test_connecting_sends_everything_after_the_given_seq_in_order(chat, alice, listener):
    for n in range(2, 7):
        await sync_to_async(actions.post_message)(
            conversation=chat, user=alice, client_id=uuid.uuid4(), body=f"line {n}"
        )
    everything, _, _ = await connect(listener.user, chat.pk)
    assert [f["seq"] for f in await frames(everything)] == [1, 2, 3, 4, 5, 6]
    resumed, _, _ = await connect(listener.user, chat.pk, after=4)
    got = await frames(resumed)
    assert [(f["seq"], f["body"]) for f in got] == [(5, "line 5"), (6, "line 6")]
    await everything.disconnect()
    await resumed.disconnect()


async def test_a_resume_frame_resends_from_the_given_seq(chat, alice):
    for n in range(2, 5):
        await sync_to_async(actions.post_message)(
            conversation=chat, user=alice, client_id=uuid.uuid4(), body=f"line {n}"
        )
    member, _, _ = await connect(alice, chat.pk, after=4)
    assert await frames(member) == []
    await member.send_json_to({"type": "resume", "after": 2})
    assert [f["seq"] for f in await frames(member)] == [3, 4]
    await member.disconnect()


async def test_a_client_that_reconnects_misses_nothing_and_sees_nothing_twice(
    chat, alice, listener
):
    """Sam's connection drops while Alice writes; he reconnects after the last seq he saw."""
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    await send(member, "one")
    seen = [f["seq"] for f in await frames(sam, until=lambda f: f["type"] == "message")]
    await sam.disconnect()
    for body in ("two", "three", "four"):
        await send(member, body)
        await next_of(member, "ack")
    sam, _, _ = await connect(listener.user, chat.pk, after=seen[-1])
    await send(member, "five")  # live, while the missed ones are being sent
    got = [f for f in await frames(sam) if f["type"] == "message"]
    assert [f["body"] for f in got] == ["two", "three", "four", "five"]
    assert [f["seq"] for f in got] == [3, 4, 5, 6]
    await member.disconnect()
    await sam.disconnect()


async def test_a_gap_in_what_the_layer_delivers_is_filled_from_the_database(chat, alice, listener):
    """If the layer loses a message, the next one shows the gap, and the socket reads the
    missing one from the database before going on: order kept, nothing lost."""
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    lost = await sync_to_async(actions.post_message)(
        conversation=chat, user=alice, client_id=uuid.uuid4(), body="never announced"
    )
    assert lost[0].seq == 2
    member, _, _ = await connect(alice, chat.pk, after=2)
    await send(member, "announced")
    got = [f for f in await frames(sam) if f["type"] == "message"]
    assert [(f["seq"], f["body"]) for f in got] == [(2, "never announced"), (3, "announced")]
    await member.disconnect()
    await sam.disconnect()


async def test_either_side_ending_tells_both_sockets(chat, alice, listener):
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    await sync_to_async(actions.end_chat)(conversation=chat, user=listener.user)
    for socket in (member, sam):
        status = await next_of(socket, "status")
        assert status["status"] == "ended"
    await send(member, "Are you still there?")
    error = await next_of(member, "error")
    assert error["code"] == "ended"
    assert "ended" in error["message"]
    await member.disconnect()
    await sam.disconnect()


async def test_a_waiting_member_hears_the_moment_a_listener_accepts(alice, listener):
    conversation = await sync_to_async(actions.request_chat)(member=alice)
    member, ok, _ = await connect(alice, conversation.pk)
    assert ok
    await send(member, "hello?")
    assert (await next_of(member, "error"))["code"] == "invalid"  # nobody to hear it yet
    await sync_to_async(actions.accept_chat)(listener=listener, conversation=conversation)
    got = await frames(member, until=lambda f: f["type"] == "status")
    assert got[-1] == {"type": "status", "status": "active"}
    joined = [f for f in got if f["type"] == "message"]
    assert joined[0]["author"] == "system" and "Sam has joined" in joined[0]["body"]
    await member.disconnect()


async def test_a_socket_from_another_site_is_refused(chat, alice):
    for origin in ("https://evil.example", "http://127.0.0.1.evil.example", ""):
        _, ok, _ = await connect(alice, chat.pk, origin=origin)
        assert not ok, origin


async def test_the_site_url_is_an_allowed_origin(chat, alice, settings):
    settings.SITE_URL = "https://nearer.example.org"
    _, ok, _ = await connect(alice, chat.pk, origin="https://nearer.example.org")
    assert ok
    _, ok, _ = await connect(alice, chat.pk, origin="http://nearer.example.org")
    assert not ok  # same name, other scheme


async def test_visitors_and_unknown_conversations_are_refused(chat, alice):
    _, ok, code = await connect(None, chat.pk)
    assert (ok, code) == (False, 4403)
    _, ok, code = await connect(alice, uuid.uuid4())
    assert (ok, code) == (False, 4404)
    _, ok, code = await connect(alice, "not-a-uuid")
    assert (ok, code) == (False, 4404)


async def test_a_deleted_conversation_closes_its_sockets(chat, alice, listener):
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    await sync_to_async(actions.delete_history)(member=alice)
    assert await closed_with(sam) == 4404


async def test_both_writing_at_once_get_one_numbered_order_with_no_gaps(chat, alice, listener):
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    sent: dict = {"member": [], "listener": []}

    async def write(socket, role):
        for n in range(8):
            sent[role].append(await send(socket, f"{role} {n}"))

    await asyncio.gather(write(member, "member"), write(sam, "listener"))
    for socket in (member, sam):
        heard = [f for f in await frames(socket) if f["type"] == "message"]
        assert [f["seq"] for f in heard] == list(range(2, 18))
        in_order = [f["client_id"] for f in heard]
        for role in ("member", "listener"):
            assert [c for c in in_order if c in sent[role]] == sent[role]
    assert [seq for seq, _, _ in await saved(chat)] == list(range(1, 18))
    await member.disconnect()
    await sam.disconnect()


@sync_to_async
def refused_and_repeated_messages_use_no_number(chat, alice, carol):
    first, created = actions.post_message(
        conversation=chat, user=alice, client_id=uuid.UUID(int=7), body="one"
    )
    assert (first.seq, created) == (2, True)
    again, created = actions.post_message(
        conversation=chat, user=alice, client_id=uuid.UUID(int=7), body="one"
    )
    assert (again.pk, created) == (first.pk, False)
    for user, body, error in (
        (alice, "   ", actions.ChatError),
        (alice, "x" * 5000, actions.ChatError),
        (carol, "hello", actions.NotAllowed),
    ):
        with pytest.raises(error):
            actions.post_message(conversation=chat, user=user, client_id=uuid.uuid4(), body=body)
    second, _ = actions.post_message(
        conversation=chat, user=alice, client_id=uuid.uuid4(), body="two"
    )
    assert second.seq == 3
    chat.refresh_from_db()
    assert chat.last_seq == 3


async def test_refused_and_repeated_messages_use_no_number(chat, alice, carol):
    await refused_and_repeated_messages_use_no_number(chat, alice, carol)
