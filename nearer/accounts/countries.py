"""A new member's country, guessed quietly at signup so the help lines they see are theirs.

The browser tells us its time zone (``static/accounts/time-zone.js`` puts it in a hidden field);
``data/time_zone_countries.tsv`` maps it to a country. Without JavaScript, the region of the
browser's preferred language stands in (``en-GB`` → GB). A guess is only a starting point: the
member can change it in Account, and blank is fine (``NEARER_DEFAULT_COUNTRY`` then applies).
Nothing here ever raises on what a browser sends.
"""

import functools
from pathlib import Path

from nearer.safety.models import normalise_country_code

TIME_ZONES_FILE = Path(__file__).parent / "data" / "time_zone_countries.tsv"
MAX_HEADER = 1000  # an Accept-Language header longer than this is not read at all


@functools.cache
def time_zone_countries() -> dict[str, str]:
    """Time zone name → two-letter country code, from the data file."""
    zones = {}
    for line in TIME_ZONES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zone, code = line.split("\t")
        zones[zone.strip()] = code.strip()
    return zones


def country_from_time_zone(zone: str) -> str:
    """The country of a browser's time zone, or "" for UTC, a typo or anything unknown."""
    if not isinstance(zone, str):
        return ""
    return time_zone_countries().get(zone.strip(), "")


def country_from_accept_language(header: str) -> str:
    """The region of the most preferred language that names one (``fr, en-GB;q=0.8`` → GB)."""
    if not isinstance(header, str) or len(header) > MAX_HEADER:
        return ""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        if not 0 < quality <= 1:  # also drops q=nan
            continue
        ranked.append((-quality, position, tag.strip()))
    for _, _, tag in sorted(ranked):
        # language[-script][-region]...: the region is the first two-letter subtag after the
        # language (zh-Hant-TW → TW); a numeric region such as es-419 names no country.
        for subtag in tag.replace("_", "-").split("-")[1:]:
            if len(subtag) == 1:  # extensions (-u-, -x-) follow; no region came before
                break
            if len(subtag) == 2:
                code = normalise_country_code(subtag)
                if code:
                    return "GB" if code == "UK" else code
                break
    return ""


def guess_country(*, time_zone: str = "", accept_language: str = "") -> str:
    """The browser's time zone first (where someone is), then its language's region, else ""."""
    return country_from_time_zone(time_zone) or country_from_accept_language(accept_language)
