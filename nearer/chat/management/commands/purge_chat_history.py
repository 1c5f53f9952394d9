"""End idle chats and delete ended ones older than NEARER_CHAT_RETENTION_DAYS.

    manage.py purge_chat_history          one pass (for cron or a systemd timer, e.g. hourly)
    manage.py purge_chat_history --loop   a pass every minute until stopped

Idempotent: running it again, or in two places at once, deletes nothing more.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from nearer.chat.actions import purge_history
from nearer.lib.scheduling import every_minute


def _said(ended: int, deleted: int) -> str:
    if not ended and not deleted:
        return ""
    return f"Ended {ended} idle chat(s); deleted {deleted} old chat(s)."


class Command(BaseCommand):
    help = "End idle Neighbor Chat conversations and delete those past the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Run a pass every minute until stopped."
        )

    def handle(self, *, loop: bool, verbosity: int, **options) -> None:
        if loop:
            every_minute(
                lambda: _said(*purge_history(now=timezone.now())),
                name="Chat history purge",
                write=self.stdout.write,
            )
            return
        ended, deleted = purge_history(now=timezone.now())
        if verbosity > 1 or ended or deleted:
            self.stdout.write(_said(ended, deleted) or "Nothing to purge.")
