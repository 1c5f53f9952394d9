"""What a reminder says. Gentle always; discreet members get words that reveal nothing to
someone glancing at their phone or inbox: no relationship words and not the goal itself."""

from dataclasses import dataclass
from datetime import time

from django.conf import settings
from django.urls import reverse

from nearer.goals.models import Goal

DISCREET_SUBJECT = "A reminder from Nearer"
GENTLE_SUBJECT = "A small step for today"


@dataclass(frozen=True)
class ReminderText:
    subject: str
    body: str
    notification: str


def clock(at: time) -> str:
    return at.strftime("%H:%M")


def reminder_text(goal: Goal, *, at: time) -> ReminderText:
    site = settings.SITE_URL
    footer = (
        f"Open Nearer: {site}/\n\n"
        "To change the time or turn this reminder off: "
        f"{site}{reverse('reminder', args=[goal.pk])}\n"
    )
    if goal.owner.discreet:
        line = f"You asked for a nudge at {clock(at)}."
        return ReminderText(DISCREET_SUBJECT, f"{line}\n\n{footer}", line)
    body = (
        "Here is the small step you chose:\n\n"
        f"    {goal.action}\n\n"
        "Whenever you're ready. A small try counts.\n\n"
        f"{footer}"
    )
    return ReminderText(GENTLE_SUBJECT, body, f"A small step for today: {goal.action}")
