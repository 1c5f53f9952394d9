"""Starting a goal: the SMART form, its gentle messages, and the smaller-version offer."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from nearer.goals.forms import DATE_MESSAGE, DURATION_MESSAGE, smaller
from nearer.goals.models import Goal, Shape
from nearer.program.models import Step

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=ZoneInfo("UTC"))  # a Wednesday
TODAY = NOW.date()
NEW = reverse("goal_new")

TIMES = "Please choose a number from 1 to 14."
CONFIDENCE = "Please choose a number from 0 to 10."


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def valid(**changes) -> dict:
    data = {
        "action": "give my partner a real hug",
        "shape": "daily",
        "times_per_week": "",
        "duration_amount": "",
        "duration_unit": "minutes",
        "trigger": "",
        "deadline": "",
        "confidence": "8",
        "step": "",
        "why": "",
        "start_date": TODAY.isoformat(),
        "review_date": (TODAY + timedelta(days=28)).isoformat(),
    }
    data.update({k: str(v) for k, v in changes.items()})
    return data


BAD_INPUT = [
    ("zero times a week", {"shape": "weekly", "times_per_week": 0}, "times_per_week", TIMES),
    ("negative times", {"shape": "weekly", "times_per_week": -2}, "times_per_week", TIMES),
    ("fifteen times", {"shape": "weekly", "times_per_week": 15}, "times_per_week", TIMES),
    ("times as a word", {"shape": "weekly", "times_per_week": "two"}, "times_per_week", TIMES),
    ("weekly without times", {"shape": "weekly"}, "times_per_week", TIMES),
    (
        "review before start",
        {"review_date": TODAY - timedelta(days=1)},
        "review_date",
        "Please choose a review date on or after the start.",
    ),
    (
        "review years away",
        {"review_date": TODAY + timedelta(days=800)},
        "review_date",
        "Please choose a review date within a year of the start.",
    ),
    ("500 minutes", {"duration_amount": 500}, "duration_amount", DURATION_MESSAGE),
    (
        "a day in seconds",
        {"duration_amount": 86400, "duration_unit": "seconds"},
        "duration_amount",
        DURATION_MESSAGE,
    ),
    ("zero minutes", {"duration_amount": 0}, "duration_amount", DURATION_MESSAGE),
    ("negative minutes", {"duration_amount": -5}, "duration_amount", DURATION_MESSAGE),
    ("minutes as a word", {"duration_amount": "ten"}, "duration_amount", DURATION_MESSAGE),
    (
        "an unknown unit",
        {"duration_amount": 2, "duration_unit": "hours"},
        "duration_unit",
        "Please choose minutes or seconds.",
    ),
    (
        "an action that is too long",
        {"action": "x" * 201},
        "action",
        "Please keep this to 200 characters or fewer.",
    ),
    ("no action", {"action": ""}, "action", "Please say what you will do, in a few words."),
    ("only spaces", {"action": "   "}, "action", "Please say what you will do, in a few words."),
    ("confidence 11", {"confidence": 11}, "confidence", CONFIDENCE),
    ("confidence below zero", {"confidence": -1}, "confidence", CONFIDENCE),
    ("confidence as a word", {"confidence": "high"}, "confidence", CONFIDENCE),
    (
        "if-then without a moment",
        {"shape": "if_then"},
        "trigger",
        "Please say when this happens, like “when a talk starts to feel heated”.",
    ),
    (
        "a moment that is too long",
        {"shape": "if_then", "trigger": "w" * 201},
        "trigger",
        "Please keep this to 200 characters or fewer.",
    ),
    (
        "one-off without a date",
        {"shape": "deadline"},
        "deadline",
        "Please choose a date for this one-off goal.",
    ),
    (
        "a deadline in the past",
        {"shape": "deadline", "deadline": TODAY - timedelta(days=1)},
        "deadline",
        "Please choose a deadline from today on.",
    ),
    ("a start date as a word", {"start_date": "soon"}, "start_date", DATE_MESSAGE),
    ("no start date", {"start_date": ""}, "start_date", "Please choose a start date."),
    (
        "a start a month ago",
        {"start_date": TODAY - timedelta(days=30)},
        "start_date",
        "Please choose a start date no more than 7 days ago.",
    ),
    (
        "a start years ahead",
        {"start_date": TODAY + timedelta(days=700), "review_date": ""},
        "start_date",
        "Please choose a start date within the next year.",
    ),
    ("an unknown shape", {"shape": "hourly"}, "shape", "Please choose one of the ways listed."),
    (
        "an unknown step",
        {"step": 999999},
        "step",
        "Please choose one of the program's steps, or none.",
    ),
    (
        "a why that is too long",
        {"why": "w" * 1001},
        "why",
        "Please keep this to 1,000 characters or fewer.",
    ),
]


@pytest.mark.parametrize(
    ("case", "changes", "field", "message"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_gets_a_clear_message_by_its_field_and_saves_nothing(
    alice_client, case, changes, field, message
):
    response = alice_client.post(NEW, valid(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    content = response.content.decode()
    assert f'id="id_{field}_error"' in content
    assert 'aria-invalid="true"' in content
    assert "A few things need a look" in content
    assert not Goal.objects.exists()


def test_a_form_that_is_not_even_a_form_is_not_a_500(alice_client):
    response = alice_client.post(NEW, {"confidence": ["1", "2"], "shape": ["x", "y"]})
    assert response.status_code == 200
    assert not Goal.objects.exists()


def test_a_good_goal_is_saved_for_its_owner(alice, alice_client):
    response = alice_client.post(
        NEW,
        valid(
            action="I will ask how they're really doing",
            shape="weekly",
            times_per_week=2,
            duration_amount=10,
            why="  I miss talking.  ",
        ),
    )
    goal = Goal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("goal_detail", args=[goal.pk])
    assert goal.owner == alice
    assert goal.action == "ask how they're really doing"  # the label already says "I will"
    assert (goal.shape, goal.times_per_week, goal.duration_seconds) == ("weekly", 2, 600)
    assert goal.why == "I miss talking."
    assert goal.is_shared is False
    assert goal.status == Goal.Status.ACTIVE


def test_fields_that_do_not_fit_the_shape_are_set_aside_not_complained_about(alice_client):
    alice_client.post(
        NEW,
        valid(shape="daily", times_per_week=0, trigger="when tired", deadline="not a date"),
    )
    goal = Goal.objects.get()
    assert (goal.times_per_week, goal.trigger, goal.deadline) == (None, "", None)


def test_an_empty_review_date_means_four_weeks_after_the_start(alice_client):
    start = TODAY + timedelta(days=3)
    alice_client.post(NEW, valid(start_date=start, review_date=""))
    assert Goal.objects.get().review_date == start + timedelta(days=28)


def test_durations_can_be_given_in_seconds(alice_client):
    alice_client.post(NEW, valid(duration_amount=30, duration_unit="seconds"))
    assert Goal.objects.get().duration_seconds == 30


def test_four_hours_is_the_longest_duration(alice_client):
    alice_client.post(NEW, valid(duration_amount=240))
    assert Goal.objects.get().duration_seconds == 4 * 60 * 60


def test_the_start_date_defaults_to_today_in_the_members_time_zone(alice, alice_client):
    alice.time_zone = "Pacific/Auckland"  # 13 hours ahead: already Thursday there
    alice.save()
    with time_machine.travel(datetime(2026, 3, 4, 20, 0, tzinfo=ZoneInfo("UTC")), tick=False):
        form = alice_client.get(NEW).context["form"]
    assert form.initial["start_date"] == date(2026, 3, 5)
    assert form.initial["review_date"] == date(2026, 4, 2)


def test_sharing_is_off_by_default_and_explained_gently_when_alone(erin, client):
    client.force_login(erin)
    content = client.get(NEW).content.decode()
    assert 'name="is_shared"' in content
    assert "checked" not in content.split('name="is_shared"')[1].split(">")[0]
    assert "This only matters once you link with a partner." in content


def test_a_linked_member_can_share_a_goal(alice_client, bob):
    content = alice_client.get(NEW).content.decode()
    assert "never your reasons" in content
    alice_client.post(NEW, valid(is_shared="on"))
    assert Goal.objects.get().is_shared is True


def test_the_form_walks_the_smart_letters_in_order(alice_client):
    content = alice_client.get(NEW).content.decode()
    positions = [
        content.index(f'<span class="letter-name">{letter}</span>')
        for letter in ["Specific", "Measurable", "Achievable", "Relevant", "Time-bound"]
    ]
    assert positions == sorted(positions)


# Pre-filling from a program step.


def test_a_steps_template_fills_in_the_form(alice_client):
    step = Step.objects.get(slug="appreciation")
    response = alice_client.get(NEW, {"step": "appreciation"})
    initial = response.context["form"].initial
    assert initial["step"] == step.pk
    assert initial["action"] == step.action
    assert (initial["shape"], initial["times_per_week"]) == ("weekly", 2)
    assert f'value="{step.action}"' in response.content.decode()
    assert "From the step “Say what you appreciate”" in response.content.decode()


def test_a_timed_steps_duration_is_filled_in_minutes(alice_client):
    initial = alice_client.get(NEW, {"step": "predictable-time-together"}).context["form"].initial
    assert (initial["shape"], initial["times_per_week"]) == ("weekly", 1)
    assert (initial["duration_amount"], initial["duration_unit"]) == (10, "minutes")


def test_an_if_then_step_fills_in_its_moment_and_seconds(alice_client):
    initial = alice_client.get(NEW, {"step": "pause-before-reacting"}).context["form"].initial
    assert initial["shape"] == "if_then"
    assert initial["trigger"] == "when a talk starts to feel heated"
    assert (initial["duration_amount"], initial["duration_unit"]) == (5, "seconds")


def test_a_deadline_step_sets_the_date_at_the_end_of_its_time(alice, alice_client):
    alice.time_zone = "America/New_York"
    alice.save()
    # 22:00 on Wednesday in New York (03:00 Thursday UTC): 48 hours on is Friday night.
    with time_machine.travel(datetime(2026, 3, 5, 3, 0, tzinfo=ZoneInfo("UTC")), tick=False):
        initial = alice_client.get(NEW, {"step": "repair-early"}).context["form"].initial
    assert initial["shape"] == "deadline"
    assert initial["deadline"] == date(2026, 3, 6)


def test_everything_from_a_step_stays_editable(alice_client):
    step = Step.objects.get(slug="appreciation")
    skip_check = {"safety-choice": "skip"}  # a first couples step meets the private check
    alice_client.post(
        NEW,
        valid(step=step.pk, action="thank them for dinner", shape="weekly", times_per_week=1)
        | skip_check,
    )
    goal = Goal.objects.get()
    assert (goal.step, goal.action, goal.times_per_week) == (step, "thank them for dinner", 1)


@pytest.mark.parametrize("slug", ["no-such-step", "a\x00b", "x" * 500, "é/../"])
def test_an_unknown_step_is_set_aside_with_a_note(alice_client, slug):
    response = alice_client.get(NEW, {"step": slug})
    assert response.status_code == 200
    assert "find that step, so the form starts empty" in response.content.decode()
    assert "action" not in response.context["form"].initial


def test_null_characters_in_text_get_a_message_not_a_500(alice_client):
    response = alice_client.post(NEW, valid(action="hug\x00", why="a\x00b"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"action", "why"}
    assert not Goal.objects.exists()


# The confidence check.


def test_low_confidence_offers_a_smaller_version_instead_of_saving(alice_client):
    response = alice_client.post(NEW, valid(shape="weekly", times_per_week=2, confidence=5))
    content = response.content.decode()
    assert response.status_code == 200
    assert not Goal.objects.exists()
    assert "Want to make it smaller?" in content
    assert "Yes, make it once a week" in content
    assert "Keep mine" in content


def test_accepting_the_smaller_version_saves_it(alice_client):
    alice_client.post(NEW, valid(shape="weekly", times_per_week=2, confidence=5, offer="smaller"))
    goal = Goal.objects.get()
    assert (goal.shape, goal.times_per_week, goal.confidence) == ("weekly", 1, 5)


def test_keeping_my_own_version_saves_it_as_written(alice_client):
    alice_client.post(NEW, valid(shape="weekly", times_per_week=2, confidence=5, offer="keep"))
    assert Goal.objects.get().times_per_week == 2


def test_the_offer_halves_the_duration_when_the_count_is_already_one(alice_client):
    response = alice_client.post(
        NEW, valid(shape="weekly", times_per_week=1, duration_amount=10, confidence=3)
    )
    assert "Yes, make it once a week, for 5 minutes" in response.content.decode()
    alice_client.post(
        NEW,
        valid(shape="weekly", times_per_week=1, duration_amount=10, confidence=3, offer="smaller"),
    )
    assert Goal.objects.get().duration_seconds == 300


def test_a_goal_with_nothing_to_halve_still_gets_a_kind_offer(alice_client):
    response = alice_client.post(NEW, valid(shape="weekly", times_per_week=1, confidence=2))
    content = response.content.decode()
    assert "Want to make it smaller?" in content
    assert "Could the action itself be a little smaller?" in content
    assert not Goal.objects.exists()


def test_confidence_of_seven_saves_straight_away(alice_client):
    alice_client.post(NEW, valid(confidence=7))
    assert Goal.objects.count() == 1


@pytest.mark.parametrize(
    ("shape", "times", "duration", "expected"),
    [
        (Shape.DAILY, None, None, (Shape.WEEKLY, 3, None)),
        (Shape.WEEKLY, 2, None, (Shape.WEEKLY, 1, None)),
        (Shape.WEEKLY, 5, 600, (Shape.WEEKLY, 2, 600)),
        (Shape.WEEKLY, 1, 600, (Shape.WEEKLY, 1, 300)),
        (Shape.IF_THEN, None, 5, (Shape.IF_THEN, None, 2)),
        (Shape.WEEKLY, 1, None, None),
        (Shape.IF_THEN, None, None, None),
        (Shape.DEADLINE, None, None, None),
    ],
)
def test_a_smaller_version_is_half_the_count_or_else_half_the_time(
    shape, times, duration, expected
):
    suggestion = smaller(shape, times, duration)
    if suggestion is None:
        assert expected is None
    else:
        got = (suggestion.shape, suggestion.times_per_week, suggestion.duration_seconds)
        assert got == expected
