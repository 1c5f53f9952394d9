"""How a practice counts toward the member's goal for its step.

A practice always works on its own. When the member has an active goal for the practice's
step, doing the practice also checks in on that goal for the member's local today: once a day
for daily and weekly goals (a second time changes nothing), once per moment for if-then goals.
"""

from dataclasses import dataclass

from nearer.goals.actions import count_toward_step, step_goal
from nearer.goals.models import Goal
from nearer.goals.wording import day_label

MOMENT_STEP = "daily-moment-of-connection"
PAUSE_STEP = "pause-before-reacting"
APPRECIATION_STEP = "appreciation"
TOGETHER_STEP = "predictable-time-together"
ACT_STEP = "small-act-of-care"

COUNTED = "It counts toward your goal."


@dataclass(frozen=True)
class Counted:
    """What counting did: the goal it went to (or None), and what to tell the member."""

    goal: Goal | None = None
    words: str = ""


def goal_for(user, slug: str) -> Goal | None:
    """The member's own active goal for the step ``slug`` (the oldest, if several)."""
    return step_goal(user=user, slug=slug)


def count_toward(*, user, slug: str, duration_seconds: int | None = None) -> Counted:
    """Check in on the member's goal for ``slug`` today, if they have one."""
    goal = goal_for(user, slug)
    if goal is None:
        return Counted()
    if goal.start_date > user.today():
        return Counted(
            goal, f"Your goal starts on {day_label(goal.start_date)}; this one is just for you."
        )
    done = count_toward_step(user=user, slug=slug, duration_seconds=duration_seconds)
    if not done.counted:  # not expected for an active goal today; said gently
        return Counted(goal, done.problem)
    return Counted(goal, " ".join(done.milestones) if done.milestones else COUNTED)
