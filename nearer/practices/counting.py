"""How a practice counts toward the member's goal for its step.

A practice always works on its own. When the member has an active goal for the practice's
step, doing the practice also checks in on that goal for the member's local today: once a day
for daily and weekly goals (a second time changes nothing), once per moment for if-then goals.
"""

from dataclasses import dataclass

from nearer.goals.actions import CheckInError, check_in, count_moment
from nearer.goals.milestones import note_check_in
from nearer.goals.models import CheckIn, Goal, Shape
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
    return (
        Goal.objects.editable_by(user)
        .active()
        .filter(step__slug=slug)
        .order_by("created_at", "pk")
        .first()
    )


def count_toward(*, user, slug: str, duration_seconds: int | None = None) -> Counted:
    """Check in on the member's goal for ``slug`` today, if they have one."""
    goal = goal_for(user, slug)
    if goal is None:
        return Counted()
    today = user.today()
    if goal.start_date > today:
        return Counted(
            goal, f"Your goal starts on {day_label(goal.start_date)}; this one is just for you."
        )
    try:
        if goal.shape == Shape.IF_THEN:
            seen = (
                CheckIn.objects.filter(goal=goal, day=today, kind=CheckIn.Kind.DONE)
                .values_list("count", flat=True)
                .first()
            )
            count_moment(goal=goal, day=today, today=today, seen=seen or 0)
        else:
            check_in(goal=goal, day=today, today=today, duration_seconds=duration_seconds)
    except CheckInError as error:  # not expected for an active goal today; said gently
        return Counted(goal, str(error))
    reached = [milestone.message for milestone in note_check_in(goal, today)]
    return Counted(goal, " ".join(reached) if reached else COUNTED)
