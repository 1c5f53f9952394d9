"""Writing: the plain form saves without JavaScript; the autosave endpoint answers in JSON."""

from nearer.journal.models import Entry
from nearer.journal.tests.helpers import autosave, text
from nearer.program.models import JournalPrompt


def test_the_new_entry_page_is_a_plain_form_that_works_without_javascript(alice_client):
    response = alice_client.get("/journal/new/")
    assert response.status_code == 200
    html = text(response)
    assert '<form method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="body"' in html and 'type="submit"' in html
    assert response["Cache-Control"] == "private, no-store"


def test_a_plain_form_post_creates_the_entry_and_opens_it(alice, alice_client):
    response = alice_client.post(
        "/journal/new/", {"title": "Sunday", "body": "A quiet walk together.", "mood": "calm"}
    )
    entry = Entry.objects.get(author=alice)
    assert response.status_code == 302
    assert response["Location"] == f"/journal/{entry.pk}/"
    assert (entry.title, entry.body, entry.mood, entry.version) == (
        "Sunday",
        "A quiet walk together.",
        "calm",
        1,
    )
    page = text(alice_client.get(response["Location"]))
    assert "A quiet walk together." in page
    assert "Saved." in page


def test_a_plain_form_post_with_the_current_version_saves_a_change(alice_client, private_entry):
    response = alice_client.post(
        f"/journal/{private_entry.pk}/",
        {"title": "Later", "body": "It eased by the evening.", "version": "1"},
    )
    assert response.status_code == 302
    private_entry.refresh_from_db()
    assert private_entry.body == "It eased by the evening."
    assert private_entry.version == 2


def test_the_first_autosave_creates_the_entry_and_returns_its_address(alice, alice_client):
    response = autosave(alice_client, "/journal/new/", body="First lines", writer="w" * 16, seq=1)
    assert response.status_code == 201
    data = response.json()
    entry = Entry.objects.get(author=alice)
    assert data["id"] == entry.pk
    assert data["url"] == f"/journal/{entry.pk}/"
    assert data["version"] == 1
    assert data["outcome"] == "created"
    assert entry.draft_key == "w" * 16


def test_later_autosaves_update_the_same_entry_and_count_versions(alice, alice_client):
    created = autosave(alice_client, "/journal/new/", body="One", writer="w" * 16, seq=1).json()
    second = autosave(
        alice_client, created["url"], body="One two", version=1, writer="w" * 16, seq=2
    )
    third = autosave(
        alice_client, created["url"], body="One two three", version=2, writer="w" * 16, seq=3
    )
    assert (second.status_code, third.status_code) == (200, 200)
    assert third.json()["version"] == 3
    entry = Entry.objects.get(author=alice)
    assert entry.body == "One two three"
    assert Entry.objects.count() == 1


def test_an_autosave_without_a_csrf_token_is_refused(alice):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = autosave(browser, "/journal/new/", body="Words", writer="w" * 16, seq=1)
    assert response.status_code == 403
    assert not Entry.objects.exists()


def test_an_autosave_with_the_csrf_header_is_accepted(alice):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    page = browser.get("/journal/new/")
    token = page.context["csrf_token"]
    response = browser.post(
        "/journal/new/",
        {"body": "Words", "autosave": "1", "writer": "w" * 16, "seq": "1"},
        headers={"X-CSRFToken": str(token)},
    )
    assert response.status_code == 201


def test_a_logged_out_autosave_answers_401_in_json_so_the_script_keeps_its_copy(client):
    response = autosave(client, "/journal/new/", body="Words", writer="w" * 16, seq=1)
    assert response.status_code == 401
    assert response.json()["outcome"] == "logged_out"


def test_a_logged_out_visitor_is_sent_to_log_in(client):
    response = client.get("/journal/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_entry_started_from_a_prompt_keeps_it(alice, alice_client):
    prompt = JournalPrompt.objects.active().first()
    page = text(alice_client.get(f"/journal/new/?prompt={prompt.pk}"))
    assert prompt.text in page
    alice_client.post("/journal/new/", {"body": "Thinking about it.", "prompt": str(prompt.pk)})
    entry = Entry.objects.get(author=alice)
    assert entry.prompt == prompt
    assert entry.prompt_text == prompt.text


def test_the_editor_shows_the_entry_with_its_version_for_the_script(alice_client, private_entry):
    page = text(alice_client.get(f"/journal/{private_entry.pk}/"))
    assert 'data-version="1"' in page
    assert f'data-save-url="/journal/{private_entry.pk}/"' in page
    assert "journal/autosave.js" in page
