"""Booking, cancelling and moving a session: the slot opens again, and a member holds at
most one upcoming session with each coach."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail

from conftest import make_member
from nearer.coaching import actions
from nearer.coaching.actions import (
    BookingError,
    book_slot,
    cancel_booking,
    reschedule_booking,
)
from nearer.coaching.models import Booking, Slot
from nearer.coaching.tests.conftest import NOW
from nearer.coaching.tests.helpers import make_slot, run_worker, utc

TUESDAY_SIX = utc(2026, 3, 3, 18)


def said(response) -> str:
    """The newest message the response carries (earlier unread ones may still be waiting)."""
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


@pytest.fixture
def slot(coach) -> Slot:
    return make_slot(coach, TUESDAY_SIX)


def test_a_member_books_an_open_slot(alice_client, alice, slot):
    response = alice_client.post(f"/coaching/slots/{slot.pk}/book/")
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response.url == f"/coaching/bookings/{booking.pk}/"
    assert (booking.member, booking.slot, booking.status) == (alice, slot, "booked")
    assert not Slot.objects.open(now=NOW).exists()
    page = alice_client.get(response.url).content.decode()
    assert "Your session with Morgan" in page
    assert "Tuesday 3 March, 18:00–19:00" in page
    assert "https://video.example/morgan" in page


def test_booking_needs_a_post(alice_client, slot):
    assert alice_client.get(f"/coaching/slots/{slot.pk}/book/").status_code == 405
    assert not Booking.objects.exists()


def test_a_booked_slot_tells_the_next_member_clearly(client_for, alice, carol, slot):
    client_for(alice).post(f"/coaching/slots/{slot.pk}/book/")
    response = client_for(carol).post(f"/coaching/slots/{slot.pk}/book/")
    assert response.url == "/coaching/"
    assert said(response) == "Someone else has just booked that time. Please choose another one."
    assert Booking.objects.get().member == alice


def test_a_past_slot_cannot_be_booked(alice_client, coach):
    past = make_slot(coach, NOW - timedelta(minutes=30))
    response = alice_client.post(f"/coaching/slots/{past.pk}/book/")
    assert said(response) == "That time has already begun. Please choose one of the open times."
    assert not Booking.objects.exists()


def test_an_unknown_or_withdrawn_slot_gets_clear_words(alice_client, slot):
    for pk in (slot.pk + 1000, 999999999999999999):
        response = alice_client.post(f"/coaching/slots/{pk}/book/")
        assert (
            said(response) == "That time is no longer offered. Please choose one of the open times."
        )
    slot.withdrawn_at = NOW
    slot.save()
    response = alice_client.post(f"/coaching/slots/{slot.pk}/book/")
    assert "no longer offered" in said(response)
    assert not Booking.objects.exists()


def test_an_id_too_long_for_the_database_is_a_404(alice_client):
    assert alice_client.post("/coaching/slots/99999999999999999999999/book/").status_code == 404


def test_a_coach_whose_role_ended_offers_no_times(alice_client, coach, slot):
    coach.is_active = False
    coach.save()
    response = alice_client.post(f"/coaching/slots/{slot.pk}/book/")
    assert "no longer offered" in said(response)


def test_a_coach_cannot_book_their_own_time(client_for, coach, slot):
    response = client_for(coach.user).post(f"/coaching/slots/{slot.pk}/book/")
    assert "one of your own times" in said(response)
    assert not Booking.objects.exists()


def test_a_member_has_one_upcoming_session_per_coach(alice_client, alice, coach, other_coach):
    first = make_slot(coach, TUESDAY_SIX)
    second = make_slot(coach, TUESDAY_SIX + timedelta(days=1))
    elsewhere = make_slot(other_coach, TUESDAY_SIX)
    alice_client.post(f"/coaching/slots/{first.pk}/book/")
    response = alice_client.post(f"/coaching/slots/{second.pk}/book/")
    assert said(response) == (
        "You already have a session with Morgan on Tuesday 3 March, 18:00–19:00 (UTC time). "
        "You can move it to another time or cancel it from its page."
    )
    # Another coach is fine.
    alice_client.post(f"/coaching/slots/{elsewhere.pk}/book/")
    assert Booking.objects.filter(member=alice).count() == 2


def test_after_a_session_has_passed_the_member_may_book_again(alice, coach):
    book_slot(member=alice, slot_id=make_slot(coach, TUESDAY_SIX).pk, now=NOW)
    later = make_slot(coach, TUESDAY_SIX + timedelta(days=7))
    book_slot(member=alice, slot_id=later.pk, now=TUESDAY_SIX + timedelta(hours=2))
    assert Booking.objects.active().count() == 2


def test_the_member_cancels_and_the_slot_opens_again(alice_client, alice, slot):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    page = alice_client.get(f"/coaching/bookings/{booking.pk}/cancel/")
    assert "Cancel this session?" in page.content.decode()
    response = alice_client.post(f"/coaching/bookings/{booking.pk}/cancel/")
    assert response.url == "/coaching/"
    booking.refresh_from_db()
    assert (booking.status, booking.cancelled_by, booking.cancelled_at) == ("cancelled", alice, NOW)
    assert list(Slot.objects.open(now=NOW)) == [slot]


def test_the_coach_cancels_and_the_member_is_told(client_for, alice, coach, slot):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    run_worker()
    mail.outbox.clear()
    response = client_for(coach.user).post(f"/coaching/bookings/{booking.pk}/cancel/")
    assert response.url == "/coaching/sessions/"
    assert said(response) == "Cancelled. We'll let Alice know."
    run_worker()
    [email] = mail.outbox
    assert email.to == ["alice@example.com"]
    assert "Morgan had to cancel it." in email.body
    assert list(Slot.objects.open(now=NOW)) == [slot]


def test_another_member_books_a_slot_that_was_cancelled(alice, carol, slot):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    cancel_booking(booking=booking, by=alice, now=NOW)
    again = book_slot(member=carol, slot_id=slot.pk, now=NOW)
    assert again.slot == slot
    assert Booking.objects.filter(slot=slot).count() == 2


def test_cancelling_twice_or_after_the_start_gets_clear_words(alice_client, alice, slot, clock):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    alice_client.post(f"/coaching/bookings/{booking.pk}/cancel/")
    response = alice_client.post(f"/coaching/bookings/{booking.pk}/cancel/")
    assert said(response) == "This session is already cancelled."

    later = make_slot(slot.coach, TUESDAY_SIX + timedelta(days=1))
    booking = book_slot(member=alice, slot_id=later.pk, now=NOW)
    clock.move_to(later.starts_at + timedelta(minutes=5))
    response = alice_client.post(f"/coaching/bookings/{booking.pk}/cancel/")
    assert said(response) == "This session has already begun, so it can't be changed now."
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_the_member_moves_a_session_in_one_step(alice_client, alice, coach, slot, erin):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    later = make_slot(coach, TUESDAY_SIX + timedelta(days=2))
    page = alice_client.get(f"/coaching/bookings/{booking.pk}/move/").content.decode()
    assert "Thursday 5 March" in page
    response = alice_client.post(f"/coaching/bookings/{booking.pk}/move/", {"slot": later.pk})
    new = Booking.objects.get(status="booked")
    assert response.url == f"/coaching/bookings/{new.pk}/"
    assert (new.slot, new.member, new.replaces) == (later, alice, booking)
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    # The old time is open again for Erin.
    book_slot(member=erin, slot_id=slot.pk, now=NOW)


def test_the_open_times_page_offers_to_move_an_existing_session(alice_client, alice, coach, slot):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    make_slot(coach, TUESDAY_SIX + timedelta(days=2))
    page = alice_client.get("/coaching/").content.decode()
    assert "Move my session here" in page
    assert f'action="/coaching/bookings/{booking.pk}/move/"' in page


def test_moving_to_a_taken_time_keeps_the_old_booking(alice, carol, coach, slot):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    taken = make_slot(coach, TUESDAY_SIX + timedelta(days=2))
    book_slot(member=carol, slot_id=taken.pk, now=NOW)
    with pytest.raises(BookingError, match="Someone else has just booked"):
        reschedule_booking(booking=booking, slot_id=taken.pk, now=NOW)
    booking.refresh_from_db()
    assert booking.status == "booked"
    assert Booking.objects.filter(member=alice).count() == 1


def test_when_the_new_booking_fails_at_the_database_the_old_one_stays(
    alice, coach, slot, monkeypatch
):
    """The constraint is the last guard: the old booking's cancellation is undone with it."""
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    later = make_slot(coach, TUESDAY_SIX + timedelta(days=2))
    finn = make_member("finn@example.com", "Finn")
    checked = actions._lock_bookable_slot

    def someone_books_just_after_the_check(slot_id, **kwargs):
        found = checked(slot_id, **kwargs)
        Booking.objects.create(slot=found, member=finn, created_at=NOW)
        return found

    monkeypatch.setattr(actions, "_lock_bookable_slot", someone_books_just_after_the_check)
    with pytest.raises(BookingError, match="Someone else has just booked"):
        reschedule_booking(booking=booking, slot_id=later.pk, now=NOW)
    booking.refresh_from_db()
    assert booking.status == "booked"
    assert Booking.objects.get(status="booked") == booking


