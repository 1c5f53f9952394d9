"""Community forms. Every problem is a plain sentence that says how to fix it."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone

from nearer.community import markup, names
from nearer.community.models import (
    NAME_MAX,
    POST_MAX,
    REASON_MAX,
    REPLY_MAX,
    REPORT_WORDS_MAX,
    TITLE_MAX,
    CommunityProfile,
    ModerationAction,
    ReactionKind,
    Report,
)

SEARCH_MAX = 100
SUSPEND_MAX_DAYS = 366
UNREADABLE = "Some of that text couldn't be read. Please type it again."
FORMAT_HELP = (
    "You can use *soft* or **strong** words, lists starting with “- ”, "
    "quotes starting with “> ”, and links like [words](https://…)."
)


def _text(label: str, *, limit: int, required: str, too_long: str, **kwargs) -> forms.CharField:
    messages = {
        "required": required,
        "max_length": too_long + " (this has %(show_value)d).",
        "null_characters_not_allowed": UNREADABLE,
    }
    return forms.CharField(
        label=label, max_length=limit, error_messages=messages, strip=True, **kwargs
    )


class NameField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label="Your community name",
            max_length=NAME_MAX * 4,  # the real limit is checked after tidying, in words
            help_text=(
                "Others see this name, not your account name or email. Please choose a name "
                "that isn't your own. You can change it later."
            ),
            error_messages={
                "required": "Please choose a community name. Any name you like is fine.",
                "max_length": f"Please use up to {NAME_MAX} characters.",
                "null_characters_not_allowed": UNREADABLE,
            },
            widget=forms.TextInput(attrs={"maxlength": NAME_MAX, "autocomplete": "off"}),
            **kwargs,
        )


class _NameMixin:
    """Validates ``name`` for ``self.user`` and checks nobody else has it."""

    def clean_name(self):
        name, key = names.validate(self.cleaned_data["name"], user=self.user)
        taken = CommunityProfile.objects.filter(name_key=key).exclude(user=self.user)
        if taken.exists():
            raise forms.ValidationError("Someone already uses that name. Please choose another.")
        return name, key


class JoinForm(_NameMixin, forms.Form):
    """The first join: the code of conduct and a community name (when there is none yet)."""

    name = NameField()
    accept = forms.BooleanField(
        label="I'll keep to this code of conduct",
        error_messages={
            "required": "Please tick the box to say you'll keep to the code, or come back later."
        },
    )

    def __init__(self, *args, user, needs_name: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not needs_name:
            del self.fields["name"]


class ProfileForm(_NameMixin, forms.Form):
    name = NameField()
    digest_by_email = forms.BooleanField(
        label="Email me once a day when someone has replied to my posts",
        required=False,
        help_text="Off unless you turn it on. With discreet wording on (in your account), "
        "the email says only that something new is waiting.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user


class PostForm(forms.Form):
    title = _text(
        "A short title",
        limit=TITLE_MAX,
        required="Please give your post a short title. A few words are enough.",
        too_long=f"Please keep the title to {TITLE_MAX} characters or fewer",
        widget=forms.TextInput(attrs={"maxlength": TITLE_MAX}),
    )
    body = _text(
        "What would you like to share?",
        limit=POST_MAX,
        required="Please write a few words before posting.",
        too_long=f"Please keep your post to {POST_MAX:,} characters or fewer",
        help_text=FORMAT_HELP,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": POST_MAX}),
    )

    def clean_title(self):
        return _not_blank(self.cleaned_data["title"], "Please give your post a short title.")

    def clean_body(self):
        return _not_blank(self.cleaned_data["body"], "Please write a few words before posting.")


class ReplyForm(forms.Form):
    body = _text(
        "Your reply",
        limit=REPLY_MAX,
        required="Please write a few words before sending your reply.",
        too_long=f"Please keep your reply to {REPLY_MAX:,} characters or fewer",
        help_text=FORMAT_HELP,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": REPLY_MAX}),
    )

    def clean_body(self):
        return _not_blank(self.cleaned_data["body"], "Please write a few words before sending.")


def _not_blank(value: str, message: str) -> str:
    if not markup.clean_text(value):
        raise forms.ValidationError(message)
    return value


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(
        choices=ReactionKind.choices,
        error_messages={
            "required": "Please choose “This helped” or “Me too”.",
            "invalid_choice": "Please choose “This helped” or “Me too”.",
        },
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What's worrying you?",
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose the closest reason. “Something else” is fine.",
            "invalid_choice": "Please choose one of the reasons in the list.",
        },
    )
    words = forms.CharField(
        label="Anything you'd like the moderators to know? (optional)",
        required=False,
        max_length=REPORT_WORDS_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REPORT_WORDS_MAX}),
        error_messages={
            "max_length": f"Please keep this to {REPORT_WORDS_MAX:,} characters or fewer "
            "(this has %(show_value)d).",
            "null_characters_not_allowed": UNREADABLE,
        },
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search this group",
        max_length=SEARCH_MAX,
        error_messages={
            "required": "Please type a word or two to look for.",
            "max_length": f"Please search with up to {SEARCH_MAX} characters.",
            "null_characters_not_allowed": UNREADABLE,
        },
        widget=forms.TextInput(attrs={"type": "search", "maxlength": SEARCH_MAX}),
    )

    def clean_q(self):
        words = " ".join(markup.clean_text(self.cleaned_data["q"]).split())
        if len(words) < 2:
            raise forms.ValidationError("Please type at least two letters to look for.")
        return words


class ItemActionForm(forms.Form):
    """A moderator's step on a post or a reply."""

    action = forms.ChoiceField(
        choices=[
            (ModerationAction.Kind.APPROVE, "Let it through"),
            (ModerationAction.Kind.HIDE, "Hide"),
            (ModerationAction.Kind.RESTORE, "Restore"),
        ],
        error_messages={
            "required": "Please choose one of the steps on the page.",
            "invalid_choice": "Please choose one of the steps on the page.",
        },
    )
    reason = forms.CharField(
        label="Why (kept in the log)",
        required=False,
        max_length=REASON_MAX,
        error_messages={"max_length": f"Please keep this to {REASON_MAX:,} characters."},
    )


