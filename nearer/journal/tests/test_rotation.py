"""Key rotation: a new first key, the old one kept to decrypt, then the command re-encrypts."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from nearer.journal.models import Entry, MemberPrompt
from nearer.journal.tests.helpers import SECRET_WORDS, write
from nearer.lib import crypto

OLD, NEW = crypto.new_key(), crypto.new_key()


def raw_bodies() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {Entry._meta.db_table} ORDER BY id")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


def test_rotation_keeps_every_entry_readable_and_moves_it_to_the_new_key(alice, bob, settings):
    settings.NEARER_JOURNAL_KEY = [OLD]
    write(alice, title="One", body=SECRET_WORDS)
    write(bob, title="Two", body="Bob's own words")
    MemberPrompt.objects.create(owner=alice, text="What helps me rest?")
    before = raw_bodies()

    # Step 1: the new key goes first, the old one stays so everything still opens.
    settings.NEARER_JOURNAL_KEY = [NEW, OLD]
    assert sorted(Entry.objects.values_list("body", flat=True)) == sorted(
        [SECRET_WORDS, "Bob's own words"]
    )
    call_command("rotate_journal_key", stdout=io.StringIO())
    after = raw_bodies()
    assert all(a != b for a, b in zip(before, after, strict=True))

    # Step 2: with only the new key, everything still reads back.
    settings.NEARER_JOURNAL_KEY = [NEW]
    assert sorted(Entry.objects.values_list("title", flat=True)) == ["One", "Two"]
    assert MemberPrompt.objects.get().text == "What helps me rest?"


def test_rotation_leaves_versions_and_dates_alone(alice, settings):
    settings.NEARER_JOURNAL_KEY = [OLD]
    entry = write(alice, body=SECRET_WORDS)
    settings.NEARER_JOURNAL_KEY = [NEW, OLD]
    call_command("rotate_journal_key", stdout=io.StringIO())
    fresh = Entry.objects.get(pk=entry.pk)
    assert (fresh.version, fresh.updated_at) == (entry.version, entry.updated_at)


def test_without_rotation_removing_the_old_key_makes_entries_unreadable(alice, settings):
    settings.NEARER_JOURNAL_KEY = [OLD]
    entry = write(alice, body=SECRET_WORDS)
    settings.NEARER_JOURNAL_KEY = [NEW]
    with pytest.raises(crypto.CannotDecrypt):
        Entry.objects.get(pk=entry.pk)


def test_the_command_says_what_it_did(alice, settings, capsys):
    write(alice, body=SECRET_WORDS)
    call_command("rotate_journal_key")
    assert "Re-encrypted 1 journal entry and 0 own prompts" in capsys.readouterr().out
