"""A daily moment of connection: one tap, noted once a day, counted toward the daily goal."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn, Goal, Milestone
from nearer.practices.models import Moment
from nearer.practices.tests.conftest import TODAY, goal_for_step, messages_in

pytestmark = pytest.mark.django_db

STEP = "daily-moment-of-connection"


def tap(client, data=None):
    return client.post(reverse("practice_moment"), data or {}, follow=True)


def test_one_tap_notes_a_moment_for_today(alice_client, alice):
    response = tap(alice_client)

    moment = Moment.objects.get(owner=alice)
    assert moment.day == TODAY
    assert moment.kind == ""
    assert "Noted. A moment like that matters." in messages_in(response)
    assert b"Noted for today. That counts." in response.content


def test_a_moment_can_say_what_it_was(alice_client, alice):
    response = tap(alice_client, {"kind": "hug"})

    assert Moment.objects.get(owner=alice).kind == Moment.Kind.HUG
    assert b"A hug" in response.content


def test_a_second_tap_the_same_day_keeps_one_moment(alice_client, alice):
    tap(alice_client)
    response = tap(alice_client, {"kind": "smile"})

    assert Moment.objects.filter(owner=alice).count() == 1
    assert Moment.objects.get(owner=alice).kind == Moment.Kind.SMILE
    assert "Already noted for today. That counts." in messages_in(response)


def test_a_moment_counts_toward_the_daily_goal_once_a_day(alice_client, alice):
    goal = goal_for_step(alice, STEP)

    response = tap(alice_client)
    tap(alice_client)

    checkin = CheckIn.objects.get(goal=goal)
    assert (checkin.day, checkin.kind, checkin.count) == (TODAY, CheckIn.Kind.DONE, 1)
    assert "It counts toward your goal." in messages_in(response)


def test_the_next_day_counts_again(alice_client, alice, now):
    goal = goal_for_step(alice, STEP)
    tap(alice_client)

    now.shift(timedelta(days=1))
    tap(alice_client)

    assert list(goal.checkins.values_list("day", flat=True)) == [
        TODAY,
        TODAY + timedelta(days=1),
    ]
    assert Moment.objects.filter(owner=alice).count() == 2


def test_a_moment_works_without_a_goal_and_offers_to_start_one(alice_client, alice):
    response = tap(alice_client)

    assert Moment.objects.filter(owner=alice).exists()
    assert not CheckIn.objects.exists()
    assert b"/goals/new/?step=daily-moment-of-connection" in response.content


def test_a_moment_works_for_a_member_alone(client, erin):
    client.force_login(erin)

    tap(client, {"kind": "words"})

    assert Moment.objects.get(owner=erin).kind == Moment.Kind.WORDS


def test_a_goal_that_is_put_away_is_left_alone(alice_client, alice):
    goal = goal_for_step(alice, STEP, status=Goal.Status.ARCHIVED)

    tap(alice_client)

    assert not goal.checkins.exists()


def test_a_goal_for_another_step_is_left_alone(alice_client, alice):
    other = goal_for_step(alice, "appreciation")

    tap(alice_client)

    assert not other.checkins.exists()


def test_the_day_is_the_members_own_date(alice_client, alice, now):
    alice.time_zone = "Pacific/Auckland"  # 01:00 on Thursday there
    alice.save(update_fields=["time_zone"])
    goal = goal_for_step(alice, STEP)

    tap(alice_client)

    assert Moment.objects.get(owner=alice).day == TODAY + timedelta(days=1)
    assert goal.checkins.get().day == TODAY + timedelta(days=1)


def test_a_moment_that_completes_the_first_full_week_is_celebrated(alice_client, alice, now):
    now.move_to(datetime(2026, 3, 8, 12, 0, tzinfo=UTC))  # Sunday
    goal = goal_for_step(alice, STEP)
    monday = TODAY - timedelta(days=2)
    CheckIn.objects.bulk_create(
        CheckIn(goal=goal, day=monday + timedelta(days=d)) for d in range(6)
    )

    response = tap(alice_client)

    assert "Your first full week. That counts." in messages_in(response)
    assert Milestone.objects.filter(goal=goal, kind=Milestone.Kind.FIRST_WEEK).exists()


def test_a_goal_that_starts_later_is_not_counted_yet(alice_client, alice):
    goal = goal_for_step(alice, STEP, start_date=TODAY + timedelta(days=2))

    response = tap(alice_client)

    assert Moment.objects.filter(owner=alice).exists()
    assert not goal.checkins.exists()
    assert "Your goal starts on" in messages_in(response)


@pytest.mark.parametrize("kind", ["banana", "x" * 5000, "hug\x00"])
def test_an_unknown_idea_is_refused_gently(alice_client, alice, kind):
    response = alice_client.post(reverse("practice_moment"), {"kind": kind})

    assert response.status_code == 400
    assert b"Please choose one of the ideas, or none at all." in response.content
    assert not Moment.objects.exists()


def test_recent_moments_are_listed_for_their_owner(alice_client, alice):
    Moment.objects.create(owner=alice, day=TODAY - timedelta(days=1), kind=Moment.Kind.HELLO)

    response = alice_client.get(reverse("practice_moment"))

    assert [m.kind for m in response.context["recent"]] == [Moment.Kind.HELLO]
    assert b"Only you see these." in response.content
