"""The program page lists every phase and step, and questions to reflect on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nearer.program.models import JournalPrompt, Step, StepIdea

pytestmark = pytest.mark.django_db


def test_program_is_public_and_plainly_titled(client):
    response = client.get(reverse("program"))
    assert response.status_code == 200
    assert "<title>Program · Nearer</title>" in response.content.decode()


def test_program_lists_three_phases_and_nine_steps_in_order(client):
    body = client.get(reverse("program")).content.decode()
    positions = []
    for step in Step.objects.in_order():
        assert step.get_absolute_url() in body
        assert step.title in body
        positions.append(body.index(step.get_absolute_url()))
    assert positions == sorted(positions)
    for number in (1, 2, 3):
        assert f"Phase {number}:" in body


def test_each_step_shows_how_much_and_how_often(client):
    body = client.get(reverse("program")).content.decode()
    assert "30 seconds, every day" in body
    assert "2 times a week" in body
    assert "Within 24–48 hours" in body
    assert "10 minutes, once a week" in body


def test_program_shows_active_questions_to_reflect_on(client):
    hidden = JournalPrompt.objects.first()
    hidden.is_active = False
    hidden.save()
    body = client.get(reverse("program")).content.decode()
    assert "Questions to reflect on" in body
    for prompt in JournalPrompt.objects.active():
        assert prompt.text.replace("'", "&#x27;") in body
    assert hidden.text.replace("'", "&#x27;") not in body


def test_program_works_for_a_member_too(alice_client):
    assert alice_client.get(reverse("program")).status_code == 200


def test_program_page_runs_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(reverse("program"))


def test_program_page_queries_do_not_grow_with_more_ideas_or_prompts(client):
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("program"))
    for step in Step.objects.all():
        StepIdea.objects.bulk_create(
            StepIdea(step=step, order=10 + i, text="More") for i in range(5)
        )
    JournalPrompt.objects.bulk_create(JournalPrompt(text=f"Q{i}?", order=100 + i) for i in range(5))
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("program"))
    assert len(after) == len(before)
