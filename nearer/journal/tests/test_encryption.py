"""Encrypted at rest: a dump of the database holds no journal text."""

import pytest
from django.db import connection

from nearer.journal.models import Entry, MemberPrompt
from nearer.journal.tests.helpers import SECRET_WORDS, text, write
from nearer.lib import crypto

TITLE = "Notes about the argument"
OWN_PROMPT = "Why do I go quiet when he raises his voice?"


def raw_rows(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (a fixed table name)
        return cursor.fetchall()


def test_the_raw_entry_table_holds_no_journal_text(alice):
    write(alice, title=TITLE, body=SECRET_WORDS)
    rows = raw_rows(Entry._meta.db_table)
    assert len(rows) == 1
    dump = repr(rows)
    for words in (TITLE, SECRET_WORDS, "lonely", "argument", "lake"):
        assert words not in dump
    # What is there is a Fernet token (version byte 0x80, base64: "gAAAAA").
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title, body FROM {Entry._meta.db_table}")  # noqa: S608
        title, body = cursor.fetchone()
    assert title.startswith("gAAAAA") and body.startswith("gAAAAA")


def test_a_members_own_prompts_are_encrypted_too(alice):
    MemberPrompt.objects.create(owner=alice, text=OWN_PROMPT)
    dump = repr(raw_rows(MemberPrompt._meta.db_table))
    assert "quiet" not in dump and "voice" not in dump


def test_the_same_words_encrypt_differently_each_time():
    assert crypto.encrypt("same words") != crypto.encrypt("same words")
    assert crypto.decrypt(crypto.encrypt("same words")) == "same words"


def test_entries_read_back_as_written_including_any_language(alice):
    text = "Ça va mieux. 少しずつ。 🌱\nSecond line"
    entry = write(alice, title="Œuvre", body=text)
    fresh = Entry.objects.get(pk=entry.pk)
    assert (fresh.title, fresh.body) == ("Œuvre", text)


def test_keys_come_from_the_environment_setting_first(settings, tmp_path):
    key = crypto.new_key()
    file_key = crypto.new_key()
    (tmp_path / "journal_key").write_text(file_key + "\n")
    settings.NEARER_JOURNAL_KEY = [key]
    settings.NEARER_JOURNAL_KEY_FILE = str(tmp_path / "journal_key")
    assert crypto.configured_keys() == (key,)
    settings.NEARER_JOURNAL_KEY = []
    assert crypto.configured_keys() == (file_key,)


def test_without_any_key_outside_tests_nearer_explains_what_to_do(settings, tmp_path):
    settings.NEARER_JOURNAL_KEY = []
    settings.NEARER_JOURNAL_KEY_FILE = str(tmp_path / "missing")
    settings.TESTING = False
    with pytest.raises(crypto.KeyUnavailable, match="NEARER_JOURNAL_KEY"):
        crypto.encrypt("words")


def test_a_malformed_key_is_reported_plainly(settings):
    settings.NEARER_JOURNAL_KEY = ["not-a-key"]
    with pytest.raises(crypto.KeyUnavailable, match="not a valid Fernet key"):
        crypto.encrypt("words")


def test_with_the_key_lost_the_journal_shows_a_calm_page_not_an_error(
    alice, alice_client, private_entry, settings
):
    settings.NEARER_JOURNAL_KEY = [crypto.new_key()]  # a different key: the old one is lost
    for url in ("/journal/", f"/journal/{private_entry.pk}/", "/journal/export.json"):
        response = alice_client.get(url)
        assert response.status_code == 503, url
        assert "can't be opened right now" in text(response)
    response = alice_client.post(
        f"/journal/{private_entry.pk}/",
        {"body": "new", "version": "1", "autosave": "1", "writer": "w" * 16, "seq": "1"},
    )
    assert response.status_code == 503
    assert response.json()["outcome"] == "unavailable"


def test_with_no_key_configured_saving_answers_calmly_and_saves_nothing(
    alice, alice_client, settings, tmp_path
):
    settings.NEARER_JOURNAL_KEY = []
    settings.NEARER_JOURNAL_KEY_FILE = str(tmp_path / "missing")
    settings.TESTING = False
    response = alice_client.post("/journal/new/", {"body": "words"})
    assert response.status_code == 503
    assert "can't be opened right now" in text(response)
    assert not Entry.objects.exists()
