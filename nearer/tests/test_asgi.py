"""Pages through the application uvicorn serves (nearer.asgi): Django's WSGI handler on a
pool of threads, the request body read in, long answers streamed out piece by piece."""

import threading

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.testing import HttpCommunicator
from django.conf import settings
from django.db import connections
from django.test import Client

from nearer.asgi import application
from nearer.goals.models import CheckIn
from nearer.goals.tests.conftest import make_goal

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True, scope="module")
def _pool_threads_let_go_of_their_connections():
    """The page threads keep their database connections (CONN_MAX_AGE), which would keep the
    test database busy when it is dropped at the end (PostgreSQL refuses). So once this
    module is done, each thread closes its own: one job per thread, held at a barrier until
    every thread has one."""
    yield
    pool = application.application_mapping["http"].executor
    together = threading.Barrier(pool._max_workers)

    def close_mine() -> None:
        together.wait(timeout=10)
        connections.close_all()

    for job in [pool.submit(close_mine) for _ in range(pool._max_workers)]:
        job.result(timeout=15)


@pytest_asyncio.fixture(autouse=True)
async def _the_set_up_thread_lets_go_of_its_connection():
    """The same for the thread where these tests make their people and goals (sync_to_async,
    and Django's async ORM, run there)."""
    yield
    await sync_to_async(connections.close_all)()


@sync_to_async
def logged_in(user) -> tuple[bytes, bytes]:
    """A session and CSRF cookie for ``user``, and the CSRF token for forms."""
    browser = Client()
    browser.force_login(user)
    browser.get("/today/")
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    csrf = browser.cookies[settings.CSRF_COOKIE_NAME].value
    cookie = f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}"
    return cookie.encode(), csrf.encode()


def communicator(method: str, path: str, *, body: bytes = b"", headers=()) -> HttpCommunicator:
    headers = [(b"host", b"127.0.0.1"), *headers]
    if body:  # as every HTTP client sends it; WSGI reads no more than this
        headers.append((b"content-length", str(len(body)).encode()))
    return HttpCommunicator(application, method, path, body=body, headers=headers)


@pytest.mark.asyncio
async def test_a_page_is_served():
    response = await communicator("GET", "/healthz").get_response()
    assert response["status"] == 200


@pytest.mark.asyncio
async def test_a_member_sees_today_and_a_visitor_is_asked_to_log_in(alice):
    cookie, _ = await logged_in(alice)
    response = await communicator("GET", "/today/", headers=[(b"cookie", cookie)]).get_response()
    assert response["status"] == 200
    assert b"<h1" in response["body"] and b"Today" in response["body"]
    response = await communicator("GET", "/today/").get_response()
    assert response["status"] == 302
    assert dict(response["headers"])[b"location"] == b"/accounts/login/?next=/today/"


@pytest.mark.asyncio
async def test_a_form_posted_through_the_server_is_read_and_saved(alice):
    cookie, csrf = await logged_in(alice)
    goal = await sync_to_async(make_goal)(alice)
    note = "é" * 400  # non-ASCII, and most of what a note may hold
    body = f"note={note}&csrfmiddlewaretoken={csrf.decode()}".encode()
    headers = [(b"cookie", cookie), (b"content-type", b"application/x-www-form-urlencoded")]
    path = f"/today/goals/{goal.pk}/check-in/"
    response = await communicator("POST", path, body=body, headers=headers).get_response()
    assert response["status"] == 302, response["body"][:300]
    saved = await CheckIn.objects.aget(goal=goal)
    assert saved.note == note


@pytest.mark.asyncio
async def test_a_post_without_its_token_is_refused(alice):
    cookie, _ = await logged_in(alice)
    goal = await sync_to_async(make_goal)(alice)
    headers = [(b"cookie", cookie), (b"content-type", b"application/x-www-form-urlencoded")]
    path = f"/today/goals/{goal.pk}/check-in/"
    response = await communicator("POST", path, body=b"note=hi", headers=headers).get_response()
    assert response["status"] == 403
    assert not await CheckIn.objects.filter(goal=goal).aexists()


@pytest.mark.asyncio
async def test_an_export_is_streamed_in_pieces_not_gathered_first(alice):
    cookie, _ = await logged_in(alice)
    for number in range(3):
        await sync_to_async(make_goal)(alice, action=f"goal number {number}")
    reader = communicator("GET", "/export/goals.csv", headers=[(b"cookie", cookie)])
    await reader.send_input({"type": "http.request", "body": b""})
    start = await reader.receive_output(timeout=5)
    assert start["type"] == "http.response.start" and start["status"] == 200
    pieces = []
    while True:
        message = await reader.receive_output(timeout=5)
        pieces.append(message["body"])
        if not message.get("more_body"):
            break
    csv = b"".join(pieces).decode()
    assert csv.splitlines()[0].startswith("id,step,action")
    assert [f"goal number {n}" in csv for n in range(3)] == [True] * 3
    assert len([p for p in pieces if p]) >= 4  # the header and each goal, each on its own way


def test_the_page_pool_has_the_configured_threads_and_sqlite_connections_are_kept():
    if "sqlite" in settings.DATABASES["default"]["ENGINE"]:
        assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert application.application_mapping["http"].executor._max_workers == settings.HTTP_THREADS
