import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from nearer.accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


def signup(client, email="new@example.com", name="Nia", password="gentle-lantern-42"):
    return client.post(
        SIGNUP,
        {"email": email, "display_name": name, "password1": password, "password2": password},
    )


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_signup_sends_a_verification_email_and_keeps_the_member_logged_out(client):
    response = signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="new@example.com")
    assert user.display_name == "Nia"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert client.get("/partner/")["Location"].startswith("/accounts/login/")


def test_following_the_email_link_verifies_and_logs_the_member_in(client):
    signup(client)
    link = confirmation_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new@example.com").verified
    assert client.get("/partner/").status_code == 200


def test_unverified_member_cannot_log_in_until_they_verify(client):
    signup(client)
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new@example.com", "password": "gentle-lantern-42"}
    )
    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/partner/").status_code == 302


def test_signup_with_a_known_email_answers_like_a_new_one(client, alice):
    known = signup(client, email="alice@example.com")
    client.logout()
    unknown = signup(client, email="someone-new@example.com")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert User.objects.filter(email="alice@example.com").count() == 1
    # The owner of the known address hears about it by email, not the person signing up.
    assert any("alice@example.com" in m.to for m in mail.outbox)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "display_name": "N", "password1": "", "password2": ""}, "required"),
        ({"email": "not-an-email"}, "valid email"),
        ({"display_name": ""}, "Please tell us what to call you."),
        ({"display_name": "   "}, "Please tell us what to call you."),
        ({"display_name": "x" * 61}, "60 characters or fewer"),
        ({"password1": "password123", "password2": "password123"}, "too common"),
        ({"password1": "short", "password2": "short"}, "too short"),
        ({"password1": "12345678901234", "password2": "12345678901234"}, "entirely numeric"),
        ({"password2": "something-else-entirely"}, "same password"),
        ({"email": "a@" + "b" * 300 + ".com"}, "valid email"),
    ],
)
def test_signup_rejects_bad_input_with_a_clear_message(client, data, message):
    form = {
        "email": "new@example.com",
        "display_name": "Nia",
        "password1": "gentle-lantern-42",
        "password2": "gentle-lantern-42",
        **data,
    }
    response = client.post(SIGNUP, form)
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not User.objects.filter(email=form["email"]).exists()


def test_passwords_are_hashed_with_argon2(client):
    signup(client)
    assert User.objects.get(email="new@example.com").password.startswith("argon2")
