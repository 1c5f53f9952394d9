"""Neighbor Chat in two real Chromium pages: a member asks for a chat, a listener accepts,
they talk in real time, the member ends the chat and says how it went. And without
WebSocket, the page's fallback still carries every message.

The pages come from a real ASGI server process (the ``chat_server`` fixture in conftest.py:
uvicorn serving nearer.asgi, on a database of its own); its people are made by
bench/chat_seed.py and logged in by cookie.
"""

import json
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

NO_RELOAD = "window.__stillTheSamePage"
# What one page does shows in the other within this long (the fallback polls every 3 s).
ACROSS_MS = 10_000
# static/chat/chat.js asks for new messages this often when it has no WebSocket. The fallback
# journey moves the page's clock on (Playwright's page.clock) rather than waiting it out.
POLL_MS = 3000


def mark_page(page: Page) -> None:
    """Set a flag that a reload would wipe, to show what follows arrives without one."""
    page.evaluate(f"{NO_RELOAD} = true")


def not_reloaded(page: Page) -> bool:
    return page.evaluate(f"{NO_RELOAD} === true")


def transcript(page: Page):
    return page.locator("[data-transcript]")


def write(page: Page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()


def write_and_wait_for_the_server(page: Page, text: str) -> None:
    """Write without a WebSocket: the page POSTs the message; wait until the server answers."""
    with page.expect_response(lambda r: r.request.method == "POST" and "/send/" in r.url):
        write(page, text)


def test_a_member_and_a_listener_talk_in_real_time_and_the_member_leaves_feedback(
    chat_site, chat_page, assert_accessible
):
    people = chat_site.people()

    # The member asks for a chat: it is not a crisis service, and help is one link away.
    member = chat_page(people["member_session"])
    member_sockets = []
    member.on("websocket", lambda ws: member_sockets.append(ws.url))
    member.goto("/chat/")
    expect(member.get_by_role("heading", level=1)).to_have_text("Talk with a listener")
    expect(member.get_by_role("note")).to_contain_text("Neighbor Chat is not a crisis service")
    help_link = member.get_by_role("note").get_by_role("link", name="find real help now")
    expect(help_link).to_have_attribute("href", re.compile(r"/too-hard/#help$"))
    assert_accessible(member)
    member.get_by_label(re.compile("What's on your mind")).fill("Feeling far apart lately")
    member.get_by_role("button", name="Ask for a chat").click()

    # They wait in the queue.
    expect(member.get_by_role("heading", level=1)).to_have_text("Waiting for a listener")
    expect(member.get_by_role("heading", name="You're in the queue")).to_be_visible()
    expect(member.get_by_role("note")).to_contain_text("not a crisis service")
    assert_accessible(member)
    mark_page(member)

    # The listener sets themself available and accepts.
    listener = chat_page(people["listener_session"])
    listener_pages = []  # every page and frame the listener got, to look for the member
    listener.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: listener_pages.append(str(payload))),
    )
    listener.goto("/listen/")
    expect(listener.get_by_text("You're away.")).to_be_visible()
    assert_accessible(listener)
    listener.get_by_role("button", name="Set me available").click()
    expect(listener.get_by_text("You're available.", exact=False).first).to_be_visible()
    queue = listener.locator("#queue")
    expect(queue).to_contain_text("Feeling far apart lately")
    listener_pages.append(listener.content())
    pseudonym = queue.locator("strong").first.inner_text()
    assert re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+ \d\d", pseudonym), pseudonym
    assert_accessible(listener)
    queue.get_by_role("button", name="Accept").click()
    expect(listener.get_by_role("heading", level=1)).to_have_text(f"Listening to {pseudonym}")
    listener_pages.append(listener.content())
    assert_accessible(listener)

    # The member's page notices by itself and opens the chat.
    expect(member.get_by_role("heading", level=1)).to_have_text(
        f"Talking with {people['listener_pseudonym']}", timeout=ACROSS_MS
    )
    expect(member.locator("[data-transcript]")).to_contain_text("has joined")
    assert_accessible(member)

    # They talk, both ways, and each message appears in the other page without a reload.
    mark_page(member)
    mark_page(listener)
    write(member, "Hi. It has been a hard few weeks at home.")
    expect(transcript(listener)).to_contain_text(
        "It has been a hard few weeks at home.", timeout=ACROSS_MS
    )
    write(listener, "Thank you for telling me. I'm here, take your time.")
    expect(transcript(member)).to_contain_text("I'm here, take your time.", timeout=ACROSS_MS)
    write(member, "We hardly talk any more.")
    expect(transcript(listener)).to_contain_text("We hardly talk any more.", timeout=ACROSS_MS)
    assert not_reloaded(member) and not_reloaded(listener)
    # The member's own messages are shown as theirs, once each, in order.
    mine = member.locator("[data-transcript] li.chat-mine .chat-body")
    expect(mine).to_have_text(
        ["Hi. It has been a hard few weeks at home.", "We hardly talk any more."]
    )
    expect(listener.locator("[data-transcript] .chat-from-member .chat-body")).to_have_count(2)
    assert member_sockets, "the member's page talked over a WebSocket"
    assert_accessible(member)
    assert_accessible(listener)

    # The listener never sees who the member is: not their name, not their email.
    listener_pages.append(listener.content())
    assert any("We hardly talk any more." in frame for frame in listener_pages)
    for html in listener_pages:
        assert people["member_name"] not in html
        assert people["member_email"] not in html
        assert people["member_email"].split("@")[0] not in html

    # The member ends the chat and says how it went; the listener's page follows.
    member.get_by_role("button", name="End the chat").click()
    expect(member.get_by_role("heading", name="This chat has ended")).to_be_visible()
    expect(listener.get_by_role("heading", name="This chat has ended")).to_be_visible(
        timeout=ACROSS_MS
    )
    assert_accessible(member)
    member.get_by_label("Yes", exact=True).check()
    member.get_by_label(re.compile("Anything else you'd like to tell us")).fill(
        "It helped to be heard."
    )
    member.get_by_role("button", name="Send feedback").click()
    expect(member.get_by_text("Thank you for your feedback.")).to_be_visible()
    assert_accessible(member)
    listener_pages.append(listener.content())
    assert "It helped to be heard." not in listener_pages[-1]


