"""Today: what is due today and this week, with this week's count against the target."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn, Goal, Shape
from nearer.today.tests.conftest import TODAY, done_on, make_goal, welcomed

pytestmark = pytest.mark.django_db


def section(html: str, heading_id: str) -> str:
    """The part of the page from one section's heading to the next section."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else None]


def test_today_shows_each_active_goal_under_when_it_is_due(alice_client, alice):
    make_goal(alice, "Give a warm hello")
    make_goal(alice, "Ask how they're really doing", shape=Shape.WEEKLY, times_per_week=1)
    make_goal(alice, "Pause for five seconds", shape=Shape.IF_THEN)
    make_goal(alice, "Raise one small thing calmly", shape=Shape.DEADLINE)
    make_goal(alice, "Plan a walk", start_date=TODAY + timedelta(days=3))
    make_goal(alice, "An old goal", status=Goal.Status.COMPLETED)

    html = alice_client.get("/today/").content.decode()

    assert "Give a warm hello" in section(html, "for-today")
    assert "Raise one small thing calmly" in section(html, "for-today")
    assert "Ask how they&#x27;re really doing" in section(html, "this-week")
    assert "Pause for five seconds" in section(html, "moments")
    assert "Plan a walk" in section(html, "soon")
    assert "An old goal" not in html


def test_this_weeks_count_is_shown_against_the_target(alice_client, alice):
    goal = make_goal(alice, "Share one appreciation", shape=Shape.WEEKLY, times_per_week=3)
    monday, tuesday = TODAY - timedelta(days=2), TODAY - timedelta(days=1)
    done_on(goal, TODAY - timedelta(days=3), monday, tuesday)  # Sunday is last week

    html = alice_client.get("/today/").content.decode()

    assert "2 of 3 this week" in html


def test_a_daily_goal_counts_its_days_this_week(alice_client, alice):
    goal = make_goal(alice)
    done_on(goal, TODAY - timedelta(days=2), TODAY)

    html = alice_client.get("/today/").content.decode()

    assert "2 of 7 this week" in html
    assert "Done today." in html


def test_an_if_then_goal_offers_plus_one_with_the_count_it_showed(alice_client, alice):
    goal = make_goal(alice, "Pause for five seconds", shape=Shape.IF_THEN)
    done_on(goal, TODAY, count=2)

    html = alice_client.get("/today/").content.decode()

    assert reverse("today_moment", args=[goal.pk]) in html
    assert 'name="seen" value="2"' in html
    assert "Counted 2 times today" in html
    assert "2 moments this week" in html


def test_a_rest_day_shows_as_rest_with_a_way_to_undo(alice_client, alice):
    goal = make_goal(alice)
    CheckIn.objects.create(goal=goal, day=TODAY, kind=CheckIn.Kind.SKIP)

    html = alice_client.get("/today/").content.decode()

    assert "Resting today" in html
    assert reverse("today_undo", args=[goal.pk]) in html


def test_the_earlier_day_picker_offers_today_and_seven_days_back(alice_client, alice):
    goal = make_goal(alice)

    today_html = alice_client.get("/today/").content.decode()
    assert f'href="/today/goals/{goal.pk}/earlier/"' in today_html
    html = alice_client.get(f"/today/goals/{goal.pk}/earlier/").content.decode()

    assert f'value="{TODAY.isoformat()}"' in html
    assert f'value="{(TODAY - timedelta(days=7)).isoformat()}"' in html
    assert f'value="{(TODAY - timedelta(days=8)).isoformat()}"' not in html


def test_a_quiet_week_after_some_progress_gets_a_gentle_word(alice_client, alice):
    goal = make_goal(alice, start_date=TODAY - timedelta(days=60))
    done_on(goal, *(TODAY - timedelta(days=n) for n in range(20, 40)))

    html = alice_client.get("/today/").content.decode()

    assert "Pick up whenever you're ready — your progress is still here." in html


def test_a_new_week_after_a_busy_sunday_is_not_called_quiet(alice_client, alice, now):
    goal = make_goal(alice, start_date=TODAY - timedelta(days=60))
    done_on(goal, *(TODAY - timedelta(days=n) for n in range(-4, 40)))  # through Sunday 8th
    now.move_to(datetime(2026, 3, 9, 12, tzinfo=UTC))  # Monday: nothing yet this week

    html = alice_client.get("/today/").content.decode()

    assert "0 of 7 this week" in html
    assert "Pick up whenever" not in html


def test_today_never_uses_shaming_words(alice_client, alice):
    for shape in Shape.values:
        goal = make_goal(alice, f"A {shape} goal", shape=shape, start_date=TODAY - timedelta(60))
        done_on(goal, TODAY - timedelta(days=40))

    html = alice_client.get("/today/").content.decode().lower()

    for word in ("missed", "failed", "streak", "lost", "!"):
        assert word not in html.split("<main")[1].split("</main>")[0], word


def test_a_member_without_goals_is_pointed_to_the_program(alice_client):
    html = alice_client.get("/today/").content.decode()

    assert "No goals yet" in html
    assert reverse("program") in html


def test_the_home_page_is_today_for_a_logged_in_member(alice_client, alice):
    make_goal(alice, "Give a warm hello")

    response = alice_client.get("/")

    assert response.status_code == 200
    assert "Give a warm hello" in response.content.decode()
    assert "<h1>Hello, Alice</h1>" in response.content.decode()


def test_visitors_still_get_the_landing_page_and_today_asks_them_to_log_in(client):
    assert client.get("/").status_code == 200
    assert client.get("/today/")["Location"].startswith(reverse("account_login"))


def test_a_goal_from_a_member_in_another_time_zone_uses_their_own_today(client, erin, now):
    erin.time_zone = "Pacific/Auckland"  # already Thursday there at noon UTC on Wednesday
    erin.save()
    welcomed(erin)
    goal = make_goal(erin)
    client.force_login(erin)

    client.post(reverse("today_check_in", args=[goal.pk]))

    assert goal.checkins.get().day == TODAY + timedelta(days=1)


def test_today_shows_unread_reminders_and_only_the_members_own(client, alice, bob):
    from django.utils import timezone

    from nearer.reminders.models import Notification

    alice.welcomed_at = timezone.now()
    alice.save(update_fields=["welcomed_at"])
    Notification.objects.create(user=alice, text="You asked for a nudge at 08:30.")
    Notification.objects.create(user=bob, text="Bob's own nudge.")
    client.force_login(alice)
    body = client.get("/today/").content.decode()
    assert "You asked for a nudge at 08:30." in body
    assert "Bob&#x27;s own nudge." not in body and "Bob's own nudge." not in body


def test_the_earlier_day_page_belongs_to_the_goals_owner_only(client, alice, bob, carol):
    goal = make_goal(alice)
    goal.is_shared = True
    goal.save(update_fields=["is_shared"])
    for other in (bob, carol):
        client.force_login(other)
        assert client.get(f"/today/goals/{goal.pk}/earlier/").status_code == 404


def test_today_leads_to_the_coach_and_to_human_coaching(alice_client):
    html = alice_client.get("/today/").content.decode()
    assert 'href="/coach/"' in html and 'href="/coaching/"' in html