class MemberActionForm(forms.Form):
    """A moderator's step about a member of the group."""

    action = forms.ChoiceField(
        choices=[
            (ModerationAction.Kind.WARN, "Send a note"),
            (ModerationAction.Kind.SUSPEND, "Pause from writing"),
            (ModerationAction.Kind.BAN, "Remove from the group"),
            (ModerationAction.Kind.LIFT, "Welcome back"),
        ],
        error_messages={
            "required": "Please choose one of the steps on the page.",
            "invalid_choice": "Please choose one of the steps on the page.",
        },
    )
    reason = forms.CharField(
        label="Words for the member and the log",
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX}),
        error_messages={"max_length": f"Please keep this to {REASON_MAX:,} characters."},
    )
    until = forms.DateField(
        label="Pause until",
        help_text="Only needed for a pause: the member can write again from this day.",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Please choose a date, like 2026-04-30."},
    )

    def __init__(self, *args, zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone

    def clean(self):
        data = super().clean()
        action, day = data.get("action"), data.get("until")
        if action == ModerationAction.Kind.SUSPEND:
            today = timezone.now().astimezone(self.zone).date()
            if day is None:
                self.add_error("until", "Please choose the day the pause ends.")
            elif day <= today:
                self.add_error("until", "Please choose a day after today.")
            elif day > today + timedelta(days=SUSPEND_MAX_DAYS):
                self.add_error("until", "Please choose a day within the next year.")
            else:
                data["until_at"] = datetime.combine(day, time.min, tzinfo=self.zone)
        if action == ModerationAction.Kind.WARN and not (data.get("reason") or "").strip():
            self.add_error("reason", "Please write the note the member will read.")
        return data


class CloseReportForm(forms.Form):
    reason = forms.CharField(required=False, max_length=REASON_MAX)
