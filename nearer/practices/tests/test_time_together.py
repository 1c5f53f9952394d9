"""Time together: plan ten minutes within the week, take home an .ics invite, use the timer,
and "We did it", counted toward the weekly goal once a day."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from nearer.goals.models import CheckIn
from nearer.practices.models import TimeTogether
from nearer.practices.tests.conftest import NOW, TODAY, goal_for_step, messages_in

pytestmark = pytest.mark.django_db

STEP = "predictable-time-together"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def parisian(alice):
    alice.time_zone = "Europe/Paris"  # 13:00 on Wednesday there
    alice.save(update_fields=["time_zone"])
    return alice


def plan(client, day: date | str, at: str = "19:30"):
    value = day.isoformat() if isinstance(day, date) else day
    return client.post(reverse("time_together"), {"day": value, "at": at}, follow=True)


def test_a_member_plans_ten_minutes_at_a_local_time(alice_client, parisian):
    response = plan(alice_client, TODAY + timedelta(days=2), "19:30")

    planned = TimeTogether.objects.get(owner=parisian)
    assert planned.starts_at == datetime(2026, 3, 6, 19, 30, tzinfo=PARIS)
    assert planned.done_on is None
    assert "Planned for Friday 6 March at 19:30." in messages_in(response)
    assert reverse("time_together_invite", args=[planned.pk]).encode() in response.content


def test_later_today_is_fine(alice_client, parisian):
    plan(alice_client, TODAY, "13:01")

    assert TimeTogether.objects.filter(owner=parisian).count() == 1


def test_the_same_time_planned_twice_is_one_plan(alice_client, parisian):
    plan(alice_client, TODAY + timedelta(days=1))
    plan(alice_client, TODAY + timedelta(days=1))

    assert TimeTogether.objects.count() == 1


def test_exactly_seven_days_ahead_is_the_furthest(alice_client, parisian):
    plan(alice_client, TODAY + timedelta(days=7), "13:00")

    assert TimeTogether.objects.count() == 1


@pytest.mark.parametrize(
    ("day", "at", "message"),
    [
        (TODAY, "12:59", "That time has already passed."),
        (TODAY - timedelta(days=1), "19:30", "That time has already passed."),
        (TODAY + timedelta(days=7), "13:01", "Please choose a time within the next 7 days."),
        (TODAY + timedelta(days=30), "19:30", "Please choose a time within the next 7 days."),
        ("2026-02-31", "19:30", "Please choose a date, like 2026-03-14."),
        ("next friday", "19:30", "Please choose a date, like 2026-03-14."),
        ("9" * 500, "19:30", "Please choose a date, like 2026-03-14."),
        (TODAY + timedelta(days=1), "25:00", "Please choose a time, like 19:30."),
        (TODAY + timedelta(days=1), "half seven", "Please choose a time, like 19:30."),
        ("", "19:30", "Please choose a day."),
        (TODAY + timedelta(days=1), "", "Please choose a time."),
    ],
)
def test_a_time_that_does_not_fit_is_refused_gently(alice_client, parisian, day, at, message):
    value = day.isoformat() if isinstance(day, date) else day

    response = alice_client.post(reverse("time_together"), {"day": value, "at": at})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TimeTogether.objects.exists()


def test_the_invite_is_a_ten_minute_event_at_the_chosen_local_time(alice_client, parisian):
    plan(alice_client, TODAY + timedelta(days=2), "19:30")
    planned = TimeTogether.objects.get()

    response = alice_client.get(reverse("time_together_invite", args=[planned.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="time-together.ics"' in response["Content-Disposition"]
    cal = Calendar.from_ical(response.content)
    [event] = cal.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start == datetime(2026, 3, 6, 19, 30, tzinfo=PARIS)
    assert start.tzinfo.key == "Europe/Paris"
    assert event.decoded("duration") == timedelta(minutes=10)
    assert str(event["summary"]) == "10 minutes together, phones away"
    assert "/practices/time-together/timer/" in str(event["description"])
    assert "TZID=Europe/Paris:20260306T193000" in response.content.decode()
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert not event.walk("VALARM")


def test_the_invite_keeps_its_local_time_across_a_clock_change(alice_client, alice, now):
    alice.time_zone = "America/New_York"  # clocks go forward on Sunday 8 March 2026
    alice.save(update_fields=["time_zone"])
    plan(alice_client, date(2026, 3, 9), "08:00")

    response = alice_client.get(
        reverse("time_together_invite", args=[TimeTogether.objects.get().pk])
    )

    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.date(), start.time()) == (date(2026, 3, 9), time(8, 0))
    assert start.utcoffset() == timedelta(hours=-4)


def test_a_discreet_invite_says_nothing_about_the_relationship(alice_client, parisian):
    parisian.discreet = True
    parisian.save(update_fields=["discreet"])
    plan(alice_client, TODAY + timedelta(days=1))

    response = alice_client.get(
        reverse("time_together_invite", args=[TimeTogether.objects.get().pk])
    )

    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "A small step"
    assert "description" not in event
    assert "together" not in response.content.decode().lower()
    assert 'filename="small-step.ics"' in response["Content-Disposition"]


def test_the_timer_reads_as_plain_steps_without_script(alice_client):
    response = alice_client.get(reverse("time_together_timer"))

    body = response.content.decode()
    assert "Put both phones away" in body
    assert "We did it" in body
    assert "data-timer" in body and "hidden" in body  # the countdown waits for the script
    assert 'name="plan"' not in body


def test_the_timer_for_a_plan_carries_it(alice_client, alice):
    planned = TimeTogether.objects.create(owner=alice, starts_at=NOW + timedelta(hours=3))

    response = alice_client.get(reverse("time_together_timer_plan", args=[planned.pk]))

    assert f'name="plan" value="{planned.pk}"'.encode() in response.content


def test_we_did_it_notes_today_and_counts_toward_the_goal_once(alice_client, alice):
    goal = goal_for_step(alice, STEP)

    first = alice_client.post(reverse("time_together_done"), follow=True)
    again = alice_client.post(reverse("time_together_done"), follow=True)

    assert TimeTogether.objects.get(owner=alice).done_on == TODAY
    checkin = CheckIn.objects.get(goal=goal)
    assert (checkin.day, checkin.count, checkin.duration_seconds) == (TODAY, 1, 600)
    assert "Ten minutes together, noted." in messages_in(first)
    assert "Your first full week. That counts." in messages_in(first)  # once a week is met
    assert "Already noted for today. That counts." in messages_in(again)


def test_we_did_it_on_a_plan_marks_that_plan(alice_client, alice):
    planned = TimeTogether.objects.create(owner=alice, starts_at=NOW - timedelta(minutes=15))

    alice_client.post(reverse("time_together_done"), {"plan": planned.pk})

    planned.refresh_from_db()
    assert planned.done_on == TODAY
    assert TimeTogether.objects.count() == 1


def test_we_did_it_works_without_a_goal_or_a_partner(client, erin):
    client.force_login(erin)

    response = client.post(reverse("time_together_done"), follow=True)

    assert TimeTogether.objects.get(owner=erin).done_on == TODAY
    assert not CheckIn.objects.exists()
    assert b"/goals/new/?step=predictable-time-together" in response.content


@pytest.mark.parametrize("value", ["abc", "-3", "0", "1.5", "9" * 40])
def test_a_malformed_plan_id_is_refused_gently(alice_client, alice, value):
    goal = goal_for_step(alice, STEP)

    response = alice_client.post(reverse("time_together_done"), {"plan": value}, follow=True)

    assert "This page was a little out of date." in messages_in(response)
    assert not TimeTogether.objects.exists()
    assert not goal.checkins.exists()


def test_a_plan_id_that_does_not_exist_is_not_found(alice_client, alice):
    response = alice_client.post(reverse("time_together_done"), {"plan": 424242})

    assert response.status_code == 404
    assert not TimeTogether.objects.exists()


def test_a_plan_can_be_cleared(alice_client, alice):
    planned = TimeTogether.objects.create(owner=alice, starts_at=NOW + timedelta(days=1))

    response = alice_client.post(reverse("time_together_cancel", args=[planned.pk]), follow=True)

    assert not TimeTogether.objects.exists()
    assert "Okay, that plan is cleared." in messages_in(response)


def test_the_page_lists_coming_plans_in_the_members_time(alice_client, parisian):
    TimeTogether.objects.create(owner=parisian, starts_at=datetime(2026, 3, 5, 18, 0, tzinfo=PARIS))
    TimeTogether.objects.create(owner=parisian, starts_at=NOW - timedelta(days=2))  # long gone

    response = alice_client.get(reverse("time_together"))

    assert [p.local_words for p in response.context["plans"]] == ["Thursday 5 March at 18:00"]
