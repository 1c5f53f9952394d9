"""A practice's own words (an act-of-care note, an appreciation) that suggest danger: saved as
written, then a private note for the writer alone. The partner sees nothing of it. Words on
their way to the partner are held first (see test_hold_before_sending); these tests follow
them once the writer chose "Send anyway"."""

import pytest
from django.core import mail
from django.urls import reverse

from nearer.conversations.tests.helpers import page
from nearer.practices.models import Appreciation, SmallAct
from nearer.practices.tests.conftest import token
from nearer.reminders.models import Notification
from nearer.safety.tests.helpers import ABUSE_LINE, DANGER, NOTE

pytestmark = pytest.mark.django_db

ORDINARY = "Tea with honey, the way he likes it"


def test_an_act_of_care_note_in_danger_words_is_saved_then_the_writer_gets_the_note(
    alice, alice_client
):
    response = alice_client.post(
        reverse("practice_acts"), {"token": token(), "note": DANGER}, follow=True
    )
    assert SmallAct.objects.get(owner=alice).note == DANGER
    text = page(response)
    assert NOTE in text and "really heavy right now" in text and ABUSE_LINE in text
    # Once the page is left, the note goes with it: the list of acts stays a plain list.
    assert NOTE not in page(alice_client.get(reverse("practice_acts")))


def test_an_ordinary_act_of_care_brings_no_note(alice_client):
    response = alice_client.post(
        reverse("practice_acts"), {"token": token(), "note": ORDINARY}, follow=True
    )
    assert "Noted." in page(response)
    assert NOTE not in page(response)


def test_the_page_after_saving_says_the_same_whatever_the_words(alice_client):
    """The address after saving names only the form's token: it tells nothing in history."""
    calm = token()
    first = alice_client.post(reverse("practice_acts"), {"token": calm, "note": ORDINARY})
    second = alice_client.post(reverse("practice_acts"), {"token": token(), "note": DANGER})
    assert first["Location"] == f"{reverse('practice_acts')}?saved={calm}"
    assert second["Location"].startswith(f"{reverse('practice_acts')}?saved=")


def test_someone_elses_token_brings_no_note(alice, bob, client_for):
    mine = token()
    client_for(alice).post(reverse("practice_acts"), {"token": mine, "note": DANGER})
    response = client_for(bob).get(f"{reverse('practice_acts')}?saved={mine}")
    assert response.status_code == 200
    assert NOTE not in page(response) and DANGER not in page(response)


@pytest.mark.parametrize("saved", ["", "not-a-token", "%00", "1" * 200])
def test_an_odd_saved_value_is_ignored(alice_client, saved):
    response = alice_client.get(reverse("practice_acts"), {"saved": saved})
    assert response.status_code == 200


def test_telling_the_partner_about_an_act_tells_them_nothing_more(alice, bob, alice_client):
    alice_client.post(
        reverse("practice_acts"), {"token": token(), "note": DANGER, "tell": "on", "confirm": "1"}
    )
    assert [n.text for n in Notification.objects.filter(user=bob)] == [
        "Alice did something small and kind for you today."
    ]
    assert mail.outbox == []


def test_an_appreciation_sent_anyway_reaches_the_partner_unchanged_and_no_more(
    alice, bob, alice_client, client_for
):
    words = "Thank you for the tea. I want to end my life some days."
    response = alice_client.post(
        reverse("practice_appreciation"),
        {"token": token(), "text": words, "send": "partner", "confirm": "1"},
        follow=True,
    )
    item = Appreciation.objects.get(author=alice)
    assert (item.text, item.recipient) == (words, bob)
    text = page(response)
    assert NOTE in text and "not wanting to be here" in text
    assert text.index("988 Suicide & Crisis Lifeline") < text.index(ABUSE_LINE)

    bobs = client_for(bob)
    for url in (
        reverse("appreciation_inbox"),
        reverse("appreciation_detail", args=[item.pk]),
        f"{reverse('practice_appreciation')}?saved={item.token}",
    ):
        seen = page(bobs.get(url))
        assert NOTE not in seen and "heavy" not in seen and "Suicide & Crisis" not in seen
    assert words in page(bobs.get(reverse("appreciation_detail", args=[item.pk])))


def test_a_private_appreciation_gets_the_note_too(alice, alice_client):
    response = alice_client.post(
        reverse("practice_appreciation"),
        {"token": token(), "text": DANGER, "send": "private"},
        follow=True,
    )
    assert Appreciation.objects.get(author=alice).text == DANGER
    assert NOTE in page(response)
