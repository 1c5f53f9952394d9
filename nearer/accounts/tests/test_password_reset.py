import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

pytestmark = pytest.mark.django_db

RESET = "/accounts/password/reset/"
NEW = "fresh-morning-light-7"


def reset_link() -> str:
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)[
        1
    ]


def follow_and_set(client, link: str):
    response = client.get(link, follow=True)
    set_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    return response, client.post(set_url, {"password1": NEW, "password2": NEW})


def test_forgotten_password_can_be_reset_by_email(client, alice):
    client.post(RESET, {"email": "alice@example.com"})
    assert len(mail.outbox) == 1
    _, done = follow_and_set(client, reset_link())
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW)


def test_reset_link_stops_working_after_one_hour(client, alice):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client.post(RESET, {"email": "alice@example.com"})
        link = reset_link()
        traveller.shift(timedelta(hours=1, minutes=1))
        page, _ = follow_and_set(client, link)
    assert "invalid" in page.content.decode().lower() or "expired" in page.content.decode().lower()
    alice.refresh_from_db()
    assert not alice.check_password(NEW)


def test_reset_answers_alike_for_known_and_unknown_emails(client, alice):
    known = client.post(RESET, {"email": "alice@example.com"})
    unknown = client.post(RESET, {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_member_can_change_password(client, alice, password):
    client.force_login(alice)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": password, "password1": NEW, "password2": NEW},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW)


def test_change_password_needs_the_current_one(client, alice):
    client.force_login(alice)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "not-it-at-all", "password1": NEW, "password2": NEW},
    )
    assert response.status_code == 200
    alice.refresh_from_db()
    assert not alice.check_password(NEW)
