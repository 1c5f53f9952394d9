"""A hard season pauses every goal: strength frozen, Today calm, coming back welcomed."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import HardSeason, Shape
from nearer.today.board import board_for
from nearer.today.seasons import in_hard_season
from nearer.today.tests.conftest import TODAY, done_on, make_goal

pytestmark = pytest.mark.django_db


def start(client, end_date):
    return client.post(reverse("hard_season"), {"end_date": str(end_date)})


def strength_of(member, goal) -> float:
    board = board_for(member, member.today(), partner=member.partner)
    return next(c.progress.strength for c in board.mine if c.goal.pk == goal.pk)


def test_a_pause_starts_today_and_ends_on_the_day_chosen(alice_client, alice):
    response = start(alice_client, TODAY + timedelta(days=14))

    assert response["Location"] == reverse("today")
    season = HardSeason.objects.get(owner=alice)
    assert (season.start_date, season.end_date) == (TODAY, TODAY + timedelta(days=14))
    assert in_hard_season(alice, TODAY)
    assert in_hard_season(alice, TODAY + timedelta(days=14))
    assert not in_hard_season(alice, TODAY + timedelta(days=15))


def test_a_pause_can_be_just_today(alice_client, alice):
    start(alice_client, TODAY)

    assert in_hard_season(alice, TODAY)


@pytest.mark.parametrize(
    ("end_date", "message"),
    [
        (TODAY - timedelta(days=1), "Please choose today or a later day"),
        (TODAY + timedelta(days=91), "A pause can last up to 90 days."),
        ("", "Please choose the day your pause ends."),
        ("someday", "Please choose a date, like 2026-03-14."),
        ("2026-02-30", "Please choose a date, like 2026-03-14."),
    ],
)
def test_a_pause_is_validated_and_nothing_is_saved(alice_client, end_date, message):
    response = start(alice_client, end_date)

    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not HardSeason.objects.exists()


def test_ninety_days_is_the_longest_pause(alice_client, alice):
    start(alice_client, TODAY + timedelta(days=90))

    assert HardSeason.objects.get(owner=alice).end_date == TODAY + timedelta(days=90)


def test_a_second_pause_cannot_start_while_one_runs(alice_client, alice):
    start(alice_client, TODAY + timedelta(days=5))

    response = start(alice_client, TODAY + timedelta(days=30))

    assert response["Location"] == reverse("hard_season")
    assert HardSeason.objects.filter(owner=alice).count() == 1
    page = alice_client.get(reverse("hard_season")).content.decode()
    assert "You&#x27;re already resting until" in page
    assert "I'm ready to come back" in page


def test_strength_stays_frozen_through_the_pause(alice_client, alice, now):
    goal = make_goal(alice, start_date=TODAY - timedelta(days=40))
    weekly = make_goal(alice, shape=Shape.WEEKLY, times_per_week=2, start_date=goal.start_date)
    done_on(goal, *(TODAY - timedelta(days=n) for n in range(1, 30)))
    done_on(weekly, *(TODAY - timedelta(days=n) for n in range(1, 30, 3)))
    before = strength_of(alice, goal), strength_of(alice, weekly)
    assert before[0] > 0.5 and before[1] > 0

    start(alice_client, TODAY + timedelta(days=30))
    now.move_to(datetime(2026, 3, 30, 12, tzinfo=UTC))
    alice_client.get("/today/")  # settles the paused days into the stored strength

    assert (strength_of(alice, goal), strength_of(alice, weekly)) == pytest.approx(before)


def test_without_a_pause_the_same_weeks_would_have_faded_a_little(alice, erin, now):
    goal = make_goal(erin, start_date=TODAY - timedelta(days=40))
    done_on(goal, *(TODAY - timedelta(days=n) for n in range(1, 30)))
    before = strength_of(erin, goal)

    now.move_to(datetime(2026, 3, 30, 12, tzinfo=UTC))

    assert 0 < strength_of(erin, goal) < before


def test_today_is_calm_during_a_pause(alice_client, alice):
    goal = make_goal(alice, "Share one appreciation", shape=Shape.WEEKLY, times_per_week=3)
    done_on(goal, TODAY - timedelta(days=1))
    start(alice_client, TODAY + timedelta(days=10))

    html = alice_client.get("/today/").content.decode()

    assert "You're taking a pause until" in html
    assert "Share one appreciation" in html
    assert "of 3 this week" not in html and "data-week" not in html  # no targets now
    assert 'id="for-today"' not in html and 'id="this-week"' not in html


def test_ending_early_makes_yesterday_the_last_day_and_welcomes_you_back(alice_client, alice, now):
    start(alice_client, TODAY + timedelta(days=20))
    now.move_to(datetime(2026, 3, 10, 12, tzinfo=UTC))

    response = alice_client.post(reverse("hard_season_end"), follow=True)

    season = HardSeason.objects.get(owner=alice)
    assert season.end_date == datetime(2026, 3, 9).date()
    assert not in_hard_season(alice, alice.today())
    html = response.content.decode()
    assert "Welcome back. Nothing was lost." in html
    assert "taking a pause" not in html


def test_ending_a_pause_the_day_it_began_leaves_nothing_paused(alice_client, alice):
    start(alice_client, TODAY + timedelta(days=20))

    response = alice_client.post(reverse("hard_season_end"), follow=True)

    assert not HardSeason.objects.exists()
    assert "Welcome back. Nothing was lost." in response.content.decode()


def test_when_a_pause_ends_on_its_own_today_welcomes_you_back_for_a_while(alice_client, now):
    start(alice_client, TODAY + timedelta(days=3))

    now.move_to(datetime(2026, 3, 9, 12, tzinfo=UTC))
    assert "Welcome back. Nothing was lost." in alice_client.get("/today/").content.decode()

    now.move_to(datetime(2026, 3, 20, 12, tzinfo=UTC))
    assert "Welcome back" not in alice_client.get("/today/").content.decode()


def test_ending_when_no_pause_runs_changes_nothing(alice_client):
    response = alice_client.post(reverse("hard_season_end"))

    assert response["Location"] == reverse("today")
    assert not HardSeason.objects.exists()


def test_a_pause_is_the_members_own(client, alice, bob):
    client.force_login(bob)
    client.post(reverse("hard_season"), {"end_date": str(TODAY + timedelta(days=5))})

    assert in_hard_season(bob, TODAY)
    assert not in_hard_season(alice, TODAY)
