"""Who sees what: a check-in question is for Alice and Bob only, and only while linked; saved
sentences and repair notes are their author's alone. Everyone else gets a 404 and changes
nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nearer.accounts.models import Couple
from nearer.conversations.models import CheckInQuestion, GentleNote, RepairItem
from nearer.conversations.tests.helpers import page
from nearer.reminders.models import Notification

pytestmark = pytest.mark.django_db

QUESTION_URLS = [
    ("get", "talk_question"),
    ("post", "talk_question_answer"),
    ("post", "talk_question_not_now"),
    ("post", "talk_question_thank"),
]
REPAIR_URLS = [
    ("get", "talk_repair_item"),
    ("post", "talk_repair_done"),
    ("post", "talk_repair_time"),
    ("post", "talk_repair_delete"),
]
NOTE_URLS = [("post", "talk_note_delete")]


@pytest.fixture
def question(alice, bob) -> CheckInQuestion:
    return CheckInQuestion.objects.create(
        couple=alice.couple, asker=alice, partner=bob, text="How are you really doing?"
    )


@pytest.fixture
def answered(alice, bob) -> CheckInQuestion:
    return CheckInQuestion.objects.create(
        couple=alice.couple,
        asker=bob,
        partner=alice,
        text="How are you, love?",
        status=CheckInQuestion.Status.ANSWERED,
        answer="A little lonely this week.",
        responded_at=timezone.now(),
    )


@pytest.fixture
def repair_item(alice) -> RepairItem:
    return RepairItem.objects.create(
        owner=alice,
        issue="The way plans changed on Sunday",
        talk_at=timezone.now() + timedelta(hours=30),
    )


@pytest.fixture
def note(alice) -> GentleNote:
    return GentleNote.objects.create(owner=alice, text="Help me understand the dishes.")


def snapshot(model) -> list[dict]:
    return list(model.objects.order_by("pk").values())


def requests_for(urls, obj):
    for method, name in urls:
        yield method, reverse(name, args=[obj.pk])


@pytest.mark.parametrize("stranger", ["carol", "dave", "erin"])
def test_another_couple_gets_404_on_every_question_answer_note_and_repair_id(
    request, client_for, stranger, question, answered, repair_item, note
):
    browser = client_for(request.getfixturevalue(stranger))
    before = [snapshot(m) for m in (CheckInQuestion, RepairItem, GentleNote)]
    targets = [
        *requests_for(QUESTION_URLS, question),
        *requests_for(QUESTION_URLS, answered),
        *requests_for(REPAIR_URLS, repair_item),
        *requests_for(NOTE_URLS, note),
    ]
    for method, url in targets:
        response = getattr(browser, method)(url, {"answer": "taken over", "when": "other"})
        assert response.status_code == 404, (method, url)
    assert [snapshot(m) for m in (CheckInQuestion, RepairItem, GentleNote)] == before


@pytest.mark.parametrize("stranger", ["carol", "dave", "erin"])
def test_another_couple_never_sees_a_question_on_their_own_pages(
    request, client_for, stranger, question, answered
):
    browser = client_for(request.getfixturevalue(stranger))
    for name in ["talk", "talk_check_in"]:
        text = page(browser.get(reverse(name)))
        assert "How are you, love?" not in text
        assert "A little lonely" not in text
        assert "Alice" not in text and "Bob" not in text


def test_the_partner_gets_404_on_every_repair_item(client_for, bob, repair_item):
    browser = client_for(bob)
    before = snapshot(RepairItem)
    for method, url in requests_for(REPAIR_URLS, repair_item):
        response = getattr(browser, method)(url, {"when": "other"})
        assert response.status_code == 404, (method, url)
    assert snapshot(RepairItem) == before
    assert "plans changed" not in page(browser.get(reverse("talk_repair")))


def test_the_partner_gets_404_on_saved_sentences_and_never_sees_them(client_for, bob, note):
    browser = client_for(bob)
    assert browser.post(reverse("talk_note_delete", args=[note.pk])).status_code == 404
    assert GentleNote.objects.filter(pk=note.pk).exists()
    assert "the dishes" not in page(browser.get(reverse("talk_rephrase")))


def test_asker_and_partner_both_read_the_question_and_answer(client_for, alice, bob, answered):
    for person in (alice, bob):
        text = page(client_for(person).get(reverse("talk_question", args=[answered.pk])))
        assert "A little lonely this week." in text


def test_after_unlinking_the_former_partner_gets_404_on_the_very_next_request(
    client_for, alice, bob, question, answered
):
    bobs = client_for(bob)
    assert bobs.get(reverse("talk_question", args=[question.pk])).status_code == 200
    client_for(alice).post("/partner/unlink/")

    # Bob's session is unchanged, yet his very next request knows.
    for target in (question, answered):
        for method, url in requests_for(QUESTION_URLS, target):
            response = getattr(bobs, method)(url, {"answer": "Still here"})
            assert response.status_code == 404, (method, url)
    assert "A little lonely" not in page(bobs.get(reverse("talk")))


def test_after_unlinking_asking_is_refused_with_a_clear_message(client_for, alice, bob):
    alices = client_for(alice)
    client_for(bob).post("/partner/unlink/")
    response = alices.post(reverse("talk_check_in"), {"text": "How are you really doing?"})
    assert response.status_code == 200
    assert "You're not linked with a partner right now" in page(response)
    assert not CheckInQuestion.objects.exists()
    assert not Notification.objects.filter(user=bob).exists()


def test_a_new_partner_never_sees_questions_from_an_earlier_link(
    client_for, alice, bob, question, erin
):
    client_for(alice).post("/partner/unlink/")
    couple = Couple.objects.create()
    for person in (alice, erin):
        person.couple = couple
        person.save(update_fields=["couple"])
    assert client_for(erin).get(reverse("talk_question", args=[question.pk])).status_code == 404
    assert client_for(alice).get(reverse("talk_question", args=[question.pk])).status_code == 404


def test_no_talk_page_is_open_to_someone_logged_out(client, question, repair_item, note):
    urls = [
        reverse("talk"),
        reverse("talk_check_in"),
        reverse("talk_rephrase"),
        reverse("talk_repair"),
        reverse("talk_question", args=[question.pk]),
        reverse("talk_repair_item", args=[repair_item.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_question_belongs_to_the_link_it_was_asked_in(client_for, alice, bob, question):
    """Even if the old link somehow lingered, a new link between the same two people starts
    from nothing: the question is tied to the couple, not just to the two names."""
    couple = Couple.objects.create()
    for person in (alice, bob):
        person.couple = couple
        person.save(update_fields=["couple"])
    assert CheckInQuestion.objects.filter(pk=question.pk).exists()
    for person in (alice, bob):
        url = reverse("talk_question", args=[question.pk])
        assert client_for(person).get(url).status_code == 404
