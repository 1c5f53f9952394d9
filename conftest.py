"""Shared personas for every test, and a migrated SQLite file for tests that run processes.

Alice and Bob are a couple; Carol and Dave are another couple who must never see Alice's
things; Erin uses Nearer alone. A listener, a coach and a moderator arrive with later features.
"""

import contextlib
import functools
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection

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


ROOT = Path(__file__).resolve().parent


def _test_database_is_a_migrated_file() -> bool:
    """On SQLite with the database cache, the fresh test database holds what `make setup`
    leaves in a file: every migration, the data migrations' rows, the cache table. (With
    REDIS_URL set there is no cache table; on PostgreSQL it is no SQLite file at all.)"""
    return connection.vendor == "sqlite" and not settings.REDIS_URL


def _is_the_test_database() -> bool:
    """pytest-django makes the test database only if a collected test uses one; without it
    ``connection`` is the real database (on SQLite, var/nearer.sqlite3): not to be written."""
    return connection.vendor != "sqlite" or connection.is_in_memory_db()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory) -> Path | None:
    """The real database cache (rate-limit counters) needs its table in the test database.

    Returns a SQLite file copied from the fresh test database before any test writes to it
    (a transactional test's flush would empty the data migrations' tables), or None when
    there is no such test database (see ``migrated_sqlite_file``)."""
    with django_db_blocker.unblock():
        if not _is_the_test_database():
            return None
        call_command("createcachetable", verbosity=0)
        if not _test_database_is_a_migrated_file():
            return None
        path = tmp_path_factory.mktemp("test-database") / "nearer.sqlite3"
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
        return path


@pytest.fixture(scope="session")
def freshly_migrated_sqlite_file(tmp_path_factory) -> Path:
    """A SQLite file made as `make setup` makes one: `migrate`, then `createcachetable`, in
    a process of its own (on SQLite, never on DATABASE_URL)."""
    data_dir = tmp_path_factory.mktemp("migrated")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env |= {"NEARER_DATA_DIR": str(data_dir), "SECRET_KEY": "x" * 50}
    for command in (["migrate", "--noinput"], ["createcachetable"]):
        done = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command, "-v0"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    return data_dir / "nearer.sqlite3"


@pytest.fixture(scope="session")
def migrated_sqlite_file(request) -> Path:
    """A migrated SQLite file for tests that run Nearer in processes of their own: copy it
    (shutil.copy) to a directory of the test's own, never write to it.

    On SQLite it is the test database, copied when it was made, so no process spends seconds
    on `migrate` (nearer/lib/tests/test_migrated_file.py checks that the two are equal).
    On PostgreSQL those processes still get a SQLite file: one migrated once per session; so
    do they when no collected test uses the test database, which is then never made."""
    copied = None
    if _test_database_is_a_migrated_file():
        copied = request.getfixturevalue("django_db_setup")
    return copied or request.getfixturevalue("freshly_migrated_sqlite_file")


@pytest.fixture(scope="session")
def migrated_site_database(request, tmp_path_factory) -> dict:
    """What a bench.chat_harness.Site (the chat server tests') starts from, so that none runs
    `migrate`: on SQLite a copy of ``migrated_sqlite_file``; when DATABASE_URL names a
    PostgreSQL server, a copy of a database of its own, migrated once per session and dropped
    after it. Keyword arguments for ``Site``."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url:
        return {"migrated": request.getfixturevalue("migrated_sqlite_file")}
    from bench.chat_harness import Site

    template = Site(tmp_path_factory.mktemp("template-site"), database_url=database_url)
    template.create_database()
    request.addfinalizer(template.drop)
    template.prepare()
    return {"database_url": database_url, "template": template.own_database}


# Started first among their kind, so that with several workers (make test runs pytest-xdist)
# no worker is left alone at the end with a long journey while the others have nothing to do.
# pytest-django then sorts, keeping this order within each kind: tests in a rolled-back
# transaction, then transactional ones (which empty the database, data migrations' rows too),
# then those without a database. So this hook runs first.
SLOW_FIRST = (
    "tests/e2e/",
    "nearer/chat/tests/test_two_processes.py",
    "nearer/chat/tests/test_durability.py",
    "nearer/reminders/tests/test_worker_process.py",
    "nearer/coaching/tests/test_concurrency.py",
    "nearer/lib/tests/test_migrated_file.py",
)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def slow_first(item: pytest.Item) -> int:
        path = Path(item.path).relative_to(ROOT).as_posix()
        return next((n for n, slow in enumerate(SLOW_FIRST) if path.startswith(slow)), 99)

    items.sort(key=slow_first)  # stable: each module's tests keep their order
