"""The journal in a real Chromium: nothing written is lost, even when the tab closes mid-typing,
and two tabs never overwrite each other."""

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from nearer.journal.models import Entry

pytestmark = pytest.mark.e2e

FIRST = "Tonight we talked about the move. "
MORE = "I listened more than I spoke, and that felt new."
QUICK = "Only a few words before the bus came"
# static/journal/autosave.js saves this long after typing stops. The journeys that wait for
# it move the page's clock on (Playwright's page.clock) rather than waiting it out.
IDLE_MS = 3000


def welcomed(user):
    user.welcomed_at = timezone.now()
    user.save(update_fields=["welcomed_at"])
    return user


def type_into(page: Page, selector: str, words: str) -> None:
    """Type at the end of what is there, a key at a time, as a person would."""
    box = page.locator(selector)
    box.focus()
    box.press("Control+End")
    box.press_sequentially(words)


def stop_typing_for(page: Page, ms: int) -> None:
    """Move the page's clock (installed first) on by ``ms`` at once, with no key pressed: the
    timers that fall due in that time run as if the time had passed."""
    page.clock.run_for(ms)


def test_erin_writes_closes_the_tab_mid_typing_and_finds_every_word_again(
    erin, logged_in_page, assert_accessible, live_server
):
    page = logged_in_page(welcomed(erin))
    context = page.context
    page.clock.install()
    page.goto(f"{live_server.url}/journal/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your journal")
    assert_accessible(page)

    page.get_by_role("link", name="Write freely").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A new entry")
    assert_accessible(page)
    page.get_by_label("Title").fill("The move")
    type_into(page, "#id_body", FIRST)

    # No Save button pressed: the entry is created about 3 seconds after typing stops,
    # and the address becomes the entry's own.
    stop_typing_for(page, IDLE_MS)
    expect(page.locator("[data-journal-status]")).to_have_text(
        re.compile(r"^Saved at \d\d:\d\d\.$")
    )
    expect(page).to_have_url(re.compile(r"/journal/\d+/$"))
    entry = Entry.objects.get(author=erin)
    assert entry.body == FIRST

    # She writes on, and two seconds later (before the next autosave) the tab is closed.
    type_into(page, "#id_body", MORE)
    stop_typing_for(page, 2000)
    page.close()

    again = context.new_page()
    again.goto(f"{live_server.url}/journal/")
    again.get_by_role("link", name=re.compile("The move")).click()
    expect(again.locator("#id_body")).to_have_value(FIRST + MORE)
    assert_accessible(again)
    # The page may show the words from the device copy a moment before the server has them.
    assert wait_for_body(entry, FIRST + MORE) == FIRST + MORE
    assert Entry.objects.filter(author=erin).count() == 1


def wait_for_entry(author, seconds: float = 5.0) -> list[str]:
    """The author's entry bodies, once the server has one (the browser saves on its own)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        bodies = list(Entry.objects.filter(author=author).values_list("body", flat=True))
        if bodies:
            return bodies
        time.sleep(0.1)
    return []


def wait_for_body(entry, expected: str, seconds: float = 5.0) -> str:
    """The entry's body once the server has ``expected`` (or whatever it has at the deadline)."""
    deadline = time.monotonic() + seconds
    while True:
        entry.refresh_from_db()
        if entry.body == expected or time.monotonic() >= deadline:
            return entry.body
        time.sleep(0.1)


def test_a_tab_closed_within_a_second_of_typing_is_saved_on_leaving(
    erin, logged_in_page, live_server
):
    page = logged_in_page(welcomed(erin))
    context = page.context
    page.clock.install()
    page.goto(f"{live_server.url}/journal/new/")
    page.get_by_label("Title").fill("On the way")
    type_into(page, "#id_body", QUICK)
    stop_typing_for(page, 300)
    page.close()  # within a second: no autosave yet, only the save sent as the page goes

    assert wait_for_entry(erin) == [QUICK]
    again = context.new_page()
    again.goto(f"{live_server.url}/journal/")
    again.get_by_role("link", name=re.compile("On the way")).click()
    expect(again.locator("#id_body")).to_have_value(QUICK)
    # Once the server has confirmed it, the copy kept on the device is cleared.
    stored = "() => Object.keys(localStorage).filter(k => k.startsWith('nearer-journal:'))"
    again.wait_for_function(f"({stored})().length === 0")
    assert Entry.objects.filter(author=erin).count() == 1


def test_words_from_a_tab_that_lost_its_connection_and_crashed_are_sent_on_next_opening(
    erin, logged_in_page, live_server
):
    page = logged_in_page(welcomed(erin))
    context = page.context

    def lose_saves(route) -> None:  # the connection drops for every save
        if route.request.method == "POST":
            route.abort("internetdisconnected")
        else:
            route.fallback()

    context.route("**/journal/**", lose_saves)
    page.clock.install()
    page.goto(f"{live_server.url}/journal/new/")
    page.get_by_label("Title").fill("Offline")
    type_into(page, "#id_body", QUICK)
    stop_typing_for(page, IDLE_MS)
    expect(page.locator("[data-journal-status]")).to_have_text(re.compile("^Offline for now"))
    # Then the tab freezes and is killed: no leaving save at all, only the copy on the device.
    page.evaluate("() => { setTimeout(() => { for (;;) {} }, 0); }")
    page.close()
    assert not Entry.objects.filter(author=erin).exists()

    # Back online: opening the journal sends the copy kept on the device.
    context.unroute("**/journal/**", lose_saves)
    again = context.new_page()
    again.goto(f"{live_server.url}/journal/")
    expect(again.get_by_role("link", name=re.compile("Offline"))).to_be_visible()
    assert list(Entry.objects.filter(author=erin).values_list("body", flat=True)) == [QUICK]


