"""The weekly look back: small wins of the last seven days, nothing about what did not happen."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from nearer.accounts.models import User
from nearer.goals.models import CheckIn, Goal, Milestone, Shape

WEEK_DAYS = 7


@dataclass
class GoalWins:
    goal: Goal
    times: int = 0
    rest_days: int = 0
    seconds: int = 0

    @property
    def words(self) -> str:
        if self.goal.shape == Shape.IF_THEN:
            unit = "moment" if self.times == 1 else "moments"
            return f"{self.times} {unit}" if self.times else ""
        if self.times == 1:
            return "Once"
        return f"{self.times} times" if self.times else ""


@dataclass
class WeekInReview:
    first: date
    last: date
    goals: list[GoalWins] = field(default_factory=list)
    days_acted: int = 0
    rest_days: int = 0
    milestones: list[Milestone] = field(default_factory=list)

    @property
    def wins(self) -> list[GoalWins]:
        return [g for g in self.goals if g.times]


def week_in_review(user: User, today: date) -> WeekInReview:
    """The seven days ending ``today``: two queries, however long the history."""
    first = today - timedelta(days=WEEK_DAYS - 1)
    review = WeekInReview(first=first, last=today)
    rows = (
        CheckIn.objects.filter(
            goal__in=Goal.objects.editable_by(user), day__gte=first, day__lte=today
        )
        .select_related("goal")
        .order_by("goal__created_at", "goal_id", "day")
    )
    by_goal: dict[int, GoalWins] = {}
    acted: set[date] = set()
    rested: set[date] = set()
    for checkin in rows:
        wins = by_goal.setdefault(checkin.goal_id, GoalWins(goal=checkin.goal))
        if checkin.kind == CheckIn.Kind.SKIP:
            wins.rest_days += 1
            rested.add(checkin.day)
            continue
        wins.times += checkin.count
        wins.seconds += checkin.duration_seconds or 0
        acted.add(checkin.day)
    review.goals = list(by_goal.values())
    review.days_acted = len(acted)
    review.rest_days = len(rested - acted)
    review.milestones = list(
        Milestone.objects.visible_to(user)
        .filter(day__gte=first, day__lte=today)
        .select_related("goal")
    )
    return review
