"""Pages that can show a private note, a safety response, the private check or the support-first
note tell the browser never to keep them (``Cache-Control: no-store``), so the back button or a
saved copy can't show them to someone else using the same device later."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nearer.conversations.models import CheckInQuestion, RepairItem
from nearer.goals.models import Goal, Shape, default_review_date
from nearer.practices.models import Appreciation, SmallAct
from nearer.safety.tests.helpers import DANGER, NOTE

pytestmark = pytest.mark.django_db

AFRAID = {
    "safety-choice": "answer",
    "safety-afraid": "yes",
    "safety-hurt": "no",
    "safety-kept_from": "no",
    "safety-safe_to_say_no": "yes",
}


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def never_kept(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_practice_pages_with_a_private_note_are_never_kept(alice):
    day = alice.today()
    written = Appreciation.objects.create(author=alice, text=DANGER, day=day)
    done = SmallAct.objects.create(owner=alice, note=DANGER, day=day)
    alices = browser(alice)
    for name, token in (("practice_appreciation", written.token), ("practice_acts", done.token)):
        response = alices.get(reverse(name), {"saved": token})
        assert NOTE in response.content.decode(), name
        assert never_kept(response), name


def test_talk_pages_with_a_private_note_are_never_kept(alice, bob):
    asked = CheckInQuestion.objects.create(
        couple_id=alice.couple_id, asker=alice, partner=bob, text=DANGER
    )
    item = RepairItem.objects.create(owner=alice, issue=DANGER, talk_at=timezone.now())
    alices = browser(alice)
    pages = [
        alices.get(reverse("talk_check_in")),
        alices.get(reverse("talk_question", args=[asked.pk])),
        alices.post(reverse("talk_rephrase"), {"text": DANGER}),
        alices.get(reverse("talk_repair_item", args=[item.pk])),
    ]
    for response in pages:
        assert response.status_code == 200
        assert NOTE in response.content.decode(), response.request["PATH_INFO"]
        assert never_kept(response), response.request["PATH_INFO"]


def test_goal_forms_that_can_show_the_safety_response_are_never_kept(alice):
    goal = Goal.objects.create(
        owner=alice,
        action="thank him for dinner",
        shape=Shape.WEEKLY,
        times_per_week=1,
        review_date=default_review_date(alice.today()),
    )
    alices = browser(alice)
    refused = alices.post(reverse("goal_new"), {"action": DANGER})
    assert "You deserve to feel safe" in refused.content.decode()
    assert never_kept(refused)
    assert never_kept(alices.get(reverse("goal_new")))
    assert never_kept(alices.get(reverse("goal_edit", args=[goal.pk])))
    assert never_kept(alices.post(reverse("goal_edit", args=[goal.pk]), {"action": DANGER}))


def test_a_step_with_the_support_first_note_is_never_kept(alice):
    alices = browser(alice)
    alices.post(reverse("safety_check"), AFRAID)

    response = alices.get(reverse("program_step", args=["appreciation"]))

    assert "data-support-first" in response.content.decode()
    assert never_kept(response)


def test_the_private_check_pages_are_never_kept(alice, erin):
    alices = browser(alice)
    assert never_kept(alices.get(reverse("safety_check")))
    assert never_kept(alices.get(reverse("safety_support")))
    # The check met on the way into couples work, drawn by another page's view.
    met = browser(erin).post(reverse("partner_invite"))
    assert "safety/screen.html" in [t.name for t in met.templates]
    assert never_kept(met)
