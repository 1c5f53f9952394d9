"""Coaching personas and a fixed clock.

Morgan coaches from London and Quinn from New York; each is also an ordinary account.
Alice and Bob are a couple, Carol and Dave another couple, Erin is alone (root conftest).
Every test starts on Monday 2 March 2026 at 09:00 UTC, unless it travels on.
"""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from conftest import make_member
from nearer.coaching.models import CoachProfile

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def make_coach(email: str, name: str, **fields) -> CoachProfile:
    user = make_member(email, f"{name} Coach")
    return CoachProfile.objects.create(user=user, display_name=name, **fields)


@pytest.fixture
def coach(db) -> CoachProfile:
    """The coach persona: Morgan, in London."""
    return make_coach(
        "morgan@example.com",
        "Morgan",
        bio="I help people find one small next step they can take this week.",
        meeting_info="https://video.example/morgan",
        time_zone="Europe/London",
    )


@pytest.fixture
def other_coach(db) -> CoachProfile:
    return make_coach(
        "quinn@example.com",
        "Quinn",
        bio="Gentle, practical sessions.",
        time_zone="America/New_York",
    )


@pytest.fixture
def client_for():
    """A fresh logged-in browser per person, so several people can act in one test."""

    def login(user) -> Client:
        browser = Client()
        browser.force_login(user)
        return browser

    return login