def test_moving_to_another_coach_or_the_same_time_gets_clear_words(
    alice_client, alice, coach, other_coach, slot
):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    elsewhere = make_slot(other_coach, TUESDAY_SIX + timedelta(days=1))
    url = f"/coaching/bookings/{booking.pk}/move/"
    response = alice_client.post(url, {"slot": elsewhere.pk})
    assert response.status_code == 400
    assert "Please choose one of Morgan&#x27;s open times" in response.content.decode()
    response = alice_client.post(url, {"slot": slot.pk})
    assert "That is already your session&#x27;s time." in response.content.decode()
    for bad in ("", "soon", "-4", "1e9", "99999999999999999999999"):
        response = alice_client.post(url, {"slot": bad})
        assert response.status_code == 400
        assert "Please choose one of the open times." in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_a_cancelled_session_cannot_be_moved(alice_client, alice, coach, slot):
    booking = book_slot(member=alice, slot_id=slot.pk, now=NOW)
    cancel_booking(booking=booking, by=alice, now=NOW)
    later = make_slot(coach, TUESDAY_SIX + timedelta(days=2))
    url = f"/coaching/bookings/{booking.pk}/move/"
    assert "This session is cancelled." in alice_client.get(url).content.decode()
    response = alice_client.post(url, {"slot": later.pk})
    assert "This session is already cancelled." in response.content.decode()
    assert not Booking.objects.filter(slot=later).exists()


def test_the_coach_sees_their_upcoming_sessions(
    client_for, alice, coach, slot, django_assert_max_num_queries
):
    book_slot(member=alice, slot_id=slot.pk, now=NOW)
    browser = client_for(coach.user)
    with django_assert_max_num_queries(8):
        page = browser.get("/coaching/sessions/").content.decode()
    assert "Tuesday 3 March, 18:00–19:00" in page
    assert "with Alice" in page
