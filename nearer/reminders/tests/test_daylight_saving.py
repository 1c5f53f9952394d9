"""A reminder keeps to the member's wall clock across the 2026 daylight-saving changes."""

from datetime import date, time, timedelta

import pytest
from django.core import mail

from nearer.reminders.models import ReminderDelivery
from nearer.reminders.tests.helpers import fire_times, make_goal, tick, utc

HOUR = timedelta(hours=1)


def around(instant, margin=4 * HOUR):
    return instant - margin, instant + margin


@pytest.mark.parametrize(
    ("day_before", "day_of"),
    [
        # Spring forward on 8 March: 08:30 EST is 13:30 UTC, 08:30 EDT is 12:30 UTC.
        (utc(2026, 3, 7, 13, 30), utc(2026, 3, 8, 12, 30)),
        # Fall back on 1 November: 08:30 EDT is 12:30 UTC, 08:30 EST is 13:30 UTC.
        (utc(2026, 10, 31, 12, 30), utc(2026, 11, 1, 13, 30)),
    ],
)
def test_new_york_0830_reminder_fires_at_0830_local_on_both_sides_of_a_change(
    in_new_york, day_before, day_of
):
    make_goal(in_new_york, at=time(8, 30))
    assert fire_times(*around(day_before)) == [day_before]
    assert fire_times(*around(day_of)) == [day_of]


@pytest.mark.parametrize(
    ("day_before", "day_of"),
    [
        # Spring forward on 29 March: 08:30 GMT is 08:30 UTC, 08:30 BST is 07:30 UTC.
        (utc(2026, 3, 28, 8, 30), utc(2026, 3, 29, 7, 30)),
        # Fall back on 25 October: 08:30 BST is 07:30 UTC, 08:30 GMT is 08:30 UTC.
        (utc(2026, 10, 24, 7, 30), utc(2026, 10, 25, 8, 30)),
    ],
)
def test_london_0830_reminder_fires_at_0830_local_on_both_sides_of_a_change(
    in_london, day_before, day_of
):
    make_goal(in_london, at=time(8, 30))
    assert fire_times(*around(day_before)) == [day_before]
    assert fire_times(*around(day_of)) == [day_of]


def test_new_york_time_skipped_by_spring_forward_fires_once_at_the_shifted_time(in_new_york):
    # 02:30 does not exist on 8 March 2026: clocks go from 02:00 EST to 03:00 EDT.
    make_goal(in_new_york, at=time(2, 30))
    # 03:30 EDT is 07:30 UTC.
    assert fire_times(*around(utc(2026, 3, 8, 7, 30))) == [utc(2026, 3, 8, 7, 30)]


def test_new_york_time_repeated_by_fall_back_fires_once(in_new_york):
    # 01:30 happens twice on 1 November 2026: at 05:30 UTC (EDT) and at 06:30 UTC (EST).
    make_goal(in_new_york, at=time(1, 30))
    assert fire_times(*around(utc(2026, 11, 1, 5, 30))) == [utc(2026, 11, 1, 5, 30)]


def test_london_time_skipped_by_spring_forward_fires_once_at_the_shifted_time(in_london):
    # 01:30 does not exist on 29 March 2026: clocks go from 01:00 GMT to 02:00 BST.
    make_goal(in_london, at=time(1, 30))
    # 02:30 BST is 01:30 UTC.
    assert fire_times(*around(utc(2026, 3, 29, 1, 30))) == [utc(2026, 3, 29, 1, 30)]


def test_london_time_repeated_by_fall_back_fires_once(in_london):
    # 01:30 happens twice on 25 October 2026: at 00:30 UTC (BST) and at 01:30 UTC (GMT).
    make_goal(in_london, at=time(1, 30))
    assert fire_times(*around(utc(2026, 10, 25, 0, 30))) == [utc(2026, 10, 25, 0, 30)]


def test_the_email_on_a_change_day_goes_out_once_at_local_time(in_new_york):
    make_goal(in_new_york, at=time(8, 30))
    assert tick(utc(2026, 3, 8, 12, 29)) == 0
    assert tick(utc(2026, 3, 8, 12, 30)) == 1
    assert tick(utc(2026, 3, 8, 13, 30)) == 0  # what 08:30 would be without the change
    assert len(mail.outbox) == 1


def test_a_scheduler_that_was_away_catches_up_within_fifteen_minutes(in_london):
    make_goal(in_london, at=time(8, 30))
    assert tick(utc(2026, 6, 1, 7, 44)) == 1  # 08:44 BST
    assert len(mail.outbox) == 1


def test_a_reminder_more_than_fifteen_minutes_late_is_left_for_tomorrow(in_london):
    make_goal(in_london, at=time(8, 30))
    assert tick(utc(2026, 6, 1, 7, 46)) == 0  # 08:46 BST
    assert tick(utc(2026, 6, 2, 7, 30)) == 1
    assert len(mail.outbox) == 1


def test_a_reminder_near_midnight_belongs_to_the_local_day_it_was_set_for(in_new_york):
    make_goal(in_new_york, at=time(23, 55))
    # 23:55 EST on 5 March is 04:55 UTC on 6 March. A scheduler that comes back at 00:05 on
    # 6 March (local) still sends 5 March's reminder, once; 6 March's comes at its time.
    assert tick(utc(2026, 3, 6, 5, 5)) == 1
    assert ReminderDelivery.objects.get().local_date == date(2026, 3, 5)
    assert tick(utc(2026, 3, 6, 5, 6)) == 0
    assert tick(utc(2026, 3, 7, 4, 54)) == 0
    assert tick(utc(2026, 3, 7, 4, 55)) == 1


def test_a_member_east_of_utc_gets_their_morning_reminder_on_their_own_date(erin):
    erin.time_zone = "Asia/Tokyo"
    erin.save(update_fields=["time_zone"])
    make_goal(erin, at=time(7, 0))
    # 07:00 in Tokyo on 2 June is 22:00 UTC on 1 June.
    assert tick(utc(2026, 6, 1, 22, 0)) == 1
    assert ReminderDelivery.objects.get().local_date == date(2026, 6, 2)
