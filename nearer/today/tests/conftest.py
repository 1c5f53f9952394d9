"""Fixtures for Today: a fixed clock (a Wednesday) and goals of every shape."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from nearer.goals.models import CheckIn, Goal, Shape
from nearer.today.models import BoardVersion

TODAY = date(2026, 3, 4)  # a Wednesday; the week began on Monday 2 March


@pytest.fixture(autouse=True)
def now():
    """Every Today test runs at noon UTC on TODAY, unless it travels on."""
    with time_machine.travel(datetime(2026, 3, 4, 12, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


def make_goal(owner, action="Give a warm hello", *, shape=Shape.DAILY, **fields) -> Goal:
    fields.setdefault("start_date", TODAY - timedelta(days=30))
    fields.setdefault("review_date", TODAY + timedelta(days=28))
    if shape == Shape.WEEKLY:
        fields.setdefault("times_per_week", 3)
    if shape == Shape.IF_THEN:
        fields.setdefault("trigger", "a talk gets heated")
    if shape == Shape.DEADLINE:
        fields.setdefault("deadline", TODAY + timedelta(days=2))
    goal = Goal.objects.create(owner=owner, action=action, shape=shape, **fields)
    BoardVersion.objects.bump(member_id=owner.pk)  # as nearer.goals.actions.save_goal does
    return goal


def done_on(goal: Goal, *days: date, count: int = 1) -> None:
    CheckIn.objects.bulk_create(CheckIn(goal=goal, day=day, count=count) for day in days)
    BoardVersion.objects.bump(member_id=goal.owner_id)  # as the check-in actions do


def welcomed(*members) -> None:
    for member in members:
        member.welcomed_at = timezone.now()
        member.save(update_fields=["welcomed_at"])


@pytest.fixture
def alice_client(client, alice):
    welcomed(alice)
    client.force_login(alice)
    return client
