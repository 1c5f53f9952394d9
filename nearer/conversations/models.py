"""Talking together: the weekly check-in question, saved gentle sentences, the repair queue.

A check-in question lives inside the link it was asked in: only the asker and the partner see
it, and only while they are still linked (unlinking deletes the couple, and the question with
it). Saved sentences and repair notes are their author's alone.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

QUESTION_MAX = 300
ANSWER_MAX = 2000
DEFAULT_QUESTION = "How are you really doing?"
NOTE_MAX = 1000
ISSUE_MAX = 300
CALM_MIN = timedelta(hours=24)
CALM_MAX = timedelta(hours=48)
# Suggested calm times of day, evening first: a quiet hour after the day is done.
CALM_HOURS = (time(19, 30), time(12, 30), time(9, 0))
SUGGESTION_MARGIN = timedelta(minutes=30)  # so a suggestion is still valid a while later


class CheckInQuestionQuerySet(models.QuerySet["CheckInQuestion"]):
    def visible_to(self, user) -> "CheckInQuestionQuerySet":
        """The asker and the partner, and only while they are still linked."""
        if not user.is_authenticated or user.couple_id is None:
            return self.none()
        return self.filter(Q(asker=user) | Q(partner=user), couple_id=user.couple_id)

    def asked_by(self, user) -> "CheckInQuestionQuerySet":
        return self.visible_to(user).filter(asker=user)

    def answerable_by(self, user) -> "CheckInQuestionQuerySet":
        return self.visible_to(user).filter(partner=user)

    def open(self) -> "CheckInQuestionQuerySet":
        return self.filter(status=CheckInQuestion.Status.OPEN)


class CheckInQuestion(models.Model):
    """One member asks their partner how they are really doing; the partner answers or
    says "not now", and the asker may say thank you."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting"
        ANSWERED = "answered", "Answered"
        NOT_NOW = "not_now", "Not now"

    couple = models.ForeignKey("accounts.Couple", on_delete=models.CASCADE, related_name="+")
    asker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    text = models.CharField(max_length=QUESTION_MAX, default=DEFAULT_QUESTION)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(max_length=ANSWER_MAX, blank=True)
    asked_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)
    thanked_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = CheckInQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["asker"], condition=Q(status="open"), name="one_open_question_per_asker"
            ),
            models.CheckConstraint(
                condition=~Q(asker=models.F("partner")), name="question_to_someone_else"
            ),
            models.CheckConstraint(
                condition=~Q(status="answered") | ~Q(answer=""), name="answered_has_answer"
            ),
        ]
        indexes = [models.Index(fields=["partner", "status"])]

    def __str__(self) -> str:
        return f"Check-in question #{self.pk} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_answered(self) -> bool:
        return self.status == self.Status.ANSWERED

    @property
    def is_not_now(self) -> bool:
        return self.status == self.Status.NOT_NOW


class Preference(models.Model):
    """How a member likes to hear about check-in questions. Email is off until they ask."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="talk_preference"
    )
    email_questions = models.BooleanField(
        "Email me when my partner sends a check-in question", default=False
    )

    def __str__(self) -> str:
        return f"Talk preferences of {self.user_id}"

    @classmethod
    def wants_email(cls, user) -> bool:
        return cls.objects.filter(user=user, email_questions=True).exists()


class OwnedQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OwnedQuerySet":
        """The author's alone: a partner and everyone else get nothing."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class GentleNote(models.Model):
    """A curious rewrite the member chose to keep for later (kept only if they ask)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gentle_notes"
    )
    text = models.TextField(max_length=NOTE_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Gentle note #{self.pk}"


class RepairQuerySet(OwnedQuerySet):
    def waiting(self) -> "RepairQuerySet":
        return self.filter(repaired_at__isnull=True)

    def repaired(self) -> "RepairQuerySet":
        return self.filter(repaired_at__isnull=False)


class RepairItem(models.Model):
    """One small thing to raise calmly, at a time the member chose a day or two ahead."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="repair_items"
    )
    issue = models.CharField(max_length=ISSUE_MAX)
    talk_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)
    repaired_at = models.DateTimeField(null=True, blank=True)

    objects = RepairQuerySet.as_manager()

    class Meta:
        ordering = ["talk_at", "pk"]
        indexes = [models.Index(fields=["owner", "repaired_at"])]

    def __str__(self) -> str:
        return f"Repair item #{self.pk}"

    @property
    def is_repaired(self) -> bool:
        return self.repaired_at is not None

    def time_has_passed(self, *, now: datetime) -> bool:
        return not self.is_repaired and self.talk_at <= now


def calm_window(now: datetime) -> tuple[datetime, datetime]:
    """The earliest and latest moments for a calm talk: 24 to 48 hours from ``now``."""
    return now + CALM_MIN, now + CALM_MAX


def suggested_times(now: datetime, zone: ZoneInfo) -> list[datetime]:
    """Two or three calm moments 24–48 hours ahead, at easy hours of the member's day."""
    earliest, latest = calm_window(now)
    earliest, latest = earliest + SUGGESTION_MARGIN, latest - SUGGESTION_MARGIN
    local_today: date = now.astimezone(zone).date()
    found = []  # (preference, moment): evenings first, then sooner before later
    for days in (1, 2, 3):
        day = local_today + timedelta(days=days)
        for rank, at in enumerate(CALM_HOURS):
            moment = datetime.combine(day, at, tzinfo=zone)
            if earliest <= moment <= latest:
                found.append((rank, moment))
    return sorted(moment for _, moment in sorted(found)[:3])
