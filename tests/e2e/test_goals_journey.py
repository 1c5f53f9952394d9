"""A member turns a step into their own goal, checks in on Today, and sees progress."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nearer.goals.models import CheckIn, Goal

pytestmark = pytest.mark.e2e


def test_erin_adopts_a_steps_goal_checks_in_on_today_and_sees_progress(
    erin, logged_in_page, assert_accessible, live_server
):
    erin.welcomed_at = timezone.now()
    erin.save(update_fields=["welcomed_at"])
    page = logged_in_page(erin)

    page.goto(f"{live_server.url}/program/daily-moment-of-connection/")
    assert_accessible(page)
    page.get_by_role("link", name="Make this my goal").click()

    # The step's template fills the form; everything stays editable.
    action = page.locator("[name=action]")
    expect(action).not_to_have_value("")
    assert_accessible(page)
    page.locator("[name=confidence]").fill("8")
    page.get_by_role("button", name="Save my goal").click()
    # A first couples step meets the private safety check first; skipping goes straight on.
    page.get_by_role("button", name="Skip for now").first.click()
    expect(page.locator(".strength-words")).to_be_visible()

    goal = Goal.objects.get(owner=erin)
    assert goal.step.slug == "daily-moment-of-connection"
    expect(page.locator(".strength-words")).to_have_text("Ready when you are")

    page.get_by_role("link", name="Today", exact=True).click()
    assert_accessible(page)
    card = page.locator(f"#goal-{goal.pk}")
    card.get_by_role("button", name="Done today").click()
    # htmx swaps just this card; the page does not reload.
    expect(card.get_by_text("Done today.")).to_be_visible()
    assert CheckIn.objects.filter(goal=goal, kind="done").count() == 1
    assert_accessible(page)

    page.goto(f"{live_server.url}/goals/{goal.pk}/")
    expect(page.locator(".strength-words")).to_have_text("Just beginning")
    expect(page.locator("svg title").first).to_be_attached()
    assert_accessible(page)
