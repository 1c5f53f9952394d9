"""The goal form walks the SMART letters; every problem gets a plain sentence by its field."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django import forms

from nearer.goals import wording
from nearer.goals.models import (
    BACKDATE_DAYS,
    MAX_DURATION_SECONDS,
    MAX_TIMES_PER_WEEK,
    Goal,
    Shape,
    default_review_date,
)
from nearer.program.models import Step

CONFIDENT_ENOUGH = 7  # below this, we offer a smaller version before saving
MAX_AHEAD_DAYS = 365
UNIT_SECONDS = {"minutes": 60, "seconds": 1}

TIMES_MESSAGE = f"Please choose a number from 1 to {MAX_TIMES_PER_WEEK}."
CONFIDENCE_MESSAGE = "Please choose a number from 0 to 10."
DURATION_MESSAGE = "Please choose a length from 1 second to 4 hours (240 minutes)."
DATE_MESSAGE = "Please enter a date as year-month-day, like 2026-03-02."


@dataclass(frozen=True)
class Suggestion:
    """Another size of the same goal: its measurable fields, and how it reads."""

    shape: str
    times_per_week: int | None
    duration_seconds: int | None
    words: str

    @classmethod
    def of(cls, shape: str, times: int | None, duration: int | None) -> "Suggestion":
        words = wording.amount(shape, times_per_week=times, duration_seconds=duration)
        return cls(shape, times, duration, words)


def smaller(shape: str, times: int | None, duration: int | None) -> Suggestion | None:
    """Half the count (at least once), or else half the duration; None if already smallest."""
    if shape == Shape.DAILY:
        return Suggestion.of(Shape.WEEKLY, 3, duration)
    if shape == Shape.WEEKLY and times and times >= 2:
        return Suggestion.of(Shape.WEEKLY, times // 2, duration)
    if shape != Shape.DEADLINE and duration and duration >= 2:
        return Suggestion.of(shape, times, duration // 2)
    return None


def bigger(shape: str, times: int | None, duration: int | None) -> Suggestion | None:
    """One more time a week, or else twice as long; None if there is no gentle next size."""
    if shape == Shape.WEEKLY and times and times < MAX_TIMES_PER_WEEK:
        return Suggestion.of(Shape.WEEKLY, times + 1, duration)
    if shape != Shape.DEADLINE and duration and duration * 2 <= MAX_DURATION_SECONDS:
        return Suggestion.of(shape, times, duration * 2)
    return None


def split_duration(seconds: int | None) -> tuple[int | None, str]:
    """600 → (10, "minutes"); 90 → (90, "seconds"); None → (None, "minutes")."""
    if not seconds:
        return None, "minutes"
    if seconds % 60 == 0:
        return seconds // 60, "minutes"
    return seconds, "seconds"


def initial_for_step(step: Step, *, now: datetime) -> dict:
    """The step's goal template as starting values for the form (``now`` is local time)."""
    amount, unit = split_duration(step.duration_seconds)
    initial = {
        "step": step.pk,
        "action": step.action,
        "shape": step.shape,
        "times_per_week": step.times_per_week,
        "duration_amount": amount,
        "duration_unit": unit,
        "trigger": step.trigger,
    }
    if step.deadline_hours_max:
        initial["deadline"] = (now + timedelta(hours=step.deadline_hours_max)).date()
    return initial


def _number(label: str, message: str, **kwargs) -> forms.IntegerField:
    messages = dict.fromkeys(("required", "invalid", "min_value", "max_value"), message)
    return forms.IntegerField(label=label, error_messages=messages, **kwargs)


def _date(label: str, *, required_message: str = "", **kwargs) -> forms.DateField:
    messages = {"invalid": DATE_MESSAGE}
    if required_message:
        messages["required"] = required_message
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=messages,
        **kwargs,
    )


