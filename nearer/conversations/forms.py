"""Forms for the talking tools. Every problem is a plain sentence that says how to fix it."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms

from nearer.conversations.models import (
    ANSWER_MAX,
    DEFAULT_QUESTION,
    ISSUE_MAX,
    NOTE_MAX,
    QUESTION_MAX,
    Preference,
    calm_window,
)
from nearer.conversations.rephrase import MAX_LENGTH

LOCAL_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M")
OTHER = "other"


def _text(label: str, *, limit: int, required: str, too_long: str, **kwargs) -> forms.CharField:
    messages = {
        "required": required,
        "max_length": too_long + " (this has %(show_value)d).",
        "null_characters_not_allowed": "Some of that text couldn't be read. Please type it again.",
    }
    return forms.CharField(label=label, max_length=limit, error_messages=messages, **kwargs)


SEND_ANYWAY = "send"
KEEP_PRIVATE = "private"


class ChoiceAfterNote(forms.Field):
    """The member's choice after a private note held their words: "send" (send anyway) or
    "private" (keep it private). Anything else is no choice yet, so the words are read again."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> str:
        return value if value in (SEND_ANYWAY, KEEP_PRIVATE) else ""


class ForPartnerForm(forms.Form):
    """Words that go to the partner. When they suggest danger they are held, unsent, beside a
    private note, with two buttons that post them again with ``confirm`` set."""

    confirm = ChoiceAfterNote()

    @property
    def choice(self) -> str:
        return self.cleaned_data.get("confirm", "")


class AskForm(ForPartnerForm):
    text = _text(
        "Your question",
        limit=QUESTION_MAX,
        required="Please write your question. A few words are enough.",
        too_long=f"Please keep your question to {QUESTION_MAX} characters or fewer",
        initial=DEFAULT_QUESTION,
        help_text="You can keep these words, or soften them in your own way.",
        widget=forms.TextInput(attrs={"maxlength": QUESTION_MAX}),
    )


class AnswerForm(ForPartnerForm):
    answer = _text(
        "Your answer",
        limit=ANSWER_MAX,
        required="Please write a few words, or choose “Not now”.",
        too_long=f"Please keep your answer to {ANSWER_MAX:,} characters or fewer",
        help_text="Only the two of you can read it.",
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": ANSWER_MAX}),
    )


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["email_questions"]


class RephraseForm(forms.Form):
    text = _text(
        "What would you like to say?",
        limit=MAX_LENGTH,
        required="Please write what you'd like to say. A sentence is enough.",
        too_long=f"Please keep it to {MAX_LENGTH:,} characters or fewer",
        help_text="Nothing you type here is kept.",
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_LENGTH}),
    )


class UseRewriteForm(forms.Form):
    rewrite = _text(
        "The words you'll use",
        limit=NOTE_MAX,
        required="Please choose one of the suggestions first.",
        too_long=f"Please keep it to {NOTE_MAX:,} characters or fewer",
    )
    save = forms.BooleanField(
        label="Also keep these words as a private note (only you can see it)", required=False
    )


def local_label(moment: datetime, zone: ZoneInfo) -> str:
    """ "Tuesday 3 March, 19:30" in the member's own time zone."""
    local = moment.astimezone(zone)
    return f"{local:%A} {local.day} {local:%B}, {local:%H:%M}"


def local_value(moment: datetime, zone: ZoneInfo) -> str:
    """The value a datetime-local field uses: "2026-03-03T19:30"."""
    return moment.astimezone(zone).strftime("%Y-%m-%dT%H:%M")


def parse_local(value: str, zone: ZoneInfo) -> datetime | None:
    for fmt in LOCAL_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).replace(tzinfo=zone)
        except ValueError:
            continue
    return None


JUNK_TIME = "Please enter a date and time, like 2026-03-02 19:30."


class CalmTimeForm(forms.Form):
    """A time 24 to 48 hours from now, in the member's time zone: a suggestion or their own."""

    when = forms.CharField(required=False, max_length=40, error_messages={"max_length": JUNK_TIME})
    other = forms.CharField(
        label="Or choose your own time",
        required=False,
        max_length=40,
        error_messages={"max_length": JUNK_TIME},
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args, now: datetime, zone: ZoneInfo, **kwargs):
        super().__init__(*args, **kwargs)
        self.now, self.zone = now, zone

    def window_words(self) -> str:
        earliest, latest = calm_window(self.now)
        return f"{local_label(earliest, self.zone)} and {local_label(latest, self.zone)}"

    def clean(self):
        data = super().clean()
        if self.has_error("when") or self.has_error("other"):
            return data
        problem = self._time_problem(data)
        if problem:
            self.add_error("when", problem)
        return data

    def _time_problem(self, data: dict) -> str:
        when, other = data.get("when", "").strip(), data.get("other", "").strip()
        raw = other if when in ("", OTHER) else when
        if not raw:
            return "Please choose a time for the talk: one of the suggestions, or your own."
        moment = parse_local(raw, self.zone)
        if moment is None:
            return JUNK_TIME
        earliest, latest = calm_window(self.now)
        between = self.window_words()
        if moment <= self.now:
            return f"That time has already passed. Please choose one between {between}."
        if moment < earliest:
            return (
                f"That's a little soon. Please choose a time between {between}, "
                "so you both have room to feel calm."
            )
        if moment > latest:
            return (
                "That's a little far off, and small things are easiest to mend early. "
                f"Please choose a time between {between}."
            )
        data["talk_at"] = moment
        return ""


class RepairForm(CalmTimeForm):
    issue = _text(
        "One small thing on your mind",
        limit=ISSUE_MAX,
        required="Please write the small thing you'd like to raise. A few words are enough.",
        too_long=f"Please keep it to {ISSUE_MAX} characters or fewer",
        help_text="Only you can see this note.",
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": ISSUE_MAX}),
    )

    field_order = ["issue", "when", "other"]
