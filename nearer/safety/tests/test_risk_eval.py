"""`manage.py risk_eval`: the reader measured on labeled files, with floors no change may lower."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DATA = Path(__file__).resolve().parents[1] / "data"


def run(*args) -> dict[str, str]:
    out = StringIO()
    call_command("risk_eval", *args, stdout=out)
    lines = out.getvalue().splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and " " not in line)


def write(tmp_path, rows) -> str:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return str(path)


def test_it_prints_recall_false_alarms_and_items_exactly(tmp_path):
    path = write(
        tmp_path,
        [
            {"text": "He choked me last night.", "risk": 1, "kind": "violence"},
            {"text": "I want to die.", "risk": 1},
            {"text": "We went to the beach.", "risk": 0},
            {"text": "This traffic is killing me lol", "risk": 0},
        ],
    )
    figures = run(path)
    assert figures == {"RECALL": "1.000", "FALSE_ALARMS": "0.000", "ITEMS": "4"}


def test_bad_files_get_a_clear_message(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hi", "risk": 2}\n', encoding="utf-8")
    with pytest.raises(CommandError, match='line 1: "risk" must be 0 or 1'):
        run(str(bad))
    with pytest.raises(CommandError, match="Couldn't read"):
        run(str(tmp_path / "missing.jsonl"))
    bad.write_text('{"text": "hi", "risk": 1, "kind": "sadness"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match='"kind" must be one of'):
        run(str(bad))


def test_the_labeled_files_meet_their_floors():
    files = sorted(str(p) for p in (DATA / "labeled").glob("*.jsonl"))
    figures = run(*files)
    assert int(figures["ITEMS"]) >= 1500
    assert float(figures["RECALL"]) >= 0.99
    assert float(figures["FALSE_ALARMS"]) <= 0.03


def test_the_labeled_files_hold_enough_of_every_kind_and_of_ordinary_lines():
    rows = []
    for path in (DATA / "labeled").glob("*.jsonl"):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    ordinary = [r for r in rows if r["risk"] == 0]
    assert len(rows) >= 1500
    assert len(ordinary) >= 600
    kinds = {r["kind"] for r in rows if r["risk"] == 1}
    assert kinds == {"violence", "threat", "fear", "control", "stalking", "self_harm", "child_harm"}
