"""When reminders are due: wall-clock times in each member's zone, turned into instants.

A reminder set for 08:30 is due at 08:30 local time on every day, on both sides of a
daylight-saving change. On the spring-forward day a time that does not exist (02:30 in New
York) is due once, at the shifted time (03:30); on the fall-back day a time that happens twice
(01:30) is due once, at its first occurrence.

The scheduler may run late or more than once a minute: an occurrence stays claimable for
``CLAIM_WINDOW`` after its time, and the claim itself (``ReminderDelivery``) is unique.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Q

from nearer.goals.models import CheckIn, Goal, HardSeason, Shape
from nearer.reminders.models import ReminderDelivery

CLAIM_WINDOW = timedelta(minutes=15)  # a scheduler that was away this long still catches up
DROP_AFTER = timedelta(hours=1)  # later than this, a reminder is no longer at the chosen time
# How far a wall-clock time can be from its instant's local time around a DST change: the
# largest shift in use is two hours; when no change is near, the window is exact.
DST_MARGIN = timedelta(hours=3)


@dataclass(frozen=True)
class Occurrence:
    goal: Goal
    local_date: date
    due_at: datetime


def zone_named(name: str) -> ZoneInfo:
    """The zone for a stored name; UTC for a name this system doesn't know (as User.zone)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def occurrence_at(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The instant (UTC) a reminder for ``at`` is due on the local date ``day``.

    ``fold=0`` picks the first of a repeated time, and for a skipped time uses the offset
    from before the change, which lands on the shifted time after it.
    """
    local = datetime.combine(day, at.replace(second=0, microsecond=0), tzinfo=zone)
    return local.replace(fold=0).astimezone(UTC)


def is_due(due_at: datetime, now: datetime) -> bool:
    return now - CLAIM_WINDOW < due_at <= now


def _wall_window(now: datetime, zone: ZoneInfo) -> Q:
    """A cheap database filter on ``reminder_time`` that keeps every time that can be due
    now in ``zone`` (the exact check follows in Python)."""
    earliest = now - CLAIM_WINDOW
    before = (earliest - DST_MARGIN).astimezone(zone).utcoffset()
    steady = before == (now + DST_MARGIN).astimezone(zone).utcoffset()
    margin = timedelta(minutes=1) if steady else DST_MARGIN
    low = earliest.astimezone(zone).replace(tzinfo=None) - margin
    high = now.astimezone(zone).replace(tzinfo=None) + margin
    if low.date() == high.date():
        return Q(reminder_time__gte=low.time(), reminder_time__lte=high.time())
    return Q(reminder_time__gte=low.time()) | Q(reminder_time__lte=high.time())


def _candidates(now: datetime) -> list[Goal]:
    with_reminders = Goal.objects.active().filter(
        reminder_time__isnull=False, owner__is_active=True
    )
    zones = with_reminders.values_list("owner__time_zone", flat=True).distinct()
    window = Q(pk__in=[])
    for name in zones:
        window |= Q(owner__time_zone=name) & _wall_window(now, zone_named(name))
    return list(with_reminders.filter(window).select_related("owner", "reminder_setting"))


def _occurrence_now(goal: Goal, now: datetime) -> Occurrence | None:
    """The goal's occurrence that is due at ``now``, if any (at most one: they are a day
    apart and claimable for minutes)."""
    setting = getattr(goal, "reminder_setting", None)
    if setting is not None and not (setting.by_email or setting.in_app):
        return None
    zone = goal.owner.zone
    today = now.astimezone(zone).date()
    for day in (today, today - timedelta(days=1)):
        due_at = occurrence_at(day, goal.reminder_time, zone)
        if not is_due(due_at, now) or day < goal.start_date:
            continue
        if goal.shape == Shape.DEADLINE and day > goal.deadline:
            continue
        if setting is not None and due_at <= setting.changed_at:
            continue  # set after that time had passed: it starts the next day
        return Occurrence(goal, day, due_at)
    return None


def due_occurrences(now: datetime) -> list[Occurrence]:
    """Occurrences due at ``now`` and not yet claimed. Silent before a goal starts, after a
    one-off goal's deadline, on a day already checked in (done or resting), and while the
    owner's hard season covers the day. A handful of queries, whatever the number of goals."""
    found = [o for goal in _candidates(now) if (o := _occurrence_now(goal, now))]
    if not found:
        return []
    goal_ids = {o.goal.pk for o in found}
    days = {o.local_date for o in found}
    owner_ids = {o.goal.owner_id for o in found}

    claimed = set(
        ReminderDelivery.objects.filter(goal_id__in=goal_ids, local_date__in=days).values_list(
            "goal_id", "local_date"
        )
    )
    checked_in = set(
        CheckIn.objects.filter(goal_id__in=goal_ids)
        .filter(Q(day__in=days) | Q(goal__shape=Shape.DEADLINE, kind=CheckIn.Kind.DONE))
        .values_list("goal_id", "day", "kind", "goal__shape")
    )
    done_once = {
        goal_id
        for goal_id, _, kind, shape in checked_in
        if shape == Shape.DEADLINE and kind == CheckIn.Kind.DONE
    }
    on_day = {(goal_id, day) for goal_id, day, _, _ in checked_in}
    seasons: dict[int, list[HardSeason]] = defaultdict(list)
    for season in HardSeason.objects.filter(
        owner_id__in=owner_ids, start_date__lte=max(days), end_date__gte=min(days)
    ):
        seasons[season.owner_id].append(season)

    return [
        o
        for o in found
        if (o.goal.pk, o.local_date) not in claimed
        and (o.goal.pk, o.local_date) not in on_day
        and o.goal.pk not in done_once
        and not any(s.covers(o.local_date) for s in seasons[o.goal.owner_id])
    ]
