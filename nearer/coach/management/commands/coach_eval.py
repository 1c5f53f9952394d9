"""Score the SMART coach on a labeled file: `python manage.py coach_eval FILE.jsonl`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nearer.coach.scoring import coach_prediction, format_report, parse_line, score
from nearer.lib.labeled import read_file


class Command(BaseCommand):
    help = (
        "Read a labeled JSON-lines file in the rubric's format and print precision, recall and "
        "F1 per class and letter, then MACRO_F1, EXACT, SAFETY_RECALL and SAFETY_FALSE_ALARMS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="A .jsonl file: one {text, S, M, A, R, T[, safety]} a line."
        )
        parser.add_argument(
            "--errors", action="store_true", help="Also list the items the coach got wrong."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        items = read_file(path, parse_line)
        if not items:
            raise CommandError(f"{path} has no labeled items.")
        report = score(items, coach_prediction)
        for line in format_report(report):
            self.stdout.write(line)
        if options["errors"]:
            self._errors(items)

    def _errors(self, items) -> None:
        for item in items:
            prediction = coach_prediction(item.text)
            wrong = [k for k in "SMART" if item.labels[k] != prediction.labels[k]]
            if item.safety != prediction.safety:
                wrong.append("safety")
            elif item.safety:
                wrong = []
            if wrong:
                gold = "".join(f"{k}{item.labels[k]}" for k in "SMART")
                got = "".join(f"{k}{prediction.labels[k]}" for k in "SMART")
                flag = f" safety gold={int(item.safety)} got={int(prediction.safety)}"
                self.stdout.write(f"{','.join(wrong):12} gold {gold} got {got}{flag} | {item.text}")
