"""A group page and a thread cost the same few indexed queries whatever the group's size:
3 posts or 300, the first page or one far back. No COUNT over the group, no OFFSET."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nearer.community import markup
from nearer.community.models import Post, Reaction, Reply, State
from nearer.community.paging import time_cursor

MOST = 9  # session, user, group (with the reader's moderator role), membership, rows, extras


def bulk_posts(membership, count: int, *, start=None) -> list[Post]:
    start = start or timezone.now() - timedelta(days=30)
    rows = [
        Post(
            group=membership.group,
            author=membership.profile,
            title=f"Thread {i}",
            body=f"Words {i}",
            body_html=markup.render(f"Words {i}"),
            search_text=f"thread {i}\nwords {i}",
            state=State.HIDDEN if i % 10 == 9 else State.VISIBLE,
            created_at=start + timedelta(minutes=i),
            last_activity_at=start + timedelta(minutes=i),
            reply_count=i % 7,
        )
        for i in range(count)
    ]
    return Post.objects.bulk_create(rows)


def bulk_replies(membership, post: Post, count: int) -> list[Reply]:
    rows = [
        Reply(
            post=post,
            group=post.group,
            author=membership.profile,
            body=f"reply {i}",
            body_html=f"<p>reply {i}</p>",
            state=State.VISIBLE,
            published_at=timezone.now(),
        )
        for i in range(count)
    ]
    return Reply.objects.bulk_create(rows)


def count_queries(browser, url: str, **params) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = browser.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]


def test_the_group_page_costs_the_same_for_3_posts_or_300_and_far_back(
    alice_in, erin_in, group, client_for
):
    browser = client_for(erin_in.profile.user)
    url = f"/community/{group.slug}/"
    bulk_posts(alice_in, 3)
    small, _ = count_queries(browser, url)
    bulk_posts(alice_in, 300, start=timezone.now() - timedelta(days=60))
    large, sql = count_queries(browser, url)
    oldest = Post.objects.order_by("last_activity_at").first()
    far, far_sql = count_queries(
        browser, url, before=time_cursor(oldest.last_activity_at + timedelta(minutes=25), 10**9)
    )
    assert small == large == far <= MOST
    for statement in sql + far_sql:
        assert "COUNT(" not in statement.upper(), statement
        assert "OFFSET" not in statement.upper(), statement


def test_a_thread_costs_the_same_for_3_replies_or_300_and_a_late_page(
    alice_in, erin_in, group, client_for
):
    post = bulk_posts(alice_in, 1)[0]
    browser = client_for(erin_in.profile.user)
    url = f"/community/{group.slug}/posts/{post.pk}/"
    replies = bulk_replies(alice_in, post, 3)
    Reaction.objects.create(profile=erin_in.profile, kind="helped", reply=replies[0])
    small, _ = count_queries(browser, url)
    more = bulk_replies(alice_in, post, 300)
    large, _ = count_queries(browser, url)
    late, sql = count_queries(browser, url, after=more[200].pk)
    assert small == large == late <= MOST
    assert not any("COUNT(" in s.upper() or "OFFSET" in s.upper() for s in sql)


def test_search_costs_the_same_few_queries_however_many_match(alice_in, erin_in, group, client_for):
    browser = client_for(erin_in.profile.user)
    url = f"/community/{group.slug}/search/"
    bulk_posts(alice_in, 3)
    small, _ = count_queries(browser, url, q="thread")
    bulk_posts(alice_in, 300)
    large, _ = count_queries(browser, url, q="thread")
    assert small == large <= MOST


def test_the_queue_costs_the_same_for_a_few_or_many_waiting(
    alice_in, erin_in, group, moderator, client_for
):
    browser = client_for(moderator)
    url = f"/community/{group.slug}/moderate/"
    bulk_posts(alice_in, 20)
    small, _ = count_queries(browser, url)
    bulk_posts(alice_in, 300)
    large, _ = count_queries(browser, url)
    assert small == large <= 12


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner, read directly")
def test_the_group_page_reads_through_the_feed_index(alice_in, group):
    bulk_posts(alice_in, 50)
    at = timezone.now()
    queryset = Post.objects.filter(
        group=group, state=State.VISIBLE, last_activity_at__lte=at
    ).order_by("-last_activity_at", "-pk")[:21]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "community_post_feed" in plan, plan
    assert "TEMP B-TREE" not in plan.upper(), plan  # no sort: the index gives the order
