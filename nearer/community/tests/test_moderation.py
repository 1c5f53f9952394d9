"""Moderators work a queue per group: let through, hide, restore, note, pause, remove. Members
cannot moderate; a moderator of one group gets a 404 in any other; operators act everywhere;
every step is in the audit log; a hidden post is gone at once for everyone but its author."""

from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from nearer.community.models import Membership, ModerationAction, Post, State
from nearer.community.tests.conftest import answer, join, write
from nearer.reminders.models import Notification


@pytest.fixture
def post(alice_in):
    return write(alice_in, "A hard week", "Words that might need a look")


@pytest.fixture
def reply(erin_in, post):
    return answer(erin_in, post, "A reply that might need a look")


def moderation_urls(group, post, reply, profile) -> list[tuple[str, str, dict]]:
    base = f"/community/{group.slug}/moderate"
    return [
        ("get", f"{base}/", {}),
        ("post", f"{base}/posts/{post.pk}/", {"action": "hide"}),
        ("post", f"{base}/replies/{reply.pk}/", {"action": "hide"}),
        ("get", f"{base}/members/{profile.pk}/", {}),
        ("post", f"{base}/members/{profile.pk}/", {"action": "ban"}),
    ]


def test_members_cannot_moderate(group, post, reply, alice_in, erin_in, client_for):
    browser = client_for(erin_in.profile.user)
    for method, url, data in moderation_urls(group, post, reply, alice_in.profile):
        assert getattr(browser, method)(url, data).status_code == 404, url
    post.refresh_from_db()
    reply.refresh_from_db()
    assert post.state == reply.state == State.VISIBLE
    assert not ModerationAction.objects.exists()
    assert Membership.objects.get(profile=alice_in.profile).banned_at is None


def test_a_moderator_of_another_group_gets_404_everywhere_here(
    group, post, reply, alice_in, other_moderator, client_for
):
    browser = client_for(other_moderator)
    for method, url, data in moderation_urls(group, post, reply, alice_in.profile):
        assert getattr(browser, method)(url, data).status_code == 404, url
    assert not ModerationAction.objects.exists()


