"""Fill a database with a realistic population for benchmarks and demos.

    python manage.py seed_demo --members 2000 --years 2 [--goals 9] [--reset]

Members (some linked in couples, some alone) have up to ``--goals`` goals made from the
program's steps, in every shape: daily, a few times a week, if-then, one-off by a deadline.
Their check-ins follow people, not machines: good and quiet weeks, rest days, weekends that
differ, gaps of a few days, a hard season or two, and some members who drifted away.

Each goal's strength is settled exactly as a page view would settle it (through
``nearer.goals.progress.settle``), so the first page view only folds the last few days.

Everything is written with ``bulk_create``, one transaction per batch of members. Seeded
members share the email domain below; ``--reset`` removes them (and only them) first.

One member, the bench member, always has 9 active goals, one per program step: the 8 that
repeat carry ``--years`` of history, and the one-off (short by nature) is due tomorrow. They
share every other goal with a partner who shares all of theirs; the email and password are
printed at the end.
"""

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import Couple, User
from nearer.goals.models import BACKDATE_DAYS, CheckIn, Goal, HardSeason, Shape, StrengthPoint
from nearer.goals.progress import Days, settle
from nearer.program.models import Step

DOMAIN = "seed.nearer.invalid"
BENCH_EMAIL = f"bench@{DOMAIN}"
BENCH_PARTNER_EMAIL = f"bench-partner@{DOMAIN}"
BENCH_PASSWORD = "quiet-harbour-evening-41"  # noqa: S105 (a demo login, printed on purpose)
BATCH_MEMBERS = 100
MAX_GOALS = 9

NAMES = [
    *("Alex", "Sam", "Robin", "Kim", "Jordan", "Taylor", "Morgan", "Jamie", "Casey", "Riley"),
    *("Avery", "Quinn", "Noa", "Eli", "Mina", "Omar", "Lena", "Yusuf", "Ana", "Tom", "Priya"),
    *("Kenji", "Sofia", "Marek", "Ines", "Luca", "Hana", "Femi", "Zoe", "Ravi", "Ada", "Ivo"),
]
ZONES = (
    ["UTC"] * 3
    + ["Europe/London", "Europe/Berlin", "Europe/Madrid", "America/New_York"] * 2
    + ["America/Chicago", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney"]
)
NOTES = (
    "It felt easier today.",
    "Short, but it counted.",
    "We laughed about it after.",
    "Hard day, did it anyway.",
    "They noticed.",
    "Took a breath first.",
)
WHYS = (
    "I want us to feel like a team again.",
    "Small things are what I miss most.",
    "So home feels calmer.",
    "",
)


@dataclass
class Member:
    user: User
    joined: date
    last_active: date
    adherence: float  # 0..1, how often this member follows through
    quiet: set[date] = field(default_factory=set)  # no check-ins at all (life happened)
    seasons: list[HardSeason] = field(default_factory=list)
    n_goals: int = 0
    is_bench: bool = False


@dataclass
class Counts:
    members: int = 0
    goals: int = 0
    checkins: int = 0


class Command(BaseCommand):
    help = "Create a realistic population of members, goals and years of check-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--members", type=int, default=2000, help="members to create")
        parser.add_argument("--years", type=float, default=2, help="years of history")
        parser.add_argument("--goals", type=int, default=MAX_GOALS, help="most goals a member has")
        parser.add_argument("--reset", action="store_true", help="remove earlier seeded data")
        parser.add_argument("--seed", type=int, default=1, help="random seed (repeatable data)")

    def handle(self, *args, **options) -> None:
        members, years, max_goals = options["members"], options["years"], options["goals"]
        if members < 2:
            raise CommandError("Please choose at least 2 members (the bench member and a partner).")
        if not 0.1 <= years <= 10:
            raise CommandError("Please choose a number of years from 0.1 to 10.")
        if not 1 <= max_goals <= MAX_GOALS:
            raise CommandError(f"Please choose a number of goals from 1 to {MAX_GOALS}.")
        steps = list(Step.objects.in_order())
        if len(steps) < 2:
            raise CommandError("The program's steps are missing: run `manage.py migrate` first.")
        seeded = User.objects.filter(email__endswith=f"@{DOMAIN}")
        if seeded.exists():
            if not options["reset"]:
                raise CommandError(
                    "Seeded demo data exists already. Run again with --reset to replace it."
                )
            self.reset(seeded)

        started = time.monotonic()
        seeder = Seeder(
            steps=steps,
            years=years,
            max_goals=max_goals,
            today=timezone.now().date(),
            rng=random.Random(options["seed"]),
        )
        counts = Counts()
        for first in range(0, members, BATCH_MEMBERS):
            size = min(BATCH_MEMBERS, members - first)
            with transaction.atomic():
                seeder.batch(first, size, counts)
            self.stdout.write(
                f"members {counts.members}/{members} · goals {counts.goals:,} · "
                f"check-ins {counts.checkins:,} · {time.monotonic() - started:.1f} s"
            )
            self.stdout.flush()

        self.stdout.write(
            f"\nSeeded {counts.members:,} members, {counts.goals:,} goals and "
            f"{counts.checkins:,} check-ins in {time.monotonic() - started:.1f} s.\n"
            f"Bench member (9 goals, {years:g} years of history): {BENCH_EMAIL}  "
            f"password: {BENCH_PASSWORD}"
        )

    def reset(self, seeded) -> None:
        self.stdout.write("Removing earlier seeded data…")
        with transaction.atomic():
            CheckIn.objects.filter(goal__owner__in=seeded).delete()
            Goal.objects.filter(owner__in=seeded).delete()
            HardSeason.objects.filter(owner__in=seeded).delete()
            couples = list(seeded.exclude(couple=None).values_list("couple_id", flat=True))
            seeded.delete()
            Couple.objects.filter(pk__in=couples).delete()


