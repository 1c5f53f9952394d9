"""Curiosity instead of criticism: the offline analyzer (a table of flagged and clean
sentences, and the grammar of its rewrites) and the page around it."""

import re

import pytest
from django.urls import reverse

from nearer.conversations.models import GentleNote
from nearer.conversations.rephrase import FALLBACKS, GENTLE_ALREADY, Category, analyze, gerund
from nearer.conversations.tests.helpers import page

A, W, B, C, G = (
    Category.ABSOLUTE,
    Category.WHY,
    Category.BLAME,
    Category.CONTEMPT,
    Category.GENERALISATION,
)

# Sentence → the categories it must be flagged with (an empty set: it must read as gentle).
TABLE = [
    # Clean, including praise that uses "always" and "never".
    ("I felt lonely at dinner tonight.", set()),
    ("Can we talk about the weekend?", set()),
    ("I always love your cooking.", set()),
    ("You always make me laugh.", set()),
    ("You never fail to cheer me up.", set()),
    ("Help me understand how you were feeling when we argued.", set()),
    ("I'd love to hear about your day.", set()),
    ("Thank you for making dinner.", set()),
    ("I felt hurt when plans changed last minute, and I'd like to talk about it.", set()),
    ("What was going on for you yesterday?", set()),
    ("Why do you think the trip felt so rushed?", set()),
    ("You're always there for me when it matters.", set()),
    ("I never want to lose you.", set()),
    ("Can you tell me more about what happened at work?", set()),
    ("I'm worried about money and I'd like us to make a plan together.", set()),
    ("You're so thoughtful.", set()),
    ("Thanks a lot for picking up the kids.", set()),
    ("I always look forward to our walks.", set()),
    ("Every time I see you I smile.", set()),
    ("Whatever you choose is fine with me.", set()),
    ("You make me feel safe.", set()),
    ("Why do you love hiking so much?", set()),
    ("I feel stupid when I forget things.", set()),
    ("I'm sorry I rolled my eyes earlier.", set()),
    ("You've always been so kind to my mother.", set()),
    ("You're such a good listener.", set()),
    ("You're so tired lately, can I help?", set()),
    ("It always rains on our days off.", set()),
    # Flagged.
    ("Why do you always leave dishes in the sink?", {A, W}),
    ("You never listen to me.", {A, B}),
    ("You always forget to call.", {A}),
    ("Every time I ask for help, you roll your eyes.", {A}),
    ("Why don't you ever help with the kids?", {W}),
    ("Why can't you just be on time?", {W}),
    ("How could you forget my birthday?", {W}),
    ("Why are you so pathetic?", {W, C}),
    ("You make me so angry.", {B}),
    ("You make me feel so small.", {B}),
    ("You're so selfish.", {B, C}),
    ("You don't care about me.", {B}),
    ("It's all your fault.", {B}),
    ("You should have called me.", {B}),
    ("Because of you we were late.", {B}),
    ("You're lazy.", {C}),
    ("What an idiot.", {C}),
    ("You're useless in a crisis.", {C}),
    ("You're such a slob.", {B, C, G}),
    ("Oh great, you're late again.", {C}),
    ("Yeah right, like you'd ever do that.", {C}),
    ("*eye roll* sure, whatever.", {C}),
    ("Thanks for nothing.", {C}),
    ("Ugh, you're so dramatic.", {B, C}),
    ("You're just like your father.", {G}),
    ("What's wrong with you?", {G}),
    ("That's just who you are.", {G}),
    ("You'll never change.", {A, G}),
    ("You're the kind of person who never finishes anything.", {A, G}),
    ("You people never think about anyone else.", {A, G}),
    ("You're always on your phone.", {A}),
    ("You never do the dishes.", {A}),
    ("I always have to remind you.", {A}),
    ("I love you, but you never ask about my day.", {A, B}),
    ("You keep interrupting me when I talk.", {A}),
    ("YOU NEVER HELP WITH THE LAUNDRY!", {A, B}),
    ("You\u2019re always late.", {A}),
]


