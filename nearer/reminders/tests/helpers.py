"""Helpers for reminder tests: goals with reminders, scheduler passes, the real worker loop."""

from datetime import UTC, date, datetime, time
from unittest import mock

import time_machine
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from nearer.goals.models import Goal, Shape
from nearer.reminders.actions import claim_due_reminders
from nearer.reminders.schedule import CLAIM_WINDOW

START = date(2026, 1, 5)


def make_goal(owner, *, at: time | None = time(8, 30), **fields) -> Goal:
    values = {
        "action": "give my partner a real hug",
        "shape": Shape.DAILY,
        "start_date": START,
        "review_date": date(2027, 1, 1),
        "reminder_time": at,
        **fields,
    }
    return Goal.objects.create(owner=owner, **values)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def run_worker() -> None:
    """The real database worker loop (the code `manage.py db_worker --batch` runs), in this
    process: it takes every queued task, runs it and records the outcome, then returns."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    # Like Django's test client, keep the test's transaction open: the worker would
    # otherwise close the connection it shares with the test between tasks.
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        worker.run()
    failed = DBTaskResult.objects.failed()
    assert not failed.exists(), failed.first().traceback


def tick(at: datetime) -> int:
    """One scheduler pass at the instant ``at``, then the worker; returns how many it queued."""
    with time_machine.travel(at, tick=False):
        claimed = claim_due_reminders(now=timezone.now())
        run_worker()
    return claimed


def fire_times(start: datetime, end: datetime) -> list[datetime]:
    """Run the scheduler from ``start`` to ``end`` and return the passes that queued a
    reminder. Passes are ``CLAIM_WINDOW`` apart: together they look at every moment between
    exactly once (a reminder stays claimable for that long), so a reminder due on a pass's
    minute is reported at that minute, and one due anywhere else shows up too."""
    fired = []
    with time_machine.travel(start, tick=False) as traveller:
        moment = start
        while moment <= end:
            traveller.move_to(moment)
            if claim_due_reminders(now=timezone.now()):
                fired.append(moment)
            moment += CLAIM_WINDOW
    return fired
