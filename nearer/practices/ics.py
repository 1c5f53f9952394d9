"""An .ics invite for planned time together: one 10-minute event, in the member's time zone,
for the member to add to their calendar and to share with their partner.

Like the goals calendar (``nearer.exports.ics``): no alarm, private, free, and with discreet
wording on, a summary that says only "A small step" and no description.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from nearer.exports.ics import DISCREET_SUMMARY, site_host
from nearer.practices.models import TimeTogether

PRODID = "-//Nearer//Nearer practices 1.0//EN"
SUMMARY = "10 minutes together, phones away"
DESCRIPTION = "Ten minutes for the two of you, with phones put away. A timer is here:"


def invite_filename(owner) -> str:
    return "small-step.ics" if owner.discreet else "time-together.ics"


def time_together_invite(plan: TimeTogether, *, owner) -> Calendar:
    start = plan.starts_at.astimezone(owner.zone)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"plan-{plan.pk}@{site_host()}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=TimeTogether.MINUTES))
    event.add("summary", DISCREET_SUMMARY if owner.discreet else SUMMARY)
    if not owner.discreet:
        timer = settings.SITE_URL + reverse("time_together_timer")
        event.add("description", f"{DESCRIPTION} {timer}")
    event.add("class", "PRIVATE")
    event.add("transp", "OPAQUE")
    cal.add_component(event)
    cal.add_missing_timezones(
        first_date=start.date() - timedelta(days=1), last_date=start.date() + timedelta(days=2)
    )
    return cal
