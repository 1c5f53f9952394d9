"""Helpers for the talking tools: a browser per person, the real task worker, step goals."""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from nearer.goals.models import Goal, Shape, default_review_date
from nearer.program.models import Step


@pytest.fixture
def client_for():
    """A fresh logged-in browser per person, so several people can act in one test."""

    def login(user) -> Client:
        browser = Client()
        browser.force_login(user)
        return browser

    return login


@pytest.fixture
def run_tasks():
    """Run every queued task with the real database worker loop, then return."""

    def run() -> None:
        worker = Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="talk-test-worker",
            excluded_queue_names=[],
        )
        # Keep the test's transaction open: the worker would close the shared connection.
        with mock.patch.object(db_worker, "close_old_connections", lambda: None):
            worker.run()
        failed = DBTaskResult.objects.failed()
        assert not failed.exists(), failed.first().traceback

    return run


@pytest.fixture
def step_goal(db):
    """Make a member's own goal for a program step, shaped like the step's template."""
    return make_step_goal


def make_step_goal(owner, slug: str, **fields) -> Goal:
    step = Step.objects.get(slug=slug)
    start = owner.today() - timedelta(days=14)
    values = {
        "step": step,
        "action": step.action,
        "shape": step.shape,
        "times_per_week": step.times_per_week,
        "trigger": step.trigger,
        "start_date": start,
        "review_date": default_review_date(owner.today()),
        **fields,
    }
    if values["shape"] == Shape.DEADLINE and "deadline" not in fields:
        values["deadline"] = owner.today() + timedelta(days=2)
    return Goal.objects.create(owner=owner, **values)
