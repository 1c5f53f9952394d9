"""Forgiving progress: a goal's strength, by exponential smoothing.

Each day the strength moves toward that day's completion ``c`` (0..1):

    S = S_prev * m + c * (1 - m),   m = 0.5 ** (sqrt(f) / 13)

where ``f`` is the goal's repetitions per day, so the half-life is 13 / sqrt(f) days: about
13 days for a daily goal and 34 for a weekly one. For an "N times a week" goal, a day's
completion is the share of the target met in the seven days ending that day. A skipped day
or a paused day leaves strength exactly as it was, and nothing ever resets it to zero.

If-then goals are counted when their moment comes; a day without one is not a miss (maybe
nothing got heated), so only days with an occurrence move their strength, always upward.
One-off goals are done or not yet done; they have no strength.
"""

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

HALF_LIFE_DAYS_AT_ONCE_A_DAY = 13


@dataclass(frozen=True)
class Rhythm:
    """How a goal repeats, as the strength maths needs it."""

    kind: str  # "daily", "weekly", "if_then" or "deadline"
    times_per_week: int = 7

    @property
    def per_day(self) -> float:
        if self.kind == "weekly":
            return self.times_per_week / 7
        return 1.0

    @property
    def multiplier(self) -> float:
        return 0.5 ** (math.sqrt(self.per_day) / HALF_LIFE_DAYS_AT_ONCE_A_DAY)

    @property
    def window_days(self) -> int:
        return 7 if self.kind == "weekly" else 1

    @property
    def target(self) -> int:
        return self.times_per_week if self.kind == "weekly" else 1


def completion(rhythm: Rhythm, day: date, done_on: Callable[[date], int]) -> float:
    """The share of the target met in the window that ends on ``day``."""
    done = sum(done_on(day - timedelta(days=back)) for back in range(rhythm.window_days))
    return min(1.0, done / rhythm.target)


def advance(
    strength: float,
    rhythm: Rhythm,
    days: Iterable[date],
    *,
    done_on: Callable[[date], int],
    resting: Callable[[date], bool],
) -> float:
    """Fold ``days`` (in order) into ``strength``.

    ``done_on(day)`` is how many times the goal was done that day; ``resting(day)`` is true
    for a skipped day, a paused (hard season) day, or a day outside the goal's life.
    """
    if rhythm.kind == "deadline":
        return strength
    m = rhythm.multiplier
    for day in days:
        if resting(day):
            continue
        if rhythm.kind == "if_then":
            if done_on(day):
                strength = strength * m + (1 - m)
            continue
        strength = strength * m + completion(rhythm, day, done_on) * (1 - m)
    return strength


def describe(strength: float) -> str:
    """Strength in gentle words, never as a grade."""
    if strength >= 0.8:
        return "Part of your life now"
    if strength >= 0.5:
        return "Growing steadily"
    if strength >= 0.2:
        return "Taking root"
    if strength > 0:
        return "Just beginning"
    return "Ready when you are"
