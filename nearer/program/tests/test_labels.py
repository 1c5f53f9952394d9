"""A step's goal template reads as plain words."""

import pytest

from nearer.program.models import Step, seconds_label


@pytest.mark.parametrize(
    ("fields", "cadence"),
    [
        ({"shape": "daily"}, "every day"),
        ({"shape": "weekly", "times_per_week": 1}, "once a week"),
        ({"shape": "weekly", "times_per_week": 2}, "2 times a week"),
        ({"shape": "weekly", "times_per_week": 5}, "5 times a week"),
        ({"shape": "if_then", "trigger": "when it rains"}, "each time it happens"),
        (
            {"shape": "deadline", "deadline_hours_min": 24, "deadline_hours_max": 48},
            "within 24–48 hours",
        ),
        (
            {"shape": "deadline", "deadline_hours_min": 24, "deadline_hours_max": 24},
            "within 24 hours",
        ),
        ({"shape": "deadline", "deadline_hours_min": 1, "deadline_hours_max": 1}, "within 1 hour"),
    ],
)
def test_cadence_label_says_how_often_in_words(fields, cadence):
    assert Step(**fields).cadence_label() == cadence


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "1 second"),
        (5, "5 seconds"),
        (30, "30 seconds"),
        (60, "1 minute"),
        (90, "1 minute 30 seconds"),
        (600, "10 minutes"),
    ],
)
def test_durations_read_as_seconds_and_minutes(seconds, words):
    assert seconds_label(seconds) == words
    assert Step(duration_seconds=seconds).duration_label() == words


def test_a_step_without_duration_has_no_duration_label():
    assert Step(shape="daily").duration_label() == ""


def test_amount_label_joins_duration_and_cadence():
    assert Step(shape="daily", duration_seconds=30).amount_label() == "30 seconds, every day"
    assert Step(shape="weekly", times_per_week=2).amount_label() == "2 times a week"


def test_template_rows_show_the_trigger_for_if_then_steps():
    step = Step(shape="if_then", action="Pause", trigger="when it gets loud", duration_seconds=5)
    assert step.template_rows() == [
        ("What", "Pause"),
        ("When", "When it gets loud"),
        ("How often", "Each time it happens"),
        ("How long", "5 seconds"),
    ]


def test_template_rows_show_a_deadline_instead_of_how_often():
    step = Step(shape="deadline", action="Talk", deadline_hours_min=24, deadline_hours_max=48)
    assert step.template_rows() == [("What", "Talk"), ("By when", "Within 24–48 hours")]
