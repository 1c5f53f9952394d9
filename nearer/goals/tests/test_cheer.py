"""A partner's one-tap "I noticed" on a shared goal."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from nearer.goals.models import Cheer

pytestmark = pytest.mark.django_db


def noticed(goal) -> str:
    return reverse("goal_noticed", args=[goal.pk])


def detail(goal) -> str:
    return reverse("goal_detail", args=[goal.pk])


def test_the_partner_can_say_i_noticed(client_for, bob, shared_goal):
    response = client_for(bob).post(noticed(shared_goal), follow=True)
    cheer = Cheer.objects.get()
    assert (cheer.goal, cheer.from_user, cheer.day) == (shared_goal, bob, bob.today())
    assert "Alice will see that you noticed." in response.content.decode()
    assert "You noticed today." in response.content.decode()


def test_noticing_twice_in_a_day_is_one_cheer_with_the_same_message(client_for, bob, shared_goal):
    browser = client_for(bob)
    browser.post(noticed(shared_goal))
    response = browser.post(noticed(shared_goal), follow=True)
    assert Cheer.objects.count() == 1
    assert "Alice will see that you noticed." in response.content.decode()


def test_a_new_day_brings_a_new_cheer(client_for, bob, shared_goal):
    browser = client_for(bob)
    with time_machine.travel(datetime(2026, 5, 1, 12, tzinfo=ZoneInfo("UTC")), tick=False):
        browser.post(noticed(shared_goal))
    with time_machine.travel(datetime(2026, 5, 2, 12, tzinfo=ZoneInfo("UTC")), tick=False):
        browser.post(noticed(shared_goal))
    assert Cheer.objects.count() == 2


def test_the_owner_sees_who_noticed(alice_client, client_for, bob, shared_goal):
    client_for(bob).post(noticed(shared_goal))
    content = alice_client.get(detail(shared_goal)).content.decode()
    assert "Bob noticed today." in content


def test_with_htmx_only_the_cheer_part_comes_back(client_for, bob, shared_goal):
    response = client_for(bob).post(noticed(shared_goal), headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<section id="noticed"')
    assert "Alice will see that you noticed." in content
    assert "<html" not in content


def test_the_owner_cannot_cheer_their_own_goal(alice_client, shared_goal):
    assert alice_client.post(noticed(shared_goal)).status_code == 404
    assert not Cheer.objects.exists()


def test_nobody_can_cheer_a_private_goal(client_for, bob, carol, private_goal):
    for person in [bob, carol]:
        assert client_for(person).post(noticed(private_goal)).status_code == 404
    assert not Cheer.objects.exists()


def test_unlinking_stops_cheers_and_hides_old_ones(
    alice, alice_client, client_for, bob, shared_goal
):
    browser = client_for(bob)
    browser.post(noticed(shared_goal))
    alice.couple.delete()
    assert browser.post(noticed(shared_goal)).status_code == 404
    assert "Bob noticed" not in alice_client.get(detail(shared_goal)).content.decode()
