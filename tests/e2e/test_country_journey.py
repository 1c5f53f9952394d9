"""A new member's country is guessed from the browser at signup, in a real Chromium: the time
zone when JavaScript runs, the language's region when it doesn't."""

import re

import pytest
from playwright.sync_api import expect

from nearer.accounts.models import User

pytestmark = pytest.mark.e2e


def sign_up(page, *, email: str, password: str) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name").fill("Nia")
    page.locator("input[name=password1]").fill(password)
    page.locator("input[name=password2]").fill(password)
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))


def test_signup_guesses_the_country_from_the_browsers_time_zone(new_context, password):
    # An Irish time zone with a browser left on US English: the time zone says where she is.
    page = new_context(timezone_id="Europe/Dublin", locale="en-US").new_page()
    sign_up(page, email="nia@example.com", password=password)
    assert User.objects.get(email="nia@example.com").country == "IE"


def test_without_javascript_the_browsers_language_stands_in(new_context, password):
    page = new_context(java_script_enabled=False, locale="en-NZ").new_page()
    sign_up(page, email="tama@example.com", password=password)
    assert User.objects.get(email="tama@example.com").country == "NZ"
