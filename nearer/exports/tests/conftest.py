from datetime import date, timedelta

import pytest

from nearer.goals.models import CheckIn, Goal, Shape

MONDAY = date(2026, 3, 2)


@pytest.fixture
def make_goal():
    def make(owner, **fields) -> Goal:
        start = fields.pop("start_date", MONDAY)
        fields.setdefault("action", "Share one warm moment")
        fields.setdefault("shape", Shape.DAILY)
        fields.setdefault("review_date", start + timedelta(days=28))
        if fields["shape"] == Shape.WEEKLY:
            fields.setdefault("times_per_week", 2)
        return Goal.objects.create(owner=owner, start_date=start, **fields)

    return make


@pytest.fixture
def check_in():
    def make(goal: Goal, day: date, **fields) -> CheckIn:
        return CheckIn.objects.create(goal=goal, day=day, **fields)

    return make
