"""Export: all of the member's own entries, as JSON and as Markdown; nobody else's."""

import json

from nearer.journal.models import MemberPrompt
from nearer.journal.tests.helpers import SECRET_WORDS, write


def test_json_export_holds_every_own_entry_decrypted(alice, bob, alice_client):
    write(alice, title="First", body=SECRET_WORDS, mood="tired")
    second = write(alice, title="Second", body="Line one\nLine two")
    second.share()
    write(bob, title="Bob's", body="not for Alice's export").share()
    MemberPrompt.objects.create(owner=alice, text="What do I need today?")

    response = alice_client.get("/journal/export.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="nearer-journal-')
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["format"] == "nearer-journal"
    assert [e["title"] for e in data["entries"]] == ["First", "Second"]
    first, second_data = data["entries"]
    assert first["body"] == SECRET_WORDS and first["mood"] == "tired"
    assert second_data["shared_with_partner"] is True
    assert data["own_prompts"] == ["What do I need today?"]
    assert "not for Alice" not in response.content.decode()


def test_markdown_export_reads_as_a_plain_document(alice, bob, alice_client):
    from nearer.program.models import JournalPrompt

    prompt = JournalPrompt.objects.active().first()
    write(alice, title="A hard day", body=SECRET_WORDS, mood="heavy", prompt=prompt)
    write(alice, title="", body="No title here")
    write(bob, title="Bob's", body="not for Alice's export")
    response = alice_client.get("/journal/export.md")
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("# My Nearer journal")
    assert "## A hard day" in text
    assert f"> {prompt.text}" in text
    assert "mood: heavy-hearted" in text
    assert SECRET_WORDS in text
    assert "## Entry of " in text and "No title here" in text
    assert "not for Alice" not in text


def test_an_empty_journal_exports_cleanly(erin, client_for):
    browser = client_for(erin)
    assert json.loads(browser.get("/journal/export.json").content)["entries"] == []
    assert browser.get("/journal/export.md").content.decode().startswith("# My Nearer journal")
