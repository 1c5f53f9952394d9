import pytest

from nearer.accounts import actions
from nearer.accounts.models import Invitation

pytestmark = pytest.mark.django_db


def test_another_couple_never_sees_alices_partner(client, alice, bob, carol, dave):
    client.force_login(carol)
    page = client.get("/partner/").content.decode()
    assert "Dave" in page
    assert "Bob" not in page and "Alice" not in page


def test_another_couple_cannot_withdraw_erins_invitation(client, erin, carol, dave):
    invitation = actions.create_invitation(inviter=erin)
    client.force_login(carol)
    response = client.post(f"/partner/invitations/{invitation.pk}/withdraw/")
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_erins_invitation_does_not_show_on_anyone_elses_page(client, erin, carol):
    invitation = actions.create_invitation(inviter=erin)
    client.force_login(carol)
    page = client.get("/partner/").content.decode()
    assert invitation.token not in page and invitation.display_code not in page


def test_invitation_visible_to_only_its_inviter(erin, carol, alice):
    invitation = actions.create_invitation(inviter=erin)
    assert list(Invitation.objects.visible_to(erin)) == [invitation]
    assert not Invitation.objects.visible_to(carol).exists()
    assert not Invitation.objects.visible_to(alice).exists()


def test_a_withdrawn_invitation_stops_working(client, erin, carol):
    invitation = actions.create_invitation(inviter=erin)
    client.force_login(erin)
    client.post(f"/partner/invitations/{invitation.pk}/withdraw/")
    client.force_login(carol)
    response = client.post(f"/partner/join/{invitation.token}/", {"choice": "accept"})
    assert "withdrawn" in response.content.decode()


@pytest.mark.parametrize("pk", ["999999", "-1", "abc", "1.5", "0"])
def test_foreign_or_malformed_invitation_ids_are_404(client, erin, pk):
    client.force_login(erin)
    assert client.post(f"/partner/invitations/{pk}/withdraw/").status_code == 404


def test_partner_pages_need_login(client):
    for url in ["/partner/", "/partner/unlink/", "/account/", "/account/delete/"]:
        assert client.get(url)["Location"].startswith("/accounts/login/")
    assert client.post("/partner/invite/")["Location"].startswith("/accounts/login/")