def test_without_websocket_the_pages_fall_back_and_still_deliver_every_message(
    chat_site, chat_page, assert_accessible
):
    chat = chat_site.seed(1)[0]
    pages, sockets = [], []
    for session in (chat["member_session"], chat["listener_session"]):
        page = chat_page(session)
        page.add_init_script("delete window.WebSocket;")
        page.clock.install()
        page.on("websocket", lambda ws: sockets.append(ws.url))
        page.goto(f"/chat/{chat['id']}/")
        assert page.evaluate("typeof window.WebSocket") == "undefined"
        expect(page.locator("[data-chat-status]")).to_contain_text(
            "new messages are checked every few seconds"
        )
        mark_page(page)
        pages.append(page)
    member, listener = pages
    assert_accessible(member)

    write_and_wait_for_the_server(member, "Can you hear me without the live connection?")
    listener.clock.run_for(POLL_MS)  # the listener's page asks for new messages
    expect(transcript(listener)).to_contain_text(
        "Can you hear me without the live connection?", timeout=ACROSS_MS
    )
    write_and_wait_for_the_server(listener, "Yes, every word.")
    member.clock.run_for(POLL_MS)
    expect(transcript(member)).to_contain_text("Yes, every word.", timeout=ACROSS_MS)
    # Once each, and the sender's own message is no longer waiting to be sent.
    expect(member.locator("[data-transcript] .chat-body")).to_have_text(
        [
            re.compile("has joined"),
            "Can you hear me without the live connection?",
            "Yes, every word.",
        ]
    )
    expect(member.locator(".chat-pending")).to_have_count(0)
    expect(listener.locator("[data-transcript] .chat-body")).to_have_count(3)
    assert not_reloaded(member) and not_reloaded(listener)
    assert sockets == [], "no WebSocket was opened"
    assert_accessible(listener)


# The words of several kinds, and the line each brings first in the United Kingdom (the
# crisis lines shipped by nearer/safety/migrations/0002): the suicide line for thoughts of
# self-harm, the domestic-abuse line for danger from someone else.
SAMARITANS = "Samaritans"
ABUSE_LINE = "National Domestic Abuse Helpline"
KINDS_OF_DANGER = [
    ("self_harm", "Some nights I want to end my life", SAMARITANS),
    ("violence", "He choked me last night and said next time he'd kill me", ABUSE_LINE),
    ("threat", "He said he would kill me if I ever left", ABUSE_LINE),
    ("fear", "I'm scared of what he'll do when he gets home", ABUSE_LINE),
    ("control", "He takes my bank card and won't let me see my sister", ABUSE_LINE),
]


def is_care(payload) -> bool:
    return isinstance(payload, str) and json.loads(payload).get("type") == "care"


def test_a_member_in_danger_sees_help_for_what_they_wrote_and_the_listener_is_prompted(
    chat_site, chat_page, assert_accessible
):
    chat = chat_site.seed(1)[0]
    # The member lives in the United Kingdom; the site's default country is the US.
    chat_site.python(
        "manage.py",
        "shell",
        "-c",
        "from nearer.accounts.models import User; "
        f"User.objects.filter(email={chat['member_email']!r}).update(country='GB')",
    )
    sockets = {}
    pages = {}
    for side in ("member", "listener"):
        page = chat_page(chat[f"{side}_session"])
        with page.expect_websocket() as opened:
            page.goto(f"/chat/{chat['id']}/")
        sockets[side], pages[side] = opened.value, page
    member, listener = pages["member"], pages["listener"]
    card, prompt = member.locator("#care"), listener.locator("#care")
    expect(card).to_be_hidden()
    expect(prompt).to_be_hidden()
    mark_page(member)

    for kind, words, first in KINDS_OF_DANGER:
        with (
            sockets["member"].expect_event("framereceived", is_care),
            sockets["listener"].expect_event("framereceived", is_care),
        ):
            write(member, words)
        # The member: the card for these words, the first line to call the right one.
        expect(card).to_be_visible()
        expect(card.locator(".resource h4").first).to_have_text(first)
        if kind == "self_harm":
            expect(card).to_contain_text("thoughts of hurting yourself or ending your life")
            expect(prompt).to_contain_text("ask gently whether they're safe right now")
        else:
            expect(card).to_contain_text("If someone is hurting, frightening or controlling you")
            expect(prompt).to_contain_text("don't suggest talking it over with their partner")
        expect(card).not_to_contain_text("flag")
        expect(card).not_to_contain_text("United States")
        # The listener: the refer prompt, and no help line of the member's country.
        expect(prompt).to_be_visible()
        expect(prompt).not_to_contain_text(ABUSE_LINE)
        expect(transcript(listener)).to_contain_text(words)
    assert not_reloaded(member)
    expect(listener.locator("[data-transcript] .chat-refer")).to_have_count(len(KINDS_OF_DANGER))
    assert_accessible(member)
    assert_accessible(listener)

    # A reload shows the same card, in the same order, as the last one that arrived live.
    live = card.inner_html().strip()
    member.reload()
    expect(card).to_be_visible()
    assert card.inner_html().strip() == live
    expect(member.get_by_role("note")).to_contain_text("(999)")
