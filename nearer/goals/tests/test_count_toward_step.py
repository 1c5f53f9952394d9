"""count_toward_step: the one way a practice checks in on the member's goal for its step."""

from datetime import timedelta

import pytest

from nearer.goals.actions import StepCount, count_toward_step
from nearer.goals.models import CheckIn, Goal, Shape
from nearer.program.models import Step

pytestmark = pytest.mark.django_db


def goal_for(user, slug, **fields):
    today = user.today()
    defaults = {"action": "do the small thing", "review_date": today + timedelta(days=28)}
    return Goal.objects.create(
        owner=user, step=Step.objects.get(slug=slug), **{**defaults, **fields}
    )


def test_no_goal_for_the_step_counts_nothing(erin):
    assert count_toward_step(user=erin, slug="appreciation") == StepCount()
    assert not CheckIn.objects.exists()


def test_a_daily_goal_is_checked_in_once_however_often_the_practice_is_done(erin):
    goal = goal_for(erin, "daily-moment-of-connection")
    first = count_toward_step(user=erin, slug="daily-moment-of-connection")
    again = count_toward_step(user=erin, slug="daily-moment-of-connection")
    assert first.counted and again.counted and first.goal == goal
    assert CheckIn.objects.get(goal=goal).count == 1


def test_an_if_then_goal_counts_every_moment(erin):
    goal = goal_for(erin, "pause-before-reacting", shape=Shape.IF_THEN, trigger="it gets heated")
    for _ in range(3):
        count_toward_step(user=erin, slug="pause-before-reacting")
    assert CheckIn.objects.get(goal=goal).count == 3


def test_only_the_members_own_active_goal_counts(alice, bob):
    goal_for(bob, "appreciation", is_shared=True)
    put_away = goal_for(alice, "appreciation", status=Goal.Status.ARCHIVED)
    assert count_toward_step(user=alice, slug="appreciation") == StepCount()
    assert not CheckIn.objects.filter(goal=put_away).exists()


def test_a_goal_that_has_not_started_is_not_counted_and_says_why(erin):
    goal = goal_for(erin, "appreciation", start_date=erin.today() + timedelta(days=3))
    result = count_toward_step(user=erin, slug="appreciation")
    assert result.goal == goal and not result.counted and result.problem
    assert not CheckIn.objects.exists()
