"""The talking tools' own words (a repair note, a check-in question or answer, a sentence to
rephrase) that suggest danger: kept as written, and a private note beside them for the writer
alone. A question or answer is held first (see test_hold_before_sending); once the writer
chooses "Send anyway", the partner reads it unchanged, and nothing more."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from nearer.conversations.forms import local_value
from nearer.conversations.models import CheckInQuestion, RepairItem, suggested_times
from nearer.conversations.tests.helpers import page
from nearer.reminders.models import Notification
from nearer.safety.tests.helpers import ABUSE_LINE, CRISIS_LINE, DANGER, NOTE

pytestmark = pytest.mark.django_db

SELF_HARM = "Honestly, some nights I want to end my life."
RAISED = "When you hit me again last night I was terrified."


def test_a_repair_note_in_danger_words_is_kept_and_brings_the_note(alice, alice_client):
    when = local_value(suggested_times(timezone.now(), alice.zone)[0], alice.zone)
    response = alice_client.post(
        reverse("talk_repair"), {"issue": DANGER, "when": when}, follow=True
    )
    item = RepairItem.objects.get(owner=alice)
    assert item.issue == DANGER
    text = page(response)
    assert NOTE in text and ABUSE_LINE in text
    assert text.index(DANGER) < text.index(NOTE)


def test_an_ordinary_repair_note_brings_no_note(alice, alice_client):
    when = local_value(suggested_times(timezone.now(), alice.zone)[0], alice.zone)
    response = alice_client.post(
        reverse("talk_repair"), {"issue": "The dishes, again", "when": when}, follow=True
    )
    assert NOTE not in page(response)


def test_a_check_in_answer_sent_anyway_goes_to_the_asker_unchanged(alice, bob, client_for):
    bobs, alices = client_for(bob), client_for(alice)
    bobs.post(reverse("talk_check_in"), {"text": "How are you, really?"})
    question = CheckInQuestion.objects.get(asker=bob)
    mail.outbox.clear()
    before = set(Notification.objects.filter(user=bob).values_list("text", flat=True))

    response = alices.post(
        reverse("talk_question_answer", args=[question.pk]),
        {"answer": SELF_HARM, "confirm": "send"},
        follow=True,
    )
    question.refresh_from_db()
    assert question.answer == SELF_HARM
    text = page(response)
    assert NOTE in text and "not wanting to be here" in text
    assert text.index(CRISIS_LINE) < text.index(ABUSE_LINE)

    # Bob reads her answer as she wrote it, and nothing about a note.
    seen = page(bobs.get(reverse("talk_question", args=[question.pk])))
    assert SELF_HARM in seen
    for word in (NOTE, "heavy", "not wanting to be here", CRISIS_LINE, ABUSE_LINE):
        assert word not in seen
    new = set(Notification.objects.filter(user=bob).values_list("text", flat=True)) - before
    for notice in new:
        assert "heavy" not in notice and "988" not in notice
    for message in mail.outbox:
        assert "heavy" not in message.body and "988" not in message.body


def test_the_note_is_for_whoever_wrote_the_words_never_the_one_who_reads_them(
    alice, bob, client_for
):
    alices, bobs = client_for(alice), client_for(bob)
    alices.post(reverse("talk_check_in"), {"text": "How was your week, honestly?"})
    question = CheckInQuestion.objects.get(asker=alice)
    url = reverse("talk_question_answer", args=[question.pk])
    bobs.post(url, {"answer": DANGER, "confirm": "send"})
    question.refresh_from_db()
    assert question.answer == DANGER
    # Bob wrote the danger words: the note is his, on his view of the question.
    assert NOTE in page(bobs.get(reverse("talk_question", args=[question.pk])))
    alice_sees = page(alices.get(reverse("talk_question", args=[question.pk])))
    assert DANGER in alice_sees
    assert NOTE not in alice_sees and ABUSE_LINE not in alice_sees


def test_a_waiting_question_sent_anyway_brings_the_note_to_the_asker(alice, bob, client_for):
    response = client_for(alice).post(
        reverse("talk_check_in"), {"text": DANGER, "confirm": "send"}, follow=True
    )
    assert CheckInQuestion.objects.get(asker=alice).text == DANGER
    assert NOTE in page(response)
    seen = page(client_for(bob).get(reverse("talk")))
    assert NOTE not in seen and ABUSE_LINE not in seen


def test_a_sentence_to_rephrase_in_danger_words_gets_the_note_and_no_softer_version(
    alice_client,
):
    response = alice_client.post(reverse("talk_rephrase"), {"text": RAISED})
    text = page(response)
    assert NOTE in text
    assert "A curious way to say it" not in text
    htmx = page(
        alice_client.post(reverse("talk_rephrase"), {"text": RAISED}, HTTP_HX_REQUEST="true")
    )
    assert htmx.lstrip().startswith('<section id="result"')
    assert NOTE in htmx


def test_an_ordinary_sentence_to_rephrase_still_gets_its_rewrites(alice_client):
    text = page(alice_client.post(reverse("talk_rephrase"), {"text": "You never listen to me."}))
    assert NOTE not in text
    assert "A curious way to say it" in text
