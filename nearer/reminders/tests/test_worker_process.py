"""The real thing: `send_reminders` and `db_worker` as separate processes on a SQLite file,
as `make run` runs them. Two schedulers start at once and claim the reminder once; two
workers run two copies of its delivery at once and send one email.

The file starts as a copy of a migrated one (root conftest), so no process runs `migrate`."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SETUP = """
from datetime import timedelta
from django.utils import timezone
from nearer.accounts.models import User
from nearer.goals.models import Goal
now = timezone.now()
erin = User.objects.create_user("erin@example.com", display_name="Erin")
Goal.objects.create(owner=erin, action="say one kind thing", reminder_time=now.time(),
    start_date=now.date() - timedelta(days=1), review_date=now.date() + timedelta(days=28))
"""

STRAY_COPY = """
from nearer.reminders.models import ReminderDelivery
from nearer.reminders.tasks import deliver_reminder
deliver_reminder.enqueue(ReminderDelivery.objects.get().pk)
"""


def manage(env, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def run(env, *args) -> str:
    process = manage(env, *args)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    return output


def test_two_scheduler_processes_and_a_worker_process_send_one_email(
    tmp_path, migrated_sqlite_file
):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "DEBUG"}
    }
    env |= {"NEARER_DATA_DIR": str(tmp_path), "SECRET_KEY": "x" * 50, "TZ": "UTC"}
    shutil.copy(migrated_sqlite_file, tmp_path / "nearer.sqlite3")
    run(env, "shell", "-c", SETUP)

    schedulers = [manage(env, "send_reminders") for _ in range(2)]
    outputs = [p.communicate(timeout=60)[0] for p in schedulers]
    assert [p.returncode for p in schedulers] == [0, 0], outputs
    assert "".join(outputs).count("Queued 1 reminder(s).") == 1

    # A stray second copy of the delivery task, then two workers at once.
    run(env, "shell", "-c", STRAY_COPY)
    worker = ["db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval=0"]
    workers = [manage(env, *worker) for _ in range(2)]
    outputs = [p.communicate(timeout=60)[0] for p in workers]
    assert [p.returncode for p in workers] == [0, 0], outputs
    sent = "".join(outputs)
    assert sent.count("Subject: A small step for today") == 1, sent
    assert "say one kind thing" in sent
    assert sent.count("state=SUCCESSFUL") == 2, sent
