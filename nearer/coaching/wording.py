"""Session times in words, in the reader's own time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

from nearer.goals.strength import describe
from nearer.goals.wording import day_label


def zone_label(zone: ZoneInfo) -> str:
    return str(zone).replace("_", " ")


def clock(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def when(starts_at: datetime, ends_at: datetime, zone: ZoneInfo) -> str:
    """ "Monday 30 March, 18:00–19:00" in ``zone``."""
    local = starts_at.astimezone(zone)
    return f"{day_label(local.date())}, {clock(starts_at, zone)}–{clock(ends_at, zone)}"


def when_with_zone(starts_at: datetime, ends_at: datetime, zone: ZoneInfo) -> str:
    return f"{when(starts_at, ends_at, zone)} ({zone_label(zone)} time)"


# The goals app words strength for its owner ("Part of your life now"); a coach reads it
# about someone else.
FOR_COACH = {"Ready when you are": "Ready to begin"}


def strength_for_coach(strength: float) -> str:
    words = describe(strength)
    return FOR_COACH.get(words, words.replace("your", "their"))
