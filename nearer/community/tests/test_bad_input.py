"""Odd input anywhere in the community gets a clear answer and changes nothing; never a 500.

Each test tries every odd value in turn, each as a case of its own: fresh browsers, and what
it changed undone after (a savepoint), so it starts where a test of its own would; a failure
names the value."""

import re
from contextlib import contextmanager

import pytest
from django.db import transaction

from nearer.community.models import ModerationAction, Post, Reaction, Reply, Report
from nearer.community.tests.conftest import answer, join, write

ODD = [
    "",
    " ",
    "\t\n",
    "<script>alert(1)</script>",
    "🙂🙂",
    "十八時",
    "x" * 50_000,
    "' OR 1=1 --",
    "-1",
    "0",
    "99999999999999999999999",
    "1.5",
    "\x00",
    "\u202e\u200b",
    "%00",
    "../../etc/passwd",
]
TOO_LONG_IDS = ["9" * 19, "9223372036854775808", "1" * 40, "99999999999999999999999"]


@contextmanager
def case():
    """One odd value's case: whatever it changes is undone after it, pass or fail."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def named(odd: str) -> str:
    """The odd value for a failure message, cut short when long."""
    return repr(odd) if len(odd) <= 40 else f"{odd[:20]!r}... ({len(odd)} characters)"


@pytest.fixture
def post(alice_in):
    return write(alice_in)


@pytest.fixture
def reply(erin_in, post):
    return answer(erin_in, post)


def id_urls(group, post, reply, profile, *, ids=None):
    ids = ids or {}
    p, r, m = ids.get("post", post.pk), ids.get("reply", reply.pk), ids.get("member", profile.pk)
    base = f"/community/{group.slug}"
    return [
        ("get", f"{base}/posts/{p}/"),
        ("post", f"{base}/posts/{p}/reply/"),
        ("post", f"{base}/posts/{p}/react/"),
        ("post", f"{base}/replies/{r}/react/"),
        ("get", f"{base}/report/post/{p}/"),
        ("get", f"{base}/report/reply/{r}/"),
        ("get", f"{base}/report/member/{m}/"),
        ("post", f"{base}/moderate/posts/{p}/"),
        ("post", f"{base}/moderate/replies/{r}/"),
        ("get", f"{base}/moderate/members/{m}/"),
        ("post", f"{base}/moderate/reports/{p}/close/"),
        ("get", f"/updates/{r}/"),
    ]


def test_ids_too_long_for_64_bits_are_a_404(group, post, reply, alice_in, moderator, client_for):
    for odd in TOO_LONG_IDS:
        with case():
            for user in (alice_in.profile.user, moderator):
                browser = client_for(user)
                for method, url in id_urls(
                    group,
                    post,
                    reply,
                    alice_in.profile,
                    ids={"post": odd, "reply": odd, "member": odd},
                ):
                    response = getattr(browser, method)(url, {"kind": "helped"})
                    assert response.status_code == 404, (named(odd), user.display_name, url)


def test_ids_that_exist_nowhere_are_a_404(group, post, reply, alice_in, moderator, client_for):
    for odd in ["999999999999999999", "0", "123456"]:
        with case():
            browser = client_for(moderator)
            for method, url in id_urls(
                group, post, reply, alice_in.profile, ids={"post": odd, "reply": odd, "member": odd}
            ):
                assert getattr(browser, method)(url).status_code == 404, (named(odd), url)


def test_ids_from_another_group_are_a_404(group, other_group, alice, erin, moderator, client_for):
    there = join(alice, other_group, "Willow")
    theirs = write(there, "Elsewhere", "x")
    only_there = join(erin, other_group, "Harbour")
    their_reply = answer(only_there, theirs)
    here = join(alice, group, "ignored name")  # Alice is in both; the ids still belong there
    browser = client_for(alice)
    for method, url in id_urls(group, theirs, their_reply, only_there.profile)[:7]:
        assert getattr(browser, method)(url, {"kind": "helped", "body": "x"}).status_code == 404
    for method, url in id_urls(group, theirs, their_reply, only_there.profile)[7:11]:
        assert getattr(client_for(moderator), method)(url).status_code == 404, url
    assert not Reaction.objects.exists() and Reply.objects.count() == 1
    assert not Report.objects.exists() and not ModerationAction.objects.exists()
    assert here.is_active


def test_odd_group_addresses_are_a_404(erin, client_for):
    for odd in ["<b>", "x" * 3000, "..", "new parents", "me%20too"]:
        with case():
            assert client_for(erin).get(f"/community/{odd}/").status_code == 404, named(odd)


def test_odd_page_positions_show_the_first_page_kindly(group, post, reply, erin_in, client_for):
    for odd in ODD:
        with case():
            browser = client_for(erin_in.profile.user)
            for url in [f"/community/{group.slug}/", f"/community/{group.slug}/posts/{post.pk}/"]:
                for key in ("before", "after"):
                    response = browser.get(url, {key: odd})
                    assert response.status_code == 200, (named(odd), url, key)
                    if odd.strip() and not re.fullmatch(r"[0-9.]+", odd):
                        html = response.content.decode()
                        assert "looked unusual" in html, (named(odd), url, key)
            search = f"/community/{group.slug}/search/"
            response = browser.get(search, {"q": "words", "before": odd})
            assert response.status_code == 200, (named(odd), search)


def test_page_positions_out_of_range_are_not_a_500(group, erin_in, client_for):
    for cursor in ["99999999999999999.1", "1.99999999999999999999", "0.0", "1." + "9" * 19]:
        with case():
            browser = client_for(erin_in.profile.user)
            response = browser.get(f"/community/{group.slug}/", {"before": cursor})
            assert response.status_code == 200, named(cursor)


def test_odd_posts_get_a_clear_message_and_nothing_is_lost(group, alice_in, client_for):
    for odd in ODD:
        with case():
            browser = client_for(alice_in.profile.user)
            response = browser.post(f"/community/{group.slug}/new/", {"title": odd, "body": odd})
            if response.status_code == 302:
                # An odd but real post, like "🙂🙂" or "-1".
                assert Post.objects.count() == 1, named(odd)
                continue
            assert response.status_code == 400, named(odd)
            html = response.content.decode()
            assert "Please" in html, named(odd)
            assert not Post.objects.exists(), named(odd)


def test_an_overlong_post_keeps_its_words_in_the_box(group, alice_in, client_for):
    words = "I have a lot to say." * 600
    response = client_for(alice_in.profile.user).post(
        f"/community/{group.slug}/new/", {"title": "Long", "body": words}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please keep your post to 10,000 characters or fewer (this has 12000)." in html
    assert words in html
    assert not Post.objects.exists()


def test_odd_replies_get_a_clear_message(group, post, erin_in, client_for):
    url = f"/community/{group.slug}/posts/{post.pk}/reply/"
    for odd in ODD:
        with case():
            response = client_for(erin_in.profile.user).post(url, {"body": odd})
            if response.status_code == 302:
                assert Reply.objects.count() == 1, named(odd)
                continue
            assert response.status_code == 400, named(odd)
            assert "Please" in response.content.decode(), named(odd)
            assert not Reply.objects.exists(), named(odd)


def test_odd_reactions_reports_and_steps_change_nothing(
    group, post, reply, alice_in, erin_in, moderator, client_for
):
    base = f"/community/{group.slug}"
    for odd in ODD:
        with case():
            erin = client_for(erin_in.profile.user)
            response = erin.post(f"{base}/posts/{post.pk}/react/", {"kind": odd})
            assert response.status_code == 302, (named(odd), "reaction")
            response = erin.post(f"{base}/report/post/{post.pk}/", {"reason": odd})
            assert response.status_code == 400, (named(odd), "report")
            mod = client_for(moderator)
            response = mod.post(f"{base}/moderate/posts/{post.pk}/", {"action": odd, "reason": odd})
            assert response.status_code == 302, (named(odd), "step on a post")
            response = mod.post(
                f"{base}/moderate/members/{alice_in.profile.pk}/",
                {"action": odd, "reason": odd, "until": odd},
            )
            assert response.status_code == 400, (named(odd), "step on a member")
            assert "Please" in response.content.decode(), (named(odd), "step on a member")
            assert not Reaction.objects.exists() and not Report.objects.exists(), named(odd)
            assert not ModerationAction.objects.exists(), named(odd)


def test_odd_join_and_profile_input_gets_a_clear_message(group, erin, client_for):
    for odd in ODD:
        with case():
            browser = client_for(erin)
            response = browser.post(f"/community/{group.slug}/join/", {"name": odd, "accept": odd})
            if response.status_code == 302:
                continue  # "🙂🙂" and friends are refused below; real names may pass
            assert response.status_code == 400, named(odd)
            assert "Please" in response.content.decode(), named(odd)


def test_get_where_a_post_is_needed_is_refused(group, post, reply, alice_in, client_for):
    browser = client_for(alice_in.profile.user)
    for url in [
        f"/community/{group.slug}/posts/{post.pk}/reply/",
        f"/community/{group.slug}/posts/{post.pk}/react/",
        f"/community/{group.slug}/leave/",
    ]:
        assert browser.get(url).status_code == 405, url
