"""A booking is the member's and their coach's alone: everyone else gets a 404 for every
booking address, and nothing about coaching ever reaches the partner."""

from datetime import timedelta

import pytest
from django.core import mail

from nearer.coaching.actions import book_slot, claim_due_reminders
from nearer.coaching.models import Booking
from nearer.coaching.tests.conftest import NOW
from nearer.coaching.tests.helpers import make_goal, make_slot, run_worker, utc, visible_text
from nearer.reminders.models import Notification

SESSION = utc(2026, 3, 4, 18)


@pytest.fixture
def goal(alice):
    return make_goal(alice, "Say one kind thing at breakfast", is_shared=True)


@pytest.fixture
def booking(alice, coach, goal):
    booking = book_slot(member=alice, slot_id=make_slot(coach, SESSION).pk, now=NOW)
    booking.shared_goals.set([goal])
    return booking


def booking_urls(booking, goal) -> list[tuple[str, str]]:
    base = f"/coaching/bookings/{booking.pk}"
    return [
        ("get", f"{base}/"),
        ("get", f"/appointments/{booking.pk}/"),
        ("post", f"{base}/share/"),
        ("get", f"{base}/cancel/"),
        ("post", f"{base}/cancel/"),
        ("get", f"{base}/move/"),
        ("post", f"{base}/move/"),
        ("get", f"{base}/goals/{goal.pk}/"),
    ]


@pytest.mark.parametrize("who", ["bob", "carol", "erin", "other_coach"])
def test_no_one_else_can_reach_any_booking_address(request, booking, goal, client_for, who):
    person = request.getfixturevalue(who)
    browser = client_for(getattr(person, "user", person))
    later = make_slot(booking.slot.coach, SESSION + timedelta(days=1))
    for method, url in booking_urls(booking, goal):
        data = {"goals": [goal.pk], "slot": later.pk} if method == "post" else None
        response = getattr(browser, method)(url, data)
        assert response.status_code == 404, (who, method, url)
    booking.refresh_from_db()
    assert booking.status == "booked"
    assert list(booking.shared_goals.all()) == [goal]
    assert Booking.objects.count() == 1


def test_the_coach_cannot_change_what_is_shared_or_move_the_session(
    booking, goal, coach, client_for
):
    browser = client_for(coach.user)
    later = make_slot(coach, SESSION + timedelta(days=1))
    base = f"/coaching/bookings/{booking.pk}"
    assert browser.post(f"{base}/share/", {"goals": []}).status_code == 404
    assert browser.get(f"{base}/move/").status_code == 404
    assert browser.post(f"{base}/move/", {"slot": later.pk}).status_code == 404
    assert list(booking.shared_goals.all()) == [goal]


def test_a_coach_whose_role_ended_loses_every_booking_at_once(booking, goal, coach, client_for):
    coach.is_active = False
    coach.save()
    browser = client_for(coach.user)
    for method, url in booking_urls(booking, goal):
        if method == "get":
            assert browser.get(url).status_code == 404, url
    assert browser.get("/coaching/sessions/").status_code == 404


def test_the_member_and_the_coach_each_reach_their_pages(
    booking, goal, alice_client, coach, client_for
):
    base = f"/coaching/bookings/{booking.pk}"
    assert alice_client.get(f"{base}/").status_code == 200
    assert alice_client.get(f"/appointments/{booking.pk}/").url == f"{base}/"
    assert alice_client.get(f"{base}/move/").status_code == 200
    assert alice_client.get(f"{base}/goals/{goal.pk}/").status_code == 404  # the coach's view
    coach_browser = client_for(coach.user)
    assert coach_browser.get(f"{base}/").status_code == 200
    assert coach_browser.get(f"{base}/goals/{goal.pk}/").status_code == 200


def test_visitors_are_asked_to_log_in(booking, goal, client):
    for method, url in booking_urls(booking, goal):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")


def test_the_partner_sees_nothing_about_coaching_anywhere(
    alice, bob, coach, goal, client_for, clock
):
    """Bob's pages read the same, word for word, before and after Alice books a session,
    shares the goal they can both see, and is reminded of it."""
    browser = client_for(bob)
    pages = [
        "/",
        "/today/",
        "/partner/",
        "/goals/",
        f"/goals/{goal.pk}/",
        "/notifications/",
        "/coaching/",
    ]
    before = {url: visible_text(browser.get(url)) for url in pages}

    booking = book_slot(member=alice, slot_id=make_slot(coach, SESSION).pk, now=NOW)
    alice_browser = client_for(alice)
    alice_browser.post(f"/coaching/bookings/{booking.pk}/share/", {"goals": [goal.pk]})
    run_worker()
    claim_due_reminders(now=SESSION - timedelta(hours=24))
    clock.move_to(SESSION - timedelta(hours=24))
    run_worker()
    clock.move_to(NOW)

    after = {url: visible_text(browser.get(url)) for url in pages}
    for url in pages:
        assert after[url] == before[url], url
    assert not any("bob@example.com" in e.to for e in mail.outbox)
    assert len(mail.outbox) == 3  # Alice's confirmation and reminder, Morgan's notice
    assert not Notification.objects.filter(user=bob).exists()
