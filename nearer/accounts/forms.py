import functools
import logging
import zoneinfo

from django import forms

from nearer.accounts.countries import guess_country
from nearer.accounts.models import CODE_LENGTH, Invitation, User
from nearer.safety.models import CrisisResource, country_name, normalise_country_code

logger = logging.getLogger(__name__)


class BrowserHintField(forms.CharField):
    """A hidden hint a script fills in. Whatever arrives, it is never an error on the form."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.validators = []  # not even CharField's "no null characters": the hint is dropped

    def clean(self, value) -> str:
        return value.strip()[:100] if isinstance(value, str) else ""


class SignupForm(forms.Form):
    """Extra fields for allauth's signup form."""

    display_name = forms.CharField(
        label="Your name",
        max_length=60,
        help_text="What your partner will see, if you link accounts. Any name you like.",
        error_messages={
            "required": "Please tell us what to call you.",
            "max_length": "Please keep your name to 60 characters or fewer.",
        },
    )

    # Filled from the browser's time zone by static/accounts/time-zone.js, to guess the
    # member's country (nearer/accounts/countries.py); empty when JavaScript is off.
    browser_time_zone = BrowserHintField()

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError("Please tell us what to call you.")
        return name

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        try:
            user.country = guess_country(
                time_zone=self.cleaned_data.get("browser_time_zone", ""),
                accept_language=request.META.get("HTTP_ACCEPT_LANGUAGE", ""),
            )
        except Exception:  # a guess is never worth a failed signup; blank is fine
            logger.exception("Could not guess a new member's country")
            user.country = ""
        user.save(update_fields=["display_name", "country"])


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")
    return [(z, z.replace("_", " ")) for z in zones]


class CountryField(forms.ChoiceField):
    """A country from the list; "gb" is read as GB, anything else gets a clear message."""

    def to_python(self, value) -> str:
        value = super().to_python(value).strip()
        return normalise_country_code(value) or value


def country_choices(current: str = "") -> list[tuple[str, str]]:
    """Not set, then every country Nearer has help lines for, and the member's own if not."""
    countries = CrisisResource.objects.active().countries()
    if current and current not in {code for code, _ in countries}:
        countries.append((current, country_name(current)))
    return [("", "Not set"), *countries]


class AccountForm(forms.ModelForm):
    country = CountryField(
        label="Your country",
        required=False,
        help_text=(
            "This decides which help lines Nearer shows you. "
            "Only you can see it; it's never shown to a partner."
        ),
        error_messages={"invalid_choice": "Please choose a country from the list."},
    )
    time_zone = forms.ChoiceField(
        label="Your time zone",
        choices=time_zone_choices,
        help_text="So that 'today' and reminders follow your own clock.",
        error_messages={
            "invalid_choice": "Please choose a time zone from the list.",
            "required": "Please choose a time zone from the list.",
        },
    )

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "country", "discreet"]
        labels = {
            "display_name": "Your name",
            "discreet": "Discreet wording",
        }
        help_texts = {
            "discreet": (
                "Keeps relationship words and your goals' wording out of email subjects, "
                "reminders and calendar entries, in case someone else sees your screen."
            ),
        }
        error_messages = {
            "display_name": {
                "required": "Please tell us what to call you.",
                "max_length": "Please keep your name to 60 characters or fewer.",
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(self.instance.country)

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError("Please tell us what to call you.")
        return name


class InvitationCodeForm(forms.Form):
    code = forms.CharField(
        label="Invitation code",
        max_length=20,
        help_text="Eight letters and numbers, like ABCD-2345. Dashes and spaces are fine.",
        error_messages={"required": "Please type the code your partner gave you."},
    )

    def clean_code(self) -> str:
        code = Invitation.normalize_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(
                "That doesn't look like an invitation code. It has eight letters and numbers, "
                "like ABCD-2345."
            )
        return code


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Please enter your password to confirm."},
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password doesn't match. Please try again.")
        return password


__all__ = ["AccountForm", "DeleteAccountForm", "InvitationCodeForm", "SignupForm"]
