"""The private note: words that suggest danger bring a gentle note beside the editor, for the
writer alone. The entry is saved exactly as written first; nothing about the note is stored,
logged, sent or shown to anyone else."""

import html
import logging

from django.apps import apps
from django.core import mail

from nearer.journal.models import Entry
from nearer.journal.tests.helpers import autosave, text, write

DANGER = "He choked me last night and said next time he'd kill me."
SELF_HARM = "Some nights I want to end my life."
ORDINARY = "We argued about the dishes again, then laughed about it."
ABUSE_LINE = "National Domestic Violence Hotline"
CRISIS_LINE = "988 Suicide & Crisis Lifeline"
NOTE = "A note just for you"
WRITER = "w" * 16


def _note(response) -> str:
    return html.unescape(response.json()["note"])


def _rows() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def _delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {k: after[k] - before[k] for k in after if after[k] != before[k]}


def test_an_autosave_in_danger_words_saves_them_as_written_and_brings_the_note(alice, alice_client):
    response = autosave(alice_client, "/journal/new/", body=DANGER, writer=WRITER, seq=1)
    assert response.status_code == 201
    assert Entry.objects.get(author=alice).body == DANGER
    note = _note(response)
    assert NOTE in note
    assert "really heavy right now" in note
    assert "You don't have to carry this alone" in note
    assert ABUSE_LINE in note
    assert note.index(ABUSE_LINE) < note.index(CRISIS_LINE)
    assert 'href="/too-hard/#help"' in note


def test_thoughts_of_not_wanting_to_be_here_put_the_crisis_line_first(alice_client):
    note = _note(autosave(alice_client, "/journal/new/", body=SELF_HARM, writer=WRITER, seq=1))
    assert "not wanting to be here" in note
    assert note.index(CRISIS_LINE) < note.index(ABUSE_LINE)


def test_an_ordinary_entry_brings_no_note(alice_client):
    response = autosave(alice_client, "/journal/new/", body=ORDINARY, writer=WRITER, seq=1)
    assert response.status_code == 201
    assert response.json()["note"] == ""
    page = text(alice_client.get(response.json()["url"]))
    assert NOTE not in page


def test_the_note_goes_when_the_words_change_and_comes_with_every_later_save(alice_client):
    created = autosave(alice_client, "/journal/new/", body=DANGER, writer=WRITER, seq=1).json()
    calmer = autosave(
        alice_client, created["url"], body=ORDINARY, version=1, writer=WRITER, seq=2
    ).json()
    assert calmer["note"] == ""
    again = autosave(
        alice_client, created["url"], body=ORDINARY + " " + DANGER, version=2, writer=WRITER, seq=3
    ).json()
    assert NOTE in again["note"]


def test_a_title_alone_in_danger_words_brings_the_note(alice_client):
    response = autosave(
        alice_client, "/journal/new/", title=SELF_HARM, body="Just that.", writer=WRITER, seq=1
    )
    assert NOTE in response.json()["note"]


def test_the_plain_form_saves_then_shows_the_note_beside_the_editor(alice, alice_client):
    response = alice_client.post("/journal/new/", {"title": "", "body": DANGER, "mood": ""})
    assert response.status_code == 302
    assert Entry.objects.get(author=alice).body == DANGER
    page = text(alice_client.get(response["Location"]))
    assert "Saved." in page
    assert NOTE in page and ABUSE_LINE in page
    # Beside the editor, after the words, in the slot the autosave script fills.
    assert page.index('name="body"') < page.index("data-private-note-slot") < page.index(NOTE)


def test_a_conflict_keeps_the_note_for_the_words_still_in_the_box(alice, alice_client):
    entry = write(alice, body=ORDINARY)
    entry.body = "Changed in another window."
    entry.version = 2
    entry.save()
    response = alice_client.post(f"/journal/{entry.pk}/", {"body": DANGER, "version": "1"})
    assert response.status_code == 409
    assert NOTE in text(response)
    entry.refresh_from_db()
    assert entry.body == "Changed in another window."


def test_nothing_is_stored_sent_or_logged_about_the_note(alice, alice_client, caplog):
    caplog.set_level(logging.DEBUG)
    start = _rows()
    autosave(alice_client, "/journal/new/", body=ORDINARY, writer="a" * 16, seq=1)
    ordinary = _delta(start, _rows())
    quiet_logs = len(caplog.records)
    middle = _rows()
    response = autosave(alice_client, "/journal/new/", body=DANGER, writer="b" * 16, seq=1)
    assert NOTE in response.json()["note"]
    # The same rows as any save (the entry itself), and nothing else.
    assert _delta(middle, _rows()) == ordinary
    assert mail.outbox == []
    assert len(caplog.records) == quiet_logs
    calm, danger = Entry.objects.filter(author=alice).order_by("pk")
    assert (calm.body, danger.body) == (ORDINARY, DANGER)
    fields = [f.attname for f in Entry._meta.concrete_fields]
    differing = {f for f in fields if getattr(danger, f) != getattr(calm, f)}
    assert differing <= {
        "id", "body", "draft_key", "writer", "created_at", "updated_at"
    }  # fmt: skip


def test_the_partner_reads_a_shared_entry_as_written_with_no_note(alice, bob, client_for):
    entry = write(alice, body=DANGER)
    entry.share()
    page = text(client_for(bob).get(f"/journal/{entry.pk}/"))
    assert DANGER in page
    for word in (NOTE, "heavy", ABUSE_LINE, CRISIS_LINE):
        assert word not in page
    shared = text(client_for(bob).get("/journal/shared/"))
    assert NOTE not in shared and "heavy" not in shared


def test_the_writer_sees_the_note_on_her_own_shared_entry(alice, bob, client_for):
    entry = write(alice, body=DANGER)
    entry.share()
    assert NOTE in text(client_for(alice).get(f"/journal/{entry.pk}/"))


def test_a_reader_that_fails_never_stops_the_save(alice, alice_client, monkeypatch):
    def broken(_text):
        raise RuntimeError("reader down")

    monkeypatch.setattr("nearer.safety.notes.read", broken)
    response = autosave(alice_client, "/journal/new/", body=DANGER, writer=WRITER, seq=1)
    assert response.status_code == 201
    assert response.json()["note"] == ""
    assert Entry.objects.get(author=alice).body == DANGER
    assert alice_client.get(response.json()["url"]).status_code == 200


def test_the_lines_are_those_of_the_writers_own_country(alice, alice_client):
    alice.country = "GB"
    alice.save()
    note = _note(autosave(alice_client, "/journal/new/", body=DANGER, writer=WRITER, seq=1))
    assert "National Domestic Abuse Helpline" in note
    assert "call 999" in note
    assert ABUSE_LINE not in note
