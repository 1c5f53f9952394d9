"""Claiming reminders (the scheduler's job) and setting them (the member's)."""

from datetime import datetime, time, timedelta

from django.db import transaction

from nearer.goals.models import Goal
from nearer.lib.scheduling import claim_once
from nearer.reminders.models import ReminderDelivery, ReminderSetting
from nearer.reminders.schedule import DROP_AFTER, due_occurrences
from nearer.reminders.tasks import deliver_reminder

RETRY_AFTER = timedelta(minutes=5)  # a queued delivery not done by then is queued again


def claim_due_reminders(*, now: datetime) -> int:
    """Claim every reminder due at ``now`` and queue its delivery; return how many.

    Safe to run any number of times and in any number of processes at once: the claim row is
    unique per goal and local date, and it is written in the same transaction as the queued
    task (the task queue is a database table), so a crash leaves both or neither.
    """
    claimed = 0
    for occurrence in due_occurrences(now):
        claimed += claim_once(
            lambda occurrence=occurrence: ReminderDelivery.objects.create(
                goal=occurrence.goal,
                local_date=occurrence.local_date,
                due_at=occurrence.due_at,
                claimed_at=now,
                enqueued_at=now,
            ),
            lambda delivery: deliver_reminder.enqueue(delivery.pk),
        )
    requeue_stalled(now=now)
    return claimed


def requeue_stalled(*, now: datetime) -> int:
    """Queue again the deliveries a worker took but never finished (it was killed mid-task,
    or the task failed before committing). The task is idempotent, so a copy is harmless."""
    requeued = 0
    stalled = ReminderDelivery.objects.filter(
        delivered_at__isnull=True,
        due_at__gt=now - DROP_AFTER,
        enqueued_at__lte=now - RETRY_AFTER,
    )
    for delivery in stalled:
        with transaction.atomic():
            moved = ReminderDelivery.objects.filter(
                pk=delivery.pk, enqueued_at=delivery.enqueued_at, delivered_at__isnull=True
            ).update(enqueued_at=now)
            if moved:
                deliver_reminder.enqueue(delivery.pk)
                requeued += 1
    return requeued


@transaction.atomic
def set_reminder(
    *, goal: Goal, at: time | None, by_email: bool, in_app: bool, now: datetime
) -> None:
    """Set (or, with ``at=None``, turn off) a goal's daily reminder. A time already past
    today starts tomorrow."""
    goal.reminder_time = at
    goal.save(update_fields=["reminder_time"])
    ReminderSetting.objects.update_or_create(
        goal=goal, defaults={"by_email": by_email, "in_app": in_app, "changed_at": now}
    )
