from django import forms

from nearer.accounts.models import CODE_LENGTH, Invitation, User


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

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError("Please tell us what to call you.")
        return name

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class DisplayNameForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]
        labels = {"display_name": "Your name"}
        error_messages = {
            "display_name": {
                "required": "Please tell us what to call you.",
                "max_length": "Please keep your name to 60 characters or fewer.",
            }
        }

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


__all__ = ["DeleteAccountForm", "DisplayNameForm", "InvitationCodeForm", "SignupForm"]
