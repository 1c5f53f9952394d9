"""When a member's words suggest crisis or danger, they gently see where to find help now, in
their own country, ordered for what the words suggest; the listener is prompted to refer, in
the same delivery; the chat is marked for the operators' review. Nobody else is told, and a
listener's words are never read."""

import html as markup
import importlib
import re
import uuid

import pytest
from asgiref.sync import sync_to_async

from nearer.chat import actions, care
from nearer.chat.models import Conversation, Message
from nearer.chat.tests.sockets import connect, frames, next_of, send
from nearer.reminders.models import Notification
from nearer.safety import notes
from nearer.safety.reader import ABUSE_KINDS, KINDS, Finding
from nearer.safety.tests.helpers import seed_lines

SELF_HARM = "Some nights I want to end my life"
VIOLENCE = "He choked me last night and said next time he'd kill me"
ORDINARY = "We argued about the dishes again"


@pytest.fixture(autouse=True)
def lines(db, settings):
    """The member's own country (GB) and the site's default (US), each with an abuse line and
    a crisis line, the abuse line ordered first (see seed_lines)."""
    settings.NEARER_DEFAULT_COUNTRY = "US"
    seed_lines()


@pytest.fixture
def in_gb(alice):
    """Alice has said she lives in the United Kingdom (the site's default is the US)."""
    alice.country = "GB"
    alice.save(update_fields=["country"])
    return alice


@pytest.fixture
def reader(monkeypatch):
    """The safety reader (as the chat's guarded read calls it), answering a chosen finding for
    chosen words (each kind, or urgent), so the chat's handling of every kind is tested
    whatever the reader makes of a sentence. It records every text it is asked to read."""
    answers: dict[str, Finding] = {}
    asked: list[str] = []

    def read(text: str) -> Finding | None:
        asked.append(text)
        return answers.get(text)

    monkeypatch.setattr(notes, "read", read)
    read.answers, read.asked = answers, asked
    return read


def first_line(card: dict) -> str:
    return card["resources"][0]["name"]


def section(page: str, css_class: str) -> str:
    """The inside of the page's care section (the member's card or the listener's prompt)."""
    found = re.search(
        rf'<section class="card {css_class}" id="care"[^>]*>(.*?)</section>', page, re.S
    )
    assert found, css_class
    return found.group(1).strip()


def page_of(browser, chat) -> str:
    return browser.get(f"/chat/{chat.pk}/").content.decode()


async def both_connect(chat, writer, listener):
    """The member's socket and the listener's, each past the chat's first message."""
    member, _, _ = await connect(writer, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    return member, sam


async def both_get_care(chat, writer, listener, words: str):
    """Both connect and the member writes ``words``: both sockets, and the care event each got
    (the member's card, the listener's prompt)."""
    member, sam = await both_connect(chat, writer, listener)
    await send(member, words)
    return member, sam, await next_of(member, "care"), await next_of(sam, "care")


def says(html: str) -> str:
    text = " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return re.sub(r" ([.,])", r"\1", text)


# --- every kind, live ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_each_kind_brings_the_member_its_card_and_the_listener_its_prompt_at_once(
    chat, in_gb, listener, reader
):
    member, sam = await both_connect(chat, in_gb, listener)
    for kind in KINDS:
        words = f"words of {kind}"
        reader.answers[words] = Finding(kind=kind, words=words)
        await send(member, words)
        # The member's own message, then the card, one right after the other.
        got = await frames(member, until=lambda f: f["type"] == "care")
        to_member = got[-1]
        assert [f["type"] for f in got if f["type"] != "ack"][-2:] == ["message", "care"]
        heard = await frames(sam, until=lambda f: f["type"] == "care")
        to_sam = heard[-1]
        assert heard[-2]["type"] == "message" and heard[-2]["seq"] == to_sam["seq"]

        assert to_member["for"] == "member" and to_member["seq"] == to_sam["seq"]
        names = [r["name"] for r in to_member["resources"]]
        if kind == "self_harm":
            assert names == ["GB Crisis Line", "GB Abuse Line"], kind
            assert to_member["message"] == care.MEMBER_SELF_HARM
            assert "ask gently whether they're safe" in to_sam["message"]
        else:
            assert kind in ABUSE_KINDS
            assert names == ["GB Abuse Line", "GB Crisis Line"], kind
            assert to_member["message"] == care.MEMBER_DANGER
            assert "don't suggest talking it over with their partner" in to_sam["message"]
            assert "couples steps" in to_sam["message"]
        assert to_member["emergency"] == ""  # not said to be happening now
        card = says(to_member["html"])
        assert "flag" not in card.lower()
        assert "partner" not in card and "abuser" not in card
        assert card.index(names[0]) < card.index(names[1])
        assert to_member["url"] == "/too-hard/#help"

        assert to_sam["for"] == "listener" and to_sam["url"] == "/chat/guidelines/"
        assert "resources" not in to_sam and "Line" not in to_sam["html"]
        assert "emergency number" in to_sam["message"]

        saved = await sync_to_async(Message.objects.get)(conversation=chat, seq=to_sam["seq"])
        assert saved.concern == kind and len(kind) <= Message._meta.get_field("concern").max_length
    await member.disconnect()
    await sam.disconnect()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_danger_now_puts_the_emergency_number_first_for_both(chat, in_gb, listener, reader):
    reader.answers["He is outside the door"] = Finding("threat", "outside the door", urgent=True)
    member, sam, to_member, to_sam = await both_get_care(
        chat, in_gb, listener, "He is outside the door"
    )
    assert to_member["emergency"] == "If you're in danger right now, call 999."
    card = says(to_member["html"])
    assert card.index("If you're in danger right now, call 999.") < card.index("You deserve")
    assert card.index("You deserve") < card.index("GB Abuse Line")
    assert 'href="tel:999"' in to_member["html"]
    assert to_sam["message"].startswith("They may be in danger right now")
    assert "999" not in to_sam["message"]  # nothing about where the member lives
    await member.disconnect()
    await sam.disconnect()


