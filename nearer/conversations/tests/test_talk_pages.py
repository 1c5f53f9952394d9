"""The Talk index and how every talk page copes with bad input: a clear message or a 404,
never a 500, and nothing saved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nearer.conversations.models import CheckInQuestion, GentleNote, Preference, RepairItem
from nearer.conversations.tests.helpers import page

pytestmark = pytest.mark.django_db

HUGE = 10**30


def test_the_talk_page_links_the_three_tools(alice_client):
    text = page(alice_client.get(reverse("talk")))
    for name in ["talk_check_in", "talk_rephrase", "talk_repair"]:
        assert f'href="{reverse(name)}"' in text


def test_an_incoming_question_waits_on_the_talk_page_with_answer_and_not_now(
    client_for, alice, bob
):
    question = CheckInQuestion.objects.create(
        couple=alice.couple, asker=alice, partner=bob, text="How are you really doing?"
    )
    text = page(client_for(bob).get(reverse("talk")))
    assert "Alice is asking" in text
    assert reverse("talk_question", args=[question.pk]) in text
    assert reverse("talk_question_not_now", args=[question.pk]) in text
    # Alice's own question is not "incoming" for her.
    assert "Alice is asking" not in page(client_for(alice).get(reverse("talk")))


def test_an_answer_shows_on_the_askers_talk_page_for_a_while(client_for, alice, bob):
    CheckInQuestion.objects.create(
        couple=alice.couple,
        asker=alice,
        partner=bob,
        status=CheckInQuestion.Status.ANSWERED,
        answer="Okay",
        responded_at=timezone.now(),
    )
    assert "Bob answered your question." in page(client_for(alice).get(reverse("talk")))


def test_the_talk_pages_use_a_small_fixed_number_of_queries(
    client_for, alice, bob, django_assert_max_num_queries
):
    for i in range(20):
        RepairItem.objects.create(
            owner=alice, issue=f"thing {i}", talk_at=timezone.now() + timedelta(hours=30)
        )
        GentleNote.objects.create(owner=alice, text=f"note {i}")
        CheckInQuestion.objects.create(
            couple=alice.couple,
            asker=alice,
            partner=bob,
            status=CheckInQuestion.Status.NOT_NOW,
            responded_at=timezone.now(),
        )
    browser = client_for(alice)
    for name in ["talk", "talk_check_in", "talk_rephrase", "talk_repair"]:
        with django_assert_max_num_queries(10):
            assert browser.get(reverse(name)).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "talk_question",
        "talk_question_answer",
        "talk_question_not_now",
        "talk_question_thank",
        "talk_repair_item",
        "talk_repair_done",
        "talk_repair_time",
        "talk_repair_delete",
        "talk_note_delete",
    ],
)
def test_an_enormous_or_unknown_id_is_a_404(alice_client, name):
    for pk in [HUGE, 2**63, 2**63 - 1, 0, 999]:
        assert alice_client.post(reverse(name, args=[pk])).status_code in (404, 405)
        assert alice_client.get(reverse(name, args=[pk])).status_code in (404, 405)


@pytest.mark.parametrize(
    "url",
    ["/talk/check-in/abc/", "/talk/repair/-1/", "/talk/rephrase/notes/1.5/delete/"],
)
def test_a_malformed_id_is_a_404(alice_client, url):
    assert alice_client.get(url).status_code == 404


@pytest.mark.parametrize(
    "name",
    ["talk_email", "talk_rephrase_use"],
)
def test_post_only_pages_refuse_a_plain_visit(alice_client, name):
    assert alice_client.get(reverse(name)).status_code == 405


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"text": ["one", "two"]},
        {"text": "\x00"},
        {"issue": "a", "when": "\x00", "other": "\x00"},
        {"when": "2026-13-45T99:99", "issue": "x"},
        {"when": "other", "other": "2026-03-04T10:00:00+05:00", "issue": "x"},
        {"rewrite": "x" * 10_000, "save": "maybe"},
        {"email_questions": "definitely"},
    ],
)
def test_junk_posted_anywhere_never_breaks_a_page(client_for, alice, bob, data):
    browser = client_for(alice)
    question = CheckInQuestion.objects.create(couple=alice.couple, asker=bob, partner=alice)
    item = RepairItem.objects.create(
        owner=alice, issue="thing", talk_at=timezone.now() + timedelta(hours=30)
    )
    before = (RepairItem.objects.values("talk_at", "issue").get(), GentleNote.objects.count())
    urls = [
        reverse("talk_check_in"),
        reverse("talk_rephrase"),
        reverse("talk_rephrase_use"),
        reverse("talk_repair"),
        reverse("talk_email"),
        reverse("talk_question_answer", args=[question.pk]),
        reverse("talk_repair_time", args=[item.pk]),
    ]
    for url in urls:
        response = browser.post(url, data)
        assert response.status_code in (200, 302), (url, response.status_code)
    assert (RepairItem.objects.values("talk_at", "issue").get(), GentleNote.objects.count()) == (
        before
    )
    assert CheckInQuestion.objects.get(pk=question.pk).status == CheckInQuestion.Status.OPEN
    assert Preference.objects.filter(user=alice).count() <= 1