class GoalForm(forms.ModelForm):
    action = forms.CharField(
        label="I will…",
        max_length=200,
        help_text="One small, concrete thing. For example: give my partner a real hug.",
        error_messages={
            "required": "Please say what you will do, in a few words.",
            "max_length": "Please keep this to 200 characters or fewer.",
        },
    )
    shape = forms.ChoiceField(
        label="How often?",
        choices=Shape.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose how often.",
            "invalid_choice": "Please choose one of the ways listed.",
        },
    )
    times_per_week = _number(
        "Times each week",
        TIMES_MESSAGE,
        required=False,
        min_value=1,
        max_value=MAX_TIMES_PER_WEEK,
        help_text="Only for “a number of times each week”. From 1 to 14.",
    )
    duration_amount = _number(
        "How long each time (optional)",
        DURATION_MESSAGE,
        required=False,
        min_value=1,
        max_value=MAX_DURATION_SECONDS,
        help_text="Leave empty if time doesn't matter. Up to 4 hours.",
    )
    duration_unit = forms.ChoiceField(
        label="In",
        choices=[("minutes", "minutes"), ("seconds", "seconds")],
        initial="minutes",
        error_messages={
            "required": "Please choose minutes or seconds.",
            "invalid_choice": "Please choose minutes or seconds.",
        },
    )
    trigger = forms.CharField(
        label="When does it happen?",
        required=False,
        max_length=200,
        help_text="Only for if–then goals. For example: when a talk starts to feel heated.",
        error_messages={"max_length": "Please keep this to 200 characters or fewer."},
    )
    deadline = _date(
        "By when?",
        required=False,
        help_text="Only for a one-off goal.",
    )
    confidence = _number(
        "How sure are you that you can do this? (0 to 10)",
        CONFIDENCE_MESSAGE,
        min_value=0,
        max_value=10,
        help_text="0 is “not at all”, 10 is “completely sure”. There's no wrong answer.",
        widget=forms.NumberInput(attrs={"min": 0, "max": 10, "inputmode": "numeric"}),
    )
    step = forms.ModelChoiceField(
        label="Which step is this part of?",
        queryset=Step.objects.in_order(),
        required=False,
        empty_label="None, it's my own",
        error_messages={"invalid_choice": "Please choose one of the program's steps, or none."},
    )
    why = forms.CharField(
        label="Why this matters to me (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Just for you. Your partner never sees it.",
        error_messages={"max_length": "Please keep this to 1,000 characters or fewer."},
    )
    start_date = _date(
        "Start",
        required_message="Please choose a start date.",
    )
    review_date = _date(
        "Look back on",
        required=False,
        help_text="A day to see how it went and choose what's next. Four weeks is a good rhythm.",
    )
    is_shared = forms.BooleanField(label="Share this goal with my partner", required=False)

    class Meta:
        model = Goal
        fields = [
            "action",
            "shape",
            "times_per_week",
            "trigger",
            "deadline",
            "confidence",
            "step",
            "why",
            "start_date",
            "review_date",
            "is_shared",
        ]

    field_order = [
        "action",
        "shape",
        "times_per_week",
        "duration_amount",
        "duration_unit",
        "trigger",
        "deadline",
        "confidence",
        "step",
        "why",
        "start_date",
        "review_date",
        "is_shared",
    ]

    # The SMART letters, each a fieldset on the page.
    LETTERS = [
        ("Specific", "What you will do", ["action"]),
        (
            "Measurable",
            "How often, and how long",
            ["shape", "times_per_week", "duration_amount", "duration_unit", "trigger", "deadline"],
        ),
        ("Achievable", "Small enough to do on a hard day", ["confidence"]),
        ("Relevant", "Where it fits", ["step", "why"]),
        ("Time-bound", "When it starts, and when to look back", ["start_date", "review_date"]),
    ]

    def __init__(self, *args, today: date, linked: bool, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["start_date"].initial = today
        if self.instance.pk is None:
            self.initial.setdefault("start_date", today)
            self.initial.setdefault("review_date", default_review_date(today))
            self.initial.setdefault("confidence", CONFIDENT_ENOUGH)
        else:
            amount, unit = split_duration(self.instance.duration_seconds)
            self.initial.setdefault("duration_amount", amount)
            self.initial.setdefault("duration_unit", unit)
        if linked:
            self.fields["is_shared"].help_text = (
                "Off unless you turn it on. Your partner would see the goal and its progress, "
                "never your reasons."
            )
        else:
            self.fields["is_shared"].help_text = (
                "This only matters once you link with a partner. "
                "Until then, everything here is yours alone."
            )

    def letters(self):
        """(letter, subtitle, bound fields) for each fieldset, in SMART order."""
        return [(name, sub, [self[f] for f in fields]) for name, sub, fields in self.LETTERS]

    def _is_new_or_changed(self, name: str) -> bool:
        return self.instance.pk is None or name in self.changed_data

    def _ignore(self, *names: str) -> None:
        """Fields that don't apply to the chosen shape: drop what was typed, and its errors."""
        for name in names:
            self.errors.pop(name, None)
            self.cleaned_data[name] = None if name != "trigger" else ""

    def clean_action(self) -> str:
        action = " ".join(self.cleaned_data["action"].split())
        if action.lower().startswith("i will "):
            action = action[len("i will ") :]
        if not action:
            raise forms.ValidationError("Please say what you will do, in a few words.")
        return action

    def clean_trigger(self) -> str:
        return " ".join(self.cleaned_data["trigger"].split())

    def clean_why(self) -> str:
        return self.cleaned_data["why"].strip()

    def clean_start_date(self) -> date:
        start = self.cleaned_data["start_date"]
        if self._is_new_or_changed("start_date"):
            if start < self.today - timedelta(days=BACKDATE_DAYS):
                raise forms.ValidationError(
                    f"Please choose a start date no more than {BACKDATE_DAYS} days ago."
                )
            if start > self.today + timedelta(days=MAX_AHEAD_DAYS):
                raise forms.ValidationError("Please choose a start date within the next year.")
        return start

    def clean(self) -> dict:
        data = super().clean()
        shape = data.get("shape")
        if shape == Shape.WEEKLY:
            if data.get("times_per_week") is None and "times_per_week" not in self.errors:
                self.add_error("times_per_week", TIMES_MESSAGE)
        else:
            self._ignore("times_per_week")
        if shape == Shape.IF_THEN:
            if not data.get("trigger") and "trigger" not in self.errors:
                self.add_error(
                    "trigger",
                    "Please say when this happens, like “when a talk starts to feel heated”.",
                )
        else:
            self._ignore("trigger")
        if shape == Shape.DEADLINE:
            self._clean_deadline(data)
        else:
            self._ignore("deadline")
        self._clean_duration(data)
        self._clean_review_date(data)
        return data

    def _clean_deadline(self, data: dict) -> None:
        if "deadline" in self.errors:
            return
        deadline = data.get("deadline")
        if deadline is None:
            self.add_error("deadline", "Please choose a date for this one-off goal.")
        elif deadline < self.today and self._is_new_or_changed("deadline"):
            self.add_error("deadline", "Please choose a deadline from today on.")

    def _clean_duration(self, data: dict) -> None:
        amount, unit = data.get("duration_amount"), data.get("duration_unit") or "minutes"
        if amount is None or "duration_amount" in self.errors:
            data["duration_seconds"] = None
            return
        seconds = amount * UNIT_SECONDS[unit]
        if seconds > MAX_DURATION_SECONDS:
            self.add_error("duration_amount", DURATION_MESSAGE)
        data["duration_seconds"] = seconds

    def _clean_review_date(self, data: dict) -> None:
        start, review = data.get("start_date"), data.get("review_date")
        if start is None or "review_date" in self.errors:
            return
        if review is None:
            data["review_date"] = default_review_date(start)
        elif review < start:
            self.add_error("review_date", "Please choose a review date on or after the start.")
        elif review > start + timedelta(days=MAX_AHEAD_DAYS):
            self.add_error("review_date", "Please choose a review date within a year of the start.")

    def _post_clean(self) -> None:
        if "duration_seconds" in self.cleaned_data:
            self.instance.duration_seconds = self.cleaned_data["duration_seconds"]
        super()._post_clean()

    # The confidence check: below 7, offer a smaller version before saving.

    def needs_offer(self) -> bool:
        confidence = self.cleaned_data["confidence"]
        return confidence < CONFIDENT_ENOUGH and self._is_new_or_changed("confidence")

    def smaller(self) -> Suggestion | None:
        data = self.cleaned_data
        return smaller(data["shape"], data.get("times_per_week"), data.get("duration_seconds"))

    def apply(self, suggestion: Suggestion) -> None:
        """Save the suggested size instead of what was typed."""
        self.instance.shape = suggestion.shape
        self.instance.times_per_week = suggestion.times_per_week
        self.instance.duration_seconds = suggestion.duration_seconds
