from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from nearer.accounts import actions
from nearer.accounts.models import Couple, Invitation, User

pytestmark = pytest.mark.django_db

# Linking first meets the private safety check; these members skip it (its own tests are in
# nearer/safety/tests/test_safety_screen.py).
SKIP_CHECK = {"safety-choice": "skip"}


def invite(client, user) -> Invitation:
    client.force_login(user)
    client.post("/partner/invite/", SKIP_CHECK)
    return Invitation.objects.get(inviter=user, status=Invitation.Status.PENDING)


def test_erin_creates_an_invitation_with_a_link_and_a_code(client, erin):
    invitation = invite(client, erin)
    page = client.get("/partner/").content.decode()
    assert f"/partner/join/{invitation.token}/" in page
    assert invitation.display_code in page
    assert len(invitation.code) == 8
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)


def test_partner_accepts_by_link_and_both_see_each_others_name(client, erin, db):
    from conftest import make_member

    invitation = invite(client, erin)
    finn = make_member("finn@example.com", "Finn")
    client.force_login(finn)
    page = client.get(f"/partner/join/{invitation.token}/")
    assert "Erin" in page.content.decode()
    response = client.post(f"/partner/join/{invitation.token}/", {"choice": "accept", **SKIP_CHECK})
    assert response["Location"] == "/partner/"
    assert "Erin" in client.get("/partner/").content.decode()
    client.force_login(erin)
    assert "Finn" in client.get("/partner/").content.decode()
    erin.refresh_from_db()
    assert erin.partner == finn
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED


def test_partner_can_type_the_code_instead(client, erin):
    from conftest import make_member

    invitation = invite(client, erin)
    finn = make_member("finn@example.com", "Finn")
    client.force_login(finn)
    typed = f"{invitation.code[:4].lower()} - {invitation.code[4:]}"
    response = client.post("/partner/join/", {"code": typed})
    assert response["Location"] == f"/partner/join/{invitation.token}/"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Please type the code"),
        ("ABC", "doesn&#x27;t look like an invitation code"),
        ("ABCD-EFGH-JKLM", "doesn&#x27;t look like an invitation code"),
        ("ZZZZ-ZZZZ", "couldn&#x27;t find an invitation"),
        ("<script>", "doesn&#x27;t look like an invitation code"),
    ],
)
def test_a_bad_code_gets_a_clear_message(client, erin, code, message):
    client.force_login(erin)
    response = client.post("/partner/join/", {"code": code})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_guessing_codes_is_slowed_down(client, erin):
    client.force_login(erin)
    for _ in range(10):
        client.post("/partner/join/", {"code": "ZZZZ-ZZZZ"})
    response = client.post("/partner/join/", {"code": "ZZZZ-ZZZZ"})
    assert "a lot of tries" in response.content.decode()


def test_an_invitation_works_only_once(client, erin):
    from conftest import make_member

    invitation = invite(client, erin)
    finn, gus = make_member("finn@example.com", "Finn"), make_member("gus@example.com", "Gus")
    client.force_login(finn)
    client.post(f"/partner/join/{invitation.token}/", {"choice": "accept", **SKIP_CHECK})
    client.force_login(gus)
    response = client.post(f"/partner/join/{invitation.token}/", {"choice": "accept"})
    assert response.status_code == 400
    assert "already been used" in response.content.decode()
    gus.refresh_from_db()
    assert gus.couple is None


def test_an_expired_invitation_says_so(client, erin):
    from conftest import make_member

    invitation = invite(client, erin)
    finn = make_member("finn@example.com", "Finn")
    client.force_login(finn)
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        page = client.get(f"/partner/join/{invitation.token}/")
        response = client.post(f"/partner/join/{invitation.token}/", {"choice": "accept"})
    assert "expired" in page.content.decode()
    assert response.status_code == 400
    finn.refresh_from_db()
    assert finn.couple is None


