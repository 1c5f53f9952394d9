"""Looking back at the review date: renew, adjust or complete; put away or delete any time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from nearer.goals.models import CheckIn, Goal, Shape
from nearer.goals.tests.conftest import make_goal

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("UTC"))
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def due_goal(alice) -> Goal:
    """Twice a week, started four weeks ago: today is its review date."""
    return make_goal(alice, shape=Shape.WEEKLY, times_per_week=2, start=TODAY - timedelta(days=28))


def detail(client, goal) -> str:
    return client.get(reverse("goal_detail", args=[goal.pk])).content.decode()


def test_the_look_back_appears_on_the_review_date(alice_client, due_goal):
    content = detail(alice_client, due_goal)
    assert "Time to look back" in content
    assert reverse("goal_renew", args=[due_goal.pk]) in content
    assert reverse("goal_complete", args=[due_goal.pk]) in content
    assert "?size=smaller" in content and "once a week" in content
    assert "?size=bigger" in content and "3 times a week" in content


def test_the_look_back_stays_after_the_review_date(alice_client, alice):
    goal = make_goal(alice, start=TODAY - timedelta(days=40))
    goal.review_date = TODAY - timedelta(days=12)
    goal.save()
    assert "Time to look back" in detail(alice_client, goal)


def test_there_is_no_look_back_before_the_review_date(alice_client, alice):
    goal = make_goal(alice, start=TODAY - timedelta(days=3))
    assert "Time to look back" not in detail(alice_client, goal)


def test_renewing_sets_a_new_review_four_weeks_from_today(alice_client, due_goal):
    response = alice_client.post(reverse("goal_renew", args=[due_goal.pk]), follow=True)
    due_goal.refresh_from_db()
    assert due_goal.review_date == TODAY + timedelta(days=28)
    assert due_goal.status == Goal.Status.ACTIVE
    assert "Renewed. Your next look back is on" in response.content.decode()
    assert "Time to look back" not in response.content.decode()


def test_completing_is_celebrated_gently(alice_client, due_goal):
    response = alice_client.post(reverse("goal_complete", args=[due_goal.pk]), follow=True)
    due_goal.refresh_from_db()
    content = response.content.decode()
    assert due_goal.status == Goal.Status.COMPLETED
    assert "You set out to do this, and you did. That counts." in content
    assert "!" not in content.split('<main id="main"')[1].split("</main>")[0]


def test_adjusting_opens_the_form_with_a_smaller_version_and_a_fresh_review(alice_client, due_goal):
    response = alice_client.get(reverse("goal_edit", args=[due_goal.pk]), {"size": "smaller"})
    form = response.context["form"]
    assert form.initial["times_per_week"] == 1
    assert form.initial["review_date"] == TODAY + timedelta(days=28)
    assert "a smaller version: once a week" in response.content.decode()


def test_adjusting_bigger_adds_one_time_a_week(alice_client, due_goal):
    response = alice_client.get(reverse("goal_edit", args=[due_goal.pk]), {"size": "bigger"})
    assert response.context["form"].initial["times_per_week"] == 3


def test_a_size_with_no_simple_step_says_so(alice_client, alice):
    goal = make_goal(alice, shape=Shape.IF_THEN, trigger="when it gets loud")
    response = alice_client.get(reverse("goal_edit", args=[goal.pk]), {"size": "bigger"})
    assert "no simple bigger size" in response.content.decode()


def test_an_unknown_size_is_ignored(alice_client, due_goal):
    response = alice_client.get(reverse("goal_edit", args=[due_goal.pk]), {"size": "huge"})
    assert response.status_code == 200
    assert response.context["form"].initial["times_per_week"] == 2


def test_putting_away_works_any_time_and_can_be_undone(alice_client, alice):
    goal = make_goal(alice, start=TODAY)
    response = alice_client.post(reverse("goal_put_away", args=[goal.pk]), follow=True)
    goal.refresh_from_db()
    assert goal.status == Goal.Status.ARCHIVED
    assert "Put away. It's here whenever you want it back." in response.content.decode().replace(
        "&#x27;", "'"
    )
    assert "Bring it back for 4 weeks" in detail(alice_client, goal)
    alice_client.post(reverse("goal_renew", args=[goal.pk]))
    goal.refresh_from_db()
    assert goal.status == Goal.Status.ACTIVE


def test_deleting_asks_first(alice_client, due_goal):
    response = alice_client.get(reverse("goal_delete", args=[due_goal.pk]))
    assert "Delete this goal?" in response.content.decode()
    assert Goal.objects.filter(pk=due_goal.pk).exists()


def test_deleting_removes_the_goal_and_its_check_ins(alice_client, due_goal):
    CheckIn.objects.create(goal=due_goal, day=TODAY)
    response = alice_client.post(reverse("goal_delete", args=[due_goal.pk]))
    assert response.status_code == 302
    assert not Goal.objects.filter(pk=due_goal.pk).exists()
    assert not CheckIn.objects.exists()
