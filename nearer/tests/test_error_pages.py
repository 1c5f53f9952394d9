"""The 404, 403 and 500 pages keep the quick exit, pointing where the operator chose; the 500
page manages it without context processors or the database, which may be what broke. A form
that fails its CSRF check gets the 403 page too, with a gentle line on what to do."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from nearer.safety.tests.helpers import tags
from nearer.views import csrf_failure

pytestmark = [pytest.mark.django_db, pytest.mark.urls("nearer.tests.urls_that_fail")]

EXIT = "https://example.org/news"


@pytest.fixture(autouse=True)
def _exit_url(settings):
    settings.NEARER_QUICK_EXIT_URL = EXIT


def assert_quick_exit(response, status: int) -> None:
    assert response.status_code == status
    exits = [a for a in tags(response, "a") if "data-quick-exit" in a.attrs]
    assert len(exits) == 1, "one quick-exit control"
    assert exits[0].attrs["href"] == EXIT
    assert exits[0].text.strip() == "Exit this page"
    scripts = [s.attrs.get("src") or "" for s in tags(response, "script")]
    assert any(src.endswith("nearer/quick-exit.js") for src in scripts), "Shift 3 times works"


def test_the_404_page_has_the_quick_exit(client):
    response = client.get("/no-such-page/")
    assert_quick_exit(response, 404)
    assert "We couldn't find that page" in response.content.decode()


def test_the_404_page_has_the_quick_exit_for_a_member_too(alice_client):
    assert_quick_exit(alice_client.get("/no-such-page/"), 404)


def test_the_403_page_has_the_quick_exit(client):
    response = client.get("/forbidden/")
    assert_quick_exit(response, 403)
    assert "This page isn't open to you" in response.content.decode()


@pytest.fixture
def raising_client(client):
    client.raise_request_exception = False
    return client


def test_the_500_page_has_the_quick_exit(raising_client):
    response = raising_client.get("/broken/")
    assert_quick_exit(response, 500)
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    hrefs = [a.attrs.get("href") for a in tags(response, "a")]
    assert reverse("too_hard") + "#help" in hrefs


def test_the_500_page_has_the_quick_exit_for_a_member_too(raising_client, alice):
    raising_client.force_login(alice)
    assert_quick_exit(raising_client.get("/broken/"), 500)


def test_the_500_page_needs_no_database(raising_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = raising_client.get("/broken/")
    assert_quick_exit(response, 500)


def test_the_500_page_needs_no_context_processors(raising_client, settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "OPTIONS": {**engine["OPTIONS"], "context_processors": []}}]
    assert_quick_exit(raising_client.get("/broken/"), 500)


def test_if_the_500_template_itself_fails_a_plain_page_still_has_the_exit(
    raising_client, monkeypatch
):
    def broken_template(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr("nearer.views.loader.render_to_string", broken_template)
    response = raising_client.get("/broken/")
    assert response.status_code == 500
    exits = [a for a in tags(response, "a") if "data-quick-exit" in a.attrs]
    assert [a.attrs["href"] for a in exits] == [EXIT]
    assert "Something went wrong on our side" in response.content.decode()


GENTLE = (
    "This form was open too long or came from somewhere else. "
    "Please go back, reload the page and try again."
)


@pytest.fixture
def strict_client():
    """A browser whose forms are checked for their CSRF token, as in real use."""
    return Client(enforce_csrf_checks=True)


def test_a_form_without_its_csrf_token_gets_the_403_page_with_the_quick_exit(strict_client):
    response = strict_client.post(reverse("account_login"), {"login": "a@example.com"})
    assert_quick_exit(response, 403)
    body = html.unescape(response.content.decode())
    assert GENTLE in body
    assert "This form couldn't be sent" in body
    assert "This page isn't open to you" not in body


def test_a_member_whose_form_failed_its_csrf_check_keeps_their_own_menu(strict_client, alice):
    strict_client.force_login(alice)
    response = strict_client.post(reverse("hard_season_end"))
    assert_quick_exit(response, 403)
    body = html.unescape(response.content.decode())
    assert GENTLE in body
    assert reverse("journal") in [a.attrs.get("href") for a in tags(response, "a")]


def test_if_the_403_template_fails_a_plain_page_still_has_the_exit_and_the_words(
    strict_client, monkeypatch
):
    def broken_template(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr("nearer.views.loader.render_to_string", broken_template)
    response = strict_client.post(reverse("account_login"), {"login": "a@example.com"})
    assert response.status_code == 403
    exits = [a for a in tags(response, "a") if "data-quick-exit" in a.attrs]
    assert [a.attrs["href"] for a in exits] == [EXIT]
    assert GENTLE in html.unescape(response.content.decode())


def test_the_403_page_needs_no_request_to_be_drawn(rf, monkeypatch):
    """Should drawing with the request fail (a context processor, the session), the page is
    drawn again without it, still the site's page with the exit."""
    from django.template import loader

    draw = loader.render_to_string

    def without_request_only(name, context=None, request=None):
        if request is not None:
            raise RuntimeError("the session store is down")
        return draw(name, context)

    monkeypatch.setattr("nearer.views.loader.render_to_string", without_request_only)
    response = csrf_failure(rf.post("/"), reason="CSRF cookie not set.")
    assert_quick_exit(response, 403)
    assert GENTLE in html.unescape(response.content.decode())
