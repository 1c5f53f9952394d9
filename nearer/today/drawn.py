"""Today's board, drawn once for each version of what it shows, and kept in this process.

Drawing the board (the goals, their progress and the cards) is most of what Today costs.
What it shows changes only when the member or their partner writes something: a check-in, a
rest day or an undo, a goal added, changed, shared, completed or deleted, a pause begun or
ended. Every action that makes such a write calls ``BoardVersion.objects.bump`` in the same
transaction, which gives the member and their partner a new version. So each request reads
the version first (one small query: the same answer in every server process), then draws
the board only if this process keeps no drawing of that version yet.

The key also holds the member's local date (progress and "Starting soon" move with it) and
their couple (linking and unlinking change the partner's cards).

Read fresh on every request, never kept: the notifications, the welcome, the reflection day
and the partner's name. Whether any notification is unread comes with the version, so the
notifications themselves are read only when there is something to show. The forms' CSRF
token is put in when the page is served.

On a visit with nothing of its own to say (no unread notification, no welcome, no message)
the whole page is kept too (``kept_pages``), keyed on the board's key and what else it shows:
the member's and the partner's names and whether it is the reflection day.
"""

import functools
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Exists, OuterRef
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from nearer.accounts.models import User
from nearer.reminders.models import Notification
from nearer.today.board import board_for
from nearer.today.models import SUNDAY, BoardVersion, new_version

KEPT = 1000  # members whose board each server process keeps (about 10 KB each)
TOKEN = secrets.token_hex(16)  # stands for the CSRF token in kept drawings


@dataclass(frozen=True)
class Drawn:
    """The board as HTML, with ``TOKEN`` where each form's CSRF token goes."""

    key: tuple
    board_html: str
    partner_html: str
    season: bool
    has_goals: bool

    def served(self, csrf_token: str) -> "Served":
        return Served(
            board=mark_safe(self.board_html.replace(TOKEN, csrf_token)),  # noqa: S308 (our HTML)
            partner_cards=mark_safe(self.partner_html.replace(TOKEN, csrf_token)),  # noqa: S308
            season=self.season,
            has_goals=self.has_goals,
        )


@dataclass(frozen=True)
class Served:
    """A drawing with this request's CSRF token in its forms, ready for the page."""

    board: SafeString
    partner_cards: SafeString
    season: bool
    has_goals: bool


@dataclass(frozen=True)
class Page:
    """The whole of Today as HTML, with ``TOKEN`` where the CSRF token goes; kept only for a
    visit with nothing of its own to say (no message, notification or welcome)."""

    key: tuple
    html: str

    def served(self, csrf_token: str) -> str:
        return self.html.replace(TOKEN, csrf_token)


class Kept:
    """The latest drawing for each of the members seen most recently, in this process."""

    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self._boards: OrderedDict[int, Drawn | Page] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, member_id: int) -> bool:
        return member_id in self._boards

    def get(self, member_id: int, key: tuple) -> Drawn | Page | None:
        with self._lock:
            drawn = self._boards.get(member_id)
            if drawn is None or drawn.key != key:
                return None
            self._boards.move_to_end(member_id)
            return drawn

    def put(self, member_id: int, drawn: Drawn | Page) -> None:
        with self._lock:
            self._boards[member_id] = drawn
            self._boards.move_to_end(member_id)
            while len(self._boards) > self.size:
                self._boards.popitem(last=False)


kept = Kept()
kept_pages = Kept()


@dataclass(frozen=True)
class Stamp:
    """What each visit reads before anything else, in one query: the board's version, the
    partner (id and name, if linked), the member's reflection day and whether they have an
    unread notification."""

    version: int | None
    partner: User | None
    reflection_weekday: int
    has_unread: bool


def read_stamp(user: User) -> Stamp:
    by_couple = user.couple_id is not None  # then the member and their partner
    sql, params = _stamp_sql(connection.vendor, by_couple)
    whose = user.couple_id if by_couple else user.pk
    with connection.cursor() as cursor:
        cursor.execute(sql, [whose if p is _WHOSE else p for p in params])
        rows = cursor.fetchall()
    version, partner, weekday, has_unread = None, None, None, False
    for pk, name, stamp, chosen, waiting in rows:
        if pk == user.pk:
            version, weekday, has_unread = stamp, chosen, waiting
        else:
            partner = User(pk=pk, display_name=name, couple_id=user.couple_id)
    return Stamp(
        version=version,
        partner=partner,
        reflection_weekday=SUNDAY if weekday is None else weekday,
        has_unread=bool(has_unread),
    )


_WHOSE = object()  # stands for the couple's or the member's id in the kept parameters
_SENTINEL = -7_340_117  # an id no row has, to find where it went among the parameters


@functools.cache
def _stamp_sql(vendor: str, by_couple: bool) -> tuple[str, tuple]:
    """The stamp's SQL and parameters, written by the ORM once per process: working it out
    again on every visit cost more than running it (about 0.3 of 0.4 ms)."""
    del vendor  # part of the key: each database gets its own dialect
    if by_couple:
        rows = User.objects.filter(couple_id=_SENTINEL)
    else:
        rows = User.objects.filter(pk=_SENTINEL)
    unread = Notification.objects.unread().filter(user=OuterRef("pk"))
    query = rows.annotate(waiting=Exists(unread)).values_list(
        "pk", "display_name", "board_version__version", "reflection_day__weekday", "waiting"
    )
    sql, params = query.query.sql_with_params()
    if params.count(_SENTINEL) != 1:
        raise RuntimeError(f"Today's stamp query changed shape: {params!r}")
    return sql, tuple(_WHOSE if p == _SENTINEL else p for p in params)


def drawn_board(user: User, today: date) -> tuple[Drawn, Stamp]:
    """Today's board for ``user`` on their date ``today``, with what was read to find it."""
    stamp = read_stamp(user)
    version = stamp.version
    if version is None:
        # No version yet (a first visit), or the couple changed a moment ago. Start one. If
        # another request's row won, ours is never read again, so the drawing kept under it
        # is never served.
        version = new_version()
        BoardVersion.objects.bulk_create(
            [BoardVersion(member_id=user.pk, version=version)], ignore_conflicts=True
        )
    partner_id = stamp.partner.pk if stamp.partner else None
    key = (version, today, user.couple_id, partner_id)
    drawn = kept.get(user.pk, key)
    if drawn is None:
        drawn = draw(user, today, partner=stamp.partner, key=key)
        kept.put(user.pk, drawn)
    return drawn, stamp


def draw(user: User, today: date, *, partner: User | None, key: tuple) -> Drawn:
    """Draw the board: the part of Today between the welcome and the partner's name, and the
    partner's cards. Rendered without the request, so nothing of one visit is kept."""
    board = board_for(user, today, partner=partner)
    context = {"board": board, "season": board.season, "csrf_token": TOKEN}
    return Drawn(
        key=key,
        board_html=get_template("today/today.html#board").render(context),
        partner_html=(
            get_template("today/today.html#partner_cards").render(context)
            if board.partner_cards
            else ""
        ),
        season=board.season is not None,
        has_goals=bool(board.mine),
    )
