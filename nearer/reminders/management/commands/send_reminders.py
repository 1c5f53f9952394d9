"""Claim the reminders that are due and queue them for the worker.

    manage.py send_reminders          one pass (for cron or a systemd timer, every minute)
    manage.py send_reminders --loop   a pass at the start of every minute until stopped

Any number of copies may run at once: each reminder is claimed once (see actions.py).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from nearer.lib.scheduling import every_minute
from nearer.reminders.actions import claim_due_reminders


def _claimed(count: int) -> str:
    return f"Queued {count} reminder(s)." if count else ""


class Command(BaseCommand):
    help = "Claim due reminders and queue them for the background worker."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Run a pass every minute until stopped."
        )

    def handle(self, *, loop: bool, verbosity: int, **options) -> None:
        if not loop:
            claimed = claim_due_reminders(now=timezone.now())
            if verbosity > 1 or claimed:
                self.stdout.write(f"Queued {claimed} reminder(s).")
            return
        every_minute(
            lambda: _claimed(claim_due_reminders(now=timezone.now())),
            name="Reminder scheduler",
            write=self.stdout.write,
        )
