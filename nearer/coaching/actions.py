"""Changing coaching state: publishing availability, booking, moving and cancelling sessions,
and claiming day-before reminders. Each is atomic; emails are queued in the same transaction
(the task queue is a database table), so a booking and its confirmation happen together.

No double booking: booking locks the slot row (``select_for_update``, a no-op on SQLite,
whose immediate transactions already take turns), and the partial unique constraint
``one_active_booking_per_slot`` refuses a second active booking whatever happens above it.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F

from nearer.accounts.models import User
from nearer.coaching.emails import BOOKED, CANCELLED, MOVED
from nearer.coaching.models import Availability, Booking, BookingReminder, CoachProfile, Slot
from nearer.coaching.slots import WEEKS_AHEAD, sync_slots
from nearer.coaching.tasks import deliver_booking_reminder, send_booking_emails
from nearer.coaching.wording import when_with_zone
from nearer.lib.scheduling import claim_once

REMIND_BEFORE = timedelta(hours=24)
RETRY_AFTER = timedelta(minutes=5)  # a queued reminder not delivered by then is queued again

TAKEN = "Someone else has just booked that time. Please choose another one."
GONE = "That time is no longer offered. Please choose one of the open times."
PAST = "That time has already begun. Please choose one of the open times."
OWN = "That is one of your own times as a coach, so it can't be booked from your account."
OTHER_COACH = "Please choose one of {coach}'s open times, or cancel and book with someone else."
ALREADY = (
    "You already have a session with {coach} on {when}. You can move it to another time or "
    "cancel it from its page."
)
SAME = "That is already your session's time. Please choose a different one."
NOT_ACTIVE = "This session is already cancelled."
STARTED = "This session has already begun, so it can't be changed now."


class BookingError(Exception):
    """A booking that can't be made or changed, with words to show the member."""


@transaction.atomic
def publish_availability(
    *, coach: CoachProfile, rows: Iterable[dict], time_zone: str, now: datetime
) -> int:
    """Replace the coach's weekly availability and bring their slots in line at once;
    return how many open slots they now have."""
    coach.time_zone = time_zone
    coach.save(update_fields=["time_zone"])
    coach.availability.all().delete()
    Availability.objects.bulk_create(Availability(coach=coach, **row) for row in rows)
    sync_slots(coach, now=now, weeks=WEEKS_AHEAD)
    return Slot.objects.open(now=now).filter(coach=coach).count()


def _lock_member(member: User) -> None:
    """Take the member's row lock, so one member's bookings are made one at a time."""
    list(User.objects.select_for_update().filter(pk=member.pk).values_list("pk", flat=True))


def _lock_bookable_slot(slot_id: int, *, member: User, now: datetime) -> Slot:
    slot = (
        Slot.objects.select_for_update(of=("self",))
        .select_related("coach__user")
        .filter(pk=slot_id)
        .first()
    )
    if slot is None or slot.withdrawn_at is not None or not slot.coach.is_active:
        raise BookingError(GONE)
    if not slot.coach.user.is_active:
        raise BookingError(GONE)
    if slot.starts_at <= now:
        raise BookingError(PAST)
    if slot.coach.user_id == member.pk:
        raise BookingError(OWN)
    if Booking.objects.active().filter(slot=slot).exists():
        raise BookingError(TAKEN)
    return slot


def _create(**fields) -> Booking:
    try:
        with transaction.atomic():
            return Booking.objects.create(**fields)
    except IntegrityError as e:  # the constraint: someone else's booking got there first
        raise BookingError(TAKEN) from e


@transaction.atomic
def book_slot(*, member: User, slot_id: int, now: datetime) -> Booking:
    """Book the slot for ``member``, or raise ``BookingError`` saying why not."""
    _lock_member(member)
    slot = _lock_bookable_slot(slot_id, member=member, now=now)
    existing = (
        Booking.objects.upcoming(now=now)
        .filter(member=member, slot__coach=slot.coach)
        .select_related("slot")
        .first()
    )
    if existing is not None:
        when = when_with_zone(existing.slot.starts_at, existing.slot.ends_at, member.zone)
        raise BookingError(ALREADY.format(coach=slot.coach.display_name, when=when))
    booking = _create(slot=slot, member=member, created_at=now)
    send_booking_emails.enqueue(booking.pk, BOOKED)
    return booking


