"""Milestones: small moments worth noticing, celebrated gently and recorded once.

- **First full week**: the weekly target (7 for a daily goal, N for "N times a week") met in
  one calendar week, Monday to Sunday, for the first time.
- **Four full weeks**: the target met in four calendar weeks, not necessarily in a row.
- **Back again**: a check-in after seven or more days with none at all.

Usage, right after a check-in is saved (by any page)::

    from nearer.goals.milestones import note_check_in

    for milestone in note_check_in(goal, day):
        messages.success(request, milestone.message)

``note_check_in`` is safe to call more than once for the same check-in (a double submit, a
retry): each milestone is stored once and only returned the first time. It never raises for
an ordinary check-in, and costs two to four small queries.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.db.models.functions import TruncWeek

from nearer.goals.models import CheckIn, Goal, Milestone, Shape

GAP_DAYS = 7  # a check-in after this many empty days is a welcome return
WEEKS_FOR_FOUR = 4


def _record(goal: Goal, kind: str, day: date) -> Milestone | None:
    try:
        with transaction.atomic():
            return Milestone.objects.create(goal=goal, kind=kind, day=day)
    except IntegrityError:  # already recorded, perhaps by a request a moment ago
        return None


def weeks_met(goal: Goal, target: int) -> int:
    """How many calendar weeks reached ``target`` (one aggregate query, rows per week)."""
    return (
        goal.checkins.filter(kind=CheckIn.Kind.DONE)
        .annotate(week=TruncWeek("day"))
        .values("week")
        .annotate(total=Sum("count"))
        .filter(total__gte=target)
        .count()
    )


def note_check_in(goal: Goal, day: date) -> list[Milestone]:
    """Record the milestones the check-in on ``day`` reaches; return the new ones, in order.

    Call it after saving a "done" check-in (or a +1). For a rest day, an undo, a one-off
    goal, or a check-in that reaches nothing new, it returns an empty list.
    """
    if goal.shape == Shape.DEADLINE:
        return []
    monday = day - timedelta(days=day.weekday())
    since = min(monday, day - timedelta(days=GAP_DAYS))
    rows = list(goal.checkins.filter(day__gte=since).values_list("day", "kind", "count"))
    by_day = {d: (kind, count) for d, kind, count in rows}
    if by_day.get(day, ("", 0))[0] != CheckIn.Kind.DONE:
        return []

    new: list[Milestone] = []
    # A return after a quiet spell: nothing in the seven days before, nothing since, and at
    # least one check-in before that (a first check-in is a beginning, not a return).
    quiet = not any(d != day and d >= day - timedelta(days=GAP_DAYS) for d in by_day)
    if quiet and goal.checkins.filter(day__lt=day - timedelta(days=GAP_DAYS)).exists():
        new.append(_record(goal, Milestone.Kind.COMEBACK, day))

    target = goal.weekly_target
    sunday = monday + timedelta(days=6)
    week_total = sum(
        count
        for d, (kind, count) in by_day.items()
        if kind == CheckIn.Kind.DONE and monday <= d <= sunday
    )
    if target and week_total >= target:
        reached = set(
            goal.milestones.filter(
                kind__in=[Milestone.Kind.FIRST_WEEK, Milestone.Kind.FOUR_WEEKS]
            ).values_list("kind", flat=True)
        )
        if Milestone.Kind.FIRST_WEEK not in reached:
            new.append(_record(goal, Milestone.Kind.FIRST_WEEK, day))
        elif Milestone.Kind.FOUR_WEEKS not in reached and weeks_met(goal, target) >= WEEKS_FOR_FOUR:
            new.append(_record(goal, Milestone.Kind.FOUR_WEEKS, day))
    return [m for m in new if m is not None]
