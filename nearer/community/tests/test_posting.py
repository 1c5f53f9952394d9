"""Writing: posts and replies, new members' first words held for review, the hourly limit,
words that suggest crisis, reactions and the counters kept on each post."""

import pytest
from django.urls import reverse

from nearer.community.models import Post, Reaction, Reply, State
from nearer.community.tests.conftest import answer, join, write
from nearer.reminders.models import Notification
from nearer.safety.models import CrisisResource


def test_a_member_posts_and_others_read_it(alice_in, erin_in, group, client_for):
    browser = client_for(alice_in.profile.user)
    page = browser.get(reverse("community_new_post", args=[group.slug])).content.decode()
    assert "You'll appear as <strong>Willow</strong>" in page.replace("&#x27;", "'")
    response = browser.post(
        reverse("community_new_post", args=[group.slug]),
        {"title": "Tired evenings", "body": "How do you *stay close* when you're exhausted?"},
    )
    post = Post.objects.get()
    assert response.url == f"/community/{group.slug}/posts/{post.pk}/"
    assert post.state == State.VISIBLE and post.body_html.startswith("<p>How do you <em>")
    erin = client_for(erin_in.profile.user)
    assert "Tired evenings" in erin.get(f"/community/{group.slug}/").content.decode()
    thread = erin.get(response.url).content.decode()
    assert "<em>stay close</em>" in thread and "Willow" in thread


def test_a_reply_counts_bumps_the_thread_and_notifies_the_author(
    alice_in, erin_in, group, client_for
):
    older = write(alice_in, "Older", "x")
    post = write(alice_in, "Sleep and us", "x")
    browser = client_for(erin_in.profile.user)
    response = browser.post(
        reverse("community_reply", args=[group.slug, older.pk]), {"body": "Small **hugs**."}
    )
    item = Reply.objects.get()
    assert (
        response.url
        == f"/community/{group.slug}/posts/{older.pk}/?after={item.pk - 1}#reply-{item.pk}"
    )
    older.refresh_from_db()
    assert older.reply_count == 1 and older.last_activity_at > post.last_activity_at
    page = browser.get(f"/community/{group.slug}/").content.decode()
    assert page.index("Older") < page.index("Sleep and us")
    note = Notification.objects.get(user=alice_in.profile.user)
    assert note.text == "Harbour Light replied to your post “Older” in New parents."
    assert note.link == f"/updates/{item.pk}/"
    alice = client_for(alice_in.profile.user)
    assert alice.get(note.link).url == response.url
    assert f'href="/updates/{item.pk}/"' in alice.get("/today/").content.decode()
    assert client_for(erin_in.profile.user).get(note.link).status_code == 404


def test_replying_to_my_own_post_sends_me_nothing(alice_in, group):
    post = write(alice_in)
    answer(alice_in, post)
    assert not Notification.objects.exists()


def test_a_new_members_first_words_wait_for_a_moderator(
    erin, alice_in, group, moderator, client_for, settings
):
    settings.NEARER_COMMUNITY_REVIEW_FIRST = 2
    newcomer = join(erin, group, "Harbour", trusted=False)
    browser = client_for(erin)
    response = browser.post(
        reverse("community_new_post", args=[group.slug]), {"title": "Hello", "body": "I'm new."}
    )
    post = Post.objects.get(author=newcomer.profile)
    assert post.state == State.HELD and not post.crisis
    page = browser.get(response.url).content.decode()
    assert "a moderator reads your first few posts" in page
    assert "Only you can see this for now" in page
    assert "Hello" in browser.get(f"/community/{group.slug}/").content.decode()  # in "yours"
    alice = client_for(alice_in.profile.user)
    assert "Hello" not in alice.get(f"/community/{group.slug}/").content.decode()
    assert alice.get(response.url).status_code == 404

    queue = client_for(moderator).get(f"/community/{group.slug}/moderate/").content.decode()
    assert "Waiting for a first look (1)" in queue and "<p>I'm new.</p>" in queue
    write(alice_in, "Written while Harbour waited", "x")
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/posts/{post.pk}/", {"action": "approve"}
    )
    assert alice.get(response.url).status_code == 200
    newest = alice.get(f"/community/{group.slug}/").context["page"].rows[0]
    assert newest == post  # let through now, so it starts at the top

    second = write(newcomer, "Second", "x")
    assert second.state == State.HELD
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/posts/{second.pk}/", {"action": "approve"}
    )
    assert write(newcomer, "Third", "x").state == State.VISIBLE


