"""The weekly check-in question: Alice asks, Bob answers or says "not now", Alice listens and
says thank you. Email only when Bob allows it, with a discreet subject when he wants one."""

import pytest
from django.core import mail
from django.urls import reverse

from nearer.conversations.models import CheckInQuestion, Preference
from nearer.conversations.tests.helpers import page
from nearer.reminders.models import Notification

pytestmark = pytest.mark.django_db

ASK = reverse("talk_check_in")


def ask(browser, text="How are you really doing?"):
    return browser.post(ASK, {"text": text})


def the_question() -> CheckInQuestion:
    return CheckInQuestion.objects.get()


def test_the_ask_form_starts_with_the_seed_question(client_for, alice, bob):
    text = page(client_for(alice).get(ASK))
    assert 'value="How are you really doing?"' in text
    assert "Ask Bob" in text


def test_a_question_travels_from_alice_to_bob_and_his_answer_back(client_for, alice, bob):
    alices, bobs = client_for(alice), client_for(bob)

    response = ask(alices, "How are you, really, this week?")
    assert response.status_code == 302
    question = the_question()
    assert (question.asker, question.partner, question.text) == (
        alice,
        bob,
        "How are you, really, this week?",
    )

    # Bob sees it on his Talk page and in his notifications.
    talk = page(bobs.get(reverse("talk")))
    assert "Alice is asking" in talk
    assert "How are you, really, this week?" in talk
    assert Notification.objects.filter(user=bob).count() == 1
    assert "Alice sent you a check-in question" in Notification.objects.get(user=bob).text

    # While she waits, Alice sees listen-first guidance and no pressure.
    waiting = page(alices.get(ASK))
    assert "No answer yet. That's okay — there's no rush." in waiting
    assert "While you wait" in waiting
    assert "Listen more than you talk" in waiting

    url = reverse("talk_question_answer", args=[question.pk])
    response = bobs.post(url, {"answer": "Tired, honestly. Work has been a lot."})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == CheckInQuestion.Status.ANSWERED
    assert Notification.objects.filter(user=alice, text__contains="Bob answered").exists()

    text = page(alices.get(reverse("talk_question", args=[question.pk])))
    assert "Tired, honestly. Work has been a lot." in text
    assert "Before you reply" in text
    assert "nothing to fix" in text
    assert "Thank you for sharing" in text


def test_alice_can_thank_bob_with_one_tap_and_a_second_tap_changes_nothing(client_for, alice, bob):
    alices = client_for(alice)
    ask(alices)
    question = the_question()
    client_for(bob).post(reverse("talk_question_answer", args=[question.pk]), {"answer": "Okay."})
    thank = reverse("talk_question_thank", args=[question.pk])

    alices.post(thank)
    alices.post(thank)

    question.refresh_from_db()
    assert question.thanked_at is not None
    assert Notification.objects.filter(user=bob, text__contains="thank you").count() == 1
    bobs_page = page(client_for(bob).get(reverse("talk_question", args=[question.pk])))
    assert "Alice said thank you for sharing." in bobs_page


def test_the_thank_you_redraws_just_its_part_with_htmx(client_for, alice, bob):
    alices = client_for(alice)
    ask(alices)
    question = the_question()
    client_for(bob).post(reverse("talk_question_answer", args=[question.pk]), {"answer": "Okay."})
    response = alices.post(
        reverse("talk_question_thank", args=[question.pk]), HTTP_HX_REQUEST="true"
    )
    html = page(response)
    assert html.strip().startswith('<div id="thanks">')
    assert "You said thank you." in html


def test_thanking_before_an_answer_is_refused_gently(client_for, alice, bob):
    alices = client_for(alice)
    ask(alices)
    question = the_question()
    response = alices.post(reverse("talk_question_thank", args=[question.pk]), follow=True)
    assert "no answer to thank them for yet" in page(response)
    question.refresh_from_db()
    assert question.thanked_at is None


