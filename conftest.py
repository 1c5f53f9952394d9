"""Shared personas for every test.

Alice and Bob are a couple; Carol and Dave are another couple who must never see Alice's
things; Erin uses Nearer alone. A listener, a coach and a moderator arrive with later features.
"""

import functools

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management import call_command

from nearer.accounts.models import Couple, User

PASSWORD = "a calm river at dawn"  # noqa: S105 (test personas)


@functools.cache
def _hashed_password() -> str:
    """Argon2 is slow on purpose; hash the personas' shared password once per run."""
    return make_password(PASSWORD)


def make_member(email: str, name: str, *, couple: Couple | None = None) -> User:
    user = User.objects.create(
        email=email, display_name=name, couple=couple, password=_hashed_password()
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def alice(db) -> User:
    return make_member("alice@example.com", "Alice", couple=Couple.objects.create())


@pytest.fixture
def bob(alice) -> User:
    return make_member("bob@example.com", "Bob", couple=alice.couple)


@pytest.fixture
def carol(db) -> User:
    return make_member("carol@example.com", "Carol", couple=Couple.objects.create())


@pytest.fixture
def dave(carol) -> User:
    return make_member("dave@example.com", "Dave", couple=carol.couple)


@pytest.fixture
def erin(db) -> User:
    return make_member("erin@example.com", "Erin")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The real database cache (rate-limit counters) needs its table in the test database."""
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)
