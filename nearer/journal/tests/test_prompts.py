"""Prompts: the program's, more in our words, a member's own, and one prompt a day."""

from datetime import date, timedelta

import time_machine

from nearer.journal.models import (
    MAX_OWN_PROMPTS,
    MemberPrompt,
    Prompt,
    prompt_choices,
    prompt_of_the_day,
    prompt_param,
)
from nearer.journal.tests.helpers import text
from nearer.program.models import JournalPrompt


def test_at_least_twenty_more_prompts_join_the_programs_six(alice):
    assert JournalPrompt.objects.active().count() == 6  # the program's own, unchanged
    assert Prompt.objects.active().count() >= 20
    texts = [p.text for p in prompt_choices(alice)]
    assert len(texts) >= 26
    assert len(texts) == len(set(texts))
    assert all(t.endswith("?") and len(t) <= 300 for t in texts)


def test_the_prompt_migration_is_idempotent(db):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("nearer.journal.migrations.0002_more_prompts")
    Prompt.objects.filter(order=1).update(is_active=False)  # an operator's edit
    before = Prompt.objects.count()
    migration.load(apps, None)
    assert Prompt.objects.count() == before
    assert not Prompt.objects.get(order=1).is_active


def test_the_prompt_of_the_day_stays_the_same_all_day(alice):
    day = date(2026, 3, 2)
    assert prompt_of_the_day(alice, day) == prompt_of_the_day(alice, day)


def test_the_prompt_of_the_day_changes_over_the_days_and_between_members(alice, bob):
    days = [date(2026, 3, 1) + timedelta(days=n) for n in range(30)]
    alices = [prompt_of_the_day(alice, d).pk for d in days]
    bobs = [prompt_of_the_day(bob, d).pk for d in days]
    assert len(set(alices)) > 10
    assert alices != bobs


def test_the_prompt_of_the_day_follows_the_members_own_date(alice):
    alice.time_zone = "Pacific/Auckland"
    alice.save()
    with time_machine.travel("2026-03-02 12:30 +00:00", tick=False):
        # Already the 3rd in Auckland.
        assert prompt_of_the_day(alice) == prompt_of_the_day(alice, date(2026, 3, 3))


def test_own_prompts_can_be_drawn_as_the_prompt_of_the_day(alice):
    MemberPrompt.objects.create(owner=alice, text="What did I do well today?")
    JournalPrompt.objects.update(is_active=False)
    Prompt.objects.update(is_active=False)
    assert prompt_of_the_day(alice, date(2026, 3, 2)).text == "What did I do well today?"
    assert len(prompt_choices(alice)) == 1


def test_no_prompts_at_all_means_no_prompt_of_the_day(erin, client_for):
    JournalPrompt.objects.update(is_active=False)
    Prompt.objects.update(is_active=False)
    assert prompt_of_the_day(erin) is None
    assert client_for(erin).get("/journal/").status_code == 200


def test_the_journal_page_offers_the_prompt_of_the_day(alice, alice_client):
    prompt = prompt_of_the_day(alice)
    page = text(alice_client.get("/journal/"))
    assert "Today's prompt" in page
    assert f"/journal/new/?{prompt_param(prompt)}" in page


def test_a_member_adds_and_removes_their_own_prompt(alice, alice_client):
    response = alice_client.post("/journal/prompts/", {"text": "  What  do I need?  "})
    assert response.status_code == 302
    prompt = MemberPrompt.objects.get(owner=alice)
    assert prompt.text == "What do I need?"
    page = text(alice_client.get("/journal/prompts/"))
    assert "What do I need?" in page
    alice_client.post(f"/journal/prompts/{prompt.pk}/delete/")
    assert not MemberPrompt.objects.exists()


def test_an_own_prompt_must_have_words_and_fit(alice, alice_client):
    empty = alice_client.post("/journal/prompts/", {"text": "   "})
    assert "Please write a question first." in text(empty)
    long = alice_client.post("/journal/prompts/", {"text": "x" * 301})
    assert "Please keep a prompt to 300 characters or fewer." in text(long)
    assert not MemberPrompt.objects.exists()


def test_own_prompts_have_a_gentle_limit(alice, alice_client):
    MemberPrompt.objects.bulk_create(
        [MemberPrompt(owner=alice, text=f"Question {n}?") for n in range(MAX_OWN_PROMPTS)]
    )
    response = alice_client.post("/journal/prompts/", {"text": "One more?"})
    assert "Remove one to add another." in text(response)
    assert MemberPrompt.objects.count() == MAX_OWN_PROMPTS


def test_an_entry_can_start_from_an_own_prompt(alice, alice_client):
    prompt = MemberPrompt.objects.create(owner=alice, text="What did I do well today?")
    page = text(alice_client.get(f"/journal/new/?own={prompt.pk}"))
    assert "What did I do well today?" in page
    alice_client.post("/journal/new/", {"body": "I listened.", "own_prompt": str(prompt.pk)})
    entry = alice.journal_entries.get()
    assert entry.own_prompt == prompt and entry.prompt_text == "What did I do well today?"
    # Removing the prompt keeps the entry.
    alice_client.post(f"/journal/prompts/{prompt.pk}/delete/")
    entry.refresh_from_db()
    assert entry.body == "I listened." and entry.own_prompt is None


def test_every_kind_of_prompt_starts_an_entry_that_keeps_it(alice, alice_client):
    program = JournalPrompt.objects.active().first()
    extra = Prompt.objects.active().first()
    own = MemberPrompt.objects.create(owner=alice, text="What did I notice?")
    for prompt, field in ((program, "prompt"), (extra, "extra_prompt"), (own, "own_prompt")):
        page = text(alice_client.get(f"/journal/new/?{prompt_param(prompt)}"))
        assert prompt.text in page
        alice_client.post("/journal/new/", {"body": "Some words.", field: str(prompt.pk)})
    texts = sorted(e.prompt_text for e in alice.journal_entries.all())
    assert texts == sorted([program.text, extra.text, own.text])


def test_the_prompts_page_lists_the_programs_the_journals_and_the_members_own(alice, alice_client):
    MemberPrompt.objects.create(owner=alice, text="What did I notice?")
    page = text(alice_client.get("/journal/prompts/"))
    for prompt in [*JournalPrompt.objects.active(), *Prompt.objects.active()]:
        assert prompt.text in page
    assert "What did I notice?" in page
