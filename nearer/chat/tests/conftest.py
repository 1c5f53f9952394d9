"""Neighbor Chat personas and socket helpers.

Sam and Robin are listeners (each also an ordinary account). Alice and Bob are a couple,
Carol and Dave another couple, Erin is alone (root conftest). Moe is a moderator (staff).
"""

import pytest
from asgiref.sync import SyncToAsync
from channels.layers import get_channel_layer
from django.core.cache import caches
from django.db import connections
from django.test import Client

from conftest import make_member
from nearer.chat import actions
from nearer.chat.models import Listener


def make_listener(email: str, pseudonym: str, **fields) -> Listener:
    user = make_member(email, f"{pseudonym} Volunteer")
    return Listener.objects.create(user=user, pseudonym=pseudonym, is_available=True, **fields)


@pytest.fixture
def listener(db) -> Listener:
    return make_listener("sam@example.com", "Sam")


@pytest.fixture
def other_listener(db) -> Listener:
    return make_listener("robin@example.com", "Robin")


@pytest.fixture
def moderator(db):
    user = make_member("moe@example.com", "Moe")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def chat(alice, listener):
    """Alice talking with Sam."""
    conversation = actions.request_chat(member=alice, topic="Feeling far apart lately")
    return actions.accept_chat(listener=listener, conversation=conversation)


@pytest.fixture
def client_for():
    def login(user) -> Client:
        browser = Client()
        browser.force_login(user)
        return browser

    return login


@pytest.fixture(autouse=True)
def _fresh_rate_limits_and_layer():
    """Rate-limit counters and the in-memory layer's groups don't carry over between tests."""
    caches["chat"].clear()
    layer = get_channel_layer()
    layer.channels.clear()
    layer.groups.clear()
    yield
    caches["chat"].clear()


@pytest.fixture(autouse=True)
def _close_the_socket_threads_connection():
    """Sockets' database calls share one thread that keeps its connection open between
    frames (``consumers.database_call``); close it after each test, so no test sees another's
    connection and the test database can be dropped at the end."""
    yield
    SyncToAsync.single_thread_executor.submit(connections.close_all).result()
