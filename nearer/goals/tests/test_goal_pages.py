"""The goal pages: the list, a goal in words with its charts, and changing a goal."""

from datetime import timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn, Goal, Shape
from nearer.goals.tests.conftest import make_goal
from nearer.goals.wording import sentence

pytestmark = pytest.mark.django_db


def edit_data(goal: Goal, **changes) -> dict:
    data = {
        "action": goal.action,
        "shape": goal.shape,
        "times_per_week": goal.times_per_week or "",
        "duration_amount": (goal.duration_seconds or 0) // 60 or "",
        "duration_unit": "minutes",
        "trigger": goal.trigger,
        "deadline": goal.deadline or "",
        "confidence": goal.confidence,
        "step": goal.step_id or "",
        "why": goal.why,
        "start_date": goal.start_date,
        "review_date": goal.review_date,
    }
    if goal.is_shared:
        data["is_shared"] = "on"
    data.update(changes)
    return {k: str(v) for k, v in data.items()}


def test_a_goal_reads_as_a_sentence(shared_goal):
    assert (
        sentence(shared_goal)
        == "I will ask how Bob is really doing 2 times a week, for 10 minutes."
    )


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"shape": Shape.DAILY, "duration_seconds": 30}, "I will hug every day, for 30 seconds."),
        ({"shape": Shape.WEEKLY, "times_per_week": 1}, "I will hug once a week."),
        (
            {"shape": Shape.IF_THEN, "trigger": "when a talk gets heated", "duration_seconds": 5},
            "When a talk gets heated, I will hug, for 5 seconds.",
        ),
    ],
)
def test_each_shape_has_its_own_words(alice, fields, words):
    assert sentence(make_goal(alice, action="Hug", **fields)) == words


