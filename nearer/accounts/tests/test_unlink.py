import pytest
from django.core import mail

from nearer.accounts.models import Couple

pytestmark = pytest.mark.django_db


def test_either_partner_can_unlink_without_the_others_approval(client, alice, bob):
    client.force_login(bob)
    assert "Alice" in client.get("/partner/unlink/").content.decode()
    response = client.post("/partner/unlink/")
    assert response["Location"] == "/partner/"
    alice.refresh_from_db()
    bob.refresh_from_db()
    assert alice.partner is None and bob.partner is None
    assert not Couple.objects.exists()


def test_unlinking_cuts_access_on_the_very_next_request(client, alice, bob):
    from django.test import Client

    alices_browser = Client()
    alices_browser.force_login(alice)
    assert "Bob" in alices_browser.get("/partner/").content.decode()
    client.force_login(bob)
    client.post("/partner/unlink/")
    # Alice's session is unchanged, yet her very next page knows.
    page = alices_browser.get("/partner/").content.decode()
    assert "Bob" not in page
    assert "Invite your partner" in page


def test_unlinking_sends_no_email(client, alice, bob):
    client.force_login(alice)
    client.post("/partner/unlink/")
    assert mail.outbox == []


def test_after_unlinking_either_can_link_again(client, alice, bob):
    from nearer.accounts import actions

    client.force_login(alice)
    client.post("/partner/unlink/")
    invitation = actions.create_invitation(inviter=alice)
    actions.accept_invitation(invitation=invitation, user=bob)
    alice.refresh_from_db()
    assert alice.partner == bob


def test_unlink_needs_a_post(client, alice, bob):
    client.force_login(alice)
    client.get("/partner/unlink/")
    alice.refresh_from_db()
    assert alice.partner == bob


def test_what_was_shared_with_one_partner_is_never_shown_to_a_later_one(client, alice, bob, erin):
    from datetime import date, timedelta

    from nearer.accounts import actions
    from nearer.goals.models import Goal

    shared = Goal.objects.create(
        owner=alice,
        action="say good morning warmly",
        is_shared=True,
        review_date=date.today() + timedelta(days=28),
    )
    assert shared in Goal.objects.visible_to(bob)
    client.force_login(bob)
    client.post("/partner/unlink/")
    assert shared not in Goal.objects.visible_to(bob)
    invitation = actions.create_invitation(inviter=alice)
    actions.accept_invitation(invitation=invitation, user=erin)
    erin.refresh_from_db()
    assert shared not in Goal.objects.visible_to(erin)
    client.force_login(erin)
    assert client.get(f"/goals/{shared.pk}/").status_code == 404


def test_unlinking_takes_back_shared_journal_entries(client, alice, bob):
    from django.utils import timezone

    from nearer.journal.tests.helpers import write

    entry = write(alice, shared_with_partner=True, shared_at=timezone.now())
    client.force_login(bob)
    client.post("/partner/unlink/")
    entry.refresh_from_db()
    assert entry.shared_with_partner is False
