"""A booking brings a confirmation with a calendar file (start and end in UTC), a notice to
the coach, and discreet wording for members who ask for it."""

from datetime import timedelta

import pytest
from django.core import mail

from nearer.coaching.actions import book_slot, cancel_booking, reschedule_booking
from nearer.coaching.tests.conftest import NOW
from nearer.coaching.tests.helpers import calendar_of, make_slot, run_worker, utc

# Monday 30 March 2026, 18:00 London (BST) is 17:00 UTC.
SESSION = utc(2026, 3, 30, 17)


@pytest.fixture
def booked(alice, coach):
    alice.time_zone = "America/New_York"
    alice.save()
    booking = book_slot(member=alice, slot_id=make_slot(coach, SESSION).pk, now=NOW)
    run_worker()
    return booking


def to(address: str):
    [email] = [e for e in mail.outbox if e.to == [address]]
    return email


def ics_text(email) -> str:
    content = email.attachments[0][1]
    return content.decode() if isinstance(content, bytes) else content


def event_of(email):
    cal = calendar_of(email)
    [event] = cal.walk("VEVENT")
    return cal, event


def test_the_member_gets_a_confirmation_with_a_valid_calendar_file(booked):
    email = to("alice@example.com")
    assert email.subject == "Your coaching session is confirmed"
    assert "Your coaching session with Morgan is booked:" in email.body
    assert "Monday 30 March, 13:00–14:00 (America/New York time)" in email.body  # EDT
    assert "How you'll meet: https://video.example/morgan" in email.body
    assert "Nothing about your goals is shared with Morgan unless you choose it." in email.body
    assert f"/coaching/bookings/{booked.pk}/" in email.body
    assert "not therapy or a crisis service" in email.body

    cal, event = event_of(email)
    assert str(cal["method"]) == "PUBLISH"
    assert str(cal["version"]) == "2.0"
    assert event.decoded("dtstart") == SESSION
    assert event.decoded("dtstart").utcoffset() == timedelta(0)
    assert event.decoded("dtend") == SESSION + timedelta(hours=1)
    assert str(event["uid"]) == f"appointment-{booked.uid}@127.0.0.1"
    assert str(event["summary"]) == "Coaching session with Morgan"
    assert str(event["status"]) == "CONFIRMED"
    assert event.decoded("sequence") == 0
    assert b"DTSTART:20260330T170000Z" in cal.to_ical()


def test_the_coach_gets_a_notice_in_their_own_time(booked):
    email = to("morgan@example.com")
    assert email.subject == "A session is booked"
    assert "Alice booked a session:" in email.body
    assert "Monday 30 March, 18:00–19:00 (Europe/London time)" in email.body
    _, event = event_of(email)
    assert str(event["summary"]) == "Coaching session with Alice"
    assert "video.example" not in str(event.get("description"))


def test_the_coach_never_reads_more_than_a_first_name(alice, coach):
    alice.display_name = "Alice Mary Smith"
    alice.save()
    book_slot(member=alice, slot_id=make_slot(coach, SESSION).pk, now=NOW)
    run_worker()
    email = to("morgan@example.com")
    assert "Alice booked" in email.body
    assert "Smith" not in email.body
    assert "alice@example.com" not in email.body
    assert "Smith" not in ics_text(email)


def test_discreet_members_get_appointment_words_and_nothing_more(alice, coach):
    alice.discreet = True
    alice.save()
    booking = book_slot(member=alice, slot_id=make_slot(coach, SESSION).pk, now=NOW)
    run_worker()
    email = to("alice@example.com")
    assert email.subject == "Your appointment is confirmed"
    for word in ("coach", "Coach", "Morgan", "relationship", "partner", "goal"):
        assert word not in email.body
        assert word not in ics_text(email)
    _, event = event_of(email)
    assert str(event["summary"]) == "Appointment"
    assert "description" not in event
    assert event.decoded("dtstart") == SESSION

    moved = reschedule_booking(
        booking=booking, slot_id=make_slot(coach, SESSION + timedelta(days=1)).pk, now=NOW
    )
    cancel_booking(booking=moved, by=alice, now=NOW)
    mail.outbox.clear()
    run_worker()
    subjects = sorted(e.subject for e in mail.outbox if e.to == ["alice@example.com"])
    assert subjects == ["Your appointment has a new time", "Your appointment is cancelled"]


def test_a_moved_session_updates_the_same_calendar_event(booked, alice, coach):
    mail.outbox.clear()
    later = make_slot(coach, SESSION + timedelta(days=2))
    reschedule_booking(booking=booked, slot_id=later.pk, now=NOW)
    run_worker()
    email = to("alice@example.com")
    assert email.subject == "Your coaching session has a new time"
    _, event = event_of(email)
    assert str(event["uid"]) == f"appointment-{booked.uid}@127.0.0.1"
    assert event.decoded("sequence") == 1
    assert event.decoded("dtstart") == later.starts_at
    notice = to("morgan@example.com")
    assert notice.subject == "A session has a new time"
    assert "It was at Monday 30 March, 18:00–19:00 (Europe/London time)" in notice.body


def test_a_cancellation_removes_the_calendar_event(booked, alice):
    mail.outbox.clear()
    cancel_booking(booking=booked, by=alice, now=NOW)
    run_worker()
    email = to("alice@example.com")
    assert email.subject == "Your coaching session is cancelled"
    cal, event = event_of(email)
    assert str(cal["method"]) == "CANCEL"
    assert str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == f"appointment-{booked.uid}@127.0.0.1"
    assert event.decoded("sequence") == 1
    assert str(event["organizer"]) == "mailto:nearer@localhost"
    assert to("morgan@example.com").subject == "A session is cancelled"


def test_a_coach_who_cancels_gets_no_email_about_it(booked, coach):
    mail.outbox.clear()
    cancel_booking(booking=booked, by=coach.user, now=NOW)
    run_worker()
    assert [e.to for e in mail.outbox] == [["alice@example.com"]]


def test_the_confirmation_is_queued_with_the_booking(alice, coach):
    """No booking, no email: a booking refused leaves nothing queued."""
    from django_tasks_db.models import DBTaskResult

    slot = make_slot(coach, SESSION)
    book_slot(member=alice, slot_id=slot.pk, now=NOW)
    assert DBTaskResult.objects.count() == 1
    with pytest.raises(Exception, match="already have a session"):
        book_slot(member=alice, slot_id=make_slot(coach, SESSION + timedelta(days=1)).pk, now=NOW)
    assert DBTaskResult.objects.count() == 1
