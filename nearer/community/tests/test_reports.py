"""Reporting a post, a reply or a member: a short, gentle flow that lands in the queue."""

from django.urls import reverse

from nearer.community.models import Report, State
from nearer.community.tests.conftest import answer, write


def test_reporting_a_post_is_short_and_lands_in_the_queue(
    group, alice_in, erin_in, moderator, client_for
):
    post = write(alice_in, "Something to look at", "words")
    erin = client_for(erin_in.profile.user)
    thread = erin.get(f"/community/{group.slug}/posts/{post.pk}/").content.decode()
    url = reverse("community_report", args=[group.slug, "post", post.pk])
    assert f'href="{url}"' in thread and "Let a moderator know" in thread
    form = erin.get(url).content.decode()
    assert "It feels unkind or hurtful" in form and "Something else" in form
    assert "they won't tell anyone who sent it" in form

    response = erin.post(url, {"words": "just a feeling"})
    assert response.status_code == 400
    assert "Please choose the closest reason" in response.content.decode()

    response = erin.post(url, {"reason": "unkind", "words": "just a feeling"})
    assert response.url == f"/community/{group.slug}/posts/{post.pk}/"
    assert "Thank you for letting us know" in erin.get(response.url).content.decode()
    report = Report.objects.get()
    assert (report.post, report.reporter, report.reason) == (post, erin_in.profile, "unkind")

    queue = client_for(moderator).get(f"/community/{group.slug}/moderate/").content.decode()
    assert "Reports (1)" in queue and "just a feeling" in queue
    assert "Harbour Light" not in queue  # the reporter stays unnamed


def test_reporting_the_same_thing_twice_adds_to_the_open_report(
    group, alice_in, erin_in, client_for
):
    post = write(alice_in)
    erin = client_for(erin_in.profile.user)
    url = reverse("community_report", args=[group.slug, "post", post.pk])
    erin.post(url, {"reason": "unkind"})
    erin.post(url, {"reason": "unsafe", "words": "more"})
    report = Report.objects.get()
    assert (report.reason, report.words) == ("unsafe", "more")


def test_reports_about_danger_come_first(group, alice_in, erin_in, carol_in, moderator, client_for):
    post = write(alice_in, "First", "x")
    client_for(erin_in.profile.user).post(
        reverse("community_report", args=[group.slug, "post", post.pk]),
        {"reason": "spam", "words": "selling"},
    )
    client_for(carol_in.profile.user).post(
        reverse("community_report", args=[group.slug, "post", post.pk]),
        {"reason": "unsafe", "words": "worried for them"},
    )
    queue = client_for(moderator).get(f"/community/{group.slug}/moderate/").content.decode()
    assert queue.index("worried for them") < queue.index("selling")


def test_a_reply_and_a_member_can_be_reported(group, alice_in, erin_in, moderator, client_for):
    item = answer(erin_in, write(alice_in))
    alice = client_for(alice_in.profile.user)
    url = reverse("community_report", args=[group.slug, "reply", item.pk])
    page = alice.get(url).content.decode()
    member_url = reverse("community_report", args=[group.slug, "member", erin_in.profile.pk])
    assert f'href="{member_url}"' in page
    alice.post(url, {"reason": "private"})
    alice.post(member_url, {"reason": "other", "words": "keeps messaging"})
    assert Report.objects.filter(reply=item).exists()
    assert Report.objects.filter(member=erin_in.profile, words="keeps messaging").exists()
    queue = client_for(moderator).get(f"/community/{group.slug}/moderate/").content.decode()
    assert "About the member" in queue and "Reports (2)" in queue


def test_hiding_a_reported_post_closes_its_reports(group, alice_in, erin_in, moderator, client_for):
    post = write(alice_in)
    client_for(erin_in.profile.user).post(
        reverse("community_report", args=[group.slug, "post", post.pk]), {"reason": "unkind"}
    )
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/posts/{post.pk}/", {"action": "hide"}
    )
    report = Report.objects.get()
    assert report.resolved_at is not None and report.resolved_by == moderator
    post.refresh_from_db()
    assert post.state == State.HIDDEN


def test_a_report_can_be_closed_without_a_step(group, alice_in, erin_in, moderator, client_for):
    post = write(alice_in)
    client_for(erin_in.profile.user).post(
        reverse("community_report", args=[group.slug, "post", post.pk]), {"reason": "other"}
    )
    report = Report.objects.get()
    browser = client_for(moderator)
    url = f"/community/{group.slug}/moderate/reports/{report.pk}/close/"
    browser.post(url, {"reason": "Looked fine"})
    response = browser.post(url, {"reason": "again"}, follow=True)
    assert "already closed" in response.content.decode()
    report.refresh_from_db()
    assert report.resolved_at is not None
    assert "Reports (0)" in browser.get(f"/community/{group.slug}/moderate/").content.decode()


def test_no_one_reports_themselves_or_what_they_cannot_see(
    group, other_group, alice_in, erin_in, carol, client_for
):
    post = write(alice_in)
    alice = client_for(alice_in.profile.user)
    own = reverse("community_report", args=[group.slug, "member", alice_in.profile.pk])
    assert alice.get(own).status_code == 404
    outsider = client_for(carol)
    assert (
        outsider.get(reverse("community_report", args=[group.slug, "post", post.pk])).status_code
        == 404
    )
    elsewhere = reverse("community_report", args=[other_group.slug, "post", post.pk])
    assert client_for(erin_in.profile.user).get(elsewhere).status_code == 404
    odd = f"/community/{group.slug}/report/group/{post.pk}/"
    assert alice.get(odd).status_code == 404
    assert not Report.objects.exists()


def test_overlong_report_words_get_a_clear_message(group, alice_in, erin_in, client_for):
    post = write(alice_in)
    response = client_for(erin_in.profile.user).post(
        reverse("community_report", args=[group.slug, "post", post.pk]),
        {"reason": "other", "words": "x" * 1001},
    )
    assert response.status_code == 400
    assert "Please keep this to 1,000 characters or fewer" in response.content.decode()
    assert not Report.objects.exists()


def test_closing_a_report_with_too_many_words_says_so_and_keeps_it_open(
    group, alice_in, erin_in, moderator, client_for
):
    post = write(alice_in)
    client_for(erin_in.profile.user).post(
        reverse("community_report", args=[group.slug, "post", post.pk]), {"reason": "other"}
    )
    report = Report.objects.get()
    response = client_for(moderator).post(
        f"/community/{group.slug}/moderate/reports/{report.pk}/close/",
        {"reason": "x" * 1001},
        follow=True,
    )
    assert "Please keep what you found to 1,000 characters or fewer." in response.content.decode()
    report.refresh_from_db()
    assert report.resolved_at is None
