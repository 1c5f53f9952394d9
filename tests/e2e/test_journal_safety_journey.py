"""The journal's private note in a real Chromium: words that suggest danger bring a gentle note
beside the editor as autosave saves them, with the right line first; ordinary words bring
nothing; the note folds away and stays folded; the entry is saved exactly as written."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from nearer.journal.models import Entry

pytestmark = pytest.mark.e2e

DANGER = "He choked me last night and said next time he'd kill me."
ORDINARY = "We argued about the dishes again, then laughed about it."
MORE = " I don't know what to do."
IDLE_MS = 3000  # static/journal/autosave.js saves this long after typing stops


def welcomed(user):
    user.welcomed_at = timezone.now()
    user.save(update_fields=["welcomed_at"])
    return user


def saved_body(page: Page, entry: Entry, *, want: str | None = None) -> str:
    """The entry's body once the server has the latest words (the status line already said
    "Saved" for the words before, so it can't tell when this save has landed)."""
    want = want or page.locator("#id_body").input_value()
    for _ in range(100):
        entry.refresh_from_db()
        if entry.body == want:
            break
        page.wait_for_timeout(50)
    return entry.body


def write(page: Page, words: str) -> None:
    """Type at the end of the body, a key at a time, then stop long enough for autosave."""
    box = page.locator("#id_body")
    box.focus()
    box.press("Control+End")
    box.press_sequentially(words)
    page.clock.run_for(IDLE_MS)
    expect(page.locator("[data-journal-status]")).to_have_text(
        re.compile(r"^Saved at \d\d:\d\d\.$")
    )


def test_danger_words_bring_a_private_note_beside_the_editor_that_folds_away(
    erin, logged_in_page, assert_accessible, live_server
):
    page = logged_in_page(welcomed(erin))
    page.clock.install()
    slot = page.locator("[data-private-note-slot]")

    # An ordinary entry: saved, and no note.
    page.goto(f"{live_server.url}/journal/new/")
    write(page, ORDINARY)
    expect(page).to_have_url(re.compile(r"/journal/\d+/$"))
    expect(slot.locator("[data-private-note]")).to_have_count(0)
    assert Entry.objects.get(author=erin).body == ORDINARY

    # An entry in danger words: the note appears as autosave answers, without a reload.
    page.goto(f"{live_server.url}/journal/new/")
    write(page, DANGER)
    note = slot.locator("[data-private-note]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("It sounds like things are really heavy right now.")
    expect(note).to_contain_text("You don't have to carry this alone")
    expect(note.locator("li strong").first).to_have_text("National Domestic Violence Hotline")
    expect(note.get_by_role("link", name="See all the help available")).to_have_attribute(
        "href", "/too-hard/#help"
    )
    entry = Entry.objects.filter(author=erin).latest("pk")
    assert entry.body == DANGER  # saved exactly as written, first
    assert_accessible(page)

    # Folded away with one tap; writing on keeps it folded, and still saves.
    note.locator("summary").click()
    message = note.get_by_text("really heavy right now")
    expect(message).to_be_hidden()
    write(page, MORE)
    expect(slot.locator("[data-private-note]")).to_have_count(1)
    expect(slot.get_by_text("really heavy right now")).to_be_hidden()
    assert saved_body(page, entry) == DANGER + MORE

    # Opened again later, the editor shows the note beside her words, only to her.
    page.reload()
    expect(page.locator("#id_body")).to_have_value(DANGER + MORE)
    expect(page.locator("[data-private-note-slot] [data-private-note]")).to_be_visible()
