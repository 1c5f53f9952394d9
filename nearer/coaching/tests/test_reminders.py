"""The day before a session the member gets one reminder: however often the scheduler runs,
however many run at once, and across a restart."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from nearer.coaching.actions import (
    book_slot,
    cancel_booking,
    claim_due_reminders,
    reschedule_booking,
)
from nearer.coaching.models import BookingReminder
from nearer.coaching.tasks import deliver_booking_reminder
from nearer.coaching.tests.conftest import NOW
from nearer.coaching.tests.helpers import make_slot, run_worker, utc

SESSION = utc(2026, 3, 5, 18)  # Thursday 18:00 UTC, booked on Monday
DAY_BEFORE = SESSION - timedelta(hours=24)


@pytest.fixture
def booking(alice, coach):
    booking = book_slot(member=alice, slot_id=make_slot(coach, SESSION).pk, now=NOW)
    run_worker()
    mail.outbox.clear()
    return booking


def tick(at) -> int:
    """One scheduler pass at ``at`` (the command, as cron or the loop runs it), then the
    worker; returns how many reminders the pass queued."""
    with time_machine.travel(at, tick=False):
        out = StringIO()
        call_command("send_coaching_reminders", stdout=out, verbosity=2)
        run_worker()
    return int(out.getvalue().split()[1])


def reminders() -> list:
    return [e for e in mail.outbox if "tomorrow" in e.subject or "today" in e.subject]


def test_the_reminder_comes_a_day_before_the_session(booking):
    assert tick(DAY_BEFORE - timedelta(minutes=1)) == 0
    assert tick(DAY_BEFORE) == 1
    [email] = mail.outbox
    assert email.to == ["alice@example.com"]
    assert email.subject == "Your coaching session is tomorrow"
    assert "Thursday 5 March, 18:00–19:00" in email.body
    assert email.attachments == []


def test_many_passes_send_one_reminder(booking):
    for minutes in range(0, 90, 1):
        tick(DAY_BEFORE + timedelta(minutes=minutes))
    tick(SESSION - timedelta(hours=2))
    assert len(reminders()) == 1
    assert BookingReminder.objects.get().delivered_at == DAY_BEFORE


def test_a_scheduler_that_was_away_still_reminds_once_before_the_session(booking):
    assert tick(SESSION - timedelta(hours=3)) == 1
    assert tick(SESSION - timedelta(hours=2)) == 0
    [email] = reminders()
    assert email.subject == "Your coaching session is today"


def test_a_restart_after_claiming_sends_exactly_one(booking):
    claim_due_reminders(now=DAY_BEFORE)  # claimed and queued; then the machine goes down
    assert mail.outbox == []
    tick(DAY_BEFORE + timedelta(minutes=1))
    tick(DAY_BEFORE + timedelta(minutes=2))
    assert len(reminders()) == 1


def test_a_worker_killed_mid_delivery_is_replaced_and_sends_one(booking):
    claim_due_reminders(now=DAY_BEFORE)
    task = DBTaskResult.objects.ready().get_locked()
    task.claim("killed-worker")  # taken, never finished
    tick(DAY_BEFORE + timedelta(minutes=1))
    assert mail.outbox == []
    tick(DAY_BEFORE + timedelta(minutes=6))  # looks stalled: queued again
    tick(DAY_BEFORE + timedelta(minutes=12))
    reminder = BookingReminder.objects.get()
    deliver_booking_reminder.enqueue(reminder.pk)  # a stray copy
    with time_machine.travel(DAY_BEFORE + timedelta(minutes=13), tick=False):
        run_worker()
    assert len(reminders()) == 1


def test_a_delivery_run_twice_sends_once(booking):
    claim_due_reminders(now=DAY_BEFORE)
    reminder = BookingReminder.objects.get()
    with time_machine.travel(DAY_BEFORE, tick=False):
        assert deliver_booking_reminder.call(reminder.pk) == "delivered"
        assert deliver_booking_reminder.call(reminder.pk) == "already delivered"
    assert len(reminders()) == 1


def test_no_reminder_for_a_cancelled_session(booking, alice):
    claim_due_reminders(now=DAY_BEFORE)
    cancel_booking(booking=booking, by=alice, now=DAY_BEFORE)
    with time_machine.travel(DAY_BEFORE, tick=False):
        run_worker()
    assert reminders() == []
    assert tick(DAY_BEFORE + timedelta(minutes=10)) == 0
    assert reminders() == []


def test_no_reminder_once_the_session_has_begun(booking):
    claim_due_reminders(now=DAY_BEFORE)
    reminder = BookingReminder.objects.get()
    with time_machine.travel(SESSION, tick=False):
        assert deliver_booking_reminder.call(reminder.pk) == "too late"
    assert tick(SESSION + timedelta(minutes=1)) == 0
    assert reminders() == []


def test_a_session_booked_less_than_a_day_ahead_has_only_its_confirmation(alice, coach, clock):
    soon = make_slot(coach, NOW + timedelta(hours=5))
    book_slot(member=alice, slot_id=soon.pk, now=NOW)
    for hours in range(5):
        tick(NOW + timedelta(hours=hours))
    assert [e.subject for e in mail.outbox if e.to == ["alice@example.com"]] == [
        "Your coaching session is confirmed"
    ]


def test_a_moved_session_is_reminded_at_its_new_time_only(booking, coach):
    later = make_slot(coach, SESSION + timedelta(days=2))
    reschedule_booking(booking=booking, slot_id=later.pk, now=NOW)
    assert tick(DAY_BEFORE) == 0
    assert tick(later.starts_at - timedelta(hours=24)) == 1
    assert len(reminders()) == 1
    assert "Saturday 7 March" in reminders()[0].body


def test_discreet_reminders_say_appointment(booking, alice):
    alice.discreet = True
    alice.save()
    tick(DAY_BEFORE)
    [email] = reminders()
    assert email.subject == "A reminder of your appointment tomorrow"
    assert "coach" not in email.body.lower()


def test_the_loop_tops_up_slots_and_queues_reminders(booking, coach, monkeypatch):
    from datetime import time

    from nearer.coaching.models import Slot
    from nearer.coaching.tests.helpers import weekly

    weekly(coach, 0, time(9), time(10))  # Mondays 09:00 London

    def stop(seconds):  # end the loop after its first pass, instead of waiting a minute
        raise KeyboardInterrupt

    from nearer.lib import scheduling

    monkeypatch.setattr(scheduling.time, "sleep", stop)
    # Like Django's test client, keep the test's transaction and its connection open.
    monkeypatch.setattr(scheduling, "close_old_connections", lambda: None)
    out = StringIO()
    with time_machine.travel(DAY_BEFORE, tick=False):
        call_command("send_coaching_reminders", "--loop", stdout=out)
    assert "Queued 1 coaching reminder(s)." in out.getvalue()
    assert Slot.objects.filter(coach=coach).count() == 1 + 4  # the booked one, 4 Mondays
