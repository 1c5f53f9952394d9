"""Goals for the personas: Alice keeps one goal private and shares another with Bob."""

from datetime import date, timedelta

import pytest
from django.test import Client

from nearer.goals.models import Goal, Shape, default_review_date


def make_goal(owner, *, start: date | None = None, **fields) -> Goal:
    start = start or owner.today()
    values = {
        "action": "give my partner a real hug",
        "shape": Shape.DAILY,
        "start_date": start,
        "review_date": default_review_date(start),
        **fields,
    }
    return Goal.objects.create(owner=owner, **values)


@pytest.fixture
def private_goal(alice) -> Goal:
    return make_goal(alice, action="write down one thing I admire", start=alice.today())


@pytest.fixture
def shared_goal(alice) -> Goal:
    return make_goal(
        alice,
        action="ask how Bob is really doing",
        shape=Shape.WEEKLY,
        times_per_week=2,
        duration_seconds=600,
        is_shared=True,
        start=alice.today() - timedelta(days=3),
    )


@pytest.fixture
def client_for():
    """A fresh logged-in browser per person, so several people can act in one test."""

    def login(user) -> Client:
        browser = Client()
        browser.force_login(user)
        return browser

    return login
