"""Bad input on the socket is refused with a clear error frame, nothing is saved, and the
socket (and the server) keeps serving everyone."""

import json
import uuid
from datetime import timedelta

import pytest
import time_machine
from asgiref.sync import sync_to_async
from django.utils import timezone

from nearer.chat import actions, consumers
from nearer.chat.models import Message
from nearer.chat.tests.sockets import connect, frames, next_of, send

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]


@sync_to_async
def count(conversation) -> int:
    return Message.objects.filter(conversation=conversation).count()


async def still_works(socket) -> None:
    client_id = await send(socket, "Still here")
    assert (await next_of(socket, "ack"))["client_id"] == client_id


async def next_frame(socket) -> dict:
    return json.loads(await socket.receive_from(timeout=2))


async def refused_with(socket, code: str) -> dict:
    error = await next_of(socket, "error")
    assert error["code"] == code, error
    assert error["message"], "every refusal says what was wrong"
    return error


@pytest.mark.parametrize(
    ("frame", "code", "words"),
    [
        ({"type": "message", "body": ""}, "empty", "empty"),
        ({"type": "message", "body": "   \n\t "}, "empty", "empty"),
        ({"type": "message", "body": "\x00\x01"}, "empty", "empty"),
        ({"type": "message", "body": "x" * 4097}, "too_long", "too long"),
        ({"type": "message", "body": "€" * 1366}, "too_long", "too long"),  # 4,098 bytes
        ({"type": "message", "body": 42}, "invalid", "text"),
        ({"type": "message", "body": ["a"]}, "invalid", "text"),
        ({"type": "message", "body": None}, "invalid", "text"),
        ({"type": "dance", "body": "hi"}, "invalid", "Unknown"),
        ({"type": "resume", "after": "soon"}, "invalid", "whole number"),
        ({"type": "resume", "after": -1}, "invalid", "whole number"),
        ({"type": "resume", "after": True}, "invalid", "whole number"),
    ],
)
async def test_a_bad_message_frame_is_refused_clearly(chat, alice, frame, code, words):
    member, _, _ = await connect(alice, chat.pk, after=1)
    client_id = str(uuid.uuid4())
    await member.send_json_to({"client_id": client_id, **frame})
    error = await refused_with(member, code)
    assert words in error["message"]
    if frame["type"] == "message":
        assert error["client_id"] == client_id
    assert await count(chat) == 1
    await still_works(member)
    await member.disconnect()


@pytest.mark.parametrize("client_id", [None, "", "not-a-uuid", 12, {"a": 1}])
async def test_a_message_needs_a_client_id(chat, alice, client_id):
    member, _, _ = await connect(alice, chat.pk, after=1)
    frame = {"type": "message", "body": "hello"}
    if client_id is not None:
        frame["client_id"] = client_id
    await member.send_json_to(frame)
    error = await refused_with(member, "invalid")
    assert "client_id" in error["message"]
    assert await count(chat) == 1
    await still_works(member)
    await member.disconnect()


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("", "JSON"),
        ("{not json", "JSON"),
        ('"just a string"', "object"),
        ("[1, 2, 3]", "object"),
        ("null", "object"),
        ("x" * (consumers.MAX_FRAME_CHARS + 1), "too long"),
    ],
)
async def test_a_malformed_text_frame_is_refused_clearly(chat, alice, raw, words):
    member, _, _ = await connect(alice, chat.pk, after=1)
    await member.send_input({"type": "websocket.receive", "text": raw})
    error = await next_of(member, "error")
    assert words in error["message"]
    await still_works(member)
    await member.disconnect()


async def test_a_binary_frame_is_refused_clearly(chat, alice):
    member, _, _ = await connect(alice, chat.pk, after=1)
    payload = json.dumps({"type": "message", "client_id": str(uuid.uuid4()), "body": "hi"})
    await member.send_to(bytes_data=payload.encode())
    error = await refused_with(member, "invalid")
    assert "binary" in error["message"]
    assert await count(chat) == 1
    await still_works(member)
    await member.disconnect()


async def test_the_longest_message_allowed_is_saved_whole(chat, alice):
    member, _, _ = await connect(alice, chat.pk, after=1)
    body = "€" * 1365  # 4,095 bytes
    await send(member, body)
    await next_of(member, "ack")
    saved = await sync_to_async(Message.objects.get)(conversation=chat, seq=2)
    assert saved.body == body
    await member.disconnect()


async def test_control_characters_are_dropped_before_saving(chat, alice):
    member, _, _ = await connect(alice, chat.pk, after=1)
    await send(member, "a\x00b\x07c\r\nd\te")
    await next_of(member, "ack")
    saved = await sync_to_async(Message.objects.get)(conversation=chat, seq=2)
    assert saved.body == "abc\nd\te"
    await member.disconnect()


async def test_a_flood_of_messages_is_rate_limited_and_others_keep_talking(
    chat, alice, carol, other_listener
):
    other = await sync_to_async(actions.request_chat)(member=carol)
    await sync_to_async(actions.accept_chat)(listener=other_listener, conversation=other)
    member, _, _ = await connect(alice, chat.pk, after=1)
    neighbour, _, _ = await connect(carol, other.pk, after=1)

    ids = [await send(member, f"message {n}") for n in range(25)]
    got: list[dict] = []
    while len(got) < 25:
        frame = await next_frame(member)
        if frame["type"] in ("ack", "error"):
            got.append(frame)
    acked = [f["client_id"] for f in got if f["type"] == "ack"]
    refused = [f for f in got if f["type"] == "error"]
    assert acked == ids[:20]
    assert [f["client_id"] for f in refused] == ids[20:]
    assert {f["code"] for f in refused} == {"rate_limited"}
    assert "nothing you wrote is lost" in refused[0]["message"]
    assert await count(chat) == 21

    # Over the limit, a resend of a message already saved is still acknowledged.
    await send(member, "message 3", ids[3])
    assert (await next_of(member, "ack"))["seq"] == 5

    await still_works(neighbour)  # Carol's chat never noticed
    with time_machine.travel(timezone.now() + timedelta(seconds=11)):
        await still_works(member)  # and Alice may write again after a pause
    await member.disconnect()
    await neighbour.disconnect()


async def test_a_flood_of_any_frames_is_refused_before_any_work(chat, alice, listener):
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    for _ in range(consumers.FRAME_BUDGET + 10):
        await member.send_to(text_data="{not json")
    codes = [(await next_frame(member))["code"] for _ in range(consumers.FRAME_BUDGET + 10)]
    assert await frames(member) == []
    assert codes == ["invalid"] * consumers.FRAME_BUDGET + ["rate_limited"] * 10
    await still_works(sam)  # the other side of the same chat is unaffected
    await member.disconnect()
    await sam.disconnect()
