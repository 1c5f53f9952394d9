"""Strength against values worked out by hand from S = S_prev·m + c·(1−m), m = 0.5^(√f/13)."""

import math
from datetime import date, timedelta

import pytest

from nearer.goals.strength import Rhythm, advance, describe

START = date(2026, 3, 2)  # a Monday

DAILY = Rhythm("daily")
WEEKLY_ONCE = Rhythm("weekly", 1)
WEEKLY_TWICE = Rhythm("weekly", 2)
IF_THEN = Rhythm("if_then")


def run(rhythm, n_days, *, done=(), skipped=(), start_strength=0.0):
    done_days = {START + timedelta(days=i) for i in done}
    rest_days = {START + timedelta(days=i) for i in skipped}
    return advance(
        start_strength,
        rhythm,
        [START + timedelta(days=i) for i in range(n_days)],
        done_on=lambda d: 1 if d in done_days else 0,
        resting=lambda d: d in rest_days,
    )


def test_multipliers_give_a_half_life_of_13_over_root_f_days():
    assert DAILY.multiplier == pytest.approx(0.9480775, abs=1e-7)  # 0.5 ** (1/13)
    assert WEEKLY_ONCE.multiplier == pytest.approx(0.9800490, abs=1e-7)  # 0.5 ** (√(1/7)/13)
    assert WEEKLY_TWICE.multiplier == pytest.approx(0.9719021, abs=1e-7)  # 0.5 ** (√(2/7)/13)


def test_a_daily_goal_done_every_day_reaches_half_strength_in_13_days():
    assert run(DAILY, 1, done=[0]) == pytest.approx(0.0519225, abs=1e-7)  # 1 - m
    assert run(DAILY, 2, done=[0, 1]) == pytest.approx(0.1011490, abs=1e-7)  # 1 - m²
    assert run(DAILY, 13, done=range(13)) == pytest.approx(0.5, abs=1e-9)


def test_a_missed_day_lowers_strength_gently_and_never_to_zero():
    after_13 = run(DAILY, 13, done=range(13))
    after_miss = run(DAILY, 14, done=range(13))
    assert after_13 == pytest.approx(0.5, abs=1e-9)
    assert after_miss == pytest.approx(0.5 * 0.9480775, abs=1e-6)  # 0.4740387
    after_a_month_away = run(DAILY, 13 + 30, done=range(13))
    assert after_a_month_away == pytest.approx(0.5 * 0.9480775**30, abs=1e-6)  # 0.1009
    assert after_a_month_away > 0


def test_skipped_days_leave_strength_exactly_as_it_was():
    with_rest = run(DAILY, 20, done=range(13), skipped=range(13, 20))
    assert with_rest == run(DAILY, 13, done=range(13))


def test_a_weekly_goal_done_once_counts_for_its_whole_week():
    # One check-in on day 0 fills the 7-day window for days 0..6: S = 1 - m^7.
    assert run(WEEKLY_ONCE, 7, done=[0]) == pytest.approx(0.1315705, abs=1e-6)
    # Day 7's window (days 1..7) is empty: one gentle step down.
    assert run(WEEKLY_ONCE, 8, done=[0]) == pytest.approx(0.1315705 * 0.9800490, abs=1e-6)


def test_twice_a_week_counts_halves_until_the_second_time():
    m = 0.5 ** (math.sqrt(2 / 7) / 13)
    # Days 0-2: half the target met (c = 0.5); days 3-6: both times (c = 1).
    expected = 0.0
    for c in [0.5, 0.5, 0.5, 1, 1, 1, 1]:
        expected = expected * m + c * (1 - m)
    assert expected == pytest.approx(0.1443019, abs=1e-6)
    assert run(WEEKLY_TWICE, 7, done=[0, 3]) == pytest.approx(expected, abs=1e-9)


def test_if_then_goals_only_grow_and_quiet_days_are_not_misses():
    once = run(IF_THEN, 1, done=[0])
    assert once == pytest.approx(0.0519225, abs=1e-7)
    assert run(IF_THEN, 30, done=[0]) == once


def test_one_off_goals_have_no_strength_to_lose():
    assert run(Rhythm("deadline"), 10, done=[0], start_strength=0.3) == 0.3


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0.0, "Ready when you are"),
        (0.05, "Just beginning"),
        (0.3, "Taking root"),
        (0.6, "Growing steadily"),
        (0.9, "Part of your life now"),
    ],
)
def test_strength_is_described_in_gentle_words(value, words):
    assert describe(value) == words
