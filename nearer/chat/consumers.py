"""The chat socket: ``/ws/chat/<conversation uuid>/?after=<seq>`` (see docs in the protocol).

Every frame from the client is checked against the database before it does anything: a
message is saved by ``actions.post_message``, which re-reads the conversation under its lock
and refuses anyone who is no longer a participant (a revoked listener, a deleted chat); any
other frame runs the same participant query. Frames arriving faster than a socket could
honestly send them are refused without touching the database at all.

Delivery keeps order and never repeats: the socket remembers the highest seq it has sent; a
repeat from the layer is dropped, and a gap (the layer lost or reordered something) is filled
from the database before going on.
"""

import functools
import json
import time
import uuid
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import connections

from nearer.chat import actions, delivery
from nearer.chat.actions import ChatError, Gone, NotAllowed
from nearer.chat.models import Conversation, Message

NOT_PARTICIPANT = 4403
UNKNOWN = 4404
# A frame holds JSON around a message of at most NEARER_CHAT_MESSAGE_BYTES; escaped as
# \uXXXX pairs it can be about three times as long, and no honest frame is longer.
MAX_FRAME_CHARS = 16 * 1024
# Frames per socket before any work: a flood is refused here, with no database query.
FRAME_BUDGET = 60
FRAME_WINDOW = 10.0
# How often a socket that only receives re-checks that its person is still a participant
# (every frame they send is checked, and so is every change of the conversation's status).
RECHECK_SECONDS = 15.0


def _usable_connections() -> None:
    """Before each database call from a socket, what Django does between requests, minus
    one thing: a connection that errored and is broken is closed, and one older than a
    CONN_MAX_AGE that is set is closed; but with CONN_MAX_AGE 0 (SQLite's default here) the
    connection stays open from frame to frame. Opening SQLite's connection (with its
    PRAGMAs) costs several times the message's own transaction, and every socket's calls
    run on one thread, in turn, so that one connection serves them all."""
    for conn in connections.all(initialized_only=True):
        if conn.connection is None or conn.in_atomic_block:
            continue
        if conn.errors_occurred:
            if conn.is_usable():
                conn.errors_occurred = False
            else:
                conn.close()
        elif conn.settings_dict["CONN_MAX_AGE"] and time.monotonic() >= (conn.close_at or 0):
            conn.close()


def database_call(func):
    """Run ``func`` on the database thread (``sync_to_async``, thread-sensitive), with
    ``_usable_connections`` first, instead of Channels' ``database_sync_to_async`` which
    closes the connection after every call."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        _usable_connections()
        return func(*args, **kwargs)

    return sync_to_async(run, thread_sensitive=True)


def _read(conversation_id: uuid.UUID, user) -> tuple[Conversation, str]:
    """The conversation and the user's role in it as the database says now; raises Gone."""
    conversation = Conversation.objects.with_participants().filter(pk=conversation_id).first()
    if conversation is None:
        raise Gone()
    return conversation, actions.participant_role(conversation, user)


@database_call
def _open(conversation_id: uuid.UUID, user) -> tuple[Conversation, str]:
    return _read(conversation_id, user)


@database_call
def _check(conversation_id: uuid.UUID, user) -> str:
    return _read(conversation_id, user)[1]


@database_call
def _messages_after(conversation_id: uuid.UUID, user, after: int) -> tuple[list[dict], int]:
    """Every saved message after ``after``, in order, once the user is checked; and the
    conversation's last seq."""
    conversation = Conversation.objects.with_participants().filter(pk=conversation_id).first()
    if conversation is None:
        raise Gone()
    if not actions.participant_role(conversation, user):
        raise NotAllowed()
    messages = Message.objects.filter(conversation=conversation, seq__gt=after).order_by("seq")
    return (
        [m.payload(name=conversation.name_for(m.author)) for m in messages],
        conversation.last_seq,
    )


@database_call
def _post(conversation: Conversation, user, client_id, body) -> tuple[Message, bool, list[dict]]:
    """Save the message (behind the sender's rate limit) and build its events."""
    message, created = actions.send_message(
        conversation=conversation, user=user, client_id=client_id, body=body
    )
    if not created:
        return message, False, []
    events = [delivery.message_event(message, message.conversation)]
    if message.concern:
        events.append(delivery.care_event(message, message.conversation))
    return message, True, events


