"""Claim the coaching sessions that start within a day and queue their reminders.

    manage.py send_coaching_reminders          one pass (cron or a systemd timer, every minute)
    manage.py send_coaching_reminders --loop   a pass every minute until stopped; it also tops
                                               up coaching slots (make_coaching_slots) hourly

Any number of copies may run at once: each booking's reminder is claimed once.
"""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from nearer.coaching.actions import claim_due_reminders
from nearer.coaching.slots import sync_all
from nearer.lib.scheduling import every_minute

SLOTS_EVERY = 60 * 60  # seconds between slot top-ups in --loop mode


class Command(BaseCommand):
    help = "Queue the day-before reminders for coaching sessions."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Run a pass every minute until stopped."
        )

    def handle(self, *, loop: bool, verbosity: int, **options) -> None:
        if not loop:
            claimed = claim_due_reminders(now=timezone.now())
            if verbosity > 1 or claimed:
                self.stdout.write(f"Queued {claimed} coaching reminder(s).")
            return
        slots_due = [0.0]

        def run_pass() -> str:
            if time.monotonic() >= slots_due[0]:
                sync_all(now=timezone.now())
                slots_due[0] = time.monotonic() + SLOTS_EVERY
            claimed = claim_due_reminders(now=timezone.now())
            return f"Queued {claimed} coaching reminder(s)." if claimed else ""

        every_minute(run_pass, name="Coaching scheduler", write=self.stdout.write)
