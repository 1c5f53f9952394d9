"""Deleting an account takes the member's community name and words with it, and keeps the
counts on everyone else's posts true."""

from django.apps import apps
from django.conf import settings

from nearer.community import actions
from nearer.community.models import CommunityProfile, Post, Reaction, Reply
from nearer.community.tests.conftest import answer, write
from nearer.reminders.models import Notification


def test_forgetting_a_member_removes_their_words_and_keeps_counts_true(
    alice_in, erin_in, group, client_for, password
):
    erins = write(erin_in, "Erin's thread", "x")
    alices = write(alice_in, "Alice's thread", "x")
    answer(alice_in, erins, "from Alice")
    answer(erin_in, alices, "from Erin")
    alice = client_for(alice_in.profile.user)
    alice.post(f"/community/{group.slug}/posts/{erins.pk}/react/", {"kind": "helped"})
    client_for(erin_in.profile.user).post(
        f"/community/{group.slug}/posts/{alices.pk}/react/", {"kind": "me_too"}
    )
    erins.refresh_from_db()
    assert (erins.reply_count, erins.helped_count) == (1, 1)

    actions.forget_member(user=alice_in.profile.user)

    erins.refresh_from_db()
    assert (erins.reply_count, erins.helped_count) == (0, 0)
    assert not CommunityProfile.objects.filter(user__email="alice@example.com").exists()
    assert list(Post.objects.values_list("title", flat=True)) == ["Erin's thread"]
    assert not Reply.objects.exists() and not Reaction.objects.exists()
    assert (
        not Notification.objects.filter(link__startswith="/updates/")
        .exclude(user=alice_in.profile.user)
        .exists()
    )


def test_deleting_the_account_leaves_no_community_row_behind(alice_in, erin_in, client, password):
    write(alice_in)
    erins = write(erin_in)
    answer(alice_in, erins)
    pk = alice_in.profile.user.pk
    client.force_login(alice_in.profile.user)
    client.post("/account/delete/", {"password": password})
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    assert not user_model.objects.filter(pk=pk).exists()
    assert not CommunityProfile.objects.filter(user_id=pk).exists()
    assert Post.objects.count() == 1 and not Reply.objects.exists()
    erins.refresh_from_db()
    assert erins.reply_count == 0  # the count on Erin's thread lost Alice's reply too
