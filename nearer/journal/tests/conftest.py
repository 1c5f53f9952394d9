"""Journal fixtures: Alice writes; Bob is her partner; Carol and Dave are another couple."""

import pytest
from django.test import Client

from nearer.journal.models import Entry
from nearer.journal.tests.helpers import SECRET_WORDS, write


@pytest.fixture
def client_for():
    """A fresh logged-in browser per person, so several people can act in one test."""

    def login(user) -> Client:
        browser = Client()
        browser.force_login(user)
        return browser

    return login


@pytest.fixture
def private_entry(alice) -> Entry:
    return write(alice, title="After the long week", body=SECRET_WORDS, mood="tired")


@pytest.fixture
def shared_entry(alice, bob) -> Entry:
    entry = write(alice, title="What I noticed", body="Bob made tea without being asked.")
    entry.share()
    return entry
