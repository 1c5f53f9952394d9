from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from nearer.safety.models import CrisisResource, country_name, normalise_country_code
from nearer.safety.tests.helpers import make_resource

pytestmark = pytest.mark.django_db

defaults = import_module("nearer.safety.migrations.0002_default_crisis_resources")


def test_a_resource_with_no_way_to_reach_it_is_refused_by_the_database():
    resource = make_resource(phone="", text_contact="", url="")
    with pytest.raises(IntegrityError), transaction.atomic():
        resource.save()


def test_a_resource_with_no_way_to_reach_it_is_refused_with_a_clear_message():
    resource = make_resource(phone="", text_contact="", url="")
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "at least one way to reach them" in str(error.value)


@pytest.mark.parametrize(
    "contact",
    [
        {"phone": "111"},
        {"text_contact": "Text HELLO to 1234"},
        {"url": "https://example.org"},
    ],
)
def test_any_one_way_to_reach_a_resource_is_enough(contact):
    resource = make_resource(**{"phone": "", **contact})
    resource.full_clean()
    resource.save()
    assert CrisisResource.objects.filter(pk=resource.pk).exists()


@pytest.mark.parametrize("code", ["nz", "N", "NZL", "N1", "ÑZ", ""])
def test_country_must_be_two_capital_letters(code):
    with pytest.raises(ValidationError) as error:
        make_resource(country=code).full_clean()
    assert "country" in error.value.message_dict


@pytest.mark.parametrize("phone", ["call us", "988 or 911", "+", "javascript:alert(1)"])
def test_phone_must_be_a_dialable_number(phone):
    with pytest.raises(ValidationError) as error:
        make_resource(phone=phone).full_clean()
    assert "phone" in error.value.message_dict


@pytest.mark.parametrize(
    ("phone", "href"),
    [("116 123", "tel:116123"), ("1-800-799-7233", "tel:18007997233"), ("+44 808", "tel:+44808")],
)
def test_phone_becomes_a_tel_link_of_digits(phone, href):
    assert make_resource(phone=phone).tel_href == href


def test_website_label_drops_the_scheme():
    assert make_resource(url="https://www.samaritans.org/").website_label == "www.samaritans.org"


def test_active_leaves_out_hidden_resources():
    shown = make_resource(name="Shown")
    hidden = make_resource(name="Hidden", is_active=False)
    shown.save()
    hidden.save()
    active = CrisisResource.objects.active()
    assert shown in active
    assert hidden not in active


def test_for_country_keeps_only_that_country():
    names = set(CrisisResource.objects.for_country("GB").values_list("name", flat=True))
    assert "Samaritans" in names
    assert "988 Suicide & Crisis Lifeline" not in names
    assert set(CrisisResource.objects.for_country("GB").values_list("country", flat=True)) == {"GB"}


def test_countries_lists_each_country_once_by_name_with_unknown_codes_as_themselves():
    make_resource(country="ZA", name="Somewhere new").save()
    countries = CrisisResource.objects.active().countries()
    codes = [code for code, _ in countries]
    assert len(codes) == len(set(codes))
    assert ("GB", "United Kingdom") in countries
    assert ("ZA", "ZA") in countries
    assert [name for _, name in countries] == sorted(name for _, name in countries)


def test_countries_leaves_out_a_country_whose_resources_are_all_hidden():
    make_resource(country="ZA", name="Hidden line", is_active=False).save()
    assert "ZA" not in dict(CrisisResource.objects.active().countries())


def test_country_name_falls_back_to_the_code():
    assert country_name("IE") == "Ireland"
    assert country_name("ZA") == "ZA"


@pytest.mark.parametrize(
    ("raw", "code"),
    [("gb", "GB"), (" us ", "US"), ("GB", "GB"), ("GBR", ""), ("ＧＢ", ""), ("1A", ""), ("", "")],
)
def test_normalise_country_code(raw, code):
    assert normalise_country_code(raw) == code


def test_defaults_cover_the_shipped_countries():
    assert {"US", "GB", "CA", "AU", "IE"} <= set(dict(CrisisResource.objects.countries()))


@pytest.mark.parametrize(
    ("country", "name", "phone"),
    [
        ("US", "988 Suicide & Crisis Lifeline", "988"),
        ("US", "National Domestic Violence Hotline", "1-800-799-7233"),
        ("GB", "Samaritans", "116 123"),
        ("GB", "National Domestic Abuse Helpline", "0808 2000 247"),
        ("CA", "9-8-8 Suicide Crisis Helpline", "988"),
        ("AU", "Lifeline", "13 11 14"),
        ("AU", "1800RESPECT", "1800 737 732"),
        ("IE", "Samaritans", "116 123"),
        ("IE", "Women's Aid", "1800 341 900"),
    ],
)
def test_defaults_carry_the_well_known_numbers(country, name, phone):
    resource = CrisisResource.objects.get(country=country, name=name)
    assert resource.phone == phone
    assert resource.last_verified == date(2026, 11, 23)


def test_every_default_passes_its_own_validation():
    resources = list(CrisisResource.objects.all())
    assert len(resources) >= 10  # the defaults for five countries are there to check
    for resource in resources:
        resource.full_clean()  # raises ValidationError on any bad field


def test_loading_the_defaults_twice_changes_nothing():
    before = list(CrisisResource.objects.order_by("pk").values())
    defaults.load(apps, None)
    assert list(CrisisResource.objects.order_by("pk").values()) == before


def test_loading_the_defaults_leaves_an_operators_own_resources_alone():
    own = make_resource(country="GB", name="Local support line")
    own.save()
    defaults.unload(apps, None)
    assert list(CrisisResource.objects.all()) == [own]
    defaults.load(apps, None)
    assert CrisisResource.objects.count() == len(defaults.RESOURCES) + 1
