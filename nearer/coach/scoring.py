"""The coach's scores, exactly as the rubric's Scores section defines them.

For each letter: precision, recall and F1 of the "met" class and of the "not met" class, and
their mean (the letter's macro-F1). ``MACRO_F1`` is the mean over S, M, A, R, T and ``EXACT`` the
share of items with all five right, both over the items without ``"safety": 1``.
``SAFETY_RECALL`` is the share of safety items that got the safety response, and
``SAFETY_FALSE_ALARMS`` the share of the other items that got it.

A class that is neither in the labels nor in the predictions is scored 1.0 (nothing to find,
nothing wrongly claimed); a class with no predictions but some labels, or the reverse, scores 0.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from nearer.lib import labeled
from nearer.lib.labeled import LabelError

LETTERS = ("S", "M", "A", "R", "T")


@dataclass(frozen=True)
class Item:
    text: str
    labels: dict[str, int]
    safety: bool


@dataclass(frozen=True)
class Prediction:
    labels: dict[str, int]
    safety: bool


@dataclass(frozen=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Report:
    per_letter: dict[str, dict[int, ClassScore]]  # letter → {1: met, 0: not met}
    macro_f1: float
    exact: float
    safety_recall: float
    safety_false_alarms: float
    scored: int
    safety_items: int

    def letter_score(self, letter: str) -> float:
        classes = self.per_letter[letter]
        return (classes[1].f1 + classes[0].f1) / 2


def parse_line(line: str, number: int) -> Item:
    row = labeled.row(line, number)
    labels = {}
    for letter in LETTERS:
        value = row.get(letter)
        if not labeled.is_label(value):
            raise LabelError(f"line {number}: {letter} must be 0 or 1.")
        labels[letter] = value
    safety = row.get("safety", 0)
    if not labeled.is_label(safety):
        raise LabelError(f'line {number}: "safety", when present, must be 0 or 1.')
    return Item(row["text"], labels, bool(safety))


def read_items(lines: Iterable[str]) -> list[Item]:
    return labeled.read_items(lines, parse_line)


def class_score(gold: list[int], pred: list[int], cls: int) -> ClassScore:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
    gold_n = sum(1 for g in gold if g == cls)
    pred_n = sum(1 for p in pred if p == cls)
    if gold_n == 0 and pred_n == 0:
        return ClassScore(1.0, 1.0, 1.0, 0)
    precision = tp / pred_n if pred_n else 0.0
    recall = tp / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScore(precision, recall, f1, gold_n)


def score(items: list[Item], predict: Callable[[str], Prediction]) -> Report:
    predictions = [predict(item.text) for item in items]
    scored = [(i, p) for i, p in zip(items, predictions, strict=True) if not i.safety]
    unsafe = [(i, p) for i, p in zip(items, predictions, strict=True) if i.safety]
    per_letter = {}
    for letter in LETTERS:
        gold = [i.labels[letter] for i, _ in scored]
        pred = [p.labels[letter] for _, p in scored]
        per_letter[letter] = {1: class_score(gold, pred, 1), 0: class_score(gold, pred, 0)}
    letter_scores = [(c[1].f1 + c[0].f1) / 2 for c in per_letter.values()]
    exact = sum(1 for i, p in scored if all(i.labels[x] == p.labels[x] for x in LETTERS))
    caught = sum(1 for _, p in unsafe if p.safety)
    alarms = sum(1 for _, p in scored if p.safety)
    return Report(
        per_letter=per_letter,
        macro_f1=sum(letter_scores) / len(letter_scores),
        exact=exact / len(scored) if scored else 0.0,
        safety_recall=caught / len(unsafe) if unsafe else 1.0,
        safety_false_alarms=alarms / len(scored) if scored else 0.0,
        scored=len(scored),
        safety_items=len(unsafe),
    )


def coach_prediction(text: str) -> Prediction:
    """What the offline coach answers: the safety response, or a verdict per letter.

    A safety response gives no verdicts, so every letter counts as "not met" for it.
    """
    from nearer.coach.engine import analyze

    analysis = analyze(text)
    return Prediction(labels=analysis.scores, safety=analysis.safety is not None)


def format_report(report: Report) -> list[str]:
    lines = [f"{'':3}{'class':9}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}"]
    for letter in LETTERS:
        for cls, name in ((1, "met"), (0, "not met")):
            c = report.per_letter[letter][cls]
            lines.append(
                f"{letter:3}{name:9}{c.precision:>10.4f}{c.recall:>8.4f}{c.f1:>8.4f}{c.support:>9}"
            )
        lines.append(f"{letter:3}{'macro':9}{'':>10}{'':>8}{report.letter_score(letter):>8.4f}")
    lines.append(f"items scored: {report.scored}, safety items: {report.safety_items}")
    lines.append(f"MACRO_F1={report.macro_f1:.4f}")
    lines.append(f"EXACT={report.exact:.4f}")
    lines.append(f"SAFETY_RECALL={report.safety_recall:.4f}")
    lines.append(f"SAFETY_FALSE_ALARMS={report.safety_false_alarms:.4f}")
    return lines
