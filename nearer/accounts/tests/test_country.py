"""A member's country: guessed quietly at signup, theirs to change in Account, never shown to
a partner. It decides which help lines Nearer shows them."""

from types import SimpleNamespace

import pytest

from nearer.accounts.countries import (
    country_from_accept_language,
    country_from_time_zone,
    time_zone_countries,
)
from nearer.accounts.models import User
from nearer.safety.tests.helpers import tags

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
ACCOUNT = "/account/"


def signup(client, *, time_zone=None, **headers):
    data = {
        "email": "new@example.com",
        "display_name": "Nia",
        "password1": "gentle-lantern-42",
        "password2": "gentle-lantern-42",
    }
    if time_zone is not None:
        data["browser_time_zone"] = time_zone
    return client.post(SIGNUP, data, **headers)


def new_member_country(client, **kwargs) -> str:
    response = signup(client, **kwargs)
    assert response.status_code == 302, "signup went through"
    return User.objects.get(email="new@example.com").country


# Signup: the guess.


def test_the_signup_page_carries_the_hidden_time_zone_field_and_its_script(client):
    response = client.get(SIGNUP)
    field = next(t for t in tags(response, "input") if t.attrs.get("name") == "browser_time_zone")
    assert field.attrs["type"] == "hidden"
    scripts = [t.attrs.get("src") or "" for t in tags(response, "script")]
    assert any(src.endswith("accounts/time-zone.js") for src in scripts)


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/London", "GB"),
        ("Europe/Dublin", "IE"),
        ("America/Toronto", "CA"),
        ("America/Chicago", "US"),
        ("Australia/Sydney", "AU"),
        ("Pacific/Auckland", "NZ"),
        ("Europe/Berlin", "DE"),
    ],
)
def test_signup_guesses_the_country_from_the_browsers_time_zone(client, zone, country):
    assert new_member_country(client, time_zone=zone) == country


def test_the_time_zone_wins_over_the_language(client):
    # Many browsers say en-US wherever they are; the time zone says where someone is.
    country = new_member_country(client, time_zone="Europe/Dublin", HTTP_ACCEPT_LANGUAGE="en-US")
    assert country == "IE"


