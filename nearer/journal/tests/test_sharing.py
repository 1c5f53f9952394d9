"""Sharing one entry with the partner, read-only, and taking it back."""

from nearer.journal.models import Entry
from nearer.journal.tests.helpers import text, write


def test_the_author_can_share_one_entry_with_the_partner(alice, bob, alice_client, client_for):
    entry = write(alice, title="For Bob", body="Thank you for Sunday.")
    other = write(alice, title="Just mine", body="Still private.")
    response = alice_client.post(f"/journal/{entry.pk}/share/")
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.shared_with_partner and entry.shared_at is not None

    bob_client = client_for(bob)
    shared = text(bob_client.get("/journal/shared/"))
    assert "For Bob" in shared
    assert "Just mine" not in shared
    page = bob_client.get(f"/journal/{entry.pk}/")
    assert page.status_code == 200
    assert "Thank you for Sunday." in text(page)
    assert bob_client.get(f"/journal/{other.pk}/").status_code == 404


def test_the_partner_reads_a_shared_entry_without_any_way_to_change_it(
    alice, bob, shared_entry, client_for
):
    bob_client = client_for(bob)
    page = text(bob_client.get(f"/journal/{shared_entry.pk}/"))
    assert "<textarea" not in page
    assert f"/journal/{shared_entry.pk}/share/" not in page
    assert f"/journal/{shared_entry.pk}/delete/" not in page
    post = bob_client.post(f"/journal/{shared_entry.pk}/", {"body": "Bob's edit", "version": "1"})
    assert post.status_code == 404
    for action in ("share", "unshare", "delete"):
        assert bob_client.post(f"/journal/{shared_entry.pk}/{action}/").status_code == 404
    shared_entry.refresh_from_db()
    assert shared_entry.body == "Bob made tea without being asked."
    assert shared_entry.shared_with_partner


def test_taking_an_entry_back_hides_it_from_the_partner_at_once(
    alice, bob, alice_client, shared_entry, client_for
):
    bob_client = client_for(bob)
    assert bob_client.get(f"/journal/{shared_entry.pk}/").status_code == 200
    alice_client.post(f"/journal/{shared_entry.pk}/unshare/")
    shared_entry.refresh_from_db()
    assert not shared_entry.shared_with_partner and shared_entry.shared_at is None
    assert bob_client.get(f"/journal/{shared_entry.pk}/").status_code == 404
    assert "What I noticed" not in text(bob_client.get("/journal/shared/"))


def test_sharing_without_a_partner_changes_nothing_and_says_why(erin, client_for):
    entry = write(erin, body="Alone for now.")
    response = client_for(erin).post(f"/journal/{entry.pk}/share/", follow=True)
    assert "Sharing needs a linked partner" in text(response)
    entry.refresh_from_db()
    assert not entry.shared_with_partner


def test_sharing_is_a_post_only_action(alice_client, private_entry):
    assert alice_client.get(f"/journal/{private_entry.pk}/share/").status_code == 405
    private_entry.refresh_from_db()
    assert not private_entry.shared_with_partner


def test_the_unshare_verb_takes_back_every_entry_of_the_given_authors(alice, bob, shared_entry):
    bobs = write(bob, body="Bob's shared one")
    bobs.share()
    changed = Entry.objects.filter(author__in=[alice, bob]).unshare()
    assert changed == 2
    assert not Entry.objects.filter(shared_with_partner=True).exists()
