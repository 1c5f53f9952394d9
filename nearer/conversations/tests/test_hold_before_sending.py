"""Words on their way to the partner are read first. A check-in question or answer whose words
suggest danger is held: nothing is sent, saved, notified or emailed, and Alice gets her words
back with a private note and two choices, "Keep it private" and "Send anyway". Ordinary words
go in one step, as ever."""

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from nearer.conversations.models import CheckInQuestion, Preference
from nearer.conversations.tests.helpers import page
from nearer.reminders.models import Notification
from nearer.safety.tests.helpers import ABUSE_LINE, DANGER, NOTE

pytestmark = pytest.mark.django_db

ASK = reverse("talk_check_in")
QUESTION = "Why do you hit me when you drink?"
ORDINARY = "How was your week, honestly?"


@pytest.fixture
def bob_wants_emails(bob):
    Preference.objects.create(user=bob, email_questions=True)


def answer_url(question: CheckInQuestion) -> str:
    return reverse("talk_question_answer", args=[question.pk])


def assert_held(response, words: str) -> str:
    """The page that holds the words: as typed, the note, the two choices, and no plain send."""
    assert response.status_code == 200
    text = page(response)
    assert words in text
    assert NOTE in text and ABUSE_LINE in text
    assert '<button type="submit" name="confirm" value="private">Keep it private</button>' in text
    assert 'name="confirm" value="send" class="secondary">Send anyway</button>' in text
    assert "Nothing has been sent yet." in text
    return text


@pytest.mark.parametrize("words", [QUESTION, DANGER])
def test_a_question_in_danger_words_is_held_and_bob_hears_nothing(
    alice, bob, bob_wants_emails, client_for, run_tasks, words
):
    response = client_for(alice).post(ASK, {"text": words})

    text = assert_held(response, words)
    assert f'value="{words}"' in text  # kept in the field, ready to send or keep
    assert "Ask Bob</button>" not in text
    assert not CheckInQuestion.objects.exists()
    assert not Notification.objects.filter(user=bob).exists()
    assert not DBTaskResult.objects.exists()  # no email queued
    run_tasks()
    assert mail.outbox == []
    bobs_talk = page(client_for(bob).get(reverse("talk")))
    assert words not in bobs_talk and "Alice is asking" not in bobs_talk


def test_send_anyway_sends_the_question_as_it_always_did(
    alice, bob, bob_wants_emails, client_for, run_tasks
):
    alices = client_for(alice)
    assert_held(alices.post(ASK, {"text": QUESTION}), QUESTION)

    response = alices.post(ASK, {"text": QUESTION, "confirm": "send"})

    assert response.status_code == 302
    question = CheckInQuestion.objects.get()
    assert (question.asker, question.partner, question.text) == (alice, bob, QUESTION)
    assert Notification.objects.filter(user=bob).count() == 1
    run_tasks()
    assert [message.to for message in mail.outbox] == [[bob.email]]
    assert QUESTION in page(client_for(bob).get(reverse("talk")))


def test_keep_it_private_sends_nothing_and_keeps_nothing(
    alice, bob, bob_wants_emails, client_for, run_tasks
):
    response = client_for(alice).post(ASK, {"text": QUESTION, "confirm": "private"}, follow=True)

    text = page(response)
    assert "Nothing was sent, and those words weren't kept." in text
    assert QUESTION not in text
    assert not CheckInQuestion.objects.exists()
    assert not Notification.objects.filter(user=bob).exists()
    run_tasks()
    assert mail.outbox == []


def test_a_choice_the_page_never_offers_holds_the_words_again(alice, bob, client_for):
    response = client_for(alice).post(ASK, {"text": QUESTION, "confirm": "yes"})
    assert_held(response, QUESTION)
    assert not CheckInQuestion.objects.exists()


def test_an_ordinary_question_goes_in_one_step(alice, bob, bob_wants_emails, client_for, run_tasks):
    response = client_for(alice).post(ASK, {"text": ORDINARY})
    assert response.status_code == 302
    assert CheckInQuestion.objects.get().text == ORDINARY
    assert Notification.objects.filter(user=bob).count() == 1
    run_tasks()
    assert len(mail.outbox) == 1


# --- Answers: Bob asks, Alice answers ------------------------------------------------------


@pytest.fixture
def bobs_question(alice, bob, client_for) -> CheckInQuestion:
    client_for(bob).post(ASK, {"text": ORDINARY})
    return CheckInQuestion.objects.get(asker=bob)


def bobs_notices(bob) -> int:
    return Notification.objects.filter(user=bob).count()


def test_an_answer_in_danger_words_is_held_and_bob_reads_nothing(
    alice, bob, bobs_question, client_for
):
    mail.outbox.clear()
    response = client_for(alice).post(answer_url(bobs_question), {"answer": DANGER})

    text = assert_held(response, DANGER)
    assert f"{DANGER}</textarea>" in text  # kept in the field
    assert "Send my answer" not in text
    assert "Not now" in text  # still one tap away
    bobs_question.refresh_from_db()
    assert bobs_question.is_open and bobs_question.answer == ""
    assert bobs_notices(bob) == 0
    assert mail.outbox == []
    bobs_page = page(client_for(bob).get(reverse("talk_question", args=[bobs_question.pk])))
    assert DANGER not in bobs_page and NOTE not in bobs_page


def test_send_anyway_sends_the_answer(alice, bob, bobs_question, client_for):
    alices = client_for(alice)
    url = answer_url(bobs_question)
    assert_held(alices.post(url, {"answer": DANGER}), DANGER)

    response = alices.post(url, {"answer": DANGER, "confirm": "send"})

    assert response.status_code == 302
    bobs_question.refresh_from_db()
    assert bobs_question.is_answered and bobs_question.answer == DANGER
    assert bobs_notices(bob) == 1
    assert DANGER in page(client_for(bob).get(reverse("talk_question", args=[bobs_question.pk])))


def test_keeping_an_answer_private_leaves_the_question_open(alice, bob, bobs_question, client_for):
    response = client_for(alice).post(
        answer_url(bobs_question), {"answer": DANGER, "confirm": "private"}, follow=True
    )
    text = page(response)
    assert "Nothing was sent, and those words weren't kept." in text
    assert DANGER not in text
    bobs_question.refresh_from_db()
    assert bobs_question.is_open and bobs_question.answer == ""
    assert bobs_notices(bob) == 0


def test_an_ordinary_answer_goes_in_one_step(alice, bob, bobs_question, client_for):
    response = client_for(alice).post(answer_url(bobs_question), {"answer": "Tired, but okay."})
    assert response.status_code == 302
    bobs_question.refresh_from_db()
    assert bobs_question.answer == "Tired, but okay."
    assert bobs_notices(bob) == 1
