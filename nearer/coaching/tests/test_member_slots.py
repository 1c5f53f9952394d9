"""A member sees open times in their own time zone, grouped by their own days, with each
coach's name and a few words about them."""

import re
from datetime import time, timedelta

from conftest import make_member
from nearer.coaching.actions import book_slot
from nearer.coaching.slots import sync_slots
from nearer.coaching.tests.conftest import NOW
from nearer.coaching.tests.helpers import make_slot, utc, weekly


def main_of(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def day_sections(page: str) -> dict[str, list[str]]:
    """{day heading: [slot times]} in the order the page shows them."""
    sections: dict[str, list[str]] = {}
    for heading, body in re.findall(
        r"<h3>([^<]+)</h3>\s*<ul class=\"coaching-slots\">(.*?)</ul>", page, re.S
    ):
        sections[heading] = re.findall(r'coaching-slot-time">([^<]+)<', body)
    return sections


def test_a_member_in_new_york_sees_a_london_coach_in_new_york_time(alice, coach, client_for):
    alice.time_zone = "America/New_York"
    alice.save()
    weekly(coach, 0, time(18), time(19))  # Mondays 18:00 London
    sync_slots(coach, now=NOW, weeks=5)
    page = main_of(client_for(alice).get("/coaching/"))
    assert "Times are in your time zone, America/New York." in page
    assert day_sections(page) == {
        "Monday 2 March": ["13:00–14:00"],  # GMT and EST: 5 hours apart
        "Monday 9 March": ["14:00–15:00"],  # New York has moved its clocks, London not yet
        "Monday 16 March": ["14:00–15:00"],
        "Monday 23 March": ["14:00–15:00"],
        "Monday 30 March": ["13:00–14:00"],  # both on summer time
    }


def test_slots_are_grouped_by_the_members_own_days(erin, other_coach, client_for):
    erin.time_zone = "Asia/Tokyo"
    erin.save()
    weekly(other_coach, 0, time(19), time(21))  # Monday evening in New York
    sync_slots(other_coach, now=NOW, weeks=1)
    page = main_of(client_for(erin).get("/coaching/"))
    # 19:00 and 20:00 EST on Monday are 09:00 and 10:00 on Tuesday in Tokyo.
    assert day_sections(page) == {"Tuesday 3 March": ["09:00–10:00", "10:00–11:00"]}
    assert "with Quinn" in page


def test_the_page_shows_each_coach_with_their_bio(alice_client, coach, other_coach):
    make_slot(coach, NOW + timedelta(days=1))
    page = main_of(alice_client.get("/coaching/"))
    assert "<h3>Morgan</h3>" in page
    assert "I help people find one small next step they can take this week." in page
    assert "<h3>Quinn</h3>" in page
    assert "video.example" not in page  # how to meet is for booked members only


def test_only_open_future_slots_are_offered(alice_client, erin, coach, other_coach):
    open_slot = make_slot(coach, NOW + timedelta(hours=2))
    make_slot(coach, NOW - timedelta(hours=2))  # past
    started = make_slot(coach, NOW - timedelta(minutes=10))  # under way
    booked = make_slot(coach, NOW + timedelta(hours=3))
    book_slot(member=erin, slot_id=booked.pk, now=NOW)
    withdrawn = make_slot(coach, NOW + timedelta(hours=4))
    withdrawn.withdrawn_at = NOW
    withdrawn.save()
    make_slot(other_coach, NOW + timedelta(hours=5))
    other_coach.is_active = False
    other_coach.save()
    page = main_of(alice_client.get("/coaching/"))
    assert re.findall(r"/coaching/slots/(\d+)/book/", page) == [str(open_slot.pk)]
    assert started.pk != open_slot.pk


def test_a_coach_is_not_offered_their_own_times(coach, other_coach, client_for):
    make_slot(coach, NOW + timedelta(hours=2))
    theirs = make_slot(other_coach, NOW + timedelta(hours=2))
    page = main_of(client_for(coach.user).get("/coaching/"))
    assert re.findall(r"/coaching/slots/(\d+)/book/", page) == [str(theirs.pk)]
    assert "You're a coach here" in page


def test_the_members_own_sessions_are_listed_in_their_time(alice, alice_client, coach):
    alice.time_zone = "Europe/Paris"
    alice.save()
    book_slot(member=alice, slot_id=make_slot(coach, utc(2026, 3, 3, 18)).pk, now=NOW)
    page = main_of(alice_client.get("/coaching/"))
    assert "Your sessions" in page
    assert "Tuesday 3 March, 19:00–20:00" in page


def test_with_no_open_times_the_page_says_so_kindly(alice_client):
    page = main_of(alice_client.get("/coaching/"))
    assert "No open times right now." in page
    assert "not therapy or a crisis service" in page


def test_discreet_members_see_a_plain_page_title(alice, alice_client):
    alice.discreet = True
    alice.save()
    assert "<title>Appointments · Nearer</title>" in alice_client.get("/coaching/").content.decode()


def test_the_page_needs_a_login(client):
    response = client.get("/coaching/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_the_page_takes_a_few_queries_however_many_slots(
    alice, alice_client, coach, other_coach, django_assert_max_num_queries
):
    third = make_member("sam@example.com", "Sam")
    from nearer.coaching.models import CoachProfile

    CoachProfile.objects.create(user=third, display_name="Sam", time_zone="Asia/Tokyo")
    for c in (coach, other_coach):
        weekly(c, 0, time(9), time(17), minutes=30)
        weekly(c, 3, time(9), time(17), minutes=30)
        sync_slots(c, now=NOW, weeks=4)
    book_slot(member=alice, slot_id=coach.slots.last().pk, now=NOW)
    with django_assert_max_num_queries(8):
        response = alice_client.get("/coaching/")
    page = response.content.decode()
    assert page.count("/book/") == 128  # Quinn's times
    # Morgan's: Alice has a session there; Morgan's first time (now) and hers are not open.
    assert page.count("Move my session here") == 126