# --- real words ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_suicidal_statement_lists_the_crisis_line_before_the_abuse_line(
    chat, alice, listener
):
    member, sam, to_member, to_sam = await both_get_care(chat, alice, listener, SELF_HARM)
    assert [r["name"] for r in to_member["resources"]] == ["US Crisis Line", "US Abuse Line"]
    assert "thoughts of hurting yourself or ending your life" in to_member["message"]
    assert "ending their life" in to_sam["message"]
    saved = await sync_to_async(Message.objects.get)(conversation=chat, seq=2)
    assert saved.concern == "self_harm"
    await member.disconnect()
    await sam.disconnect()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_everyday_words_and_the_listeners_words_bring_nothing(chat, alice, listener):
    member, sam = await both_connect(chat, alice, listener)
    await send(member, ORDINARY)
    await next_of(member, "ack")
    await send(sam, f"When someone tells me '{SELF_HARM}', I listen")  # not the member
    await next_of(sam, "ack")
    got = await frames(member) + await frames(sam)
    assert "care" not in {f["type"] for f in got}
    saved = await sync_to_async(list)(Message.objects.filter(conversation=chat, seq__gt=1))
    assert [m.concern for m in saved] == ["", ""]
    fresh = await sync_to_async(Conversation.objects.get)(pk=chat.pk)
    assert fresh.concern == ""
    await member.disconnect()
    await sam.disconnect()


def test_a_listeners_words_are_never_read(chat, alice, listener, reader):
    actions.post_message(
        conversation=chat, user=listener.user, client_id=uuid.uuid4(), body=VIOLENCE
    )
    assert reader.asked == []
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=ORDINARY)
    assert reader.asked == [ORDINARY]


@pytest.mark.django_db
def test_danger_from_someone_else_lists_the_abuse_line_first(chat, alice, client_for):
    message, _ = actions.post_message(
        conversation=chat, user=alice, client_id=uuid.uuid4(), body=VIOLENCE
    )
    assert message.concern in ABUSE_KINDS
    card = section(page_of(client_for(alice), chat), "chat-care")
    assert says(card).index("US Abuse Line") < says(card).index("US Crisis Line")
    assert care.MEMBER_DANGER in says(card)


# --- the member's own country --------------------------------------------------------------


@pytest.mark.django_db
def test_a_member_in_gb_gets_gb_lines_when_the_default_country_is_us(
    chat, in_gb, listener, client_for
):
    actions.post_message(conversation=chat, user=in_gb, client_id=uuid.uuid4(), body=SELF_HARM)
    page = page_of(client_for(in_gb), chat)
    card = says(section(page, "chat-care"))
    assert card.index("GB Crisis Line") < card.index("GB Abuse Line")
    assert "US " not in card
    assert "(999)" in says(page)  # the "not a crisis service" note: their emergency number
    sam_page = page_of(client_for(listener.user), chat)
    assert "GB " not in says(sam_page) and "999" not in says(sam_page)


