"""Doing a practice counts toward the member's goal for that step: asking the check-in
question (weekly-check-in), choosing a curious rewrite (curiosity-instead-of-criticism) and
marking a repair done (repair-early). Without such a goal the practice still works and
gently offers to start one."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nearer.conversations.models import CheckInQuestion, RepairItem
from nearer.conversations.tests.helpers import page
from nearer.goals.models import CheckIn, Goal, Shape

pytestmark = pytest.mark.django_db

REWRITE = {"rewrite": "Help me understand what gets in the way of helping with the kids."}


def done_today(goal: Goal) -> CheckIn | None:
    return CheckIn.objects.filter(goal=goal, day=goal.owner.today(), kind="done").first()


def repair_item(owner) -> RepairItem:
    return RepairItem.objects.create(
        owner=owner, issue="Sunday plans", talk_at=timezone.now() + timedelta(hours=30)
    )


def test_asking_the_question_counts_toward_the_weekly_check_in_goal(
    client_for, alice, bob, step_goal
):
    goal = step_goal(alice, "weekly-check-in")
    response = client_for(alice).post(
        reverse("talk_check_in"), {"text": "How are you?"}, follow=True
    )
    assert done_today(goal) is not None
    text = page(response)
    assert f"That counts toward your goal: {goal.action}." in text
    assert "Your first full week. That counts." in text


def test_asking_again_the_same_day_counts_once(client_for, alice, bob, step_goal):
    goal = step_goal(alice, "weekly-check-in")
    alices = client_for(alice)
    alices.post(reverse("talk_check_in"), {"text": "How are you?"})
    client_for(bob).post(reverse("talk_question_not_now", args=[CheckInQuestion.objects.get().pk]))
    alices.post(reverse("talk_check_in"), {"text": "How are you?"})
    assert CheckIn.objects.filter(goal=goal).count() == 1


def test_a_refused_question_counts_nothing(client_for, erin, step_goal):
    goal = step_goal(erin, "weekly-check-in")
    client_for(erin).post(reverse("talk_check_in"), {"text": "How are you?"})
    assert done_today(goal) is None


def test_choosing_a_curious_rewrite_counts_toward_the_curiosity_goal(
    alice_client, alice, step_goal
):
    goal = step_goal(alice, "curiosity-instead-of-criticism")
    other = step_goal(alice, "weekly-check-in")
    response = alice_client.post(reverse("talk_rephrase_use"), REWRITE, follow=True)
    assert done_today(goal) is not None
    assert done_today(other) is None
    assert f"That counts toward your goal: {goal.action}." in page(response)


def test_only_looking_at_a_sentence_counts_nothing(alice_client, alice, step_goal):
    goal = step_goal(alice, "curiosity-instead-of-criticism")
    alice_client.post(reverse("talk_rephrase"), {"text": "You never listen."})
    assert done_today(goal) is None


def test_marking_a_repair_done_checks_in_on_the_one_off_goal(alice_client, alice, step_goal):
    goal = step_goal(alice, "repair-early")
    assert goal.shape == Shape.DEADLINE
    item = repair_item(alice)
    response = alice_client.post(reverse("talk_repair_done", args=[item.pk]), follow=True)
    assert done_today(goal) is not None
    text = page(response)
    assert "That took courage." in text
    assert f"That counts toward your goal: {goal.action}." in text


def test_marking_the_same_repair_done_twice_counts_once(alice_client, alice, step_goal):
    goal = step_goal(alice, "repair-early")
    item = repair_item(alice)
    alice_client.post(reverse("talk_repair_done", args=[item.pk]), follow=True)
    response = alice_client.post(reverse("talk_repair_done", args=[item.pk]), follow=True)
    assert CheckIn.objects.filter(goal=goal).count() == 1
    assert "That counts toward" not in page(response)


def test_an_if_then_goal_for_the_step_gets_a_plus_one_each_time(alice_client, alice, step_goal):
    goal = step_goal(
        alice,
        "curiosity-instead-of-criticism",
        shape=Shape.IF_THEN,
        times_per_week=None,
        trigger="when I want to criticise",
    )
    alice_client.post(reverse("talk_rephrase_use"), REWRITE)
    alice_client.post(reverse("talk_rephrase_use"), REWRITE)
    assert done_today(goal).count == 2


def test_a_goal_put_away_or_belonging_to_the_partner_is_left_alone(
    client_for, alice, bob, step_goal
):
    resting = step_goal(alice, "curiosity-instead-of-criticism", status=Goal.Status.ARCHIVED)
    bobs = step_goal(bob, "curiosity-instead-of-criticism")
    client_for(alice).post(reverse("talk_rephrase_use"), REWRITE)
    assert done_today(resting) is None
    assert done_today(bobs) is None


def test_a_goal_that_has_not_started_yet_is_left_alone_and_the_practice_still_works(
    alice_client, alice, step_goal
):
    goal = step_goal(
        alice, "curiosity-instead-of-criticism", start_date=alice.today() + timedelta(days=3)
    )
    response = alice_client.post(reverse("talk_rephrase_use"), REWRITE, follow=True)
    assert response.status_code == 200
    assert done_today(goal) is None
    assert "Good choice." in page(response)


@pytest.mark.parametrize(
    ("url_name", "slug"),
    [
        ("talk_check_in", "weekly-check-in"),
        ("talk_rephrase", "curiosity-instead-of-criticism"),
        ("talk_repair", "repair-early"),
    ],
)
def test_without_a_goal_each_tool_offers_to_start_one(alice_client, bob, url_name, slug):
    text = page(alice_client.get(reverse(url_name)))
    assert f"{reverse('goal_new')}?step={slug}" in text
    assert "Want this to count toward a goal?" in text


@pytest.mark.parametrize(
    ("url_name", "slug"),
    [
        ("talk_check_in", "weekly-check-in"),
        ("talk_rephrase", "curiosity-instead-of-criticism"),
        ("talk_repair", "repair-early"),
    ],
)
def test_with_a_goal_each_tool_names_it(alice_client, alice, bob, step_goal, url_name, slug):
    goal = step_goal(alice, slug)
    text = page(alice_client.get(reverse(url_name)))
    link = f'<a href="{reverse("goal_detail", args=[goal.pk])}">{goal.action}</a>'
    assert f"Using this counts toward your goal: {link}." in text
