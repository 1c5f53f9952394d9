"""The two charts: valid SVG, a text alternative each, and bounded reads of history."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nearer.goals import charts, history
from nearer.goals.models import CheckIn, HardSeason, Shape, StrengthPoint
from nearer.goals.progress import Days, progress_for, settled_through
from nearer.goals.strength import advance
from nearer.goals.tests.conftest import make_goal

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
TODAY = date(2026, 3, 4)  # a Wednesday
ONE = timedelta(days=1)


def parse(chart: charts.Chart) -> ET.Element:
    root = ET.fromstring(str(chart.svg))  # noqa: S314 (our own output)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text
    assert desc is not None and desc.text == chart.summary
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    return root


def cells(root: ET.Element) -> dict[str, str]:
    return {r.get("data-day"): r.get("data-state") for r in root.iter(f"{SVG}rect")}


def test_the_heatmap_has_a_cell_for_each_day_of_twelve_weeks(alice):
    goal = make_goal(alice, start=TODAY - timedelta(days=200))
    chart = charts.history_heatmap(goal, [], today=TODAY)
    states = cells(parse(chart))
    assert len(states) == 84
    assert min(states) == "2025-12-15"  # a Monday, 11 weeks before this week's
    assert max(states) == "2026-03-08"  # this week's Sunday
    assert states["2026-03-05"] == "outside"  # tomorrow


def test_the_heatmap_shades_done_rest_and_nothing_and_says_so_in_words(alice):
    goal = make_goal(alice, start=TODAY - timedelta(days=10))
    CheckIn.objects.create(goal=goal, day=TODAY)
    CheckIn.objects.create(goal=goal, day=TODAY - timedelta(days=1))
    CheckIn.objects.create(goal=goal, day=TODAY - timedelta(days=2), kind=CheckIn.Kind.SKIP)
    season = HardSeason(owner=alice, start_date=TODAY - timedelta(days=6), end_date=TODAY - 5 * ONE)
    chart = charts.history_heatmap(goal, [season], today=TODAY)
    states = cells(parse(chart))
    assert states[str(TODAY)] == "done"
    assert states[str(TODAY - ONE)] == "done"
    assert states[str(TODAY - 2 * ONE)] == "rest"
    assert states[str(TODAY - 5 * ONE)] == "rest"  # paused: a hard season
    assert states[str(TODAY - 3 * ONE)] == "open"
    assert states[str(TODAY - 11 * ONE)] == "outside"  # before the goal began
    assert chart.summary == "In the last 12 weeks: done on 2 days, 3 rest days."
    assert chart.rows[0] == ("Week of 2 Mar", "2 days", "1 day")


def test_the_heatmap_does_not_use_red_or_green(alice):
    goal = make_goal(alice, start=TODAY - timedelta(days=30))
    svg = str(charts.history_heatmap(goal, [], today=TODAY).svg).lower()
    for colour in ["red", "green", "#f00", "#0f0", "#ff0000", "#00ff00", "#b3261e"]:
        assert f'"{colour}"' not in svg


def test_if_then_moments_are_counted_in_words(alice):
    goal = make_goal(alice, shape=Shape.IF_THEN, trigger="when a talk gets heated", start=TODAY)
    CheckIn.objects.create(goal=goal, day=TODAY, count=3)
    summary = charts.history_heatmap(goal, [], today=TODAY).summary
    assert summary == "In the last 12 weeks: moments counted on 1 day (3 in all), 0 rest days."


def test_text_in_the_charts_is_escaped(alice):
    goal = make_goal(alice, action="<script>alert(1)</script>", start=TODAY)
    for chart in [
        charts.history_heatmap(goal, [], today=TODAY),
        charts.strength_line(goal, today=TODAY, current=0.3),
    ]:
        assert "<script" not in str(chart.svg)
        parse(chart)


def test_the_strength_line_draws_weekly_points_up_to_today(alice):
    goal = make_goal(alice, start=TODAY - timedelta(days=60))
    sundays = [date(2026, 2, 15), date(2026, 2, 22), date(2026, 3, 1)]
    StrengthPoint.objects.bulk_create(
        StrengthPoint(goal=goal, week_ending=d, value=v)
        for d, v in zip(sundays, [0.1, 0.25, 0.4], strict=True)
    )
    chart = charts.strength_line(goal, today=TODAY, current=0.55)
    root = parse(chart)
    line = root.find(f"{SVG}polyline")
    assert line is not None and len(line.get("points").split()) == 4
    assert (
        chart.summary == "Since 15 Feb, strength grew from “Just beginning” to “Growing steadily”."
    )
    assert chart.rows[0] == ("Today", "Growing steadily", "55%")
    assert chart.rows[-1] == ("Week ending 15 Feb", "Just beginning", "10%")


def test_a_new_goal_has_a_single_point_and_a_kind_sentence(alice):
    goal = make_goal(alice, start=TODAY)
    chart = charts.strength_line(goal, today=TODAY, current=0.0)
    root = parse(chart)
    assert root.find(f"{SVG}polyline") is None
    assert chart.summary == "Strength today: Ready when you are. The line grows as the weeks go by."


def test_the_strength_line_reads_only_half_a_year(alice):
    goal = make_goal(alice, start=TODAY - timedelta(days=730))
    StrengthPoint.objects.bulk_create(
        StrengthPoint(goal=goal, week_ending=date(2026, 3, 1) - timedelta(weeks=n), value=0.5)
        for n in range(104)
    )
    chart = charts.strength_line(goal, today=TODAY, current=0.5)
    assert len(chart.rows) == 27  # 26 weekly points and today
    assert chart.summary.endswith("strength has stayed at “Growing steadily”.")


def test_the_page_shows_each_chart_with_a_hidden_table(alice_client, alice):
    goal = make_goal(alice)
    content = alice_client.get(reverse("goal_detail", args=[goal.pk])).content.decode()
    assert content.count('<table class="visually-hidden">') == 2
    assert "<caption>Each week, the last 12 weeks, newest first." in content


# History: weekly points are written as days settle.


def test_weekly_points_fold_to_exactly_the_same_strength(alice):
    goal = make_goal(alice, shape=Shape.WEEKLY, times_per_week=2, start=date(2026, 1, 1))
    days = Days(done={date(2026, 1, d): 1 for d in range(1, 60, 3) if d <= 31})
    first, last = date(2026, 1, 1), date(2026, 2, 20)
    every_day = [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def resting(day):
        return False

    whole = advance(0.0, goal.rhythm, every_day, done_on=days.done_on, resting=resting)
    strength, points = history.weekly_points(
        goal, days, strength=0.0, first=first, last=last, resting=resting
    )
    assert strength == pytest.approx(whole, abs=1e-12)
    assert [p.week_ending for p in points] == [
        date(2026, 1, 4) + timedelta(weeks=n) for n in range(7)
    ]
    assert all(p.week_ending.weekday() == 6 for p in points)


def test_settling_records_one_point_per_week_once(alice):
    start = TODAY - timedelta(days=100)
    goal = make_goal(alice, start=start)
    CheckIn.objects.bulk_create(
        CheckIn(goal=goal, day=start + timedelta(days=d)) for d in range(90)
    )
    progress_for([goal], {}, today=TODAY)
    progress_for([goal], {}, today=TODAY)
    points = list(goal.strength_points.values_list("week_ending", flat=True))
    horizon = settled_through(TODAY)
    assert points[-1] <= horizon and horizon - points[-1] < timedelta(days=7)
    assert len(points) == len(set(points)) == 13
    done = {start + timedelta(days=d) for d in range(90)}
    by_hand = advance(
        0.0,
        goal.rhythm,
        [start + timedelta(days=n) for n in range((points[-1] - start).days + 1)],
        done_on=lambda d: int(d in done),
        resting=lambda d: False,
    )
    assert goal.strength_points.last().value == pytest.approx(by_hand, abs=1e-12)


def test_detail_page_queries_stay_few_with_two_years_of_history(
    alice_client, alice, django_assert_max_num_queries
):
    goal = make_goal(alice, start=alice.today() - timedelta(days=730))
    CheckIn.objects.bulk_create(
        CheckIn(goal=goal, day=goal.start_date + timedelta(days=d), kind=kind)
        for d, kind in ((d, "skip" if d % 9 == 0 else "done") for d in range(0, 730) if d % 3)
    )
    url = reverse("goal_detail", args=[goal.pk])
    with django_assert_max_num_queries(12):
        alice_client.get(url)  # the first look settles two years once
    assert goal.strength_points.count() >= 100
    with CaptureQueriesContext(connection) as ctx:
        response = alice_client.get(url)
    long_history = len(ctx)
    assert response.status_code == 200
    assert long_history <= 10
    fresh = make_goal(alice, action="a new goal")
    fresh_url = reverse("goal_detail", args=[fresh.pk])
    alice_client.get(fresh_url)
    with CaptureQueriesContext(connection) as fresh_ctx:
        alice_client.get(fresh_url)
    assert long_history == len(fresh_ctx)  # the same work for a day of history and for two years


def test_each_chart_reads_one_bounded_range(alice):
    goal = make_goal(alice, start=TODAY - timedelta(days=730))
    for draw in [
        lambda: charts.history_heatmap(goal, [], today=TODAY),
        lambda: charts.strength_line(goal, today=TODAY, current=0.5),
    ]:
        with CaptureQueriesContext(connection) as ctx:
            draw()
        [query] = ctx.captured_queries
        assert " >= " in query["sql"] or " > " in query["sql"]
