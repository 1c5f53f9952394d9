from django import forms

from nearer.chat.actions import TOPIC_CHARS, TOPIC_TOO_LONG
from nearer.chat.models import ChatFeedback, ChatReport


class RequestForm(forms.Form):
    topic = forms.CharField(
        label="What's on your mind? (optional)",
        required=False,
        max_length=TOPIC_CHARS,
        help_text="A few words, if you'd like the listener to know before you start. "
        "You can leave this empty.",
        error_messages={"max_length": TOPIC_TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class MessageForm(forms.Form):
    """Only the shape is checked here; the words are checked by ``actions.post_message``,
    the same way for the socket and for this form."""

    body = forms.CharField(
        label="Your message", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What happened?",
        choices=ChatReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose what happened."},
    )
    details = forms.CharField(
        label="Anything you'd like the moderators to know (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Please keep this to 1,000 characters or fewer."},
    )


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="Did you feel heard?",
        choices=ChatFeedback.Rating.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    words = forms.CharField(
        label="Anything else you'd like to tell us (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only the people who run this service read this. Your listener doesn't.",
        error_messages={"max_length": "Please keep this to 1,000 characters or fewer."},
    )


class AvailabilityForm(forms.Form):
    available = forms.TypedChoiceField(
        choices=[("1", "Available"), ("0", "Away")], coerce=lambda v: v == "1"
    )
