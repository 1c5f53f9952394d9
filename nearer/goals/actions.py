"""The sanctioned ways to change a goal or record what happened with it. Atomic and
idempotent.

Each one that changes what Today draws (a goal, its check-ins) gives the owner's and their
partner's board a new version in the same transaction: ``BoardVersion.objects.bump``. See
``nearer.today.drawn``. A new way to change goals or check-ins belongs here, with the bump.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F

from nearer.goals.models import BACKDATE_DAYS, CheckIn, Goal, Shape
from nearer.today.models import BoardVersion


class CheckInError(Exception):
    """A check-in that cannot be recorded; the message is shown to the member as it is."""


def check_day(*, goal: Goal, day: date, today: date) -> None:
    if day > today:
        raise CheckInError("That day hasn't come yet. You can check in for today or earlier.")
    if day < today - timedelta(days=BACKDATE_DAYS):
        raise CheckInError(
            f"You can check in for today or up to {BACKDATE_DAYS} days back. "
            "Older days are settled, and that's okay."
        )
    if day < goal.start_date:
        raise CheckInError("That's before this goal started.")
    if goal.status != Goal.Status.ACTIVE:
        raise CheckInError("This goal is put away. Renew it to check in again.")


@transaction.atomic
def check_in(
    *,
    goal: Goal,
    day: date,
    today: date,
    note: str = "",
    duration_seconds: int | None = None,
) -> CheckIn:
    """Mark ``day`` done. Submitting twice records one check-in, not two."""
    check_day(goal=goal, day=day, today=today)
    checkin, created = CheckIn.objects.get_or_create(
        goal=goal,
        day=day,
        defaults={"kind": CheckIn.Kind.DONE, "note": note, "duration_seconds": duration_seconds},
    )
    if not created and checkin.kind == CheckIn.Kind.SKIP:
        checkin.kind, checkin.count = CheckIn.Kind.DONE, 1
        checkin.note, checkin.duration_seconds = note, duration_seconds
        checkin.save(update_fields=["kind", "count", "note", "duration_seconds"])
    elif not created and (note or duration_seconds):
        checkin.note = note or checkin.note
        checkin.duration_seconds = duration_seconds or checkin.duration_seconds
        checkin.save(update_fields=["note", "duration_seconds"])
    BoardVersion.objects.bump(member_id=goal.owner_id)
    return checkin


@transaction.atomic
def count_moment(*, goal: Goal, day: date, today: date, seen: int) -> CheckIn:
    """+1 for an if-then goal. ``seen`` is the count the member saw: a repeated submission
    of the same tap (double click, resent form) finds the count already moved and adds none.
    """
    check_day(goal=goal, day=day, today=today)
    if goal.shape != Shape.IF_THEN:
        raise CheckInError("Counting moments is for if–then goals.")
    BoardVersion.objects.bump(member_id=goal.owner_id)
    if seen == 0:
        try:
            with transaction.atomic():
                return CheckIn.objects.create(goal=goal, day=day, kind=CheckIn.Kind.DONE)
        except IntegrityError:
            return CheckIn.objects.get(goal=goal, day=day)
    CheckIn.objects.filter(goal=goal, day=day, count=seen, kind=CheckIn.Kind.DONE).update(
        count=F("count") + 1
    )
    return CheckIn.objects.get(goal=goal, day=day)


@transaction.atomic
def skip(*, goal: Goal, day: date, today: date) -> CheckIn:
    """A rest day: no penalty, strength stays exactly where it was."""
    check_day(goal=goal, day=day, today=today)
    checkin, _ = CheckIn.objects.update_or_create(
        goal=goal, day=day, defaults={"kind": CheckIn.Kind.SKIP, "count": 1}
    )
    BoardVersion.objects.bump(member_id=goal.owner_id)
    return checkin


@transaction.atomic
def undo(*, goal: Goal, day: date, today: date) -> None:
    check_day(goal=goal, day=day, today=today)
    CheckIn.objects.filter(goal=goal, day=day).delete()
    BoardVersion.objects.bump(member_id=goal.owner_id)


@transaction.atomic
def save_goal(*, goal: Goal) -> Goal:
    """Start a goal, or keep the changes made to one (its owner set, from ``GoalForm``)."""
    goal.save()
    BoardVersion.objects.bump(member_id=goal.owner_id)
    return goal


@transaction.atomic
def set_status(*, goal: Goal, status: str, review_date: date | None = None) -> Goal:
    """Complete, put away or renew a goal (a renewal also sets its next review date)."""
    goal.status = status
    fields = ["status"]
    if review_date is not None:
        goal.review_date = review_date
        fields.append("review_date")
    goal.save(update_fields=fields)
    BoardVersion.objects.bump(member_id=goal.owner_id)
    return goal


@transaction.atomic
def delete_goal(*, goal: Goal) -> None:
    """Delete a goal with its check-ins and everything else about it."""
    owner_id = goal.owner_id
    goal.delete()
    BoardVersion.objects.bump(member_id=owner_id)


@dataclass(frozen=True)
class StepCount:
    """What doing a practice did for the member's goal for its step."""

    goal: Goal | None = None
    counted: bool = False
    milestones: tuple[str, ...] = ()
    problem: str = ""


def step_goal(*, user, slug: str) -> Goal | None:
    """The member's own active goal for the program step ``slug`` (the oldest, if several)."""
    return Goal.objects.editable_by(user).active().for_step(slug).first()


def count_toward_step(*, user, slug: str, duration_seconds: int | None = None) -> StepCount:
    """Doing a practice checks in on the member's goal for its step, today, if there is one:
    once a day for daily, weekly and one-off goals; once per moment for if-then goals.
    """
    from nearer.goals.milestones import note_check_in  # milestones builds on these actions

    goal = step_goal(user=user, slug=slug)
    if goal is None:
        return StepCount()
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
            check_in(goal=goal, day=today, today=today, duration_seconds=duration_seconds)
    except CheckInError as error:
        return StepCount(goal=goal, problem=str(error))
    reached = tuple(milestone.message for milestone in note_check_in(goal, today))
    return StepCount(goal=goal, counted=True, milestones=reached)
