from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from nearer.exports.ics import spread_weekdays
from nearer.exports.models import CalendarFeed
from nearer.exports.tests.helpers import event_by_uid, occurrences, parse
from nearer.goals.models import Goal, HardSeason, Shape

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def feed_url(alice) -> str:
    feed = CalendarFeed.objects.issue(owner=alice)
    return reverse("calendar_feed", args=[feed.token])


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_feed_needs_no_login_and_answers_valid_icalendar(client, alice, feed_url, make_goal):
    make_goal(alice)

    response = client.get(feed_url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = parse(response)
    assert cal.name == "VCALENDAR"
    assert str(cal["VERSION"]) == "2.0"
    assert "Nearer" in str(cal["PRODID"])
    for event in cal.walk("VEVENT"):
        assert "DTSTAMP" in event
        assert "UID" in event


def test_lines_are_folded_and_text_escaped(client, alice, feed_url, make_goal):
    make_goal(alice, action="Say thanks, warmly; mean it " + "truly " * 20)

    response = client.get(feed_url)
    body = response.content.decode()

    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert "SUMMARY:Say thanks\\, warmly\\; mean it" in body
    event = next(e for e in parse(response).walk("VEVENT") if "RRULE" in e)
    assert str(event["SUMMARY"]) == "Say thanks, warmly; mean it " + "truly " * 20


def test_daily_goal_repeats_each_day_until_the_review_date(client, alice, feed_url, make_goal):
    goal = make_goal(alice, start_date=date(2026, 3, 2), review_date=date(2026, 3, 8))

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}")

    assert event["RRULE"]["FREQ"] == ["DAILY"]
    assert occurrences(event) == days(date(2026, 3, 2), date(2026, 3, 8))


def test_twice_a_week_falls_on_monday_and_thursday(client, alice, feed_url, make_goal):
    # Starts on a Wednesday and is reviewed on a Tuesday, two weeks later.
    goal = make_goal(
        alice,
        shape=Shape.WEEKLY,
        times_per_week=2,
        start_date=date(2026, 3, 4),
        review_date=date(2026, 3, 17),
    )

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}")

    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert event["RRULE"]["BYDAY"] == ["MO", "TH"]
    # The first event is the first Thursday, not the Wednesday the goal started.
    assert event.decoded("DTSTART") == date(2026, 3, 5)
    assert occurrences(event) == [
        date(2026, 3, 5),
        date(2026, 3, 9),
        date(2026, 3, 12),
        date(2026, 3, 16),
    ]


def test_three_times_a_week_falls_on_monday_wednesday_friday(client, alice, feed_url, make_goal):
    goal = make_goal(
        alice,
        shape=Shape.WEEKLY,
        times_per_week=3,
        start_date=date(2026, 3, 2),
        review_date=date(2026, 3, 8),
    )

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}")

    assert occurrences(event) == [date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6)]


@pytest.mark.parametrize(
    ("times", "weekdays"),
    [
        (1, [0]),
        (2, [0, 3]),
        (3, [0, 2, 4]),
        (4, [0, 1, 3, 5]),
        (5, [0, 1, 2, 4, 5]),
        (6, [0, 1, 2, 3, 4, 5]),
        (7, [0, 1, 2, 3, 4, 5, 6]),
        (14, [0, 1, 2, 3, 4, 5, 6]),
    ],
)
def test_weekly_days_are_spread_from_monday(times, weekdays):
    assert spread_weekdays(times) == weekdays


def test_more_than_seven_a_week_shows_every_day(client, alice, feed_url, make_goal):
    goal = make_goal(
        alice,
        shape=Shape.WEEKLY,
        times_per_week=10,
        start_date=date(2026, 3, 4),
        review_date=date(2026, 3, 10),
    )

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}")

    assert occurrences(event) == days(date(2026, 3, 4), date(2026, 3, 10))


def test_one_off_goal_is_a_single_all_day_event_on_its_deadline(client, alice, feed_url, make_goal):
    goal = make_goal(
        alice,
        shape=Shape.DEADLINE,
        deadline=date(2026, 3, 4),
        start_date=date(2026, 3, 2),
        review_date=date(2026, 3, 9),
    )

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}")

    assert "RRULE" not in event
    assert event.decoded("DTSTART") == date(2026, 3, 4)
    assert event.decoded("DTEND") == date(2026, 3, 5)


