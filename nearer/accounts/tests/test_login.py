import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def test_member_logs_in_and_out(client, alice, password):
    response = client.post(LOGIN, {"login": "alice@example.com", "password": password})
    assert response.status_code == 302
    assert client.get("/partner/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/partner/").status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_answer(client, alice):
    known = client.post(LOGIN, {"login": "alice@example.com", "password": "not-her-password"})
    unknown = client.post(LOGIN, {"login": "nobody@example.com", "password": "not-her-password"})
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_repeated_failed_logins_are_slowed_down(client, alice, password):
    for _ in range(5):
        client.post(LOGIN, {"login": "alice@example.com", "password": "wrong-guess"})
    response = client.post(LOGIN, {"login": "alice@example.com", "password": password})
    assert response.status_code in (200, 429)
    assert "too many" in response.content.decode().lower()
    assert client.get("/partner/").status_code == 302


def test_login_form_needs_csrf(alice, password):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(LOGIN, {"login": "alice@example.com", "password": password})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "data",
    [{}, {"login": ""}, {"login": "x" * 5000, "password": "y"}, {"login": ["a", "b"]}],
)
def test_login_rejects_malformed_input_without_an_error_page(client, data):
    response = client.post(LOGIN, data)
    assert response.status_code == 200
