"""Milestones: a first full week, four full weeks, and a welcome back, each recorded once."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from nearer.goals.milestones import note_check_in
from nearer.goals.models import CheckIn, Milestone, Shape
from nearer.goals.tests.conftest import make_goal

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 3, 2)


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def check_in(goal, n: int, kind=CheckIn.Kind.DONE, count=1) -> list[Milestone]:
    CheckIn.objects.create(goal=goal, day=day(n), kind=kind, count=count)
    return note_check_in(goal, day(n))


@pytest.fixture
def twice_a_week(alice):
    return make_goal(alice, shape=Shape.WEEKLY, times_per_week=2, start=MONDAY)


def kinds(milestones) -> list[str]:
    return [m.kind for m in milestones]


def test_meeting_the_weekly_target_the_first_time_is_a_first_full_week(twice_a_week):
    assert check_in(twice_a_week, 0) == []
    [first] = check_in(twice_a_week, 3)
    assert (first.kind, first.day) == ("first_week", day(3))
    assert first.message == "Your first full week. That counts."


def test_a_first_full_week_is_recorded_once(twice_a_week):
    check_in(twice_a_week, 0)
    check_in(twice_a_week, 1)
    assert note_check_in(twice_a_week, day(1)) == []  # the same check-in, noted again
    assert check_in(twice_a_week, 2) == []  # more in the same week
    assert check_in(twice_a_week, 7) == [] and check_in(twice_a_week, 8) == []  # a later week
    assert twice_a_week.milestones.filter(kind="first_week").count() == 1


def test_the_target_counts_within_one_calendar_week(twice_a_week):
    check_in(twice_a_week, 6)  # a Sunday
    assert check_in(twice_a_week, 7) == []  # the Monday after: a new week


def test_four_weeks_met_need_not_be_in_a_row(twice_a_week):
    for week in [0, 1, 3]:
        check_in(twice_a_week, week * 7)
        check_in(twice_a_week, week * 7 + 1)
    assert not twice_a_week.milestones.filter(kind="four_weeks").exists()
    check_in(twice_a_week, 5 * 7)
    [four] = check_in(twice_a_week, 5 * 7 + 2)
    assert four.kind == "four_weeks"
    assert four.message == "Four full weeks now. Small steps, adding up."
    check_in(twice_a_week, 6 * 7)
    assert check_in(twice_a_week, 6 * 7 + 1) == []
    assert twice_a_week.milestones.filter(kind="four_weeks").count() == 1


def test_a_daily_goal_needs_every_day_of_a_week(alice):
    goal = make_goal(alice, start=MONDAY)
    results = [check_in(goal, n) for n in range(7)]
    assert [kinds(r) for r in results] == [[]] * 6 + [["first_week"]]


def test_a_check_in_after_seven_quiet_days_is_a_welcome_back(twice_a_week):
    check_in(twice_a_week, 0)
    [back] = check_in(twice_a_week, 8)  # days 1 to 7 had nothing
    assert (back.kind, back.message) == ("comeback", "Good to see you again.")


def test_six_quiet_days_are_not_news(twice_a_week):
    check_in(twice_a_week, 0)
    assert check_in(twice_a_week, 7) == []  # only days 1 to 6 were quiet


def test_a_rest_day_is_not_a_quiet_day(twice_a_week):
    check_in(twice_a_week, 0)
    check_in(twice_a_week, 4, kind=CheckIn.Kind.SKIP)
    assert check_in(twice_a_week, 9) == []


def test_the_very_first_check_in_is_a_beginning_not_a_return(twice_a_week):
    assert check_in(twice_a_week, 20) == []


def test_a_welcome_back_is_recorded_once_per_day_but_may_come_again(twice_a_week):
    check_in(twice_a_week, 0)
    assert kinds(check_in(twice_a_week, 10)) == ["comeback"]
    assert note_check_in(twice_a_week, day(10)) == []
    assert kinds(check_in(twice_a_week, 30)) == ["comeback"]
    assert twice_a_week.milestones.filter(kind="comeback").count() == 2


def test_filling_in_a_day_inside_a_gap_is_not_a_return(twice_a_week):
    check_in(twice_a_week, 0)
    check_in(twice_a_week, 12)
    # Back-dated, two days before the last one: it completes a week, but it isn't a return.
    assert kinds(check_in(twice_a_week, 10)) == ["first_week"]


def test_rest_days_and_one_off_goals_have_no_milestones(alice, twice_a_week):
    check_in(twice_a_week, 0)
    assert check_in(twice_a_week, 9, kind=CheckIn.Kind.SKIP) == []
    one_off = make_goal(alice, shape=Shape.DEADLINE, deadline=day(3), start=MONDAY)
    check_in(one_off, 0)
    assert check_in(one_off, 9) == []


def test_if_then_goals_can_be_welcomed_back(alice):
    goal = make_goal(alice, shape=Shape.IF_THEN, trigger="when a talk gets heated", start=MONDAY)
    check_in(goal, 0, count=3)
    assert kinds(check_in(goal, 9)) == ["comeback"]


def test_the_owner_sees_milestones_on_the_goal_page(alice_client, twice_a_week):
    check_in(twice_a_week, 0)
    check_in(twice_a_week, 1)
    content = alice_client.get(reverse("goal_detail", args=[twice_a_week.pk])).content.decode()
    assert "Moments worth noticing" in content
    assert "Your first full week. That counts." in content
