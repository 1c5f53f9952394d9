"""The data migration loads the whole program, in our own words."""

import importlib
import re

import pytest
from django.apps import apps

from nearer.program.models import JournalPrompt, Phase, Step, StepIdea, Struggle

content = importlib.import_module("nearer.program.migrations.0002_load_content")

# Sentences copied from the program's source text. None of them may appear in Nearer.
SEED_SENTENCES = [
    "I will take 30 seconds each day to greet my partner kindly or show warmth, even on "
    "stressful days.",
    "Small, consistent tenderness creates emotional security.",
    "Many couples talk about schedules, responsibilities, and problems, but not feelings.",
    "This one pause can prevent escalation and protect emotional safety.",
    "Appreciation softens tension, reduces resentment, and helps partners feel valued instead "
    "of criticized.",
    "Tiny unresolved hurts turn into big emotional distance.",
    "Closeness doesn’t come from big romantic gestures; it comes from consistent, undistracted "
    "presence.",
    "What do I appreciate about my partner that I haven’t said recently?",
]
RUN = 6  # words in a row that would count as copying


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def _all_content_text() -> str:
    parts: list[str] = []
    for phase in Phase.objects.all():
        parts += [phase.title, phase.summary]
    for step in Step.objects.all():
        parts += [step.title, step.summary, step.goal_text, step.action, step.trigger, step.why]
    parts += StepIdea.objects.values_list("text", flat=True)
    parts += JournalPrompt.objects.values_list("text", flat=True)
    parts += Struggle.objects.values_list("text", flat=True)
    return "\n".join(parts)


@pytest.mark.django_db
def test_migration_loads_three_phases_of_three_steps():
    assert list(Phase.objects.values_list("number", flat=True)) == [1, 2, 3]
    for phase in Phase.objects.all():
        assert list(phase.steps.order_by("number").values_list("number", flat=True)) == [1, 2, 3]
    assert Step.objects.count() == 9


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("phase", "number", "shape", "times", "seconds", "hours"),
    [
        (1, 1, "daily", None, 30, (None, None)),
        (1, 2, "weekly", 1, None, (None, None)),
        (1, 3, "if_then", None, 5, (None, None)),
        (2, 1, "weekly", 2, None, (None, None)),
        (2, 2, "weekly", 1, None, (None, None)),
        (2, 3, "deadline", None, None, (24, 48)),
        (3, 1, "weekly", 1, 600, (None, None)),
        (3, 2, "weekly", 1, None, (None, None)),
        (3, 3, "weekly", 1, None, (None, None)),
    ],
)
def test_each_step_carries_the_programs_numbers(phase, number, shape, times, seconds, hours):
    step = Step.objects.get(phase__number=phase, number=number)
    assert step.shape == shape
    assert step.times_per_week == times
    assert step.duration_seconds == seconds
    assert (step.deadline_hours_min, step.deadline_hours_max) == hours


@pytest.mark.django_db
def test_every_step_has_a_goal_a_reason_and_three_to_six_ideas():
    for step in Step.objects.all():
        assert "I will" in step.goal_text
        assert step.action and step.why and step.summary
        assert 3 <= step.ideas.count() <= 6, step


@pytest.mark.django_db
def test_the_if_then_step_names_its_trigger():
    step = Step.objects.get(shape=Step.Shape.IF_THEN)
    assert "heated" in step.trigger


@pytest.mark.django_db
def test_six_journal_prompts_are_active():
    prompts = JournalPrompt.objects.active()
    assert prompts.count() == 6
    assert all(p.text.endswith("?") for p in prompts)


@pytest.mark.django_db
def test_six_struggles_each_suggest_a_step_mostly_from_phase_one():
    struggles = list(Struggle.objects.select_related("step__phase"))
    assert len(struggles) == 6
    assert [s.order for s in struggles] == [1, 2, 3, 4, 5, 6]
    assert sum(s.step.phase.number == 1 for s in struggles) >= 4


@pytest.mark.django_db
def test_no_sentence_from_the_source_text_is_pasted_into_the_content():
    text = _all_content_text()
    assert len(text) > 2000  # the check below must have real content to look at
    flat = " ".join(_words(text))
    for sentence in SEED_SENTENCES:
        assert " ".join(_words(sentence)) not in flat, sentence
        words = _words(sentence)
        for i in range(len(words) - RUN + 1):
            run = " ".join(words[i : i + RUN])
            assert run not in flat, f"{run!r} copied from {sentence!r}"


@pytest.mark.django_db
def test_loading_again_changes_nothing_and_keeps_edits_keyed_by_slug():
    Step.objects.filter(slug="appreciation").update(title="Edited by an operator")
    content.load(apps, None)
    assert Phase.objects.count() == 3
    assert Step.objects.count() == 9
    assert StepIdea.objects.count() == sum(len(s["ideas"]) for s in content.STEPS)
    assert JournalPrompt.objects.count() == 6
    assert Struggle.objects.count() == 6
    assert Step.objects.get(slug="appreciation").title == "Say what you appreciate"


@pytest.mark.django_db
def test_unloading_removes_the_content():
    content.unload(apps, None)
    assert not Phase.objects.exists()
    assert not Step.objects.exists()
    assert not StepIdea.objects.exists()
    assert not JournalPrompt.objects.exists()
    assert not Struggle.objects.exists()