# --- the page, the fallback and the live event show the same --------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_reload_shows_the_same_card_in_the_same_order_as_the_live_event(
    chat, in_gb, listener, client_for, reader
):
    reader.answers["words"] = Finding("self_harm", "words", urgent=True)
    member, sam, to_member, to_sam = await both_get_care(chat, in_gb, listener, "words")
    her = await sync_to_async(client_for)(in_gb)
    sam_browser = await sync_to_async(client_for)(listener.user)
    her_page = await sync_to_async(page_of)(her, chat)
    sam_page = await sync_to_async(page_of)(sam_browser, chat)
    assert section(her_page, "chat-care") == to_member["html"].strip()
    assert section(sam_page, "chat-refer-prompt") == to_sam["html"].strip()
    assert 'id="care" aria-labelledby="care-heading" data-care' in her_page  # not hidden
    polled = await sync_to_async(
        lambda: her.get(f"/chat/{chat.pk}/messages/?after=1", HTTP_ACCEPT="application/json").json()
    )()
    assert polled["care"] == to_member
    await member.disconnect()
    await sam.disconnect()


@pytest.mark.django_db
def test_the_pages_keep_the_care_after_a_reload(chat, alice, listener, client_for):
    alice_page = markup.unescape(page_of(client_for(alice), chat))
    assert 'id="care" aria-labelledby="care-heading" hidden' in alice_page  # nothing yet
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=SELF_HARM)
    alice_page = markup.unescape(page_of(client_for(alice), chat))
    assert 'id="care" aria-labelledby="care-heading" data-care' in alice_page
    assert "Help is here if you need it" in alice_page
    assert "These words may point to crisis" not in alice_page  # the listener's prompt
    sam_page = markup.unescape(page_of(client_for(listener.user), chat))
    assert "These words may point to crisis or danger" in sam_page
    assert "They may need more help than a chat" in sam_page
    assert "ask gently whether they're safe" in sam_page
    data = (
        client_for(listener.user)
        .get(f"/chat/{chat.pk}/messages/?after=1", HTTP_ACCEPT="application/json")
        .json()
    )
    assert data["care"]["for"] == "listener"
    assert data["messages"][0]["concern"] is True


# --- the request's topic -------------------------------------------------------------------


@pytest.mark.django_db
def test_danger_in_the_topic_brings_the_card_at_once_and_the_prompt_to_whoever_takes_it(
    alice, listener, client_for
):
    her = client_for(alice)
    response = her.post("/chat/", {"topic": SELF_HARM})
    chat = Conversation.objects.of_member(alice).get()
    assert response.url == f"/chat/{chat.pk}/"
    assert chat.concern == "self_harm" and chat.is_waiting
    card = section(page_of(her, chat), "chat-care")
    assert 'aria-labelledby="care-heading" data-care' in page_of(her, chat)
    assert says(card).index("US Crisis Line") < says(card).index("US Abuse Line")

    sam = client_for(listener.user)
    sam.post(f"/listen/accept/{chat.pk}/")
    sam_page = page_of(sam, chat)
    assert 'class="card chat-refer-prompt" id="care" aria-labelledby="care-heading" data-care' in (
        sam_page
    )
    assert "ending their life" in says(section(sam_page, "chat-refer-prompt"))


@pytest.mark.django_db
def test_an_everyday_topic_brings_nothing(alice, client_for):
    her = client_for(alice)
    her.post("/chat/", {"topic": "Feeling far apart lately"})
    chat = Conversation.objects.of_member(alice).get()
    assert chat.concern == ""
    assert 'id="care" aria-labelledby="care-heading" hidden' in page_of(her, chat)


