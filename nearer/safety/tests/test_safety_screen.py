"""The private safety check: met before linking and before a first couples step, always
skippable; answers that suggest danger bring help for the member first, pause check-in
questions in their name, and put a gentle note on couples steps. The answers are Alice's
alone: Bob (her partner) and Carol (another member) see nothing of them."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib import admin
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import make_member
from nearer.accounts import actions as accounts
from nearer.accounts.models import Invitation
from nearer.conversations.models import CheckInQuestion, Preference
from nearer.conversations.tasks import send_question_email
from nearer.goals.models import Goal, Shape, default_review_date
from nearer.program.models import Step
from nearer.reminders.models import Notification
from nearer.safety import screen
from nearer.safety.models import SafetyCheck
from nearer.safety.tests.helpers import by_id, tags

pytestmark = pytest.mark.django_db

CHECK = reverse("safety_check")
SUPPORT = reverse("safety_support")
INVITE = reverse("partner_invite")
NEW_GOAL = reverse("goal_new")
ASK = reverse("talk_check_in")

SKIP = {"safety-choice": "skip"}
CALM = {
    "safety-choice": "answer",
    "safety-afraid": "no",
    "safety-hurt": "no",
    "safety-kept_from": "no",
    "safety-safe_to_say_no": "yes",
}
AFRAID = {**CALM, "safety-afraid": "yes"}


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text_of(response) -> str:
    return " ".join(by_id(response, "main").text.split())


def uses_the_check(response) -> bool:
    return "safety/screen.html" in [t.name for t in response.templates]


def answer_afraid(user) -> SafetyCheck:
    browser(user).post(CHECK, AFRAID)
    return SafetyCheck.objects.get(owner=user)


def goal_form(step_slug: str = "", **fields) -> dict:
    step = Step.objects.get(slug=step_slug) if step_slug else None
    today = timezone.localdate()
    return {
        "step": step.pk if step else "",
        "action": "thank them for dinner",
        "shape": "weekly",
        "times_per_week": "1",
        "duration_unit": "minutes",
        "confidence": "8",
        "why": "I want us to feel close again",
        "start_date": today.isoformat(),
        "review_date": (today + timedelta(days=28)).isoformat(),
        "offer": "keep",
        **fields,
    }


def ask_bob(alice) -> object:
    return browser(alice).post(ASK, {"text": "How are you really doing?"})


# --- Before linking -------------------------------------------------------------------------


def test_the_check_comes_before_sending_an_invitation(erin):
    response = browser(erin).post(INVITE)

    assert response.status_code == 200
    assert uses_the_check(response)
    text = text_of(response)
    assert "Do you ever feel afraid of your partner, or of what they might do?" in text
    assert "never shown to your partner" in text and "delete them" in text
    assert "I'd rather not say" in text
    assert not Invitation.objects.exists()


def test_skipping_goes_straight_on_to_the_invitation_and_keeps_no_answers(erin):
    response = browser(erin).post(INVITE, SKIP)

    assert response["Location"] == reverse("partner")
    assert Invitation.objects.filter(inviter=erin, status=Invitation.Status.PENDING).exists()
    kept = SafetyCheck.objects.get(owner=erin)
    assert kept.answered_at is None
    assert [kept.afraid, kept.hurt, kept.kept_from, kept.safe_to_say_no] == ["", "", "", ""]


def test_calm_answers_go_straight_on_and_are_kept(erin):
    response = browser(erin).post(INVITE, CALM)

    assert response["Location"] == reverse("partner")
    assert Invitation.objects.filter(inviter=erin).exists()
    kept = SafetyCheck.objects.get(owner=erin)
    assert (kept.afraid, kept.safe_to_say_no) == ("no", "yes")
    assert not kept.suggests_danger


def test_the_check_comes_before_accepting_and_skipping_links_them(erin):
    invitation = accounts.create_invitation(inviter=erin)
    finn = make_member("finn@example.com", "Finn")
    finns = browser(finn)
    url = reverse("partner_join", args=[invitation.token])

    response = finns.post(url, {"choice": "accept"})
    assert uses_the_check(response)
    assert '<input type="hidden" name="choice" value="accept">' in response.content.decode()
    finn.refresh_from_db()
    assert finn.couple_id is None

    response = finns.post(url, {"choice": "accept", **SKIP})
    assert response["Location"] == reverse("partner")
    finn.refresh_from_db()
    assert finn.partner == erin


def test_declining_never_meets_the_check(erin):
    invitation = accounts.create_invitation(inviter=erin)
    finn = make_member("finn@example.com", "Finn")
    url = reverse("partner_join", args=[invitation.token])

    response = browser(finn).post(url, {"choice": "decline"})

    assert response["Location"] == reverse("partner")
    assert not SafetyCheck.objects.exists()


def test_once_met_the_check_waits_a_season_before_asking_again(erin):
    browser(erin).post(INVITE, SKIP)

    with time_machine.travel(timezone.now() + timedelta(days=30)):
        assert not uses_the_check(browser(erin).post(INVITE))
    with time_machine.travel(timezone.now() + screen.ASK_AGAIN_AFTER + timedelta(days=1)):
        assert uses_the_check(browser(erin).post(INVITE))


# --- Before a first couples step ------------------------------------------------------------


def test_the_check_comes_before_a_first_couples_step(alice):
    response = browser(alice).post(NEW_GOAL, goal_form("appreciation"))

    assert uses_the_check(response)
    assert not Goal.objects.exists()


def test_skipping_before_a_couples_step_saves_the_goal_as_typed(alice):
    alices = browser(alice)
    form = alices.post(NEW_GOAL, goal_form("appreciation")).content.decode()
    assert 'name="why" value="I want us to feel close again"' in form

    response = alices.post(NEW_GOAL, {**goal_form("appreciation"), **SKIP})

    goal = Goal.objects.get(owner=alice)
    assert response["Location"] == reverse("goal_detail", args=[goal.pk])
    assert (goal.step.slug, goal.action, goal.why) == (
        "appreciation",
        "thank them for dinner",
        "I want us to feel close again",
    )


@pytest.mark.parametrize("odd", ["maybe<script>", "yes", ""])
def test_skipping_goes_on_whatever_answers_were_sent_along(erin, odd):
    response = browser(erin).post(INVITE, {**SKIP, "safety-afraid": odd, "safety-hurt": "x"})

    assert response["Location"] == reverse("partner")
    assert Invitation.objects.filter(inviter=erin).exists()
    kept = SafetyCheck.objects.get(owner=erin)
    assert kept.answered_at is None and not kept.suggests_danger


def test_skipping_a_retake_with_a_stale_answer_still_skips(alice):
    response = browser(alice).post(
        CHECK, {**SKIP, "safety-kept_from": "an old choice", "next": "/too-hard/"}, follow=True
    )

    assert response.redirect_chain == [("/too-hard/", 302)]
    assert "That's fine. The check is here whenever you want it" in text_of(response)
    assert SafetyCheck.objects.get(owner=alice).answered_at is None


def skip_forms(response) -> list[str]:
    page = response.content.decode()
    return [f for f in re.findall(r"<form\b.*?</form>", page, re.S) if 'value="skip"' in f]


def test_skip_for_now_is_at_the_top_and_the_bottom_and_the_top_one_goes_straight_on(alice):
    alices = browser(alice)
    response = alices.post(NEW_GOAL, goal_form("appreciation"))
    page = response.content.decode()
    top, bottom = skip_forms(response)

    assert page.index(top) < page.index("Do you ever feel afraid")
    assert "Do you ever feel afraid" not in top and "Do you ever feel afraid" in bottom
    assert all(f.count("Skip for now") == 1 for f in (top, bottom))
    # The top form carries the goal as typed, with "Skip for now" and nothing else to answer.
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', top))
    assert fields["why"] == "I want us to feel close again"
    response = alices.post(NEW_GOAL, {**fields, "safety-choice": "skip"})
    goal = Goal.objects.get(owner=alice)
    assert response["Location"] == reverse("goal_detail", args=[goal.pk])


@pytest.mark.parametrize("slug", ["let-growth-be-slow", ""])
def test_a_solo_step_or_no_step_never_meets_the_check(alice, slug):
    response = browser(alice).post(NEW_GOAL, goal_form(slug))

    assert response.status_code == 302
    assert Goal.objects.filter(owner=alice).exists()


def test_a_later_couples_step_does_not_meet_the_check(alice):
    step = Step.objects.get(slug="weekly-check-in")
    Goal.objects.create(
        owner=alice,
        step=step,
        action="ask how he is",
        shape=Shape.WEEKLY,
        times_per_week=1,
        review_date=default_review_date(alice.today()),
    )

    response = browser(alice).post(NEW_GOAL, goal_form("appreciation"))

    assert response.status_code == 302
    assert Goal.objects.filter(owner=alice, step__slug="appreciation").exists()


def test_an_answer_that_is_not_one_of_the_choices_gets_a_message_and_keeps_nothing(erin):
    response = browser(erin).post(INVITE, {**CALM, "safety-afraid": "maybe<script>"})

    assert uses_the_check(response)
    assert "Please choose one of the answers" in text_of(response)
    assert not SafetyCheck.objects.exists()
    assert not Invitation.objects.exists()


# --- When the answers suggest danger --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("afraid", "yes"),
        ("afraid", "sometimes"),
        ("hurt", "yes"),
        ("kept_from", "yes"),
        ("kept_from", "sometimes"),
        ("safe_to_say_no", "no"),
        ("safe_to_say_no", "sometimes"),
    ],
)
def test_any_worrying_answer_brings_support_first_instead_of_linking(erin, name, value):
    response = browser(erin).post(INVITE, {**CALM, f"safety-{name}": value})

    assert response["Location"] == f"{SUPPORT}?next=%2Fpartner%2F"
    assert not Invitation.objects.exists()
    assert screen.partner_nudges_paused(erin)


@pytest.mark.parametrize(
    "answers",
    [
        CALM,
        {"safety-choice": "answer"},  # everything left blank
        dict.fromkeys(CALM, "rather_not_say") | {"safety-choice": "answer"},
    ],
)
def test_calm_blank_or_rather_not_say_answers_pause_nothing(erin, answers):
    browser(erin).post(CHECK, answers)

    assert SafetyCheck.objects.get(owner=erin).answered_at is not None
    assert not screen.partner_nudges_paused(erin)


def test_fear_before_accepting_leads_to_support_and_never_traps(erin):
    invitation = accounts.create_invitation(inviter=erin)
    finn = make_member("finn@example.com", "Finn")
    finns = browser(finn)
    join = reverse("partner_join", args=[invitation.token])

    response = finns.post(join, {"choice": "accept", **AFRAID}, follow=True)

    finn.refresh_from_db()
    assert finn.couple_id is None
    text = text_of(response)
    assert "Help for you comes first" in text
    # The way back to what they were doing is there; linking then works.
    assert by_id(response, "carry-on").text.count("Go back to where you were") == 1
    assert f'href="{join}"' in response.content.decode()
    finns.post(join, {"choice": "accept"})
    finn.refresh_from_db()
    assert finn.partner == erin


def test_the_support_page_has_the_lines_for_fear_at_home_and_safety_ideas(alice):
    response = browser(alice).get(SUPPORT)

    text = text_of(response)
    resources = [tag.text.strip() for tag in tags(response, "h4")]
    assert resources, "the crisis lines for the member's country"
    from nearer.safety.resources import country_for, emergency_number, helpers_for

    country = country_for(alice)
    assert resources == [r.name for r in helpers_for(country, "fear")]
    assert helpers_for(country, "fear")[0].for_fear_at_home
    assert f"call {emergency_number(country)}" in text
    for idea in ["phone charged", "code word", "copies of important documents", "safe place"]:
        assert idea in text
    exit_section = " ".join(by_id(response, "exit").text.split())
    assert "Exit this page" in exit_section
    assert "pressing Shift three times" in exit_section
    assert "clear your browsing history" in exit_section


def test_a_visitor_may_read_the_support_page_but_the_check_needs_an_account(client):
    assert client.get(SUPPORT).status_code == 200
    assert client.get(CHECK)["Location"].startswith(reverse("account_login"))
    assert client.post(CHECK, AFRAID)["Location"].startswith(reverse("account_login"))
    assert not SafetyCheck.objects.exists()


def test_page_titles_are_discreet(alice):
    alices = browser(alice)
    for url in (CHECK, SUPPORT):
        title = tags(alices.get(url), "title")[0].text.lower()
        for word in ("abuse", "danger", "violence", "afraid", "partner", "safety"):
            assert word not in title


def test_a_check_in_question_is_not_sent_in_her_name_while_paused_and_is_after_deleting(alice, bob):
    kept = answer_afraid(alice)

    response = ask_bob(alice)
    assert response.status_code == 200
    assert "Check-in questions are resting for now, so nothing was sent" in text_of(response)
    assert not CheckInQuestion.objects.exists()
    assert not Notification.objects.filter(user=bob).exists()

    browser(alice).post(reverse("safety_check_delete", args=[kept.pk]))
    assert not SafetyCheck.objects.filter(owner=alice).exists()

    assert ask_bob(alice).status_code == 302
    assert CheckInQuestion.objects.filter(asker=alice, partner=bob).exists()
    assert Notification.objects.filter(user=bob).count() == 1


def test_a_queued_check_in_email_is_not_sent_once_she_is_paused(alice, bob):
    Preference.objects.create(user=bob, email_questions=True)
    ask_bob(alice)
    question = CheckInQuestion.objects.get()
    answer_afraid(alice)

    assert send_question_email.call(question.pk) == "paused"
    assert mail.outbox == []


def test_couples_steps_offer_support_in_neutral_words_and_still_let_her_go_on(alice, bob):
    alices = browser(alice)
    note = "data-support-first"
    assert note not in alices.get("/program/appreciation/").content.decode()

    kept = answer_afraid(alice)

    response = alices.get("/program/appreciation/")
    page = response.content.decode()
    assert note in page
    [aside] = [t for t in tags(response, "aside") if "data-support-first" in t.attrs]
    said = " ".join(aside.text.split()).lower()
    assert "support just for you is here whenever you want it" in said
    # Neutral words: anyone using her account reads nothing of her answers in them.
    for word in ("frightening", "afraid", "fear", "safe", "hard", "home", "partner"):
        assert word not in said
    assert 'href="/private-check/support/"' in page
    assert "Make this my goal" in page  # never locked out
    assert note not in alices.get("/program/let-growth-be-slow/").content.decode()
    assert note not in browser(bob).get("/program/appreciation/").content.decode()
    assert note not in Client().get("/program/appreciation/").content.decode()

    alices.post(reverse("safety_check_delete", args=[kept.pk]))
    assert note not in alices.get("/program/appreciation/").content.decode()


# --- Retake and delete ----------------------------------------------------------------------


def test_the_too_hard_page_links_a_member_to_the_check(alice, client):
    assert f'href="{CHECK}"' not in client.get("/too-hard/").content.decode()
    response = browser(alice).get("/too-hard/")
    link = [a for a in tags(response, "a") if a.attrs.get("href") == CHECK]
    assert [a.text for a in link] == ["A private check about safety at home"]


def test_retaking_from_the_too_hard_page_returns_there(alice):
    alices = browser(alice)
    assert uses_the_check(alices.get(CHECK))

    response = alices.post(CHECK, {**CALM, "next": "/too-hard/"})
    assert response["Location"] == "/too-hard/"

    response = alices.post(CHECK, {**AFRAID, "next": "/too-hard/"})
    assert response["Location"] == f"{SUPPORT}?next=%2Ftoo-hard%2F"
    assert screen.partner_nudges_paused(alice)


def test_skipping_a_retake_keeps_the_earlier_answers(alice):
    answer_afraid(alice)
    browser(alice).post(CHECK, SKIP)
    assert screen.partner_nudges_paused(alice)


def test_the_answers_are_never_shown_back_only_that_they_are_kept(alice):
    answer_afraid(alice)

    response = browser(alice).get(CHECK)

    assert "You answered on" in text_of(response)
    assert not [t for t in tags(response, "input") if "checked" in t.attrs]
    assert "Delete my answers" in text_of(response)


def test_a_link_elsewhere_is_never_followed(alice):
    response = browser(alice).post(CHECK, {**CALM, "next": "https://example.net/"})
    assert response["Location"] == "/too-hard/"
    response = browser(alice).post(CHECK, {**CALM, "next": "//example.net/"})
    assert response["Location"] == "/too-hard/"


def test_deleting_removes_the_row(alice):
    kept = answer_afraid(alice)

    response = browser(alice).post(reverse("safety_check_delete", args=[kept.pk]), follow=True)

    assert not SafetyCheck.objects.exists()
    assert "Your answers are deleted" in text_of(response)
    assert not screen.partner_nudges_paused(alice)


def test_deleting_the_account_deletes_the_answers(alice, bob):
    answer_afraid(alice)
    answer_afraid(bob)

    accounts.delete_account(user=alice)

    assert list(SafetyCheck.objects.values_list("owner", flat=True)) == [bob.pk]


# --- The answers are Alice's alone ----------------------------------------------------------


def test_only_alice_can_reach_her_answers(alice, bob, carol, client):
    kept = answer_afraid(alice)

    assert list(SafetyCheck.objects.visible_to(alice)) == [kept]
    for other in (bob, carol):
        assert not SafetyCheck.objects.visible_to(other).exists()
    from django.contrib.auth.models import AnonymousUser

    assert not SafetyCheck.objects.visible_to(AnonymousUser()).exists()


@pytest.mark.parametrize("who", ["bob", "carol"])
def test_anyone_else_gets_a_404_deleting_alices_answers(alice, bob, carol, who):
    kept = answer_afraid(alice)
    other = {"bob": bob, "carol": carol}[who]

    response = browser(other).post(reverse("safety_check_delete", args=[kept.pk]))

    assert response.status_code == 404
    assert SafetyCheck.objects.filter(pk=kept.pk).exists()


def test_the_check_pages_never_show_anyone_else_alices_answers(alice, bob, carol):
    answer_afraid(alice)
    for other in (bob, carol):
        others = browser(other)
        assert "You answered on" not in text_of(others.get(CHECK))
        support = others.get(SUPPORT)
        assert "paused" not in [tag.attrs.get("id") for tag in tags(support)]


def test_the_answers_are_not_in_the_admin():
    assert not admin.site.is_registered(SafetyCheck)


PARTNER_PAGES = [
    "/today/",
    "/partner/",
    "/goals/",
    "/practices/",
    "/talk/",
    "/talk/check-in/",
    "/notifications/",
    "/program/appreciation/",
    "/too-hard/",
    CHECK,
    SUPPORT,
    "/account/",
    "/export/",
    "/export/goals.json",
    "/export/goals.csv",
    "/export/checkins.csv",
]
TOKENS = re.compile(r'csrfmiddlewaretoken" value="[^"]*"|"X-CSRFToken": "[^"]*"')


def everything_seen_by(user) -> dict[str, str]:
    client = browser(user)
    seen = {}
    for url in PARTNER_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        seen[url] = TOKENS.sub("", body.decode())
    return seen


@time_machine.travel("2026-03-04 10:00Z", tick=False)  # the export says when it was made
def test_bob_sees_exactly_the_same_pages_and_export_after_alice_reports_fear(alice, bob):
    alice.welcomed_at = bob.welcomed_at = timezone.now()
    alice.save()
    bob.save()
    before = everything_seen_by(bob)
    notices = list(Notification.objects.filter(user=bob).values_list("text", flat=True))

    kept = answer_afraid(alice)
    assert kept.suggests_danger
    ask_bob(alice)  # refused while paused: nothing reaches Bob

    assert everything_seen_by(bob) == before
    assert list(Notification.objects.filter(user=bob).values_list("text", flat=True)) == notices
    assert mail.outbox == []


@time_machine.travel("2026-03-04 10:00Z", tick=False)
def test_alices_own_export_holds_no_answers(alice):
    client = browser(alice)
    before = b"".join(client.get("/export/goals.json").streaming_content)
    answer_afraid(alice)
    assert b"".join(client.get("/export/goals.json").streaming_content) == before
