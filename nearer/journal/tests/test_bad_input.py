"""Bad input gets a clear sentence, saves nothing, and is never a 500."""

import pytest

from nearer.journal.models import MAX_BODY, MAX_TITLE, Entry, MemberPrompt
from nearer.journal.tests.helpers import autosave, text, write

WINDOW = "f" * 32


def test_an_empty_new_entry_is_not_created(alice, alice_client):
    response = autosave(alice_client, "/journal/new/", title=" ", body="\n", writer=WINDOW, seq=1)
    assert response.status_code == 400
    assert response.json()["messages"] == [
        "There's nothing to save yet. Write a few words first, and they'll be kept."
    ]
    page = alice_client.post("/journal/new/", {"title": "", "body": ""})
    assert "There's nothing to save yet" in text(page)
    assert not Entry.objects.exists()


def test_an_existing_entry_may_be_emptied(alice_client, private_entry):
    response = alice_client.post(f"/journal/{private_entry.pk}/", {"body": "", "version": "1"})
    assert response.status_code == 302
    private_entry.refresh_from_db()
    assert private_entry.body == ""


def test_a_title_that_is_too_long_is_refused_with_its_length(alice, alice_client):
    title = "t" * (MAX_TITLE + 1)
    response = autosave(alice_client, "/journal/new/", title=title, body="b", writer=WINDOW, seq=1)
    assert response.status_code == 400
    assert response.json()["messages"] == [
        "Please keep the title to 200 characters or fewer (this one has 201)."
    ]
    assert not Entry.objects.exists()


def test_a_body_that_is_too_long_is_refused_and_the_words_stay_on_the_page(
    alice_client, private_entry
):
    body = "b" * (MAX_BODY + 1)
    response = alice_client.post(f"/journal/{private_entry.pk}/", {"body": body, "version": "1"})
    assert response.status_code == 400
    page = text(response)
    assert "Please keep an entry to 50,000 characters or fewer (this one has 50,001)." in page
    assert body in page
    private_entry.refresh_from_db()
    assert private_entry.version == 1 and private_entry.body != body


def test_a_body_of_exactly_the_limit_is_fine(alice, alice_client):
    response = alice_client.post("/journal/new/", {"body": "é" * MAX_BODY})
    assert response.status_code == 302
    assert len(Entry.objects.get(author=alice).body) == MAX_BODY


@pytest.mark.parametrize("version", ["", "abc", "-1", "1.5", "99999999999999999999", "١"])
def test_a_junk_version_saves_nothing(alice_client, private_entry, version):
    response = autosave(
        alice_client, f"/journal/{private_entry.pk}/", body="changed", version=version
    )
    assert response.status_code == 400
    assert "nothing was saved" in response.json()["messages"][0]
    private_entry.refresh_from_db()
    assert private_entry.body != "changed"


@pytest.mark.parametrize("writer", ["x", "has spaces in it!", "<script>alert(1)</script>"])
def test_a_junk_window_id_saves_nothing(alice, alice_client, writer):
    response = autosave(alice_client, "/journal/new/", body="words", writer=writer, seq=1)
    assert response.status_code == 400
    assert not Entry.objects.exists()


def test_a_junk_counter_saves_nothing(alice, alice_client):
    response = autosave(alice_client, "/journal/new/", body="words", writer=WINDOW, seq="x")
    assert response.status_code == 400
    assert not Entry.objects.exists()


def test_an_unknown_mood_saves_nothing(alice, alice_client):
    response = autosave(alice_client, "/journal/new/", body="words", mood="furious")
    assert response.json()["messages"] == ["Please choose one of the moods listed, or none."]
    assert not Entry.objects.exists()


@pytest.mark.parametrize("value", ["999999", "abc", "-3", "9" * 40])
def test_a_foreign_or_junk_prompt_id_saves_nothing(alice, carol, alice_client, value):
    for field in ("prompt", "extra_prompt", "own_prompt"):
        response = autosave(alice_client, "/journal/new/", body="words", **{field: value})
        assert response.status_code == 400
        assert "couldn't find that prompt" in response.json()["messages"][0]
    carols = MemberPrompt.objects.create(owner=carol, text="Carol's question")
    response = autosave(alice_client, "/journal/new/", body="w", own_prompt=str(carols.pk))
    assert response.status_code == 400
    assert not Entry.objects.exists()


@pytest.mark.parametrize("pk", ["999999", "9" * 30])
def test_unknown_entry_ids_are_a_404(alice_client, pk):
    assert alice_client.get(f"/journal/{pk}/").status_code == 404
    assert alice_client.post(f"/journal/{pk}/", {"body": "x", "version": "1"}).status_code == 404
    assert alice_client.post(f"/journal/{pk}/delete/").status_code == 404


def test_junk_prompt_links_start_an_empty_page_with_a_note(alice, carol, alice_client):
    carols = MemberPrompt.objects.create(owner=carol, text="Carol's question")
    queries = ["prompt=abc", "prompt=999999", f"own={carols.pk}", "extra=0", "prompt=" + "9" * 40]
    for query in queries:
        page = alice_client.get(f"/journal/new/?{query}")
        assert page.status_code == 200
        assert "We couldn't find that prompt" in text(page)
        assert "Carol's question" not in text(page)


def test_null_bytes_are_refused_not_stored(alice, alice_client):
    response = autosave(alice_client, "/journal/new/", body="a\x00b", writer=WINDOW, seq=1)
    assert response.status_code == 400
    assert not Entry.objects.exists()


def test_other_methods_are_refused_politely(alice_client, private_entry):
    assert alice_client.put(f"/journal/{private_entry.pk}/").status_code == 405
    assert alice_client.delete("/journal/new/").status_code == 405
    assert alice_client.post("/journal/export.json").status_code == 405


def test_a_very_large_post_is_refused_without_an_error(alice, alice_client):
    response = alice_client.post("/journal/new/", {"body": "x" * 3_000_000})
    assert response.status_code == 400
    assert not Entry.objects.exists()


def test_an_entry_written_before_is_untouched_by_a_bad_save(alice_client, private_entry):
    before = (private_entry.title, private_entry.body, private_entry.version)
    autosave(alice_client, f"/journal/{private_entry.pk}/", title="t" * 500, body="x", version=1)
    fresh = Entry.objects.get(pk=private_entry.pk)
    assert (fresh.title, fresh.body, fresh.version) == before


def test_write_helper_makes_private_entries(alice):
    assert not write(alice).shared_with_partner
