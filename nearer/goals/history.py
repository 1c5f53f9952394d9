"""Weekly strength points for the strength line, written as days settle.

``progress.settle`` folds days that can no longer change into ``Goal.strength``. It folds them
through :func:`weekly_points`, which does the same maths week by week and notes the value at
each week's end (Sunday). So the chart reads a handful of stored points and never replays
history on a page view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from nearer.goals.models import Goal, StrengthPoint
from nearer.goals.strength import advance

if TYPE_CHECKING:
    from nearer.goals.progress import Days


def week_ending(day: date) -> date:
    """The Sunday that closes ``day``'s calendar week (weeks run Monday to Sunday)."""
    return day + timedelta(days=6 - day.weekday())


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def weekly_points(
    goal: Goal,
    days: Days,
    *,
    strength: float,
    first: date,
    last: date,
    resting: Callable[[date], bool],
) -> tuple[float, list[StrengthPoint]]:
    """Fold ``first``..``last`` into ``strength``; return it and an unsaved point per week end.

    The result is exactly ``strength.advance`` over the same days: the fold is only cut at
    each Sunday to note the value there. Week ends before the goal started are left out.
    """
    points: list[StrengthPoint] = []
    day = first
    while day <= last:
        end = week_ending(day)
        chunk_end = min(end, last)
        strength = advance(
            strength, goal.rhythm, _days(day, chunk_end), done_on=days.done_on, resting=resting
        )
        if chunk_end == end and end >= goal.start_date:
            points.append(StrengthPoint(goal=goal, week_ending=end, value=strength))
        day = chunk_end + timedelta(days=1)
    return strength, points


def record(points: Sequence[StrengthPoint]) -> None:
    """Save points in one query; a point another request already saved is kept as it is."""
    if points:
        StrengthPoint.objects.bulk_create(points, ignore_conflicts=True)
