"""Who may see and change a goal: Carol and Dave never see Alice's goals; Bob reads only
what Alice shares, and changes nothing; unlinking ends his view at once."""

import pytest
from django.urls import reverse

from nearer.goals.models import Cheer, Goal

pytestmark = pytest.mark.django_db

READ = ["goal_detail"]
CHANGE_GET = ["goal_edit", "goal_delete"]
CHANGE_POST = ["goal_edit", "goal_renew", "goal_complete", "goal_put_away", "goal_delete"]


def every_request(goal: Goal):
    """(method, url) for every goal URL, reading and changing."""
    for name in READ + CHANGE_GET:
        yield "get", reverse(name, args=[goal.pk])
    for name in [*CHANGE_POST, "goal_noticed"]:
        yield "post", reverse(name, args=[goal.pk])
    yield "get", reverse("goal_edit", args=[goal.pk]) + "?size=smaller"


def snapshot(goal: Goal) -> dict:
    """The goal as stored, apart from the strength any reader's visit may settle."""
    row = Goal.objects.filter(pk=goal.pk).values().first()
    return {k: v for k, v in row.items() if k not in ("strength", "strength_as_of")}


@pytest.mark.parametrize("stranger", ["carol", "dave", "erin"])
def test_another_couple_gets_404_on_every_goal_url(
    request, client_for, stranger, private_goal, shared_goal
):
    browser = client_for(request.getfixturevalue(stranger))
    for goal in [private_goal, shared_goal]:
        before = snapshot(goal)
        for method, url in every_request(goal):
            response = getattr(browser, method)(url, {"action": "taken over"})
            assert response.status_code == 404, (method, url)
        assert snapshot(goal) == before
    assert not Cheer.objects.exists()


def test_the_partner_gets_404_on_every_url_of_a_private_goal(client_for, bob, private_goal):
    browser = client_for(bob)
    before = snapshot(private_goal)
    for method, url in every_request(private_goal):
        response = getattr(browser, method)(url, {"action": "taken over"})
        assert response.status_code == 404, (method, url)
    assert snapshot(private_goal) == before


def test_the_partner_reads_a_shared_goal_without_ways_to_change_it(client_for, bob, shared_goal):
    response = client_for(bob).get(reverse("goal_detail", args=[shared_goal.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "ask how Bob is really doing" in content
    assert content.count("<svg") == 2
    for name in ["goal_edit", "goal_renew", "goal_complete", "goal_put_away", "goal_delete"]:
        assert reverse(name, args=[shared_goal.pk]) not in content
    assert "Change this goal" not in content
    assert "I noticed" in content


def test_the_partner_gets_404_on_every_way_to_change_a_shared_goal(client_for, bob, shared_goal):
    browser = client_for(bob)
    before = snapshot(shared_goal)
    for name in CHANGE_GET:
        assert browser.get(reverse(name, args=[shared_goal.pk])).status_code == 404
    for name in CHANGE_POST:
        response = browser.post(reverse(name, args=[shared_goal.pk]), {"action": "taken over"})
        assert response.status_code == 404, name
    assert snapshot(shared_goal) == before


def test_the_partner_never_sees_my_reasons_or_milestones(client_for, bob, shared_goal):
    shared_goal.why = "Because I miss how we used to laugh."
    shared_goal.save()
    shared_goal.milestones.create(kind="comeback", day=shared_goal.start_date)
    content = client_for(bob).get(reverse("goal_detail", args=[shared_goal.pk])).content.decode()
    assert "miss how we used to laugh" not in content
    assert "Good to see you again" not in content
    assert "out of 10" not in content


def test_after_unlinking_the_partner_gets_404_at_once(client_for, alice, bob, shared_goal):
    browser = client_for(bob)
    url = reverse("goal_detail", args=[shared_goal.pk])
    assert browser.get(url).status_code == 200
    alice.couple.delete()  # unlinking
    assert browser.get(url).status_code == 404
    assert browser.post(reverse("goal_noticed", args=[shared_goal.pk])).status_code == 404
    assert "ask how Bob is really doing" not in browser.get(reverse("goal_list")).content.decode()


def test_a_foreign_goal_id_that_does_not_exist_is_also_404(alice_client):
    assert alice_client.get(reverse("goal_detail", args=[987654])).status_code == 404
    assert alice_client.post(reverse("goal_renew", args=[987654])).status_code == 404


def test_changing_actions_only_accept_post(alice_client, shared_goal):
    for name in ["goal_renew", "goal_complete", "goal_put_away", "goal_noticed"]:
        assert alice_client.get(reverse(name, args=[shared_goal.pk])).status_code == 405
    shared_goal.refresh_from_db()
    assert shared_goal.status == Goal.Status.ACTIVE
