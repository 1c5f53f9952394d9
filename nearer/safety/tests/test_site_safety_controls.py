"""Every page carries the quick exit and is one click from the too-hard page."""

import pytest
from django.urls import reverse

from nearer.safety.tests.helpers import tags

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/too-hard/", "/accounts/login/", "/accounts/signup/", "/program/"]
MEMBER_PAGES = ["/", "/too-hard/", "/program/", "/partner/"]


def assert_has_safety_controls(response, exit_url: str) -> None:
    assert response.status_code == 200
    links = tags(response, "a")
    exits = [a for a in links if "data-quick-exit" in a.attrs]
    assert len(exits) == 1, "one quick-exit control per page"
    assert exits[0].attrs["href"] == exit_url
    too_hard = reverse("too_hard")
    assert any((a.attrs.get("href") or "").split("#")[0] == too_hard for a in links)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_has_quick_exit_and_a_way_to_the_calm_page(client, settings, path):
    assert_has_safety_controls(client.get(path), settings.NEARER_QUICK_EXIT_URL)


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_every_member_page_has_quick_exit_and_a_way_to_the_calm_page(alice_client, settings, path):
    assert_has_safety_controls(alice_client.get(path), settings.NEARER_QUICK_EXIT_URL)


def test_quick_exit_goes_where_the_operator_chose(client, settings):
    settings.NEARER_QUICK_EXIT_URL = "https://example.org/news"
    assert_has_safety_controls(client.get("/"), "https://example.org/news")


def test_footer_links_straight_to_real_help(client):
    hrefs = [a.attrs.get("href") for a in tags(client.get("/"), "a")]
    assert reverse("too_hard") + "#help" in hrefs
