from django import forms

MAX_LENGTH = 2000


class CoachForm(forms.Form):
    text = forms.CharField(
        label="Your goal, or what feels hard",
        max_length=MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_LENGTH}),
        help_text=(
            "For example: “be more patient with my husband”, or “we keep having the same fight "
            "about money”. Up to 2,000 characters."
        ),
        error_messages={
            "required": "Please type a goal, or something that feels hard right now.",
            "max_length": (
                "Please keep this to 2,000 characters or fewer. One goal, or one hard thing, "
                "is plenty to start with."
            ),
        },
    )
