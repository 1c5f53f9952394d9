"""One small act of care: ideas, a note for oneself, and, if the member chooses, a gentle
notice for the partner. Counted toward the weekly goal once a day."""

from datetime import timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn
from nearer.practices.models import SmallAct
from nearer.practices.tests.conftest import TODAY, goal_for_step, messages_in, token
from nearer.reminders.models import Notification

pytestmark = pytest.mark.django_db

STEP = "small-act-of-care"


def did(client, **data):
    fields = {"token": token(), **data}
    return client.post(reverse("practice_acts"), fields, follow=True)


def test_the_page_offers_ideas_in_our_words(alice_client, bob):
    response = alice_client.get(reverse("practice_acts"))

    body = response.content.decode()
    for idea in ["Made their coffee or tea", "Sent a warm message", "Took a task off their hands"]:
        assert idea in body
    assert "Let Bob know" in body


def test_a_member_notes_a_small_act_with_a_note(alice_client, alice):
    response = did(alice_client, kind="drink", note="Tea with honey, the way he likes it")

    act = SmallAct.objects.get(owner=alice)
    assert (act.day, act.kind, act.note, act.told_partner) == (
        TODAY,
        SmallAct.Kind.DRINK,
        "Tea with honey, the way he likes it",
        False,
    )
    assert "Noted. Small and kind is plenty." in messages_in(response)
    assert not Notification.objects.exists()
    assert b"Tea with honey" in response.content


def test_telling_the_partner_sends_a_gentle_notice_without_the_note(alice_client, alice, bob):
    response = did(alice_client, kind="note", note="My private words", tell="on")

    assert SmallAct.objects.get(owner=alice).told_partner
    notice = Notification.objects.get(user=bob)
    assert notice.text == "Alice did something small and kind for you today."
    assert "My private words" not in notice.text
    assert "Noted. Bob will see a gentle notice." in messages_in(response)
    assert not Notification.objects.filter(user=alice).exists()


def test_an_act_counts_toward_the_weekly_goal_once_a_day(alice_client, alice, now):
    goal = goal_for_step(alice, STEP, times_per_week=3)

    first = did(alice_client)
    did(alice_client, kind="task")
    now.shift(timedelta(days=1))
    did(alice_client)

    assert list(goal.checkins.values_list("day", "count")) == [
        (TODAY, 1),
        (TODAY + timedelta(days=1), 1),
    ]
    assert "It counts toward your goal." in messages_in(first)
    assert SmallAct.objects.count() == 3


def test_an_act_works_without_a_goal_and_offers_to_start_one(alice_client, alice):
    response = did(alice_client)

    assert SmallAct.objects.filter(owner=alice).exists()
    assert not CheckIn.objects.exists()
    assert b"/goals/new/?step=small-act-of-care" in response.content


def test_a_member_alone_notes_an_act_with_no_one_to_tell(client, erin):
    client.force_login(erin)

    page = client.get(reverse("practice_acts"))
    did(client, kind="message")

    assert b"Let " not in page.content
    assert SmallAct.objects.get(owner=erin).kind == SmallAct.Kind.MESSAGE


def test_a_member_alone_cannot_tell_anyone(client, erin):
    client.force_login(erin)

    response = client.post(reverse("practice_acts"), {"tell": "on", "token": token()})

    assert response.status_code == 400
    assert b"there&#x27;s no one to tell" in response.content
    assert not SmallAct.objects.exists()
    assert not Notification.objects.exists()


def test_a_resent_form_notes_and_tells_once(alice_client, alice, bob):
    data = {"kind": "drink", "tell": "on", "token": token()}

    alice_client.post(reverse("practice_acts"), data)
    again = alice_client.post(reverse("practice_acts"), data, follow=True)

    assert SmallAct.objects.count() == 1
    assert Notification.objects.filter(user=bob).count() == 1
    assert "Already noted. That counts." in messages_in(again)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"note": "x" * 201},
            "Please keep the note to 200 characters or fewer (this one has 201).",
        ),
        ({"note": "x" * 50_000}, "Please keep the note to 200 characters or fewer"),
        ({"note": "a\x00b"}, "There's a hidden character in there that can't be saved."),
        ({"kind": "flowers"}, "Please choose one of the ideas, or none at all."),
        ({"token": "12345"}, "This page was a little out of date. Please try once more."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(alice_client, alice, bob, data, message):
    goal = goal_for_step(alice, STEP)

    response = alice_client.post(reverse("practice_acts"), {"token": token(), "tell": "on", **data})

    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not SmallAct.objects.exists()
    assert not Notification.objects.exists()
    assert not goal.checkins.exists()


def test_a_note_of_two_hundred_characters_is_fine(alice_client, alice):
    did(alice_client, note="x" * 200)

    assert len(SmallAct.objects.get().note) == 200
