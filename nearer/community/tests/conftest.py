"""Community personas and helpers.

Alice and Bob are a couple, Carol and Dave another couple, Erin is alone (root conftest).
Here: Sky moderates "New parents" (and only it), Quinn moderates "Long distance", and Olive
is an operator (staff), who may act in every group. The default groups come from the data
migration. Members made with ``join`` are past new-member review unless ``trusted=False``.
"""

import pytest
from django.test import Client
from django.utils import timezone

from conftest import make_member
from nearer.community import actions, names
from nearer.community.models import Group, Membership, Moderator, Post, Reply


def join(user, group: Group, name: str, *, trusted: bool = True) -> Membership:
    membership = actions.join_group(
        user=user, group=group, now=timezone.now(), name=names.validate(name, user=user)
    )
    if trusted:
        profile = membership.profile
        profile.approved_count = 50
        profile.save(update_fields=["approved_count"])
    return membership


def write(
    membership: Membership, title: str = "Small moments", body: str = "What helps you?"
) -> Post:
    return actions.write_post(membership=membership, title=title, body=body, now=timezone.now())


def answer(membership: Membership, post: Post, body: str = "Tea together, ten minutes.") -> Reply:
    return actions.write_reply(membership=membership, post=post, body=body, now=timezone.now())


@pytest.fixture
def group(db) -> Group:
    return Group.objects.get(slug="new-parents")


@pytest.fixture
def other_group(db) -> Group:
    return Group.objects.get(slug="long-distance")


@pytest.fixture
def moderator(group):
    """Sky: moderator of New parents only."""
    user = make_member("sky@example.com", "Sky")
    Moderator.objects.create(group=group, user=user)
    return user


@pytest.fixture
def other_moderator(other_group):
    """Quinn: moderator of Long distance only."""
    user = make_member("quinn@example.com", "Quinn")
    Moderator.objects.create(group=other_group, user=user)
    return user


@pytest.fixture
def operator(db):
    user = make_member("olive@example.com", "Olive")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def client_for():
    """A fresh logged-in browser per person, so several people can act in one test."""

    def login(user) -> Client:
        browser = Client()
        browser.force_login(user)
        return browser

    return login


@pytest.fixture
def alice_in(alice, group) -> Membership:
    return join(alice, group, "Willow")


@pytest.fixture
def erin_in(erin, group) -> Membership:
    return join(erin, group, "Harbour Light")


@pytest.fixture
def carol_in(carol, group) -> Membership:
    return join(carol, group, "Juniper")
