"""A check-in note in words that suggest danger: the check-in is saved as written, then Today
shows a private note to the writer alone. Nothing about it is stored, and the partner sees
nothing of it. A one-tap check-in (no note) never calls the reader."""

import html
import logging

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from nearer.goals.models import CheckIn
from nearer.today.tests.conftest import TODAY, make_goal, welcomed

pytestmark = pytest.mark.django_db

DANGER = "He choked me last night and said next time he'd kill me."
SELF_HARM = "I've been thinking about killing myself."
ORDINARY = "We argued about the dishes again, then laughed about it."
NOTE = "A note just for you"
HTMX = {"HX-Request": "true"}


def page(response) -> str:
    return html.unescape(response.content.decode())


def check_in(client, goal, note: str, **extra):
    data = {"day": TODAY.isoformat(), "note": note, "minutes": "", "seconds": ""}
    return client.post(reverse("today_check_in", args=[goal.pk]), data, **extra)


def every_row() -> dict[str, list[dict]]:
    """Every row of every table but the sessions (which hold the login), by model."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models()
        if model is not Session
    }


@pytest.fixture
def bob_client(bob):
    welcomed(bob)
    client = Client()
    client.force_login(bob)
    return client


def test_a_danger_note_is_saved_then_the_writer_gets_the_private_note(alice_client, alice):
    goal = make_goal(alice)

    response = check_in(alice_client, goal, DANGER, follow=True)

    assert goal.checkins.get().note == DANGER
    text = page(response)
    assert "That counts." in text
    assert NOTE in text and "really heavy right now" in text
    assert "Only you can see this note" in text
    assert response.headers["Cache-Control"] == "private, no-store"
    # Once Today is left and opened again, the note goes with it.
    assert NOTE not in page(alice_client.get(reverse("today")))


def test_a_note_about_not_wanting_to_live_gets_the_words_for_it(alice_client, alice):
    goal = make_goal(alice)

    text = page(check_in(alice_client, goal, SELF_HARM, follow=True))

    assert NOTE in text and "thoughts of not wanting to be here" in text


def test_an_ordinary_note_brings_no_private_note(alice_client, alice):
    goal = make_goal(alice)

    response = check_in(alice_client, goal, ORDINARY, follow=True)

    assert goal.checkins.get().note == ORDINARY
    assert "That counts." in page(response)
    assert NOTE not in page(response) and "data-private-note" not in page(response)


def test_the_address_after_saving_says_the_same_whatever_the_words(alice_client, alice):
    calm, heavy = make_goal(alice, "Give a warm hello"), make_goal(alice, "Share one thing")

    first = check_in(alice_client, calm, ORDINARY)
    second = check_in(alice_client, heavy, DANGER)

    day = TODAY.isoformat()
    assert first["Location"] == f"{reverse('today')}?saved={calm.pk}&day={day}"
    assert second["Location"] == f"{reverse('today')}?saved={heavy.pk}&day={day}"


def test_with_htmx_the_note_comes_in_the_goals_card(alice_client, alice):
    goal = make_goal(alice)

    response = check_in(alice_client, goal, DANGER, headers=HTMX)

    assert goal.checkins.get().note == DANGER
    text = page(response)
    assert text.lstrip().startswith(f'<article class="card goal-card" id="goal-{goal.pk}"')
    assert NOTE in text
    assert NOTE not in page(check_in(alice_client, goal, ORDINARY, headers=HTMX))


def test_showing_the_note_stores_nothing(alice_client, alice):
    goal = make_goal(alice)
    saved = check_in(alice_client, goal, DANGER)
    alice_client.get(reverse("today"))  # Today settles past weeks' strength on a visit
    before = every_row()

    response = alice_client.get(saved["Location"])

    assert NOTE in page(response)
    assert every_row() == before


def test_saving_a_danger_note_stores_the_check_in_and_nothing_else(alice_client, alice, caplog):
    goal = make_goal(alice)
    alice_client.get(reverse("today"))  # Today settles past weeks' strength on a visit
    before = every_row()

    with caplog.at_level(logging.DEBUG):
        response = check_in(alice_client, goal, DANGER, follow=True)

    assert NOTE in page(response)
    after = every_row()
    changed = {label for label in after if after[label] != before[label]}
    assert changed <= {"goals.CheckIn", "today.BoardVersion"}, changed
    assert [row["note"] for row in after["goals.CheckIn"]] == [DANGER]
    assert "choked" not in caplog.text and "kill" not in caplog.text


def test_the_partner_sees_no_note_on_a_shared_goal(alice_client, alice, bob_client):
    goal = make_goal(alice, "Share one appreciation", is_shared=True)
    saved = check_in(alice_client, goal, DANGER)
    assert NOTE in page(alice_client.get(saved["Location"]))

    for url in (
        reverse("today"),
        saved["Location"],  # even the writer's own address after saving
        reverse("goal_detail", args=[goal.pk]),
        reverse("goal_list"),
    ):
        response = bob_client.get(url)
        assert response.status_code == 200, url
        text = page(response)
        assert NOTE not in text and "data-private-note" not in text, url
        assert "choked" not in text and "really heavy" not in text, url
    assert "Share one appreciation" in page(bob_client.get(reverse("today")))


@pytest.mark.parametrize("htmx", [False, True])
def test_a_one_tap_check_in_never_calls_the_reader(alice_client, alice, monkeypatch, htmx):
    calls = []
    monkeypatch.setattr("nearer.safety.notes.read", lambda text: calls.append(text))
    goal = make_goal(alice)

    response = alice_client.post(
        reverse("today_check_in", args=[goal.pk]),
        headers=HTMX if htmx else {},
        follow=not htmx,
    )

    assert response.status_code == 200
    assert goal.checkins.get().kind == CheckIn.Kind.DONE
    assert calls == []


def test_a_failing_reader_never_stops_the_check_in(alice_client, alice, monkeypatch):
    def broken(text):
        raise RuntimeError("the reader broke")

    monkeypatch.setattr("nearer.safety.notes.read", broken)
    goal = make_goal(alice)

    response = check_in(alice_client, goal, DANGER, follow=True)

    assert response.status_code == 200
    assert goal.checkins.get().note == DANGER
    assert "That counts." in page(response) and NOTE not in page(response)


@pytest.mark.parametrize(
    "query",
    [
        {"saved": "x", "day": "2026-03-04"},
        {"saved": "1" * 40, "day": "2026-03-04"},
        {"saved": "1", "day": "not a day"},
        {"saved": "1"},
        {"saved": "١", "day": "2026-03-04"},
    ],
)
def test_an_odd_saved_address_is_ignored(alice_client, query):
    response = alice_client.get(reverse("today"), query)
    assert response.status_code == 200
    assert NOTE not in page(response)
