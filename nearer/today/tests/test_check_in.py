"""One-tap check-in, +1, rest and undo: with plain forms and with htmx."""

from datetime import timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn, Milestone, Shape
from nearer.today.tests.conftest import TODAY, done_on, make_goal

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def messages_in(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_checking_in_records_today_and_says_that_counts(alice_client, alice):
    goal = make_goal(alice)

    response = alice_client.post(reverse("today_check_in", args=[goal.pk]), follow=True)

    assert response.redirect_chain == [(reverse("today"), 302)]
    assert "That counts." in messages_in(response)
    checkin = goal.checkins.get()
    assert (checkin.day, checkin.kind, checkin.count) == (TODAY, CheckIn.Kind.DONE, 1)


def test_with_htmx_checking_in_returns_just_that_goals_card(alice_client, alice):
    goal = make_goal(alice, "Give a warm hello")
    other = make_goal(alice, "Share one appreciation")

    response = alice_client.post(reverse("today_check_in", args=[goal.pk]), headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<article class="card goal-card" id="goal-{goal.pk}"')
    assert "<html" not in html and "Share one appreciation" not in html
    assert "That counts." in html and "Done today" in html
    assert "1 of 7 this week" in html
    assert goal.checkins.count() == 1 and not other.checkins.exists()


def test_a_double_submitted_check_in_records_one(alice_client, alice):
    goal = make_goal(alice)
    url = reverse("today_check_in", args=[goal.pk])

    alice_client.post(url)
    alice_client.post(url, headers=HTMX)

    assert goal.checkins.get().count == 1


def test_plus_one_counts_a_moment_and_a_resent_tap_counts_once(alice_client, alice):
    goal = make_goal(alice, shape=Shape.IF_THEN)
    url = reverse("today_moment", args=[goal.pk])

    alice_client.post(url, {"seen": 0})
    alice_client.post(url, {"seen": 0})  # the same tap, sent twice
    assert goal.checkins.get().count == 1

    response = alice_client.post(url, {"seen": 1}, headers=HTMX)  # a second moment
    assert goal.checkins.get().count == 2
    html = response.content.decode()
    assert 'name="seen" value="2"' in html and "Counted 2 times today" in html

    alice_client.post(url, {"seen": 1}, headers=HTMX)  # that second tap, resent
    assert goal.checkins.get().count == 2


def test_plus_one_without_what_the_member_saw_asks_to_reload(alice_client, alice):
    goal = make_goal(alice, shape=Shape.IF_THEN)

    response = alice_client.post(reverse("today_moment", args=[goal.pk]), follow=True)

    assert "Please reload the page and tap again." in messages_in(response)
    assert not goal.checkins.exists()


def test_plus_one_is_only_for_if_then_goals(alice_client, alice):
    goal = make_goal(alice)

    response = alice_client.post(reverse("today_moment", args=[goal.pk]), {"seen": 0}, headers=HTMX)

    assert "Counting moments is for if–then goals." in response.content.decode()
    assert not goal.checkins.exists()


def test_resting_today_is_recorded_without_penalty_words(alice_client, alice):
    goal = make_goal(alice)

    response = alice_client.post(reverse("today_rest", args=[goal.pk]), follow=True)

    assert goal.checkins.get().kind == CheckIn.Kind.SKIP
    assert "Resting is part of it. Your progress stays right where it is." in messages_in(response)


def test_with_htmx_resting_redraws_the_card_as_resting(alice_client, alice):
    goal = make_goal(alice)

    response = alice_client.post(reverse("today_rest", args=[goal.pk]), headers=HTMX)

    assert "Resting today" in response.content.decode()
    assert goal.checkins.get().kind == CheckIn.Kind.SKIP


def test_undo_takes_back_todays_check_in(alice_client, alice):
    goal = make_goal(alice)
    alice_client.post(reverse("today_check_in", args=[goal.pk]))

    response = alice_client.post(reverse("today_undo", args=[goal.pk]), follow=True)

    assert not goal.checkins.exists()
    assert "Okay, that&#x27;s cleared." in response.content.decode()


def test_with_htmx_undo_brings_back_the_check_in_button(alice_client, alice):
    goal = make_goal(alice)
    alice_client.post(reverse("today_rest", args=[goal.pk]))

    response = alice_client.post(reverse("today_undo", args=[goal.pk]), headers=HTMX)

    assert not goal.checkins.exists()
    assert "Done today</button>" in response.content.decode()


def test_a_check_in_can_carry_a_note_and_a_duration(alice_client, alice):
    goal = make_goal(alice)

    alice_client.post(
        reverse("today_check_in", args=[goal.pk]),
        {"day": TODAY.isoformat(), "note": "We laughed.", "minutes": "1", "seconds": "30"},
    )

    checkin = goal.checkins.get()
    assert (checkin.note, checkin.duration_seconds) == ("We laughed.", 90)


def test_a_one_off_goal_is_done_once_and_says_so(alice_client, alice):
    goal = make_goal(alice, "Raise one small thing calmly", shape=Shape.DEADLINE)

    response = alice_client.post(reverse("today_check_in", args=[goal.pk]), headers=HTMX)

    assert "That counts." in response.content.decode()
    assert goal.checkins.get().day == TODAY


def test_check_in_pages_only_accept_posts(alice_client, alice):
    goal = make_goal(alice)

    for name in ("today_check_in", "today_moment", "today_rest", "today_undo"):
        assert alice_client.get(reverse(name, args=[goal.pk])).status_code == 405


def test_a_visitor_cannot_check_in(client, alice):
    goal = make_goal(alice)

    response = client.post(reverse("today_check_in", args=[goal.pk]))

    assert response["Location"].startswith(reverse("account_login"))
    assert not goal.checkins.exists()


def test_a_check_in_that_reaches_a_milestone_celebrates_it_gently(alice_client, alice):
    goal = make_goal(alice, shape=Shape.WEEKLY, times_per_week=3)
    done_on(goal, TODAY - timedelta(days=2), TODAY - timedelta(days=1))

    response = alice_client.post(reverse("today_check_in", args=[goal.pk]), headers=HTMX)

    assert "Your first full week. That counts." in response.content.decode()
    assert goal.milestones.get().kind == Milestone.Kind.FIRST_WEEK
