"""For each booking the member chooses which goals the coach may see (none by default); the
coach sees only those, with their progress, until the member unticks them."""

from datetime import timedelta

import pytest

from nearer.coaching.actions import book_slot, cancel_booking, reschedule_booking
from nearer.coaching.models import SHARE_AFTER_SESSION
from nearer.coaching.tests.conftest import NOW
from nearer.coaching.tests.helpers import make_goal, make_slot, utc
from nearer.goals.models import CheckIn, Shape

SESSION = utc(2026, 3, 4, 18)


@pytest.fixture
def booking(alice, coach):
    return book_slot(member=alice, slot_id=make_slot(coach, SESSION).pk, now=NOW)


@pytest.fixture
def goals(alice):
    hug = make_goal(
        alice, "Give a real hug when I get home", why="I want him to feel I'm glad he's here"
    )
    ask = make_goal(alice, "Ask how he is really doing", shape=Shape.WEEKLY, times_per_week=2)
    CheckIn.objects.create(goal=hug, day=alice.today(), note="He smiled for a long time")
    CheckIn.objects.create(goal=hug, day=alice.today() - timedelta(days=1))
    return hug, ask


def share(browser, booking, *goals):
    return browser.post(f"/coaching/bookings/{booking.pk}/share/", {"goals": [g.pk for g in goals]})


def test_nothing_is_shared_until_the_member_chooses(
    booking, goals, alice_client, client_for, coach
):
    page = alice_client.get(f"/coaching/bookings/{booking.pk}/").content.decode()
    assert "I will give a real hug when I get home every day." in page
    assert "checked" not in page
    coach_page = client_for(coach.user).get(f"/coaching/bookings/{booking.pk}/").content.decode()
    assert "Nothing is shared for this session." in coach_page
    assert "hug" not in coach_page
    for goal in goals:
        assert (
            client_for(coach.user)
            .get(f"/coaching/bookings/{booking.pk}/goals/{goal.pk}/")
            .status_code
            == 404
        )


def test_the_coach_sees_only_the_chosen_goal_with_its_progress(
    booking, goals, alice_client, client_for, coach
):
    hug, ask = goals
    response = share(alice_client, booking, hug)
    assert response.status_code == 302
    coach_browser = client_for(coach.user)
    page = coach_browser.get(f"/coaching/bookings/{booking.pk}/").content.decode()
    assert "I will give a real hug when I get home every day." in page
    assert "this week: 1 of 7" in page  # the week began today, Monday
    assert "ask how he is really doing" not in page

    detail = coach_browser.get(f"/coaching/bookings/{booking.pk}/goals/{hug.pk}/")
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "<h1>Alice's goal</h1>" in text
    assert "I will give a real hug when I get home every day." in text
    assert "Just beginning" in text  # strength in words
    # Never the member's reasons, notes, partner or anything else.
    for private in ("glad he", "smiled", "Bob", "alice@example.com"):
        assert private not in text
        assert private not in page
    unshared = coach_browser.get(f"/coaching/bookings/{booking.pk}/goals/{ask.pk}/")
    assert unshared.status_code == 404


def test_the_coach_reads_progress_in_words_about_the_member(
    booking, goals, alice_client, client_for, coach
):
    hug, ask = goals
    share(alice_client, booking, hug, ask)
    page = client_for(coach.user).get(f"/coaching/bookings/{booking.pk}/").content.decode()
    assert "Just beginning · this week: 1 of 7" in page
    assert "Ready to begin · this week: 0 of 2" in page
    assert "Ready when you are" not in page  # the owner's own words


def test_the_member_revokes_and_the_coach_loses_access_on_the_next_request(
    booking, goals, alice_client, client_for, coach
):
    hug, _ = goals
    share(alice_client, booking, hug)
    coach_browser = client_for(coach.user)
    url = f"/coaching/bookings/{booking.pk}/goals/{hug.pk}/"
    assert coach_browser.get(url).status_code == 200
    response = share(alice_client, booking)  # nothing ticked
    assert response.status_code == 302
    assert coach_browser.get(url).status_code == 404
    page = coach_browser.get(f"/coaching/bookings/{booking.pk}/").content.decode()
    assert "hug" not in page


