"""Turn every active coach's weekly availability into bookable slots for the next weeks.

    manage.py make_coaching_slots             the next 4 weeks (run daily, or more often)
    manage.py make_coaching_slots --weeks 8

Safe to run at any time and as often as you like: slots that exist stay, booked slots are
never touched. `send_coaching_reminders --loop` also runs this every hour.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from nearer.coaching.slots import MAX_WEEKS_AHEAD, WEEKS_AHEAD, sync_all


class Command(BaseCommand):
    help = "Make bookable coaching slots from each coach's weekly availability."

    def add_arguments(self, parser):
        parser.add_argument(
            "--weeks", type=int, default=WEEKS_AHEAD, help="How many weeks ahead (1 to 12)."
        )

    def handle(self, *, weeks: int, verbosity: int, **options) -> None:
        if not 1 <= weeks <= MAX_WEEKS_AHEAD:
            raise CommandError(f"Please choose a number of weeks from 1 to {MAX_WEEKS_AHEAD}.")
        made, coaches = sync_all(now=timezone.now(), weeks=weeks)
        if verbosity > 0:
            self.stdout.write(f"Made {made} new slot(s) for {coaches} coach(es).")
