"""Reading calendars the way a calendar app does."""

from datetime import datetime, time

from dateutil.rrule import rrulestr
from icalendar import Calendar


def parse(response) -> Calendar:
    content = response.content if not response.streaming else response.getvalue()
    return Calendar.from_ical(content)


def event_by_uid(cal: Calendar, uid_start: str):
    found = [e for e in cal.walk("VEVENT") if str(e["UID"]).split("@")[0] == uid_start]
    assert len(found) <= 1
    return found[0] if found else None


def occurrences(event) -> list:
    """Expand an event's RRULE (minus its EXDATEs) the way a calendar app does."""
    start = event.decoded("DTSTART")
    all_day = not isinstance(start, datetime)
    dtstart = datetime.combine(start, time()) if all_day else start
    rules = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dtstart, forceset=True)
    for excluded in event.exdates:
        rules.exdate(datetime.combine(excluded, time()) if all_day else excluded)
    found = list(rules)
    return [moment.date() for moment in found] if all_day else found
