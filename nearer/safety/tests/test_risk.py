import pytest

from nearer.safety.risk import concern


@pytest.mark.parametrize(
    "words",
    [
        "Some nights I want to die.",
        "I have been thinking about how to kill myself",
        "I'm scared of what he'll do if I tell him",
        "She threatened to hurt me last night",
        "He won't let me leave the house",
    ],
)
def test_words_of_crisis_or_danger_are_noticed(words):
    assert concern(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "We keep having the same argument about the dishes.",
        "I keep checking his phone and I hate that I do it",
        "Feeling distant since the baby came. Any ideas for small moments?",
        "",
    ],
)
def test_ordinary_hard_days_are_not_called_a_crisis(words):
    assert concern(words) is None


def test_a_long_message_is_read_to_its_end():
    words = "We talked for a while about the week. " * 200 + "I want to end my life."
    assert len(words) > 4000
    hit = concern(words)
    assert hit is not None
    assert "end my life" in hit.words.lower()
