"""A couple's first hour with Nearer, in a real Chromium: sign up, link, read, step back, leave.

Email arrives in ``mail.outbox``; the only thing mocked is the neutral site that the quick exit
leaves for, served at the network edge with ``context.route``.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from nearer.program.models import Step

pytestmark = pytest.mark.e2e

NEUTRAL_SITE = "https://neutral.example/"
NEUTRAL_PAGE = "<title>Weather</title><h1>Weather</h1>"


def sign_up(page: Page, *, email: str, name: str, password: str) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name").fill(name)
    page.locator("input[name=password1]").fill(password)
    page.locator("input[name=password2]").fill(password)
    page.get_by_role("button", name="Sign up").click()


def confirm_email(page: Page, link: str, assert_accessible) -> None:
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Confirm", re.I))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()


def serve_neutral_site(context) -> None:
    context.route(
        f"{NEUTRAL_SITE}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
    )


def test_alice_and_bob_sign_up_verify_their_email_and_link_by_invitation(
    new_context, confirmation_link, assert_accessible, password, live_server
):
    # Alice signs up and is asked to verify her email.
    alice = new_context().new_page()
    alice.goto("/accounts/signup/")
    assert_accessible(alice)
    sign_up(alice, email="alice@example.com", name="Alice", password=password)
    expect(alice).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(alice.get_by_role("heading", level=1)).to_have_text(re.compile("Verify", re.I))
    assert_accessible(alice)

    # The link in her email asks her to confirm (never on a bare GET), then logs her in.
    confirm_email(alice, confirmation_link("alice@example.com"), assert_accessible)
    expect(alice).to_have_url(f"{live_server.url}/")
    expect(alice.get_by_role("heading", level=1)).to_have_text("Hello, Alice")
    assert_accessible(alice)

    # She invites her partner: a link and a short code to read out.
    alice.get_by_role("navigation", name="Main").get_by_role("link", name="Partner").click()
    expect(alice.get_by_role("heading", level=1)).to_have_text("Your partner")
    assert_accessible(alice)
    alice.get_by_role("button", name="Create an invitation").click()
    # First a private check about safety at home; skipping it goes straight on.
    expect(alice.get_by_role("heading", level=1)).to_have_text("A private check")
    assert_accessible(alice)
    alice.get_by_role("button", name="Skip for now").first.click()
    link = alice.locator("input#invite-link").input_value()
    code = alice.locator("[data-invitation-code]").inner_text()
    assert link.startswith(f"{live_server.url}/partner/join/")
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert_accessible(alice)

    # Bob, in his own browser, opens the link and is asked to sign up or log in first.
    bob = new_context().new_page()
    bob.goto(link)
    expect(bob.get_by_role("heading", level=1)).to_have_text("You've been invited")
    assert_accessible(bob)
    bob.get_by_role("link", name="Create an account").click()
    sign_up(bob, email="bob@example.com", name="Bob", password=password)
    expect(bob.get_by_role("heading", level=1)).to_have_text(re.compile("Verify", re.I))

    # Verifying his email brings him back to the invitation, which he accepts.
    confirm_email(bob, confirmation_link("bob@example.com"), assert_accessible)
    expect(bob).to_have_url(link)
    expect(bob.get_by_role("heading", level=1)).to_have_text("An invitation to link")
    expect(bob.locator("main")).to_contain_text("Alice would like to link accounts with you")
    assert_accessible(bob)
    bob.get_by_role("button", name="Link our accounts").click()
    expect(bob.get_by_role("heading", level=1)).to_have_text("A private check")
    bob.get_by_role("button", name="Skip for now").first.click()

    expect(bob).to_have_url(f"{live_server.url}/partner/")
    expect(bob.locator("[data-partner-name]")).to_have_text("Alice")
    alice.reload()
    expect(alice.locator("[data-partner-name]")).to_have_text("Bob")


def test_alice_reads_a_step_and_finds_the_too_hard_page(alice, logged_in_page, assert_accessible):
    page = logged_in_page(alice)
    page.goto("/program/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The program")
    assert_accessible(page)

    first_step = page.locator("main ol.steps a").first
    title = first_step.locator(".step-title").inner_text()
    first_step.click()
    expect(page).to_have_url(re.compile(r"/program/[\w-]+/$"))
    slug = page.url.rstrip("/").rsplit("/", 1)[-1]
    step = Step.objects.get(slug=slug)
    assert title.endswith(step.title)
    expect(page.get_by_role("heading", level=1)).to_have_text(step.title)
    goal = page.get_by_role("region", name="A goal you could set")
    expect(goal).to_contain_text(step.goal_text)
    assert_accessible(page)

    page.get_by_role("link", name="Too hard right now?").click()
    expect(page).to_have_url(re.compile(r"/too-hard/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#breathe .breath-steps")).to_be_visible()
    expect(page.locator("#help")).to_contain_text("emergency")
    assert_accessible(page)


def test_pressing_shift_three_times_leaves_for_a_neutral_site_with_no_way_back(
    new_context, settings, live_server
):
    settings.NEARER_QUICK_EXIT_URL = NEUTRAL_SITE
    context = new_context()
    serve_neutral_site(context)
    page = context.new_page()
    page.goto("/too-hard/")  # the first page in this tab: nothing of Nearer before it
    expect(page.locator("[data-quick-exit]")).to_have_attribute("href", NEUTRAL_SITE)
    history_length = page.evaluate("history.length")

    for _ in range(3):
        page.keyboard.press("Shift")

    expect(page).to_have_url(NEUTRAL_SITE)
    expect(page).to_have_title("Weather")
    assert page.evaluate("history.length") == history_length, "the exit added a history entry"
    page.go_back()
    assert not page.url.startswith(live_server.url), f"Back returned to Nearer: {page.url}"


def test_the_exit_this_page_button_leaves_for_a_neutral_site_with_no_way_back(
    new_context, settings, live_server
):
    settings.NEARER_QUICK_EXIT_URL = NEUTRAL_SITE
    context = new_context()
    serve_neutral_site(context)
    page = context.new_page()
    page.goto("/too-hard/")

    history_length = page.evaluate("history.length")

    page.get_by_role("link", name="Exit this page").click()

    expect(page).to_have_url(NEUTRAL_SITE)
    assert page.evaluate("history.length") == history_length, "the exit added a history entry"
    page.go_back()
    assert not page.url.startswith(live_server.url), f"Back returned to Nearer: {page.url}"


def test_the_program_too_hard_and_login_pages_work_without_javascript(
    alice, new_context, password, live_server
):
    page = new_context(java_script_enabled=False).new_page()

    page.goto("/program/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto("/too-hard/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Alice")