class ChatConsumer(AsyncWebsocketConsumer):
    conversation_id: uuid.UUID
    conversation: Conversation  # as read at connect: its key, for the actions
    group = ""
    role = ""
    sent_seq = 0
    closed = False

    async def dispatch(self, message):
        """As Channels does, without its trip to the database thread to close old
        connections on every event: the handlers that touch the database look after their
        connection in ``database_call``."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def send(self, text_data=None, bytes_data=None, close=False):
        if not self.closed:
            await super().send(text_data=text_data, bytes_data=bytes_data, close=close)

    async def close(self, code=None, reason=None):
        if not self.closed:
            self.closed = True
            await super().close(code=code, reason=reason)

    # --- connecting -------------------------------------------------------------------------

    async def connect(self):
        self.user = self.scope.get("user")
        self.frames: list[float] = []
        try:
            self.conversation_id = uuid.UUID(self.scope["url_route"]["kwargs"]["conversation"])
        except ValueError:
            await self.close(code=UNKNOWN)
            return
        if self.user is None or not self.user.is_authenticated:
            await self.close(code=NOT_PARTICIPANT)
            return
        try:
            self.conversation, self.role = await _open(self.conversation_id, self.user)
        except Gone:
            await self.close(code=UNKNOWN)
            return
        if not self.role:
            await self.close(code=NOT_PARTICIPANT)
            return
        self.checked_at = time.monotonic()
        self.group = delivery.group_for(self.conversation_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self._replay(_after(self.scope.get("query_string", b"")))

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def _refuse(self, error: ChatError, client_id=None) -> None:
        if isinstance(error, Gone):
            await self.close(code=UNKNOWN)
            return
        await self._error(error.code, error.message, client_id)
        await self.close(code=NOT_PARTICIPANT)

    async def _replay(self, after: int) -> None:
        try:
            payloads, last_seq = await _messages_after(self.conversation_id, self.user, after)
        except (Gone, NotAllowed) as e:
            await self._refuse(e)
            return
        self.checked_at = time.monotonic()
        for payload in payloads:
            await self._send_message(payload)
        self.sent_seq = max(self.sent_seq, min(after, last_seq))

    # --- from the client --------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        if not self._within_budget():
            await self._error("rate_limited", actions.RATE_LIMITED, None)
            return
        if text_data is None:
            await self._refuse_frame("invalid", "Please send messages as text (JSON), not binary.")
            return
        if len(text_data) > MAX_FRAME_CHARS:
            await self._refuse_frame("too_long", actions.TOO_LONG)
            return
        try:
            data = json.loads(text_data)
        except ValueError:
            await self._refuse_frame("invalid", "That frame wasn't valid JSON.")
            return
        if not isinstance(data, dict):
            await self._refuse_frame("invalid", "Each frame should be a JSON object.")
            return
        kind = data.get("type")
        if kind == "message":
            await self._on_message(data)
        elif kind == "resume":
            after = data.get("after")
            if isinstance(after, bool) or not isinstance(after, int) or after < 0:
                await self._refuse_frame(
                    "invalid", "Resume needs the last seq you have, a whole number from 0."
                )
                return
            await self._replay(after)
        else:
            await self._refuse_frame(
                "invalid", 'Unknown frame type. Use "message" or "resume".', data.get("client_id")
            )

    def _within_budget(self) -> bool:
        now = time.monotonic()
        self.frames = [t for t in self.frames if now - t < FRAME_WINDOW]
        if len(self.frames) >= FRAME_BUDGET:
            return False
        self.frames.append(now)
        return True

    async def _refuse_frame(self, code: str, message: str, client_id=None) -> None:
        """A frame that does nothing still checks its sender is a participant."""
        try:
            role = await _check(self.conversation_id, self.user)
        except Gone as e:
            await self._refuse(e)
            return
        if not role:
            await self._refuse(NotAllowed())
            return
        self.checked_at = time.monotonic()
        await self._error(code, message, client_id if isinstance(client_id, str) else None)

    async def _on_message(self, data: dict) -> None:
        client_id = data.get("client_id")
        shown_id = client_id if isinstance(client_id, str) else None
        try:
            message, _created, events = await _post(
                self.conversation, self.user, client_id, data.get("body")
            )
        except (Gone, NotAllowed) as e:
            await self._refuse(e, shown_id)
            return
        except ChatError as e:
            await self._error(e.code, e.message, shown_id)
            return
        self.checked_at = time.monotonic()
        await self.send(
            text_data=json.dumps(
                {"type": "ack", "client_id": str(message.client_id), "seq": message.seq}
            )
        )
        for event in events:
            await self.channel_layer.group_send(self.group, event)

    async def _error(self, code: str, message: str, client_id) -> None:
        frame = {"type": "error", "code": code, "message": message}
        if client_id:
            frame["client_id"] = client_id
        await self.send(text_data=json.dumps(frame))

    # --- from the channel layer -------------------------------------------------------------

    async def _still_allowed(self) -> bool:
        if time.monotonic() - self.checked_at < RECHECK_SECONDS:
            return True
        try:
            role = await _check(self.conversation_id, self.user)
        except Gone as e:
            await self._refuse(e)
            return False
        if not role:
            await self._refuse(NotAllowed())
            return False
        self.checked_at = time.monotonic()
        return True

    async def _send_message(self, payload: dict) -> None:
        frame = {"type": "message", **payload, "mine": payload["author"] == self.role}
        await self.send(text_data=json.dumps(frame))
        self.sent_seq = max(self.sent_seq, payload["seq"])

    async def chat_message(self, event: dict) -> None:
        seq = event["seq"]
        if seq <= self.sent_seq:
            return  # already sent (a replay got there first)
        if not await self._still_allowed():
            return
        if seq > self.sent_seq + 1:
            await self._replay(self.sent_seq)  # fill the gap from the database, in order
            return
        payload = {k: v for k, v in event.items() if k != "type"}
        await self._send_message(payload)

    async def chat_care(self, event: dict) -> None:
        if self.role in event:
            frame = {"type": "care", "for": self.role, "seq": event["seq"], **event[self.role]}
            await self.send(text_data=json.dumps(frame))

    async def chat_status(self, event: dict) -> None:
        self.checked_at = 0.0  # membership may have changed with the status: check now
        if not await self._still_allowed():
            return
        await self.send(text_data=json.dumps({"type": "status", "status": event["status"]}))

    async def chat_gone(self, event: dict) -> None:
        await self.close(code=UNKNOWN)


def _after(query_string: bytes) -> int:
    try:
        values = parse_qs(query_string.decode("latin-1")).get("after", ["0"])
        after = int(values[-1])
    except (ValueError, UnicodeDecodeError):
        return 0
    return max(0, after)
