"""The private safety check in a real Chromium: Alice, about to start her first couples step,
says she is sometimes afraid of her partner. Help for her comes first, the quick exit is
explained (and works), couples steps offer support just for her in neutral words, and a check-in
question is not sent to Bob in her name. Bob is told nothing.

The neutral site the quick exit leaves for is served at the network edge with ``context.route``.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nearer.conversations.models import CheckInQuestion
from nearer.goals.models import Goal
from nearer.reminders.models import Notification
from nearer.safety.models import SafetyCheck

pytestmark = pytest.mark.e2e

NEUTRAL_SITE = "https://neutral.example/"
AFRAID = "Do you ever feel afraid of your partner, or of what they might do?"


def test_alice_reports_fear_and_finds_help_first_with_check_in_questions_paused(
    alice, bob, logged_in_page, assert_accessible, settings, live_server
):
    settings.NEARER_QUICK_EXIT_URL = NEUTRAL_SITE
    alice.welcomed_at = timezone.now()
    alice.save(update_fields=["welcomed_at"])
    page = logged_in_page(alice)
    page.context.route(
        f"{NEUTRAL_SITE}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Weather</h1>"),
    )

    # Her first couples step: the private check comes before the goal is made.
    page.goto(f"{live_server.url}/program/weekly-check-in/")
    page.get_by_role("link", name="Make this my goal").click()
    page.locator("[name=confidence]").fill("8")
    page.get_by_role("button", name="Save my goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A private check")
    expect(page.locator("main")).to_contain_text("never shown to your partner")
    expect(page.get_by_role("button", name="Skip for now").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("group", name=AFRAID).get_by_label("Sometimes").check()
    page.get_by_role("button", name="Save my answers").click()

    # Help for her comes first: the lines for fear at home, and how to leave quickly.
    expect(page.get_by_role("heading", level=1)).to_have_text("Help for you comes first")
    expect(page.locator("#people .resource").first).to_be_visible()
    exit_words = page.locator("#exit")
    expect(exit_words).to_contain_text("Exit this page")
    expect(exit_words).to_contain_text("pressing Shift three times")
    expect(exit_words).to_contain_text("clear your browsing history")
    expect(page.locator("#paused")).to_contain_text("won't send check-in questions")
    assert_accessible(page)
    assert not Goal.objects.filter(owner=alice).exists()
    assert SafetyCheck.objects.get(owner=alice).suggests_danger

    # She is never trapped: the way back is there, and the step offers support just for her in
    # neutral words, with "Make this my goal" still on offer.
    expect(page.get_by_role("link", name="Go back to where you were")).to_be_visible()
    page.goto(f"{live_server.url}/program/weekly-check-in/")
    expect(page.locator("[data-support-first]")).to_contain_text("Support just for you is here")
    expect(page.get_by_role("link", name="Make this my goal")).to_be_visible()
    assert_accessible(page)

    # A check-in question is not sent to Bob in her name while her safety comes first.
    page.goto(f"{live_server.url}/talk/check-in/")
    page.get_by_role("button", name="Ask Bob").click()
    expect(page.get_by_role("alert")).to_contain_text("Check-in questions are resting for now")
    assert not CheckInQuestion.objects.exists()
    assert not Notification.objects.filter(user=bob).exists()

    # And the quick exit does what the page said.
    page.goto(f"{live_server.url}/private-check/support/")
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(NEUTRAL_SITE)
