"""Doing a practice counts toward the member's goal for that step, if they have one.

The goal is the member's active goal whose step has the given slug. A check-in is recorded for
their local today with the goals' own actions (a +1 for an if–then goal), so a repeat on the
same day counts once, and any new milestone is returned to celebrate. With no such goal the
practice still works; the page gently offers to start one.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpRequest

from nearer.goals.actions import CheckInError, check_in, count_moment
from nearer.goals.milestones import note_check_in
from nearer.goals.models import CheckIn, Goal, Shape

WEEKLY_CHECK_IN = "weekly-check-in"
CURIOSITY = "curiosity-instead-of-criticism"
REPAIR_EARLY = "repair-early"


@dataclass(frozen=True)
class Counted:
    goal: Goal | None
    counted: bool = False
    milestones: list[str] = field(default_factory=list)


def goal_for_step(user, slug: str) -> Goal | None:
    return (
        Goal.objects.editable_by(user)
        .active()
        .filter(step__slug=slug)
        .order_by("created_at", "pk")
        .first()
    )


def count_toward_goal(*, user, slug: str) -> Counted:
    goal = goal_for_step(user, slug)
    if goal is None:
        return Counted(goal=None)
    today = user.today()
    try:
        if goal.shape == Shape.IF_THEN:
            seen = (
                CheckIn.objects.filter(goal=goal, day=today, kind=CheckIn.Kind.DONE)
                .values_list("count", flat=True)
                .first()
            )
            count_moment(goal=goal, day=today, today=today, seen=seen or 0)
        else:
            check_in(goal=goal, day=today, today=today)
    except CheckInError:
        return Counted(goal=goal)  # e.g. the goal starts next week: the practice still counts
    return Counted(
        goal=goal, counted=True, milestones=[m.message for m in note_check_in(goal, today)]
    )


def tell(request: HttpRequest, counted: Counted) -> None:
    """Say, gently, that it counted (and celebrate any milestone)."""
    if counted.counted and counted.goal is not None:
        messages.success(request, f"That counts toward your goal: {counted.goal.action}.")
    for message in counted.milestones:
        messages.success(request, message)
