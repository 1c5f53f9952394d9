"""Today keeps its drawn board until something it shows changes, and never shows it stale.

Each test first has Today draw and keep the board, then changes something the way a member
does (the real page or action), then asks for Today again: the change must show at once. A
test here fails if the action that makes its change stops giving the board a new version.
"""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_member
from nearer.accounts import actions as accounts
from nearer.accounts.models import Couple
from nearer.goals import actions as goals
from nearer.goals.models import CheckIn, Goal, Shape
from nearer.program.models import Step
from nearer.reminders.models import Notification
from nearer.today.drawn import Drawn, Kept
from nearer.today.models import BoardVersion
from nearer.today.tests.conftest import TODAY, done_on, make_goal, welcomed

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def browser_for():
    """A fresh logged-in browser per person, so that both partners can act in one test."""

    def login(user, **options) -> Client:
        welcomed(user)
        browser = Client(**options)
        browser.force_login(user)
        return browser

    return login


def drawn_and_kept(browser) -> str:
    """Today, drawn and kept: asking again serves the kept drawing, reading no goal."""
    html = browser.get("/today/").content.decode()
    with CaptureQueriesContext(connection) as again:
        assert unmasked(browser.get("/today/").content.decode()) == unmasked(html)
    assert not any('"goals_goal"' in query["sql"] for query in again.captured_queries)
    return html


def today(browser) -> str:
    return browser.get("/today/").content.decode()


def card(html: str, goal: Goal) -> str:
    start = html.index(f'id="goal-{goal.pk}"')
    return html[start : html.index("</article>", start)]


def unmasked(html: str) -> str:
    """The HTML without its CSRF tokens (each page masks the token afresh) and its one-time
    messages."""
    html = re.sub(r'(csrfmiddlewaretoken" value=|"X-CSRFToken": )"[^"]+"', "", html)
    return " ".join(re.sub(r'<div class="messages".*?</div>', "", html, flags=re.DOTALL).split())


def partner_section(html: str) -> str:
    start = html.index('id="partner-activity"')
    return html[start : html.index("</section>", start)]


# -- what a visit with nothing changed costs ---------------------------------------------


def test_a_visit_with_nothing_changed_reads_no_goals(
    alice_client, alice, django_assert_num_queries
):
    make_goal(alice, "Give a warm hello")
    first = drawn_and_kept(alice_client)

    # session, member, board version (with the partner, reflection day and unread flag)
    with django_assert_num_queries(3) as captured:
        again = today(alice_client)

    assert not any("goals_" in q["sql"] for q in captured.captured_queries)
    goal = Goal.objects.get()
    assert unmasked(card(again, goal)) == unmasked(card(first, goal))


def test_a_kept_board_is_never_shown_to_anyone_else(browser_for, alice, bob, carol):
    make_goal(alice, "Alice's private goal")
    make_goal(alice, "Alice's shared goal", is_shared=True)
    alice_browser = browser_for(alice)
    drawn_and_kept(alice_browser)

    bobs = today(browser_for(bob))
    carols = today(browser_for(carol))

    assert "private goal" not in bobs and "shared goal" in partner_section(bobs)
    assert "Alice" not in carols


