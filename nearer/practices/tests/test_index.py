"""The practices index, its link from Today, and the Pause control on every page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRACTICE_PAGES = [
    "practices",
    "practice_moment",
    "pause",
    "practice_appreciation",
    "appreciation_inbox",
    "appreciation_jar",
    "time_together",
    "time_together_timer",
    "practice_acts",
]


def test_index_lists_each_practice_with_a_line_and_a_link(alice_client):
    response = alice_client.get(reverse("practices"))

    assert response.status_code == 200
    for name in ["practice_moment", "pause", "practice_appreciation", "time_together"]:
        assert f'href="{reverse(name)}"'.encode() in response.content
    assert f'href="{reverse("practice_acts")}"'.encode() in response.content
    assert b"Half a minute of warmth" in response.content


def test_today_links_to_the_practices(alice_client):
    response = alice_client.get(reverse("today"))

    assert f'href="{reverse("practices")}"'.encode() in response.content


@pytest.mark.parametrize("name", PRACTICE_PAGES)
def test_every_practice_page_opens_for_a_member_alone(client, erin, name):
    client.force_login(erin)

    response = client.get(reverse(name))

    assert response.status_code == 200


@pytest.mark.parametrize("name", PRACTICE_PAGES)
def test_practice_pages_ask_a_visitor_to_log_in(client, db, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "path", ["/today/", "/goals/", "/program/", "/partner/", "/practices/acts/", "/notifications/"]
)
def test_pause_is_one_tap_away_from_every_page_when_logged_in(alice_client, path):
    response = alice_client.get(path)

    assert response.status_code == 200
    assert f'href="{reverse("pause")}" data-pause'.encode() in response.content


def test_visitors_see_no_pause_control(client, db):
    response = client.get("/")

    assert b"data-pause" not in response.content


def test_the_index_leads_to_the_gentle_talking_tools(client, alice):
    client.force_login(alice)
    body = client.get("/practices/").content.decode()
    for url in ["/talk/check-in/", "/talk/rephrase/", "/talk/repair/", "/talk/"]:
        assert f'href="{url}"' in body
