"""Two windows never overwrite each other; one window's own saves always land in order."""

import pytest

from nearer.journal.models import Entry
from nearer.journal.tests.helpers import autosave, text

WINDOW_A = "a" * 32
WINDOW_B = "b" * 32


@pytest.fixture
def entry(alice, alice_client) -> Entry:
    autosave(alice_client, "/journal/new/", title="Start", body="Start", writer=WINDOW_A, seq=1)
    return Entry.objects.get(author=alice)


def test_a_save_based_on_an_old_version_is_refused_with_409_and_saves_nothing(alice_client, entry):
    autosave(alice_client, f"/journal/{entry.pk}/", body="A2", version=1, writer=WINDOW_A, seq=2)
    response = autosave(
        alice_client, f"/journal/{entry.pk}/", body="From B", version=1, writer=WINDOW_B, seq=1
    )
    assert response.status_code == 409
    data = response.json()
    assert data["outcome"] == "conflict"
    assert data["body"] == "A2"  # the current text, so the page can offer both
    assert data["version"] == 2
    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("A2", 2)


def test_a_window_without_an_id_gets_a_conflict_for_an_old_version(alice_client, entry):
    autosave(alice_client, f"/journal/{entry.pk}/", body="Newer", version=1, writer=WINDOW_A, seq=2)
    response = alice_client.post(f"/journal/{entry.pk}/", {"body": "Older", "version": "1"})
    assert response.status_code == 409
    page = text(response)
    assert "changed somewhere else" in page
    assert "Older" in page  # the member's words stay in the box
    assert "Keep both" in page
    entry.refresh_from_db()
    assert entry.body == "Newer"


def test_keep_both_saves_the_local_words_as_a_new_entry(alice, alice_client, entry):
    autosave(alice_client, f"/journal/{entry.pk}/", body="Newer", version=1, writer=WINDOW_A, seq=2)
    alice_client.post("/journal/new/", {"title": "Start", "body": "Mine too", "version": "1"})
    assert Entry.objects.filter(author=alice).count() == 2
    assert {e.body for e in Entry.objects.filter(author=alice)} == {"Newer", "Mine too"}


def test_a_windows_later_save_follows_its_own_earlier_one_even_when_the_reply_was_lost(
    alice_client, entry
):
    # Save 2 landed but its reply never arrived; save 3 still says version 1.
    autosave(alice_client, f"/journal/{entry.pk}/", body="ab", version=1, writer=WINDOW_A, seq=2)
    response = autosave(
        alice_client, f"/journal/{entry.pk}/", body="abc", version=1, writer=WINDOW_A, seq=3
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("abc", 3)


def test_a_late_older_save_from_the_same_window_never_puts_older_text_back(alice_client, entry):
    autosave(alice_client, f"/journal/{entry.pk}/", body="abc", version=1, writer=WINDOW_A, seq=3)
    late = autosave(
        alice_client, f"/journal/{entry.pk}/", body="ab", version=1, writer=WINDOW_A, seq=2
    )
    assert late.status_code == 200
    assert late.json()["outcome"] == "unchanged"
    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("abc", 2)


def test_once_another_window_has_saved_the_first_windows_stale_saves_conflict(alice_client, entry):
    autosave(alice_client, f"/journal/{entry.pk}/", body="B", version=1, writer=WINDOW_B, seq=1)
    response = autosave(
        alice_client, f"/journal/{entry.pk}/", body="A", version=1, writer=WINDOW_A, seq=5
    )
    assert response.status_code == 409
    entry.refresh_from_db()
    assert entry.body == "B"


def test_a_repeated_create_from_one_window_updates_the_same_entry(alice, alice_client):
    first = autosave(alice_client, "/journal/new/", body="Hel", writer=WINDOW_A, seq=1)
    # The page never heard back, and sends again on leaving: still a "create", same window.
    again = autosave(alice_client, "/journal/new/", body="Hello", writer=WINDOW_A, seq=2)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert list(Entry.objects.filter(author=alice).values_list("body", flat=True)) == ["Hello"]


def test_a_late_first_create_after_the_second_changes_nothing(alice, alice_client):
    autosave(alice_client, "/journal/new/", body="Hello", writer=WINDOW_A, seq=2)
    late = autosave(alice_client, "/journal/new/", body="Hel", writer=WINDOW_A, seq=1)
    assert late.json()["outcome"] == "unchanged"
    assert Entry.objects.get(author=alice).body == "Hello"


def test_a_repeated_create_after_another_window_edited_the_entry_conflicts(alice, alice_client):
    created = autosave(alice_client, "/journal/new/", body="Hel", writer=WINDOW_A, seq=1).json()
    autosave(alice_client, created["url"], body="Bob's", version=1, writer=WINDOW_B, seq=1)
    response = autosave(alice_client, "/journal/new/", body="Hello", writer=WINDOW_A, seq=2)
    assert response.status_code == 409
    assert Entry.objects.get(author=alice).body == "Bob's"


def test_window_ids_are_per_member_so_another_member_cannot_reach_an_entry_by_its_draft_key(
    alice, carol, client_for
):
    autosave(client_for(alice), "/journal/new/", body="Alice's", writer=WINDOW_A, seq=1)
    response = autosave(client_for(carol), "/journal/new/", body="Carol's", writer=WINDOW_A, seq=2)
    assert response.status_code == 201
    assert Entry.objects.get(author=alice).body == "Alice's"
    assert Entry.objects.get(author=carol).body == "Carol's"