# --- the operators' review -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_finding_marks_the_chat_for_review_showing_only_its_kind(
    chat, alice, moderator, client_for
):
    quiet = actions.request_chat(member=make_other_member(), topic="Far apart")
    assert not Conversation.objects.to_review().exists()
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=SELF_HARM)
    assert list(Conversation.objects.to_review()) == [chat]

    admin = client_for(moderator)
    listing = admin.get("/admin/chat/conversation/?review=to_review").content.decode()
    assert chat.member_pseudonym in listing and "self harm" in listing
    assert quiet.member_pseudonym not in listing
    assert SELF_HARM not in listing
    detail = admin.get(f"/admin/chat/conversation/{chat.pk}/change/").content.decode()
    assert SELF_HARM not in detail and "self_harm" in detail

    # An operator ticks "reviewed"; the next finding asks for a look again.
    chat.refresh_from_db()
    form = {"concern_reviewed": "on"}
    admin.post(f"/admin/chat/conversation/{chat.pk}/change/", form)
    assert not Conversation.objects.to_review().exists()
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=VIOLENCE)
    assert list(Conversation.objects.to_review()) == [chat]
    chat.refresh_from_db()
    assert chat.concern in ABUSE_KINDS and chat.concern_at is not None


def make_other_member():
    from conftest import make_member

    return make_member("zoe@example.com", "Zoe")


@pytest.mark.django_db
def test_nobody_else_is_told(chat, alice, bob):
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=SELF_HARM)
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_chats_from_before_the_one_reader_keep_their_finding(chat, alice):
    from django.apps import apps

    migration = importlib.import_module("nearer.chat.migrations.0002_conversation_concern")
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=ORDINARY)
    Message.objects.filter(conversation=chat, seq=2).update(concern="coercion")
    Conversation.objects.filter(pk=chat.pk).update(concern="")
    migration.keep_findings_on_conversations(apps, None)
    chat.refresh_from_db()
    assert Message.objects.get(conversation=chat, seq=2).concern == "control"
    assert (chat.concern, chat.concern_reviewed) == ("control", False)
    assert chat.concern_at is not None


# --- when the reader fails -----------------------------------------------------------------


def break_the_reader(monkeypatch) -> None:
    def broken(_text):
        raise RuntimeError("the reader is down")

    monkeypatch.setattr(notes, "read", broken)


@pytest.mark.django_db
def test_when_the_reader_fails_the_message_is_saved_and_the_chat_marked_for_review(
    chat, alice, moderator, client_for, monkeypatch, caplog
):
    break_the_reader(monkeypatch)
    response = client_for(alice).post(
        f"/chat/{chat.pk}/send/", {"body": ORDINARY, "client_id": str(uuid.uuid4())}
    )
    assert response.status_code == 302
    saved = Message.objects.get(conversation=chat, seq=2)
    assert (saved.body, saved.concern) == (ORDINARY, "")
    chat.refresh_from_db()
    assert chat.concern == "" and chat.concern_at is not None
    assert list(Conversation.objects.to_review()) == [chat]
    assert "safety reader failed" in caplog.text and "dishes" not in caplog.text
    listing = client_for(moderator).get("/admin/chat/conversation/?review=to_review")
    assert chat.member_pseudonym in listing.content.decode()
    assert "not read" in listing.content.decode() and ORDINARY not in listing.content.decode()


@pytest.mark.django_db
def test_when_the_reader_fails_on_the_topic_the_chat_is_opened_and_marked_for_review(
    alice, client_for, monkeypatch
):
    break_the_reader(monkeypatch)
    response = client_for(alice).post("/chat/", {"topic": "Feeling far apart lately"})
    chat = Conversation.objects.of_member(alice).get()
    assert response.url == f"/chat/{chat.pk}/"
    assert (chat.topic, chat.concern) == ("Feeling far apart lately", "")
    assert list(Conversation.objects.to_review()) == [chat]


@pytest.mark.django_db
def test_an_earlier_finding_stays_when_the_reader_fails_later(chat, alice, monkeypatch):
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=SELF_HARM)
    Conversation.objects.filter(pk=chat.pk).update(concern_reviewed=True)
    break_the_reader(monkeypatch)
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=ORDINARY)
    chat.refresh_from_db()
    assert (chat.concern, chat.concern_reviewed) == ("self_harm", False)


@pytest.mark.django_db
def test_the_members_words_are_read_before_the_chat_is_locked(chat, alice, monkeypatch):
    from django.db import connection

    depths = []

    def read(text):
        depths.append(len(connection.atomic_blocks))
        return None

    monkeypatch.setattr(notes, "read", read)
    outside = len(connection.atomic_blocks)
    actions.request_chat(member=make_other_member(), topic="Far apart")
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=ORDINARY)
    assert depths == [outside, outside]
