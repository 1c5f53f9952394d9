"""Nothing about community use reaches the partner, and nothing links a community name to an
account: Bob's pages, notifications and exports read the same, word for word, before and
after Alice takes part; names and emails never appear on community pages."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from nearer.community.models import CommunityProfile
from nearer.community.tests.conftest import answer, join, write
from nearer.community.tests.helpers import visible_text
from nearer.reminders.models import Notification


@pytest.fixture(autouse=True)
def clock():
    """Exports carry the time they were made: hold the clock so pages compare word for word."""
    with time_machine.travel("2026-03-02 09:00:00+00:00", tick=False) as traveller:
        yield traveller


PARTNER_PAGES = [
    "/",
    "/today/",
    "/partner/",
    "/goals/",
    "/journal/",
    "/notifications/",
    "/export/",
    "/export/goals.json",
    "/export/goals.csv",
    "/export/checkins.csv",
    "/account/",
]


def _pages(browser) -> dict[str, str]:
    found = {}
    for url in PARTNER_PAGES:
        response = browser.get(url)
        if response.status_code == 200:
            found[url] = (
                b"".join(response.streaming_content).decode()
                if response.streaming
                else visible_text(response)
            )
    return found


def _take_part(alice, erin, group, moderator, client_for):
    """Alice joins, posts, is replied to, reacted to, reported, noted and paused, and asks
    for the daily email; Erin replies; a moderator acts."""
    mine = join(alice, group, "Willow")
    profile = mine.profile
    profile.digest_by_email = True
    profile.save()
    post = write(mine, "Since the baby came", "We feel far apart. Ideas?")
    erin_in = join(erin, group, "Harbour Light")
    answer(erin_in, post, "Ten minutes of tea after bedtime helped us.")
    erin_browser = client_for(erin)
    erin_browser.post(
        reverse("community_react_post", args=[group.slug, post.pk]), {"kind": "me_too"}
    )
    erin_browser.post(
        reverse("community_report", args=[group.slug, "member", profile.pk]),
        {"reason": "other"},
    )
    mod = client_for(moderator)
    url = f"/community/{group.slug}/moderate/members/{profile.pk}/"
    mod.post(url, {"action": "warn", "reason": "A gentle reminder about names."})
    day = (timezone.now() + timedelta(days=2)).date().isoformat()
    mod.post(url, {"action": "suspend", "until": day})
    call_command("send_community_digest", verbosity=0)
    return post


def test_the_partner_sees_nothing_about_community_use_anywhere(
    alice, bob, erin, group, moderator, client_for
):
    bob_browser = client_for(bob)
    before = _pages(bob_browser)
    assert len(before) >= 8
    post = _take_part(alice, erin, group, moderator, client_for)
    after = _pages(bob_browser)
    for url in before:
        assert after[url] == before[url], url
    assert not Notification.objects.filter(user=bob).exists()
    assert not any("bob@example.com" in m.to for m in mail.outbox)
    assert [m.to for m in mail.outbox] == [["alice@example.com"]]  # her own digest
    # Bob doesn't even learn Alice joined: his own view of the groups is unchanged.
    assert "You're a member" not in bob_browser.get("/community/").content.decode()
    assert bob_browser.get(f"/community/{group.slug}/posts/{post.pk}/").status_code == 404


def test_the_other_couple_sees_nothing_either(alice, carol, erin, group, moderator, client_for):
    carol_browser = client_for(carol)
    before = _pages(carol_browser)
    _take_part(alice, erin, group, moderator, client_for)
    assert _pages(carol_browser) == before
    assert not Notification.objects.filter(user=carol).exists()


def test_a_partner_in_the_same_group_meets_a_pseudonym_only(
    alice, bob, erin, group, moderator, client_for
):
    post = _take_part(alice, erin, group, moderator, client_for)
    join(bob, group, "Oak Tree")
    browser = client_for(bob)
    pages = [
        f"/community/{group.slug}/",
        f"/community/{group.slug}/posts/{post.pk}/",
        f"/community/{group.slug}/search/?q=baby",
    ]
    for url in pages:
        html = browser.get(url).content.decode()
        assert "Since the baby came" in html or "search" in url
        for secret in ("Alice", "alice@example.com", "alice"):
            assert secret not in html.replace("Willow", ""), (url, secret)


def test_community_pages_never_show_an_account_name_or_email(
    alice, erin, group, moderator, client_for
):
    post = _take_part(alice, erin, group, moderator, client_for)
    profile = CommunityProfile.objects.get(user=alice)
    erin_pages = [
        "/community/",
        f"/community/{group.slug}/",
        f"/community/{group.slug}/posts/{post.pk}/",
        f"/community/{group.slug}/report/post/{post.pk}/",
        f"/community/{group.slug}/report/member/{profile.pk}/",
    ]
    erin_browser = client_for(erin)
    for url in erin_pages:
        html = erin_browser.get(url).content.decode()
        for secret in ("Alice", "alice@example.com", "Erin", "erin@example.com"):
            assert secret not in html, (url, secret)
    mod_pages = [
        f"/community/{group.slug}/moderate/",
        f"/community/{group.slug}/moderate/members/{profile.pk}/",
        f"/community/{group.slug}/posts/{post.pk}/",
    ]
    for url in mod_pages:
        html = client_for(moderator).get(url).content.decode()
        assert "alice@example.com" not in html and "Alice" not in html, url


@pytest.mark.parametrize("discreet", [False, True])
def test_page_titles_name_no_group_for_discreet_members(
    alice, erin, group, moderator, client_for, discreet
):
    post = _take_part(alice, erin, group, moderator, client_for)
    erin.discreet = discreet
    erin.save()
    browser = client_for(erin)
    for url in [f"/community/{group.slug}/", f"/community/{group.slug}/posts/{post.pk}/"]:
        html = browser.get(url).content.decode()
        title = html.split("<title>")[1].split("</title>")[0]
        assert ("New parents" in title) is not discreet, title
        assert ("baby" in title) is not discreet or "posts" not in url
