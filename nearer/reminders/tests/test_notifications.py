"""In-app notifications: each member sees only their own, on Today and at /notifications/."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from nearer.reminders.models import Notification


@pytest.fixture
def alices(alice):
    return [
        Notification.objects.create(user=alice, text=f"A small step for today: {i}")
        for i in range(3)
    ]


def test_member_sees_their_own_notifications(alice_client, alices, bob):
    Notification.objects.create(user=bob, text="Something only Bob should see")
    response = alice_client.get(reverse("notifications"))
    assert response.status_code == 200
    assert b"A small step for today: 2" in response.content
    assert b"only Bob" not in response.content


def test_notification_page_reads_in_a_fixed_number_of_queries(
    alice_client, alice, django_assert_max_num_queries
):
    for i in range(60):
        Notification.objects.create(user=alice, text=f"n{i}")
    with django_assert_max_num_queries(8):
        response = alice_client.get(reverse("notifications"))
    assert len(response.context["notifications"]) == 50


def test_an_empty_list_says_what_will_appear(alice_client):
    response = alice_client.get(reverse("notifications"))
    assert b"Nothing here yet." in response.content


def test_mark_all_as_read_touches_only_my_notifications(alice_client, alices, bob):
    bobs = Notification.objects.create(user=bob, text="Bob's")
    response = alice_client.post(reverse("notifications_read"))
    assert response.status_code == 302
    assert response["Location"] == reverse("notifications")
    assert not Notification.objects.filter(user__email="alice@example.com").unread().exists()
    bobs.refresh_from_db()
    assert bobs.read_at is None


def test_mark_as_read_returns_to_a_page_on_this_site_only(alice_client, alices):
    response = alice_client.post(reverse("notifications_read"), {"next": "/today/"})
    assert response["Location"] == "/today/"
    response = alice_client.post(reverse("notifications_read"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("notifications")


def test_mark_as_read_with_htmx_removes_the_card(alice_client, alices):
    response = alice_client.post(reverse("notifications_read"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content == b""


def test_mark_as_read_needs_a_post(alice_client):
    assert alice_client.get(reverse("notifications_read")).status_code == 405


def test_visitors_are_asked_to_log_in(client):
    assert client.get(reverse("notifications")).status_code == 302


def test_today_snippet_lists_unread_notifications(alice, alices):
    request = RequestFactory().get("/today/")
    request.user = alice
    unread = Notification.objects.visible_to(alice).unread()[:3]
    html = render_to_string(
        "reminders/_notifications.html", {"notifications": unread, "user": alice}, request
    )
    assert "A small step for today: 0" in html
    assert reverse("notifications_read") in html
    assert 'name="next" value="/today/"' in html


def test_today_snippet_is_empty_without_notifications(alice):
    html = render_to_string("reminders/_notifications.html", {"notifications": [], "user": alice})
    assert html.strip() == ""
