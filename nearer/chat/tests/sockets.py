"""Open real chat sockets: the ASGI application from nearer.asgi (Origin check, session login,
routing, consumer), logged in with a real session cookie."""

import json
import uuid

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from nearer.asgi import application

ORIGIN = "http://127.0.0.1:8000"


@sync_to_async
def session_cookie(user) -> str:
    browser = Client()
    browser.force_login(user)
    return browser.cookies[settings.SESSION_COOKIE_NAME].value


async def connect(user, conversation_id, *, after: int | None = None, origin: str = ORIGIN):
    """A communicator for ``user`` (or None: not logged in) and whether it was accepted:
    (communicator, connected, close code)."""
    headers = [(b"origin", origin.encode())] if origin else []
    if user is not None:
        cookie = await session_cookie(user)
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    path = f"/ws/chat/{conversation_id}/"
    if after is not None:
        path += f"?after={after}"
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, code = await communicator.connect()
    return communicator, connected, code


async def send(communicator, body: str, client_id: str | None = None) -> str:
    client_id = client_id or str(uuid.uuid4())
    await communicator.send_json_to({"type": "message", "client_id": client_id, "body": body})
    return client_id


async def frames(communicator, *, until=None, timeout: float = 2.0, quiet: float = 0.2):
    """Frames received until ``until(frame)`` is true (inclusive), or, when ``until`` is None,
    until none arrives for ``quiet`` seconds."""
    received = []
    while True:
        if until is None and await communicator.receive_nothing(timeout=quiet):
            return received
        frame = json.loads(await communicator.receive_from(timeout=timeout))
        received.append(frame)
        if until is not None and until(frame):
            return received


async def next_of(communicator, kind: str, timeout: float = 2.0) -> dict:
    """The next frame of type ``kind`` (others before it are skipped)."""
    got = await frames(communicator, until=lambda f: f["type"] == kind, timeout=timeout)
    return got[-1]


async def closed_with(communicator, timeout: float = 2.0) -> int:
    """Skip frames until the server closes; the close code."""
    while True:
        output = await communicator.receive_output(timeout)
        if output["type"] == "websocket.close":
            return output.get("code", 1000)
