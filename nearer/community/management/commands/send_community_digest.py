"""Email members who asked for it a list of new replies to their posts: at most one email a
member a day, whatever the number of runs.

    manage.py send_community_digest          one pass (for cron or a systemd timer, e.g. hourly)
    manage.py send_community_digest --loop   a pass every minute until stopped
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from nearer.community.digest import send_digests
from nearer.lib.scheduling import every_minute


def _said(sent: int) -> str:
    return f"Sent {sent} reply digest(s)." if sent else ""


class Command(BaseCommand):
    help = "Send the optional daily email of new replies (at most one per member per day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Run a pass every minute until stopped."
        )

    def handle(self, *, loop: bool, verbosity: int, **options) -> None:
        if loop:
            every_minute(
                lambda: _said(send_digests(now=timezone.now())),
                name="Community digest",
                write=self.stdout.write,
            )
            return
        sent = send_digests(now=timezone.now())
        if verbosity > 1 or sent:
            self.stdout.write(_said(sent) or "Sent 0 reply digest(s).")
