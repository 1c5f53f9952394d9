"""Score the safety reader on a labeled file: `python manage.py risk_eval FILE.jsonl`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nearer.lib.labeled import read_file
from nearer.safety import reader
from nearer.safety.evaluation import cross_validate, evaluate, format_report, parse_line


class Command(BaseCommand):
    help = (
        'Read a JSON-lines file of {"text": ..., "risk": 0 or 1[, "kind": ...]} and print '
        "recall per kind, then RECALL, FALSE_ALARMS and ITEMS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="+", help="One or more .jsonl files: one labeled message a line."
        )
        parser.add_argument(
            "--errors", action="store_true", help="Also list the missed lines and false alarms."
        )
        parser.add_argument(
            "--cross-validate",
            action="store_true",
            help=(
                "Read each FILE with a model trained on the other files only "
                "(with one FILE, each fifth of it on the other four fifths)."
            ),
        )

    def handle(self, *args, **options):
        groups = [read_file(Path(name), parse_line) for name in options["file"]]
        items = [item for group in groups for item in group]
        if not items:
            raise CommandError("No labeled lines to read.")
        if options["cross_validate"]:
            report = cross_validate([group for group in groups if group])
        else:
            report = evaluate(items, reader.read)
        for line in format_report(report):
            self.stdout.write(line)
        if options["errors"]:
            for item in report.missed:
                self.stdout.write(f"MISSED {item.kind or '-':11} | {item.text}")
            for item, finding in report.false_alarms:
                self.stdout.write(f"ALARM  {finding.kind:11} | {finding.words} | {item.text}")