def test_a_moderator_cannot_reach_another_groups_post_through_their_own_group(
    other_group, alice, erin, moderator, client_for, group
):
    theirs = write(join(alice, other_group, "Willow"), "Elsewhere", "x")
    browser = client_for(moderator)
    response = browser.post(
        f"/community/{group.slug}/moderate/posts/{theirs.pk}/", {"action": "hide"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == State.VISIBLE


def test_operators_moderate_every_group(other_group, alice, operator, client_for):
    theirs = write(join(alice, other_group, "Willow"), "Elsewhere", "x")
    browser = client_for(operator)
    assert browser.get(f"/community/{other_group.slug}/moderate/").status_code == 200
    browser.post(f"/community/{other_group.slug}/moderate/posts/{theirs.pk}/", {"action": "hide"})
    theirs.refresh_from_db()
    assert theirs.state == State.HIDDEN


def test_the_moderation_queue_link_shows_only_for_my_groups(
    moderator, group, other_group, client_for
):
    page = client_for(moderator).get("/community/").content.decode()
    assert f"/community/{group.slug}/moderate/" in page
    assert f"/community/{other_group.slug}/moderate/" not in page


def test_a_hidden_post_disappears_at_once_except_for_its_author_and_moderators(
    group, post, alice_in, erin_in, moderator, client_for
):
    erin = client_for(erin_in.profile.user)
    thread = f"/community/{group.slug}/posts/{post.pk}/"
    assert erin.get(thread).status_code == 200
    response = client_for(moderator).post(
        f"/community/{group.slug}/moderate/posts/{post.pk}/",
        {"action": "hide", "reason": "Names a real person", "next": thread},
    )
    assert response.url == thread
    assert erin.get(thread).status_code == 404
    assert "A hard week" not in erin.get(f"/community/{group.slug}/").content.decode()
    found = erin.get(f"/community/{group.slug}/search/", {"q": "hard week"}).content.decode()
    assert "A hard week" not in found and "Nothing found" in found
    author_page = client_for(alice_in.profile.user).get(thread).content.decode()
    assert "A moderator has hidden this, so only you and the moderators can see it" in author_page
    own_list = client_for(alice_in.profile.user).get(f"/community/{group.slug}/").content.decode()
    assert "hidden by a moderator" in own_list
    mod_page = client_for(moderator).get(thread).content.decode()
    assert "Hidden by a moderator" in mod_page and "Restore" in mod_page

    entry = ModerationAction.objects.get()
    assert (entry.kind, entry.moderator, entry.post, entry.reason) == (
        "hide",
        moderator,
        post,
        "Names a real person",
    )
    assert entry.target == f"post #{post.pk} “A hard week” by Willow"

    client_for(moderator).post(
        f"/community/{group.slug}/moderate/posts/{post.pk}/", {"action": "restore"}
    )
    assert erin.get(thread).status_code == 200
    assert ModerationAction.objects.count() == 2


def test_a_hidden_reply_leaves_the_thread_the_count_and_the_notification(
    group, post, reply, alice_in, erin_in, moderator, client_for
):
    assert Notification.objects.filter(user=alice_in.profile.user).count() == 1
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/replies/{reply.pk}/", {"action": "hide"}
    )
    post.refresh_from_db()
    assert post.reply_count == 0
    assert not Notification.objects.filter(user=alice_in.profile.user).exists()
    alice = client_for(alice_in.profile.user)
    assert (
        "A reply that might need a look"
        not in alice.get(f"/community/{group.slug}/posts/{post.pk}/").content.decode()
    )
    assert alice.get(f"/updates/{reply.pk}/").status_code == 302  # the thread, without it
    own = client_for(erin_in.profile.user).get(f"/community/{group.slug}/posts/{post.pk}/")
    assert "A moderator has hidden this" in own.content.decode()
    # Reactions and reports need something visible.
    url = reverse("community_react_reply", args=[group.slug, reply.pk])
    assert alice.post(url, {"kind": "helped"}).status_code == 404
    url = reverse("community_report", args=[group.slug, "reply", reply.pk])
    assert alice.get(url).status_code == 404


def test_a_note_reaches_the_member_without_saying_who(group, alice_in, moderator, client_for):
    browser = client_for(moderator)
    url = f"/community/{group.slug}/moderate/members/{alice_in.profile.pk}/"
    response = browser.post(url, {"action": "warn", "reason": ""})
    assert response.status_code == 400
    assert "Please write the note the member will read." in response.content.decode()
    browser.post(url, {"action": "warn", "reason": "Please keep names out of posts."})
    note = Notification.objects.get(user=alice_in.profile.user)
    assert note.text == "A note from the moderators of New parents: Please keep names out of posts."
    assert note.link == "/updates/notes/"
    page = client_for(alice_in.profile.user).get(note.link).content.decode()
    assert "Please keep names out of posts." in page and "Sky" not in page
    assert ModerationAction.objects.get().kind == "warn"


def test_a_discreet_member_gets_a_note_without_telling_words(
    group, alice_in, moderator, client_for
):
    alice = alice_in.profile.user
    alice.discreet = True
    alice.save()
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/members/{alice_in.profile.pk}/",
        {"action": "warn", "reason": "About your last post in New parents"},
    )
    assert Notification.objects.get(user=alice).text == "There's a note for you on Nearer."


def test_a_paused_member_cannot_post_or_reply_until_the_date(
    group, post, erin_in, moderator, client_for, settings
):
    day = (timezone.now() + timedelta(days=3)).date()
    browser = client_for(moderator)
    url = f"/community/{group.slug}/moderate/members/{erin_in.profile.pk}/"
    for bad in ["", "yesterday", "2020-01-01", "3000-01-01", timezone.now().date().isoformat()]:
        response = browser.post(url, {"action": "suspend", "until": bad})
        assert response.status_code == 400, bad
        assert "Please" in response.content.decode()
    browser.post(url, {"action": "suspend", "until": day.isoformat(), "reason": "A breather"})
    membership = Membership.objects.get(profile=erin_in.profile)
    assert membership.suspended_until is not None

    erin = client_for(erin_in.profile.user)
    response = erin.post(f"/community/{group.slug}/new/", {"title": "t", "body": "b"})
    assert response.status_code == 403
    assert "You&#x27;re paused from writing in New parents until" in response.content.decode()
    response = erin.post(f"/community/{group.slug}/posts/{post.pk}/reply/", {"body": "b"})
    assert response.status_code == 403
    assert "paused from writing" in response.content.decode()
    assert erin.get(f"/community/{group.slug}/posts/{post.pk}/").status_code == 200  # may read
    assert Post.objects.count() == 1

    browser.post(url, {"action": "lift"})
    response = erin.post(f"/community/{group.slug}/new/", {"title": "t", "body": "b"})
    assert response.status_code == 302


