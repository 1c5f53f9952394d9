from django.urls import reverse

from nearer.exports.models import CalendarFeed


def test_calendar_page_asks_to_log_in(client):
    response = client.get(reverse("calendar_settings"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_calendar_address_starts_off(alice_client):
    response = alice_client.get(reverse("calendar_settings"))

    assert response.status_code == 200
    assert b"Turn on my calendar address" in response.content
    assert not CalendarFeed.objects.exists()


def test_turning_on_shows_a_private_address_to_copy(alice_client, alice):
    response = alice_client.post(reverse("calendar_new"), follow=True)

    feed = CalendarFeed.objects.get(owner=alice)
    assert len(feed.token) >= 32
    feed_url = "http://testserver" + reverse("calendar_feed", args=[feed.token])
    assert feed_url.encode() in response.content
    assert b"webcal://testserver/calendar/" in response.content
    assert b"Your calendar address is ready." in response.content


def test_making_a_new_address_replaces_the_old_one(alice_client, alice):
    old = CalendarFeed.objects.issue(owner=alice).token

    response = alice_client.post(reverse("calendar_new"), follow=True)

    new = CalendarFeed.objects.get(owner=alice).token
    assert new != old
    assert old.encode() not in response.content
    assert new.encode() in response.content
    assert b"The old one stopped working just now." in response.content
    assert alice_client.get(reverse("calendar_feed", args=[old])).status_code == 404


def test_turning_off_removes_the_address(alice_client, alice):
    token = CalendarFeed.objects.issue(owner=alice).token

    response = alice_client.post(reverse("calendar_off"), follow=True)

    assert not CalendarFeed.objects.filter(owner=alice).exists()
    assert b"turned off" in response.content
    assert alice_client.get(reverse("calendar_feed", args=[token])).status_code == 404


def test_changes_need_a_post(alice_client, alice):
    CalendarFeed.objects.issue(owner=alice)

    assert alice_client.get(reverse("calendar_new")).status_code == 405
    assert alice_client.get(reverse("calendar_off")).status_code == 405
    assert CalendarFeed.objects.filter(owner=alice).exists()


def test_page_never_shows_anyone_elses_address(client, alice, bob, carol):
    bobs = CalendarFeed.objects.issue(owner=bob).token
    carols = CalendarFeed.objects.issue(owner=carol).token
    client.force_login(alice)

    response = client.get(reverse("calendar_settings"))

    assert bobs.encode() not in response.content
    assert carols.encode() not in response.content
    assert b"Turn on my calendar address" in response.content


def test_turning_off_leaves_other_members_addresses_alone(alice_client, alice, bob):
    CalendarFeed.objects.issue(owner=alice)
    bobs = CalendarFeed.objects.issue(owner=bob)

    alice_client.post(reverse("calendar_off"))

    assert CalendarFeed.objects.get(owner=bob).token == bobs.token


def test_discreet_members_are_told_events_stay_neutral(alice_client, alice):
    alice.discreet = True
    alice.save()
    CalendarFeed.objects.issue(owner=alice)

    response = alice_client.get(reverse("calendar_settings"))

    assert b"Discreet wording is on" in response.content
