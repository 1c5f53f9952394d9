"""Today shows a partner's shared goals only; nobody can check in on someone else's goal."""

from datetime import timedelta

import pytest
from django.urls import reverse

from nearer.accounts.models import Couple
from nearer.goals.models import CheckIn
from nearer.today.tests.conftest import TODAY, done_on, make_goal, welcomed

pytestmark = pytest.mark.django_db

POST_PAGES = ("today_check_in", "today_moment", "today_rest", "today_undo")


@pytest.fixture
def bob_client(client, bob):
    welcomed(bob)
    client.force_login(bob)
    return client


@pytest.fixture
def alices_goals(alice):
    shared = make_goal(alice, "Share one appreciation", is_shared=True)
    private = make_goal(alice, "Write in my own notebook")
    done_on(shared, TODAY - timedelta(days=1), TODAY)
    CheckIn.objects.filter(goal=shared, day=TODAY).update(note="a private note on a shared goal")
    return shared, private


def test_the_partner_sees_shared_goals_with_this_weeks_count_and_strength(bob_client, alices_goals):
    shared, _ = alices_goals
    html = bob_client.get("/today/").content.decode()

    partner_section = html[html.index("data-partner-activity") :]
    assert "Shared by Alice" in partner_section
    assert "Share one appreciation" in partner_section
    assert "2 of 7 this week" in partner_section
    assert "Just beginning" in partner_section or "Taking root" in partner_section
    assert "Share one appreciation" not in html[: html.index("data-partner-activity")]
    assert f"/today/goals/{shared.pk}/" not in html  # read-only: nothing to tap


def test_the_partner_never_sees_private_goals_or_notes(bob_client, alices_goals):
    html = bob_client.get("/today/").content.decode()

    assert "Write in my own notebook" not in html
    assert "a private note on a shared goal" not in html


def test_the_partner_cannot_check_in_on_a_shared_goal(bob_client, alices_goals):
    shared, _ = alices_goals

    for name in POST_PAGES:
        response = bob_client.post(reverse(name, args=[shared.pk]), {"seen": 0})
        assert response.status_code == 404, name
    assert shared.checkins.count() == 2


@pytest.mark.parametrize("htmx", [False, True])
def test_carol_gets_404_for_every_check_in_on_alices_goals(client, carol, alices_goals, htmx):
    client.force_login(carol)
    headers = {"HX-Request": "true"} if htmx else {}

    for goal in alices_goals:
        for name in POST_PAGES:
            response = client.post(reverse(name, args=[goal.pk]), {"seen": 0}, headers=headers)
            assert response.status_code == 404, name
    assert CheckIn.objects.count() == 2


def test_carol_sees_nothing_of_alice_on_her_today(client, carol, alices_goals):
    client.force_login(carol)

    html = client.get("/today/").content.decode()

    assert "Share one appreciation" not in html and "Alice" not in html


def test_after_unlinking_the_very_next_page_shows_nothing_shared(bob_client, bob, alices_goals):
    assert "Share one appreciation" in bob_client.get("/today/").content.decode()

    Couple.objects.filter(pk=bob.couple_id).delete()

    html = bob_client.get("/today/").content.decode()
    assert "Share one appreciation" not in html
    assert "Shared by" not in html


def test_the_partner_section_says_gently_when_nothing_is_shared(bob_client, alice):
    make_goal(alice, "Write in my own notebook")

    html = bob_client.get("/today/").content.decode()

    assert "Nothing shared yet." in html
    assert "Write in my own notebook" not in html