class Seeder:
    """Makes members batch by batch; the random generator makes every run the same."""

    def __init__(
        self, *, steps: list[Step], years: float, max_goals: int, today: date, rng: random.Random
    ) -> None:
        self.steps = steps
        self.max_goals = max_goals
        self.today = today
        self.first_day = today - timedelta(days=round(years * 365))
        self.rng = rng
        self.no_password = make_password(None)  # population members cannot log in
        self.bench_password = make_password(BENCH_PASSWORD)
        self.at = {}  # day → a datetime that evening, shared by that day's check-ins

    # -- members ---------------------------------------------------------------------------

    def batch(self, first: int, size: int, counts: Counts) -> None:
        members = self.make_members(first, size)
        goals, checkins, points = [], [], []
        for member in members:
            for goal, days in self.make_goals(member, points):
                goals.append(goal)
                checkins.append((goal, days))
        Goal.objects.bulk_create(goals, batch_size=500)
        StrengthPoint.objects.bulk_create(points, batch_size=2000)  # the goals have pks now
        rows = [row for goal, days in checkins for row in self.checkin_rows(goal, days)]
        CheckIn.objects.bulk_create(rows, batch_size=2000)
        counts.members += len(members)
        counts.goals += len(goals)
        counts.checkins += len(rows)

    def make_members(self, first: int, size: int) -> list[Member]:
        rng, members = self.rng, []
        span = (self.today - self.first_day).days
        couples: list[Couple] = []
        index = first
        while index < first + size:
            bench = index == 0
            pair = bench or (rng.random() < 0.6 and index + 1 < first + size)
            couple = Couple() if pair else None
            if couple:
                couples.append(couple)
            joined = self.first_day if bench else self.today - timedelta(rng.randint(10, span))
            for partner in range(2 if pair else 1):
                if partner and not bench:
                    joined = min(self.today, joined + timedelta(rng.randint(0, 60)))
                members.append(self.make_member(index, joined, couple, bench=bench, nth=partner))
                index += 1
        Couple.objects.bulk_create(couples)  # before the users, who take the couples' pks
        User.objects.bulk_create([m.user for m in members], batch_size=500)
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=m.user, email=m.user.email, verified=True, primary=True)
                for m in members
            ],
            batch_size=500,
        )
        seasons = []
        for member in members:
            for season in member.seasons:
                season.owner = member.user
                seasons.append(season)
        HardSeason.objects.bulk_create(seasons, batch_size=500)
        return members

    def make_member(
        self, index: int, joined: date, couple: Couple | None, *, bench: bool, nth: int
    ) -> Member:
        rng = self.rng
        if bench:
            email = BENCH_PARTNER_EMAIL if nth else BENCH_EMAIL
        else:
            email = f"member{index:05d}@{DOMAIN}"
        user = User(
            email=email,
            display_name=rng.choice(NAMES),
            couple=couple,
            time_zone="UTC" if bench else rng.choice(ZONES),
            password=self.bench_password if bench and not nth else self.no_password,
            date_joined=datetime.combine(joined, datetime.min.time(), tzinfo=UTC),
            welcomed_at=datetime.combine(joined, datetime.min.time(), tzinfo=UTC),
            discreet=rng.random() < 0.15,
        )
        drifted = not bench and rng.random() < 0.25
        last_active = (
            joined + timedelta(rng.randint(7, max(7, (self.today - joined).days)))
            if drifted
            else self.today
        )
        member = Member(
            user=user,
            joined=joined,
            last_active=min(last_active, self.today),
            adherence=0.8 if bench else rng.betavariate(4, 2),
            is_bench=bench,
        )
        member.n_goals = (
            MAX_GOALS if bench else min(self.max_goals, max(1, round(rng.triangular(1, 9, 3))))
        )
        self.add_quiet_days(member)
        self.add_hard_seasons(member, count=2 if bench else rng.choice((0, 0, 0, 1, 1, 2)))
        return member

    def add_quiet_days(self, member: Member) -> None:
        """Holidays, illness, busy weeks: a gap of a few days about every two months."""
        rng, day = self.rng, member.joined
        while True:
            day += timedelta(rng.randint(20, 100))
            if day >= self.today - timedelta(days=BACKDATE_DAYS):
                break
            member.quiet.update(day + timedelta(n) for n in range(rng.randint(2, 12)))

    def add_hard_seasons(self, member: Member, *, count: int) -> None:
        span = (self.today - member.joined).days
        if span < 60:
            return
        for _ in range(count):
            start = member.joined + timedelta(self.rng.randint(20, span - 30))
            end = start + timedelta(self.rng.randint(7, 28))
            if any(s.start_date <= end and start <= s.end_date for s in member.seasons):
                continue
            member.seasons.append(HardSeason(start_date=start, end_date=end))

    # -- goals -----------------------------------------------------------------------------

    def make_goals(
        self, member: Member, points: list[StrengthPoint]
    ) -> Iterator[tuple[Goal, Days]]:
        rng = self.rng
        if member.is_bench:
            chosen = self.steps[: member.n_goals]
        else:
            weights = [
                3 if s.phase.number == 1 else 2 if s.phase.number == 2 else 1 for s in self.steps
            ]
            chosen = []
            while len(chosen) < min(member.n_goals, len(self.steps)):
                step = rng.choices(self.steps, weights)[0]
                if step not in chosen:
                    chosen.append(step)
        for n, step in enumerate(chosen):
            if step.shape == Shape.DEADLINE:
                yield self.one_off_goal(member, step)
                continue
            if member.is_bench:
                start = member.joined
            else:
                start = member.joined + timedelta(rng.choice((0, 0, 0, rng.randint(1, 120))))
            start = min(start, self.today)
            end = member.last_active
            status = Goal.Status.ACTIVE
            if not member.is_bench and rng.random() < 0.15 and (end - start).days > 40:
                end = start + timedelta(rng.randint(28, (end - start).days))
                status = rng.choice((Goal.Status.COMPLETED, Goal.Status.ARCHIVED))
            times = step.times_per_week
            if step.shape == Shape.WEEKLY and not member.is_bench:
                times = rng.choice((times, times, 2, 3))
            goal = Goal(
                owner=member.user,
                step=step,
                action=step.action,
                shape=step.shape,
                times_per_week=times if step.shape == Shape.WEEKLY else None,
                duration_seconds=step.duration_seconds,
                trigger=step.trigger,
                confidence=rng.randint(6, 10),
                why=rng.choice(WHYS),
                start_date=start,
                review_date=(
                    self.today + timedelta(rng.randint(1, 28))
                    if status == Goal.Status.ACTIVE
                    else max(start, end)
                ),
                is_shared=self.shared(member, n),
                status=status,
                reminder_time=(
                    datetime.min.time().replace(hour=rng.randint(7, 21))
                    if rng.random() < 0.4
                    else None
                ),
                created_at=datetime.combine(start, datetime.min.time(), tzinfo=UTC),
            )
            days = self.history(member, goal, last=min(end, self.today))
            # Settle the days that can no longer change, exactly as a page view would, keeping
            # its weekly strength points. The goal has no pk yet: its days are keyed by that
            # same (empty) pk.
            settle_on = self.today
            if status != Goal.Status.ACTIVE:  # settled through its last day, then left alone
                settle_on = min(self.today, end + timedelta(days=BACKDATE_DAYS + 1))
            settle([goal], {goal.pk: days}, member.seasons, today=settle_on, points=points)
            yield goal, days

    def shared(self, member: Member, n: int) -> bool:
        """The bench member shares every other goal, their partner all; others choose."""
        if member.user.couple is None:
            return False
        if member.is_bench:
            return member.user.email == BENCH_PARTNER_EMAIL or n % 2 == 0
        return self.rng.random() < 0.4

    def one_off_goal(self, member: Member, step: Step) -> tuple[Goal, Days]:
        """A one-off: the bench member's is due tomorrow; others are done or put away."""
        rng = self.rng
        hours = step.deadline_hours_max or 48
        if member.is_bench:
            start = self.today - timedelta(days=1)
        else:
            start = member.joined + timedelta(
                rng.randint(0, (member.last_active - member.joined).days)
            )
        deadline = start + timedelta(days=max(1, hours // 24))
        days = Days()
        done_on = start + timedelta(rng.randint(0, (deadline - start).days))
        finished = deadline < self.today
        if finished and rng.random() < member.adherence:
            days.done[done_on] = 1
        status = Goal.Status.ACTIVE
        if finished:
            status = Goal.Status.COMPLETED if days.done else Goal.Status.ARCHIVED
        goal = Goal(
            owner=member.user,
            step=step,
            action=step.action,
            shape=Shape.DEADLINE,
            deadline=deadline,
            confidence=rng.randint(5, 10),
            start_date=start,
            review_date=deadline,
            status=status,
            is_shared=self.shared(member, len(self.steps)),
            created_at=datetime.combine(start, datetime.min.time(), tzinfo=UTC),
        )
        return goal, days

    def history(self, member: Member, goal: Goal, *, last: date) -> Days:
        """What this member did with this goal each day, from its start through ``last``."""
        rng, days = self.rng, Days()
        paused = set(member.quiet)
        for season in member.seasons:
            paused.update(
                season.start_date + timedelta(n)
                for n in range((season.end_date - season.start_date).days + 1)
            )
        liking = rng.uniform(0.75, 1.15)  # some goals suit a person better than others
        day = goal.start_date
        while day <= last:
            if day in paused:
                day += timedelta(days=1)
                continue
            weeks_in = (day - goal.start_date).days / 7
            warm_up = min(1.0, 0.6 + weeks_in / 20)  # habits take a few weeks to settle in
            weekend = 0.85 if day.weekday() >= 5 else 1.0
            p = min(0.98, member.adherence * liking * warm_up * weekend)
            if goal.shape == Shape.DAILY:
                if rng.random() < p:
                    days.done[day] = 1
                elif rng.random() < 0.08:
                    days.skipped.add(day)
            elif goal.shape == Shape.WEEKLY:
                # Spread the week's target over the week, so each day has a fair chance.
                if rng.random() < p * (goal.times_per_week or 1) / 7 * 1.1:
                    days.done[day] = 1
                elif rng.random() < 0.02:
                    days.skipped.add(day)
            elif rng.random() < 0.3 * p:  # if-then: the moment came and was met
                days.done[day] = 1 if rng.random() < 0.8 else rng.randint(2, 3)
            day += timedelta(days=1)
        return days

    def checkin_rows(self, goal: Goal, days: Days) -> Iterator[CheckIn]:
        rng = self.rng
        for day, count in days.done.items():
            duration = None
            if goal.duration_seconds and rng.random() < 0.5:
                duration = round(goal.duration_seconds * rng.uniform(0.8, 1.6))
            yield CheckIn(
                goal_id=goal.pk,
                day=day,
                kind=CheckIn.Kind.DONE,
                count=count,
                duration_seconds=duration,
                note=rng.choice(NOTES) if rng.random() < 0.04 else "",
                created_at=self.evening(day),
            )
        for day in days.skipped:
            yield CheckIn(
                goal_id=goal.pk, day=day, kind=CheckIn.Kind.SKIP, created_at=self.evening(day)
            )

    def evening(self, day: date) -> datetime:
        if day not in self.at:
            self.at[day] = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(
                hours=19
            )
        return self.at[day]