def test_each_browser_gets_forms_that_carry_its_own_csrf_token(browser_for, alice):
    goal = make_goal(alice)
    phone = browser_for(alice, enforce_csrf_checks=True)
    laptop = browser_for(alice, enforce_csrf_checks=True)
    drawn_and_kept(phone)

    html = today(laptop)  # served from the drawing the phone's visit kept
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', card(html, goal)).group(1)
    response = laptop.post(
        reverse("today_check_in", args=[goal.pk]), {"csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
    assert goal.checkins.count() == 1


def test_a_kept_page_carries_each_browsers_own_token_everywhere(browser_for, alice):
    from nearer.today.drawn import TOKEN

    make_goal(alice)
    phone = browser_for(alice, enforce_csrf_checks=True)
    laptop = browser_for(alice, enforce_csrf_checks=True)
    drawn_and_kept(phone)

    html = today(laptop)  # the whole page, as the phone's visit kept it
    tokens = set(re.findall(r'(?:csrfmiddlewaretoken" value=|"X-CSRFToken": )"([^"]+)"', html))
    assert TOKEN not in html and len(tokens) == 1  # the forms and htmx's header alike
    token = tokens.pop()
    response = laptop.post(reverse("notifications_read"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    refused = laptop.post(reverse("notifications_read"), {"csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403


def test_a_kept_page_shows_a_new_name_at_once(browser_for, alice, bob):
    make_goal(alice, "Say good morning", is_shared=True)
    alices, bobs = browser_for(alice), browser_for(bob)
    drawn_and_kept(alices)
    drawn_and_kept(bobs)

    alice.display_name = "Ali"
    alice.save(update_fields=["display_name"])

    assert "Hello, Ali<" in today(alices)
    assert "Shared by Ali<" in today(bobs)


def test_a_message_is_shown_once_and_the_kept_page_never_holds_it(alice_client, alice):
    goal = make_goal(alice)
    drawn_and_kept(alice_client)

    alice_client.post(reverse("today_check_in", args=[goal.pk]))  # without htmx: a message

    assert "That counts." in today(alice_client)
    assert "That counts." not in today(alice_client)
    assert "That counts." not in today(alice_client)  # and not from the kept page either


# -- the member's own changes -------------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain form", "htmx"])
def test_a_check_in_shows_at_once(alice_client, alice, headers):
    goal = make_goal(alice)
    assert "Done today." not in drawn_and_kept(alice_client)

    alice_client.post(reverse("today_check_in", args=[goal.pk]), headers=headers)

    assert "Done today." in card(today(alice_client), goal)
    assert "1 of 7 this week" in card(today(alice_client), goal)


def test_a_counted_moment_shows_at_once(alice_client, alice):
    goal = make_goal(alice, shape=Shape.IF_THEN)
    drawn_and_kept(alice_client)

    alice_client.post(reverse("today_moment", args=[goal.pk]), {"seen": 0}, headers=HTMX)

    assert "Counted 1 time today" in card(today(alice_client), goal)


def test_a_rest_day_shows_at_once(alice_client, alice):
    goal = make_goal(alice)
    drawn_and_kept(alice_client)

    alice_client.post(reverse("today_rest", args=[goal.pk]))

    assert "Resting today." in card(today(alice_client), goal)


def test_an_undo_shows_at_once(alice_client, alice):
    goal = make_goal(alice)
    done_on(goal, TODAY)
    assert "Done today." in card(drawn_and_kept(alice_client), goal)

    alice_client.post(reverse("today_undo", args=[goal.pk]), headers=HTMX)

    assert "Done today." not in card(today(alice_client), goal)


def test_a_practice_that_checks_in_on_its_steps_goal_shows_at_once(alice_client, alice):
    step = Step.objects.get(slug="daily-moment-of-connection")
    goal = make_goal(alice, "A daily moment", step=step)
    drawn_and_kept(alice_client)

    goals.count_toward_step(user=alice, slug=step.slug)  # what a practice's page calls

    assert "Done today." in card(today(alice_client), goal)


def test_a_new_goal_shows_at_once(alice_client, alice):
    make_goal(alice, "Give a warm hello")
    drawn_and_kept(alice_client)

    alice_client.post(
        reverse("goal_new"),
        {
            "action": "share one appreciation",
            "shape": "daily",
            "duration_unit": "minutes",
            "confidence": "8",
            "start_date": TODAY.isoformat(),
            "review_date": (TODAY + timedelta(days=28)).isoformat(),
        },
    )

    assert Goal.objects.filter(action="share one appreciation").exists()
    assert "share one appreciation" in today(alice_client)


def test_a_changed_goal_shows_at_once(alice_client, alice):
    goal = make_goal(alice, "Give a warm hello")
    drawn_and_kept(alice_client)

    alice_client.post(
        reverse("goal_edit", args=[goal.pk]),
        {
            "action": "give a long warm hello",
            "shape": "weekly",
            "times_per_week": "2",
            "duration_unit": "minutes",
            "confidence": "8",
            "start_date": goal.start_date.isoformat(),
            "review_date": goal.review_date.isoformat(),
        },
    )

    html = card(today(alice_client), goal)
    assert "give a long warm hello" in html and "2 times a week" in html


@pytest.mark.parametrize("page", ["goal_complete", "goal_put_away"])
def test_a_goal_completed_or_put_away_leaves_today_at_once(alice_client, alice, page):
    goal = make_goal(alice, "Give a warm hello")
    drawn_and_kept(alice_client)

    alice_client.post(reverse(page, args=[goal.pk]))

    assert "Give a warm hello" not in today(alice_client)


def test_a_renewed_goal_comes_back_at_once(alice_client, alice):
    goal = make_goal(alice, "Give a warm hello", status=Goal.Status.COMPLETED)
    assert "Give a warm hello" not in drawn_and_kept(alice_client)

    alice_client.post(reverse("goal_renew", args=[goal.pk]))

    assert "Give a warm hello" in today(alice_client)


def test_a_deleted_goal_leaves_today_at_once(alice_client, alice):
    goal = make_goal(alice, "Give a warm hello")
    drawn_and_kept(alice_client)

    alice_client.post(reverse("goal_delete", args=[goal.pk]))

    assert "Give a warm hello" not in today(alice_client)


def test_a_pause_and_its_end_show_at_once(alice_client, alice):
    make_goal(alice)
    drawn_and_kept(alice_client)

    alice_client.post(reverse("hard_season"), {"end_date": str(TODAY + timedelta(days=5))})
    assert "taking a pause" in drawn_and_kept(alice_client)

    alice_client.post(reverse("hard_season_end"))
    assert "taking a pause" not in today(alice_client)


def test_a_new_day_draws_a_new_board(alice_client, alice, now):
    goal = make_goal(alice)
    done_on(goal, TODAY)
    assert "Done today." in card(drawn_and_kept(alice_client), goal)

    now.move_to(datetime(2026, 3, 5, 0, 1, tzinfo=UTC))

    assert "Done today." not in card(today(alice_client), goal)


# -- the partner's changes ----------------------------------------------------------------


def test_the_partners_check_in_on_a_shared_goal_shows_at_once(browser_for, alice, bob):
    goal = make_goal(bob, "Bring coffee", is_shared=True)
    alice_browser, bob_browser = browser_for(alice), browser_for(bob)
    assert "0 of 7 this week" in partner_section(drawn_and_kept(alice_browser))

    bob_browser.post(reverse("today_check_in", args=[goal.pk]), headers=HTMX)

    assert "1 of 7 this week" in partner_section(today(alice_browser))


def test_a_goal_the_partner_starts_or_stops_sharing_shows_at_once(browser_for, alice, bob):
    goal = make_goal(bob, "Bring coffee")
    alice_browser, bob_browser = browser_for(alice), browser_for(bob)
    assert "Bring coffee" not in drawn_and_kept(alice_browser)
    form = {
        "action": "Bring coffee",
        "shape": "daily",
        "duration_unit": "minutes",
        "confidence": "8",
        "start_date": goal.start_date.isoformat(),
        "review_date": goal.review_date.isoformat(),
    }

    bob_browser.post(reverse("goal_edit", args=[goal.pk]), {**form, "is_shared": "on"})
    assert "Bring coffee" in partner_section(drawn_and_kept(alice_browser))

    bob_browser.post(reverse("goal_edit", args=[goal.pk]), form)
    assert "Bring coffee" not in today(alice_browser)


def test_a_shared_goal_the_partner_deletes_leaves_at_once(browser_for, alice, bob):
    goal = make_goal(bob, "Bring coffee", is_shared=True)
    alice_browser = browser_for(alice)
    assert "Bring coffee" in drawn_and_kept(alice_browser)

    browser_for(bob).post(reverse("goal_delete", args=[goal.pk]))

    assert "Bring coffee" not in today(alice_browser)


def test_the_partners_pause_gives_both_boards_a_new_version(browser_for, alice, bob):
    make_goal(bob, "Bring coffee", is_shared=True)
    drawn_and_kept(browser_for(alice))
    before = BoardVersion.objects.get(member=alice).version

    browser_for(bob).post(reverse("hard_season"), {"end_date": str(TODAY + timedelta(days=5))})

    assert BoardVersion.objects.get(member=alice).version != before


def test_the_partners_new_name_shows_at_once(browser_for, alice, bob):
    alice_browser = browser_for(alice)
    assert "Shared by Bob" in drawn_and_kept(alice_browser)

    browser_for(bob).post("/account/", {"display_name": "Robert", "time_zone": "UTC"})

    assert "Shared by Robert" in today(alice_browser)


def test_linking_shows_the_partner_and_unlinking_hides_them(browser_for, erin):
    frank = make_member("frank@example.com", "Frank")
    make_goal(frank, "Bring coffee", is_shared=True)
    erin_browser = browser_for(erin)
    assert "Frank" not in drawn_and_kept(erin_browser)

    invitation = accounts.create_invitation(inviter=frank)
    accounts.accept_invitation(invitation=invitation, user=erin)
    assert "Bring coffee" in partner_section(drawn_and_kept(erin_browser))

    accounts.unlink(user=frank)
    html = today(erin_browser)
    assert "Frank" not in html and "Bring coffee" not in html


def test_linking_and_unlinking_give_both_boards_a_new_version(erin):
    frank = make_member("frank@example.com", "Frank")
    BoardVersion.objects.bump(member_id=erin.pk)
    BoardVersion.objects.bump(member_id=frank.pk)

    def versions() -> tuple[int, int]:
        return tuple(BoardVersion.objects.get(member=m).version for m in (erin, frank))

    before = versions()
    accounts.accept_invitation(invitation=accounts.create_invitation(inviter=frank), user=erin)
    linked = versions()
    accounts.unlink(user=erin)
    unlinked = versions()

    assert all(a != b for a, b in zip(before, linked, strict=True))
    assert all(a != b for a, b in zip(linked, unlinked, strict=True))


def test_a_couple_set_in_the_admin_shows_at_once(browser_for, erin):
    """The admin's user form writes ``couple`` without the actions: the couple is in the key."""
    frank = make_member("frank@example.com", "Frank")
    make_goal(frank, "Bring coffee", is_shared=True)
    erin_browser = browser_for(erin)
    assert "Frank" not in drawn_and_kept(erin_browser)

    couple = Couple.objects.create()
    for member in (erin, frank):
        member.couple = couple
        member.save()

    assert "Bring coffee" in partner_section(today(erin_browser))


def test_a_partner_who_deletes_their_account_leaves_at_once(browser_for, alice, bob, password):
    make_goal(bob, "Bring coffee", is_shared=True)
    alice_browser = browser_for(alice)
    assert "Bring coffee" in drawn_and_kept(alice_browser)

    browser_for(bob).post("/account/delete/", {"password": password})

    html = today(alice_browser)
    assert "Bring coffee" not in html and "Shared by" not in html


# -- what is never kept -------------------------------------------------------------------


def test_notifications_are_always_read_fresh(alice_client, alice):
    make_goal(alice)
    drawn_and_kept(alice_client)

    Notification.objects.create(user=alice, text="A small step for today")
    assert "A small step for today" in today(alice_client)

    alice_client.post(reverse("notifications_read"), {"next": "/today/"})
    assert "A small step for today" not in today(alice_client)


def test_notifications_are_read_only_when_one_is_unread_and_only_the_members_own(
    alice_client, alice, bob, django_assert_num_queries
):
    make_goal(alice)
    drawn_and_kept(alice_client)
    Notification.objects.create(user=bob, text="For Bob alone")
    with django_assert_num_queries(3):  # Bob's unread notification is not Alice's
        assert "For Bob alone" not in today(alice_client)

    read_at = datetime(2026, 3, 4, 8, tzinfo=UTC)
    Notification.objects.create(user=alice, text="Already read", read_at=read_at)
    with django_assert_num_queries(3):
        assert "Already read" not in today(alice_client)
    Notification.objects.create(user=alice, text="Still waiting")
    with django_assert_num_queries(4) as captured:
        html = today(alice_client)
    assert "Still waiting" in html
    assert "Already read" not in html and "For Bob alone" not in html
    assert "reminders_notification" in captured.captured_queries[-1]["sql"]


def test_the_reflection_day_is_always_read_fresh(alice_client, alice):
    make_goal(alice)
    assert "Your weekly look back" not in drawn_and_kept(alice_client)

    alice_client.post(reverse("reflection"), {"weekday": TODAY.weekday()})

    assert "Your weekly look back" in today(alice_client)


def test_the_first_goal_invitation_follows_the_welcome(client, erin):
    client.force_login(erin)
    assert "One small step" not in client.get("/today/").content.decode()  # welcome first

    client.post(reverse("welcome"), {"later": "1"})

    assert "One small step" in today(client)


# -- the version itself -------------------------------------------------------------------


def test_a_change_gives_the_member_and_their_partner_a_new_version(alice, bob, carol):
    BoardVersion.objects.bump(member_id=carol.pk)
    before = dict(BoardVersion.objects.values_list("member_id", "version"))

    goal = make_goal(alice)
    goals.check_in(goal=goal, day=TODAY, today=TODAY)

    after = dict(BoardVersion.objects.values_list("member_id", "version"))
    assert after[alice.pk] != before.get(alice.pk) and after[bob.pk] != before.get(bob.pk)
    assert after[carol.pk] == before[carol.pk]


def test_a_change_that_fails_keeps_the_version(alice):
    goal = make_goal(alice)
    before = BoardVersion.objects.get(member=alice).version

    with pytest.raises(goals.CheckInError):
        goals.check_in(goal=goal, day=TODAY + timedelta(days=1), today=TODAY)

    assert BoardVersion.objects.get(member=alice).version == before
    assert not CheckIn.objects.exists()


def test_a_process_keeps_a_bounded_number_of_boards_the_latest_first():
    boards = Kept(size=2)
    for member_id in (1, 2, 3):
        boards.put(
            member_id,
            Drawn(key=(member_id,), board_html="", partner_html="", season=False, has_goals=False),
        )

    assert 1 not in boards and 2 in boards and 3 in boards
    assert boards.get(2, (2,)) is not None
    assert boards.get(3, ("an older version",)) is None
