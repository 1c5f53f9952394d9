"""Alice sends Bob an appreciation; Bob finds it in his inbox and keeps it in the jar.

On the way, Alice takes a pause from the control on every page. Every page is checked with
axe-core in a real Chromium.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nearer.practices.models import Appreciation, Pause

pytestmark = pytest.mark.e2e

WORDS = "Thank you for the tea this morning. It made my whole day softer."


def test_alice_sends_an_appreciation_and_bob_keeps_it_in_the_jar(
    alice, bob, logged_in_page, assert_accessible, live_server
):
    for member in (alice, bob):
        member.welcomed_at = timezone.now()
        member.save(update_fields=["welcomed_at"])

    # Alice takes a pause from the control at the top of every page.
    alice_page = logged_in_page(alice)
    alice_page.goto(f"{live_server.url}/today/")
    assert_accessible(alice_page)
    alice_page.get_by_role("navigation", name="Main").get_by_role("link", name="Pause").click()
    expect(alice_page.get_by_role("heading", level=1)).to_have_text("Pause")
    expect(alice_page.get_by_text("Let your voice come down")).to_be_visible()
    assert_accessible(alice_page)
    alice_page.get_by_role("button", name="I paused").click()
    expect(alice_page.locator(".messages")).to_contain_text("You paused.")
    assert Pause.objects.filter(owner=alice).count() == 1
    assert_accessible(alice_page)

    # From Today, she finds the practices and writes what she appreciates.
    alice_page.get_by_role("link", name="Today", exact=True).click()
    alice_page.get_by_role("link", name=re.compile("^Practices: ")).click()
    expect(alice_page.get_by_role("heading", level=1)).to_have_text("Practices")
    assert_accessible(alice_page)
    alice_page.get_by_role("link", name=re.compile("Say what you appreciate")).click()
    assert_accessible(alice_page)
    alice_page.get_by_label("What do you appreciate?").fill(WORDS)
    alice_page.get_by_role("button", name="Send it to Bob").click()
    expect(alice_page.locator(".messages")).to_contain_text("Sent. Bob will find it waiting.")
    expect(alice_page.get_by_text("Sent to Bob")).to_be_visible()
    assert_accessible(alice_page)

    # Bob, in his own browser, finds it in his inbox and keeps it in the jar.
    bob_page = logged_in_page(bob)
    bob_page.goto(f"{live_server.url}/practices/appreciations/")
    expect(bob_page.get_by_role("heading", level=1)).to_have_text("Kind words for you")
    card = bob_page.locator("[data-appreciation]")
    expect(card).to_contain_text(WORDS)
    expect(card).to_contain_text("From Alice")
    assert_accessible(bob_page)
    card.get_by_role("button", name="Keep it in the jar").click()
    # htmx swaps just this card; the page does not reload.
    expect(card.get_by_role("status")).to_have_text("Kept in your jar.")
    expect(card.get_by_role("button", name="Take it out of the jar")).to_be_visible()
    assert Appreciation.objects.get().in_jar
    assert_accessible(bob_page)

    bob_page.get_by_role("link", name="Open your jar").click()
    expect(bob_page.get_by_role("heading", level=1)).to_have_text("Your jar")
    expect(bob_page.locator("[data-appreciation]")).to_contain_text(WORDS)
    assert_accessible(bob_page)
