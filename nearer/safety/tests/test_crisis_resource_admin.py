import pytest

from nearer.safety.models import CrisisResource

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/safety/crisisresource/"
ADD = "/admin/safety/crisisresource/add/"


def new_resource_form(**fields) -> dict:
    form = {
        "country": "NZ",
        "name": "Need to talk? 1737",
        "purpose": "Someone to talk to, any time.",
        "phone": "1737",
        "text_contact": "",
        "url": "",
        "available_hours": "24/7",
        "last_verified": "2026-11-23",
        "order": "0",
        "is_active": "on",
    }
    form.update(fields)
    return form


def test_operator_sees_every_resource_in_the_admin(admin_client):
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.context["cl"].result_count == CrisisResource.objects.count()
    assert "Samaritans" in response.content.decode()


def test_operator_can_filter_resources_by_country(admin_client):
    response = admin_client.get(CHANGELIST, {"country__exact": "GB"})
    shown = {r.country for r in response.context["cl"].result_list}
    assert shown == {"GB"}


def test_operator_can_search_resources(admin_client):
    response = admin_client.get(CHANGELIST, {"q": "Women's Aid"})
    assert [r.name for r in response.context["cl"].result_list] == ["Women's Aid"]


def test_operator_adds_a_resource_for_a_new_country(admin_client):
    response = admin_client.post(ADD, new_resource_form())
    assert response.status_code == 302
    assert CrisisResource.objects.get(country="NZ").phone == "1737"


def test_admin_explains_a_resource_needs_a_way_to_reach_it(admin_client):
    response = admin_client.post(ADD, new_resource_form(phone=""))
    assert response.status_code == 200
    assert "at least one way to reach them" in response.content.decode()
    assert not CrisisResource.objects.filter(country="NZ").exists()


def test_admin_explains_a_lowercase_country_code(admin_client):
    response = admin_client.post(ADD, new_resource_form(country="nz"))
    assert response.status_code == 200
    assert "two-letter country code in capitals" in response.content.decode()


def test_members_cannot_reach_the_crisis_resource_admin(alice_client):
    response = alice_client.get(CHANGELIST)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
