"""Odd input anywhere in coaching gets a clear answer and changes nothing; never a 500."""

from datetime import timedelta

import pytest

from nearer.coaching.actions import book_slot
from nearer.coaching.models import Availability, Booking
from nearer.coaching.tests.conftest import NOW
from nearer.coaching.tests.helpers import make_goal, make_slot

ODD = [
    "",
    " ",
    "<script>alert(1)</script>",
    "🙂🙂",
    "十八時",
    "x" * 50_000,
    "18:00' OR 1=1 --",
    "-1",
    "0",
    "99999999999999999999999",
    "1.5",
    "\x00",
]


@pytest.fixture
def booking(alice, coach):
    return book_slot(member=alice, slot_id=make_slot(coach, NOW + timedelta(days=2)).pk, now=NOW)


@pytest.mark.parametrize("value", ODD)
def test_odd_availability_never_breaks_the_page(coach, client_for, value):
    data = {
        "time_zone": value or "Europe/London",
        "rows-TOTAL_FORMS": "1",
        "rows-INITIAL_FORMS": "0",
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "28",
        "rows-0-weekday": value,
        "rows-0-start_time": value,
        "rows-0-end_time": value,
        "rows-0-session_minutes": value,
    }
    response = client_for(coach.user).post("/coaching/availability/", data)
    assert response.status_code in (302, 400)
    assert not Availability.objects.exists()


@pytest.mark.parametrize("value", ["x" * 50_000, "1e3", "🙂", "abc", ""])
def test_an_odd_form_count_gets_a_gentle_message(coach, client_for, value):
    data = {"time_zone": "Europe/London", "rows-TOTAL_FORMS": value, "rows-INITIAL_FORMS": value}
    response = client_for(coach.user).post("/coaching/availability/", data)
    assert response.status_code == 400
    assert "Please try again" in response.content.decode()


@pytest.mark.parametrize("value", ODD)
def test_odd_goal_choices_never_break_sharing(booking, alice, alice_client, value):
    goal = make_goal(alice, "Say good morning warmly")
    booking.shared_goals.set([goal])
    response = alice_client.post(f"/coaching/bookings/{booking.pk}/share/", {"goals": [value]})
    if value.strip():
        assert response.status_code == 400
        assert "Please choose from your own goals in the list." in response.content.decode()
        assert list(booking.shared_goals.all()) == [goal]
    else:
        assert response.status_code in (302, 400)


@pytest.mark.parametrize("value", ODD)
def test_odd_slot_choices_never_break_moving(booking, alice_client, value):
    response = alice_client.post(f"/coaching/bookings/{booking.pk}/move/", {"slot": value})
    assert response.status_code == 400
    assert "Please choose one of the open times." in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_a_foreign_slot_id_in_the_address_gets_clear_words(alice_client):
    response = alice_client.post("/coaching/slots/424242/book/", follow=True)
    assert "That time is no longer offered." in response.content.decode()
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/coaching/slots/abc/book/",
        "/coaching/slots/-1/book/",
        "/coaching/bookings/1.5/",
        "/coaching/bookings/%F0%9F%99%82/",
        "/coaching/bookings/99999999999999999999/",
        "/coaching/bookings/1/goals/99999999999999999999/",
        "/appointments/0x1/",
    ],
)
def test_odd_addresses_are_a_404(alice_client, url):
    assert alice_client.post(url).status_code == 404
    assert alice_client.get(url).status_code == 404


def test_the_wrong_method_is_refused_politely(booking, alice_client, coach):
    assert alice_client.get(f"/coaching/bookings/{booking.pk}/share/").status_code == 405
    assert alice_client.post("/coaching/").status_code == 405
    assert alice_client.post(f"/coaching/bookings/{booking.pk}/").status_code == 405