def test_a_removed_member_cannot_post_reply_read_or_rejoin(
    group, post, erin_in, moderator, client_for
):
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/members/{erin_in.profile.pk}/", {"action": "ban"}
    )
    erin = client_for(erin_in.profile.user)
    response = erin.post(f"/community/{group.slug}/new/", {"title": "t", "body": "b"})
    assert response.status_code == 404
    assert erin.get(f"/community/{group.slug}/posts/{post.pk}/").status_code == 404
    page = erin.get(f"/community/{group.slug}/").content.decode()
    assert "You can no longer take part in New parents" in page
    response = erin.post(f"/community/{group.slug}/join/", {})
    assert response.status_code == 400
    assert "You can no longer take part" in response.content.decode()
    assert Post.objects.count() == 1
    assert Membership.objects.get(profile=erin_in.profile).banned_at is not None


def test_a_moderator_cannot_pause_themselves(group, moderator, client_for):
    mine = join(moderator, group, "Tern Helper")
    response = client_for(moderator).post(
        f"/community/{group.slug}/moderate/members/{mine.profile.pk}/", {"action": "ban"}
    )
    assert response.status_code == 400
    assert "moderators can&#x27;t take this step about themselves" in response.content.decode()


def test_a_step_that_no_longer_fits_says_so(group, post, moderator, client_for):
    browser = client_for(moderator)
    url = f"/community/{group.slug}/moderate/posts/{post.pk}/"
    browser.post(url, {"action": "hide"})
    response = browser.post(url, {"action": "hide"}, follow=True)
    assert "That step doesn&#x27;t fit where this is now" in response.content.decode()
    response = browser.post(url, {"action": "explode"}, follow=True)
    assert "Please choose one of the steps on the page." in response.content.decode()
    assert ModerationAction.objects.count() == 1


def test_moderators_post_without_waiting(group, moderator):
    mine = join(moderator, group, "Tern Helper", trusted=False)
    assert write(mine).state == State.VISIBLE


def test_the_audit_log_is_read_only_in_admin(group, post, moderator, operator, client_for):
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/posts/{post.pk}/", {"action": "hide", "reason": "r"}
    )
    model_admin = site._registry[ModerationAction]
    request = RequestFactory().get("/")
    request.user = operator
    entry = ModerationAction.objects.get()
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    operator.is_superuser = True
    operator.save()
    browser = client_for(operator)
    page = browser.get("/admin/community/moderationaction/").content.decode()
    assert "A hard week" in page and "Sky" in page
    detail = browser.get(f"/admin/community/moderationaction/{entry.pk}/change/")
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "View moderation action" in html and 'name="_save"' not in html
    assert browser.post(f"/admin/community/moderationaction/{entry.pk}/delete/").status_code == 403


def test_the_log_outlives_its_target(group, post, moderator, client_for):
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/posts/{post.pk}/", {"action": "hide"}
    )
    post.delete()
    entry = ModerationAction.objects.get()
    assert entry.post is None and "A hard week" in entry.target


def test_operators_grant_the_role_and_see_every_community_list_in_admin(
    operator, group, alice_in, client_for
):
    operator.is_superuser = True
    operator.save()
    write(alice_in)
    browser = client_for(operator)
    for name in ["group", "moderator", "communityprofile", "post", "reply", "report"]:
        assert browser.get(f"/admin/community/{name}/").status_code == 200, name
    page = browser.get(f"/admin/community/group/{group.pk}/change/").content.decode()
    assert "moderators (people who may act in this group)" in page.lower()
