from django import forms

from nearer.goals.models import MAX_DURATION_SECONDS
from nearer.program.models import Struggle
from nearer.today.models import ReflectionDay

NOTE_MAX = 500
MAX_MINUTES = MAX_DURATION_SECONDS // 60
DAY_MESSAGES = {"invalid": "Please choose a day from the list."}


def _number_messages(text: str) -> dict[str, str]:
    return {"invalid": text, "min_value": text, "max_value": text}


class DayForm(forms.Form):
    """Which day a tap is about; today when the form does not say."""

    day = forms.DateField(required=False, input_formats=["%Y-%m-%d"], error_messages=DAY_MESSAGES)

    def problem(self) -> str:
        """Every error, as one gentle sentence or two."""
        return " ".join(error for errors in self.errors.values() for error in errors)


class CheckInForm(DayForm):
    note = forms.CharField(
        required=False,
        max_length=NOTE_MAX,
        error_messages={"max_length": f"Please keep the note to {NOTE_MAX} characters or fewer."},
    )
    minutes = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_MINUTES,
        error_messages=_number_messages(
            f"Please enter a number of minutes from 0 to {MAX_MINUTES}."
        ),
    )
    seconds = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=59,
        error_messages=_number_messages("Please enter a number of seconds from 0 to 59."),
    )

    def clean(self):
        data = super().clean()
        total = (data.get("minutes") or 0) * 60 + (data.get("seconds") or 0)
        if total > MAX_DURATION_SECONDS:
            raise forms.ValidationError(
                f"Please enter a time of {MAX_MINUTES // 60} hours or less."
            )
        data["duration_seconds"] = total or None
        return data


class MomentForm(DayForm):
    seen = forms.IntegerField(
        min_value=0,
        max_value=10_000,
        error_messages={
            "required": "Please reload the page and tap again.",
            **_number_messages("Please reload the page and tap again."),
        },
    )


class HardSeasonForm(forms.Form):
    end_date = forms.DateField(
        label="Pause until",
        help_text="The last day of the pause. You can come back earlier at any time.",
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Please choose the day your pause ends.",
            "invalid": "Please choose a date, like 2026-03-14.",
        },
    )


class WelcomeForm(forms.Form):
    struggles = forms.ModelMultipleChoiceField(
        queryset=Struggle.objects.select_related("step__phase"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Choose any that fit, or none at all.",
        error_messages={
            "invalid_choice": "Please choose from the list.",
            "invalid_pk_value": "Please choose from the list.",
            "invalid_list": "Please choose from the list.",
        },
    )


class ReflectionDayForm(forms.ModelForm):
    class Meta:
        model = ReflectionDay
        fields = ["weekday"]
        labels = {"weekday": "My day to look back"}
        error_messages = {"weekday": {"invalid_choice": "Please choose a day of the week."}}
