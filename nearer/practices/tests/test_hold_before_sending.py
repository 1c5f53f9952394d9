"""Words on their way to the partner are read first. An appreciation to send, or an act of care
to tell Bob about, whose words suggest danger is held: nothing is saved, sent or notified, and
Alice gets her words back with a private note and two choices, "Keep it private" (saved just
for her) and "Send anyway". Ordinary words go in one step, as ever."""

import pytest
from django.core import mail
from django.urls import reverse

from nearer.conversations.tests.helpers import page
from nearer.practices.models import Appreciation, SmallAct
from nearer.practices.tests.conftest import messages_in, token
from nearer.reminders.models import Notification
from nearer.safety.tests.helpers import ABUSE_LINE, DANGER, NOTE

pytestmark = pytest.mark.django_db

APPRECIATE = reverse("practice_appreciation")
ACTS = reverse("practice_acts")
WORDS = "Thank you for the tea. Why do you hit me when you drink?"
KIND = "Thank you for making dinner when I was so tired."
TEA = "Tea with honey, the way he likes it"


def bob_heard_nothing(bob) -> bool:
    return not Notification.objects.filter(user=bob).exists() and mail.outbox == []


def assert_held(response, words: str) -> str:
    """The page that holds the words: as typed, the note, the two choices, and a confirm."""
    assert response.status_code == 200
    text = page(response)
    assert words in text
    assert NOTE in text and ABUSE_LINE in text
    assert "Keep it private</button>" in text and "Send anyway</button>" in text
    assert '<input type="hidden" name="confirm" value="1">' in text
    return text


# --- Appreciations ------------------------------------------------------------------------


@pytest.mark.parametrize("words", [WORDS, DANGER])
def test_an_appreciation_in_danger_words_is_held_and_bob_hears_nothing(
    alice, bob, alice_client, client_for, words
):
    form_token = token()
    response = alice_client.post(
        APPRECIATE, {"token": form_token, "text": words, "send": "partner"}
    )

    text = assert_held(response, words)
    assert f"{words}</textarea>" in text  # kept in the field
    assert f'value="{form_token}"' in text  # the same form: sent twice, saved once
    assert "Send it to Bob</button>" not in text
    assert not Appreciation.objects.exists()
    assert bob_heard_nothing(bob)
    assert words not in page(client_for(bob).get(reverse("appreciation_inbox")))


def test_send_anyway_sends_the_appreciation_as_it_always_did(alice, bob, alice_client):
    form = {"token": token(), "text": WORDS, "send": "partner"}
    assert_held(alice_client.post(APPRECIATE, form), WORDS)

    response = alice_client.post(APPRECIATE, {**form, "confirm": "1"}, follow=True)

    sent = Appreciation.objects.get()
    assert (sent.recipient, sent.text) == (bob, WORDS)
    assert "Sent. Bob will find it waiting." in messages_in(response)
    assert Notification.objects.filter(user=bob).count() == 1


def test_keep_it_private_keeps_the_appreciation_just_for_alice(alice, bob, alice_client):
    form = {"token": token(), "text": WORDS, "confirm": "1"}

    response = alice_client.post(APPRECIATE, {**form, "send": "private"}, follow=True)

    kept = Appreciation.objects.get()
    assert (kept.author, kept.recipient, kept.text, kept.is_private) == (alice, None, WORDS, True)
    assert "Kept, just for you." in messages_in(response)
    assert NOTE in page(response)
    assert bob_heard_nothing(bob)


def test_an_appreciation_kept_private_is_never_held(alice, bob, alice_client):
    response = alice_client.post(APPRECIATE, {"token": token(), "text": WORDS, "send": "private"})
    assert response.status_code == 302
    assert Appreciation.objects.get().is_private


def test_an_ordinary_appreciation_is_sent_in_one_step(alice, bob, alice_client):
    response = alice_client.post(APPRECIATE, {"token": token(), "text": KIND, "send": "partner"})
    assert response.status_code == 302
    assert Appreciation.objects.get().recipient == bob
    assert Notification.objects.filter(user=bob).count() == 1


# --- Acts of care -------------------------------------------------------------------------


def test_an_act_to_tell_bob_about_in_danger_words_is_held_and_bob_hears_nothing(
    alice, bob, alice_client
):
    response = alice_client.post(
        ACTS, {"token": token(), "kind": "drink", "note": DANGER, "tell": "on"}
    )

    text = assert_held(response, DANGER)
    assert f'value="{DANGER}"' in text  # kept in the field
    assert 'value="drink" id="id_kind_0" checked>' in text  # and what she did
    assert 'name="tell" value="false">Keep it private</button>' in text
    assert 'name="tell" value="on" class="secondary">Send anyway</button>' in text
    assert "I did one</button>" not in text
    assert not SmallAct.objects.exists()
    assert bob_heard_nothing(bob)


def test_send_anyway_tells_bob_about_the_act(alice, bob, alice_client):
    form = {"token": token(), "note": DANGER, "confirm": "1"}
    response = alice_client.post(ACTS, {**form, "tell": "on"})
    assert response.status_code == 302
    act = SmallAct.objects.get()
    assert (act.note, act.told_partner) == (DANGER, True)
    assert [n.text for n in Notification.objects.filter(user=bob)] == [
        "Alice did something small and kind for you today."
    ]


def test_keep_it_private_notes_the_act_without_telling_bob(alice, bob, alice_client):
    form = {"token": token(), "note": DANGER, "confirm": "1"}
    response = alice_client.post(ACTS, {**form, "tell": "false"}, follow=True)
    act = SmallAct.objects.get()
    assert (act.note, act.told_partner) == (DANGER, False)
    assert NOTE in page(response)
    assert bob_heard_nothing(bob)


def test_an_act_kept_to_herself_is_never_held(alice, bob, alice_client):
    response = alice_client.post(ACTS, {"token": token(), "note": DANGER})
    assert response.status_code == 302
    assert SmallAct.objects.get().note == DANGER


def test_an_ordinary_act_is_told_in_one_step(alice, bob, alice_client):
    response = alice_client.post(ACTS, {"token": token(), "note": TEA, "tell": "on"})
    assert response.status_code == 302
    assert SmallAct.objects.get().told_partner
    assert Notification.objects.filter(user=bob).count() == 1