def test_not_now_needs_no_reason_and_alice_hears_it_kindly(client_for, alice, bob):
    alices, bobs = client_for(alice), client_for(bob)
    ask(alices)
    question = the_question()

    response = bobs.post(reverse("talk_question_not_now", args=[question.pk]), follow=True)
    assert "That's okay. Nothing more is needed." in page(response)
    question.refresh_from_db()
    assert question.status == CheckInQuestion.Status.NOT_NOW
    assert question.answer == ""

    text = page(alices.get(reverse("talk_question", args=[question.pk])))
    assert "Not now — that's okay. There's no rush." in text
    assert "Not now — that's okay. There's no rush." in page(alices.get(ASK))
    # "Not now" closes it: Alice may ask again another time.
    assert ask(alices).status_code == 302
    assert CheckInQuestion.objects.count() == 2


def test_bob_cannot_answer_after_choosing_not_now(client_for, alice, bob):
    ask(client_for(alice))
    question = the_question()
    bobs = client_for(bob)
    bobs.post(reverse("talk_question_not_now", args=[question.pk]))
    bobs.post(reverse("talk_question_answer", args=[question.pk]), {"answer": "Actually…"})
    question.refresh_from_db()
    assert (question.status, question.answer) == (CheckInQuestion.Status.NOT_NOW, "")


def test_only_one_open_question_at_a_time(client_for, alice, bob):
    alices = client_for(alice)
    ask(alices)
    response = ask(alices, "And now?")
    assert response.status_code == 200
    assert "Your last question is still waiting" in page(response)
    assert CheckInQuestion.objects.count() == 1


def test_bob_can_ask_alice_while_her_question_waits(client_for, alice, bob):
    ask(client_for(alice))
    assert ask(client_for(bob)).status_code == 302
    assert CheckInQuestion.objects.filter(asker=bob, partner=alice).exists()


def test_the_asker_cannot_answer_her_own_question(client_for, alice, bob):
    alices = client_for(alice)
    ask(alices)
    question = the_question()
    response = alices.post(reverse("talk_question_answer", args=[question.pk]), {"answer": "Me!"})
    assert response.status_code == 404
    response = alices.post(reverse("talk_question_not_now", args=[question.pk]))
    assert response.status_code == 404
    assert the_question().status == CheckInQuestion.Status.OPEN


def test_the_partner_cannot_thank_himself(client_for, alice, bob):
    ask(client_for(alice))
    question = the_question()
    bobs = client_for(bob)
    bobs.post(reverse("talk_question_answer", args=[question.pk]), {"answer": "Fine."})
    assert bobs.post(reverse("talk_question_thank", args=[question.pk])).status_code == 404


def test_erin_alone_is_told_why_she_cannot_ask(client_for, erin):
    browser = client_for(erin)
    text = page(browser.get(ASK))
    assert "you're not linked right now" in text
    response = ask(browser)
    assert response.status_code == 200
    assert "You're not linked with a partner right now" in page(response)
    assert not CheckInQuestion.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please write your question."),
        ("   ", "Please write your question."),
        ("x" * 301, "Please keep your question to 300 characters or fewer (this has 301)."),
        ("How are you\x00?", "couldn't be read"),
    ],
)
def test_a_bad_question_gets_a_clear_message_and_nothing_is_sent(
    client_for, alice, bob, text, message
):
    response = ask(client_for(alice), text)
    assert response.status_code == 200
    assert message in page(response)
    assert not CheckInQuestion.objects.exists()
    assert not Notification.objects.exists()


