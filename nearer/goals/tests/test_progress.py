"""progress.py: settling old days into the stored strength never changes the answer."""

import random
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.goals.models import CheckIn, Goal, HardSeason, Shape
from nearer.goals.progress import progress_for, settled_through
from nearer.goals.strength import advance

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 26)  # a Thursday


def make_goal(owner, shape=Shape.DAILY, times=None, start=TODAY - timedelta(days=400)):
    return Goal.objects.create(
        owner=owner,
        action="say one kind thing",
        shape=shape,
        times_per_week=times,
        start_date=start,
        review_date=TODAY + timedelta(days=28),
    )


def random_history(goal, seed=7):
    rng = random.Random(seed)
    rows = []
    day = goal.start_date
    while day <= TODAY:
        roll = rng.random()
        if roll < 0.55:
            rows.append(CheckIn(goal=goal, day=day, kind=CheckIn.Kind.DONE))
        elif roll < 0.6:
            rows.append(CheckIn(goal=goal, day=day, kind=CheckIn.Kind.SKIP))
        day += timedelta(days=1)
    CheckIn.objects.bulk_create(rows)


def full_recomputation(goal, seasons):
    done = {c.day: c.count for c in goal.checkins.filter(kind="done")}
    skipped = {c.day for c in goal.checkins.filter(kind="skip")}
    last = TODAY if TODAY in done or TODAY in skipped else TODAY - timedelta(days=1)
    days = [goal.start_date + timedelta(days=i) for i in range((last - goal.start_date).days + 1)]
    return advance(
        0.0,
        goal.rhythm,
        days,
        done_on=lambda d: done.get(d, 0),
        resting=lambda d: d in skipped or any(s.covers(d) for s in seasons),
    )


@pytest.mark.parametrize(("shape", "times"), [(Shape.DAILY, None), (Shape.WEEKLY, 2)])
def test_settled_strength_matches_a_full_recomputation(erin, shape, times):
    goal = make_goal(erin, shape, times)
    random_history(goal)
    season = HardSeason.objects.create(
        owner=erin, start_date=TODAY - timedelta(days=200), end_date=TODAY - timedelta(days=170)
    )
    [first] = progress_for([goal], {erin.pk: [season]}, today=TODAY)
    goal.refresh_from_db()
    assert goal.strength_as_of == settled_through(TODAY)
    assert first.strength == pytest.approx(full_recomputation(goal, [season]), abs=1e-12)
    # A second look, now starting from the settled value, gives the same answer.
    [again] = progress_for([goal], {erin.pk: [season]}, today=TODAY)
    assert again.strength == pytest.approx(first.strength, abs=1e-12)


def test_a_back_dated_check_in_within_the_window_still_counts(erin):
    goal = make_goal(erin, start=TODAY - timedelta(days=30))
    progress_for([goal], {}, today=TODAY)
    before = progress_for([goal], {}, today=TODAY)[0].strength
    CheckIn.objects.create(goal=goal, day=TODAY - timedelta(days=7))
    after = progress_for([goal], {}, today=TODAY)[0].strength
    assert after > before


def test_today_counts_only_once_acted_on(erin):
    goal = make_goal(erin, start=TODAY - timedelta(days=3))
    untouched = progress_for([goal], {}, today=TODAY)[0]
    assert untouched.today is None and untouched.strength == 0.0
    CheckIn.objects.create(goal=goal, day=TODAY)
    done = progress_for([goal], {}, today=TODAY)[0]
    assert done.today == "done" and done.strength > 0


def test_week_count_covers_monday_to_today(erin):
    goal = make_goal(erin, Shape.WEEKLY, 3)
    monday = TODAY - timedelta(days=TODAY.weekday())
    for day in [monday - timedelta(days=1), monday, TODAY]:
        CheckIn.objects.create(goal=goal, day=day)
    assert progress_for([goal], {}, today=TODAY)[0].week_count == 2


def test_queries_do_not_grow_with_history(erin):
    short = make_goal(erin, start=TODAY - timedelta(days=7))
    long = make_goal(erin, start=TODAY - timedelta(days=730))
    random_history(short)
    random_history(long)
    for goals in ([short], [long]):
        progress_for(goals, {}, today=TODAY)  # settle once
    counts = []
    for goals in ([short], [long]):
        with CaptureQueriesContext(connection) as ctx:
            progress_for(goals, {}, today=TODAY)
        counts.append(len(ctx))
    assert counts[0] == counts[1] == 1
