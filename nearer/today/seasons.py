"""Hard seasons: one switch that pauses all of a member's goals for a while.

While a season covers a day, that day leaves every goal's strength exactly as it was
(``nearer.goals.progress`` honours the seasons it is given) and reminders stay silent.

For other apps, the one question to ask is::

    from nearer.today.seasons import in_hard_season

    if in_hard_season(member, member.today()):
        ...  # stay quiet: no reminder, no nudge

It costs one small query. A season starts on the day it is switched on and ends on the day the
member picks (at most ``MAX_SEASON_DAYS`` later); ending it early makes yesterday its last day.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils.dateformat import format as format_date

from nearer.accounts.models import User
from nearer.goals.models import HardSeason
from nearer.today.models import BoardVersion

MAX_SEASON_DAYS = 90
WELCOME_BACK_DAYS = 7  # how long after a season Today still says "Welcome back"


class SeasonError(Exception):
    """A season that cannot be started or ended; the message is shown to the member as it is."""


def covering(day: date):
    """Seasons of any member that include ``day``."""
    return HardSeason.objects.filter(start_date__lte=day, end_date__gte=day)


def in_hard_season(user: User, day: date) -> bool:
    """Whether ``user`` has paused everything on ``day`` (their local date). One query."""
    return covering(day).filter(owner=user).exists()


def active_season(user: User, day: date) -> HardSeason | None:
    return covering(day).filter(owner=user).order_by("-end_date").first()


def seasons_by_owner(owner_ids: list[int], *, since: date) -> dict[int, list[HardSeason]]:
    """The seasons that touch ``since`` or later, grouped by owner: what ``progress_for``
    needs as ``owner_seasons``, in one query."""
    grouped: dict[int, list[HardSeason]] = {pk: [] for pk in owner_ids}
    for season in HardSeason.objects.filter(owner_id__in=owner_ids, end_date__gte=since):
        grouped[season.owner_id].append(season)
    return grouped


def last_day_allowed(today: date) -> date:
    return today + timedelta(days=MAX_SEASON_DAYS)


@transaction.atomic
def start_season(*, user: User, today: date, end_date: date) -> HardSeason:
    """Pause everything from ``today`` through ``end_date``."""
    if end_date < today:
        raise SeasonError("Please choose today or a later day for the pause to end.")
    if end_date > last_day_allowed(today):
        raise SeasonError(
            f"A pause can last up to {MAX_SEASON_DAYS} days. "
            f"Please choose a day on or before {format_date(last_day_allowed(today), 'j F Y')}."
        )
    # Hold the member's row so that a double submission cannot start two seasons.
    User.objects.select_for_update().filter(pk=user.pk).first()
    current = active_season(user, today)
    if current is not None:
        raise SeasonError(f"You're already resting until {format_date(current.end_date, 'l j F')}.")
    season = HardSeason.objects.create(owner=user, start_date=today, end_date=end_date)
    BoardVersion.objects.bump(member_id=user.pk)  # the partner's view of shared goals, too
    return season


@transaction.atomic
def end_season_early(*, user: User, today: date) -> str:
    """ "I'm ready to come back": yesterday becomes the last paused day ("ended"). A season
    switched on today simply disappears, as nothing was paused yet ("cancelled"). Returns ""
    when no season was running."""
    season = active_season(user, today)
    if season is None:
        return ""
    BoardVersion.objects.bump(member_id=user.pk)
    if season.start_date >= today:
        season.delete()
        return "cancelled"
    season.end_date = today - timedelta(days=1)
    season.save(update_fields=["end_date"])
    return "ended"
