import pytest
from django.db import DatabaseError

from nearer.lib import scheduling


def test_every_minute_keeps_going_after_a_database_error_and_writes_what_passes_say(
    monkeypatch, caplog
):
    said, sleeps = [], []
    results = iter([DatabaseError("locked"), "Queued 2 reminder(s).", ""])

    def run_pass():
        result = next(results)
        if isinstance(result, Exception):
            raise result
        return result

    def sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(scheduling.time, "sleep", sleep)
    monkeypatch.setattr(scheduling, "close_old_connections", lambda: None)
    scheduling.every_minute(run_pass, name="Test scheduler", write=said.append)
    assert said == ["Test scheduler started: a pass every minute.", "Queued 2 reminder(s)."]
    assert "Test scheduler pass failed" in caplog.text
    assert all(0 < s <= 60.5 for s in sleeps)


def test_sigterm_stops_the_loop(monkeypatch):
    with pytest.raises(SystemExit) as stopped:
        scheduling._stop(15, None)
    assert stopped.value.code == 0