def test_without_javascript_the_language_region_stands_in(client):
    country = new_member_country(client, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert country == "GB"


def test_a_zone_with_no_country_falls_back_to_the_language(client):
    country = new_member_country(client, time_zone="UTC", HTTP_ACCEPT_LANGUAGE="en-AU")
    assert country == "AU"


def test_with_no_hint_at_all_the_country_stays_blank(client):
    assert new_member_country(client, HTTP_ACCEPT_LANGUAGE="en") == ""


@pytest.mark.parametrize(
    "zone",
    ["Mars/Olympus", "x" * 5000, "\x00", "<script>alert(1)</script>", "../../etc/passwd", "ＧＢ"],
)
def test_a_strange_hidden_value_never_stops_signup(client, zone):
    response = signup(client, time_zone=zone, HTTP_ACCEPT_LANGUAGE="\x00" * 3000)
    assert response.status_code == 302
    assert User.objects.get(email="new@example.com").country == ""


def test_a_failed_guess_never_stops_signup(client, monkeypatch):
    def broken(**kwargs):
        raise OSError("the map is missing")

    monkeypatch.setattr("nearer.accounts.forms.guess_country", broken)
    assert new_member_country(client, time_zone="Europe/London") == ""


# The guessing itself.


@pytest.mark.parametrize(
    ("header", "country"),
    [
        ("en-GB", "GB"),
        ("en-gb", "GB"),
        ("en_CA", "CA"),
        ("fr, en-IE;q=0.8", "IE"),
        ("en-US;q=0.5, en-NZ;q=0.9", "NZ"),
        ("zh-Hant-TW", "TW"),
        ("en-UK", "GB"),
        ("es-419, es-MX;q=0.8", "MX"),
        ("en-x-gb", ""),
        ("en", ""),
        ("*", ""),
        ("", ""),
        ("en-GB;q=0", ""),
        ("en-GB;q=nan", ""),
        ("en-GB;q=abc", ""),
        ("de-DE-" + "x" * 2000, ""),
    ],
)
def test_the_language_region_is_read_carefully(header, country):
    assert country_from_accept_language(header) == country


def test_older_zone_names_that_browsers_still_report_are_known():
    assert country_from_time_zone("Asia/Calcutta") == "IN"
    assert country_from_time_zone("US/Eastern") == "US"
    assert country_from_time_zone("Europe/Kiev") == "UA"
    assert country_from_time_zone("Iceland") == "IS"


def test_zones_with_no_single_country_are_not_guessed():
    for zone in ["UTC", "Etc/GMT", "GMT", "CET", "EST", ""]:
        assert country_from_time_zone(zone) == ""


def test_every_zone_in_the_map_gives_a_two_letter_code():
    zones = time_zone_countries()
    assert len(zones) > 400
    assert all(len(code) == 2 and code.isupper() and code.isascii() for code in zones.values())


# Account settings.


def country_options(response) -> dict:
    """The country select's options, value → Tag (the time zone select has options too)."""
    html = response.content.decode()
    start = html.index('<select name="country"')
    select = SimpleNamespace(content=html[start : html.index("</select>", start)].encode())
    return {t.attrs["value"]: t for t in tags(select, "option")}


def account_post(client, **changes):
    data = {"display_name": "Alice", "time_zone": "UTC", "country": "", **changes}
    return client.post(ACCOUNT, data)


def test_the_account_page_offers_each_country_with_help_lines_and_not_set(alice_client):
    response = alice_client.get(ACCOUNT)
    options = {value: t.text for value, t in country_options(response).items()}
    assert options[""] == "Not set"
    assert {"US", "GB", "CA", "AU", "IE"} <= set(options)
    assert options["GB"] == "United Kingdom"
    assert "ZZ" not in options
    assert "decides which help lines Nearer shows you" in response.content.decode()


def test_a_member_chooses_their_country(alice_client, alice):
    assert account_post(alice_client, country="IE").status_code == 302
    alice.refresh_from_db()
    assert alice.country == "IE"
    options = country_options(alice_client.get(ACCOUNT))
    assert [value for value, t in options.items() if "selected" in t.attrs] == ["IE"]


def test_a_member_can_go_back_to_not_set(alice_client, alice):
    User.objects.filter(pk=alice.pk).update(country="GB")
    assert account_post(alice_client, country="").status_code == 302
    alice.refresh_from_db()
    assert alice.country == ""


def test_a_lowercase_code_is_understood(alice_client, alice):
    assert account_post(alice_client, country="ca").status_code == 302
    alice.refresh_from_db()
    assert alice.country == "CA"


@pytest.mark.parametrize(
    "country",
    ["ZZ", "GBR", "G", "x" * 300, "\x00", "ＧＢ", "<script>alert(1)</script>", "' OR 1=1 --"],
)
def test_a_country_not_on_the_list_gets_a_clear_message(alice_client, alice, country):
    User.objects.filter(pk=alice.pk).update(country="GB")
    response = account_post(alice_client, country=country)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Please choose a country from the list." in body
    assert "<script>alert" not in body
    alice.refresh_from_db()
    assert alice.country == "GB"


def test_a_guessed_country_without_help_lines_is_kept_when_other_settings_change(
    alice_client, alice
):
    User.objects.filter(pk=alice.pk).update(country="DE")
    assert "selected" in country_options(alice_client.get(ACCOUNT))["DE"].attrs
    assert account_post(alice_client, country="DE", time_zone="Europe/Berlin").status_code == 302
    alice.refresh_from_db()
    assert (alice.country, alice.time_zone) == ("DE", "Europe/Berlin")


# Private.


def test_the_partner_never_sees_the_members_country(client, alice, bob, settings):
    settings.NEARER_DEFAULT_COUNTRY = "US"
    User.objects.filter(pk=alice.pk).update(country="IE")
    client.force_login(bob)
    for path in ["/", "/partner/"]:
        assert "Ireland" not in client.get(path).content.decode(), path
    # Bob's help lines follow his own country (none set: the site's default), not hers.
    assert client.get("/too-hard/").context["country"] == "US"
