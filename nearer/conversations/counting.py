"""Doing a practice counts toward the member's goal for that step, if they have one.

The goal is the member's active goal whose step has the given slug. A check-in is recorded for
their local today with the goals' own actions (a +1 for an if–then goal), so a repeat on the
same day counts once, and any new milestone is returned to celebrate. With no such goal the
practice still works; the page gently offers to start one.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpRequest

from nearer.goals.actions import count_toward_step, step_goal
from nearer.goals.models import Goal

WEEKLY_CHECK_IN = "weekly-check-in"
CURIOSITY = "curiosity-instead-of-criticism"
REPAIR_EARLY = "repair-early"


@dataclass(frozen=True)
class Counted:
    goal: Goal | None
    counted: bool = False
    milestones: list[str] = field(default_factory=list)


def goal_for_step(user, slug: str) -> Goal | None:
    return step_goal(user=user, slug=slug)


def count_toward_goal(*, user, slug: str) -> Counted:
    done = count_toward_step(user=user, slug=slug)
    # A goal that starts next week, say, is not counted: the practice still stands.
    return Counted(goal=done.goal, counted=done.counted, milestones=list(done.milestones))


def tell(request: HttpRequest, counted: Counted) -> None:
    """Say, gently, that it counted (and celebrate any milestone)."""
    if counted.counted and counted.goal is not None:
        messages.success(request, f"That counts toward your goal: {counted.goal.action}.")
    for message in counted.milestones:
        messages.success(request, message)
