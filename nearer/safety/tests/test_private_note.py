"""The private note and the safety response (nearer.safety.notes): words that fit the kind,
crisis lines ordered for it from the member's own country, and nothing that diagnoses anyone."""

import pytest
from django.template.loader import render_to_string

from nearer.safety import notes, reader
from nearer.safety.reader import ABUSE_KINDS, KINDS, Finding

pytestmark = pytest.mark.django_db

BLAME = ("abuser", "abusive", "abuse", "your partner is", "he is", "she is", "violent")


@pytest.fixture
def finds(monkeypatch):
    """Make the reader find ``kind`` in any words, so each kind's note can be read."""

    def use(kind: str, *, urgent: bool = False) -> None:
        found = Finding(kind=kind, words="the words", urgent=urgent)
        monkeypatch.setattr(notes, "read", lambda text: found if text.strip() else None)

    return use


def test_ordinary_words_bring_no_note(alice):
    assert notes.private_note(alice, "We argued about the dishes again.") is None
    assert notes.private_note(alice, "") is None


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_gets_gentle_words_that_blame_and_diagnose_no_one(alice, finds, kind):
    finds(kind)
    note = notes.private_note(alice, "anything")
    assert note is not None
    assert "alone" in note["message"]
    assert "!" not in note["message"]
    for word in BLAME:
        assert word not in note["message"].lower()
    response = notes.safety_response(alice, kind)
    for word in BLAME:
        assert word not in (response["safety_heading"] + response["safety_message"]).lower()


@pytest.mark.parametrize("kind", sorted(ABUSE_KINDS))
def test_danger_from_someone_puts_the_domestic_abuse_line_first(alice, finds, kind):
    finds(kind)
    note = notes.private_note(alice, "anything")
    assert note["resources"][0].for_fear_at_home
    assert "really heavy right now" in note["message"]


def test_thoughts_of_not_wanting_to_be_here_put_the_crisis_line_first(alice, finds):
    finds("self_harm")
    note = notes.private_note(alice, "anything")
    assert "not wanting to be here" in note["message"]
    assert note["resources"][0].name == "988 Suicide & Crisis Lifeline"
    response = notes.safety_response(alice, "self_harm")
    assert response["resources"][0].name == "988 Suicide & Crisis Lifeline"


def test_the_members_own_country_decides_the_lines_and_the_number(alice, finds):
    finds("violence")
    alice.country = "GB"
    note = notes.private_note(alice, "anything")
    assert note["resources"][0].name == "National Domestic Abuse Helpline"
    assert note["emergency_number"] == "999"
    assert note["country_name"] == "United Kingdom"


def test_danger_now_puts_the_emergency_number_before_the_lines(alice, finds):
    finds("violence", urgent=True)
    html = render_to_string(
        "safety/_private_note.html", {"private_note": notes.private_note(alice, "anything")}
    )
    assert html.index("call 911") < html.index("National Domestic Violence Hotline")


def test_the_note_folds_away_without_javascript_and_says_it_is_private(alice, finds):
    finds("fear")
    html = render_to_string(
        "safety/_private_note.html", {"private_note": notes.private_note(alice, "anything")}
    )
    assert "<details" in html and " open" in html and "<summary>" in html
    assert "Only you can see this note" in html
    assert "<script" not in html
    assert 'href="/too-hard/#help"' in html


def test_a_failing_reader_means_no_note_not_an_error(alice, monkeypatch):
    def broken(_text):
        raise RuntimeError("down")

    monkeypatch.setattr(notes, "read", broken)
    assert notes.private_note(alice, "anything") is None


@pytest.mark.parametrize(
    ("old", "kind"), [("coercion", "control"), ("isolation", "control"), ("fear", "fear")]
)
def test_older_kinds_are_read_as_reader_kinds(old, kind):
    assert notes.reader_kind(old) == kind
    assert notes.reader_kind("something else") == ""


def test_goal_words_are_read_by_both_readers(db):
    assert notes.goal_concern("read her texts every night").kind == "control"
    assert notes.goal_concern("", "He choked me last night") is not None
    assert notes.goal_concern("give my partner a real hug", "", "to feel close") is None
    assert notes.goal_concern("", "   ") is None


def test_the_goal_rules_still_read_when_the_reader_fails(monkeypatch):
    def broken(_text):
        raise RuntimeError("down")

    monkeypatch.setattr(notes, "read", broken)
    assert notes.goal_concern("check his phone every night while he sleeps") is not None


PARTNER_TOO = "and so does your partner"


@pytest.mark.parametrize(
    "words",
    [
        "He choked me last night and said next time he'd kill me",
        "I'm scared of him, I don't feel safe at home",
        "He follows me everywhere since I moved out",
    ],
)
def test_danger_to_the_member_says_only_that_they_deserve_to_feel_safe(alice, words):
    concern = notes.goal_concern(words)
    assert concern is not None and not concern.own_control
    response = notes.safety_response(alice, concern.kind, own_control=concern.own_control)
    assert "You deserve to feel safe." in response["safety_message"]
    assert PARTNER_TOO not in response["safety_message"]


@pytest.mark.parametrize(
    "words", ["read her texts every night", "stop her from seeing her friends"]
)
def test_the_members_own_controlling_words_add_that_the_partner_deserves_it_too(
    alice, words, monkeypatch
):
    monkeypatch.setattr(reader, "read", lambda text, **kwargs: None)  # the goal rules alone
    concern = notes.goal_concern(words)
    assert concern is not None and concern.own_control
    response = notes.safety_response(alice, concern.kind, own_control=concern.own_control)
    assert "You deserve to feel safe, and so does your partner." in response["safety_message"]


@pytest.mark.parametrize("kind", sorted(ABUSE_KINDS))
def test_no_kind_mentions_the_partner_unless_told_it_is_the_members_own_control(alice, kind):
    assert PARTNER_TOO not in notes.safety_response(alice, kind)["safety_message"]


def test_pressure_on_the_neck_brings_a_gentle_word_about_being_checked(alice):
    note = notes.private_note(
        alice, "Last night he put his hands round my throat until I saw spots."
    )
    assert note is not None
    assert "checked by a doctor or nurse" in note["neck"]
    html = render_to_string("safety/_private_note.html", {"private_note": note})
    assert "Injuries there can be hidden" in html


def test_other_danger_brings_no_word_about_the_neck(alice):
    note = notes.private_note(alice, "He slapped me across the face in front of the kids.")
    assert note is not None
    assert "neck" not in note
    html = render_to_string("safety/_private_note.html", {"private_note": note})
    assert "Injuries there can be hidden" not in html
