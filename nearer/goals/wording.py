"""A goal in plain words: "I will … 2 times a week, for 10 minutes"."""

from datetime import date

from nearer.goals.models import Goal, Shape
from nearer.program.models import seconds_label


def times_label(n: int) -> str:
    return {1: "once", 2: "2 times"}.get(n, f"{n} times")


def _lower_first(text: str) -> str:
    """ "Offer a hug" → "offer a hug"; "I'm…", "TV…" and one-letter words stay as they are."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def day_label(day: date) -> str:
    """3 March 2026 → "Tuesday 3 March"; the year only when it is not this one."""
    words = f"{day:%A} {day.day} {day:%B}"
    return words if day.year == date.today().year else f"{words} {day.year}"


def amount(
    shape: str,
    *,
    times_per_week: int | None = None,
    duration_seconds: int | None = None,
    trigger: str = "",
    deadline: date | None = None,
) -> str:
    """How often and how long, e.g. "2 times a week, for 10 minutes"."""
    if shape == Shape.DAILY:
        often = "every day"
    elif shape == Shape.WEEKLY:
        often = f"{times_label(times_per_week or 1)} a week"
    elif shape == Shape.IF_THEN:
        often = trigger.strip() or "each time the moment comes"
    else:
        often = f"by {day_label(deadline)}" if deadline else "once"
    if duration_seconds:
        return f"{often}, for {seconds_label(duration_seconds)}"
    return often


def sentence(goal: Goal) -> str:
    """The whole goal as the member would say it."""
    action = _lower_first(goal.action.strip().rstrip("."))
    how = amount(
        goal.shape,
        times_per_week=goal.times_per_week,
        duration_seconds=goal.duration_seconds,
        trigger=goal.trigger,
        deadline=goal.deadline,
    )
    if goal.shape == Shape.IF_THEN and goal.trigger.strip():
        trigger = goal.trigger.strip().rstrip(",")
        trigger = trigger[:1].upper() + trigger[1:]
        rest = f", for {seconds_label(goal.duration_seconds)}" if goal.duration_seconds else ""
        return f"{trigger}, I will {action}{rest}."
    return f"I will {action} {how}."
