from io import StringIO

import pytest
from django.core.management import call_command

from nearer.accounts.models import User
from nearer.chat.models import Listener
from nearer.community.models import Group, Moderator

pytestmark = pytest.mark.django_db


def test_demo_couple_is_created_once_and_its_logins_printed_once():
    first, second = StringIO(), StringIO()
    call_command("create_demo_couple", stdout=first)
    call_command("create_demo_couple", stdout=second)
    alex = User.objects.get(email="alex@demo.nearer.invalid")
    sam = User.objects.get(email="sam@demo.nearer.invalid")
    assert alex.partner == sam
    assert alex.emailaddress_set.get().verified
    printed = first.getvalue()
    password = printed.split("Alex: alex@demo.nearer.invalid  password: ")[1].split()[0]
    assert alex.check_password(password)
    assert "password" not in second.getvalue()
    assert User.objects.count() == 3  # the couple and the volunteer


def test_demo_member_can_log_in_with_the_printed_password(client):
    out = StringIO()
    call_command("create_demo_couple", stdout=out)
    password = out.getvalue().split("Sam: sam@demo.nearer.invalid  password: ")[1].split()[0]
    response = client.post(
        "/accounts/login/", {"login": "sam@demo.nearer.invalid", "password": password}
    )
    assert response.status_code == 302
    assert "Alex" in client.get("/partner/").content.decode()


def test_a_demo_volunteer_listens_and_moderates_every_group(client):
    out = StringIO()
    call_command("create_demo_couple", stdout=out)
    jo = User.objects.get(email="jo@demo.nearer.invalid")
    assert jo.partner is None
    assert Listener.objects.active().filter(user=jo).exists()
    assert Group.objects.exists()
    assert Moderator.objects.filter(user=jo).count() == Group.objects.count()
    password = out.getvalue().split("Jo: jo@demo.nearer.invalid  password: ")[1].split()[0]
    client.post("/accounts/login/", {"login": jo.email, "password": password})
    assert client.get("/listen/").status_code == 200
