"""The five-second pause: a calm guide that works without script, and "I paused", counted
toward the if-then goal once for each tap."""

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn
from nearer.practices.models import Pause
from nearer.practices.tests.conftest import TODAY, goal_for_step, messages_in

pytestmark = pytest.mark.django_db

STEP = "pause-before-reacting"


def paused(client, seen):
    return client.post(reverse("pause"), {"seen": seen}, follow=True)


def test_the_pause_page_guides_without_script(alice_client):
    response = alice_client.get(reverse("pause"))

    body = response.content.decode()
    assert "Breathe in slowly" in body
    assert "Let your voice come down" in body
    assert "respond when you're ready, instead of reacting" in body
    assert 'name="seen" value="0"' in body
    assert "I paused" in body


def test_i_paused_notes_a_pause_for_today(alice_client, alice):
    response = paused(alice_client, 0)

    pause = Pause.objects.get(owner=alice)
    assert (pause.day, pause.number) == (TODAY, 1)
    assert "You paused. That small space matters." in messages_in(response)
    assert b"You paused 1 time today." in response.content
    assert b'name="seen" value="1"' in response.content


def test_each_tap_counts_once_toward_the_if_then_goal(alice_client, alice):
    goal = goal_for_step(alice, STEP)

    first = paused(alice_client, 0)
    paused(alice_client, 1)
    paused(alice_client, 2)

    assert CheckIn.objects.get(goal=goal).count == 3
    assert Pause.objects.filter(owner=alice).count() == 3
    assert "It counts toward your goal." in messages_in(first)


def test_a_resent_tap_counts_once(alice_client, alice):
    goal = goal_for_step(alice, STEP)

    paused(alice_client, 0)
    again = paused(alice_client, 0)

    assert Pause.objects.filter(owner=alice).count() == 1
    assert CheckIn.objects.get(goal=goal).count == 1
    assert "Already counted. Take all the time you need." in messages_in(again)


def test_a_pause_adds_to_moments_counted_on_today(alice_client, alice):
    goal = goal_for_step(alice, STEP)
    CheckIn.objects.create(goal=goal, day=TODAY, count=2)

    paused(alice_client, 0)

    assert CheckIn.objects.get(goal=goal).count == 3


def test_a_pause_works_without_a_goal_and_offers_to_start_one(alice_client, alice):
    response = paused(alice_client, 0)

    assert Pause.objects.filter(owner=alice).count() == 1
    assert not CheckIn.objects.exists()
    assert b"/goals/new/?step=pause-before-reacting" in response.content


def test_a_pause_works_for_a_member_alone(client, erin):
    client.force_login(erin)
    goal = goal_for_step(erin, STEP)

    paused(client, 0)

    assert goal.checkins.get().count == 1


def test_a_daily_shaped_goal_for_the_step_counts_once_a_day(alice_client, alice):
    goal = goal_for_step(alice, STEP, shape="daily", trigger="")

    paused(alice_client, 0)
    paused(alice_client, 1)

    assert CheckIn.objects.get(goal=goal).count == 1
    assert Pause.objects.filter(owner=alice).count() == 2


@pytest.mark.parametrize(
    "data", [{}, {"seen": ""}, {"seen": "two"}, {"seen": "-1"}, {"seen": "9" * 40}]
)
def test_a_malformed_tap_is_refused_gently(alice_client, alice, data):
    goal = goal_for_step(alice, STEP)

    response = alice_client.post(reverse("pause"), data)

    assert response.status_code == 400
    assert b"This page was a little out of date. Please try once more." in response.content
    assert not Pause.objects.exists()
    assert not goal.checkins.exists()


def test_a_count_from_the_future_is_refused_gently(alice_client, alice):
    response = alice_client.post(reverse("pause"), {"seen": 5})

    assert response.status_code == 400
    assert b"Please tap again." in response.content
    assert not Pause.objects.exists()


def test_the_pause_page_loads_its_small_script(alice_client):
    response = alice_client.get(reverse("pause"))

    assert b"practices/practices.js" in response.content
    assert b"data-pause-count" in response.content