def test_the_detail_page_shows_the_goal_its_strength_and_two_charts(alice_client, shared_goal):
    CheckIn.objects.create(goal=shared_goal, day=shared_goal.start_date)
    response = alice_client.get(reverse("goal_detail", args=[shared_goal.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "ask how Bob is really doing 2 times a week, for 10 minutes." in content
    assert response.context["strength_words"] in content
    assert content.count("<svg") == 2
    assert "This week:" in content
    assert "Change this goal" in content
    assert '<title id="heatmap-' in content and '<title id="strength-' in content


def test_the_page_title_stays_discreet(alice_client, private_goal):
    content = alice_client.get(reverse("goal_detail", args=[private_goal.pk])).content.decode()
    assert "<title>Your goal · Nearer</title>" in content


def test_my_reasons_are_shown_to_me(alice_client, alice):
    goal = make_goal(alice, why="I want us to feel like a team again.")
    content = alice_client.get(reverse("goal_detail", args=[goal.pk])).content.decode()
    assert "I want us to feel like a team again." in content


def test_a_one_off_goal_shows_whether_it_is_done(alice_client, alice):
    goal = make_goal(alice, shape=Shape.DEADLINE, deadline=alice.today() + timedelta(days=2))
    url = reverse("goal_detail", args=[goal.pk])
    assert "Not yet" in alice_client.get(url).content.decode()
    CheckIn.objects.create(goal=goal, day=alice.today())
    assert "Done. That counts." in alice_client.get(url).content.decode()


def test_the_list_shows_active_goals_first_then_the_rest(alice_client, alice):
    done = make_goal(alice, action="finished one", status=Goal.Status.COMPLETED)
    away = make_goal(alice, action="resting one", status=Goal.Status.ARCHIVED)
    now = make_goal(alice, action="current one")
    response = alice_client.get(reverse("goal_list"))
    content = response.content.decode()
    assert [g.pk for g, _, _ in response.context["active"]] == [now.pk]
    assert {g.pk for g, _, _ in response.context["resting"]} == {done.pk, away.pk}
    assert content.index("current one") < content.index("Completed or put away")
    assert content.index("Completed or put away") < content.index("finished one")


def test_the_list_shows_what_my_partner_shares_with_me(client_for, bob, shared_goal, private_goal):
    content = client_for(bob).get(reverse("goal_list")).content.decode()
    assert "Shared with you" in content
    assert "ask how Bob is really doing" in content
    assert "write down one thing I admire" not in content


def test_an_empty_list_invites_a_first_goal(erin, client_for):
    content = client_for(erin).get(reverse("goal_list")).content.decode()
    assert "No goals yet" in content
    assert reverse("goal_new") in content


def test_the_list_needs_few_queries_however_many_goals(
    alice_client, alice, bob, django_assert_max_num_queries
):
    for n in range(9):
        goal = make_goal(alice, action=f"goal {n}", start=alice.today() - timedelta(days=700))
        CheckIn.objects.bulk_create(
            CheckIn(goal=goal, day=goal.start_date + timedelta(days=d)) for d in range(0, 700, 2)
        )
        make_goal(bob, action=f"bob {n}", is_shared=True)
    alice_client.get(reverse("goal_list"))  # settles what is final, once
    with django_assert_max_num_queries(8):
        alice_client.get(reverse("goal_list"))


def test_the_owner_can_change_a_goal(alice_client, shared_goal):
    url = reverse("goal_edit", args=[shared_goal.pk])
    assert alice_client.get(url).context["form"].initial["duration_amount"] == 10
    response = alice_client.post(url, edit_data(shared_goal, times_per_week=3, action="listen"))
    assert response.status_code == 302
    shared_goal.refresh_from_db()
    assert (shared_goal.times_per_week, shared_goal.action) == (3, "listen")
    assert shared_goal.duration_seconds == 600


def test_bad_changes_save_nothing(alice_client, shared_goal):
    url = reverse("goal_edit", args=[shared_goal.pk])
    response = alice_client.post(url, edit_data(shared_goal, times_per_week=0))
    assert response.status_code == 200
    assert "Please choose a number from 1 to 14." in response.content.decode()
    shared_goal.refresh_from_db()
    assert shared_goal.times_per_week == 2


def test_an_older_start_date_left_as_it_was_is_fine(alice_client, alice):
    goal = make_goal(alice, start=alice.today() - timedelta(days=60))
    goal.review_date = alice.today() + timedelta(days=5)
    goal.save()
    response = alice_client.post(
        reverse("goal_edit", args=[goal.pk]), edit_data(goal, action="a kinder hello")
    )
    assert response.status_code == 302


def test_lowering_confidence_while_editing_offers_a_smaller_version(alice_client, shared_goal):
    url = reverse("goal_edit", args=[shared_goal.pk])
    response = alice_client.post(url, edit_data(shared_goal, confidence=4))
    assert "Want to make it smaller?" in response.content.decode()
    shared_goal.refresh_from_db()
    assert shared_goal.confidence == 7
    alice_client.post(url, edit_data(shared_goal, confidence=4, offer="smaller"))
    shared_goal.refresh_from_db()
    assert (shared_goal.confidence, shared_goal.times_per_week) == (4, 1)


def test_a_confidence_already_low_is_not_asked_about_again(alice_client, alice):
    goal = make_goal(alice, confidence=5, shape=Shape.WEEKLY, times_per_week=2)
    url = reverse("goal_edit", args=[goal.pk])
    response = alice_client.post(url, edit_data(goal, action="a softer hello"))
    assert response.status_code == 302


def test_pages_ask_visitors_to_log_in(client, private_goal):
    for url in [reverse("goal_list"), reverse("goal_new"), private_goal_url(private_goal)]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response.url


def private_goal_url(goal: Goal) -> str:
    return reverse("goal_detail", args=[goal.pk])


def test_the_owner_can_download_the_goal_for_their_calendar(client, alice):
    from datetime import date, timedelta

    from nearer.goals.models import Goal

    goal = Goal.objects.create(
        owner=alice, action="hug hello", review_date=date.today() + timedelta(days=28)
    )
    client.force_login(alice)
    body = client.get(f"/goals/{goal.pk}/").content.decode()
    assert f'href="/goals/{goal.pk}/calendar.ics"' in body


def test_the_owner_finds_the_reminder_setting_on_the_goal_page(client, alice):
    from datetime import date, timedelta

    from nearer.goals.models import Goal

    goal = Goal.objects.create(
        owner=alice, action="hug hello", review_date=date.today() + timedelta(days=28)
    )
    client.force_login(alice)
    body = client.get(f"/goals/{goal.pk}/").content.decode()
    assert f'href="/goals/{goal.pk}/reminder/"' in body


def test_the_new_goal_form_offers_the_coach(client, alice):
    client.force_login(alice)
    assert 'href="/coach/"' in client.get("/goals/new/").content.decode()
