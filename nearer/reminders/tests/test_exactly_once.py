"""Each reminder reaches its member once: however often the scheduler runs, however many
schedulers or workers run at once, and across a crash and restart."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import close_old_connections, connection
from django_tasks_db.models import DBTaskResult

from nearer.reminders.actions import claim_due_reminders
from nearer.reminders.models import Notification, ReminderDelivery
from nearer.reminders.tasks import deliver_reminder
from nearer.reminders.tests.helpers import make_goal, run_worker, tick, utc

# 08:30 in London in summer (BST) is 07:30 UTC.
DUE = utc(2026, 6, 1, 7, 30)


def test_running_the_job_twice_in_the_same_minute_sends_one_email(in_london):
    make_goal(in_london)
    assert tick(DUE) == 1
    assert tick(DUE + timedelta(seconds=30)) == 0
    assert tick(DUE + timedelta(minutes=1)) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erin@example.com"]
    assert Notification.objects.filter(user=in_london).count() == 1


def test_the_same_reminder_comes_again_the_next_day(in_london):
    make_goal(in_london)
    tick(DUE)
    tick(DUE + timedelta(days=1))
    assert len(mail.outbox) == 2


def test_a_restart_after_claiming_still_sends_exactly_one_email(in_london):
    make_goal(in_london)
    # The scheduler claims and queues the reminder, then the machine goes down before any
    # worker runs.
    claim_due_reminders(now=DUE)
    assert mail.outbox == []
    # Everything starts again: the scheduler passes find it claimed, the worker sends it.
    assert tick(DUE + timedelta(minutes=1)) == 0
    assert tick(DUE + timedelta(minutes=2)) == 0
    assert len(mail.outbox) == 1


def test_a_worker_killed_while_delivering_is_replaced_and_sends_one_email(in_london):
    make_goal(in_london)
    claim_due_reminders(now=DUE)
    # A worker takes the task (exactly as db_worker claims one) and is killed before it
    # finishes: its transaction never commits, and the task stays "running" for ever.
    task = DBTaskResult.objects.ready().get_locked()
    task.claim("killed-worker")
    delivery = ReminderDelivery.objects.get()
    assert delivery.delivered_at is None

    # After a restart, the next passes queue the delivery again once it looks stalled.
    assert tick(DUE + timedelta(minutes=1)) == 0
    assert mail.outbox == []
    tick(DUE + timedelta(minutes=6))
    assert len(mail.outbox) == 1
    # More passes and stray copies of the task change nothing.
    tick(DUE + timedelta(minutes=12))
    deliver_reminder.enqueue(delivery.pk)
    run_worker()
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_a_delivery_run_twice_sends_once(in_london):
    make_goal(in_london)
    claim_due_reminders(now=DUE)
    delivery = ReminderDelivery.objects.get()
    with time_machine.travel(DUE, tick=False):
        deliver_reminder.call(delivery.pk)
        deliver_reminder.call(delivery.pk)
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_a_delivery_an_hour_late_is_dropped(in_london):
    make_goal(in_london)
    claim_due_reminders(now=DUE)
    delivery = ReminderDelivery.objects.get()
    with time_machine.travel(DUE + timedelta(minutes=61), tick=False):
        assert deliver_reminder.call(delivery.pk) == "too late"
    assert mail.outbox == []


# SQLite's in-memory test database shares one cache between threads and reports a locked
# table at once instead of waiting, so on SQLite test_worker_process.py runs the same race
# with real processes on a database file.
not_on_sqlite_memory = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="threads need a server database; see test_worker_process.py",
)


def _at_once(job, count: int = 2) -> list:
    """Run ``job`` in ``count`` threads that start together, each with its own connection."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(job())
        except Exception as e:  # reported by the test, never swallowed
            errors.append(e)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@not_on_sqlite_memory
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_claim_each_reminder_once(in_london, alice):
    make_goal(in_london)
    make_goal(in_london, action="say thank you for one small thing")
    make_goal(alice)  # UTC: due at 08:30 UTC, not now
    claimed = _at_once(lambda: claim_due_reminders(now=DUE), count=4)
    assert sum(claimed) == 2  # however the four split the work
    assert ReminderDelivery.objects.count() == 2
    assert DBTaskResult.objects.count() == 2
    with time_machine.travel(DUE, tick=False):
        run_worker()
    assert len(mail.outbox) == 2


@not_on_sqlite_memory
@pytest.mark.django_db(transaction=True)
def test_two_workers_delivering_the_same_reminder_at_once_send_one_email(in_london):
    make_goal(in_london)
    claim_due_reminders(now=DUE)
    delivery = ReminderDelivery.objects.get()
    with time_machine.travel(DUE, tick=False):
        outcomes = _at_once(lambda: deliver_reminder.call(delivery.pk), count=3)
    assert sorted(outcomes) == ["already delivered", "already delivered", "delivered"]
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1
