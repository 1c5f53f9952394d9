"""Never to the partner: whatever Alice writes, and whatever private note or safety response it
brings her, Bob's pages, notifications, emails and exports change only by what she chose to
share with him, and never mention a note, help lines or danger.

Bob's every page is read before and after Alice writes in the words of each kind: in her
journal (private and shared), a practice note, an appreciation, a check-in answer, a repair
note, a goal, the rephrase helper and the coach.
"""

import difflib
import html
import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nearer.conversations.forms import local_value
from nearer.conversations.models import CheckInQuestion, Preference, suggested_times
from nearer.goals.models import Goal
from nearer.journal.models import Entry
from nearer.reminders.models import Notification
from nearer.reminders.tests.helpers import run_worker
from nearer.safety.models import CrisisResource
from nearer.safety.reader import KINDS
from nearer.safety.tests.helpers import NOTE

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)

# Plain, unambiguous words of each kind; none of them uses a word Bob must never be shown.
WORDS = {
    "violence": "He choked me last night and said next time he'd kill me.",
    "threat": "He said he would kill me if I told anyone.",
    "fear": "I'm terrified of what he'll do when he gets home tonight.",
    "control": "He took my passport and my bank card and won't let me see my family.",
    "stalking": "My ex keeps following me to work and waiting outside my house every night.",
    "self_harm": "Some nights I want to end my life.",
    "child_harm": "He grabbed our son by the neck and shook him.",
}
# The kinds any reader (the old phrase list too) must bring a note for.
CLEAR = ("violence", "threat", "fear", "control", "self_harm")
SHARED_ENTRY = WORDS["violence"]
SHARED_ANSWER = WORDS["self_harm"]
SHARED_APPRECIATION = "Thank you for the tea this morning."
ALICE_QUESTION = "What felt good about this week?"

# Bob's pages, read before and after.
PAGES = [
    "today",
    "journal",
    "journal_shared",
    "journal_export_json",
    "journal_export_markdown",
    "practices",
    "practice_appreciation",
    "appreciation_inbox",
    "appreciation_jar",
    "practice_acts",
    "time_together",
    "talk",
    "talk_check_in",
    "talk_repair",
    "talk_rephrase",
    "notifications",
    "goal_list",
    "export",
    "export_goals_json",
    "export_goals_csv",
    "export_checkins_csv",
]
# The pages where what Alice chose to share with Bob shows; every other page stays the same.
SHARED_WITH_BOB = {
    "today",
    "journal",
    "journal_shared",
    "appreciation_inbox",
    "talk",
    "talk_check_in",
    "notifications",
}


# Page furniture that comes with what she shared (headings, buttons, dates), word for word.
FURNITURE = {
    "Reminders",
    "Shared with you by your partner (1)",
    "Mark all as read",
    "All notifications",
    "New:",
    "Entries your partner chose to share with you, to read.",
    "Keep it in the jar",
    "Answer",
    "Not now",
    "“Not now” is always okay. No reason is needed.",
    "Read it",
    "Your question",
    "You can keep these words, or soften them in your own way.",
    "When they answer",
    "Earlier questions",
    "How are you, really?",
    "Answered",
}
WHEN = re.compile(r"(?:Wed 4 Mar, )?12:00|4 March ·")


def forbidden() -> list[str]:
    names = list(CrisisResource.objects.values_list("name", flat=True))
    kinds = [k for kind in KINDS for k in {kind, kind.replace("_", " "), kind.replace("_", "-")}]
    return ["heavy", "safety", "concern", "danger", NOTE.lower(), *names, *kinds]


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


VOLATILE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), "CSRF"),
    (re.compile(r'"X-CSRFToken": "[^"]*"'), "CSRF"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "UUID"),
]


def read(client: Client, name: str) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200, (name, response.status_code)
    content = b"".join(response) if response.streaming else response.content
    text = html.unescape(content.decode())
    for pattern, stand_in in VOLATILE:
        text = pattern.sub(stand_in, text)
    return text


def snapshot(client: Client) -> dict[str, str]:
    return {name: read(client, name) for name in PAGES}


