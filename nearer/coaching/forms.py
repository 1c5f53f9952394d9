"""Forms for coaching: a coach's weekly availability, and what a member shares for a session."""

import itertools
import re
from datetime import date, datetime, timedelta

from django import forms

from nearer.accounts.forms import time_zone_choices
from nearer.coaching.models import SESSION_LENGTHS, Availability
from nearer.goals.models import Goal
from nearer.goals.wording import sentence

MAX_ROWS = 28
TIME_FORMATS = ["%H:%M", "%H:%M:%S", "%H.%M"]


def _time_field(label: str, which: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": f"Please add {which} time, like 18:00.",
            "invalid": "Please write the time as hours and minutes, like 18:00.",
        },
    )


class AvailabilityForm(forms.Form):
    """One weekly window. Sessions fill it from the start; time left over stays free."""

    weekday = forms.TypedChoiceField(
        label="Day",
        coerce=int,
        choices=[("", "Choose a day"), *Availability.Weekday.choices],
        error_messages={
            "required": "Please choose a day.",
            "invalid_choice": "Please choose a day from the list.",
        },
    )
    start_time = _time_field("From", "a start")
    end_time = _time_field("Until", "an end")
    session_minutes = forms.TypedChoiceField(
        label="Each session",
        coerce=int,
        choices=[(n, f"{n} minutes") for n in SESSION_LENGTHS],
        initial=60,
        error_messages={
            "required": "Please choose how long each session is.",
            "invalid_choice": "Please choose 30, 45 or 60 minutes.",
        },
    )

    def clean(self) -> dict:
        data = super().clean()
        start, end, minutes = (
            data.get("start_time"),
            data.get("end_time"),
            data.get("session_minutes"),
        )
        if start is None or end is None:
            return data
        start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
        data["start_time"], data["end_time"] = start, end
        if end <= start:
            raise forms.ValidationError(
                "Please make the end time later than the start time, on the same day.",
                code="order",
            )
        if minutes:
            length = datetime.combine(date.min, end) - datetime.combine(date.min, start)
            if length < timedelta(minutes=minutes):
                raise forms.ValidationError(
                    f"From {start:%H:%M} to {end:%H:%M} is shorter than one {minutes}-minute "
                    "session. Please make it longer, or choose shorter sessions.",
                    code="short",
                )
        return data


class BaseAvailabilityFormSet(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": "Something went wrong with the form. Please try again.",
        "too_many_forms": "Please keep to %(num)d windows or fewer.",
    }

    def clean(self) -> None:
        if any(f.errors for f in self.forms if not self._should_delete_form(f)):
            return
        rows = sorted(
            (
                f.cleaned_data
                for f in self.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ),
            key=lambda r: (r["weekday"], r["start_time"]),
        )
        for before, after in itertools.pairwise(rows):
            if before["weekday"] == after["weekday"] and after["start_time"] < before["end_time"]:
                day = Availability.Weekday(before["weekday"]).label
                raise forms.ValidationError(
                    f"{day} {before['start_time']:%H:%M}–{before['end_time']:%H:%M} overlaps "
                    f"{day} {after['start_time']:%H:%M}–{after['end_time']:%H:%M}. "
                    "Please change or remove one of them.",
                    code="overlap",
                )

    def rows(self) -> list[dict]:
        keep = ("weekday", "start_time", "end_time", "session_minutes")
        return [
            {k: f.cleaned_data[k] for k in keep}
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]


AvailabilityFormSet = forms.formset_factory(
    AvailabilityForm,
    formset=BaseAvailabilityFormSet,
    extra=2,
    can_delete=True,
    max_num=MAX_ROWS,
    validate_max=True,
    absolute_max=MAX_ROWS,
)


class CoachZoneForm(forms.Form):
    time_zone = forms.ChoiceField(
        label="Your time zone",
        choices=time_zone_choices,
        help_text="Your times below are in this zone, and follow its clock changes.",
        error_messages={
            "invalid_choice": "Please choose a time zone from the list.",
            "required": "Please choose a time zone from the list.",
        },
    )


ID = re.compile(r"[0-9]{1,18}")


class GoalChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, goal: Goal) -> str:
        return sentence(goal)

    def _check_values(self, value):
        """Only ids the database can hold reach it: anything else is simply not a choice."""
        for pk in value:
            if not isinstance(pk, str) or not ID.fullmatch(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super()._check_values(value)


class ShareForm(forms.Form):
    """Which of the member's own goals the coach may see for one booking: none unless ticked."""

    goals = GoalChoice(
        label="Goals to share",
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Please choose from your own goals in the list.",
            "invalid_pk_value": "Please choose from your own goals in the list.",
            "invalid_list": "Please choose from your own goals in the list.",
        },
    )

    def __init__(self, *args, member, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = Goal.objects.editable_by(member).active()


class SlotForm(forms.Form):
    """A slot picked from a list (moving a booking)."""

    slot = forms.IntegerField(
        min_value=1,
        max_value=2**62,
        error_messages={
            "required": "Please choose one of the open times.",
            "invalid": "Please choose one of the open times.",
            "min_value": "Please choose one of the open times.",
            "max_value": "Please choose one of the open times.",
        },
    )