def test_the_table_is_big_enough_and_has_plenty_of_clean_sentences():
    assert len(TABLE) >= 40
    assert sum(1 for _, expected in TABLE if not expected) >= 15


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t for t, _ in TABLE])
def test_the_analyzer_flags_exactly_the_expected_categories(text, expected):
    analysis = analyze(text)
    assert analysis.categories == expected
    assert analysis.is_gentle == (not expected)
    assert bool(analysis.rewrites) == bool(expected)


@pytest.mark.parametrize(
    ("text", "category", "words"),
    [
        ("Why do you always leave dishes in the sink?", W, ("Why do you always",)),
        ("Why do you always leave dishes in the sink?", A, ("always",)),
        ("You make me so angry.", B, ("You make me so angry",)),
        ("It's all your fault.", B, ("It's all your fault",)),
        ("Oh great, you're late again.", C, ("Oh great",)),
        ("Ugh, you're so dramatic.", C, ("Ugh", "dramatic")),
        ("You're just like your father.", G, ("just like your father",)),
        ("You\u2019re lazy.", C, ("lazy",)),
    ],
)
def test_each_flag_quotes_the_words_that_matched(text, category, words):
    (flag,) = [f for f in analyze(text).flags if f.category == category]
    assert flag.words == words
    assert flag.label and flag.explanation


def test_the_same_text_always_gives_the_same_answer():
    text = "Why do you always leave dishes in the sink? You're so lazy."
    assert analyze(text) == analyze(text)


# --- Rewrites -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Why do you always leave dishes in the sink?",
            "Help me understand what's going on with the dishes in the sink for you.",
        ),
        (
            "You always leave your shoes by the door.",
            "Help me understand what's going on for you when you leave your shoes by the door.",
        ),
        (
            "You always forget to call.",
            "Help me understand what's going on for you when you forget to call.",
        ),
        (
            "You're always on your phone.",
            "Help me understand what's going on for you when you're on your phone.",
        ),
        (
            "Why don't you ever help with the kids?",
            "Help me understand what gets in the way of helping with the kids.",
        ),
        (
            "Why can't you just be on time?",
            "Help me understand what gets in the way of being on time.",
        ),
        (
            "You never do the dishes.",
            "Help me understand what gets in the way of doing the dishes.",
        ),
        (
            "You keep interrupting me when I talk.",
            "Help me understand what's going on for you when you're interrupting me.",
        ),
        (
            "YOU NEVER HELP WITH THE LAUNDRY!",
            "Help me understand what gets in the way of helping with the laundry.",
        ),
        (
            "Why didn't you call me back?",
            "Help me understand what got in the way of calling me back.",
        ),
        (
            "I love you, but you never ask about my day.",
            "Help me understand what gets in the way of asking about my day.",
        ),
        (
            "You make me feel so small.",
            "I felt small when that happened. Can you tell me what was going on for you?",
        ),
        (
            "You make me so angry.",
            "I felt angry when that happened. Can you tell me what was going on for you?",
        ),
    ],
)
def test_rewrites_use_the_members_own_topic_with_correct_grammar(text, first):
    assert analyze(text).rewrites[0] == first


@pytest.mark.parametrize(
    "text",
    [
        "You're so selfish.",
        "What's wrong with you?",
        "Why do you always leave your stupid shoes everywhere?",  # an insult is never spliced
        "You never, ever, EVER listen!!!",
        "Why do you always 🙄🙄🙄",
        "You always <b>do</b> this.",
        "You always do the thing where you take the last of the milk and then put the carton back",
    ],
)
def test_when_no_clean_topic_can_be_lifted_the_rewrites_splice_nothing(text):
    rewrites = analyze(text).rewrites
    assert rewrites
    assert set(rewrites) <= set(FALLBACKS) | {
        r for r in rewrites if r.startswith("I felt ") and "when that happened" in r
    }


def test_every_rewrite_reads_as_a_proper_sentence():
    for text, expected in TABLE:
        rewrites = analyze(text).rewrites
        assert len(rewrites) == (3 if expected else 0), text
        for rewrite in rewrites:
            assert rewrite[0].isupper(), rewrite
            assert rewrite[-1] in ".?", rewrite
            assert "  " not in rewrite and " ." not in rewrite and " ?" not in rewrite, rewrite
            assert not re.search(r"\b(\w+) \1\b", rewrite, re.I), rewrite
            assert not re.search(r"\b(always|never|lazy|stupid|idiot|fault)\b", rewrite, re.I)
            assert analyze(rewrite).is_gentle, rewrite


