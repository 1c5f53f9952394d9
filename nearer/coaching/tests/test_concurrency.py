"""No double booking, even when many people press "Book" on one slot at the same moment.

On PostgreSQL, threads with their own connections race in the test database. On SQLite, whose
in-memory test database can't hold a race between threads, the race is on a database file, as
`make run` serves it: several processes, each with several threads on connections of their
own, all released at once. Its immediate transactions take turns between processes and
between connections of one process alike (SQLite locks the file for each connection).
"""

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import IntegrityError, close_old_connections, connection, transaction

from conftest import make_member
from nearer.coaching.actions import TAKEN, BookingError, book_slot
from nearer.coaching.models import Booking
from nearer.coaching.tests.conftest import NOW
from nearer.coaching.tests.helpers import make_slot

ROOT = Path(__file__).resolve().parents[3]
RACERS = 12

on_a_server_database = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="threads need a server database; see the process test"
)


def test_the_database_itself_refuses_a_second_active_booking(coach, alice, erin):
    slot = make_slot(coach, NOW + timedelta(days=1))
    Booking.objects.create(slot=slot, member=alice, created_at=NOW)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(slot=slot, member=erin, created_at=NOW)
    # A cancelled booking doesn't count: the slot can be booked again.
    Booking.objects.filter(member=alice).update(status=Booking.Status.CANCELLED)
    Booking.objects.create(slot=slot, member=erin, created_at=NOW)


def race(jobs) -> list:
    """Run each job in its own thread and connection, all released at the same moment."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list = []

    def run(job):
        try:
            barrier.wait()
            outcomes.append(("booked", job()))
        except BookingError as e:
            outcomes.append(("refused", str(e)))
        except Exception as e:  # anything else is a failure, reported by the test
            outcomes.append(("error", repr(e)))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@on_a_server_database
@pytest.mark.django_db(transaction=True)
def test_many_members_booking_one_slot_at_once_give_exactly_one_booking(coach):
    slot = make_slot(coach, NOW + timedelta(days=1))
    members = [make_member(f"racer{i}@example.com", f"Racer {i}") for i in range(RACERS)]
    jobs = [lambda m=m: book_slot(member=m, slot_id=slot.pk, now=NOW) for m in members]
    outcomes = race(jobs)
    assert sorted(kind for kind, _ in outcomes) == ["booked"] + ["refused"] * (RACERS - 1)
    assert {text for kind, text in outcomes if kind == "refused"} == {TAKEN}
    assert Booking.objects.filter(slot=slot).count() == 1


@on_a_server_database
@pytest.mark.django_db(transaction=True)
def test_one_member_booking_a_coach_twice_at_once_gets_one_session(coach, alice):
    slots = [make_slot(coach, NOW + timedelta(days=1, hours=h)) for h in range(6)]
    jobs = [lambda s=s: book_slot(member=alice, slot_id=s.pk, now=NOW) for s in slots]
    outcomes = race(jobs)
    assert sorted(kind for kind, _ in outcomes) == ["booked"] + ["refused"] * 5
    assert all("You already have a session with Morgan" in t for k, t in outcomes if k == "refused")
    assert Booking.objects.filter(member=alice).count() == 1


SETUP = """
from datetime import timedelta
from django.utils import timezone
from nearer.accounts.models import User
from nearer.coaching.models import CoachProfile, Slot
coach = CoachProfile.objects.create(
    user=User.objects.create_user("morgan@example.com", display_name="Morgan"),
    display_name="Morgan", time_zone="Europe/London")
start = timezone.now() + timedelta(days=2)
Slot.objects.create(coach=coach, starts_at=start, ends_at=start + timedelta(hours=1))
for i in range({racers}):
    User.objects.create_user(f"racer{{i}}@example.com", display_name=f"Racer {{i}}")
"""

# One process's racers: a thread each, with its own connection, all waiting for one signal.
RACE = """
import os, threading, time
from pathlib import Path
from django.db import connection
from django.utils import timezone
from nearer.accounts.models import User
from nearer.coaching.actions import BookingError, book_slot
from nearer.coaching.models import Slot

def wait_for(path):
    while not Path(path).exists():
        time.sleep(0.005)

racers = os.environ["RACERS"].split(",")
all_set = threading.Barrier(len(racers) + 1)
go = threading.Event()
outcomes = []

def race(n):
    try:
        member = User.objects.get(email=f"racer{n}@example.com")
        slot_id = Slot.objects.get().pk
        all_set.wait()
        go.wait()
        book_slot(member=member, slot_id=slot_id, now=timezone.now())
        outcomes.append("BOOKED")
    except BookingError as e:
        outcomes.append(f"REFUSED: {e}")
    except Exception as e:
        all_set.abort()
        outcomes.append(f"ERROR: {e!r}")
    finally:
        connection.close()

wait_for(os.environ["SEEDED"])
threads = [threading.Thread(target=race, args=(n,)) for n in racers]
for thread in threads:
    thread.start()
try:
    all_set.wait()
except threading.BrokenBarrierError:
    pass  # a racer could not get ready: nobody races, and its error is printed below
else:
    Path(os.environ["READY"]).touch()
    wait_for(os.environ["GO"])
    go.set()
for thread in threads:
    thread.join()
print("\\n".join(outcomes))
"""


def manage(env, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_many_processes_booking_one_slot_on_sqlite_give_exactly_one_booking(
    tmp_path, migrated_sqlite_file
):
    processes, threads = 2, 6
    racers = processes * threads
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "DEBUG"}
    }
    env |= {"NEARER_DATA_DIR": str(tmp_path), "SECRET_KEY": "x" * 50, "TZ": "UTC"}
    env |= {"SEEDED": str(tmp_path / "seeded"), "GO": str(tmp_path / "go")}
    shutil.copy(migrated_sqlite_file, tmp_path / "nearer.sqlite3")

    # The racers' processes start (Django, a second each) while the setup runs.
    setup = manage(env, "shell", "-c", SETUP.format(racers=racers))
    ready = [tmp_path / f"ready{p}" for p in range(processes)]
    racing = [
        manage(
            env
            | {"RACERS": ",".join(map(str, range(p, racers, processes))), "READY": str(ready[p])},
            "shell",
            "-c",
            RACE,
        )
        for p in range(processes)
    ]
    try:
        output, _ = setup.communicate(timeout=120)
        assert setup.returncode == 0, output
        (tmp_path / "seeded").touch()
        deadline = time.monotonic() + 90
        while not all(path.exists() for path in ready):
            assert time.monotonic() < deadline, "the racers did not start"
            stopped = [p.communicate()[0] for p in racing if p.poll() is not None]
            assert not stopped, stopped
            time.sleep(0.01)
        (tmp_path / "go").touch()  # all at once
        outputs = [p.communicate(timeout=60)[0] for p in racing]
    finally:
        for process in (setup, *racing):
            if process.poll() is None:
                process.kill()
                process.wait()
    assert [p.returncode for p in racing] == [0] * processes, outputs
    outcomes = [
        line
        for output in outputs
        for line in output.splitlines()
        if line.startswith(("BOOKED", "REFUSED", "ERROR"))
    ]
    assert sorted(outcomes) == ["BOOKED"] + [f"REFUSED: {TAKEN}"] * (racers - 1), outputs
    with contextlib.closing(sqlite3.connect(tmp_path / "nearer.sqlite3")) as db:
        count = f"SELECT COUNT(*) FROM {Booking._meta.db_table}"  # noqa: S608
        assert db.execute(count).fetchone() == (1,)
