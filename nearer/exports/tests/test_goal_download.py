from datetime import date

import pytest
from django.urls import reverse

from nearer.exports.tests.helpers import event_by_uid, occurrences, parse


@pytest.fixture
def goal(alice, make_goal):
    return make_goal(
        alice,
        action="Ask how the day really went",
        start_date=date(2026, 3, 2),
        review_date=date(2026, 3, 4),
        is_shared=True,
    )


def test_member_downloads_one_goal_as_a_calendar_file(alice_client, goal, make_goal, alice):
    other = make_goal(alice, action="Another of Alice's goals")

    response = alice_client.get(reverse("goal_calendar", args=[goal.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="nearer-goal-{goal.pk}.ics"'
    cal = parse(response)
    event = event_by_uid(cal, f"goal-{goal.pk}")
    assert occurrences(event) == [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)]
    assert event_by_uid(cal, f"goal-{goal.pk}-review") is not None
    assert event_by_uid(cal, f"goal-{other.pk}") is None


def test_download_asks_to_log_in(client, goal):
    response = client.get(reverse("goal_calendar", args=[goal.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_carol_cannot_download_alices_goal(client, carol, goal):
    client.force_login(carol)

    assert client.get(reverse("goal_calendar", args=[goal.pk])).status_code == 404


def test_partner_cannot_download_a_shared_goal_they_do_not_own(client, bob, goal):
    client.force_login(bob)

    assert client.get(reverse("goal_calendar", args=[goal.pk])).status_code == 404


def test_unknown_goal_is_not_found(alice_client, goal):
    assert alice_client.get(reverse("goal_calendar", args=[goal.pk + 999])).status_code == 404


def test_discreet_download_keeps_the_action_out(alice_client, alice, goal):
    alice.discreet = True
    alice.save()

    response = alice_client.get(reverse("goal_calendar", args=[goal.pk]))

    assert b"Ask how the day" not in response.content
    assert {str(e["SUMMARY"]) for e in parse(response).walk("VEVENT")} == {
        "A small step",
        "Review your goal",
    }
