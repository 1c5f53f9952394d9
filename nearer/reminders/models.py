from django.conf import settings
from django.db import models
from django.utils import timezone


class ReminderSetting(models.Model):
    """How a goal's reminder reaches its owner. The time itself is ``Goal.reminder_time``;
    a goal with a time and no setting row is reminded both ways."""

    goal = models.OneToOneField(
        "goals.Goal", on_delete=models.CASCADE, related_name="reminder_setting"
    )
    by_email = models.BooleanField("By email", default=True)
    in_app = models.BooleanField("In Nearer", default=True)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Reminder for {self.goal_id}"


class ReminderDelivery(models.Model):
    """One reminder occurrence: a goal on one of its owner's local dates.

    The row is the claim. The unique constraint lets one scheduler, and only one, create it,
    however many run at once or restart; the worker then delivers it once (``delivered_at``).
    """

    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="+")
    local_date = models.DateField()
    due_at = models.DateTimeField()
    claimed_at = models.DateTimeField(default=timezone.now)
    enqueued_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "local_date"], name="one_reminder_per_goal_day"
            ),
        ]
        indexes = [models.Index(fields=["delivered_at", "due_at"])]

    def __str__(self) -> str:
        return f"Reminder for goal {self.goal_id} on {self.local_date}"


class NotificationQuerySet(models.QuerySet["Notification"]):
    def visible_to(self, user) -> "NotificationQuerySet":
        """A member's notifications are theirs alone."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A short in-app message, shown on Today and at /notifications/."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=300)
    link = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional: a page on this site the notification leads to, like /updates/12/.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text

    @property
    def safe_link(self) -> str:
        """The link, only if it is a path on this site (never another site or a script)."""
        link = self.link
        if link.startswith("/") and not link.startswith("//") and "\\" not in link:
            return link
        return ""