def test_steady_typing_is_saved_at_least_every_ten_seconds(erin, logged_in_page, live_server):
    page = logged_in_page(welcomed(erin))
    page.clock.install()
    page.goto(f"{live_server.url}/journal/new/")
    # From here the page's timers move only when the test moves the clock.
    page.clock.pause_at(datetime.now(UTC) + timedelta(seconds=1))
    box = page.locator("#id_body")
    for n in range(5):  # a word every two seconds: never the three-second pause
        type_into(page, "#id_body", f"word{n} ")
        page.clock.run_for(2000)
        if n < 4:
            assert not Entry.objects.filter(author=erin).exists()
    expect(page.locator("[data-journal-status]")).to_have_text(re.compile("^Saved at"))
    assert wait_for_entry(erin) == [box.input_value()]


def test_two_tabs_never_silently_overwrite_each_other(
    erin, logged_in_page, assert_accessible, live_server
):
    entry = Entry.objects.create(author=erin, title="Shared morning", body="Start.")
    first = logged_in_page(welcomed(erin))
    first.clock.install()  # the clock is the context's: both tabs share it
    second = first.context.new_page()
    for page in (first, second):
        page.goto(f"{live_server.url}/journal/{entry.pk}/")

    type_into(first, "#id_body", " From the first tab.")
    stop_typing_for(first, IDLE_MS)
    expect(first.locator("[data-journal-status]")).to_have_text(re.compile("^Saved at"))

    type_into(second, "#id_body", " From the second tab.")
    stop_typing_for(second, IDLE_MS)
    notice = second.locator("[data-journal-conflict]")
    expect(notice).to_be_visible(timeout=15_000)
    expect(second.locator("[data-journal-status]")).to_have_text(
        "Not saved: this entry changed somewhere else."
    )
    assert_accessible(second)
    entry.refresh_from_db()
    assert entry.body == "Start. From the first tab."

    # Keep both: the second tab's words become a new entry; the first tab's stay as they are.
    notice.get_by_role("button", name="Keep both").click()
    expect(second).not_to_have_url(f"{live_server.url}/journal/{entry.pk}/")
    expect(second.locator("#id_body")).to_have_value("Start. From the second tab.")
    bodies = sorted(Entry.objects.filter(author=erin).values_list("body", flat=True))
    assert bodies == ["Start. From the first tab.", "Start. From the second tab."]


def test_alice_shares_one_entry_and_bob_reads_only_that(
    alice, bob, logged_in_page, assert_accessible, live_server
):
    kept = Entry.objects.create(author=alice, title="Only mine", body="Private thoughts.")
    shared = Entry.objects.create(author=alice, title="For Bob", body="Thank you for Sunday.")
    alice_page = logged_in_page(welcomed(alice))
    alice_page.goto(f"{live_server.url}/journal/{shared.pk}/")
    alice_page.get_by_role("button", name="Share this entry with your partner").click()
    expect(alice_page.get_by_text("Shared with your partner.", exact=False).first).to_be_visible()
    assert_accessible(alice_page)

    bob_page = logged_in_page(welcomed(bob))
    bob_page.goto(f"{live_server.url}/journal/shared/")
    assert_accessible(bob_page)
    bob_page.get_by_role("link", name=re.compile("For Bob")).click()
    expect(bob_page.get_by_text("Thank you for Sunday.")).to_be_visible()
    expect(bob_page.locator("textarea")).to_have_count(0)
    assert_accessible(bob_page)
    assert "Only mine" not in bob_page.content()
    response = bob_page.goto(f"{live_server.url}/journal/{kept.pk}/")
    assert response.status == 404


def test_the_other_journal_pages_are_accessible(
    alice, logged_in_page, assert_accessible, live_server
):
    entry = Entry.objects.create(author=alice, title="Evening", body="Calm words.", mood="calm")
    page = logged_in_page(welcomed(alice))
    page.goto(f"{live_server.url}/journal/prompts/")
    page.get_by_label("Your own prompt").fill("What helped me today?")
    page.get_by_role("button", name="Add my prompt").click()
    expect(page.get_by_role("link", name="What helped me today?")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/journal/?q=calm&mood=calm")
    expect(page.get_by_role("link", name=re.compile("Evening"))).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/journal/{entry.pk}/delete/")
    assert_accessible(page)
    page.get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("The entry is deleted.")).to_be_visible()
    assert not Entry.objects.filter(pk=entry.pk).exists()
