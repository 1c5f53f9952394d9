"""Claim the coaching sessions that start within a day and queue their reminders.

    manage.py send_coaching_reminders          one pass (cron or a systemd timer, every minute)
    manage.py send_coaching_reminders --loop   a pass every minute until stopped; it also tops
                                               up coaching slots (make_coaching_slots) hourly

Any number of copies may run at once: each booking's reminder is claimed once.
"""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from nearer.coaching.actions import claim_due_reminders
from nearer.coaching.slots import sync_all

logger = logging.getLogger(__name__)
SLOTS_EVERY = 60 * 60  # seconds between slot top-ups in --loop mode


def _stop(signum, frame):
    raise SystemExit(0)


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
        signal.signal(signal.SIGTERM, _stop)
        self.stdout.write("Coaching scheduler started: a pass every minute.")
        slots_due = 0.0
        try:
            while True:
                close_old_connections()
                try:
                    if time.monotonic() >= slots_due:
                        sync_all(now=timezone.now())
                        slots_due = time.monotonic() + SLOTS_EVERY
                    claimed = claim_due_reminders(now=timezone.now())
                except DatabaseError:
                    logger.exception("Coaching pass failed; trying again next minute.")
                else:
                    if claimed:
                        self.stdout.write(f"Queued {claimed} coaching reminder(s).")
                time.sleep(60.5 - time.time() % 60)
        except KeyboardInterrupt:
            pass