@pytest.mark.parametrize(
    ("verb", "ing"),
    [
        ("help", "helping"),
        ("leave", "leaving"),
        ("be", "being"),
        ("stop", "stopping"),
        ("lie", "lying"),
        ("see", "seeing"),
        ("call", "calling"),
        ("forget", "forgetting"),
        ("visit", "visiting"),
    ],
)
def test_gerunds_are_spelled_correctly(verb, ing):
    assert gerund(verb) == ing


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "?!", "🙄" * 5, "a" * 5000, "\x00"])
def test_odd_input_never_breaks_the_analyzer(text):
    analysis = analyze(text)
    assert isinstance(analysis.rewrites, tuple)


# --- The page -------------------------------------------------------------------------------

URL = reverse("talk_rephrase")
USE = reverse("talk_rephrase_use")


@pytest.mark.django_db
def test_the_page_shows_flags_with_quoted_words_and_rewrites_and_stores_nothing(alice_client):
    response = alice_client.post(URL, {"text": "Why do you always leave dishes in the sink?"})
    text = page(response)
    assert response.status_code == 200
    assert "A “why do you…” question" in text
    assert "Why do you always" in text
    assert "Help me understand what's going on with the dishes in the sink for you." in text
    assert "I'll say it this way" in text
    assert not GentleNote.objects.exists()


@pytest.mark.django_db
def test_a_gentle_sentence_is_told_so(alice_client):
    text = page(alice_client.post(URL, {"text": "I always love your cooking."}))
    assert GENTLE_ALREADY in text
    assert "I'll say it this way" not in text


@pytest.mark.django_db
def test_with_htmx_only_the_result_is_redrawn(alice_client):
    response = alice_client.post(URL, {"text": "You never listen."}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.strip().startswith('<section id="result"')
    assert "<html" not in html


@pytest.mark.django_db
def test_with_htmx_a_problem_is_shown_in_the_result(alice_client):
    response = alice_client.post(URL, {"text": ""}, HTTP_HX_REQUEST="true")
    assert "Please write what you'd like to say." in page(response)


@pytest.mark.django_db
def test_without_htmx_a_problem_is_said_once_beside_the_field(alice_client):
    text = page(alice_client.post(URL, {"text": ""}))
    assert text.count("Please write what you'd like to say.") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please write what you'd like to say. A sentence is enough."),
        ("   ", "Please write what you'd like to say. A sentence is enough."),
        ("x" * 1001, "Please keep it to 1,000 characters or fewer (this has 1001)."),
    ],
)
def test_bad_input_gets_a_clear_message(alice_client, text, message):
    response = alice_client.post(URL, {"text": text})
    assert response.status_code == 200
    assert message in page(response)


@pytest.mark.django_db
def test_choosing_a_rewrite_stores_nothing_unless_asked(alice_client):
    rewrite = "Help me understand what gets in the way of helping with the kids."
    response = alice_client.post(USE, {"rewrite": rewrite}, follow=True)
    assert "Good choice." in page(response)
    assert not GentleNote.objects.exists()


@pytest.mark.django_db
def test_a_chosen_rewrite_can_be_kept_as_a_private_note_and_deleted(alice_client, alice):
    rewrite = "Help me understand what gets in the way of helping with the kids."
    alice_client.post(USE, {"rewrite": rewrite, "save": "on"})
    note = GentleNote.objects.get()
    assert (note.owner, note.text) == (alice, rewrite)
    assert rewrite in page(alice_client.get(URL))
    alice_client.post(reverse("talk_note_delete", args=[note.pk]))
    assert not GentleNote.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rewrite", ["", "z" * 1001])
def test_a_bad_chosen_rewrite_saves_nothing_and_explains(alice_client, rewrite):
    response = alice_client.post(USE, {"rewrite": rewrite, "save": "on"}, follow=True)
    assert response.status_code == 200
    assert "Please" in page(response)
    assert not GentleNote.objects.exists()
