from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from nearer.goals.strength import Rhythm, describe

MAX_TIMES_PER_WEEK = 14
MAX_DURATION_SECONDS = 4 * 60 * 60
REVIEW_AFTER_DAYS = 28
BACKDATE_DAYS = 7


class Shape(models.TextChoices):
    DAILY = "daily", "Every day"
    WEEKLY = "weekly", "A number of times each week"
    IF_THEN = "if_then", "Each time a moment comes (if–then)"
    DEADLINE = "deadline", "Once, by a deadline"


class GoalQuerySet(models.QuerySet["Goal"]):
    def visible_to(self, user) -> "GoalQuerySet":
        """A member's own goals, and their linked partner's shared ones (read-only)."""
        if not user.is_authenticated:
            return self.none()
        if user.couple_id is None:
            return self.filter(owner=user)
        # Start from the couple's two members (an indexed lookup), then keep mine and their
        # shared ones: an OR across the join would make the database scan every goal.
        couple = user.__class__.objects.filter(couple_id=user.couple_id).values("pk")
        return self.filter(owner__in=couple).filter(Q(owner=user) | Q(is_shared=True))

    def editable_by(self, user) -> "GoalQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def active(self) -> "GoalQuerySet":
        return self.filter(status=Goal.Status.ACTIVE)

    def for_step(self, slug: str) -> "GoalQuerySet":
        """Goals made for the program step ``slug``, oldest first."""
        return self.filter(step__slug=slug).order_by("created_at", "pk")


class Goal(models.Model):
    """One member's SMART goal: an action, how much, how often, why, and until when."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        COMPLETED = "completed", "Completed"
        ARCHIVED = "archived", "Put away"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    step = models.ForeignKey(
        "program.Step", null=True, blank=True, on_delete=models.SET_NULL, related_name="goals"
    )
    # Specific
    action = models.CharField(max_length=200)
    # Measurable
    shape = models.CharField(max_length=10, choices=Shape.choices, default=Shape.DAILY)
    times_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    trigger = models.CharField(max_length=200, blank=True)
    deadline = models.DateField(null=True, blank=True)
    # Achievable
    confidence = models.PositiveSmallIntegerField(default=7)
    # Relevant
    why = models.TextField(max_length=1000, blank=True)
    # Time-bound
    start_date = models.DateField(default=date.today)
    review_date = models.DateField()

    is_shared = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    reminder_time = models.TimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    # Progress, kept up to date as check-ins arrive so no page recomputes it from history:
    # ``strength`` covers every day up to and including ``strength_as_of``.
    strength = models.FloatField(default=0.0)
    strength_as_of = models.DateField(null=True, blank=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(confidence__lte=10), name="goal_confidence_0_to_10"),
            models.CheckConstraint(
                condition=~Q(shape="weekly")
                | Q(times_per_week__gte=1, times_per_week__lte=MAX_TIMES_PER_WEEK),
                name="goal_weekly_needs_times",
            ),
            models.CheckConstraint(
                condition=Q(duration_seconds__isnull=True)
                | Q(duration_seconds__gte=1, duration_seconds__lte=MAX_DURATION_SECONDS),
                name="goal_duration_sensible",
            ),
            models.CheckConstraint(
                condition=~Q(shape="deadline") | Q(deadline__isnull=False),
                name="goal_deadline_needs_date",
            ),
            models.CheckConstraint(
                condition=Q(review_date__gte=models.F("start_date")),
                name="goal_review_after_start",
            ),
        ]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return self.action

    @property
    def rhythm(self) -> Rhythm:
        return Rhythm(self.shape, self.times_per_week or 7)

    @property
    def weekly_target(self) -> int | None:
        if self.shape == Shape.DAILY:
            return 7
        if self.shape == Shape.WEEKLY:
            return self.times_per_week
        return None

    def strength_words(self) -> str:
        return describe(self.strength)

    def is_due(self, *, on: date) -> bool:
        """Whether the goal asks for something on ``on`` (if-then goals wait for a moment)."""
        if self.status != self.Status.ACTIVE or on < self.start_date:
            return False
        if self.shape == Shape.DEADLINE:
            return on <= self.deadline
        return self.shape in (Shape.DAILY, Shape.WEEKLY)


class CheckInQuerySet(models.QuerySet["CheckIn"]):
    def visible_to(self, user) -> "CheckInQuerySet":
        return self.filter(goal__in=Goal.objects.visible_to(user))


class CheckIn(models.Model):
    """What happened with a goal on one day: done (``count`` times) or a restful skip."""

    class Kind(models.TextChoices):
        DONE = "done", "Done"
        SKIP = "skip", "Rest day"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="checkins")
    day = models.DateField()
    kind = models.CharField(max_length=4, choices=Kind.choices, default=Kind.DONE)
    count = models.PositiveSmallIntegerField(default=1)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "day"], name="one_checkin_per_goal_day"),
        ]

    def __str__(self) -> str:
        return f"{self.goal} on {self.day}: {self.get_kind_display()}"


class HardSeason(models.Model):
    """A pause for all of a member's goals: strength frozen, reminders silent."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hard_seasons"
    )
    start_date = models.DateField()
    end_date = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="season_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"Hard season {self.start_date}–{self.end_date}"

    def covers(self, day: date) -> bool:
        return self.start_date <= day <= self.end_date


