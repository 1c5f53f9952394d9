"""The Community Group in real Chromium: Alice joins "New parents" (the code of conduct and a
community name), writes a post that a moderator lets through, Erin replies, Alice finds the
reply from its notification, Erin lets a moderator know about the post in the short flow,
and Sky, the group's moderator, hides it from the queue: it is gone for Erin and still
there, marked, for Alice.

On the way, everything people type carries script payloads (the post's title and words, the
reply, the report's words, a community name): each page must show them as text. A page that
runs any of them sets ``window.__xss`` or opens a dialog, and the test fails. The group,
thread, queue, join and report pages are checked with axe-core.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_member
from nearer.community import actions, names
from nearer.community.models import Group, Moderator, Post, Report, State
from nearer.reminders.models import Notification

pytestmark = pytest.mark.e2e

SCRIPT = "<script>window.__xss=1</script>"
IMG = "<img src=x onerror=window.__xss=1>"
ALERT = "<img src=x onerror=alert(document.domain)>"
JS_LINK = "[a gentle link](javascript:window.__xss=1)"
SHOUTED_LINK = "[another link](JAVASCRIPT:alert(1))"

TITLE = f"{SCRIPT}Tea after bedtime"
BODY = (
    "We found ten minutes with tea *after* bedtime, phones away.\n\n"
    f"{IMG} {ALERT}\n\n"
    f"{JS_LINK} and {SHOUTED_LINK}\n\n"
    '"><svg onload=window.__xss=1>'
)
REPLY = f"Ten minutes counts. {SCRIPT} We do the same on Sundays. {IMG}"
REPORT_WORDS = f"It reads oddly to me. {IMG}"
# Names up to 30 characters, so they reach the check on which characters a name may use.
BAD_NAMES = ["<svg onload=window.__xss=1>", '"><script>__xss=1</script>']
NAME = "Willow's Lantern"
OUR_SCRIPTS = ("/static/nearer/quick-exit.js", "/static/vendor/htmx-2.0.11.min.js")


def watch(page: Page) -> list[str]:
    """Record any dialog a page opens (alert, confirm, prompt): none may ever open."""
    dialogs: list[str] = []

    def seen(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message} on {page.url}")
        dialog.dismiss()

    page.on("dialog", seen)
    return dialogs


def assert_inert(page: Page, dialogs: list[str]) -> None:
    """Nothing anyone typed became markup that runs, on the page as the browser built it."""
    page.wait_for_load_state("load")  # images (and their onerror) have been tried by now
    assert page.evaluate("typeof window.__xss") == "undefined", f"window.__xss set on {page.url}"
    assert not dialogs, f"A dialog opened: {dialogs}"
    found = page.evaluate(
        """(ours) => {
          const bad = [];
          for (const s of document.scripts) {
            const src = s.getAttribute("src") || "";
            if (!ours.some((path) => src.startsWith(path))) bad.push(s.outerHTML.slice(0, 80));
          }
          for (const el of document.querySelectorAll("img, iframe, object, embed")) {
            bad.push(el.outerHTML.slice(0, 80));
          }
          for (const el of document.querySelectorAll("*")) {
            for (const attr of el.attributes) {
              if (attr.name.startsWith("on")) bad.push(`${el.tagName} ${attr.name}`);
            }
          }
          for (const a of document.querySelectorAll("a[href]")) {
            if (!/^(https?:|mailto:)/i.test(a.href)) bad.push(`link to ${a.href}`);
          }
          return bad;
        }""",
        list(OUR_SCRIPTS),
    )
    assert not found, f"Live markup on {page.url}: {found}"


def click_words(page: Page, scope, words: str) -> None:
    """A real mouse click on the exact words, where a link made from them would be."""
    box = scope.evaluate(
        """(el, words) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            const r = range.getClientRects()[0];
            return {x: r.x + r.width / 2, y: r.y + r.height / 2};
          }
          return null;
        }""",
        words,
    )
    assert box is not None, f"{words!r} is not on {page.url}"
    page.mouse.click(box["x"], box["y"])


def test_the_xss_check_catches_a_payload_that_runs(logged_in_page, erin, live_server):
    """The control: had a payload reached the page, each part of the check would catch it,
    so its passing in the journey below means something."""
    page = logged_in_page(erin)
    dialogs = watch(page)
    url = f"{live_server.url}/community/"
    page.goto(url)
    assert_inert(page, dialogs)

    page.evaluate("document.body.insertAdjacentHTML('beforeend', `" + IMG + "`)")
    page.wait_for_function("window.__xss === 1")
    with pytest.raises(AssertionError, match=r"window\.__xss set"):
        assert_inert(page, dialogs)

    page.goto(url)
    with page.expect_event("dialog"):
        page.evaluate("document.body.insertAdjacentHTML('beforeend', `" + ALERT + "`)")
    with pytest.raises(AssertionError, match="A dialog opened"):
        assert_inert(page, dialogs)

    dialogs.clear()
    page.goto(url)
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        '\'<p><a href="javascript:void(0)">a link</a> <b onmouseover="void(0)">x</b></p>\')'
    )
    with pytest.raises(AssertionError, match="Live markup") as caught:
        assert_inert(page, dialogs)
    assert "link to javascript:void(0)" in str(caught.value)
    assert "B onmouseover" in str(caught.value)


def test_a_member_joins_posts_gets_a_reply_and_a_moderator_hides_the_post(
    alice, erin, logged_in_page, assert_accessible, live_server
):
    now = timezone.now()
    for member in (alice, erin):
        member.welcomed_at = now
        member.save(update_fields=["welcomed_at"])
    group = Group.objects.get(slug="new-parents")
    # Erin has been in the group a while: her words no longer wait for a first look.
    erin_in = actions.join_group(
        user=erin, group=group, now=now, name=names.validate("Harbour Light", user=erin)
    )
    erin_in.profile.approved_count = 5
    erin_in.profile.save(update_fields=["approved_count"])
    # Sky moderates New parents: an operator grants the role in admin, as a Moderator row.
    sky = make_member("sky@example.com", "Sky")
    Moderator.objects.create(group=group, user=sky)
    base = live_server.url

    # Alice finds the group and joins: the code of conduct, then a community name.
    alice_page = logged_in_page(alice)
    alice_dialogs = watch(alice_page)
    alice_page.goto(f"{base}/community/")
    expect(alice_page.get_by_role("heading", level=1)).to_have_text("Community groups")
    alice_page.get_by_role("link", name="Join New parents").click()
    expect(alice_page.get_by_role("heading", level=1)).to_have_text("Join New parents")
    expect(alice_page.get_by_role("heading", name="How we look after each other")).to_be_visible()
    assert_accessible(alice_page)
    name_box = alice_page.get_by_label("Your community name")
    for bad in BAD_NAMES:  # refused, and shown back as text in the box
        name_box.fill(bad)
        alice_page.get_by_label("I'll keep to this code of conduct").check()
        alice_page.get_by_role("button", name="Join New parents").click()
        expect(alice_page.get_by_role("alert")).to_contain_text("Please use letters, numbers")
        expect(name_box).to_have_value(bad)
        assert_inert(alice_page, alice_dialogs)
    assert_accessible(alice_page)
    name_box.fill(NAME)
    alice_page.get_by_label("I'll keep to this code of conduct").check()
    alice_page.get_by_role("button", name="Join New parents").click()
    expect(alice_page.get_by_role("heading", level=1)).to_have_text("New parents")
    expect(alice_page.locator(".messages")).to_contain_text("Welcome to New parents.")
    assert_accessible(alice_page)

    # She writes her first post: a moderator reads a new member's first words first.
    alice_page.get_by_role("link", name="Write a post").click()
    expect(alice_page.get_by_text(f"You'll appear as {NAME}.")).to_be_visible()
    alice_page.get_by_label("A short title").fill(TITLE)
    alice_page.get_by_label("What would you like to share?").fill(BODY)
    alice_page.get_by_role("button", name="Post to New parents").click()
    expect(alice_page.locator(".messages")).to_contain_text("Because you're new here")
    expect(alice_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(alice_page.locator("#post")).to_contain_text("Only you can see this for now.")
    post = Post.objects.get(author__user=alice)
    assert post.state == State.HELD
    thread_url = f"{base}/community/new-parents/posts/{post.pk}/"
    assert alice_page.url == thread_url
    assert_inert(alice_page, alice_dialogs)

    # Sky lets it through from the queue.
    sky_page = logged_in_page(sky)
    sky_dialogs = watch(sky_page)
    sky_page.goto(f"{base}/community/new-parents/moderate/")
    expect(sky_page.get_by_role("heading", level=1)).to_have_text("Moderation queue: New parents")
    held = sky_page.locator(f"#queue-post-{post.pk}")
    expect(held.get_by_role("heading", level=3)).to_have_text(TITLE)
    assert_inert(sky_page, sky_dialogs)
    assert_accessible(sky_page)
    held.get_by_role("button", name="Let it through").click()
    expect(sky_page.locator(".messages")).to_contain_text("Let through. Others can read it now.")
    expect(sky_page.get_by_role("heading", name="Waiting for a first look (0)")).to_be_visible()

    # Erin sees it in the group, every payload shown as the words that were typed.
    erin_page = logged_in_page(erin)
    erin_dialogs = watch(erin_page)
    erin_page.goto(f"{base}/community/new-parents/")
    expect(erin_page.get_by_role("heading", level=1)).to_have_text("New parents")
    listed = erin_page.get_by_role("link", name=TITLE)
    expect(listed).to_contain_text(f"by {NAME}")
    assert_inert(erin_page, erin_dialogs)
    assert_accessible(erin_page)
    listed.click()
    expect(erin_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    body = erin_page.locator("#post .community-body")
    for typed in (IMG, ALERT, JS_LINK, SHOUTED_LINK, '"><svg onload=window.__xss=1>'):
        expect(body).to_contain_text(typed)
    expect(body.locator("em")).to_have_text("after")  # the Markdown subset still works
    assert_inert(erin_page, erin_dialogs)
    # Clicking where a link would be runs nothing and goes nowhere.
    click_words(erin_page, body, "a gentle link")
    click_words(erin_page, body, "another link")
    assert erin_page.url == thread_url
    assert_inert(erin_page, erin_dialogs)
    assert_accessible(erin_page)

    # She replies.
    erin_page.get_by_role("textbox", name="Your reply").fill(REPLY)
    erin_page.get_by_role("button", name="Send reply").click()
    expect(erin_page.locator(".messages")).to_contain_text("Thank you for your reply.")
    reply = erin_page.locator(".community-reply").filter(has_text="Ten minutes counts.")
    expect(reply).to_contain_text(SCRIPT)
    expect(reply).to_contain_text(IMG)
    assert_inert(erin_page, erin_dialogs)

    # Alice finds the reply from its notification on Today.
    alice_page.goto(f"{base}/today/")
    note = alice_page.locator("#notifications").get_by_role(
        "link", name=re.compile("Harbour Light replied to your post")
    )
    expect(note).to_contain_text(SCRIPT)  # the title, as text
    assert_inert(alice_page, alice_dialogs)
    note.click()
    expect(alice_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    reply = alice_page.locator(".community-reply").filter(has_text="Ten minutes counts.")
    expect(reply).to_contain_text("Harbour Light")
    expect(reply).to_be_in_viewport()
    assert re.search(r"#reply-\d+$", alice_page.url), alice_page.url
    assert_inert(alice_page, alice_dialogs)
    assert Notification.objects.filter(user=alice).count() == 1  # one reply, one note

    # Erin lets a moderator know about the post: one reason, a few words, sent.
    erin_page.goto(thread_url)
    erin_page.locator("#post").get_by_role("link", name="Let a moderator know").click()
    expect(erin_page.get_by_role("heading", level=1)).to_have_text("Let a moderator know")
    assert_accessible(erin_page)
    erin_page.get_by_label("It feels unkind or hurtful").check()
    erin_page.get_by_label(re.compile("Anything you'd like the moderators to know")).fill(
        REPORT_WORDS
    )
    erin_page.get_by_role("button", name="Send to the moderators").click()
    expect(erin_page.locator(".messages")).to_contain_text("Thank you for letting us know.")
    assert erin_page.url == thread_url
    report = Report.objects.get(post=post)
    assert report.resolved_at is None

    # Sky hides the post from the queue's report.
    sky_page.goto(f"{base}/community/new-parents/moderate/")
    expect(sky_page.get_by_role("heading", name="Reports (1)")).to_be_visible()
    item = sky_page.locator(f"#report-{report.pk}")
    expect(item).to_contain_text("It feels unkind or hurtful")
    expect(item).to_contain_text(REPORT_WORDS)
    expect(item.locator(".community-body")).to_contain_text(IMG)
    assert_inert(sky_page, sky_dialogs)
    assert_accessible(sky_page)
    item.get_by_label("Why (kept in the log)").fill("Not kind to the group.")
    item.get_by_role("button", name="Hide").click()
    expect(sky_page.locator(".messages")).to_contain_text("Hidden. Only its author")
    expect(sky_page.get_by_role("heading", name="Reports (0)")).to_be_visible()
    expect(sky_page.locator(f"#queue-post-{post.pk}")).to_contain_text(TITLE)  # recently hidden
    assert_inert(sky_page, sky_dialogs)
    assert_accessible(sky_page)
    post.refresh_from_db()
    assert post.state == State.HIDDEN

    # Gone for Erin: not in the group, and its address finds nothing.
    erin_page.goto(f"{base}/community/new-parents/")
    expect(erin_page.get_by_role("heading", level=1)).to_have_text("New parents")
    expect(erin_page.get_by_text("Tea after bedtime")).to_have_count(0)
    response = erin_page.goto(thread_url)
    assert response.status == 404
    expect(erin_page.get_by_text("Ten minutes counts.")).to_have_count(0)

    # Still there for Alice, marked as hidden, with her reply from Erin beside it.
    alice_page.goto(f"{base}/community/new-parents/")
    waiting = alice_page.get_by_role("region", name="Your posts only you can see for now")
    expect(waiting).to_contain_text(TITLE)
    expect(waiting).to_contain_text("hidden by a moderator")
    assert_inert(alice_page, alice_dialogs)
    assert_accessible(alice_page)
    waiting.get_by_role("link", name=TITLE).click()
    expect(alice_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(alice_page.locator("#post")).to_contain_text("A moderator has hidden this")
    expect(alice_page.locator("#post .community-body")).to_contain_text(IMG)
    assert_inert(alice_page, alice_dialogs)
    assert_accessible(alice_page)
