"""A step page shows the goal template, why it matters and ideas for how."""

import pytest
from django.urls import reverse

from nearer.program.models import Step, StepIdea

pytestmark = pytest.mark.django_db


def _page(client, slug: str) -> str:
    response = client.get(reverse("program_step", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("slug", "numbers"),
    [
        ("daily-moment-of-connection", ["30 seconds", "Every day"]),
        ("weekly-check-in", ["Once a week", "How are you really doing?"]),
        ("pause-before-reacting", ["5 seconds", "Each time it happens", "heated"]),
        ("appreciation", ["2 times a week"]),
        ("curiosity-instead-of-criticism", ["Once a week"]),
        ("repair-early", ["Within 24–48 hours"]),
        ("predictable-time-together", ["10 minutes", "Once a week"]),
        ("small-act-of-care", ["Once a week"]),
        ("let-growth-be-slow", ["Once a week"]),
    ],
)
def test_each_step_page_shows_its_numbers(client, slug, numbers):
    body = _page(client, slug)
    for words in numbers:
        assert words in body


def test_step_page_shows_goal_why_and_every_idea(client):
    step = Step.objects.get(slug="appreciation")
    StepIdea.objects.create(step=step, order=99, text="Tell them at breakfast")
    body = _page(client, step.slug)
    assert f"<title>{step.title} · Nearer</title>" in body
    assert step.goal_text in body
    assert "Why it matters" in body
    assert step.why.replace("'", "&#x27;") in body
    assert "Ideas for how" in body
    for idea in step.ideas.all():
        assert idea.text.replace("'", "&#x27;") in body


def test_step_page_links_to_the_steps_before_and_after(client):
    body = _page(client, "appreciation")  # Phase 2, Step 1
    assert f'href="{reverse("program_step", args=["pause-before-reacting"])}" rel="prev"' in body
    assert f'href="{reverse("program_step", args=["curiosity-instead-of-criticism"])}"' in body


def test_first_step_has_no_previous_and_last_has_no_next(client):
    first, *_, last = Step.objects.in_order()
    assert 'rel="prev"' not in _page(client, first.slug)
    assert 'rel="next"' in _page(client, first.slug)
    assert 'rel="next"' not in _page(client, last.slug)
    assert 'rel="prev"' in _page(client, last.slug)


def test_step_page_runs_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(reverse("program_step", args=["appreciation"]))


def test_unknown_step_is_not_found(client):
    response = client.get("/program/no-such-step/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/program/%00/",
        "/program/..%2F..%2Fetc%2Fpasswd/",
        "/program/<script>/",
        "/program/" + "a" * 5000 + "/",
        "/program/daily-moment-of-connection/extra/",
        "/program/caf%C3%A9/",
        "/program/%FF%FE/",
        "/program/appreciation'--/",
    ],
)
def test_strange_addresses_are_not_found_and_never_an_error(client, path):
    assert client.get(path).status_code == 404


def test_each_step_offers_to_start_a_goal_from_its_template(client):
    body = _page(client, "appreciation")
    assert f'href="{reverse("goal_new")}?step=appreciation"' in body