def default_review_date(start: date) -> date:
    return start + timedelta(days=REVIEW_AFTER_DAYS)


class StrengthPoint(models.Model):
    """A goal's settled strength at the end of one week (Sunday), for the strength line."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="strength_points")
    week_ending = models.DateField()
    value = models.FloatField()

    class Meta:
        ordering = ["week_ending"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "week_ending"], name="one_point_per_goal_week"),
        ]

    def __str__(self) -> str:
        return f"{self.goal} by {self.week_ending}: {self.value:.2f}"


class MilestoneQuerySet(models.QuerySet["Milestone"]):
    def visible_to(self, user) -> "MilestoneQuerySet":
        """Milestones are the owner's own moments; a partner does not see them."""
        return self.filter(goal__in=Goal.objects.editable_by(user))


class Milestone(models.Model):
    """A moment worth noticing on the way: celebrated gently, recorded once."""

    class Kind(models.TextChoices):
        FIRST_WEEK = "first_week", "First full week"
        FOUR_WEEKS = "four_weeks", "Four full weeks"
        COMEBACK = "comeback", "Back again"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["day", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "kind"],
                condition=Q(kind__in=["first_week", "four_weeks"]),
                name="milestone_once_per_goal",
            ),
            models.UniqueConstraint(fields=["goal", "kind", "day"], name="milestone_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.goal}: {self.get_kind_display()} ({self.day})"

    @property
    def message(self) -> str:
        return MILESTONE_MESSAGES[self.kind]


MILESTONE_MESSAGES = {
    Milestone.Kind.FIRST_WEEK: "Your first full week. That counts.",
    Milestone.Kind.FOUR_WEEKS: "Four full weeks now. Small steps, adding up.",
    Milestone.Kind.COMEBACK: "Good to see you again.",
}


class CheerQuerySet(models.QuerySet["Cheer"]):
    def visible_to(self, user) -> "CheerQuerySet":
        """Cheers on a member's own goals, from the partner they are linked with right now."""
        if not user.is_authenticated or user.couple_id is None:
            return self.none()
        return self.filter(goal__owner=user, from_user__couple_id=user.couple_id)


class Cheer(models.Model):
    """A partner's one-tap "I noticed" on a shared goal: at most one a day per person."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="cheers")
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cheers_sent"
    )
    day = models.DateField(help_text="The sender's own date when they sent it.")
    created_at = models.DateTimeField(default=timezone.now)

    objects = CheerQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "from_user", "day"], name="one_cheer_per_goal_person_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_user} noticed {self.goal} on {self.day}"
