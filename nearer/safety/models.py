import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

# The countries Nearer ships crisis numbers for. An operator may add resources for any other
# country in the admin; its two-letter code then stands in for the name.
COUNTRY_NAMES = {
    "AU": "Australia",
    "CA": "Canada",
    "GB": "United Kingdom",
    "IE": "Ireland",
    "NZ": "New Zealand",
    "US": "United States",
}
EMERGENCY_NUMBERS = {
    "AU": "000",
    "CA": "911",
    "GB": "999",
    "IE": "112 or 999",
    "NZ": "111",
    "US": "911",
}

COUNTRY_CODE = re.compile(r"[A-Z]{2}")

validate_country_code = RegexValidator(
    r"\A[A-Z]{2}\Z",
    "Please use the two-letter country code in capitals, like GB or US.",
)
validate_phone = RegexValidator(
    r"\A\+?[0-9][0-9 ()\-.]*\Z",
    "Please use digits, spaces and dashes only, like 116 123 or 1-800-799-7233.",
)


def country_name(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def normalise_country_code(value: str) -> str:
    """A two-letter code from what someone typed or picked, or "" if it can't be one."""
    value = value.strip().upper()
    if value.isascii() and COUNTRY_CODE.fullmatch(value):
        return value
    return ""


class CrisisResourceQuerySet(models.QuerySet["CrisisResource"]):
    def active(self) -> "CrisisResourceQuerySet":
        return self.filter(is_active=True)

    def for_country(self, code: str) -> "CrisisResourceQuerySet":
        return self.filter(country=code)

    def countries(self) -> list[tuple[str, str]]:
        """(code, name) for every country with a resource here, by name: the country picker."""
        codes = set(self.values_list("country", flat=True))
        return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])


class CrisisResource(models.Model):
    """A real service people can reach now, configured by the operator for each country."""

    country = models.CharField(
        max_length=2,
        validators=[validate_country_code],
        help_text="Two-letter ISO 3166-1 code in capitals, like GB or US.",
    )
    name = models.CharField(max_length=100)
    phone = models.CharField(max_length=40, blank=True, validators=[validate_phone])
    text_contact = models.CharField(
        "text contact", max_length=100, blank=True, help_text='For example "Text START to 88788".'
    )
    url = models.URLField("website", blank=True)
    purpose = models.CharField(
        max_length=200, help_text="What it is for, in a short plain sentence."
    )
    for_fear_at_home = models.BooleanField(
        "for someone afraid at home",
        default=False,
        help_text="A domestic abuse service: shown first to someone afraid of their partner.",
    )
    available_hours = models.CharField(
        "hours", max_length=60, blank=True, help_text='For example "24/7".'
    )
    last_verified = models.DateField(help_text="When someone last checked these details.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers show first.")
    is_active = models.BooleanField("show on the site", default=True)

    objects = CrisisResourceQuerySet.as_manager()

    class Meta:
        ordering = ["country", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(text_contact="") | ~Q(url=""),
                name="crisis_resource_has_a_contact",
                violation_error_message=(
                    "Please add at least one way to reach them: a phone number, "
                    "a text option or a website."
                ),
            ),
            models.UniqueConstraint(
                fields=["country", "name"], name="crisis_resource_unique_name_per_country"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    @property
    def tel_href(self) -> str:
        """The phone number as a tel: link (digits and a leading plus only)."""
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""

    @property
    def website_label(self) -> str:
        """The website without its scheme, easy to read and remember: "www.samaritans.org"."""
        parts = urlsplit(self.url)
        return (parts.netloc + parts.path).rstrip("/") or self.url


class Answer(models.TextChoices):
    """The calm choices of the private safety check (``nearer.safety.screen``)."""

    YES = "yes", "Yes"
    SOMETIMES = "sometimes", "Sometimes"
    NO = "no", "No"
    RATHER_NOT_SAY = "rather_not_say", "I'd rather not say"


# Answers that suggest danger, for each question: "yes" or "sometimes" to fear, hurt or
# threats, and control; "no" or "not always" to feeling safe to say no.
WORRYING = {
    "afraid": {Answer.YES, Answer.SOMETIMES},
    "hurt": {Answer.YES, Answer.SOMETIMES},
    "kept_from": {Answer.YES, Answer.SOMETIMES},
    "safe_to_say_no": {Answer.NO, Answer.SOMETIMES},
}


class SafetyCheckQuerySet(models.QuerySet["SafetyCheck"]):
    def visible_to(self, user) -> "SafetyCheckQuerySet":
        """The member's own check only: never their partner's, never anyone else's."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def answer(self, *, owner, answers: dict[str, str], now) -> "SafetyCheck":
        """Keep the member's answers, replacing any earlier ones; a question left blank is
        kept blank, like "I'd rather not say"."""
        values = {name: answers.get(name) or "" for name in WORRYING}
        check, _ = self.update_or_create(
            owner=owner, defaults={**values, "answered_at": now, "met_at": now}
        )
        return check

    def skip(self, *, owner, now) -> "SafetyCheck":
        """Skipping keeps nothing new: only when, so the check waits before asking again.
        Earlier answers, if any, stay as they were until the member deletes them."""
        check, _ = self.update_or_create(owner=owner, defaults={"met_at": now})
        return check


class SafetyCheck(models.Model):
    """A member's answers to the private safety check, or the fact that they skipped it.

    One row per member, seen by no one else: not the partner, not the admin, not an export.
    "Delete my answers" removes the row; deleting the account removes it too (CASCADE).
    ``met_at`` is when the member last answered or skipped (the check waits a while before
    asking again); ``answered_at`` is empty when they have only ever skipped.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    afraid = models.CharField(max_length=16, choices=Answer.choices, blank=True)
    hurt = models.CharField(max_length=16, choices=Answer.choices, blank=True)
    kept_from = models.CharField(max_length=16, choices=Answer.choices, blank=True)
    safe_to_say_no = models.CharField(max_length=16, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    met_at = models.DateTimeField(default=timezone.now)

    objects = SafetyCheckQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__in": [*Answer.values, ""]}),
                name=f"safety_check_{name}_known",
            )
            for name in WORRYING
        ]

    def __str__(self) -> str:
        return f"Private check #{self.pk}"  # never the answers: this text can reach logs

    @property
    def suggests_danger(self) -> bool:
        """Any answer that suggests the member may not be safe with their partner."""
        return any(getattr(self, name) in worrying for name, worrying in WORRYING.items())
