import pytest

from nearer.accounts.models import Couple, Invitation, User

pytestmark = pytest.mark.django_db


def test_member_changes_their_name_time_zone_and_discreet_wording(client, alice):
    client.force_login(alice)
    response = client.post(
        "/account/",
        {"display_name": "  Ali   B  ", "time_zone": "Europe/London", "discreet": "on"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == "Ali B"
    assert alice.time_zone == "Europe/London"
    assert alice.discreet is True


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "x" * 300, "../../etc/passwd"])
def test_an_unknown_time_zone_gets_a_clear_message(client, alice, zone):
    client.force_login(alice)
    response = client.post("/account/", {"display_name": "Alice", "time_zone": zone})
    assert response.status_code == 400
    assert "Please choose a time zone from the list." in response.content.decode()
    alice.refresh_from_db()
    assert alice.time_zone == "UTC"


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "Please tell us what to call you."), ("x" * 61, "60 characters or fewer")],
)
def test_bad_display_names_get_a_clear_message(client, alice, name, message):
    client.force_login(alice)
    response = client.post("/account/", {"display_name": name, "time_zone": "UTC"})
    assert response.status_code == 400
    assert message in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


def test_deleting_an_account_needs_the_password(client, alice):
    client.force_login(alice)
    response = client.post("/account/delete/", {"password": "not it"})
    assert response.status_code == 400
    assert "doesn&#x27;t match" in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_deleting_an_account_removes_the_member_and_their_data(client, erin, password):
    from nearer.accounts import actions

    actions.create_invitation(inviter=erin)
    client.force_login(erin)
    response = client.post("/account/delete/", {"password": password})
    assert response["Location"] == "/"
    assert not User.objects.filter(email="erin@example.com").exists()
    assert not Invitation.objects.exists()
    assert client.get("/partner/").status_code == 302  # logged out


def test_deleting_an_account_unlinks_the_partner_quietly(client, alice, bob, password):
    client.force_login(alice)
    client.post("/account/delete/", {"password": password})
    bob.refresh_from_db()
    assert bob.couple is None and bob.partner is None
    assert not Couple.objects.exists()


def test_deleting_an_account_leaves_no_row_that_points_to_the_member(client, alice, bob, password):
    """Every app's data goes with the account: checked through every foreign key to the user
    model, so an app added later is covered too. Rows that belong to someone else (Bob's
    appreciation to Alice) stay, with their pointer to her cleared."""
    from datetime import date, timedelta

    from django.apps import apps
    from django.conf import settings
    from django.utils import timezone

    from nearer.goals.models import CheckIn, Goal
    from nearer.journal.tests.helpers import write
    from nearer.practices.models import Appreciation, Moment
    from nearer.reminders.models import Notification

    goal = Goal.objects.create(
        owner=alice, action="hug hello", review_date=date.today() + timedelta(days=28)
    )
    CheckIn.objects.create(goal=goal, day=date.today())
    write(alice, title="mine")
    Moment.objects.create(owner=alice, day=date.today())
    Notification.objects.create(user=alice, text="A nudge.")
    from_bob = Appreciation.objects.create(
        author=bob, recipient=alice, text="Thank you", day=date.today(), sent_at=timezone.now()
    )
    pk = alice.pk

    client.force_login(alice)
    client.post("/account/delete/", {"password": password})

    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    pointing = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            points_to_user = (
                field.many_to_one and field.concrete and field.related_model is user_model
            )
            if points_to_user and model.objects.filter(**{field.attname: pk}).exists():
                pointing.append(f"{model._meta.label}.{field.name}")
    assert pointing == []
    assert not CheckIn.objects.filter(goal_id=goal.pk).exists()
    from_bob.refresh_from_db()
    assert from_bob.recipient is None