def _lock_active(booking: Booking, *, now: datetime) -> Booking:
    locked = Booking.objects.select_for_update(of=("self",)).select_related("slot__coach")
    locked = locked.get(pk=booking.pk)
    if not locked.is_active:
        raise BookingError(NOT_ACTIVE)
    if locked.slot.starts_at <= now:
        raise BookingError(STARTED)
    return locked


@transaction.atomic
def reschedule_booking(*, booking: Booking, slot_id: int, now: datetime) -> Booking:
    """Move a member's booking to another of the same coach's slots: the new booking is made
    and the old one cancelled in one transaction, so either both happen or neither."""
    member = booking.member
    _lock_member(member)
    old = _lock_active(booking, now=now)
    if old.slot_id == slot_id:
        raise BookingError(SAME)
    slot = _lock_bookable_slot(slot_id, member=member, now=now)
    if slot.coach_id != old.slot.coach_id:
        raise BookingError(OTHER_COACH.format(coach=old.slot.coach.display_name))
    old.status = Booking.Status.CANCELLED
    old.cancelled_at = now
    old.cancelled_by = member
    old.save(update_fields=["status", "cancelled_at", "cancelled_by"])
    new = _create(
        slot=slot,
        member=member,
        created_at=now,
        replaces=old,
        uid=old.uid,
        sequence=old.sequence + 1,
    )
    new.shared_goals.set(old.shared_goals.all())
    old.shared_goals.clear()
    send_booking_emails.enqueue(new.pk, MOVED)
    return new


@transaction.atomic
def cancel_booking(*, booking: Booking, by: User, now: datetime) -> Booking:
    """Cancel a booking (the member or the coach): the slot is open again at once, and the
    coach's view of the member's shared goals ends with it."""
    locked = _lock_active(booking, now=now)
    locked.status = Booking.Status.CANCELLED
    locked.cancelled_at = now
    locked.cancelled_by = by
    locked.sequence += 1
    locked.save(update_fields=["status", "cancelled_at", "cancelled_by", "sequence"])
    locked.shared_goals.clear()
    send_booking_emails.enqueue(locked.pk, CANCELLED)
    return locked


def due_reminders(*, now: datetime):
    """Active bookings whose session starts within a day and that were booked more than a
    day ahead (a later booking has just had its confirmation), not yet claimed."""
    return Booking.objects.active().filter(
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + REMIND_BEFORE,
        created_at__lte=F("slot__starts_at") - REMIND_BEFORE,
        reminder__isnull=True,
    )


def claim_due_reminders(*, now: datetime) -> int:
    """Claim each due day-before reminder and queue its delivery; return how many.

    Safe to run any number of times, in any number of processes at once: the claim row is
    unique per booking and written in the same transaction as the queued task.
    """
    claimed = 0
    for booking in due_reminders(now=now).select_related("slot"):
        claimed += claim_once(
            lambda booking=booking: BookingReminder.objects.create(
                booking=booking,
                due_at=booking.slot.starts_at - REMIND_BEFORE,
                claimed_at=now,
                enqueued_at=now,
            ),
            lambda reminder: deliver_booking_reminder.enqueue(reminder.pk),
        )
    requeue_stalled(now=now)
    return claimed


def requeue_stalled(*, now: datetime) -> int:
    """Queue again reminders a worker took but never finished; the task is idempotent."""
    requeued = 0
    stalled = BookingReminder.objects.filter(
        delivered_at__isnull=True,
        booking__status=Booking.Status.BOOKED,
        booking__slot__starts_at__gt=now,
        enqueued_at__lte=now - RETRY_AFTER,
    )
    for reminder in stalled:
        with transaction.atomic():
            moved = BookingReminder.objects.filter(
                pk=reminder.pk, enqueued_at=reminder.enqueued_at, delivered_at__isnull=True
            ).update(enqueued_at=now)
            if moved:
                deliver_booking_reminder.enqueue(reminder.pk)
                requeued += 1
    return requeued
