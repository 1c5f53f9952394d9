"""Reminders stay quiet when a nudge would not help: a hard season, a goal not started or
past its deadline, a day already checked in, a goal put away, or no way to reach the member."""

from datetime import date, time

from django.core import mail

from nearer.goals.models import CheckIn, Goal, HardSeason, Shape
from nearer.reminders.actions import set_reminder
from nearer.reminders.models import Notification, ReminderSetting
from nearer.reminders.tests.helpers import make_goal, tick, utc

# 08:30 in London on Monday 1 June 2026 (BST) is 07:30 UTC.
DUE = utc(2026, 6, 1, 7, 30)
DAY = date(2026, 6, 1)


def test_no_reminder_during_a_hard_season(in_london):
    make_goal(in_london)
    HardSeason.objects.create(owner=in_london, start_date=date(2026, 5, 30), end_date=DAY)
    assert tick(DUE) == 0
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_reminders_come_back_the_day_after_a_hard_season_ends(in_london):
    make_goal(in_london)
    HardSeason.objects.create(
        owner=in_london, start_date=date(2026, 5, 20), end_date=date(2026, 5, 31)
    )
    assert tick(DUE) == 1
    assert len(mail.outbox) == 1


def test_a_hard_season_is_read_on_the_members_own_date(in_new_york):
    # 21:00 in New York on 5 March is 02:00 UTC on 6 March; a season ending on 5 March
    # still covers it.
    make_goal(in_new_york, at=time(21, 0))
    HardSeason.objects.create(
        owner=in_new_york, start_date=date(2026, 3, 1), end_date=date(2026, 3, 5)
    )
    assert tick(utc(2026, 3, 6, 2, 0)) == 0
    assert tick(utc(2026, 3, 7, 2, 0)) == 1


def test_someone_elses_hard_season_does_not_silence_mine(in_london, alice):
    make_goal(in_london)
    HardSeason.objects.create(owner=alice, start_date=DAY, end_date=DAY)
    assert tick(DUE) == 1


def test_no_reminder_before_a_goal_starts(in_london):
    make_goal(in_london, start_date=date(2026, 6, 2))
    assert tick(DUE) == 0
    assert tick(utc(2026, 6, 2, 7, 30)) == 1


def test_no_reminder_for_a_one_off_goal_after_its_deadline(in_london):
    make_goal(in_london, shape=Shape.DEADLINE, deadline=date(2026, 5, 31))
    assert tick(DUE) == 0


def test_a_one_off_goal_is_reminded_up_to_its_deadline_day(in_london):
    make_goal(in_london, shape=Shape.DEADLINE, deadline=DAY)
    assert tick(DUE) == 1


def test_a_one_off_goal_already_done_is_not_reminded(in_london):
    goal = make_goal(in_london, shape=Shape.DEADLINE, deadline=date(2026, 6, 3))
    CheckIn.objects.create(goal=goal, day=date(2026, 5, 30))
    assert tick(DUE) == 0


def test_no_reminder_on_a_day_already_checked_in_or_rested(in_london):
    done = make_goal(in_london)
    rested = make_goal(in_london, action="say thank you")
    CheckIn.objects.create(goal=done, day=DAY)
    CheckIn.objects.create(goal=rested, day=DAY, kind=CheckIn.Kind.SKIP)
    assert tick(DUE) == 0


def test_no_reminder_for_a_goal_put_away_or_completed(in_london):
    make_goal(in_london, status=Goal.Status.ARCHIVED)
    make_goal(in_london, status=Goal.Status.COMPLETED)
    assert tick(DUE) == 0


def test_no_reminder_without_a_time(in_london):
    make_goal(in_london, at=None)
    assert tick(DUE) == 0


def test_no_reminder_when_both_ways_are_off(in_london):
    goal = make_goal(in_london)
    ReminderSetting.objects.create(
        goal=goal, by_email=False, in_app=False, changed_at=utc(2026, 1, 1)
    )
    assert tick(DUE) == 0


def test_email_only_sends_no_notification_and_in_app_only_sends_no_email(in_london):
    by_email = make_goal(in_london)
    in_app = make_goal(in_london, action="say thank you")
    ReminderSetting.objects.create(goal=by_email, in_app=False, changed_at=utc(2026, 1, 1))
    ReminderSetting.objects.create(goal=in_app, by_email=False, changed_at=utc(2026, 1, 1))
    assert tick(DUE) == 2
    assert len(mail.outbox) == 1
    assert "give my partner a real hug" in mail.outbox[0].body
    assert [n.text for n in Notification.objects.all()] == ["A small step for today: say thank you"]


def test_a_reminder_set_after_its_time_today_starts_tomorrow(in_london):
    goal = make_goal(in_london, at=None)
    set_reminder(goal=goal, at=time(8, 30), by_email=True, in_app=True, now=utc(2026, 6, 1, 7, 35))
    assert tick(utc(2026, 6, 1, 7, 36)) == 0
    assert tick(utc(2026, 6, 2, 7, 30)) == 1


def test_a_member_who_left_gets_no_reminders(in_london):
    make_goal(in_london)
    in_london.is_active = False
    in_london.save(update_fields=["is_active"])
    assert tick(DUE) == 0
