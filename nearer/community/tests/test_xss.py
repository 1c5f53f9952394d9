"""A corpus of XSS and markup-abuse payloads renders inert everywhere a member can type:
post titles and bodies, replies, community names, search words and report words. Pages are
read with html.parser (helpers.problems): no script but ours, no on* attribute, no
javascript:/data:/vbscript: address, no tag outside the Markdown subset inside a post."""

import pytest
from django.urls import reverse

from nearer.community import markup
from nearer.community.models import Post, Reply, Report
from nearer.community.tests.conftest import answer, write
from nearer.community.tests.helpers import assert_inert, problems
from nearer.community.tests.xss_payloads import PAYLOADS


def test_the_corpus_is_large_and_varied():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_renderer_alone_makes_nothing_executable(payload):
    html = markup.render(payload)
    wrapped = f'<div class="community-body">{html}</div>'
    assert problems(wrapped) == []


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_a_payload_is_inert_in_posts_replies_search_and_reports(
    payload, group, alice_in, erin_in, moderator, client_for
):
    alice, erin = alice_in.profile.user, erin_in.profile.user
    browser = client_for(alice)
    title = markup.clean_text(payload)[:120].strip() or "Plain title"
    response = browser.post(
        reverse("community_new_post", args=[group.slug]), {"title": title, "body": payload}
    )
    erin_browser = client_for(erin)
    if "\x00" in payload:
        # Forms refuse a NUL character with a gentle message; the words are still stored
        # through the action (which drops it) so the pages below are checked too.
        assert response.status_code == 400
        assert "couldn&#x27;t be read" in response.content.decode()
        assert_inert(response)
        post = write(alice_in, title, payload)
        answer(erin_in, post, payload)
        thread = reverse("community_post", args=[group.slug, post.pk])
    else:
        assert response.status_code == 302, response.content.decode()[:500]
        post = Post.objects.get(author=alice_in.profile)
        thread = reverse("community_post", args=[group.slug, post.pk])
        response = erin_browser.post(thread + "reply/", {"body": payload[:5000]})
        assert response.status_code == 302
    assert "<script" not in post.body_html.lower()
    assert Reply.objects.filter(post=post).count() == 1

    assert_inert(erin_browser.get(thread))
    assert_inert(erin_browser.get(reverse("community_group", args=[group.slug])))
    search = reverse("community_search", args=[group.slug])
    assert_inert(erin_browser.get(search, {"q": payload[:100]}))
    assert_inert(erin_browser.get(search, {"q": payload}))  # too long: an error, echoed safely

    report_url = reverse("community_report", args=[group.slug, "post", post.pk])
    response = erin_browser.post(report_url, {"reason": "other", "words": payload[:1000]})
    if "\x00" in payload:
        assert response.status_code == 400
        assert_inert(response)
        words = payload.replace("\x00", "")[:1000]
        response = erin_browser.post(report_url, {"reason": "other", "words": words})
    assert response.status_code == 302
    assert Report.objects.count() == 1
    assert_inert(client_for(moderator).get(reverse("community_queue", args=[group.slug])))


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_a_payload_as_a_community_name_is_refused_and_echoed_inert(
    payload, group, erin, client_for
):
    browser = client_for(erin)
    response = browser.post(
        reverse("community_join", args=[group.slug]), {"name": payload, "accept": "on"}
    )
    assert response.status_code == 400
    assert "Please" in response.content.decode()
    assert_inert(response)


def test_a_title_too_long_comes_back_inert_with_a_clear_message(group, alice_in, client_for):
    payload = "<script>alert(1)</script>" * 10
    response = client_for(alice_in.profile.user).post(
        reverse("community_new_post", args=[group.slug]), {"title": payload, "body": payload}
    )
    assert response.status_code == 400
    assert "Please keep the title to 120 characters or fewer" in response.content.decode()
    assert_inert(response)


def test_a_moderator_note_with_markup_shows_as_words(group, alice_in, moderator, client_for):
    browser = client_for(moderator)
    url = reverse("community_moderate_member", args=[group.slug, alice_in.profile.pk])
    browser.post(url, {"action": "warn", "reason": "<img src=x onerror=alert(1)> please"})
    alice = client_for(alice_in.profile.user)
    assert_inert(alice.get(reverse("community_notes")))
    assert_inert(alice.get(reverse("notifications")))
    assert_inert(browser.get(url))


def test_safe_markdown_still_works_after_sanitising():
    html = markup.render("Hi *you* and **all**\n\n- [a link](https://example.org/x?y=1&z=2)")
    assert "<em>you</em>" in html and "<strong>all</strong>" in html
    assert '<a href="https://example.org/x?y=1&amp;z=2" rel="nofollow noopener ugc">' in html
