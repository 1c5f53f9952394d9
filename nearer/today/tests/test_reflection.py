"""The weekly look back: this week's small wins, on any day, highlighted on the chosen day."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn, Milestone, Shape
from nearer.today.models import ReflectionDay
from nearer.today.tests.conftest import TODAY, done_on, make_goal

pytestmark = pytest.mark.django_db


def test_the_look_back_lists_this_weeks_wins_per_goal(alice_client, alice, carol):
    hello = make_goal(alice, "Give a warm hello")
    pause = make_goal(alice, "Pause for five seconds", shape=Shape.IF_THEN)
    quiet = make_goal(alice, "Plan a walk", shape=Shape.WEEKLY, times_per_week=1)
    done_on(hello, TODAY, TODAY - timedelta(days=2), TODAY - timedelta(days=6))
    done_on(hello, TODAY - timedelta(days=7))  # eight days ago: last week
    done_on(pause, TODAY - timedelta(days=2), count=3)
    CheckIn.objects.create(goal=quiet, day=TODAY - timedelta(days=1), kind=CheckIn.Kind.SKIP)
    done_on(make_goal(carol, "Carol's own goal"), TODAY)

    html = alice_client.get(reverse("reflection")).content.decode()

    assert "Give a warm hello: <strong>3 times</strong>" in html
    assert "Pause for five seconds: <strong>3 moments</strong>" in html
    assert "Plan a walk" not in html  # a rest day is not a win to list, and not a miss
    assert "3 days</strong> this week" in html
    assert "rested on 1 day" in html
    assert "Carol" not in html
    assert "Progress, not perfection." in html


def test_a_quiet_week_is_met_kindly(alice_client, alice):
    make_goal(alice)

    html = alice_client.get(reverse("reflection")).content.decode()

    assert "A quiet week. That's part of it too." in html


def test_this_weeks_milestones_are_noticed(alice_client, alice):
    goal = make_goal(alice, "Give a warm hello")
    done_on(goal, TODAY)
    Milestone.objects.create(goal=goal, kind=Milestone.Kind.FIRST_WEEK, day=TODAY)

    html = alice_client.get(reverse("reflection")).content.decode()

    assert "Your first full week. That counts." in html


def test_today_highlights_the_look_back_on_sunday_by_default(alice_client, now):
    assert "data-reflection-day" not in alice_client.get("/today/").content.decode()
    assert reverse("reflection") in alice_client.get("/today/").content.decode()

    now.move_to(datetime(2026, 3, 8, 12, tzinfo=UTC))  # Sunday

    assert "Your weekly look back" in alice_client.get("/today/").content.decode()


def test_a_member_can_choose_their_day_to_look_back(alice_client, alice):
    response = alice_client.post(reverse("reflection"), {"weekday": TODAY.weekday()})

    assert response["Location"] == reverse("reflection")
    assert ReflectionDay.objects.get(owner=alice).weekday == TODAY.weekday()
    assert "Your weekly look back" in alice_client.get("/today/").content.decode()

    alice_client.post(reverse("reflection"), {"weekday": 6})
    assert ReflectionDay.objects.get(owner=alice).weekday == 6


def test_a_made_up_weekday_is_refused(alice_client, alice):
    response = alice_client.post(reverse("reflection"), {"weekday": "9"})

    assert response.status_code == 400
    assert "Please choose a day of the week." in response.content.decode()
    assert not ReflectionDay.objects.exists()
