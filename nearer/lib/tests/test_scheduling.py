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


@pytest.mark.django_db(transaction=True)
def test_claim_once_claims_and_queues_together_or_not_at_all(alice):
    from nearer.accounts.models import Invitation

    queued = []
    # A unique column stands in for "this piece of work": the second claim must lose.
    first = scheduling.claim_once(
        lambda: Invitation.objects.create(inviter=alice, code="AAAABBBB"), queued.append
    )
    second = scheduling.claim_once(
        lambda: Invitation.objects.create(inviter=alice, code="AAAABBBB"), queued.append
    )
    assert (first, second) == (True, False)
    assert len(queued) == 1


@pytest.mark.django_db(transaction=True)
def test_a_failure_while_queueing_undoes_the_claim(alice):
    from nearer.accounts.models import Invitation

    def broken_queue(row):
        raise RuntimeError("the queue is down")

    with pytest.raises(RuntimeError):
        scheduling.claim_once(
            lambda: Invitation.objects.create(inviter=alice, code="CCCCDDDD"), broken_queue
        )
    assert not Invitation.objects.filter(code="CCCCDDDD").exists()
