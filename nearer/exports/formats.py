"""A member's own goals and check-ins as JSON and CSV, produced piece by piece.

Only the owner's goals (never a partner's, shared or not) and their check-ins. Goals are read
in one query (a member has tens, not millions); check-ins are read with ``iterator()`` in goal
order and written out as they come, so memory stays flat however long the history.

JSON (``EXPORT_VERSION`` 1)::

    {"version": 1, "exported_at": "<ISO 8601>",
     "goals": [{<GOAL_FIELDS>..., "checkins": [{<CHECKIN_FIELDS>...}, ...]}, ...]}

Dates are ISO 8601 (``2026-03-02``), times ``08:30:00``, moments with their UTC offset; a
missing value is ``null``. CSV files have a header row and the same values (empty for none,
``true``/``false`` for yes/no); a text cell that starts with = + - @ (or a tab or carriage
return) gets a leading ' so a spreadsheet shows it as text instead of running it as a formula.
"""

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime, time
from itertools import groupby
from operator import attrgetter

from django.utils import timezone

from nearer.goals.models import CheckIn, Goal

EXPORT_VERSION = 1
CHUNK_SIZE = 2000
GOAL_FIELDS = [
    "id",
    "step",
    "action",
    "shape",
    "times_per_week",
    "duration_seconds",
    "trigger",
    "deadline",
    "confidence",
    "why",
    "start_date",
    "review_date",
    "is_shared",
    "status",
    "reminder_time",
    "created_at",
]
CHECKIN_FIELDS = ["goal_id", "day", "kind", "count", "duration_seconds", "note", "created_at"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(value):
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def goal_record(goal: Goal) -> dict:
    record = {field: _plain(getattr(goal, field)) for field in GOAL_FIELDS if field != "step"}
    record["step"] = goal.step.slug if goal.step_id else None
    return {field: record[field] for field in GOAL_FIELDS}


def checkin_record(checkin: CheckIn) -> dict:
    return {field: _plain(getattr(checkin, field)) for field in CHECKIN_FIELDS}


def own_goals(owner) -> list[Goal]:
    return list(Goal.objects.editable_by(owner).select_related("step").order_by("pk"))


def own_checkins(owner) -> Iterator[CheckIn]:
    """The owner's check-ins in goal order, read in chunks (not the partner's, ever)."""
    return (
        CheckIn.objects.filter(goal__in=Goal.objects.editable_by(owner))
        .order_by("goal_id", "day")
        .iterator(chunk_size=CHUNK_SIZE)
    )


def goals_with_checkins(owner) -> Iterator[tuple[Goal, list[CheckIn]]]:
    """Each goal with its check-ins; only one goal's check-ins are in memory at a time."""
    groups = groupby(own_checkins(owner), key=attrgetter("goal_id"))
    pending = next(groups, None)
    for goal in own_goals(owner):
        checkins: list[CheckIn] = []
        while pending is not None and pending[0] <= goal.pk:
            if pending[0] == goal.pk:
                checkins = list(pending[1])
            pending = next(groups, None)
        yield goal, checkins


def json_chunks(owner) -> Iterator[str]:
    head = {"version": EXPORT_VERSION, "exported_at": timezone.now().isoformat()}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "goals": ['
    for i, (goal, checkins) in enumerate(goals_with_checkins(owner)):
        record = goal_record(goal)
        record["checkins"] = [checkin_record(c) for c in checkins]
        yield ("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as it is, never evaluates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(_plain(value))
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Line:
    """A file-like object for csv.writer that hands back each line instead of storing it."""

    def write(self, line: str) -> str:
        return line


def _csv_lines(header: list[str], rows: Iterator[list]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def goals_csv_chunks(owner) -> Iterator[str]:
    rows = ([goal_record(goal)[f] for f in GOAL_FIELDS] for goal in own_goals(owner))
    return _csv_lines(GOAL_FIELDS, rows)


def checkins_csv_chunks(owner) -> Iterator[str]:
    header = ["goal_id", "goal_action", *CHECKIN_FIELDS[1:]]

    def rows() -> Iterator[list]:
        actions = {goal.pk: goal.action for goal in own_goals(owner)}
        for checkin in own_checkins(owner):
            record = checkin_record(checkin)
            yield [
                checkin.goal_id,
                actions.get(checkin.goal_id, ""),
                *(record[f] for f in CHECKIN_FIELDS[1:]),
            ]

    return _csv_lines(header, rows())
