"""Fixtures for the practices: a fixed clock (a Wednesday, noon UTC) and goals per step."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from nearer.goals.models import Goal
from nearer.program.models import Step

TODAY = date(2026, 3, 4)  # a Wednesday; the week began on Monday 2 March
NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def now():
    """Every practice test runs at noon UTC on TODAY, unless it travels on."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def goal_for_step(owner, slug: str, **fields) -> Goal:
    """The member's goal made from the step's own template, as "Make this my goal" would."""
    step = Step.objects.get(slug=slug)
    values = {
        "step": step,
        "action": step.action,
        "shape": step.shape,
        "times_per_week": step.times_per_week,
        "duration_seconds": step.duration_seconds,
        "trigger": step.trigger,
        "start_date": TODAY - timedelta(days=14),
        "review_date": TODAY + timedelta(days=14),
        **fields,
    }
    return Goal.objects.create(owner=owner, **values)


@pytest.fixture
def client_for():
    """A fresh logged-in browser per person, so several people can act in one test."""

    def login(user) -> Client:
        browser = Client()
        browser.force_login(user)
        return browser

    return login


def messages_in(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def token() -> str:
    return str(uuid.uuid4())
