"""Reminder words are gentle, and discreet ones reveal nothing about the relationship."""

import re
from datetime import timedelta

import pytest
from django.core import mail

from nearer.reminders.models import Notification
from nearer.reminders.tests.helpers import make_goal, tick, utc

DUE = utc(2026, 6, 1, 7, 30)  # 08:30 in London
ACTION = "tell my partner one thing I love about our marriage"
RELATIONSHIP_WORDS = re.compile(
    r"partner|relationship|love|couple|marri|spouse|husband|wife|hug", re.IGNORECASE
)


@pytest.fixture
def discreet_erin(in_london):
    in_london.discreet = True
    in_london.save(update_fields=["discreet"])
    return in_london


def test_discreet_reminder_has_no_relationship_words_and_not_the_goal(discreet_erin):
    make_goal(discreet_erin, action=ACTION)
    tick(DUE)
    [email] = mail.outbox
    notification = Notification.objects.get()
    for text in (email.subject, email.body, notification.text):
        assert not RELATIONSHIP_WORDS.search(text), text
        assert ACTION not in text
    assert email.subject == "A reminder from Nearer"
    assert "You asked for a nudge at 08:30." in email.body
    assert notification.text == "You asked for a nudge at 08:30."


def test_discreet_reminder_names_the_time_the_member_chose(discreet_erin):
    goal = make_goal(discreet_erin)
    goal.reminder_time = goal.reminder_time.replace(hour=19, minute=5)
    goal.save()
    tick(DUE + timedelta(hours=10, minutes=35))  # 19:05 BST
    assert "You asked for a nudge at 19:05." in mail.outbox[0].body


def test_reminder_shows_the_step_gently_when_not_discreet(in_london):
    goal = make_goal(in_london, action=ACTION)
    tick(DUE)
    [email] = mail.outbox
    assert email.subject == "A small step for today"
    assert ACTION in email.body
    assert f"/goals/{goal.pk}/reminder/" in email.body
    assert Notification.objects.get().text == f"A small step for today: {ACTION}"


@pytest.mark.parametrize("discreet", [True, False])
def test_reminder_never_pushes(in_london, discreet):
    in_london.discreet = discreet
    in_london.save(update_fields=["discreet"])
    make_goal(in_london)
    tick(DUE)
    texts = [mail.outbox[0].subject, mail.outbox[0].body, Notification.objects.get().text]
    for text in texts:
        assert "!" not in text
        assert not re.search(r"don't forget|missed|failed|streak|lost|must", text, re.I)
