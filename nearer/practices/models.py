"""The seed's couple practices, each a small log of its own.

Everything here is the member's alone, with one exception by design: an appreciation the
member chose to send. The sender keeps seeing what they wrote; the receiver sees what was sent
to them, and keeps it after an unlink, because it was given to them. Nothing new can be sent
once the link is gone, and an appreciation kept private is never seen by anyone else.
Deleting an account deletes everything its owner wrote, sent appreciations included.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

APPRECIATION_MAX = 500
ACT_NOTE_MAX = 200


class OwnedQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OwnedQuerySet":
        """A practice log is its owner's alone: nobody else sees it, the partner included."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class Moment(models.Model):
    """A daily moment of connection: at most one a day, with what it was if the member says."""

    class Kind(models.TextChoices):
        HUG = "hug", "A hug"
        HELLO = "hello", "A soft hello"
        LOOK = "look", "A real look, eye to eye"
        SMILE = "smile", "A smile"
        WORDS = "words", "One kind sentence"
        OTHER = "other", "Something else"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moments"
    )
    day = models.DateField(help_text="The member's own date.")
    kind = models.CharField(max_length=8, choices=Kind.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "day"], name="one_moment_per_member_day"),
        ]

    def __str__(self) -> str:
        return f"Moment on {self.day}"


class Pause(models.Model):
    """One pause before reacting. ``number`` is the n-th of the day: a resent tap finds its
    number taken and adds nothing."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pauses"
    )
    day = models.DateField()
    number = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "day", "number"], name="one_pause_per_member_day_number"
            ),
        ]

    def __str__(self) -> str:
        return f"Pause {self.number} on {self.day}"


class AppreciationQuerySet(models.QuerySet["Appreciation"]):
    def visible_to(self, user) -> "AppreciationQuerySet":
        """What a member wrote, and what was sent to them. Never another's private words."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(author=user) | Q(recipient=user))

    def written_by(self, user) -> "AppreciationQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(author=user)

    def received_by(self, user) -> "AppreciationQuerySet":
        """Sent to ``user``. It stays theirs after an unlink: it was given to them."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)

    def in_jar(self) -> "AppreciationQuerySet":
        return self.filter(in_jar=True)


class Appreciation(models.Model):
    """One genuine appreciation: sent to the partner (``recipient``) or kept private."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_written"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appreciations_received",
    )
    text = models.TextField(max_length=APPRECIATION_MAX)
    day = models.DateField(help_text="The author's own date when they wrote it.")
    sent_at = models.DateTimeField(null=True, blank=True)
    in_jar = models.BooleanField(default=False, help_text="The receiver keeps it to reread.")
    token = models.UUIDField(default=uuid.uuid4, help_text="Makes a resent form harmless.")
    created_at = models.DateTimeField(default=timezone.now)

    objects = AppreciationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["author", "token"], name="one_appreciation_per_form"),
            models.CheckConstraint(
                condition=Q(recipient__isnull=True) | Q(sent_at__isnull=False),
                name="appreciation_sent_has_time",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "in_jar"])]

    def __str__(self) -> str:
        return f"Appreciation {self.pk} from {self.author_id}"

    @property
    def is_private(self) -> bool:
        return self.sent_at is None

    def keep_in_jar(self, keep: bool = True) -> None:
        """The receiver's choice: keep it in the jar to reread, or take it out again."""
        self.in_jar = keep
        Appreciation.objects.filter(pk=self.pk).update(in_jar=keep)


class TimeTogetherQuerySet(OwnedQuerySet):
    def planned(self) -> "TimeTogetherQuerySet":
        return self.filter(starts_at__isnull=False, done_on__isnull=True)


class TimeTogether(models.Model):
    """Ten distraction-free minutes: planned for a time (``starts_at``), done on a day
    (``done_on``), or both. At most one is noted as done each day."""

    MINUTES = 10

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="times_together"
    )
    starts_at = models.DateTimeField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True, help_text="The member's own date.")
    created_at = models.DateTimeField(default=timezone.now)

    objects = TimeTogetherQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "starts_at"], name="one_plan_per_time"),
            models.UniqueConstraint(fields=["owner", "done_on"], name="one_time_together_a_day"),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=False) | Q(done_on__isnull=False),
                name="time_together_planned_or_done",
            ),
        ]

    def __str__(self) -> str:
        return f"Time together {self.starts_at or self.done_on}"


class SmallAct(models.Model):
    """One small act of care, done; the partner hears about it only if the member chose to."""

    class Kind(models.TextChoices):
        DRINK = "drink", "Made their coffee or tea"
        MESSAGE = "message", "Sent a warm message"
        TASK = "task", "Took a task off their hands"
        NOTE = "note", "Left a little note for them"
        OTHER = "other", "Something else"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="small_acts"
    )
    day = models.DateField(help_text="The member's own date.")
    kind = models.CharField(max_length=8, choices=Kind.choices, blank=True)
    note = models.CharField(max_length=ACT_NOTE_MAX, blank=True)
    told_partner = models.BooleanField(default=False)
    token = models.UUIDField(default=uuid.uuid4, help_text="Makes a resent form harmless.")
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "token"], name="one_act_per_form"),
        ]

    def __str__(self) -> str:
        return f"Small act on {self.day}"