def test_if_then_goal_has_no_timed_event_but_keeps_its_review(client, alice, feed_url, make_goal):
    goal = make_goal(alice, shape=Shape.IF_THEN, trigger="When a talk gets heated")

    cal = parse(client.get(feed_url))

    assert event_by_uid(cal, f"goal-{goal.pk}") is None
    assert event_by_uid(cal, f"goal-{goal.pk}-review") is not None


def test_each_goal_has_an_all_day_review_event(client, alice, feed_url, make_goal):
    goal = make_goal(alice, action="Ask one curious question", review_date=date(2026, 3, 30))

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}-review")

    assert event.decoded("DTSTART") == date(2026, 3, 30)
    assert event.decoded("DTEND") == date(2026, 3, 31)
    assert str(event["SUMMARY"]) == "Review your goal: Ask one curious question"


def test_timed_event_keeps_local_time_across_the_clock_change(client, alice, feed_url, make_goal):
    alice.time_zone = "Europe/London"
    alice.save()
    # British Summer Time starts on Sunday 29 March 2026.
    goal = make_goal(
        alice,
        reminder_time=time(8, 0),
        start_date=date(2026, 3, 26),
        review_date=date(2026, 4, 1),
    )

    response = client.get(feed_url)
    body = response.content.decode()
    cal = parse(response)
    event = event_by_uid(cal, f"goal-{goal.pk}")

    assert "DTSTART;TZID=Europe/London:20260326T080000" in body
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    [summer] = zone.walk("DAYLIGHT")
    assert summer.decoded("TZOFFSETTO") == timedelta(hours=1)
    assert summer.decoded("DTSTART").date() == date(2026, 3, 29)
    moments = occurrences(event)
    assert [m.date() for m in moments] == days(date(2026, 3, 26), date(2026, 4, 1))
    assert {m.astimezone(LONDON).time() for m in moments} == {time(8, 0)}
    assert moments[0].astimezone(UTC).hour == 8  # GMT
    assert moments[-1].astimezone(UTC).hour == 7  # BST


def test_until_is_the_end_of_the_review_day_in_utc(client, alice, feed_url, make_goal):
    alice.time_zone = "Europe/London"
    alice.save()
    goal = make_goal(
        alice, reminder_time=time(21, 30), start_date=date(2026, 6, 1), review_date=date(2026, 6, 3)
    )

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}")

    until = event["RRULE"]["UNTIL"][0]
    assert until == datetime(2026, 6, 3, 22, 59, 59, tzinfo=UTC)
    assert [m.date() for m in occurrences(event)] == days(date(2026, 6, 1), date(2026, 6, 3))


def test_timed_event_lasts_the_goal_duration_or_fifteen_minutes(client, alice, feed_url, make_goal):
    ten_minutes = make_goal(alice, reminder_time=time(19, 0), duration_seconds=600)
    unset = make_goal(alice, reminder_time=time(19, 0))

    cal = parse(client.get(feed_url))

    assert event_by_uid(cal, f"goal-{ten_minutes.pk}").decoded("DURATION") == timedelta(minutes=10)
    assert event_by_uid(cal, f"goal-{unset.pk}").decoded("DURATION") == timedelta(minutes=15)


def test_goal_without_a_time_is_an_all_day_event(client, alice, feed_url, make_goal):
    goal = make_goal(alice, reminder_time=None)

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}")

    assert event.decoded("DTSTART") == goal.start_date
    assert "DURATION" not in event


def test_days_in_a_hard_season_stay_clear(client, alice, feed_url, make_goal):
    goal = make_goal(alice, start_date=date(2026, 3, 2), review_date=date(2026, 3, 8))
    HardSeason.objects.create(owner=alice, start_date=date(2026, 3, 4), end_date=date(2026, 3, 5))

    event = event_by_uid(parse(client.get(feed_url)), f"goal-{goal.pk}")

    assert occurrences(event) == [
        date(2026, 3, 2),
        date(2026, 3, 3),
        date(2026, 3, 6),
        date(2026, 3, 7),
        date(2026, 3, 8),
    ]


