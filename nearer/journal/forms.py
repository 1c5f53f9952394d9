"""Journal forms: every problem gets a plain sentence, and nothing is saved on bad input."""

import re

from django import forms

from nearer.journal.models import MAX_BODY, MAX_PROMPT, MAX_TITLE, MemberPrompt, Mood, Prompt
from nearer.program.models import JournalPrompt

WINDOW_ID = re.compile(r"[A-Za-z0-9-]{8,40}")
MAX_VERSION = 2_000_000_000

EMPTY_NEW = "There's nothing to save yet. Write a few words first, and they'll be kept."
VERSION_PROBLEM = (
    "This page's copy of the entry got muddled, so nothing was saved. Your words are still "
    "below: copy them somewhere safe, then reload the page."
)
PROMPT_PROBLEM = (
    "We couldn't find that prompt, so nothing was saved. Your words are still below; "
    "you can save them without a prompt."
)


def _is_number(raw: str) -> bool:
    return raw.isascii() and raw.isdigit()


def _count(n: int) -> str:
    return f"{n:,}"


class EntryForm(forms.Form):
    """One save of an entry, from the plain form or from the autosave script."""

    title = forms.CharField(required=False, strip=False)
    body = forms.CharField(required=False, strip=False, widget=forms.Textarea(attrs={"rows": 14}))
    mood = forms.ChoiceField(
        required=False,
        choices=[("", "No mood"), *Mood.choices],
        error_messages={"invalid_choice": "Please choose one of the moods listed, or none."},
    )
    prompt = forms.CharField(required=False, widget=forms.HiddenInput)
    extra_prompt = forms.CharField(required=False, widget=forms.HiddenInput)
    own_prompt = forms.CharField(required=False, widget=forms.HiddenInput)
    version = forms.CharField(required=False, widget=forms.HiddenInput)
    writer = forms.CharField(required=False, widget=forms.HiddenInput)
    seq = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, is_new: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.is_new = is_new

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].replace("\r", " ").replace("\n", " ")
        if len(title) > MAX_TITLE:
            raise forms.ValidationError(
                f"Please keep the title to {MAX_TITLE} characters or fewer "
                f"(this one has {_count(len(title))})."
            )
        return title.strip()

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if len(body) > MAX_BODY:
            raise forms.ValidationError(
                f"Please keep an entry to {_count(MAX_BODY)} characters or fewer (this one has "
                f"{_count(len(body))}). You could carry on in a second entry."
            )
        return body

    def _number(self, name: str, *, required: bool) -> int | None:
        raw = (self.cleaned_data.get(name) or "").strip()
        if not raw:
            if required:
                raise forms.ValidationError(VERSION_PROBLEM)
            return None
        if not _is_number(raw) or int(raw) > MAX_VERSION:
            raise forms.ValidationError(VERSION_PROBLEM)
        return int(raw)

    def clean_version(self) -> int | None:
        return self._number("version", required=not self.is_new)

    def clean_seq(self) -> int | None:
        return self._number("seq", required=False)

    def clean_writer(self) -> str:
        writer = (self.cleaned_data.get("writer") or "").strip()
        if writer and not WINDOW_ID.fullmatch(writer):
            raise forms.ValidationError(VERSION_PROBLEM)
        return writer

    def _prompt(self, name: str, choices):
        raw = (self.cleaned_data.get(name) or "").strip()
        if not raw:
            return None
        ok = _is_number(raw) and int(raw) <= MAX_VERSION
        found = choices.filter(pk=int(raw)).first() if ok else None
        if found is None:
            raise forms.ValidationError(PROMPT_PROBLEM)
        return found

    def clean_prompt(self) -> JournalPrompt | None:
        return self._prompt("prompt", JournalPrompt.objects.all())

    def clean_extra_prompt(self) -> Prompt | None:
        return self._prompt("extra_prompt", Prompt.objects.all())

    def clean_own_prompt(self) -> MemberPrompt | None:
        return self._prompt("own_prompt", MemberPrompt.objects.visible_to(self.user))

    def clean(self) -> dict:
        data = super().clean()
        blank = not data.get("title", "").strip() and not data.get("body", "").strip()
        if self.is_new and not self.errors and blank:
            raise forms.ValidationError(EMPTY_NEW)
        if data.get("seq") is not None and not data.get("writer"):
            raise forms.ValidationError(VERSION_PROBLEM)
        return data

    def messages(self) -> list[str]:
        """Every problem as a sentence, once each, for a JSON reply or a notice."""
        seen: list[str] = []
        for errors in self.errors.values():
            for error in errors:
                if error not in seen:
                    seen.append(error)
        return seen


class MemberPromptForm(forms.Form):
    text = forms.CharField(
        label="Your own prompt",
        max_length=MAX_PROMPT,
        help_text="A question you'd like to come back to. Only you will see it.",
        error_messages={
            "required": "Please write a question first.",
            "max_length": f"Please keep a prompt to {MAX_PROMPT} characters or fewer.",
        },
    )

    def clean_text(self) -> str:
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError("Please write a question first.")
        return text
