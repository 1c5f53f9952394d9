"""Two small server-rendered SVG charts for a goal, each with a text alternative.

- ``history_heatmap``: the last 12 weeks, one cell per day: done, rest (a skipped or paused
  day), or nothing. Calm shades of one blue, never a red/green grade; rest days also carry a
  small mark, so the states don't rely on colour alone.
- ``strength_line``: the strength at the end of each of the last 26 weeks, from the stored
  weekly points, ending with today's value.

Each reads one bounded range of rows (84 days of check-ins, 26 weekly points), however long
the goal's history is. Every piece of text in the SVG is escaped before it is marked safe.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

from django.utils.safestring import SafeString, mark_safe

from nearer.goals.history import week_ending
from nearer.goals.models import CheckIn, Goal, HardSeason, Shape, StrengthPoint
from nearer.goals.strength import describe

HEATMAP_WEEKS = 12
LINE_WEEKS = 26

DONE, REST, OPEN, OUTSIDE = "done", "rest", "open", "outside"
FILL = {DONE: "#35557f", REST: "#c3cfe0", OPEN: "#ece6dc", OUTSIDE: "none"}
LINE = "#35557f"
INK = "#5c574f"
GRID = "#ddd5c9"
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass
class Chart:
    svg: SafeString
    summary: str  # one sentence, shown to screen readers and in the SVG's <desc>
    caption: str  # the visually-hidden table's caption
    headers: Sequence[str]
    rows: list[tuple] = field(default_factory=list)


def _svg(*, ident: str, width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def day_states(
    goal: Goal, seasons: Sequence[HardSeason], *, first: date, today: date
) -> dict[date, tuple[str, int]]:
    """(state, count) for each day from ``first`` to the end of this week: one query."""
    rows = CheckIn.objects.filter(goal=goal, day__gte=first, day__lte=today).values_list(
        "day", "kind", "count"
    )
    checked = {day: (kind, count) for day, kind, count in rows}
    states = {}
    day, last = first, week_ending(today)
    while day <= last:
        kind, count = checked.get(day, ("", 0))
        if day > today or day < goal.start_date:
            states[day] = (OUTSIDE, 0)
        elif kind == CheckIn.Kind.DONE:
            states[day] = (DONE, count)
        elif kind == CheckIn.Kind.SKIP or any(s.covers(day) for s in seasons):
            states[day] = (REST, 0)
        else:
            states[day] = (OPEN, 0)
        day += timedelta(days=1)
    return states


def history_heatmap(goal: Goal, seasons: Sequence[HardSeason], *, today: date) -> Chart:
    last = week_ending(today)
    first = last - timedelta(days=HEATMAP_WEEKS * 7 - 1)  # a Monday
    states = day_states(goal, seasons, first=first, today=today)

    cell, gap, left, top = 16, 4, 34, 20
    body = []
    for row, name in enumerate(WEEKDAYS):
        if row % 2 == 0:
            y = top + row * (cell + gap) + cell - 3
            body.append(f'<text x="0" y="{y}" font-size="11" fill="{INK}">{name}</text>')
    table = []
    for week in range(HEATMAP_WEEKS):
        monday = first + timedelta(days=week * 7)
        x = left + week * (cell + gap)
        if week % 4 == 0:
            body.append(f'<text x="{x}" y="12" font-size="11" fill="{INK}">{_short(monday)}</text>')
        done_days = rest_days = moments = 0
        for row in range(7):
            day = monday + timedelta(days=row)
            state, count = states[day]
            y = top + row * (cell + gap)
            stroke = ' stroke="#d6cec2"' if state == OUTSIDE else ""
            body.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="3" '
                f'fill="{FILL[state]}"{stroke} data-day="{day.isoformat()}" '
                f'data-state="{state}"/>'
            )
            if state == REST:
                cx, cy = x + cell / 2, y + cell / 2
                body.append(f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="#35557f"/>')
            done_days += state == DONE
            rest_days += state == REST
            moments += count
        if monday <= today and monday + timedelta(days=6) >= goal.start_date:
            table.append((monday, done_days, rest_days, moments))

    total_done = sum(r[1] for r in table)
    total_rest = sum(r[2] for r in table)
    total_moments = sum(r[3] for r in table)
    if goal.shape == Shape.IF_THEN:
        done_words = f"moments counted on {_plural(total_done, 'day')} ({total_moments} in all)"
    else:
        done_words = f"done on {_plural(total_done, 'day')}"
    summary = f"In the last {HEATMAP_WEEKS} weeks: {done_words}, {_plural(total_rest, 'rest day')}."
    width = left + HEATMAP_WEEKS * (cell + gap)
    height = top + 7 * (cell + gap)
    svg = _svg(
        ident=f"heatmap-{goal.pk}",
        width=width,
        height=height,
        title=f"What happened each day, the last {HEATMAP_WEEKS} weeks",
        desc=summary,
        body=body,
    )
    rows = [
        (f"Week of {_short(monday)}", _plural(done, "day"), _plural(rest, "day"))
        for monday, done, rest, _ in reversed(table)
    ]
    return Chart(
        svg=mark_safe(svg),  # noqa: S308 (built here; every text part is escaped)
        summary=summary,
        caption=f"Each week, the last {HEATMAP_WEEKS} weeks, newest first",
        headers=["Week", "Done", "Rest"],
        rows=rows,
    )


def strength_line(goal: Goal, *, today: date, current: float) -> Chart:
    """The weekly points of the last 26 weeks and today's value, as a calm line."""
    since = today - timedelta(weeks=LINE_WEEKS)
    points = list(
        StrengthPoint.objects.filter(
            goal=goal, week_ending__gt=since, week_ending__lt=today
        ).values_list("week_ending", "value")
    )
    points.append((today, current))

    width, height, left, right, top, bottom = 320, 140, 8, 8, 10, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    first_day = points[0][0]
    span = max((today - first_day).days, 1)

    def xy(day: date, value: float) -> tuple[float, float]:
        x = left + plot_w * ((day - first_day).days / span if len(points) > 1 else 0.5)
        y = top + plot_h * (1 - max(0.0, min(1.0, value)))
        return round(x, 1), round(y, 1)

    body = []
    for level in (0.2, 0.5, 0.8):
        y = round(top + plot_h * (1 - level), 1)
        body.append(
            f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" '
            f'stroke="{GRID}" stroke-dasharray="3 4"/>'
        )
    base = top + plot_h
    body.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="{GRID}"/>')
    coords = [xy(day, value) for day, value in points]
    if len(coords) > 1:
        path = " ".join(f"{x},{y}" for x, y in coords)
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2.5" '
            f'stroke-linejoin="round" stroke-linecap="round"/>'
        )
    x, y = coords[-1]
    body.append(f'<circle cx="{x}" cy="{y}" r="4" fill="{LINE}"/>')
    body.append(f'<text x="{left}" y="{height - 6}" font-size="11" fill="{INK}">')
    body.append(f"{escape(_short(first_day))}</text>")
    body.append(
        f'<text x="{width - right}" y="{height - 6}" font-size="11" fill="{INK}" '
        f'text-anchor="end">Today</text>'
    )

    now_words = describe(current)
    if len(points) == 1:
        summary = f"Strength today: {now_words}. The line grows as the weeks go by."
    else:
        then_words = describe(points[0][1])
        start = _short(first_day)
        if now_words == then_words:
            summary = f"Since {start}, strength has stayed at “{now_words}”."
        elif current > points[0][1]:
            summary = f"Since {start}, strength grew from “{then_words}” to “{now_words}”."
        else:
            summary = f"Since {start}, strength eased from “{then_words}” to “{now_words}”."
    svg = _svg(
        ident=f"strength-{goal.pk}",
        width=width,
        height=height,
        title="Strength, week by week",
        desc=summary,
        body=body,
    )
    rows = [
        ("Today" if day == today else f"Week ending {_short(day)}", describe(v), f"{v:.0%}")
        for day, v in reversed(points)
    ]
    return Chart(
        svg=mark_safe(svg),  # noqa: S308 (built here; every text part is escaped)
        summary=summary,
        caption="Strength at the end of each week, newest first",
        headers=["When", "In words", "Strength"],
        rows=rows,
    )
