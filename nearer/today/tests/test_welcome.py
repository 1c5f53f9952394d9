"""The first-run welcome: what brings you here, then where to start. Skippable, revisitable."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from nearer.accounts.models import User
from nearer.program.models import Step, Struggle

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_member_client(client, erin):
    client.force_login(erin)
    return client


def test_a_new_member_is_welcomed_on_today_with_the_six_struggles(new_member_client):
    html = new_member_client.get("/").content.decode()

    assert "Welcome to Nearer" in html and "What brings you here?" in html
    assert Struggle.objects.count() == 6
    for struggle in Struggle.objects.all():
        assert escape(struggle.text) in html
    assert html.count('type="checkbox" name="struggles"') == 6


def test_choosing_suggests_phase_one_first_and_the_steps_for_what_was_chosen(
    new_member_client, erin
):
    chosen = Struggle.objects.exclude(step__phase__number=1).select_related("step").first()

    response = new_member_client.post(reverse("welcome"), {"struggles": [chosen.pk]})

    html = response.content.decode()
    assert response.status_code == 200
    phase_one_at = html.index("Phase One first")
    for step in Step.objects.filter(phase__number=1):
        assert html.index(step.get_absolute_url()) > phase_one_at
    for_you = html[html.index("For what you chose") :]
    assert chosen.text in for_you
    assert chosen.step.get_absolute_url() in for_you
    assert f"{reverse('goal_new')}?step={chosen.step.slug}" in for_you
    assert User.objects.get(pk=erin.pk).welcomed_at is not None


def test_after_answering_today_no_longer_shows_the_welcome(new_member_client, erin):
    new_member_client.post(reverse("welcome"), {"struggles": []})

    assert User.objects.get(pk=erin.pk).welcomed_at is not None
    assert "What brings you here?" not in new_member_client.get("/today/").content.decode()


def test_maybe_later_skips_the_welcome(new_member_client, erin):
    response = new_member_client.post(reverse("welcome"), {"later": "1"})

    assert response["Location"] == reverse("today")
    assert User.objects.get(pk=erin.pk).welcomed_at is not None
    html = new_member_client.get("/today/").content.decode()
    assert "What brings you here?" not in html
    assert reverse("welcome") in html  # still there, whenever she likes


def test_the_welcome_can_be_revisited_and_keeps_the_first_welcome_time(new_member_client, erin):
    new_member_client.post(reverse("welcome"), {"later": "1"})
    first = User.objects.get(pk=erin.pk).welcomed_at

    page = new_member_client.get(reverse("welcome"))
    new_member_client.post(reverse("welcome"), {"struggles": [Struggle.objects.first().pk]})

    assert page.status_code == 200 and "What brings you here?" in page.content.decode()
    assert User.objects.get(pk=erin.pk).welcomed_at == first


def test_a_made_up_choice_is_refused_and_nothing_changes(new_member_client, erin):
    response = new_member_client.post(reverse("welcome"), {"struggles": ["999999", "x"]})

    assert response.status_code == 400
    assert "Please choose from the list." in response.content.decode()
    assert User.objects.get(pk=erin.pk).welcomed_at is None


def test_what_was_chosen_is_not_stored(new_member_client, erin):
    before = User.objects.filter(pk=erin.pk).values().get()
    chosen = [s.pk for s in Struggle.objects.all()[:2]]

    new_member_client.post(reverse("welcome"), {"struggles": chosen})

    after = User.objects.filter(pk=erin.pk).values().get()
    changed = {key for key in after if after[key] != before[key]}
    assert changed == {"welcomed_at"}
    assert "struggle" not in str(new_member_client.session.items())


def test_the_welcome_asks_a_visitor_to_log_in(client):
    assert client.get(reverse("welcome"))["Location"].startswith(reverse("account_login"))
