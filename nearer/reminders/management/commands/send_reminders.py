"""Claim the reminders that are due and queue them for the worker.

    manage.py send_reminders          one pass (for cron or a systemd timer, every minute)
    manage.py send_reminders --loop   a pass at the start of every minute until stopped

Any number of copies may run at once: each reminder is claimed once (see actions.py).
"""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from nearer.reminders.actions import claim_due_reminders

logger = logging.getLogger(__name__)


def _stop(signum, frame):
    raise SystemExit(0)


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
        signal.signal(signal.SIGTERM, _stop)
        self.stdout.write("Reminder scheduler started: a pass every minute.")
        try:
            while True:
                close_old_connections()
                try:
                    claimed = claim_due_reminders(now=timezone.now())
                except DatabaseError:
                    logger.exception("Reminder pass failed; trying again next minute.")
                else:
                    if claimed:
                        self.stdout.write(f"Queued {claimed} reminder(s).")
                time.sleep(60.5 - time.time() % 60)  # just after the next minute begins
        except KeyboardInterrupt:
            pass