def test_a_softened_question_of_exactly_300_characters_is_fine(client_for, alice, bob):
    assert ask(client_for(alice), "a" * 300).status_code == 302


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("", "Please write a few words, or choose “Not now”."),
        ("x" * 2001, "Please keep your answer to 2,000 characters or fewer (this has 2001)."),
    ],
)
def test_a_bad_answer_gets_a_clear_message_and_nothing_is_saved(
    client_for, alice, bob, answer, message
):
    ask(client_for(alice))
    question = the_question()
    url = reverse("talk_question_answer", args=[question.pk])
    response = client_for(bob).post(url, {"answer": answer})
    assert response.status_code == 200
    assert message in page(response)
    question.refresh_from_db()
    assert (question.status, question.answer) == (CheckInQuestion.Status.OPEN, "")


def test_an_answer_of_2000_characters_is_kept_whole(client_for, alice, bob):
    ask(client_for(alice))
    question = the_question()
    client_for(bob).post(
        reverse("talk_question_answer", args=[question.pk]), {"answer": "y" * 2000}
    )
    question.refresh_from_db()
    assert len(question.answer) == 2000


def test_answers_are_shown_as_text_never_as_html(client_for, alice, bob):
    ask(client_for(alice))
    question = the_question()
    client_for(bob).post(
        reverse("talk_question_answer", args=[question.pk]), {"answer": "<script>x()</script>"}
    )
    raw = client_for(alice).get(reverse("talk_question", args=[question.pk])).content.decode()
    assert "<script>x()</script>" not in raw
    assert "&lt;script&gt;" in raw


# --- Email ----------------------------------------------------------------------------------


def test_no_email_unless_the_partner_allows_it(client_for, alice, bob, run_tasks):
    ask(client_for(alice))
    run_tasks()
    assert mail.outbox == []


def test_the_partner_can_turn_emails_on_and_off(client_for, bob):
    bobs = client_for(bob)
    bobs.post(reverse("talk_email"), {"email_questions": "on"})
    assert Preference.wants_email(bob)
    bobs.post(reverse("talk_email"), {})
    assert not Preference.wants_email(bob)


def test_an_email_arrives_once_when_the_partner_allows_it(client_for, alice, bob, run_tasks):
    client_for(bob).post(reverse("talk_email"), {"email_questions": "on"})
    ask(client_for(alice), "How is your heart this week?")
    run_tasks()
    run_tasks()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["bob@example.com"]
    assert email.subject == "A question from Alice"
    assert "How is your heart this week?" in email.body
    assert "/talk/check-in/" in email.body
    assert the_question().emailed_at is not None


def test_a_discreet_partner_gets_a_subject_and_body_that_reveal_nothing(
    client_for, alice, bob, run_tasks
):
    bob.discreet = True
    bob.save()
    client_for(bob).post(reverse("talk_email"), {"email_questions": "on"})
    ask(client_for(alice), "How is your heart this week?")
    run_tasks()
    (email,) = mail.outbox
    assert email.subject == "Something is waiting for you on Nearer"
    for word in ["Alice", "question", "heart", "partner", "check-in"]:
        assert word not in email.subject
        assert word not in email.body
    assert Notification.objects.get(user=bob).text == "Something is waiting for you on Nearer."


def test_no_email_if_the_partner_turned_it_off_before_the_worker_ran(
    client_for, alice, bob, run_tasks
):
    bobs = client_for(bob)
    bobs.post(reverse("talk_email"), {"email_questions": "on"})
    ask(client_for(alice))
    bobs.post(reverse("talk_email"), {})
    run_tasks()
    assert mail.outbox == []


def test_no_email_if_they_unlinked_before_the_worker_ran(client_for, alice, bob, run_tasks):
    client_for(bob).post(reverse("talk_email"), {"email_questions": "on"})
    ask(client_for(alice))
    client_for(alice).post("/partner/unlink/")
    run_tasks()
    assert mail.outbox == []


def test_the_email_setting_is_off_by_default_and_shown_on_the_talk_page(client_for, bob):
    text = page(client_for(bob).get(reverse("talk")))
    assert "Email me when my partner sends a check-in question" in text
    assert "checked" not in text
    assert not Preference.wants_email(bob)
