"""From a coach's weekly availability to concrete slots, stored in UTC.

Availability is wall-clock time in the coach's zone: "Monday 18:00" in Europe/London stays
18:00 London time on both sides of a clock change, so its UTC instant moves by an hour.
On the spring-forward day a local time that does not exist (01:30 in London) gives no slot;
on the fall-back day a time that happens twice gives one slot, at its first occurrence.
A session's length is real time: a 60-minute session lasts 60 minutes across a change.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Exists, OuterRef

from nearer.coaching.models import Availability, Booking, CoachProfile, Slot

WEEKS_AHEAD = 4
MAX_WEEKS_AHEAD = 12


@dataclass(frozen=True)
class Planned:
    starts_at: datetime
    ends_at: datetime


def instant(day: date, at: time, zone: ZoneInfo) -> datetime | None:
    """The UTC instant of the wall-clock time ``at`` on ``day`` in ``zone``; None when the
    clocks skip it. ``fold=0`` picks the first of a repeated time."""
    local = datetime.combine(day, at, tzinfo=zone).replace(fold=0)
    utc = local.astimezone(UTC)
    if utc.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None  # in the spring-forward gap
    return utc


def planned_slots(
    rows: Iterable[Availability], zone: ZoneInfo, *, now: datetime, weeks: int
) -> dict[datetime, Planned]:
    """The slots ``rows`` ask for, from now until ``weeks`` weeks from the coach's today."""
    first = now.astimezone(zone).date()
    by_weekday: dict[int, list[Availability]] = {}
    for row in rows:
        by_weekday.setdefault(row.weekday, []).append(row)
    planned: dict[datetime, Planned] = {}
    for offset in range(weeks * 7):
        day = first + timedelta(days=offset)
        for row in by_weekday.get(day.weekday(), []):
            length = timedelta(minutes=row.session_minutes)
            for at in row.session_starts():
                starts_at = instant(day, at, zone)
                if starts_at is None or starts_at <= now:
                    continue
                planned[starts_at] = Planned(starts_at, starts_at + length)
    return planned


@transaction.atomic
def sync_slots(coach: CoachProfile, *, now: datetime, weeks: int = WEEKS_AHEAD) -> int:
    """Make the coach's future slots match their availability; return how many are new.

    Booked slots are never touched (the coach cancels those themselves). A slot no longer
    wanted is deleted if nobody ever booked it, and otherwise withdrawn, keeping the history
    of its cancelled bookings.
    """
    planned = planned_slots(coach.availability.all(), coach.zone, now=now, weeks=weeks)
    existing = list(
        Slot.objects.select_for_update()
        .filter(coach=coach, starts_at__gt=now)
        .annotate(
            booked=Exists(
                Booking.objects.filter(slot=OuterRef("pk"), status=Booking.Status.BOOKED)
            ),
            ever_booked=Exists(Booking.objects.filter(slot=OuterRef("pk"))),
        )
    )
    unused, withdraw, changed = [], [], []
    for slot in existing:
        want = planned.pop(slot.starts_at, None)
        if slot.booked:
            continue
        if want is None:
            (withdraw if slot.ever_booked else unused).append(slot.pk)
        elif slot.withdrawn_at is not None or slot.ends_at != want.ends_at:
            slot.withdrawn_at, slot.ends_at = None, want.ends_at
            changed.append(slot)
    Slot.objects.filter(pk__in=unused).delete()
    Slot.objects.filter(pk__in=withdraw).update(withdrawn_at=now)
    Slot.objects.bulk_update(changed, ["withdrawn_at", "ends_at"])
    Slot.objects.bulk_create(
        [Slot(coach=coach, starts_at=p.starts_at, ends_at=p.ends_at) for p in planned.values()],
        ignore_conflicts=True,
    )
    return len(planned)


def sync_all(*, now: datetime, weeks: int = WEEKS_AHEAD) -> tuple[int, int]:
    """Top up every active coach's slots; return (new slots, coaches)."""
    made, coaches = 0, 0
    for coach in CoachProfile.objects.active():
        made += sync_slots(coach, now=now, weeks=weeks)
        coaches += 1
    return made, coaches
