import pytest

from nearer.safety.models import CrisisResource
from nearer.safety.tests.helpers import by_id, make_resource, tags

pytestmark = pytest.mark.django_db

URL = "/too-hard/"
FALLBACK = "We don't have numbers for that country yet"


def help_text(response) -> str:
    return " ".join(by_id(response, "help").text.split())


def test_united_kingdom_shows_samaritans_and_not_the_us_lifeline(client):
    text = help_text(client.get(URL, {"country": "GB"}))
    assert "Samaritans" in text
    assert "116 123" in text
    assert "988 Suicide & Crisis Lifeline" not in text


def test_default_country_comes_from_settings(client, settings):
    settings.NEARER_DEFAULT_COUNTRY = "US"
    assert "988 Suicide & Crisis Lifeline" in help_text(client.get(URL))
    settings.NEARER_DEFAULT_COUNTRY = "AU"
    text = help_text(client.get(URL))
    assert "Lifeline" in text
    assert "13 11 14" in text
    assert "988 Suicide & Crisis Lifeline" not in text


def test_lowercase_country_is_understood(client):
    response = client.get(URL, {"country": "ie"})
    text = help_text(response)
    assert "Women's Aid" in text
    assert FALLBACK not in text
    assert response.context["country"] == "IE"


def test_unknown_country_falls_back_to_the_default_with_a_gentle_line(client, settings):
    settings.NEARER_DEFAULT_COUNTRY = "GB"
    text = help_text(client.get(URL, {"country": "ZZ"}))
    assert f"{FALLBACK}; here are the ones for United Kingdom." in text
    assert "Samaritans" in text


def test_no_country_asked_means_no_fallback_line(client):
    assert FALLBACK not in help_text(client.get(URL))
    assert FALLBACK not in help_text(client.get(URL, {"country": ""}))


@pytest.mark.parametrize(
    "country",
    [
        "ZZ",
        "gbr",
        "G",
        "x" * 5000,
        "ÜK",
        "ＧＢ",
        "🇬🇧",
        "ß",
        "\x00",
        "GB' OR '1'='1",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "%00",
        "   ",
        ["GB", "<b>"],
    ],
)
def test_bad_country_input_never_breaks_the_page(client, settings, country):
    settings.NEARER_DEFAULT_COUNTRY = "US"
    response = client.get(URL, {"country": country})
    assert response.status_code == 200
    assert response.context["country"] in {"US", "GB"}
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<b>" not in body


def test_picker_is_a_plain_get_form_listing_each_country(client):
    response = client.get(URL, {"country": "CA"})
    form = next(tag for tag in tags(response, "form") if "country-picker" in tag.classes)
    assert form.attrs["method"] == "get"
    options = {tag.attrs["value"]: "selected" in tag.attrs for tag in tags(response, "option")}
    assert {"US", "GB", "CA", "AU", "IE"} <= set(options)
    assert [code for code, selected in options.items() if selected] == ["CA"]


def test_an_operators_new_country_appears_in_the_picker_and_works(client):
    make_resource(country="NZ", name="Need to talk? 1737", phone="1737").save()
    response = client.get(URL, {"country": "nz"})
    assert "New Zealand" in [tag.text for tag in tags(response, "option")]
    assert "Need to talk? 1737" in help_text(response)
    assert "(New Zealand: 111)" in help_text(response)


def test_hidden_resources_are_not_shown(client):
    CrisisResource.objects.filter(country="GB", name="Shout").update(is_active=False)
    assert "Shout" not in help_text(client.get(URL, {"country": "GB"}))


def test_services_for_someone_afraid_at_home_come_first_inside_the_note(client):
    response = client.get(URL, {"country": "US"})
    note = by_id(response, "afraid").text
    assert "National Domestic Violence Hotline" in note
    assert "988 Suicide & Crisis Lifeline" not in note
    text = help_text(response)
    assert text.index("National Domestic Violence Hotline") < text.index("988 Suicide")


def test_a_country_with_nothing_for_fear_at_home_still_gets_a_gentle_pointer(client):
    make_resource(country="NZ", name="Need to talk? 1737", phone="1737").save()
    note = " ".join(by_id(client.get(URL, {"country": "NZ"}), "afraid").text.split())
    assert "We don't have a service just for this in New Zealand yet" in note


def test_phone_numbers_are_tel_links_and_websites_open_safely(client):
    response = client.get(URL, {"country": "US"})
    links = {tag.attrs["href"]: tag for tag in tags(response, "a")}
    assert "tel:18007997233" in links
    assert "tel:988" in links
    website = links["https://www.thehotline.org"]
    assert set(website.attrs["rel"].split()) >= {"noopener", "noreferrer"}
    assert "Text START to 88788" in help_text(response)


def test_each_resource_says_when_it_was_last_checked(client):
    text = help_text(client.get(URL, {"country": "GB"}))
    assert text.count("Last checked 23 November 2026") == 3