def test_a_held_reply_reaches_no_one_until_let_through(
    erin, alice_in, group, moderator, client_for
):
    post = write(alice_in)
    newcomer = join(erin, group, "Harbour", trusted=False)
    item = answer(newcomer, post, "first words")
    post.refresh_from_db()
    assert item.state == State.HELD and post.reply_count == 0
    assert not Notification.objects.exists()
    alice = client_for(alice_in.profile.user)
    assert (
        "first words" not in alice.get(f"/community/{group.slug}/posts/{post.pk}/").content.decode()
    )
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/replies/{item.pk}/", {"action": "approve"}
    )
    post.refresh_from_db()
    assert post.reply_count == 1
    assert Notification.objects.filter(user=alice_in.profile.user).count() == 1
    assert "first words" in alice.get(f"/community/{group.slug}/posts/{post.pk}/").content.decode()


def test_too_many_words_in_an_hour_get_a_gentle_pause_and_keep_the_text(
    alice_in, group, client_for, settings
):
    settings.NEARER_COMMUNITY_HOURLY = 2
    write(alice_in, "one", "x")
    write(alice_in, "two", "x")
    response = client_for(alice_in.profile.user).post(
        reverse("community_new_post", args=[group.slug]),
        {"title": "three", "body": "Words I don't want to lose"},
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert "You&#x27;ve written a lot in the last hour" in page
    assert "about 60 minutes" in page
    assert "Words I don&#x27;t want to lose" in page
    assert Post.objects.count() == 2


def test_new_members_have_a_smaller_hourly_limit(erin, group, settings):
    from nearer.community.actions import CommunityError

    settings.NEARER_COMMUNITY_NEW_MEMBER_HOURLY = 1
    newcomer = join(erin, group, "Harbour", trusted=False)
    write(newcomer)
    with pytest.raises(CommunityError, match="written a lot"):
        write(newcomer)


@pytest.fixture
def lifeline(db):
    CrisisResource.objects.filter(country="US").delete()
    return CrisisResource.objects.create(
        country="US",
        name="Test Lifeline",
        phone="988",
        purpose="Someone to talk to, now.",
        last_verified="2026-01-01",
    )


def test_words_of_crisis_are_held_and_their_author_gently_sees_help(
    alice_in, erin_in, group, moderator, client_for, lifeline
):
    write(erin_in, "Ordinary", "held back by nothing")
    browser = client_for(alice_in.profile.user)
    response = browser.post(
        reverse("community_new_post", args=[group.slug]),
        {"title": "Tonight", "body": "Some nights I want to die."},
    )
    post = Post.objects.get(title="Tonight")
    assert post.state == State.HELD and post.crisis
    page = browser.get(response.url).content.decode()
    assert "A moderator will read it first" in page
    assert "You haven&#x27;t done anything wrong" in page
    assert "Test Lifeline" in page and 'href="tel:988"' in page
    assert 'href="/too-hard/#help"' in page
    assert client_for(erin_in.profile.user).get(response.url).status_code == 404

    held = write(erin_in, "Also new", "fine")
    held.state = State.HELD
    held.save()
    queue = client_for(moderator).get(f"/community/{group.slug}/moderate/").content.decode()
    assert "May need care (1)" in queue
    assert queue.index("Some nights I want to die.") < queue.index("Waiting for a first look")


def test_a_reply_in_crisis_is_held_too(alice_in, erin_in, group, client_for, lifeline):
    post = write(alice_in)
    browser = client_for(erin_in.profile.user)
    response = browser.post(
        reverse("community_reply", args=[group.slug, post.pk]),
        {"body": "He won't let me leave the house"},
    )
    item = Reply.objects.get()
    assert item.crisis and item.state == State.HELD
    page = browser.get(response.url).content.decode()
    assert "Test Lifeline" in page
    assert not Notification.objects.exists()


def test_reactions_toggle_one_per_member_per_kind(alice_in, erin_in, carol_in, group, client_for):
    post = write(alice_in)
    url = reverse("community_react_post", args=[group.slug, post.pk])
    erin, carol = client_for(erin_in.profile.user), client_for(carol_in.profile.user)
    erin.post(url, {"kind": "helped"})
    erin.post(url, {"kind": "me_too"})
    carol.post(url, {"kind": "helped"})
    post.refresh_from_db()
    assert (post.helped_count, post.me_too_count) == (2, 1)
    response = erin.post(url, {"kind": "helped"})  # taken back
    assert response.status_code == 302 and response.url.endswith("#post")
    post.refresh_from_db()
    assert (post.helped_count, post.me_too_count) == (1, 1)
    assert Reaction.objects.count() == 2
    page = erin.get(f"/community/{group.slug}/posts/{post.pk}/").content.decode()
    assert 'aria-pressed="true"' in page and "This helped" in page


def test_reactions_on_replies_with_htmx_swap_only_the_buttons(alice_in, erin_in, group, client_for):
    item = answer(erin_in, write(alice_in))
    url = reverse("community_react_reply", args=[group.slug, item.pk])
    response = client_for(alice_in.profile.user).post(
        url, {"kind": "me_too"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith('<div class="community-reactions"')
    assert 'id="reactions-reply-' in html and "Me too" in html
    item.refresh_from_db()
    assert item.me_too_count == 1


def test_an_odd_reaction_kind_gets_a_clear_message(alice_in, erin_in, group, client_for):
    post = write(alice_in)
    browser = client_for(erin_in.profile.user)
    url = reverse("community_react_post", args=[group.slug, post.pk])
    response = browser.post(url, {"kind": "angry"}, follow=True)
    assert "Please choose “This helped” or “Me too”." in response.content.decode()
    assert not Reaction.objects.exists()


def test_the_group_page_goes_back_in_keyset_pages(alice_in, erin_in, group, client_for, settings):
    settings.NEARER_COMMUNITY_HOURLY = 1000
    posts = [write(alice_in, f"Post number {i:02d}", "x") for i in range(45)]
    browser = client_for(erin_in.profile.user)
    first = browser.get(f"/community/{group.slug}/")
    page = first.context["page"]
    assert [p.pk for p in page.rows] == [p.pk for p in reversed(posts)][:20]
    assert page.next and not page.prev
    second = browser.get(f"/community/{group.slug}/", {"before": page.next}).context["page"]
    assert [p.pk for p in second.rows] == [p.pk for p in reversed(posts)][20:40]
    third = browser.get(f"/community/{group.slug}/", {"before": second.next}).context["page"]
    assert [p.pk for p in third.rows] == [p.pk for p in reversed(posts)][40:]
    assert not third.next and third.prev
    back = browser.get(f"/community/{group.slug}/", {"after": third.prev}).context["page"]
    assert [p.pk for p in back.rows] == [p.pk for p in second.rows]
    html = browser.get(f"/community/{group.slug}/", {"before": page.next}).content.decode()
    assert "Older conversations" in html and "Newer conversations" in html


def test_a_thread_pages_through_its_replies(alice_in, erin_in, group, client_for, settings):
    settings.NEARER_COMMUNITY_HOURLY = 1000
    post = write(alice_in)
    replies = [answer(erin_in, post, f"reply {i}") for i in range(30)]
    browser = client_for(alice_in.profile.user)
    url = f"/community/{group.slug}/posts/{post.pk}/"
    first = browser.get(url).context["page"]
    assert [r.pk for r in first.rows] == [r.pk for r in replies[:20]]
    second = browser.get(url, {"after": first.next}).context["page"]
    assert [r.pk for r in second.rows] == [r.pk for r in replies[20:]]
    assert not second.next
    earlier = browser.get(url, {"before": second.prev}).context["page"]
    assert [r.pk for r in earlier.rows] == [r.pk for r in replies[:20]]
    post.refresh_from_db()
    assert post.reply_count == 30


def test_a_discreet_author_is_told_only_that_something_is_waiting(alice_in, erin_in):
    alice = alice_in.profile.user
    alice.discreet = True
    alice.save()
    answer(erin_in, write(alice_in, "After the baby", "x"))
    note = Notification.objects.get(user=alice)
    assert note.text == "Something new is waiting for you on Nearer."
    assert note.link.startswith("/updates/")


def test_the_database_keeps_one_reaction_per_member_per_kind(alice_in, erin_in):
    from django.db import IntegrityError, transaction

    post = write(alice_in)
    Reaction.objects.create(profile=erin_in.profile, kind="helped", post=post)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(profile=erin_in.profile, kind="helped", post=post)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(profile=erin_in.profile, kind="helped")  # no target
