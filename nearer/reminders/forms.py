from django import forms

from nearer.reminders.models import ReminderSetting


class ReminderForm(forms.Form):
    time = forms.TimeField(
        label="Time",
        required=False,
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="Your local time. Leave it empty for no reminder.",
        error_messages={"invalid": "Please enter a time like 08:30."},
    )
    by_email = forms.BooleanField(label="By email", required=False)
    in_app = forms.BooleanField(label="In Nearer (on your Today page)", required=False)

    @classmethod
    def for_goal(cls, goal, data=None) -> "ReminderForm":
        setting = ReminderSetting.objects.filter(goal=goal).first()
        initial = {
            "time": goal.reminder_time,
            "by_email": setting.by_email if setting else True,
            "in_app": setting.in_app if setting else True,
        }
        return cls(data, initial=initial)

    def clean_time(self):
        at = self.cleaned_data["time"]
        return at.replace(second=0, microsecond=0) if at else None

    def clean(self):
        data = super().clean()
        if data.get("time") and not (data.get("by_email") or data.get("in_app")):
            raise forms.ValidationError(
                "Please choose how to be reminded: by email, in Nearer, or both. "
                "Or clear the time to turn the reminder off."
            )
        return data
