"""Helpers for coaching tests: slots, availability, the worker, calendar files."""

import re
from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar

from nearer.coaching.models import Availability, CoachProfile, Slot
from nearer.reminders.tests.helpers import run_worker  # the real db_worker loop, in-process

__all__ = ["run_worker"]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def make_slot(coach: CoachProfile, starts_at: datetime, minutes: int = 60) -> Slot:
    return Slot.objects.create(
        coach=coach, starts_at=starts_at, ends_at=starts_at + timedelta(minutes=minutes)
    )


def weekly(
    coach: CoachProfile, weekday: int, start: time, end: time, minutes: int = 60
) -> Availability:
    return Availability.objects.create(
        coach=coach, weekday=weekday, start_time=start, end_time=end, session_minutes=minutes
    )


def calendar_of(message) -> Calendar:
    """The one .ics attachment of an email, parsed."""
    [(name, content, mimetype)] = message.attachments
    assert name.endswith(".ics")
    assert mimetype == "text/calendar"
    return Calendar.from_ical(content)


def visible_text(response) -> str:
    """A page's HTML without the per-request CSRF tokens, for before/after comparisons."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", html)


def make_goal(owner, action: str, **fields):
    """An active goal of ``owner`` that began ten days ago."""
    from nearer.goals.models import Goal, Shape, default_review_date

    start = owner.today() - timedelta(days=10)
    values = {
        "shape": Shape.DAILY,
        "start_date": start,
        "review_date": default_review_date(start),
        **fields,
    }
    return Goal.objects.create(owner=owner, action=action, **values)