def visible_lines(page: str) -> list[str]:
    """What a person reads, a line per block: tags dropped, spaces squeezed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<(?:br|/p|/li|/h\d|/div|/section|/blockquote|/tr)\b[^>]*>", "\n", page)
    text = re.sub(r"<[^>]+>", " ", page)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def added_lines(before: str, after: str) -> list[str]:
    diff = difflib.ndiff(visible_lines(before), visible_lines(after))
    return [line[2:] for line in diff if line.startswith("+ ")]


def alice_writes_in_every_kind(alice, bobs_question: CheckInQuestion) -> list[str]:
    """Everything Alice writes; returns the private pages she saw, to check her notes."""
    alices = browser(alice)
    seen: list[str] = []
    journal = reverse("journal_new")
    for n, (kind, words) in enumerate(WORDS.items(), start=1):
        reply = alices.post(
            journal, {"body": words, "autosave": "1", "writer": f"{n:016d}", "seq": "1"}
        )
        assert reply.status_code == 201
        seen.append(kind + ":" + html.unescape(reply.json()["note"]))
    # The plain form, and an entry she shares with Bob on purpose.
    alices.post(journal, {"title": "", "body": WORDS["stalking"], "mood": ""})
    alices.post(journal, {"title": "Tuesday", "body": SHARED_ENTRY, "mood": ""})
    shared = Entry.objects.filter(author=alice).order_by("-pk").first()
    assert alices.post(reverse("journal_share", args=[shared.pk])).status_code == 302

    token = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
    acts = alices.post(reverse("practice_acts"), {"token": token, "note": WORDS["fear"]})
    seen.append("acts:" + html.unescape(alices.get(acts["Location"]).content.decode()))
    alices.post(
        reverse("practice_appreciation"),
        {
            "token": "7f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
            "text": WORDS["threat"],
            "send": "private",
        },
    )
    alices.post(
        reverse("practice_appreciation"),
        {
            "token": "8f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
            "text": SHARED_APPRECIATION,
            "send": "partner",
        },
    )
    answer = reverse("talk_question_answer", args=[bobs_question.pk])
    alices.post(answer, {"answer": SHARED_ANSWER})  # held for her first: nothing goes to Bob
    alices.post(answer, {"answer": SHARED_ANSWER, "confirm": "send"})  # then "Send anyway"
    alices.post(reverse("talk_check_in"), {"text": ALICE_QUESTION})
    when = local_value(suggested_times(timezone.now(), alice.zone)[0], alice.zone)
    alices.post(reverse("talk_repair"), {"issue": WORDS["control"], "when": when})
    alices.post(reverse("talk_rephrase"), {"text": WORDS["violence"]})
    alices.post(reverse("coach"), {"text": WORDS["violence"]})
    goal = alices.post(
        reverse("goal_new"),
        {
            "action": "keep quiet so he doesn't hit me",
            "why": WORDS["control"],
            "shape": "daily",
            "duration_unit": "minutes",
            "confidence": "8",
            "start_date": alice.today().isoformat(),
            "is_shared": "on",
        },
    )
    assert "data-safety" in goal.content.decode()
    assert not Goal.objects.filter(owner=alice).exists()
    return seen


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_bob_sees_only_what_alice_chose_to_share_and_nothing_about_any_note(frozen, alice, bob):
    for member in (alice, bob):
        member.welcomed_at = timezone.now()
        member.save(update_fields=["welcomed_at"])
    Preference.objects.create(user=bob, email_questions=True)
    bobs = browser(bob)
    bobs.post(reverse("talk_check_in"), {"text": "How are you, really?"})
    bobs_question = CheckInQuestion.objects.get(asker=bob)
    notices_before = list(Notification.objects.filter(user=bob).values_list("pk", flat=True))
    before = snapshot(bobs)
    run_worker()  # sends every queued email, with the real worker loop
    mail.outbox.clear()

    seen = alice_writes_in_every_kind(alice, bobs_question)
    run_worker()
    after = snapshot(bobs)

    # Alice had her notes: the words did bring them, so the rest of this test means something.
    for kind in CLEAR:
        assert any(s.startswith(kind + ":") and NOTE in s for s in seen), kind
    assert any(s.startswith("acts:") and NOTE in s for s in seen)

    words = forbidden()
    for name in PAGES:
        page = after[name].lower()
        for word in words:
            assert page.count(word.lower()) == before[name].lower().count(word.lower()), (
                name,
                word,
            )
        if name not in SHARED_WITH_BOB:
            assert after[name] == before[name], name
    # Where Alice's sharing shows, the new lines are her shared words, or say she shared.
    shared_words = (SHARED_ENTRY, "Tuesday", SHARED_ANSWER, SHARED_APPRECIATION, ALICE_QUESTION)
    for name in SHARED_WITH_BOB:
        for line in added_lines(before[name], after[name]):
            expected = (
                any(w in line for w in shared_words)
                or "Alice" in line
                or line in FURNITURE
                or WHEN.fullmatch(line)
            )
            assert expected, (name, line)

    # Bob's notifications: only the notices of what she shared or did for him.
    # (her question, her answer to his, her appreciation), each in its usual words.
    new = Notification.objects.filter(user=bob).exclude(pk__in=notices_before)
    assert new.count() == 3
    for notice in new:
        assert notice.text.startswith("Alice ")
        for word in words:
            assert word.lower() not in notice.text.lower(), notice.text
    assert not Notification.objects.filter(user=alice).exclude(text__startswith="Bob ").exists()
    # Emails: only the one Bob asked for, about Alice's question; nothing to anyone else.
    assert [m.to for m in mail.outbox] == [[bob.email]]
    [message] = mail.outbox
    assert ALICE_QUESTION in message.body
    for word in words:
        assert word.lower() not in (message.subject + message.body).lower()

    # The pages Alice shared on purpose show her words as written, and nothing more.
    entry = Entry.objects.shared_with(bob).get()
    shared_page = html.unescape(
        bobs.get(reverse("journal_entry", args=[entry.pk])).content.decode()
    )
    assert SHARED_ENTRY in shared_page
    answer_page = html.unescape(
        bobs.get(reverse("talk_question", args=[bobs_question.pk])).content.decode()
    )
    assert SHARED_ANSWER in answer_page
    for page in (shared_page, answer_page):
        for word in words:
            assert word.lower() not in page.lower(), word
