"""A pass at the start of every minute, for the scheduler commands' --loop mode.

Each pass gets fresh database connections; a database error is logged and the next minute
tries again; SIGTERM and Ctrl+C stop the loop cleanly.
"""

import logging
import signal
import time
from collections.abc import Callable

from django.db import DatabaseError, IntegrityError, close_old_connections, transaction

logger = logging.getLogger(__name__)


def claim_once(claim: Callable[[], object], enqueue: Callable[[object], None]) -> bool:
    """Claim a piece of work exactly once and queue it, or do nothing.

    ``claim`` inserts a row whose unique constraint names the work (a goal and a local date, a
    booking); ``enqueue`` queues the task for it. Both happen in one transaction, and the task
    queue is a table in the same database, so a crash leaves both or neither. A second
    scheduler that races for the same work hits the constraint and gets False.
    """
    try:
        with transaction.atomic():
            enqueue(claim())
    except IntegrityError:
        return False  # another scheduler claimed it first
    return True


def _stop(signum, frame):
    raise SystemExit(0)


def every_minute(run_pass: Callable[[], str], *, name: str, write: Callable[[str], None]) -> None:
    """Call ``run_pass`` just after each minute begins, writing what it says (if anything)."""
    signal.signal(signal.SIGTERM, _stop)
    write(f"{name} started: a pass every minute.")
    try:
        while True:
            close_old_connections()
            try:
                said = run_pass()
            except DatabaseError:
                logger.exception("%s pass failed; trying again next minute.", name)
            else:
                if said:
                    write(said)
            time.sleep(60.5 - time.time() % 60)  # just after the next minute begins
    except KeyboardInterrupt:
        pass
