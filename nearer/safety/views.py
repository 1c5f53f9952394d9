from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from nearer.safety.models import (
    EMERGENCY_NUMBERS,
    CrisisResource,
    country_name,
    normalise_country_code,
)
from nearer.safety.resources import country_for


@never_cache
def too_hard(request: HttpRequest) -> HttpResponse:
    """A calm place, open to everyone. Nothing about a visit is stored."""
    resources = CrisisResource.objects.active()
    countries = resources.countries()
    # An explicit ?country= wins; else the member's own country; else the site's default.
    asked = request.GET.get("country", "").strip()
    code = normalise_country_code(asked or country_for(request.user))
    known = {known_code for known_code, _ in countries}
    country = code if code in known else settings.NEARER_DEFAULT_COUNTRY
    helpers = list(resources.for_country(country).order_by("order", "name"))
    return render(
        request,
        "safety/too_hard.html",
        {
            "countries": countries,
            "country": country,
            "country_name": country_name(country),
            "emergency_number": EMERGENCY_NUMBERS.get(country, ""),
            "asked_unknown": code not in known
            and (bool(asked) or code != settings.NEARER_DEFAULT_COUNTRY),
            "fear_resources": [r for r in helpers if r.for_fear_at_home],
            "other_resources": [r for r in helpers if not r.for_fear_at_home],
        },
    )
