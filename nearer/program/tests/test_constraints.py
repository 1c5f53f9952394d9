"""The database refuses step and phase values that make no sense."""

import pytest
from django.db import IntegrityError, transaction

from nearer.program.models import Phase, Step, Struggle

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def free_first_step():
    """Make room for a new Step 1.1, so only the value under test can be refused."""
    Struggle.objects.all().delete()
    Step.objects.filter(phase__number=1, number=1).delete()


def _step(**overrides) -> Step:
    fields = {
        "phase": Phase.objects.get(number=1),
        "number": 1,
        "slug": "a-new-step",
        "title": "A new step",
        "summary": "Summary.",
        "goal_text": "I will try something small.",
        "action": "Try something small",
        "shape": Step.Shape.DAILY,
        "why": "Because small things add up.",
    }
    fields.update(overrides)
    return Step(**fields)


def _assert_refused(step: Step) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        step.save()


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"shape": "weekly", "times_per_week": 14, "duration_seconds": 1},
        {"shape": "if_then", "trigger": "when a talk gets loud"},
        {"shape": "deadline", "deadline_hours_min": 24, "deadline_hours_max": 24},
    ],
)
def test_a_sensible_step_of_each_shape_can_be_saved(fields):
    _step(**fields).save()
    assert Step.objects.filter(slug="a-new-step").exists()


@pytest.mark.parametrize("number", [0, 4])
def test_phase_number_must_be_1_to_3(number):
    with pytest.raises(IntegrityError), transaction.atomic():
        Phase.objects.create(number=number, slug="extra", title="Extra", summary="More.")


def test_phase_number_is_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        Phase.objects.create(number=1, slug="again", title="Again", summary="Again.")


@pytest.mark.parametrize("number", [0, 4])
def test_step_number_must_be_1_to_3(number):
    _assert_refused(_step(number=number))


def test_step_number_is_unique_within_a_phase():
    with pytest.raises(IntegrityError), transaction.atomic():
        _step(number=2).save()


@pytest.mark.parametrize("times", [0, 15])
def test_times_per_week_must_be_1_to_14(times):
    _assert_refused(_step(shape=Step.Shape.WEEKLY, times_per_week=times))


def test_a_weekly_step_needs_its_times_per_week():
    _assert_refused(_step(shape=Step.Shape.WEEKLY, times_per_week=None))


def test_duration_must_be_positive():
    _assert_refused(_step(duration_seconds=0))


def test_an_if_then_step_needs_a_trigger():
    _assert_refused(_step(shape=Step.Shape.IF_THEN, trigger=""))


def test_deadline_hours_must_not_run_backwards():
    _assert_refused(_step(shape=Step.Shape.DEADLINE, deadline_hours_min=48, deadline_hours_max=24))


def test_a_deadline_step_needs_its_hours():
    _assert_refused(_step(shape=Step.Shape.DEADLINE))


def test_an_unknown_shape_is_refused():
    _assert_refused(_step(shape="monthly"))
