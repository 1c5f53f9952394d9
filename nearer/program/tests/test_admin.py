"""An operator can read and edit the program in Django admin."""

import pytest
from django.urls import reverse

from nearer.accounts.models import User
from nearer.program.models import Step

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(client):
    operator = User.objects.create_superuser("operator@example.com", "x", display_name="Op")
    client.force_login(operator)
    return client


@pytest.mark.parametrize("model", ["phase", "step", "journalprompt", "struggle"])
def test_operator_sees_each_list_of_content(operator_client, model):
    response = operator_client.get(reverse(f"admin:program_{model}_changelist"))
    assert response.status_code == 200


def test_operator_can_open_a_step_with_its_ideas(operator_client):
    step = Step.objects.get(slug="repair-early")
    response = operator_client.get(reverse("admin:program_step_change", args=[step.pk]))
    assert response.status_code == 200
    assert step.ideas.first().text in response.content.decode()


def test_members_cannot_open_the_admin(alice_client):
    response = alice_client.get(reverse("admin:program_step_changelist"))
    assert response.status_code == 302
