"""The safety reader: danger in any wording is found with its kind; ordinary words are not."""

import ast
from pathlib import Path

import pytest

from nearer.safety import model, reader
from nearer.safety.reader import KINDS, read


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("He put his hands round my throat until I couldn't breathe.", "violence"),
        ("last night my bf choked me against the fridge", "violence"),
        ("She slapped me across the face in front of the kids.", "violence"),
        ("he threw a glass at my head", "violence"),
        ("He told me he'd kill me if I ever took the children.", "threat"),
        ("She keeps a knife by the bed and says I should remember it's there.", "threat"),
        ("I'm terrified of what he'll do when he gets home tonight.", "fear"),
        ("I've packed a go bag and hidden it at my sister's.", "fear"),
        ("He took my passport and my bank card so I can't leave.", "control"),
        ("she won't let me see my family anymore", "control"),
        ("My ex keeps turning up outside my work even though I blocked him.", "stalking"),
        ("I want to kill myself.", "self_harm"),
        ("everyone would be better off without me tbh", "self_harm"),
        ("i've been saving up my pills", "self_harm"),
        ("kms", "self_harm"),
        ("He hit our son with a belt again last night.", "child_harm"),
    ],
)
def test_danger_is_found_with_its_kind(words, kind):
    finding = read(words)
    assert finding is not None, words
    assert finding.kind == kind
    assert finding.kind in KINDS


@pytest.mark.parametrize(
    "words",
    [
        "This heat is killing me.",
        "We laughed till we cried at the wedding video.",
        "I would never hurt him.",
        "He has never once raised a hand to me.",
        "I'd kill for a coffee right now",
        "I'm dying to see you this weekend!",
        "We keep having the same argument about the dishes.",
        "I choked on a fish bone at dinner, he was so sweet about it.",
        "We started a kickboxing class together and I got a black eye sparring lol",
        "I'm scared of spiders and he always rescues me.",
        "I will stop checking my partner's phone.",
        "",
        "   ",
        "🙂🙂🙂",
    ],
)
def test_ordinary_words_are_not_called_danger(words):
    assert read(words) is None


def test_the_finding_quotes_the_writers_own_words():
    finding = read("Honestly the week was fine. Then he CHOAKED me on Sunday night.")
    assert finding is not None
    assert "CHOAKED" in finding.words


def test_mending_reads_slang_typos_and_stretched_letters():
    assert read("he threatend to k1ll me").kind == "threat"
    assert read("i wanna dieeee").kind == "self_harm"


def test_a_long_message_is_read_to_its_end():
    words = "We talked for a while about the week and the shopping. " * 200
    assert read(words) is None
    finding = read(words + "I want to end my life.")
    assert finding is not None
    assert finding.kind == "self_harm"
    assert "end my life" in finding.words.lower()


def test_danger_happening_now_is_urgent():
    finding = read("He's outside banging on the door right now, I'm so scared")
    assert finding is not None
    assert finding.urgent


def test_self_harm_outranks_other_kinds_in_one_message():
    finding = read("He pushed me into the wall again. I don't want to be alive anymore.")
    assert finding.kind == "self_harm"


@pytest.mark.parametrize(
    "words",
    ["\ud800", "a\x00b", "\u202e" * 50, "x" * 500_000, "<script>alert(1)</script>", "ı̇" * 99],
)
def test_hostile_input_never_breaks_the_reader(words):
    read(words)


def test_the_model_is_the_same_every_time_it_is_trained():
    items = model.labeled_items()[::8]
    texts = ["he keeps grabbing my wrist", "we went for a walk"]
    first = model.Model(items).margins(texts)
    second = model.Model(items).margins(texts)
    assert first == second


def test_every_rule_file_compiles_and_names_a_known_kind():
    rules = reader.rules()
    assert rules
    assert {rule.kind for rule in rules} == set(KINDS)


def test_safety_never_imports_the_coach():
    root = Path(reader.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                assert not name.startswith("nearer.coach"), f"{path} imports {name}"


def test_the_shortcut_finds_what_trying_every_rule_everywhere_finds():
    """Rules are tried only on sentences that hold the words they need (triggers.py); on a
    spread of labeled messages that must change nothing at all."""
    from nearer.safety import language

    items = model.labeled_items()[::17]
    assert len(items) > 400
    for item in items:
        reading = language.read(item["text"])
        fast = reader.first_rule_finding(reading)
        assert fast == reader.first_rule_finding(reading, shortcut=False), item["text"]


def test_while_a_server_trains_in_the_background_the_rules_read_alone(monkeypatch):
    """A chat message in a server's first seconds is not held up by the model's training."""
    import threading
    import time

    monkeypatch.setattr(model, "_trained", [])
    warming = threading.Event()
    warming.set()
    monkeypatch.setattr(model, "_warming", warming)
    with model._lock:  # the background training holds it
        started = time.perf_counter()
        assert model.ready() is None
        assert time.perf_counter() - started < model.READY_WAIT + 1
        assert read("He choked me last night.").kind == "violence"  # the rules still read
        assert read("We walked the dog and talked about the week ahead of us.") is None
