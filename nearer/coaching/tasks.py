"""Background work run by the worker (`manage.py db_worker`): coaching emails."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from nearer.coaching.emails import CANCELLED, EVENTS, REMINDER, coach_email, member_email
from nearer.coaching.models import Booking, BookingReminder


@task()
def send_booking_emails(booking_id: int, event: str) -> str:
    """Tell the member (always) and the coach (when the member acted) that a booking was
    made, moved or cancelled. Queued in the same transaction as the change itself."""
    booking = (
        Booking.objects.select_related("slot__coach__user", "member", "replaces__slot")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None or event not in EVENTS:
        return "gone"
    emails = [member_email(booking, event, old=booking.replaces)]
    if event != CANCELLED or booking.cancelled_by_id == booking.member_id:
        emails.append(coach_email(booking, event, old=booking.replaces))
    for email in emails:
        email.send()
    return "sent"


@task()
def deliver_booking_reminder(reminder_id: int) -> str:
    """Send the day-before reminder for one claimed booking.

    Idempotent: the claim row is locked and marked delivered in one transaction, so a second
    run (a re-queued copy, a second worker) finds it done; the email leaves after the commit.
    """
    now = timezone.now()
    with transaction.atomic():
        reminder = (
            BookingReminder.objects.select_for_update(of=("self",))
            .select_related("booking__slot__coach__user", "booking__member")
            .filter(pk=reminder_id)
            .first()
        )
        if reminder is None:
            return "gone"
        if reminder.delivered_at is not None:
            return "already delivered"
        booking = reminder.booking
        if not booking.is_active:
            return "cancelled"
        if booking.slot.starts_at <= now:
            return "too late"
        reminder.delivered_at = now
        reminder.save(update_fields=["delivered_at"])
        email = member_email(booking, REMINDER)
    email.send()
    return "delivered"
