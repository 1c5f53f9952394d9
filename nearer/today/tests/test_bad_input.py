"""Check-ins the member cannot make: a clear message each time, nothing saved, never a 500."""

from datetime import timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn, Goal, Shape
from nearer.today.tests.conftest import TODAY, make_goal

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def post(client, goal, data, **kwargs):
    return client.post(reverse("today_check_in", args=[goal.pk]), data, follow=True, **kwargs)


def messages_in(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_checking_in_seven_days_back_is_fine(alice_client, alice):
    goal = make_goal(alice)
    day = TODAY - timedelta(days=7)

    response = post(alice_client, goal, {"day": day.isoformat(), "note": "A good talk."})

    assert "That counts. Noted for" in messages_in(response)
    assert goal.checkins.get().day == day


def test_checking_in_eight_days_back_is_refused_gently(alice_client, alice):
    goal = make_goal(alice)

    response = post(alice_client, goal, {"day": (TODAY - timedelta(days=8)).isoformat()})

    assert response.status_code == 200
    assert "You can check in for today or up to 7 days back." in messages_in(response)
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"day": (TODAY + timedelta(days=1)).isoformat()}, "That day hasn't come yet."),
        ({"day": "2026-02-31"}, "Please choose a day from the list."),
        ({"day": "yesterday-ish"}, "Please choose a day from the list."),
        ({"minutes": "-5"}, "Please enter a number of minutes from 0 to 240."),
        ({"minutes": "ten"}, "Please enter a number of minutes from 0 to 240."),
        ({"seconds": "75"}, "Please enter a number of seconds from 0 to 59."),
        ({"minutes": "240", "seconds": "1"}, "Please enter a time of 4 hours or less."),
        ({"note": "x" * 501}, "Please keep the note to 500 characters or fewer."),
    ],
)
def test_bad_check_in_input_is_refused_with_a_clear_message(alice_client, alice, data, message):
    goal = make_goal(alice)

    response = post(alice_client, goal, data)

    assert response.status_code == 200
    assert message in messages_in(response)
    assert not CheckIn.objects.exists()


def test_with_htmx_a_refused_check_in_shows_its_message_in_the_card(alice_client, alice):
    goal = make_goal(alice)

    response = alice_client.post(
        reverse("today_check_in", args=[goal.pk]),
        {"day": (TODAY - timedelta(days=8)).isoformat()},
        headers=HTMX,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html and "up to 7 days back" in html
    assert not CheckIn.objects.exists()


def test_a_day_before_the_goal_started_is_refused(alice_client, alice):
    goal = make_goal(alice, start_date=TODAY - timedelta(days=1))

    response = post(alice_client, goal, {"day": (TODAY - timedelta(days=3)).isoformat()})

    assert "That's before this goal started." in messages_in(response)
    assert not CheckIn.objects.exists()


def test_a_put_away_goal_cannot_be_checked_in(alice_client, alice):
    goal = make_goal(alice, status=Goal.Status.ARCHIVED)

    response = post(alice_client, goal, {})

    assert "This goal is put away." in messages_in(response)
    assert not CheckIn.objects.exists()


def test_resting_or_undoing_eight_days_back_is_refused(alice_client, alice):
    goal = make_goal(alice)
    old = (TODAY - timedelta(days=8)).isoformat()

    for name in ("today_rest", "today_undo"):
        response = alice_client.post(reverse(name, args=[goal.pk]), {"day": old}, follow=True)
        assert "up to 7 days back" in messages_in(response)
    assert not CheckIn.objects.exists()


def test_a_negative_or_junk_seen_count_is_refused(alice_client, alice):
    goal = make_goal(alice, shape=Shape.IF_THEN)

    for seen in ("-1", "many", "99999999999"):
        response = alice_client.post(
            reverse("today_moment", args=[goal.pk]), {"seen": seen}, follow=True
        )
        assert "Please reload the page and tap again." in messages_in(response)
    assert not CheckIn.objects.exists()
