import uuid
from datetime import datetime, timedelta

from django import forms

from nearer.practices.actions import NOT_LINKED_SEND
from nearer.practices.models import ACT_NOTE_MAX, APPRECIATION_MAX, Moment, SmallAct

PLAN_DAYS = 7
STALE = "This page was a little out of date. Please try once more."
HIDDEN_CHARACTER = (
    "There's a hidden character in there that can't be saved. Please retype it and try again."
)


class GentleForm(forms.Form):
    def problem(self) -> str:
        """Every error, as one gentle sentence or two."""
        return " ".join(error for errors in self.errors.values() for error in errors)


def _token_field() -> forms.UUIDField:
    return forms.UUIDField(
        required=False, widget=forms.HiddenInput, error_messages={"invalid": STALE}
    )


def _confirm_field() -> forms.BooleanField:
    """Set by "Send anyway" after a private note held the words: the member chose to send."""
    return forms.BooleanField(required=False, widget=forms.HiddenInput)


class TokenMixin:
    """A hidden one-time token: sending the same form twice saves it once."""

    def token(self) -> uuid.UUID:
        return self.cleaned_data.get("token") or uuid.uuid4()


class MomentForm(GentleForm):
    kind = forms.ChoiceField(
        label="What was it? (if you like)",
        choices=Moment.Kind.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Please choose one of the ideas, or none at all."},
    )


class PauseForm(GentleForm):
    seen = forms.IntegerField(
        min_value=0,
        max_value=10_000,
        widget=forms.HiddenInput,
        error_messages={
            "required": STALE,
            "invalid": STALE,
            "min_value": STALE,
            "max_value": STALE,
        },
    )


class AppreciationForm(TokenMixin, GentleForm):
    text = forms.CharField(
        label="What do you appreciate?",
        help_text="One genuine thing is plenty, in your own words.",
        max_length=APPRECIATION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Please write a few words first. One sentence is plenty.",
            "null_characters_not_allowed": HIDDEN_CHARACTER,
            "max_length": (
                f"Please keep it to {APPRECIATION_MAX} characters or fewer "
                "(this one has %(show_value)d)."
            ),
        },
    )
    send = forms.ChoiceField(
        label="Where should it go?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose whether to send it or keep it private.",
            "invalid_choice": "Please choose whether to send it or keep it private.",
        },
    )
    token = _token_field()
    confirm = _confirm_field()

    def __init__(self, *args, partner=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        send = self.fields["send"]
        if partner is not None:
            send.choices = [
                ("partner", f"Send it to {partner.display_name}"),
                ("private", "Keep it private, just for me"),
            ]
            send.initial = "partner"
        else:  # only "keep it private" is possible; the page says so gently
            send.choices = [("private", "Keep it private")]
            send.required = False
            send.widget = forms.HiddenInput()
            send.initial = "private"
            send.error_messages["invalid_choice"] = NOT_LINKED_SEND

    @property
    def wants_to_send(self) -> bool:
        return self.cleaned_data.get("send") == "partner"


class TimeTogetherForm(GentleForm):
    day = forms.DateField(
        label="Which day",
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Please choose a day.",
            "invalid": "Please choose a date, like 2026-03-14.",
        },
    )
    at = forms.TimeField(
        label="What time",
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": "Please choose a time.",
            "invalid": "Please choose a time, like 19:30.",
        },
    )

    def __init__(self, *args, user, now: datetime, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.zone = user.zone
        self.now = now.astimezone(self.zone)
        today = self.now.date()
        self.fields["day"].widget.attrs.update(
            min=today.isoformat(), max=(today + timedelta(days=PLAN_DAYS)).isoformat()
        )

    def clean(self):
        data = super().clean()
        day, at = data.get("day"), data.get("at")
        if day is None or at is None:
            return data
        starts_at = datetime.combine(day, at.replace(second=0, microsecond=0), tzinfo=self.zone)
        if starts_at <= self.now:
            raise forms.ValidationError(
                "That time has already passed. Please choose a time later than now."
            )
        if starts_at > self.now + timedelta(days=PLAN_DAYS):
            raise forms.ValidationError(
                f"Please choose a time within the next {PLAN_DAYS} days. "
                "One small plan at a time is plenty."
            )
        data["starts_at"] = starts_at
        return data


class DoneTogetherForm(GentleForm):
    plan = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=2**31 - 1,
        widget=forms.HiddenInput,
        error_messages={"invalid": STALE, "min_value": STALE, "max_value": STALE},
    )


class SmallActForm(TokenMixin, GentleForm):
    kind = forms.ChoiceField(
        label="What did you do? (if you like)",
        choices=SmallAct.Kind.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Please choose one of the ideas, or none at all."},
    )
    note = forms.CharField(
        label="A short note for yourself (if you like)",
        help_text="Only you see this.",
        required=False,
        max_length=ACT_NOTE_MAX,
        error_messages={
            "null_characters_not_allowed": HIDDEN_CHARACTER,
            "max_length": (
                f"Please keep the note to {ACT_NOTE_MAX} characters or fewer "
                "(this one has %(show_value)d)."
            ),
        },
    )
    tell = forms.BooleanField(required=False)
    token = _token_field()
    confirm = _confirm_field()

    def __init__(self, *args, partner=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if partner is not None:
            self.fields["tell"].label = f"Let {partner.display_name} know"
            self.fields[
                "tell"
            ].help_text = "They'll see a short, gentle notice in Nearer. Your note stays with you."
        else:
            self.fields["tell"].widget = forms.HiddenInput()
