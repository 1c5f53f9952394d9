"""No goal is made from words that suggest danger: its wording, its trigger or its "why".
Nothing is saved, the member gets the calm safety response with help that fits the kind, and
the form keeps every word they typed."""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from nearer.goals.models import Goal
from nearer.goals.tests.conftest import make_goal
from nearer.reminders.models import Notification

NEW = reverse("goal_new")
ABUSE_LINE = "National Domestic Violence Hotline"
CRISIS_LINE = "988 Suicide & Crisis Lifeline"


def valid(alice, **changes) -> dict:
    today = alice.today()
    data = {
        "action": "give my partner a real hug",
        "shape": "daily",
        "duration_unit": "minutes",
        "confidence": "8",
        "why": "",
        "trigger": "",
        "start_date": today.isoformat(),
        "review_date": (today + timedelta(days=28)).isoformat(),
    }
    data.update(changes)
    return data


def page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    "changes",
    [
        {"action": "keep quiet so he doesn't hit me again"},
        {"action": "stay calm at dinner", "why": "He choked me last night and I'm scared."},
        {
            "action": "count to ten before I answer",
            "shape": "if_then",
            "trigger": "when he says he will kill me",
        },
    ],
    ids=["wording", "why", "trigger"],
)
def test_danger_in_any_of_the_goals_own_words_saves_nothing(alice, alice_client, changes):
    response = alice_client.post(NEW, valid(alice, **changes))
    assert response.status_code == 200
    assert not Goal.objects.filter(owner=alice).exists()
    text = page(response)
    assert "data-safety" in text
    assert text.index(ABUSE_LINE) < text.index(CRISIS_LINE)
    assert "call 911" in text
    assert "Nothing was saved" in text
    # Every typed word is still in the form.
    for value in changes.values():
        assert value in text


def test_the_members_own_controlling_habit_stops_the_goal_too(alice, alice_client):
    response = alice_client.post(NEW, valid(alice, action="read her texts every night"))
    assert not Goal.objects.filter(owner=alice).exists()
    text = page(response)
    assert "data-safety" in text and ABUSE_LINE in text
    assert 'value="read her texts every night"' in text


def test_thoughts_of_not_wanting_to_live_put_the_crisis_line_first(alice, alice_client):
    response = alice_client.post(
        NEW, valid(alice, action="go for a walk", why="Because some days I want to end my life")
    )
    assert not Goal.objects.filter(owner=alice).exists()
    text = page(response)
    assert "You don't have to carry this alone" in text
    assert text.index(CRISIS_LINE) < text.index(ABUSE_LINE)


def test_the_lines_are_the_members_own_countrys(alice, alice_client):
    alice.country = "GB"
    alice.save()
    text = page(alice_client.post(NEW, valid(alice, action="keep quiet so he doesn't hit me")))
    assert "National Domestic Abuse Helpline" in text and "call 999" in text
    assert ABUSE_LINE not in text


def test_an_ordinary_goal_is_still_saved(alice, alice_client):
    response = alice_client.post(
        NEW, valid(alice, action="stop checking my own phone at dinner", why="To be present")
    )
    assert response.status_code == 302
    assert Goal.objects.filter(owner=alice).count() == 1


def test_the_safety_response_comes_before_the_smaller_version_offer(alice, alice_client):
    response = alice_client.post(
        NEW, valid(alice, action="keep quiet so he doesn't hit me", confidence="3", offer="keep")
    )
    assert not Goal.objects.filter(owner=alice).exists()
    assert "data-safety" in page(response)


def test_changing_a_goal_into_danger_words_keeps_the_goal_as_it_was(alice, alice_client):
    goal = make_goal(alice, action="give my partner a real hug", is_shared=True)
    response = alice_client.post(
        reverse("goal_edit", args=[goal.pk]),
        valid(alice, action=goal.action, why="so she won't throw things at me"),
    )
    assert response.status_code == 200
    assert "data-safety" in page(response)
    goal.refresh_from_db()
    assert goal.why == ""


def test_nobody_else_is_told(alice, bob, alice_client):
    alice_client.post(NEW, valid(alice, action="keep quiet so he doesn't hit me"))
    assert mail.outbox == []
    assert not Notification.objects.filter(user=bob).exists()


def test_the_safety_response_never_blames_a_member_in_danger(alice, alice_client):
    response = alice_client.post(NEW, valid(alice, action="keep quiet so he doesn't hit me again"))
    text = page(response)
    assert "You deserve to feel safe." in text
    assert "so does your partner" not in text


def test_the_members_own_controlling_goal_hears_that_the_partner_deserves_safety_too(
    alice, alice_client, monkeypatch
):
    from nearer.safety import reader

    monkeypatch.setattr(reader, "read", lambda text, **kwargs: None)  # the goal rules alone
    response = alice_client.post(NEW, valid(alice, action="read her texts every night"))
    assert not Goal.objects.filter(owner=alice).exists()
    assert "You deserve to feel safe, and so does your partner." in page(response)
