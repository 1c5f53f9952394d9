"""A member's goals as RFC 5545 events, for the calendar feed and the per-goal download.

How each goal shape becomes events (icalendar does the folding and escaping):

- **daily**: one event a day, ``RRULE:FREQ=DAILY``.
- **N times a week**: ``RRULE:FREQ=WEEKLY`` on N weekdays spread evenly from Monday; the
  i-th of n falls on weekday ``floor(i * 7 / n)``: 1 → MO, 2 → MO,TH, 3 → MO,WE,FR,
  4 → MO,TU,TH,SA, 5 → MO,TU,WE,FR,SA, 6 → MO to SA, 7 → every day. Goals of 8 to 14 times
  a week also show every day: a calendar holds one entry a day, and the count stays in Nearer.
- **if-then**: no event. It happens when the moment comes, not at a time of day.
- **one-off**: a single all-day event on the deadline.

Recurring events start on the first matching day on or after the start date, at the goal's
reminder time in the member's time zone (``TZID`` with a ``VTIMEZONE``), and last the goal's
duration or 15 minutes; without a reminder time they are all-day events. They repeat until
the review date, that day included (``UNTIL``, in UTC for timed events as RFC 5545 asks).
Days inside a hard season are left out (``EXDATE``): the goals are resting then. Every goal
also gets an all-day "Review your goal" event on its review date.

Events carry no alarms (Nearer sends its own reminders, and two would nag), are marked
private (``CLASS:PRIVATE``) and free (``TRANSP:TRANSPARENT``). With discreet wording on, an
event says only "A small step": no action text, no description.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from nearer.goals.models import Goal, HardSeason, Shape

PRODID = "-//Nearer//Nearer goals 1.0//EN"
DEFAULT_DURATION = timedelta(minutes=15)
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DISCREET_SUMMARY = "A small step"
REVIEW_SUMMARY = "Review your goal"
CHECK_IN = "Check in on Nearer whenever you're ready:"
REVIEW = "When you're ready, renew this goal, adjust it or complete it on Nearer:"


def spread_weekdays(times_per_week: int) -> list[int]:
    """Weekday numbers (Monday 0) for a goal done ``times_per_week`` times, spread evenly."""
    n = min(max(times_per_week, 1), 7)
    return [i * 7 // n for i in range(n)]


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "nearer.invalid"


def build_calendar(*, owner, goals: Iterable[Goal], seasons: Iterable[HardSeason] = ()) -> Calendar:
    """A VCALENDAR with the events of ``goals``, worded for ``owner`` (their zone, discretion)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Small steps" if owner.discreet else "Nearer")
    cal.add("x-published-ttl", "PT1H")
    writer = _EventWriter(owner=owner, seasons=list(seasons))
    first, last = None, None
    for goal in goals:
        for event in writer.events_for(goal):
            cal.add_component(event)
        start, end = goal.start_date, max(goal.review_date, goal.deadline or goal.review_date)
        first = start if first is None else min(first, start)
        last = end if last is None else max(last, end)
    if first is not None:
        # VTIMEZONE rules just for the span the events cover, not 1970 to 2038.
        cal.add_missing_timezones(
            first_date=first - timedelta(days=1), last_date=last + timedelta(days=2)
        )
    return cal


class _EventWriter:
    def __init__(self, *, owner, seasons: list[HardSeason]) -> None:
        self.zone: ZoneInfo = owner.zone
        self.discreet: bool = owner.discreet
        self.seasons = seasons
        self.host = site_host()
        self.stamp = timezone.now()
        self.link = settings.SITE_URL + reverse("home")

    def events_for(self, goal: Goal) -> list[Event]:
        events = []
        if goal.shape in (Shape.DAILY, Shape.WEEKLY):
            event = self._recurring(goal)
            if event is not None:
                events.append(event)
        elif goal.shape == Shape.DEADLINE and goal.deadline is not None:
            events.append(
                self._all_day(f"goal-{goal.pk}", goal.deadline, self._summary(goal), CHECK_IN)
            )
        review_summary = REVIEW_SUMMARY if self.discreet else f"{REVIEW_SUMMARY}: {goal.action}"
        events.append(
            self._all_day(f"goal-{goal.pk}-review", goal.review_date, review_summary, REVIEW)
        )
        return events

    def _recurring(self, goal: Goal) -> Event | None:
        weekdays = (
            list(range(7))
            if goal.shape == Shape.DAILY
            else (spread_weekdays(goal.times_per_week or 7))
        )
        first = _first_on_or_after(goal.start_date, weekdays)
        if first > goal.review_date:
            return None
        rule: dict = (
            {"freq": "daily"}
            if len(weekdays) == 7
            else {
                "freq": "weekly",
                "byday": [WEEKDAYS[d] for d in weekdays],
            }
        )
        resting = [
            day for day in self._season_days(first, goal.review_date) if day.weekday() in weekdays
        ]
        event = self._event(f"goal-{goal.pk}", self._summary(goal), CHECK_IN)
        if goal.reminder_time is None:
            event.add("dtstart", first)
            event.add("dtend", first + timedelta(days=1))
            rule["until"] = goal.review_date
            exdates: list = resting
        else:
            event.add("dtstart", self._at(first, goal.reminder_time))
            event.add(
                "duration",
                timedelta(seconds=goal.duration_seconds)
                if goal.duration_seconds
                else (DEFAULT_DURATION),
            )
            end_of_review_day = self._at(goal.review_date, time(23, 59, 59))
            rule["until"] = end_of_review_day.astimezone(UTC)
            exdates = [self._at(day, goal.reminder_time) for day in resting]
        event.add("rrule", rule)
        if exdates:
            event.add("exdate", exdates)
        return event

    def _summary(self, goal: Goal) -> str:
        return DISCREET_SUMMARY if self.discreet else goal.action

    def _event(self, uid: str, summary: str, description: str) -> Event:
        event = Event()
        event.add("uid", f"{uid}@{self.host}")
        event.add("dtstamp", self.stamp)
        event.add("summary", summary)
        if not self.discreet:
            event.add("description", f"{description} {self.link}")
        event.add("class", "PRIVATE")
        event.add("transp", "TRANSPARENT")
        return event

    def _all_day(self, uid: str, day: date, summary: str, description: str) -> Event:
        event = self._event(uid, summary, description)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        return event

    def _at(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.zone)

    def _season_days(self, first: date, last: date) -> list[date]:
        days: set[date] = set()
        for season in self.seasons:
            day, end = max(season.start_date, first), min(season.end_date, last)
            while day <= end:
                days.add(day)
                day += timedelta(days=1)
        return sorted(days)


def _first_on_or_after(day: date, weekdays: list[int]) -> date:
    while day.weekday() not in weekdays:
        day += timedelta(days=1)
    return day
