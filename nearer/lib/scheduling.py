"""A pass at the start of every minute, for the scheduler commands' --loop mode.

Each pass gets fresh database connections; a database error is logged and the next minute
tries again; SIGTERM and Ctrl+C stop the loop cleanly.
"""

import logging
import signal
import time
from collections.abc import Callable

from django.db import DatabaseError, close_old_connections

logger = logging.getLogger(__name__)


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
