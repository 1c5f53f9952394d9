"""Today runs the same number of queries for a week of history and for two years of it."""

import random
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_member
from nearer.goals.models import CheckIn, Shape
from nearer.goals.progress import settled_through
from nearer.today.models import BoardVersion
from nearer.today.tests.conftest import TODAY, make_goal, welcomed

pytestmark = pytest.mark.django_db

SHAPES = [
    (Shape.DAILY, {}),
    (Shape.DAILY, {"duration_seconds": 30}),
    (Shape.WEEKLY, {"times_per_week": 1}),
    (Shape.WEEKLY, {"times_per_week": 2}),
    (Shape.WEEKLY, {"times_per_week": 1, "duration_seconds": 600}),
    (Shape.WEEKLY, {"times_per_week": 1}),
    (Shape.WEEKLY, {"times_per_week": 3}),
    (Shape.IF_THEN, {}),
    (Shape.DEADLINE, {}),
]


def member_with_history(email: str, *, days: int):
    """A member with 9 goals, each with a check-in on most of the last ``days`` days, as
    Today would have settled them on earlier visits."""
    member = make_member(email, email.split("@")[0].title())
    welcomed(member)
    rng = random.Random(days)
    start = TODAY - timedelta(days=days)
    rows = []
    for n, (shape, fields) in enumerate(SHAPES):
        goal = make_goal(member, f"Goal {n}", shape=shape, start_date=start, **fields)
        for back in range(days + 1):
            if rng.random() < 0.7:
                kind = CheckIn.Kind.SKIP if rng.random() < 0.05 else CheckIn.Kind.DONE
                rows.append(CheckIn(goal=goal, day=TODAY - timedelta(days=back), kind=kind))
    CheckIn.objects.bulk_create(rows)
    return member


def queries_for_today(client, member) -> tuple[int, int, int]:
    """Queries for the first visit, for drawing the board again after a change, and for a
    visit with nothing changed (the drawn board is kept)."""
    client.force_login(member)
    with CaptureQueriesContext(connection) as first:
        assert client.get("/today/").status_code == 200
    BoardVersion.objects.bump(member_id=member.pk)  # as a check-in does
    with CaptureQueriesContext(connection) as redrawn:
        assert client.get("/today/").status_code == 200
    with CaptureQueriesContext(connection) as kept:
        assert client.get("/today/").status_code == 200
    return len(first), len(redrawn), len(kept)


def test_today_runs_the_same_queries_for_one_week_and_for_two_years(client):
    week = member_with_history("week@example.com", days=7)
    years = member_with_history("years@example.com", days=2 * 365)
    assert CheckIn.objects.filter(goal__owner=years).count() > 4000

    week_first, week_redrawn, week_kept = queries_for_today(client, week)
    years_first, years_redrawn, years_kept = queries_for_today(client, years)

    assert week_redrawn == years_redrawn
    assert years_redrawn <= 10
    assert week_kept == years_kept
    assert years_kept <= 4  # session, member, board version and reflection day, notifications
    assert years_kept < years_redrawn
    # The very first visit settles two years once; after that, only recent days are read.
    assert years_first >= years_redrawn and week_first >= week_redrawn


def test_after_the_first_visit_today_reads_only_recent_check_ins(client):
    years = member_with_history("years@example.com", days=2 * 365)
    client.force_login(years)
    client.get("/today/")
    assert {g.strength_as_of for g in years.goals.exclude(shape=Shape.DEADLINE)} == {
        settled_through(TODAY)
    }

    BoardVersion.objects.bump(member_id=years.pk)  # a check-in: the board is drawn again
    with CaptureQueriesContext(connection) as captured:
        client.get("/today/")

    checkin_reads = [q["sql"] for q in captured if q["sql"].startswith('SELECT "goals_checkin"')]
    assert len(checkin_reads) == 1
    dates = re.findall(r"'(\d{4}-\d\d-\d\d)'", checkin_reads[0])
    read_since = min(date.fromisoformat(d) for d in dates)
    assert read_since >= TODAY - timedelta(days=21)


def test_the_partners_shared_goals_add_no_queries_however_many(client, alice, bob):
    welcomed(alice, bob)
    make_goal(alice, "Shared", is_shared=True)
    make_goal(bob, "Mine")
    client.force_login(bob)
    client.get("/today/")
    BoardVersion.objects.bump(member_id=bob.pk)  # so that the board is drawn again
    with CaptureQueriesContext(connection) as few:
        client.get("/today/")

    for n in range(8):
        make_goal(alice, f"More shared {n}", is_shared=True)
        make_goal(bob, f"More mine {n}")
    client.get("/today/")  # settles the new goals' strength once
    BoardVersion.objects.bump(member_id=bob.pk)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/today/").content.decode()

    assert "More shared 7" in html and "More mine 7" in html
    assert len(few) == len(many)
