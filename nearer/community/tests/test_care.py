"""Words that suggest danger, in a post or a reply, are read by the one safety reader: they are
held for a moderator first, and their author (only they) sees help from their own country,
ordered for what the words suggest."""

import html as markup
import re

import pytest
from django.urls import reverse

from nearer.community.models import Post, Reply, State
from nearer.community.tests.conftest import write
from nearer.reminders.models import Notification
from nearer.safety import notes
from nearer.safety.reader import KINDS, Finding
from nearer.safety.tests.helpers import seed_lines

SELF_HARM = "Some nights I want to end my life"
VIOLENCE = "He choked me last night and said next time he'd kill me"


@pytest.fixture(autouse=True)
def lines(db, settings):
    """The member's own country (GB) and the site's default (US), each with an abuse line and
    a crisis line, the abuse line ordered first (see seed_lines)."""
    settings.NEARER_DEFAULT_COUNTRY = "US"
    seed_lines()


def says(page: str) -> str:
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def care_cards(page: str) -> list[str]:
    return [
        says(c)
        for c in re.findall(r'<section class="card community-care".*?</section>', page, re.S)
    ]


def post(browser, group, title: str, body: str):
    return browser.post(
        reverse("community_new_post", args=[group.slug]), {"title": title, "body": body}
    )


def test_thoughts_of_self_harm_put_the_crisis_line_first(alice_in, group, client_for):
    browser = client_for(alice_in.profile.user)
    response = post(browser, group, "Tonight", SELF_HARM)
    item = Post.objects.get(title="Tonight")
    assert item.state == State.HELD and item.crisis and item.crisis_kind == "self_harm"
    [card] = care_cards(browser.get(response.url).content.decode())
    assert card.index("US Crisis Line") < card.index("US Abuse Line")
    assert "thoughts of hurting yourself or ending your life" in card
    assert "flag" not in card.lower()


def test_danger_from_someone_else_puts_the_abuse_line_first_in_a_reply(
    alice_in, erin_in, group, client_for
):
    thread = write(alice_in)
    browser = client_for(erin_in.profile.user)
    response = browser.post(
        reverse("community_reply", args=[group.slug, thread.pk]), {"body": VIOLENCE}
    )
    reply = Reply.objects.get()
    assert reply.state == State.HELD and reply.crisis and reply.crisis_kind != "self_harm"
    [card] = care_cards(browser.get(response.url).content.decode())
    assert card.index("US Abuse Line") < card.index("US Crisis Line")
    assert "if someone is hurting, frightening or controlling you" in card
    assert "partner" not in card and "abuser" not in card
    # The thread's author, the partner and anyone else: no card, no news.
    assert not care_cards(client_for(alice_in.profile.user).get(response.url).content.decode())
    assert not Notification.objects.exists()


def test_the_author_gets_the_lines_of_their_own_country(alice_in, group, client_for):
    alice = alice_in.profile.user
    alice.country = "GB"
    alice.save(update_fields=["country"])
    browser = client_for(alice)
    response = post(browser, group, "Tonight", SELF_HARM)
    [card] = care_cards(browser.get(response.url).content.decode())
    assert card.index("GB Crisis Line") < card.index("GB Abuse Line")
    assert "US " not in card
    assert "In an emergency in United Kingdom, call 999." in card


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_held_and_orders_the_help_for_it(
    kind, alice_in, group, client_for, monkeypatch
):
    words = f"words of {kind}"
    monkeypatch.setattr(notes, "read", lambda text: Finding(kind, words) if words in text else None)
    browser = client_for(alice_in.profile.user)
    response = post(browser, group, "Tonight", words)
    item = Post.objects.get(title="Tonight")
    assert (item.state, item.crisis, item.crisis_kind) == (State.HELD, True, kind)
    [card] = care_cards(browser.get(response.url).content.decode())
    first, second = (
        ("US Crisis Line", "US Abuse Line")
        if kind == "self_harm"
        else ("US Abuse Line", "US Crisis Line")
    )
    assert card.index(first) < card.index(second)


def test_everyday_words_are_not_held_and_bring_no_card(alice_in, group, client_for):
    browser = client_for(alice_in.profile.user)
    response = post(browser, group, "Dishes", "We argued about the dishes again")
    item = Post.objects.get(title="Dishes")
    assert (item.state, item.crisis, item.crisis_kind) == (State.VISIBLE, False, "")
    assert not care_cards(browser.get(response.url).content.decode())


# --- when the reader fails -----------------------------------------------------------------


def break_the_reader(monkeypatch) -> None:
    def broken(_text):
        raise RuntimeError("the reader is down")

    monkeypatch.setattr(notes, "read", broken)


def test_when_the_reader_fails_the_post_is_saved_and_held_for_a_moderator_first(
    alice_in, group, moderator, client_for, monkeypatch, caplog
):
    break_the_reader(monkeypatch)
    browser = client_for(alice_in.profile.user)
    response = post(browser, group, "Dishes", "We argued about the dishes again")
    assert response.status_code == 302
    item = Post.objects.get(title="Dishes")
    assert item.body == "We argued about the dishes again"
    assert (item.state, item.crisis, item.crisis_kind) == (State.HELD, True, "")
    assert "safety reader failed" in caplog.text and "dishes" not in caplog.text
    queue = client_for(moderator).get(reverse("community_queue", args=[group.slug]))
    assert f'id="queue-post-{item.pk}"' in queue.content.decode()
    assert "may need care" in queue.content.decode()


def test_when_the_reader_fails_a_reply_is_saved_and_held_too(
    alice_in, erin_in, group, client_for, monkeypatch
):
    thread = write(alice_in)
    break_the_reader(monkeypatch)
    browser = client_for(erin_in.profile.user)
    response = browser.post(
        reverse("community_reply", args=[group.slug, thread.pk]), {"body": "Same here"}
    )
    assert response.status_code == 302
    reply = Reply.objects.get()
    assert (reply.body, reply.state, reply.crisis, reply.crisis_kind) == (
        "Same here",
        State.HELD,
        True,
        "",
    )
