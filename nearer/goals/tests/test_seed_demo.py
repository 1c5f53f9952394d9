"""seed_demo: a realistic population for benchmarks, with strength settled as pages would."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from nearer.accounts.models import User
from nearer.goals.management.commands.seed_demo import (
    BENCH_EMAIL,
    BENCH_PARTNER_EMAIL,
    BENCH_PASSWORD,
    DOMAIN,
)
from nearer.goals.models import CheckIn, Goal, HardSeason, Shape, StrengthPoint
from nearer.goals.progress import Days, settle, settled_through

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def days_of(goal: Goal) -> Days:
    days = Days()
    for day, kind, count in goal.checkins.values_list("day", "kind", "count"):
        if kind == CheckIn.Kind.SKIP:
            days.skipped.add(day)
        else:
            days.done[day] = count
    return days


def test_seeding_creates_the_members_and_shows_progress_and_the_bench_login():
    output = seed("--members", "12", "--years", "0.5")

    assert User.objects.filter(email__endswith=f"@{DOMAIN}").count() == 12
    assert "members 12/12" in output
    assert BENCH_EMAIL in output
    assert BENCH_PASSWORD in output


def test_the_bench_member_can_log_in_and_has_nine_goals_a_partner_and_history():
    seed("--members", "4", "--years", "1")
    bench = User.objects.get(email=BENCH_EMAIL)

    assert bench.check_password(BENCH_PASSWORD)
    assert bench.emailaddress_set.get().verified
    assert bench.partner.email == BENCH_PARTNER_EMAIL
    goals = Goal.objects.filter(owner=bench)
    assert goals.active().count() == 9
    assert {g.shape for g in goals} == {Shape.DAILY, Shape.WEEKLY, Shape.IF_THEN, Shape.DEADLINE}
    assert goals.filter(is_shared=True).exists()
    assert goals.filter(is_shared=False).exists()
    daily = goals.get(shape=Shape.DAILY)
    assert daily.start_date <= bench.today() - timedelta(days=360)
    assert 150 < daily.checkins.count() < 365  # real people leave gaps
    assert HardSeason.objects.filter(owner=bench).count() == 2


def test_settled_strength_matches_folding_the_whole_history_from_scratch():
    seed("--members", "6", "--years", "1")
    today = timezone.now().date()

    recurring = Goal.objects.active().exclude(shape=Shape.DEADLINE)
    assert recurring.exists()
    for goal in recurring:
        assert goal.strength_as_of == settled_through(today)
        seasons = list(HardSeason.objects.filter(owner=goal.owner_id))
        fresh = Goal.objects.get(pk=goal.pk)
        fresh.strength, fresh.strength_as_of = 0.0, None
        settle([fresh], {fresh.pk: days_of(goal)}, seasons, today=today, points=[])
        assert fresh.strength == pytest.approx(goal.strength, abs=1e-12)
    assert StrengthPoint.objects.filter(goal__in=recurring).exists()


def test_members_are_some_linked_some_alone_with_a_mix_of_goal_shapes():
    seed("--members", "60", "--years", "1")
    seeded = User.objects.filter(email__endswith=f"@{DOMAIN}")

    assert seeded.filter(couple=None).exists()
    assert seeded.exclude(couple=None).exists()
    shapes = set(Goal.objects.values_list("shape", flat=True))
    assert shapes == {Shape.DAILY, Shape.WEEKLY, Shape.IF_THEN, Shape.DEADLINE}
    assert Goal.objects.filter(shape=Shape.WEEKLY, times_per_week__gte=2).exists()
    assert CheckIn.objects.filter(kind=CheckIn.Kind.SKIP).exists()
    assert all(Goal.objects.filter(owner=m).count() <= 9 for m in seeded)


def test_seeding_again_is_refused_while_seeded_data_exists():
    seed("--members", "3", "--years", "0.2")

    with pytest.raises(CommandError, match="--reset"):
        seed("--members", "3", "--years", "0.2")
    assert User.objects.filter(email__endswith=f"@{DOMAIN}").count() == 3


def test_reset_replaces_the_seeded_members_and_leaves_real_members_alone(alice, bob):
    seed("--members", "5", "--years", "0.2")
    Goal.objects.create(owner=alice, action="Say good morning", review_date=alice.today())

    seed("--members", "3", "--years", "0.2", "--reset")

    assert User.objects.filter(email__endswith=f"@{DOMAIN}").count() == 3
    assert User.objects.filter(pk__in=[alice.pk, bob.pk]).count() == 2
    assert Goal.objects.filter(owner=alice).count() == 1
    alice.refresh_from_db()
    assert alice.partner == bob


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--members", "1"], "at least 2 members"),
        (["--years", "0"], "number of years"),
        (["--goals", "12"], "number of goals from 1 to 9"),
    ],
)
def test_unworkable_arguments_get_a_clear_message_and_nothing_is_saved(args, message):
    with pytest.raises(CommandError, match=message):
        seed(*args)
    assert not User.objects.exists()
