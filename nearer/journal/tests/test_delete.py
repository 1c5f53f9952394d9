"""Deleting an entry: asked first, done only by a POST from the author."""

from nearer.journal.models import Entry
from nearer.journal.tests.helpers import text


def test_deleting_asks_first_and_a_get_changes_nothing(alice_client, private_entry):
    page = alice_client.get(f"/journal/{private_entry.pk}/delete/")
    assert page.status_code == 200
    assert "Delete this entry?" in text(page)
    assert Entry.objects.filter(pk=private_entry.pk).exists()


def test_the_author_deletes_an_entry_with_a_post(alice_client, private_entry):
    response = alice_client.post(f"/journal/{private_entry.pk}/delete/", follow=True)
    assert "The entry is deleted." in text(response)
    assert not Entry.objects.filter(pk=private_entry.pk).exists()


def test_deleting_a_shared_entry_removes_it_for_the_partner_too(
    alice_client, bob, shared_entry, client_for
):
    alice_client.post(f"/journal/{shared_entry.pk}/delete/")
    assert client_for(bob).get(f"/journal/{shared_entry.pk}/").status_code == 404
