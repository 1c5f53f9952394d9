"""The coach's safety response fits the member and the words: their own country's lines, ordered
for the kind of danger (thoughts of self-harm put the crisis line first)."""

import html

import pytest

from nearer.coach.views import _safety_context
from nearer.safety.goals import SafetyHit
from nearer.safety.reader import Finding

URL = "/coach/"
ABUSE_LINE = "National Domestic Violence Hotline"
CRISIS_LINE = "988 Suicide & Crisis Lifeline"


def page(response) -> str:
    return html.unescape(response.content.decode())


def test_thoughts_of_ending_ones_life_put_the_crisis_line_first(alice_client):
    text = page(alice_client.post(URL, {"text": "I want to end my life"}))
    assert "data-safety" in text
    assert "Make this my goal" not in text
    assert text.index(CRISIS_LINE) < text.index(ABUSE_LINE)


def test_danger_from_a_partner_puts_the_domestic_abuse_line_first(alice_client):
    text = page(alice_client.post(URL, {"text": "Stay quiet so he doesn't hit me again"}))
    assert "data-safety" in text
    assert text.index(ABUSE_LINE) < text.index(CRISIS_LINE)


def test_the_lines_are_from_the_members_own_country(alice, alice_client):
    alice.country = "GB"
    alice.save()
    text = page(alice_client.post(URL, {"text": "Check his phone every night while he sleeps"}))
    assert "National Domestic Abuse Helpline" in text
    assert "call 999 (United Kingdom)" in text
    assert ABUSE_LINE not in text


def test_the_htmx_answer_carries_the_same_response(alice_client):
    response = alice_client.post(
        URL, {"text": "Check his phone every night while he sleeps"}, HTTP_HX_REQUEST="true"
    )
    text = page(response)
    assert text.lstrip().startswith('<section id="result"')
    assert 'id="result-heading"' in text and "data-safety" in text


@pytest.mark.parametrize(
    ("concern", "first"),
    [
        (Finding(kind="self_harm", words="x"), CRISIS_LINE),
        (Finding(kind="stalking", words="x"), ABUSE_LINE),
        (SafetyHit(kind="coercion", words="make her obey"), ABUSE_LINE),
        (SafetyHit(kind="isolation", words="keep her away from friends"), ABUSE_LINE),
        (SafetyHit(kind="fear", words="I want to kill myself"), CRISIS_LINE),
    ],
)
def test_any_kind_the_judge_gives_orders_the_lines(alice, concern, first):
    context = _safety_context(alice, concern)
    assert context["resources"][0].name == first
    assert context["help_url"] == "/too-hard/#help"
