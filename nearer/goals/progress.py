"""Keeping each goal's strength current without reading its whole history.

Days older than the back-dating window (7 days) can no longer change, so they are *settled*
into ``Goal.strength`` / ``Goal.strength_as_of`` once. A page view only folds the few
unsettled days that follow, from one bounded query of recent check-ins: the work and the
number of queries are the same for a week of history and for two years.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from nearer.goals import history
from nearer.goals.models import BACKDATE_DAYS, CheckIn, Goal, HardSeason, Shape
from nearer.goals.strength import advance

LOOKBACK_DAYS = 6  # an "N times a week" day looks at the six days before it too


@dataclass
class Days:
    """Check-ins of one goal by day, and the member's paused periods."""

    done: dict[date, int] = field(default_factory=dict)
    skipped: set[date] = field(default_factory=set)

    def done_on(self, day: date) -> int:
        return self.done.get(day, 0)


def days_between(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def settled_through(today: date) -> date:
    """The last day that no check-in can change any more."""
    return today - timedelta(days=BACKDATE_DAYS + 1)


def _resting(goal: Goal, days: Days, seasons: Sequence[HardSeason]):
    def resting(day: date) -> bool:
        return (
            day < goal.start_date
            or day in days.skipped
            or any(season.covers(day) for season in seasons)
        )

    return resting


def window_start(goals: Sequence[Goal], today: date) -> date:
    """The first day whose check-ins are needed to bring ``goals`` up to ``today``."""
    starts = [
        (g.strength_as_of + timedelta(days=1)) if g.strength_as_of else g.start_date
        for g in goals
        if g.shape != Shape.DEADLINE  # no strength, never settled: needs only recent days
    ]
    first = min([*starts, settled_through(today)])
    return first - timedelta(days=LOOKBACK_DAYS)


def load_days(goals: Sequence[Goal], since: date) -> dict[int, Days]:
    by_goal: dict[int, Days] = defaultdict(Days)
    rows = CheckIn.objects.filter(goal__in=[g.pk for g in goals], day__gte=since).values_list(
        "goal_id", "day", "kind", "count"
    )
    for goal_id, day, kind, count in rows:
        if kind == CheckIn.Kind.SKIP:
            by_goal[goal_id].skipped.add(day)
        else:
            by_goal[goal_id].done[day] = count
    return by_goal


def current_strength(
    goal: Goal, days: Days, seasons: Sequence[HardSeason], *, today: date
) -> float:
    """Strength now: settled value, then yesterday and before in full, today only if acted on."""
    first = (goal.strength_as_of + timedelta(days=1)) if goal.strength_as_of else goal.start_date
    last = today if (today in days.done or today in days.skipped) else today - timedelta(days=1)
    return advance(
        goal.strength,
        goal.rhythm,
        days_between(first, last),
        done_on=days.done_on,
        resting=_resting(goal, days, seasons),
    )


def settle(
    goals: Sequence[Goal],
    by_goal: dict[int, Days],
    seasons: Sequence[HardSeason],
    *,
    today: date,
    points: list | None = None,
) -> list[Goal]:
    """Fold days that can no longer change into the stored strength; return changed goals.

    Weekly strength points are added to ``points`` for the caller to save, or saved here.
    """
    horizon = settled_through(today)
    changed = []
    new_points = [] if points is None else points
    for goal in goals:
        if goal.shape == Shape.DEADLINE:
            continue
        if goal.strength_as_of is not None and goal.strength_as_of >= horizon:
            continue
        first = (
            (goal.strength_as_of + timedelta(days=1)) if goal.strength_as_of else goal.start_date
        )
        days = by_goal.get(goal.pk, Days())
        goal.strength, weekly = history.weekly_points(
            goal,
            days,
            strength=goal.strength,
            first=first,
            last=horizon,
            resting=_resting(goal, days, seasons),
        )
        new_points.extend(weekly)
        goal.strength_as_of = horizon
        changed.append(goal)
    if points is None:
        history.record(new_points)
    return changed


@dataclass
class Progress:
    goal: Goal
    strength: float
    week_count: int
    today: str | None  # "done", "skip" or None
    today_count: int


def progress_for(goals: Sequence[Goal], owner_seasons: dict[int, list[HardSeason]], *, today: date):
    """Bring ``goals`` up to ``today`` with one query for check-ins; settle what is final.

    Returns a Progress per goal, and saves settled strength with one bulk update.
    """
    if not goals:
        return []
    by_goal = load_days(goals, window_start(goals, today))
    changed: list[Goal] = []
    points: list = []
    result = []
    week_start = today - timedelta(days=today.weekday())
    for goal in goals:
        seasons = owner_seasons.get(goal.owner_id, [])
        days = by_goal.get(goal.pk, Days())
        changed += settle([goal], by_goal, seasons, today=today, points=points)
        week_count = sum(n for d, n in days.done.items() if week_start <= d <= today)
        state = "done" if today in days.done else "skip" if today in days.skipped else None
        result.append(
            Progress(
                goal=goal,
                strength=current_strength(goal, days, seasons, today=today),
                week_count=week_count,
                today=state,
                today_count=days.done.get(today, 0),
            )
        )
    if changed:
        Goal.objects.bulk_update(changed, ["strength", "strength_as_of"])
    history.record(points)
    return result
