"""Which crisis resources a person sees, and in what order: one place for every surface.

A member's own country decides the resources (``country_for``); the operator's
``NEARER_DEFAULT_COUNTRY`` is only for visitors and members who haven't chosen one. The order
follows what the words suggested (``helpers_for``): thoughts of self-harm put the suicide and
crisis lines first; danger from a partner puts the domestic-abuse lines first; danger happening
now puts the emergency number before everything.
"""

from django.conf import settings

from nearer.safety.models import EMERGENCY_NUMBERS, CrisisResource
from nearer.safety.reader import ABUSE_KINDS


def country_for(user) -> str:
    """The member's own country when they have one, else the site's default (also for
    visitors: ``None`` or an anonymous user)."""
    if user is None or not user.is_authenticated:
        return settings.NEARER_DEFAULT_COUNTRY
    return user.country or settings.NEARER_DEFAULT_COUNTRY


def helpers_for(country: str, kind: str = "") -> list[CrisisResource]:
    """The active resources for ``country``, ordered for ``kind`` (a reader kind, or "")."""
    helpers = list(CrisisResource.objects.active().for_country(country).order_by("order", "name"))
    abuse = [r for r in helpers if r.for_fear_at_home]
    other = [r for r in helpers if not r.for_fear_at_home]
    if kind == "self_harm":
        return other + abuse
    if kind in ABUSE_KINDS or not kind:
        return abuse + other
    return helpers


def emergency_number(country: str) -> str:
    return EMERGENCY_NUMBERS.get(country, "")
