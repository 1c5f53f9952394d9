"""Background work run by the worker (`manage.py db_worker`): delivering one reminder."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from nearer.reminders.models import Notification, ReminderDelivery
from nearer.reminders.schedule import DROP_AFTER
from nearer.reminders.wording import reminder_text

logger = logging.getLogger(__name__)


@task()
def deliver_reminder(delivery_id: int) -> str:
    """Create the in-app notification and send the email for one claimed reminder.

    Idempotent: the delivery row is locked and marked delivered in the same transaction as
    the notification, so a second run (a re-queued copy, a second worker) finds it done.
    The email leaves only after that commit: at most once, never twice.
    """
    now = timezone.now()
    email = None
    with transaction.atomic():
        delivery = (
            ReminderDelivery.objects.select_for_update(of=("self",))
            .select_related("goal__owner", "goal__reminder_setting")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return "gone"
        if delivery.delivered_at is not None:
            return "already delivered"
        if now - delivery.due_at > DROP_AFTER:
            return "too late"
        goal, owner = delivery.goal, delivery.goal.owner
        setting = getattr(goal, "reminder_setting", None)
        local = delivery.due_at.astimezone(owner.zone).time()
        text = reminder_text(goal, at=goal.reminder_time or local)
        delivery.delivered_at = now
        delivery.save(update_fields=["delivered_at"])
        if setting is None or setting.in_app:
            Notification.objects.create(user=owner, text=text.notification, created_at=now)
        if setting is None or setting.by_email:
            email = EmailMessage(
                subject=text.subject,
                body=text.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[owner.email],
            )
    if email is not None:
        email.send()
    return "delivered"
