"""The scheduler's pass: a fixed number of queries to find what is due, and a command that
cron, systemd or scripts/serve can run."""

from datetime import date, time

import time_machine
from django.core.management import call_command

from nearer.accounts.models import User
from nearer.goals.models import CheckIn, Shape
from nearer.reminders.models import ReminderDelivery
from nearer.reminders.schedule import due_occurrences
from nearer.reminders.tests.helpers import make_goal, utc

DUE = utc(2026, 6, 1, 7, 30)  # 08:30 in London


def test_finding_due_reminders_takes_the_same_queries_for_few_or_many_goals(
    in_london, in_new_york, django_assert_max_num_queries
):
    for i in range(30):
        make_goal(in_london, action=f"small step {i}")
        make_goal(in_new_york, action=f"small step {i}", at=time(3, 30))  # 07:30 UTC too
        make_goal(in_new_york, action=f"later step {i}", at=time(9, 0))
    with django_assert_max_num_queries(5):
        assert len(due_occurrences(DUE)) == 60


def test_a_rest_day_on_a_one_off_goal_does_not_end_its_reminders(in_london, alice):
    goal = make_goal(in_london, shape=Shape.DEADLINE, deadline=date(2026, 6, 3))
    CheckIn.objects.create(goal=goal, day=date(2026, 5, 31), kind=CheckIn.Kind.SKIP)
    # In the same pass, Alice's 21:30 reminder in Honolulu is for 31 May.
    alice.time_zone = "Pacific/Honolulu"
    alice.save(update_fields=["time_zone"])
    make_goal(alice, at=time(21, 30))
    due = {(o.goal.owner.display_name, o.local_date) for o in due_occurrences(DUE)}
    assert due == {("Erin", date(2026, 6, 1)), ("Alice", date(2026, 5, 31))}


def test_send_reminders_command_queues_what_is_due(in_london, capsys):
    make_goal(in_london)
    with time_machine.travel(DUE, tick=False):
        call_command("send_reminders")
        call_command("send_reminders")
    assert capsys.readouterr().out.count("Queued 1 reminder(s).") == 1
    assert ReminderDelivery.objects.count() == 1


def test_a_member_with_an_unknown_time_zone_is_reminded_on_utc(erin):
    User.objects.filter(pk=erin.pk).update(time_zone="Mars/Olympus_Mons")
    make_goal(erin)
    assert len(due_occurrences(utc(2026, 6, 1, 8, 30))) == 1
