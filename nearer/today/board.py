"""What Today shows: each active goal with this week's progress, and the partner's shared ones.

Everything about progress comes from ``nearer.goals.progress.progress_for``, which reads one
bounded window of recent check-ins. The page runs the same few queries whatever the length of
a member's history: goals, seasons, recent check-ins (and a settling update when a day becomes
final). ``nearer.today.drawn`` keeps the board, drawn, until something on it changes.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.dateformat import format as format_date

from nearer.accounts.models import User
from nearer.goals.models import CheckIn, Goal, GoalQuerySet, HardSeason, Shape
from nearer.goals.progress import Progress, progress_for, window_start
from nearer.goals.strength import describe
from nearer.program.models import seconds_label
from nearer.today.seasons import WELCOME_BACK_DAYS, seasons_by_owner

QUIET_DAYS = 7  # a week with nothing done earns "Pick up whenever you're ready"
CARD_URLS = {
    "detail": "goal_detail",
    "check_in": "today_check_in",
    "moment": "today_moment",
    "rest": "today_rest",
    "undo": "today_undo",
    "earlier": "today_earlier",
}
_PK = 2_147_483_647  # a placeholder id, reversed once per request and swapped per card


def card_url_patterns() -> dict[str, str]:
    """Each card needs five addresses; reverse each name once, not once per card."""
    return {key: reverse(name, args=[_PK]) for key, name in CARD_URLS.items()}


def _times(n: int) -> str:
    return {1: "once", 2: "2 times"}.get(n, f"{n} times")


def with_done_ever(goals: GoalQuerySet) -> GoalQuerySet:
    """Annotate whether each goal was ever done: what a one-off goal needs, without history."""
    done = CheckIn.objects.filter(goal=OuterRef("pk"), kind=CheckIn.Kind.DONE)
    return goals.annotate(done_ever=Exists(done))


@dataclass
class Card:
    """One goal on Today, with the progress Today shows for it."""

    goal: Goal
    progress: Progress
    today: date
    url_patterns: dict[str, str] = field(default_factory=card_url_patterns)

    @cached_property
    def urls(self) -> dict[str, str]:
        pk = str(self.goal.pk)
        return {key: url.replace(str(_PK), pk) for key, url in self.url_patterns.items()}

    @property
    def state(self) -> str | None:
        return self.progress.today

    @property
    def is_moment(self) -> bool:
        return self.goal.shape == Shape.IF_THEN

    @property
    def is_one_off(self) -> bool:
        return self.goal.shape == Shape.DEADLINE

    @property
    def one_off_done(self) -> bool:
        return self.state == "done" or bool(getattr(self.goal, "done_ever", False))

    @property
    def deadline_passed(self) -> bool:
        return self.is_one_off and self.goal.deadline < self.today and not self.one_off_done

    @property
    def not_started(self) -> bool:
        return self.goal.start_date > self.today

    @property
    def rhythm_words(self) -> str:
        goal = self.goal
        if goal.shape == Shape.DAILY:
            words = "Every day"
        elif goal.shape == Shape.WEEKLY:
            words = f"{_times(goal.times_per_week or 1).capitalize()} a week"
        elif goal.shape == Shape.IF_THEN:
            words = f"When {goal.trigger}" if goal.trigger else "Each time the moment comes"
        else:
            words = f"By {format_date(goal.deadline, 'l j F')}"
        if goal.duration_seconds:
            words += f", {seconds_label(goal.duration_seconds)}"
        return words

    @property
    def week_words(self) -> str:
        """This week's count against the target, in words: "2 of 3 this week"."""
        count, target = self.progress.week_count, self.goal.weekly_target
        if self.is_moment:
            if count == 0:
                return "No moments counted yet this week"
            return f"{count} moment{'' if count == 1 else 's'} this week"
        if target is None:
            return ""
        return f"{count} of {target} this week"

    @property
    def strength_words(self) -> str:
        return describe(self.progress.strength)


@dataclass
class Board:
    today: date
    season: HardSeason | None = None
    returned_from: HardSeason | None = None
    for_today: list[Card] = field(default_factory=list)
    this_week: list[Card] = field(default_factory=list)
    moments: list[Card] = field(default_factory=list)
    soon: list[Card] = field(default_factory=list)
    partner: User | None = None
    partner_cards: list[Card] = field(default_factory=list)
    is_quiet: bool = False

    @property
    def mine(self) -> list[Card]:
        return [*self.for_today, *self.this_week, *self.moments, *self.soon]

    @property
    def may_be_quiet(self) -> bool:
        """Nothing this week, after some progress before: perhaps time for a gentle word."""
        started = [c for c in self.mine if not c.not_started and not c.is_one_off]
        return (
            bool(started)
            and all(c.progress.week_count == 0 and c.state is None for c in started)
            and any(c.progress.strength > 0 for c in started)
        )


def _season_now(seasons: list[HardSeason], today: date) -> HardSeason | None:
    return next((s for s in seasons if s.covers(today)), None)


def _recently_ended(seasons: list[HardSeason], today: date) -> HardSeason | None:
    first = today - timedelta(days=WELCOME_BACK_DAYS)
    ended = [s for s in seasons if first <= s.end_date < today]
    return max(ended, key=lambda s: s.end_date, default=None)


def board_for(user: User, today: date, *, partner: User | None) -> Board:
    """The board of ``user`` (``partner``: theirs, as the caller has read it, or None)."""
    goals = list(with_done_ever(Goal.objects.visible_to(user).active()))
    owners = [user.pk] + ([partner.pk] if partner else [])
    since = today - timedelta(days=WELCOME_BACK_DAYS)
    if goals:
        since = min(since, window_start(goals, today))
    seasons = seasons_by_owner(owners, since=since)

    board = Board(today=today, partner=partner)
    board.season = _season_now(seasons[user.pk], today)
    if board.season is None:
        board.returned_from = _recently_ended(seasons[user.pk], today)

    patterns = card_url_patterns()
    for progress in progress_for(goals, seasons, today=today):
        card = Card(goal=progress.goal, progress=progress, today=today, url_patterns=patterns)
        if card.goal.owner_id != user.pk:
            board.partner_cards.append(card)
        elif card.not_started:
            board.soon.append(card)
        elif card.goal.shape == Shape.WEEKLY:
            board.this_week.append(card)
        elif card.is_moment:
            board.moments.append(card)
        else:
            board.for_today.append(card)
    if board.may_be_quiet:  # a new week may have just begun: look at the last seven days
        recent = CheckIn.objects.filter(
            goal__in=[c.goal.pk for c in board.mine],
            kind=CheckIn.Kind.DONE,
            day__gt=today - timedelta(days=QUIET_DAYS),
        )
        board.is_quiet = not recent.exists()
    return board


def card_for(user: User, goal: Goal, today: date) -> tuple[Card, HardSeason | None]:
    """One of the member's own goals (read by this request), for redrawing its card after a
    change to its check-ins."""
    if goal.shape == Shape.DEADLINE:
        goal.done_ever = goal.checkins.filter(kind=CheckIn.Kind.DONE).exists()
    seasons = seasons_by_owner([user.pk], since=window_start([goal], today))
    [progress] = progress_for([goal], seasons, today=today)
    return Card(goal=goal, progress=progress, today=today), _season_now(seasons[user.pk], today)