def test_sharing_with_htmx_answers_with_the_share_section(booking, goals, alice_client):
    hug, _ = goals
    response = alice_client.post(
        f"/coaching/bookings/{booking.pk}/share/",
        {"goals": [hug.pk]},
        headers={"HX-Request": "true"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert text.lstrip().startswith('<section class="card coaching-share" id="share"')
    assert "Saved. Morgan can see 1 goal and how it&#x27;s going, for this session only." in text
    assert "checked" in text


def test_the_coach_cannot_open_the_goal_page_or_the_journal(
    booking, goals, alice_client, client_for, coach
):
    from nearer.journal.tests.helpers import write

    hug, _ = goals
    share(alice_client, booking, hug)
    entry = write(booking.member, title="Tuesday", body="private words")
    coach_browser = client_for(coach.user)
    assert coach_browser.get(f"/goals/{hug.pk}/").status_code == 404
    assert coach_browser.get(f"/journal/{entry.pk}/").status_code == 404


@pytest.mark.parametrize("whose", ["partner", "other couple", "nonsense"])
def test_only_the_members_own_goals_can_be_shared(
    booking, goals, alice_client, bob, carol, client_for, coach, whose
):
    hug, _ = goals
    share(alice_client, booking, hug)
    bobs = make_goal(bob, "Make tea on Sunday", is_shared=True)
    carols = make_goal(carol, "Walk after dinner")
    value = {"partner": bobs.pk, "other couple": carols.pk, "nonsense": "'; DROP"}[whose]
    response = alice_client.post(f"/coaching/bookings/{booking.pk}/share/", {"goals": [value]})
    assert response.status_code == 400
    assert "Please choose from your own goals in the list." in response.content.decode()
    assert list(booking.shared_goals.all()) == [hug]  # unchanged
    assert (
        client_for(coach.user).get(f"/coaching/bookings/{booking.pk}/goals/{bobs.pk}/").status_code
        == 404
    )


def test_a_cancelled_session_shares_nothing_any_more(
    booking, goals, alice_client, client_for, coach
):
    hug, _ = goals
    share(alice_client, booking, hug)
    cancel_booking(booking=booking, by=booking.member, now=NOW)
    assert (
        client_for(coach.user).get(f"/coaching/bookings/{booking.pk}/goals/{hug.pk}/").status_code
        == 404
    )
    assert not booking.shared_goals.exists()
    response = share(alice_client, booking, hug)
    assert response.status_code == 302
    assert not booking.shared_goals.exists()


def test_sharing_ends_a_week_after_the_session(
    booking, goals, alice_client, client_for, coach, clock
):
    hug, _ = goals
    share(alice_client, booking, hug)
    url = f"/coaching/bookings/{booking.pk}/goals/{hug.pk}/"
    clock.move_to(booking.slot.ends_at + SHARE_AFTER_SESSION - timedelta(minutes=1))
    assert client_for(coach.user).get(url).status_code == 200
    clock.move_to(booking.slot.ends_at + SHARE_AFTER_SESSION + timedelta(minutes=1))
    assert client_for(coach.user).get(url).status_code == 404


def test_what_is_shared_moves_with_the_session(booking, goals, alice_client, client_for, coach):
    hug, _ = goals
    share(alice_client, booking, hug)
    new = reschedule_booking(
        booking=booking, slot_id=make_slot(coach, SESSION + timedelta(days=1)).pk, now=NOW
    )
    coach_browser = client_for(coach.user)
    assert coach_browser.get(f"/coaching/bookings/{new.pk}/goals/{hug.pk}/").status_code == 200
    assert coach_browser.get(f"/coaching/bookings/{booking.pk}/goals/{hug.pk}/").status_code == 404


def test_a_shared_goal_is_seen_only_for_its_own_booking(
    booking, goals, alice_client, erin, client_for, coach
):
    """Erin's booking with the same coach opens nothing of Alice's."""
    hug, _ = goals
    share(alice_client, booking, hug)
    erins = book_slot(
        member=erin, slot_id=make_slot(coach, SESSION + timedelta(hours=2)).pk, now=NOW
    )
    url = f"/coaching/bookings/{erins.pk}/goals/{hug.pk}/"
    assert client_for(coach.user).get(url).status_code == 404


def test_a_refused_choice_with_htmx_comes_back_as_a_fragment_to_swap(booking, goals, alice_client):
    response = alice_client.post(
        f"/coaching/bookings/{booking.pk}/share/",
        {"goals": ["424242"]},
        headers={"HX-Request": "true"},
    )
    text = response.content.decode()
    assert response.status_code == 200  # htmx swaps only successful answers
    assert text.lstrip().startswith('<section class="card coaching-share" id="share"')
    assert "Please choose from your own goals in the list." in text
    assert not booking.shared_goals.exists()
