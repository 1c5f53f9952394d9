"""A corpus of XSS and markup-abuse payloads renders inert everywhere a member can type:
post titles and bodies, replies, community names, search words and report words. Pages are
read with html.parser (helpers.problems): no script but ours, no on* attribute, no
javascript:/data:/vbscript: address, no tag outside the Markdown subset inside a post."""

import pytest
from django.urls import reverse

from nearer.community import markup
from nearer.community.models import CommunityProfile, Post, Reply, Report
from nearer.community.moderate import QUEUE_SHOWN
from nearer.community.tests.conftest import answer, write
from nearer.community.tests.helpers import assert_inert, assert_inert_items, problems
from nearer.community.tests.xss_payloads import PAYLOADS
from nearer.community.views import POSTS_PER_PAGE


def test_the_corpus_is_large_and_varied():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_renderer_alone_makes_nothing_executable(payload):
    html = markup.render(payload)
    wrapped = f'<div class="community-body">{html}</div>'
    assert problems(wrapped) == []


# Payloads go through the pages in chunks: each still gets its own post, reply, thread page,
# searches and report, while the group page and the moderators' queue (20 posts and 50
# reports to a page) are read once a chunk with all of its payloads on them.
CHUNK = POSTS_PER_PAGE
CHUNKS = [
    range(start, min(start + CHUNK, len(PAYLOADS))) for start in range(0, len(PAYLOADS), CHUNK)
]


def _chunk_id(chunk: range) -> str:
    return f"payloads {chunk.start}-{chunk.stop - 1}"


def test_the_chunks_cover_every_payload_once():
    assert [i for chunk in CHUNKS for i in chunk] == list(range(len(PAYLOADS)))
    assert CHUNK <= QUEUE_SHOWN


@pytest.mark.parametrize("chunk", CHUNKS, ids=_chunk_id)
def test_payloads_are_inert_in_posts_replies_search_and_reports(
    chunk, group, alice_in, erin_in, moderator, client_for, settings
):
    settings.NEARER_COMMUNITY_HOURLY = CHUNK  # Alice writes a chunk of posts, Erin of replies
    alice, erin = client_for(alice_in.profile.user), client_for(erin_in.profile.user)
    posts: dict[int, Post] = {}  # payload index: its post
    post_marks: dict[tuple[str, str, str], str] = {}  # a post's link: "payload <index>"
    search = reverse("community_search", args=[group.slug])
    for index in chunk:
        payload, where = PAYLOADS[index], f"payload {index}"
        post = _post_and_reply(index, group, alice_in, erin_in, alice, erin, known=posts)
        posts[index] = post
        thread = reverse("community_post", args=[group.slug, post.pk])
        post_marks[("a", "href", thread)] = where

        assert_inert_items(
            erin.get(thread),
            post_marks,
            where=f"{where}, thread page",
            outside=f"{where}, thread page",
            every=False,
        )
        # Other posts of the chunk may match too: each is read from its own link on.
        for words, page in [(payload[:100], "search"), (payload, "too long a search")]:
            assert_inert_items(
                erin.get(search, {"q": words}),
                post_marks,
                where=f"{where}, {page}",
                outside=f"{where}, {page} (its form)",
                every=False,
            )

    assert_inert_items(
        erin.get(reverse("community_group", args=[group.slug])),
        post_marks,
        where="group page",
        outside="group page, before the first post",
        every=True,
    )

    report_marks: dict[tuple[str, str, str], str] = {}
    for index, post in posts.items():
        report = _report(index, group, post, erin)
        assert Report.objects.count() == len(report_marks) + 1, f"payload {index}"
        report_marks[("li", "id", f"report-{report.pk}")] = f"payload {index}"
    assert_inert_items(
        client_for(moderator).get(reverse("community_queue", args=[group.slug])),
        report_marks,
        where="moderation queue",
        outside="moderation queue, before the first report",
        every=True,
    )


def _post_and_reply(index, group, alice_in, erin_in, alice, erin, *, known) -> Post:
    """Alice posts the payload as title and words, Erin answers with it: one post, one reply."""
    payload, where = PAYLOADS[index], f"payload {index}"
    title = markup.clean_text(payload)[:120].strip() or "Plain title"
    response = alice.post(
        reverse("community_new_post", args=[group.slug]), {"title": title, "body": payload}
    )
    if "\x00" in payload:
        # Forms refuse a NUL character with a gentle message; the words are still stored
        # through the action (which drops it) so the pages are checked too.
        assert response.status_code == 400, where
        assert "couldn&#x27;t be read" in response.content.decode(), where
        assert_inert(response, where)
        post = write(alice_in, title, payload)
        answer(erin_in, post, payload)
    else:
        assert response.status_code == 302, f"{where}: {response.content.decode()[:500]}"
        mine = Post.objects.filter(author=alice_in.profile)
        post = mine.exclude(pk__in=[p.pk for p in known.values()]).get()
        thread = reverse("community_post", args=[group.slug, post.pk])
        response = erin.post(thread + "reply/", {"body": payload[:5000]})
        assert response.status_code == 302, where
    assert "<script" not in post.body_html.lower(), where
    assert Reply.objects.filter(post=post).count() == 1, where
    return post


def _report(index, group, post, erin) -> Report:
    """Erin reports the post with the payload as her words."""
    payload, where = PAYLOADS[index], f"payload {index}"
    report_url = reverse("community_report", args=[group.slug, "post", post.pk])
    response = erin.post(report_url, {"reason": "other", "words": payload[:1000]})
    if "\x00" in payload:
        assert response.status_code == 400, where
        assert_inert(response, f"{where}, report form")
        words = payload.replace("\x00", "")[:1000]
        response = erin.post(report_url, {"reason": "other", "words": words})
    assert response.status_code == 302, where
    return Report.objects.get(post=post)


@pytest.mark.parametrize("chunk", CHUNKS, ids=_chunk_id)
def test_payloads_as_a_community_name_are_refused_and_echoed_inert(chunk, group, erin, client_for):
    browser = client_for(erin)
    for index in chunk:
        where = f"payload {index}"
        response = browser.post(
            reverse("community_join", args=[group.slug]),
            {"name": PAYLOADS[index], "accept": "on"},
        )
        assert response.status_code == 400, where
        assert "Please" in response.content.decode(), where
        assert_inert(response, where)
        # Refused and nothing kept, so the next payload meets the same first-time form.
        assert not CommunityProfile.objects.filter(user=erin).exists(), where


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