def test_a_declined_invitation_cannot_be_used_later(client, erin):
    from conftest import make_member

    invitation = invite(client, erin)
    finn = make_member("finn@example.com", "Finn")
    client.force_login(finn)
    client.post(f"/partner/join/{invitation.token}/", {"choice": "decline"})
    response = client.post(f"/partner/join/{invitation.token}/", {"choice": "accept"})
    assert "declined" in response.content.decode()
    assert Couple.objects.count() == 0


def test_a_member_cannot_accept_their_own_invitation(client, erin):
    invitation = invite(client, erin)
    response = client.post(f"/partner/join/{invitation.token}/", {"choice": "accept"})
    assert response.status_code == 400
    assert "your own invitation" in response.content.decode()
    erin.refresh_from_db()
    assert erin.couple is None


def test_a_linked_member_cannot_invite_someone_else(client, alice, bob):
    client.force_login(alice)
    response = client.post("/partner/invite/", follow=True)
    assert "already linked" in response.content.decode()
    assert not Invitation.objects.filter(inviter=alice).exists()


def test_a_linked_member_cannot_accept_another_invitation(client, alice, bob, erin):
    invitation = invite(client, erin)
    client.force_login(alice)
    response = client.post(f"/partner/join/{invitation.token}/", {"choice": "accept"})
    assert "already linked" in response.content.decode()
    alice.refresh_from_db()
    assert alice.partner == bob


def test_an_invitation_from_someone_who_linked_meanwhile_cannot_be_accepted(erin, carol):
    from conftest import make_member

    invitation = actions.create_invitation(inviter=erin)
    finn = make_member("finn@example.com", "Finn")
    other = actions.create_invitation(inviter=finn)
    actions.accept_invitation(invitation=other, user=erin)
    gus = make_member("gus@example.com", "Gus")
    with pytest.raises(actions.LinkError):
        actions.accept_invitation(invitation=invitation, user=gus)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.WITHDRAWN


def test_a_new_invitation_replaces_the_open_one(client, erin):
    first = invite(client, erin)
    client.post("/partner/invite/")
    first.refresh_from_db()
    assert first.status == Invitation.Status.WITHDRAWN
    assert Invitation.objects.filter(inviter=erin).pending().count() == 1


def test_invitee_may_choose_neither_option_without_harm(client, erin):
    from conftest import make_member

    invitation = invite(client, erin)
    client.force_login(make_member("finn@example.com", "Finn"))
    response = client.post(f"/partner/join/{invitation.token}/", {"choice": "maybe"})
    assert response.status_code == 400
    assert "accept or decline" in response.content.decode()


def test_a_visitor_with_the_link_is_asked_to_sign_up_and_brought_back(client, erin):
    invitation = invite(client, erin)
    client.logout()
    page = client.get(f"/partner/join/{invitation.token}/")
    assert page.status_code == 200
    assert "/accounts/signup/" in page.content.decode()
    assert "Erin" not in page.content.decode()  # nothing about the inviter before login
    from conftest import make_member

    client.force_login(make_member("finn@example.com", "Finn"))
    assert client.get("/")["Location"] == f"/partner/join/{invitation.token}/"


def test_unknown_invitation_link_is_404(client, erin):
    client.force_login(erin)
    assert client.get("/partner/join/not-a-real-token/").status_code == 404


def test_nearer_is_fully_usable_without_a_partner(client, erin):
    client.force_login(erin)
    assert client.get("/").status_code == 200
    assert client.get("/partner/").status_code == 200
    assert client.get("/partner/unlink/")["Location"] == "/partner/"


def test_accepting_twice_at_once_links_only_one_person(erin):
    from conftest import make_member

    invitation = actions.create_invitation(inviter=erin)
    finn, gus = make_member("finn@example.com", "Finn"), make_member("gus@example.com", "Gus")
    actions.accept_invitation(invitation=invitation, user=finn)
    with pytest.raises(actions.LinkError):
        actions.accept_invitation(invitation=invitation, user=gus)
    assert User.objects.filter(couple__isnull=False).count() == 2
