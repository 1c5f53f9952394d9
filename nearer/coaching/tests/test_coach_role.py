"""Operators grant and end the coach role in Django admin; only coaches reach coach pages."""

from django.contrib.auth import get_user_model

from nearer.coaching.models import CoachProfile, Slot


def admin_browser(client):
    User = get_user_model()
    operator = User.objects.create_superuser("operator@example.com", "x", display_name="Op")
    client.force_login(operator)
    return client


def profile_form(user, **fields) -> dict:
    return {
        "user": user.pk,
        "display_name": "Erin",
        "bio": "Listening first, then one small step.",
        "meeting_info": "",
        "time_zone": "Europe/Dublin",
        "is_active": "on",
        "availability-TOTAL_FORMS": "1",
        "availability-INITIAL_FORMS": "0",
        "availability-MIN_NUM_FORMS": "0",
        "availability-MAX_NUM_FORMS": "1000",
        "availability-0-weekday": "1",
        "availability-0-start_time": "10:00",
        "availability-0-end_time": "11:00",
        "availability-0-session_minutes": "30",
        **fields,
    }


def test_an_operator_makes_a_member_a_coach_and_their_times_open_at_once(client, erin):
    browser = admin_browser(client)
    assert browser.get("/admin/coaching/coachprofile/add/").status_code == 200
    response = browser.post("/admin/coaching/coachprofile/add/", profile_form(erin))
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = CoachProfile.objects.get(user=erin)
    assert CoachProfile.active_for(erin) == profile
    assert Slot.objects.filter(coach=profile).count() == 8  # two a Tuesday, four weeks


def test_an_unknown_time_zone_is_refused_in_admin(client, erin):
    browser = admin_browser(client)
    response = browser.post(
        "/admin/coaching/coachprofile/add/", profile_form(erin, time_zone="Moon/Crater")
    )
    assert response.status_code == 200
    assert "Please choose a time zone from the list." in response.content.decode()
    assert not CoachProfile.objects.exists()


def test_a_new_coach_finds_their_pages(erin, client_for):
    browser = client_for(erin)
    assert browser.get("/coaching/sessions/").status_code == 404
    CoachProfile.objects.create(user=erin, display_name="Erin")
    assert "You're a coach here" in browser.get("/coaching/").content.decode()
    assert browser.get("/coaching/sessions/").status_code == 200
    assert browser.get("/coaching/availability/").status_code == 200


def test_ending_the_role_closes_the_coach_pages_and_hides_their_times(
    coach, alice_client, client_for
):
    from datetime import timedelta

    from nearer.coaching.tests.conftest import NOW
    from nearer.coaching.tests.helpers import make_slot

    make_slot(coach, NOW + timedelta(days=1))
    assert "with Morgan" in alice_client.get("/coaching/").content.decode()
    coach.is_active = False
    coach.save()
    assert "with Morgan" not in alice_client.get("/coaching/").content.decode()
    assert client_for(coach.user).get("/coaching/sessions/").status_code == 404


def test_a_deactivated_account_is_no_coach(coach):
    coach.user.is_active = False
    coach.user.save()
    assert CoachProfile.active_for(coach.user) is None
    assert not CoachProfile.objects.active().exists()


def test_the_booking_admin_leaves_out_what_members_share(client, coach, alice):
    from datetime import timedelta

    from nearer.coaching.actions import book_slot
    from nearer.coaching.tests.conftest import NOW
    from nearer.coaching.tests.helpers import make_goal, make_slot

    booking = book_slot(member=alice, slot_id=make_slot(coach, NOW + timedelta(days=1)).pk, now=NOW)
    booking.shared_goals.set([make_goal(alice, "Write one warm note")])
    page = admin_browser(client).get(f"/admin/coaching/booking/{booking.pk}/change/")
    assert page.status_code == 200
    assert "warm note" not in page.content.decode()