def test_uids_are_stable_between_fetches(client, alice, feed_url, make_goal):
    make_goal(alice)
    make_goal(alice, shape=Shape.WEEKLY)

    first = [str(e["UID"]) for e in parse(client.get(feed_url)).walk("VEVENT")]
    second = [str(e["UID"]) for e in parse(client.get(feed_url)).walk("VEVENT")]

    assert first == second
    assert len(set(first)) == 4
    assert all(uid.endswith("@127.0.0.1") for uid in first)


def test_only_active_goals_appear(client, alice, feed_url, make_goal):
    active = make_goal(alice)
    completed = make_goal(alice, status=Goal.Status.COMPLETED)
    put_away = make_goal(alice, status=Goal.Status.ARCHIVED)

    uids = {str(e["UID"]).split("@")[0] for e in parse(client.get(feed_url)).walk("VEVENT")}

    assert f"goal-{active.pk}" in uids
    assert not {f"goal-{completed.pk}", f"goal-{put_away.pk}"} & uids


def test_events_carry_no_alarms(client, alice, feed_url, make_goal):
    make_goal(alice, reminder_time=time(8, 0))

    assert b"BEGIN:VALARM" not in client.get(feed_url).content


def test_discreet_feed_has_no_action_text(client, alice, feed_url, make_goal):
    alice.discreet = True
    alice.save()
    make_goal(
        alice,
        action="Hug my husband for thirty seconds",
        why="Our marriage matters to me",
        reminder_time=time(7, 30),
    )
    make_goal(
        alice, shape=Shape.DEADLINE, action="Raise the dishes calmly", deadline=date(2026, 3, 4)
    )

    response = client.get(feed_url)
    body = response.content.decode().lower()
    cal = parse(response)

    for word in ("hug", "husband", "marriage", "dishes", "partner", "relationship"):
        assert word not in body
    summaries = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    assert summaries == {"A small step", "Review your goal"}
    assert all("DESCRIPTION" not in e for e in cal.walk("VEVENT"))


def test_feed_shows_only_its_owners_goals(client, alice, bob, carol, feed_url, make_goal):
    mine = make_goal(alice, action="Alice's own step")
    bobs = make_goal(bob, action="Bob's shared step", is_shared=True)
    carols = make_goal(carol, action="Carol's step")

    response = client.get(feed_url)
    uids = {str(e["UID"]).split("@")[0] for e in parse(response).walk("VEVENT")}

    assert f"goal-{mine.pk}" in uids
    assert not {f"goal-{bobs.pk}", f"goal-{carols.pk}"} & uids
    assert b"Bob's" not in response.content
    assert b"Carol's" not in response.content


def test_unknown_token_is_not_found(client, alice, feed_url):
    assert client.get(reverse("calendar_feed", args=["not-a-real-token"])).status_code == 404


def test_a_new_address_makes_the_old_one_not_found_at_once(client, alice, feed_url):
    assert client.get(feed_url).status_code == 200

    new = CalendarFeed.objects.issue(owner=alice)

    assert client.get(feed_url).status_code == 404
    assert client.get(reverse("calendar_feed", args=[new.token])).status_code == 200


def test_turned_off_feed_is_not_found(client, alice, feed_url):
    CalendarFeed.objects.filter(owner=alice).delete()

    assert client.get(feed_url).status_code == 404


def test_deactivated_members_feed_is_not_found(client, alice, feed_url):
    alice.is_active = False
    alice.save()

    assert client.get(feed_url).status_code == 404


def test_feed_is_not_cached_along_the_way(client, alice, feed_url):
    response = client.get(feed_url)

    assert "no-store" in response["Cache-Control"]


def test_feed_queries_do_not_grow_with_goals(
    client, alice, feed_url, make_goal, django_assert_max_num_queries
):
    for n in range(12):
        make_goal(alice, shape=Shape.WEEKLY, times_per_week=1 + n % 7)

    with django_assert_max_num_queries(3):
        assert client.get(feed_url).status_code == 200
