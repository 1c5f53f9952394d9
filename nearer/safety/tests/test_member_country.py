"""A member's own country decides their help lines; the site's default is for everyone else."""

import pytest
from django.contrib.auth.models import AnonymousUser

from nearer.accounts.models import User
from nearer.safety.resources import country_for
from nearer.safety.tests.helpers import by_id

pytestmark = pytest.mark.django_db

URL = "/too-hard/"
FALLBACK = "We don't have numbers for that country yet"


def help_text(response) -> str:
    return " ".join(by_id(response, "help").text.split())


def set_country(user, code: str) -> None:
    User.objects.filter(pk=user.pk).update(country=code)


def test_country_for_is_the_members_own_country(alice, settings):
    settings.NEARER_DEFAULT_COUNTRY = "US"
    alice.country = "GB"
    assert country_for(alice) == "GB"


def test_country_for_falls_back_to_the_default_when_the_member_has_none(alice, settings):
    settings.NEARER_DEFAULT_COUNTRY = "AU"
    assert alice.country == ""
    assert country_for(alice) == "AU"


def test_country_for_a_visitor_is_the_default(settings):
    settings.NEARER_DEFAULT_COUNTRY = "CA"
    assert country_for(None) == "CA"
    assert country_for(AnonymousUser()) == "CA"


def test_the_too_hard_page_opens_on_the_members_own_country(alice_client, alice, settings):
    settings.NEARER_DEFAULT_COUNTRY = "US"
    set_country(alice, "GB")
    response = alice_client.get(URL)
    assert response.context["country"] == "GB"
    text = help_text(response)
    assert "Samaritans" in text
    assert "988 Suicide & Crisis Lifeline" not in text
    assert FALLBACK not in text


def test_an_explicit_country_still_wins_over_the_members_own(alice_client, alice):
    set_country(alice, "GB")
    response = alice_client.get(URL, {"country": "AU"})
    assert response.context["country"] == "AU"
    assert "Samaritans" not in help_text(response)


def test_a_member_with_no_country_sees_the_default(alice_client, settings):
    settings.NEARER_DEFAULT_COUNTRY = "IE"
    response = alice_client.get(URL)
    assert response.context["country"] == "IE"
    assert FALLBACK not in help_text(response)


def test_a_visitor_sees_the_default(client, settings):
    settings.NEARER_DEFAULT_COUNTRY = "GB"
    assert client.get(URL).context["country"] == "GB"


def test_a_members_country_without_numbers_gets_the_default_and_says_so(
    alice_client, alice, settings
):
    settings.NEARER_DEFAULT_COUNTRY = "GB"
    set_country(alice, "DE")
    response = alice_client.get(URL)
    assert response.context["country"] == "GB"
    assert f"{FALLBACK}; here are the ones for United Kingdom." in help_text(response)


def test_a_default_without_numbers_is_not_called_an_unknown_choice(client, settings):
    settings.NEARER_DEFAULT_COUNTRY = "DE"
    assert FALLBACK not in help_text(client.get(URL))
