from io import StringIO

import pytest
from django.core.management import call_command

from nearer.accounts.models import User

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
    assert User.objects.count() == 2


def test_demo_member_can_log_in_with_the_printed_password(client):
    out = StringIO()
    call_command("create_demo_couple", stdout=out)
    password = out.getvalue().split("Sam: sam@demo.nearer.invalid  password: ")[1].split()[0]
    response = client.post(
        "/accounts/login/", {"login": "sam@demo.nearer.invalid", "password": password}
    )
    assert response.status_code == 302
    assert "Alex" in client.get("/partner/").content.decode()
