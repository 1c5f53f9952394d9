"""The program as data: three phases of three steps, each with a SMART goal template.

Operators can edit every word in Django admin. The content itself is loaded by the data
migration 0002_load_content.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse


def _times(n: int) -> str:
    return {1: "once", 2: "2 times"}.get(n, f"{n} times")


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def seconds_label(seconds: int) -> str:
    """30 → "30 seconds", 600 → "10 minutes", 90 → "1 minute 30 seconds"."""
    minutes, rest = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(_plural(minutes, "minute"))
    if rest:
        parts.append(_plural(rest, "second"))
    return " ".join(parts)


class Phase(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=100)
    summary = models.TextField(help_text="One or two sentences.")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=3),
                name="phase_number_1_to_3",
                violation_error_message="Please choose a phase number from 1 to 3.",
            ),
        ]

    def __str__(self) -> str:
        return f"Phase {self.number}: {self.title}"


class StepQuerySet(models.QuerySet["Step"]):
    def in_order(self) -> "StepQuerySet":
        """Phase by phase, step by step: the order the program is read in."""
        return self.select_related("phase").order_by("phase__number", "number")


class Step(models.Model):
    class Shape(models.TextChoices):
        DAILY = "daily", "Every day"
        WEEKLY = "weekly", "A number of times each week"
        IF_THEN = "if_then", "Each time a situation comes up (if-then)"
        DEADLINE = "deadline", "Once, within a time limit"

    phase = models.ForeignKey(Phase, on_delete=models.PROTECT, related_name="steps")
    number = models.PositiveSmallIntegerField()
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=100)
    summary = models.TextField(help_text="One sentence shown in the program list.")
    goal_text = models.TextField(help_text='The example goal, in the first person: "I will…".')
    action = models.CharField(max_length=200, help_text="The concrete thing to do.")
    shape = models.CharField(max_length=10, choices=Shape.choices)
    times_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    trigger = models.CharField(
        max_length=200, blank=True, help_text='For if-then steps: "when a talk starts to…".'
    )
    deadline_hours_min = models.PositiveSmallIntegerField(null=True, blank=True)
    deadline_hours_max = models.PositiveSmallIntegerField(null=True, blank=True)
    why = models.TextField("why it matters")

    objects = StepQuerySet.as_manager()

    class Meta:
        ordering = ["phase__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["phase", "number"], name="step_number_unique"),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=3),
                name="step_number_1_to_3",
                violation_error_message="Please choose a step number from 1 to 3.",
            ),
            models.CheckConstraint(
                condition=Q(shape__in=["daily", "weekly", "if_then", "deadline"]),
                name="step_shape_known",
            ),
            models.CheckConstraint(
                condition=Q(times_per_week__isnull=True)
                | Q(times_per_week__gte=1, times_per_week__lte=14),
                name="step_times_per_week_1_to_14",
                violation_error_message="Please choose a number of times from 1 to 14.",
            ),
            models.CheckConstraint(
                condition=~Q(shape="weekly") | Q(times_per_week__isnull=False),
                name="step_weekly_has_times",
                violation_error_message="A weekly step needs a number of times per week.",
            ),
            models.CheckConstraint(
                condition=Q(duration_seconds__isnull=True) | Q(duration_seconds__gt=0),
                name="step_duration_positive",
                violation_error_message="A duration needs to be more than zero seconds.",
            ),
            models.CheckConstraint(
                condition=~Q(shape="if_then") | ~Q(trigger=""),
                name="step_if_then_has_trigger",
                violation_error_message="An if-then step needs a trigger.",
            ),
            models.CheckConstraint(
                condition=Q(deadline_hours_min__isnull=True, deadline_hours_max__isnull=True)
                | Q(
                    deadline_hours_min__gte=1,
                    deadline_hours_max__gte=models.F("deadline_hours_min"),
                ),
                name="step_deadline_range",
                violation_error_message=(
                    "Please give both deadline hours, with the first no larger than the second."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(shape="deadline") | Q(deadline_hours_max__isnull=False),
                name="step_deadline_has_hours",
                violation_error_message="A deadline step needs its deadline hours.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.phase.number}.{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("program_step", args=[self.slug])

    def cadence_label(self) -> str:
        """How often, in words: "every day", "2 times a week", "within 24–48 hours"."""
        if self.shape == self.Shape.DAILY:
            return "every day"
        if self.shape == self.Shape.WEEKLY:
            return f"{_times(self.times_per_week or 1)} a week"
        if self.shape == self.Shape.IF_THEN:
            return "each time it happens"
        low, high = self.deadline_hours_min, self.deadline_hours_max
        if low == high:
            return f"within {_plural(high or 0, 'hour')}"
        return f"within {low}–{high} hours"

    def duration_label(self) -> str:
        """How long each time, in words ("30 seconds", "10 minutes"), or "" when untimed."""
        return seconds_label(self.duration_seconds) if self.duration_seconds else ""

    def amount_label(self) -> str:
        """The measurable part of the goal on one line: "30 seconds, every day"."""
        return ", ".join(part for part in [self.duration_label(), self.cadence_label()] if part)

    def template_rows(self) -> list[tuple[str, str]]:
        """The goal template as (label, words) pairs, for a definition list."""
        rows = [("What", self.action)]
        if self.shape == self.Shape.IF_THEN:
            rows.append(("When", self.trigger[:1].upper() + self.trigger[1:]))
        elif self.shape == self.Shape.DEADLINE:
            rows.append(("By when", self.cadence_label().capitalize()))
        if self.shape != self.Shape.DEADLINE:
            rows.append(("How often", self.cadence_label().capitalize()))
        if self.duration_seconds:
            rows.append(("How long", self.duration_label().capitalize()))
        return rows

    def neighbours(self) -> tuple["Step | None", "Step | None"]:
        """The steps just before and after this one in the whole program."""
        steps = list(Step.objects.in_order())
        index = next(i for i, s in enumerate(steps) if s.pk == self.pk)
        before = steps[index - 1] if index > 0 else None
        after = steps[index + 1] if index + 1 < len(steps) else None
        return before, after


class StepIdea(models.Model):
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="ideas")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class JournalPromptQuerySet(models.QuerySet["JournalPrompt"]):
    def active(self) -> "JournalPromptQuerySet":
        return self.filter(is_active=True)


class JournalPrompt(models.Model):
    """A question to reflect on, part of the program's content (not written by members)."""

    text = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(unique=True)
    is_active = models.BooleanField(default=True)

    objects = JournalPromptQuerySet.as_manager()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.text


class Struggle(models.Model):
    """A common reason people come, with a gentle suggestion of where to begin."""

    slug = models.SlugField(unique=True)
    text = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    step = models.ForeignKey(
        Step,
        on_delete=models.PROTECT,
        related_name="struggles",
        help_text="The step we suggest starting with.",
    )

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text
