import re
from urllib.parse import urlsplit

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

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
