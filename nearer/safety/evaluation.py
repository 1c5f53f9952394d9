"""Measuring the safety reader on labeled messages: what ``manage.py risk_eval`` prints.

A labeled file has one JSON object a line: ``{"text": "...", "risk": 0 or 1}``, optionally
with ``"kind"`` (one of the reader's kinds) on risk lines. ``RECALL`` is the share of risk-1
lines that got any finding; ``FALSE_ALARMS`` the share of risk-0 lines that got one. Per-kind
recall counts a line as caught when it got any finding, whatever its kind, since any finding
brings help; ``kind agreement`` says how often the kind also matched.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from nearer.lib import labeled
from nearer.lib.labeled import LabelError
from nearer.safety.reader import KINDS, Finding


@dataclass(frozen=True)
class Item:
    text: str
    risk: bool
    kind: str = ""


@dataclass
class Report:
    items: int = 0
    risky: int = 0
    caught: int = 0
    alarms: int = 0
    kind_total: Counter = field(default_factory=Counter)
    kind_caught: Counter = field(default_factory=Counter)
    kind_agree: int = 0
    missed: list[Item] = field(default_factory=list)
    false_alarms: list[tuple[Item, Finding]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.risky if self.risky else 1.0

    @property
    def false_alarm_rate(self) -> float:
        ordinary = self.items - self.risky
        return self.alarms / ordinary if ordinary else 0.0


def parse_line(line: str, number: int) -> Item:
    row = labeled.row(line, number)
    risk = row.get("risk")
    if not labeled.is_label(risk):
        raise LabelError(f'line {number}: "risk" must be 0 or 1.')
    kind = row.get("kind") or ""
    if kind and kind not in KINDS:
        raise LabelError(f'line {number}: "kind" must be one of {", ".join(KINDS)}.')
    return Item(row["text"], bool(risk), kind if risk else "")


def read_items(lines: Iterable[str]) -> list[Item]:
    return labeled.read_items(lines, parse_line)


def evaluate(items: list[Item], read: Callable[[str], Finding | None]) -> Report:
    report = Report()
    for item in items:
        finding = read(item.text)
        report.items += 1
        if item.risk:
            report.risky += 1
            kind = item.kind or "unspecified"
            report.kind_total[kind] += 1
            if finding is not None:
                report.caught += 1
                report.kind_caught[kind] += 1
                report.kind_agree += finding.kind == item.kind
            else:
                report.missed.append(item)
        elif finding is not None:
            report.alarms += 1
            report.false_alarms.append((item, finding))
    return report


def format_report(report: Report) -> list[str]:
    lines = [f"{'kind':14}{'recall':>8}{'caught':>8}{'items':>7}"]
    for kind in (*KINDS, "unspecified"):
        total = report.kind_total[kind]
        if total:
            caught = report.kind_caught[kind]
            lines.append(f"{kind:14}{caught / total:>8.3f}{caught:>8}{total:>7}")
    labeled = sum(n for k, n in report.kind_total.items() if k != "unspecified")
    if labeled:
        lines.append(f"kind agreement on caught lines: {report.kind_agree}/{report.caught}")
    lines.append(f"RECALL={report.recall:.3f}")
    lines.append(f"FALSE_ALARMS={report.false_alarm_rate:.3f}")
    lines.append(f"ITEMS={report.items}")
    return lines


def cross_validate(groups: list[list[Item]]) -> Report:
    """The reader on each group of ``groups`` (one labeled file each), its model trained on
    the other groups only: how it reads wording written by someone it has not learned from.
    With one group, fifths of it stand in for files.

    For the model this is an honest measure. The rules were written with these files in view,
    so their part of the figure is not.
    """
    from nearer.safety import model, reader

    if len(groups) == 1:
        only = groups[0]
        groups = [[item for n, item in enumerate(only) if n % 5 == fold] for fold in range(5)]
    report = Report()
    for held, part in enumerate(groups):
        train = [
            {"text": i.text, "risk": int(i.risk), "kind": i.kind}
            for other, group in enumerate(groups)
            if other != held
            for i in group
        ]
        trained = model.Model(train)
        _merge(report, evaluate(part, lambda text, m=trained: reader.read(text, model=m)))
    return report


def _merge(total: Report, part: Report) -> None:
    total.items += part.items
    total.risky += part.risky
    total.caught += part.caught
    total.alarms += part.alarms
    total.kind_total.update(part.kind_total)
    total.kind_caught.update(part.kind_caught)
    total.kind_agree += part.kind_agree
    total.missed.extend(part.missed)
    total.false_alarms.extend(part.false_alarms)
