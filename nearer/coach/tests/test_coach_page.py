"""The /coach/ page: verdicts, rewrite, steps, one tap to a goal form, and calm answers to
any input. Nothing typed here is stored, and the partner never sees it."""

import re

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from nearer.accounts.models import User

URL = "/coach/"


def post(client, text: str, **extra):
    return client.post(URL, {"text": text}, **extra)


def test_the_coach_needs_a_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_page_offers_a_form_that_works_without_javascript(alice_client):
    response = alice_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="post" action="/coach/"' in html
    assert 'name="text"' in html and 'maxlength="2000"' in html


def test_a_goal_gets_five_verdicts_that_quote_its_words(alice_client):
    html = post(alice_client, "Be more patient with my wife").content.decode()
    for name in ("Specific", "Measurable", "Achievable", "Relevant", "Time-bound"):
        assert name in html
    assert "“Be more patient with my wife” is a feeling or a trait" in html
    assert 'data-met="0"' in html and 'data-met="1"' in html


def test_a_rewrite_comes_with_one_tap_to_a_prefilled_goal_form(alice_client):
    html = post(alice_client, "Hug my wife a few times a week").content.decode()
    assert "I will hug my wife 3 times a week for the next 4 weeks." in html
    href = "/goals/new/?action=hug+my+wife&amp;shape=weekly&amp;times=3"
    assert href in html
    form = alice_client.get(href.replace("&amp;", "&")).content.decode()
    assert 'value="hug my wife"' in form
    assert 'value="weekly" id="id_shape_1" checked' in form or (
        'value="weekly"' in form and "checked" in form
    )
    assert 'name="times_per_week" value="3"' in form


def test_the_goal_form_reads_minutes_trigger_and_step_from_the_link(alice_client):
    response = alice_client.get(
        "/goals/new/?step=pause-before-reacting&action=pause+for+five+seconds&shape=if_then"
        "&trigger=when+a+talk+gets+heated&minutes=2"
    )
    html = response.content.decode()
    assert 'value="pause for five seconds"' in html
    assert 'value="when a talk gets heated"' in html
    assert 'name="duration_amount" value="2"' in html
    assert "From the step" in html


def test_odd_values_in_the_goal_form_link_are_ignored(alice_client):
    response = alice_client.get("/goals/new/?shape=forever&times=99&minutes=-3&action=%00")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="times_per_week" value="99"' not in html


def test_a_challenge_gets_small_steps_each_with_its_program_step(alice_client):
    html = post(alice_client, "we keep having the same fight about money").content.decode()
    assert "Small steps to start with" in html
    assert html.count("Make this my goal") >= 3
    assert 'data-step="pause-before-reacting"' in html
    assert "Part of the step “Pause before reacting”." in html


def test_a_smart_goal_is_said_to_be_smart_already(alice_client):
    html = post(alice_client, "I will hug my wife every morning for 20 seconds").content.decode()
    assert "It's SMART already" in html
    assert "/goals/new/?action=hug+my+wife" in html


def test_htmx_gets_just_the_result(alice_client):
    response = post(alice_client, "Hug my wife more", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="result"')
    assert "<html" not in html


def test_safety_text_gets_the_fixed_message_resources_and_no_coaching(alice_client):
    html = post(alice_client, "Check his phone every night while he sleeps").content.decode()
    assert "You deserve to feel safe" in html
    assert "National Domestic Violence Hotline" in html
    assert 'href="/too-hard/#help"' in html
    assert "How it reads" not in html
    assert "Make this my goal" not in html
    assert "data-rewrite" not in html


def test_fear_at_home_gets_the_safety_response_too(alice_client):
    html = post(alice_client, "I'm scared of my husband when he drinks").content.decode()
    assert "You deserve to feel safe" in html
    assert "call 911" in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Please type a goal, or something that feels hard right now."),
        ("   \n  ", "Please type a goal, or something that feels hard right now."),
        ("x" * 2001, "Please keep this to 2,000 characters or fewer."),
        ("a" * 50_000, "Please keep this to 2,000 characters or fewer."),
        ("🙂🙂🙂", "Please type a goal, or something that feels hard right now."),
        ("Quiero abrazar a mi esposa cada día", "I can only read English for now"),
        ("我想每天拥抱我的妻子", "I can only read English for now"),
        ("Хочу обнимать жену каждый день", "I can only read English for now"),
    ],
)
def test_bad_input_gets_a_clear_answer_never_a_500(alice_client, text, expected):
    response = post(alice_client, text)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_html_is_read_as_plain_words_and_never_rendered(alice_client):
    html = post(
        alice_client, "<script>alert(1)</script><b>Hug</b> my wife every day"
    ).content.decode()
    assert "<script>alert(1)" not in html
    assert "<b>Hug</b>" not in html
    assert "“Hug my wife”" in html


def test_emoji_in_a_goal_are_fine(alice_client):
    html = post(alice_client, "Hug my wife every morning 🤗❤️").content.decode()
    assert "It's SMART already" in html


def _row_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.managed}


def test_nothing_the_member_types_is_stored(alice_client, bob):
    before = _row_counts()
    for text in ["Hug my wife more", "we keep fighting about money", "Check his phone every night"]:
        post(alice_client, text)
    after = _row_counts()
    changed = {k for k in before if before[k] != after[k]}
    assert changed <= {"sessions.Session"}, changed


def _bobs_pages(bobs_browser) -> dict[str, str]:
    """Bob's pages, with the per-render CSRF tokens masked so that equal pages compare equal."""
    pages = {}
    for url in ["/today/", "/goals/", "/partner/", "/talk/", "/practices/"]:
        html = bobs_browser.get(url).content.decode()
        pages[url] = re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', r"\1-", html)
    return pages


def test_the_partner_sees_nothing_of_a_coaching_visit(alice_client, bob):
    bobs_browser = Client()
    bobs_browser.force_login(bob)
    before = _bobs_pages(bobs_browser)
    post(alice_client, "Be a more patient wife to Bob, he drives me mad")
    after = _bobs_pages(bobs_browser)
    assert after == before  # not a word changes for Bob, anywhere he looks
    assert not any("patient" in html or "drives me mad" in html for html in after.values())


def test_the_answer_is_never_cached(alice_client):
    response = post(alice_client, "Hug my wife more")
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_an_unknown_user_cannot_post(client, db):
    response = post(client, "Hug my wife more")
    assert response.status_code == 302
    assert User.objects.count() == 0
