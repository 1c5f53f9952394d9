"""A member sets a goal's reminder from a small form; nobody else can see or change it."""

from datetime import time

import pytest
import time_machine
from django.urls import reverse

from nearer.goals.models import Goal
from nearer.reminders.models import ReminderSetting
from nearer.reminders.tests.helpers import make_goal, utc


@pytest.fixture
def goal(alice) -> Goal:
    return make_goal(alice, at=None, is_shared=True)


def url(goal: Goal) -> str:
    return reverse("reminder", args=[goal.pk])


def test_owner_sees_the_reminder_form(alice_client, goal):
    response = alice_client.get(url(goal))
    assert response.status_code == 200
    assert b'type="time"' in response.content
    assert b"Your local time" in response.content


def test_owner_sets_a_time_and_ways_to_be_reminded(alice_client, goal):
    with time_machine.travel(utc(2026, 6, 1, 12, 0), tick=False):
        response = alice_client.post(url(goal), {"time": "08:30", "in_app": "on"}, follow=True)
    goal.refresh_from_db()
    assert goal.reminder_time == time(8, 30)
    setting = ReminderSetting.objects.get(goal=goal)
    assert (setting.by_email, setting.in_app) == (False, True)
    assert setting.changed_at == utc(2026, 6, 1, 12, 0)
    assert b"Your reminder is set for 08:30 each day." in response.content


def test_the_form_shows_what_is_saved(alice_client, goal):
    alice_client.post(url(goal), {"time": "07:15", "by_email": "on"})
    response = alice_client.get(url(goal))
    assert b'value="07:15"' in response.content
    form = response.context["form"]
    assert form.initial["by_email"] is True
    assert form.initial["in_app"] is False


def test_seconds_are_dropped(alice_client, goal):
    alice_client.post(url(goal), {"time": "08:30:45", "by_email": "on"})
    goal.refresh_from_db()
    assert goal.reminder_time == time(8, 30)


def test_clearing_the_time_turns_the_reminder_off(alice_client, alice):
    goal = make_goal(alice, at=time(8, 30))
    response = alice_client.post(url(goal), {"time": "", "by_email": "on"}, follow=True)
    goal.refresh_from_db()
    assert goal.reminder_time is None
    assert b"This goal has no reminder now." in response.content


@pytest.mark.parametrize("bad", ["25:00", "8.30pm", "noon", "12:60", "-1:00"])
def test_a_time_that_is_not_a_time_gets_a_clear_message_and_nothing_is_saved(
    alice_client, goal, bad
):
    response = alice_client.post(url(goal), {"time": bad, "by_email": "on"})
    assert response.status_code == 200
    assert b"Please enter a time like 08:30." in response.content
    goal.refresh_from_db()
    assert goal.reminder_time is None
    assert not ReminderSetting.objects.exists()


def test_a_time_without_any_way_to_be_reminded_is_explained_and_not_saved(alice_client, goal):
    response = alice_client.post(url(goal), {"time": "08:30"})
    assert response.status_code == 200
    assert b"Please choose how to be reminded" in response.content
    goal.refresh_from_db()
    assert goal.reminder_time is None
    assert not ReminderSetting.objects.exists()


def test_partner_cannot_see_or_change_a_shared_goals_reminder(client, bob, goal):
    client.force_login(bob)
    assert client.get(url(goal)).status_code == 404
    assert client.post(url(goal), {"time": "03:00", "by_email": "on"}).status_code == 404
    goal.refresh_from_db()
    assert goal.reminder_time is None


def test_another_couple_gets_404_for_alices_goal(client, carol, goal):
    client.force_login(carol)
    assert client.get(url(goal)).status_code == 404
    assert client.post(url(goal), {"time": "03:00", "by_email": "on"}).status_code == 404
    assert not ReminderSetting.objects.exists()


def test_a_goal_that_does_not_exist_is_404(alice_client):
    assert alice_client.get(reverse("reminder", args=[999999])).status_code == 404


def test_visitors_are_asked_to_log_in(client, goal):
    response = client.get(url(goal))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
